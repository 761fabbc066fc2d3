import { Icon } from './icon.tsx';

/** `lang` on a crumb whose text is in another language than the page (a place's Danish name on an English page). */
export type Crumb = { text: string; href?: string; lang?: string | undefined };

/** DKFDS 11's breadcrumbs macro (components/breadcrumbs/breadcrumbs.njk); the last crumb is the current page. */
export function Breadcrumbs({ items, ariaLabel = 'Brødkrumme' }: { items: Crumb[]; ariaLabel?: string }) {
  return (
    <nav class="breadcrumbs" aria-label={ariaLabel}>
      <ol class="breadcrumbs__list">
        {items.map((item, index) =>
          item.href ? (
            <li class="breadcrumbs__list-item">
              {index > 0 && <Icon name="chevron-right" />}
              <a class="breadcrumbs__link" href={item.href}>
                {item.lang ? <span lang={item.lang}>{item.text}</span> : item.text}
              </a>
            </li>
          ) : (
            <li class="breadcrumbs__list-item" aria-current="page">
              <Icon name="chevron-right" />
              {item.lang ? <span lang={item.lang}>{item.text}</span> : item.text}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
