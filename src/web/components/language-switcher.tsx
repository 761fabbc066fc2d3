import type { Locale } from '../../domain/locale.ts';
import { Icon } from './icon.tsx';

export type LanguageLink = { code: Locale; name: string; href: string; isCurrent: boolean };

/**
 * DKFDS 11's languageSwitcher macro (components/language-switcher/language-switcher.njk): a list of the
 * page in each language, the current one first (DKFDS styles the first item as the chosen one) with a
 * check mark and aria-current. Each name is written in its own language and marked so (`lang`), and
 * `hreflang` says which language a link leads to. Plain links, so it works without JavaScript.
 * One change from the macro: the current language is text, not a link to the page itself, so it is
 * not a Tab stop that leads nowhere before every page's content.
 * `note` is a line under the list, for what stays in another language.
 */
export function LanguageSwitcher({ ariaLabel, languages, note }: { ariaLabel: string; languages: LanguageLink[]; note?: string | null }) {
  const ordered = [...languages.filter((language) => language.isCurrent), ...languages.filter((language) => !language.isCurrent)];
  return (
    <div class="language-switcher">
      <div class="container">
        <ul aria-label={ariaLabel}>
          {ordered.map((language) => (
            <li>
              {language.isCurrent ? (
                <span class="language-switcher-current" lang={language.code} aria-current="true">
                  <Icon name="check" />
                  {language.name}
                </span>
              ) : (
                <a href={language.href} lang={language.code} hreflang={language.code}>
                  {language.name}
                </a>
              )}
            </li>
          ))}
        </ul>
        {note && <p class="language-switcher-note">{note}</p>}
      </div>
    </div>
  );
}
