/**
 * Danish text folded for comparison: lower case, the Danish letters spelled as on a keyboard without them
 * (æ → ae, ø → oe, å → aa; ä and ö as in German names) and every other accent dropped, so «Fællesspisning på
 * Nørrebro» and «faellesspisning paa noerrebro» compare equal. The one folding for names, course texts, slugs
 * and addresses in the app. (The database's `fold_text` follows PostgreSQL's unaccent and is only compared
 * with itself; seeded locations keep the slugs they were first given, `db/seed/seed-range.ts`.)
 */
export function foldDanish(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('da')
    .replace(/æ|ä/gu, 'ae')
    .replace(/ø|ö/gu, 'oe')
    .replace(/å/gu, 'aa')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
}

/** A word for an address from a title: «Hverdagsøkonomi for unge» → «hverdagsoekonomi-for-unge»; empty gives `fallback`. */
export function slugOf(text: string, fallback: string, maxLength = 60): string {
  const slug = foldDanish(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return slug || fallback;
}
