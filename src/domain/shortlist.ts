/**
 * The shortlist: places someone has pinned to show a citizen, kept only in the link. These rules read
 * what a link says into a clean list and a note, and say what was left out and why.
 */

/** More places than this on one handout stops being a shortlist (and no longer fits two A4 pages). */
export const shortlistLimit = 12;
/** The partner's note to the citizen, in characters as a browser counts them (DKFDS's character limit). */
export const noteLimit = 500;

const slugPattern = /^[a-z0-9-]{1,60}$/;

export type DropReason = 'invalid' | 'duplicate' | 'over_limit';
export type DroppedSlug = { value: string; reason: DropReason };
export type Shortlist = { slugs: string[]; dropped: DroppedSlug[] };

/**
 * The list from the `steder` values of a link ('nabo,kompasset', possibly given more than once): slugs in
 * the order first given, each once, at most `shortlistLimit`. Letters are lowercased and spaces trimmed;
 * empty items (a trailing comma) are skipped without a word. Normalising the result again changes nothing.
 */
export function normaliseShortlist(values: string | readonly string[] | undefined): Shortlist {
  const items = (typeof values === 'string' ? [values] : (values ?? [])).flatMap((value) => value.split(','));
  const slugs: string[] = [];
  const dropped: DroppedSlug[] = [];
  for (const item of items) {
    const value = item.trim().toLowerCase();
    if (value === '') continue;
    if (!slugPattern.test(value)) dropped.push({ value: item.trim().slice(0, 60), reason: 'invalid' });
    else if (slugs.includes(value)) dropped.push({ value, reason: 'duplicate' });
    else if (slugs.length >= shortlistLimit) dropped.push({ value, reason: 'over_limit' });
    else slugs.push(value);
  }
  return { slugs, dropped };
}

export function addToShortlist(slugs: readonly string[], slug: string): string[] {
  return normaliseShortlist([...slugs, slug]).slugs;
}

export function removeFromShortlist(slugs: readonly string[], slug: string): string[] {
  return slugs.filter((item) => item !== slug);
}

export type NoteReading =
  | { kind: 'none' }
  | { kind: 'note'; text: string }
  | { kind: 'too_long'; text: string; length: number };

/**
 * The partner's note as plain text. Line breaks are made one character each (a form sends CR LF, a
 * browser counts one), other control characters are removed, and an empty note is no note.
 */
export function readNote(value: string | undefined): NoteReading {
  const text = (value ?? '')
    .replace(/\r\n?/g, '\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();
  if (text === '') return { kind: 'none' };
  return text.length > noteLimit ? { kind: 'too_long', text, length: text.length } : { kind: 'note', text };
}
