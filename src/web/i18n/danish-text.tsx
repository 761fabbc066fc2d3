import type { Child } from 'hono/jsx';
import type { Locale } from '../../domain/locale.ts';
import type { Segments } from './da.ts';

/**
 * The places' own texts (names, descriptions, addresses, notes) exist only in Danish. On an English page
 * they are marked lang="da", so a screen reader reads them with a Danish voice; on a Danish page the
 * marking would say nothing, so it is left out and the page is as before.
 */
export function DanishText({ locale, children }: { locale: Locale; children: Child }) {
  // biome-ignore lint/complexity/noUselessFragments: a component returns an element; the fragment returns the children unchanged.
  return locale === 'da' ? <>{children}</> : <span lang="da">{children}</span>;
}

/** The lang attribute for an element that holds only the places' own Danish text: none on a Danish page. */
export function danishLang(locale: Locale): 'da' | undefined {
  return locale === 'da' ? undefined : 'da';
}

/** Words with Danish ones among them (`Segments`): the Danish words marked on an English page. */
export function WithDanish({ locale, segments }: { locale: Locale; segments: Segments }) {
  return (
    <>
      {segments.map((segment) =>
        typeof segment === 'string' ? segment : <DanishText locale={locale}>{segment.da}</DanishText>,
      )}
    </>
  );
}

/**
 * A sentence of the site's with places' names in it (a place closing and merging into another, a place replacing
 * one): on an English page the first name found is marked Danish.
 */
export function WithPlaceNames({ text, names, locale }: { text: string; names: readonly (string | null)[]; locale: Locale }) {
  const name = locale === 'da' ? undefined : names.find((item): item is string => item !== null && item !== '' && text.includes(item));
  if (!name) return <>{text}</>;
  const at = text.indexOf(name);
  return <WithDanish locale={locale} segments={[text.slice(0, at), { da: name }, text.slice(at + name.length)]} />;
}
