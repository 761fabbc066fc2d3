/**
 * The languages a person can read the site in. Danish is the site's own language and the default; English
 * is a translation of the words the site writes. The places' own texts exist only in Danish.
 */
export type Locale = 'da' | 'en';

export const locales: readonly Locale[] = ['da', 'en'];

/** The language tag `Intl` formats dates, times and numbers with. */
export const intlLocale: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

const and: Record<Locale, string> = { da: 'og', en: 'and' };

/** ['a', 'b', 'c'] -> 'a, b og c' (Danish) or 'a, b and c' (English). */
export function listIn(items: readonly string[], locale: Locale = 'da'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and[locale]} ${items.at(-1)}`;
}

/** The first letter in capitals, as the language writes it. */
export function capitalise(text: string, locale: Locale = 'da'): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
