import type { Locale } from '../../domain/locale.ts';
import { da, type Messages } from './da.ts';
import { en } from './en.ts';

/**
 * The site's own words in each language, and the addresses of the two language versions of a page.
 *
 * How a page gets its language: the route knows it (the Danish routes are mounted at `/`, the same routes
 * again at `/en`, see `wiring.ts`) and passes `locale` to the page as a prop, with the page's own address
 * in its Danish form (`path`) for the language switcher. The page passes `locale` on to every component
 * that writes words or links; a component reads its words from `messages[locale]`. Nothing is global and
 * nothing is read from the request inside a view, so a component renders the same for the same props.
 */

export { intlLocale, type Locale, locales } from '../../domain/locale.ts';
export type { Messages } from './da.ts';

/** Every key in Danish must be in English too: `en` is typed by `da`. */
export const messages: Record<Locale, Messages> = { da, en };

/** What each language is called in itself, for the language switcher. */
export const languageNames: Record<Locale, string> = { da: 'Dansk', en: 'English' };

const prefix: Record<Locale, string> = { da: '', en: '/en' };

/**
 * A Danish-form address ('/', '/?q=musik', '/#resultater', '/tilbud/nabo?steder=nabo') in a language:
 * unchanged in Danish, under /en in English ('/en', '/en?q=musik', '/en/tilbud/nabo?steder=nabo').
 * The paths and query words stay Danish in both, so a shared link maps one to one.
 */
export function hrefIn(locale: Locale, path: string): string {
  if (locale === 'da') return path;
  const isFrontPage = path === '/' || path.startsWith('/?') || path.startsWith('/#');
  return isFrontPage ? `${prefix[locale]}${path.slice(1)}` : `${prefix[locale]}${path}`;
}

/** The language of a request path: English under /en, Danish everywhere else. */
export function localeOfPath(pathname: string): Locale {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'da';
}

/** A request's address (path and query) in its Danish form: '/en/kort?q=musik' -> '/kort?q=musik'. */
export function danishPathOf(url: string): string {
  const { pathname, search } = new URL(url, 'http://localhost');
  const path = localeOfPath(pathname) === 'en' ? pathname.slice(prefix.en.length) || '/' : pathname;
  return `${path}${search}`;
}

/** What every page is given besides its data: its language and its own address in Danish form (see `Layout`). */
export type PageLanguage = { locale: Locale; path: string };
