import { Icon } from './icon.tsx';

export type Crumb = { text: string; href?: string };

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
                {item.text}
              </a>
            </li>
          ) : (
            <li class="breadcrumbs__list-item" aria-current="page">
              <Icon name="chevron-right" />
              {item.text}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
