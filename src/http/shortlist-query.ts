import { z } from 'zod';
import type { Locale } from '../domain/locale.ts';
import { type DroppedSlug, type NoteReading, normaliseShortlist, readNote, shortlistLimit } from '../domain/shortlist.ts';

/**
 * The shortlist's URL (`/liste?steder=nabo,kompasset&note=…`): the whole state, read and written here.
 * Nothing is stored on the server, so the link is the list.
 */

export const shortlistParams = { places: 'steder', note: 'note' } as const;

const querySchema = z.object({
  [shortlistParams.places]: z.array(z.string()).optional(),
  [shortlistParams.note]: z.array(z.string()).optional(),
});

export type ShortlistQuery = { slugs: string[]; dropped: DroppedSlug[]; note: NoteReading };

/** Never fails: what cannot be read is dropped and explained by the page. */
export function parseShortlistQuery(query: Record<string, string[]>): ShortlistQuery {
  const parsed = querySchema.parse(query);
  const { slugs, dropped } = normaliseShortlist(parsed[shortlistParams.places]);
  // A note given twice (a hand-made link) keeps the first one that says something.
  const note = (parsed[shortlistParams.note] ?? []).map(readNote).find((reading) => reading.kind !== 'none') ?? { kind: 'none' };
  return { slugs, dropped, note };
}

/** Slugs are [a-z0-9-], so the list is written with plain commas, which read better than %2C. */
function query(slugs: readonly string[], note?: string | null): string {
  const parts = slugs.length > 0 ? [`${shortlistParams.places}=${slugs.join(',')}`] : [];
  if (note) parts.push(`${shortlistParams.note}=${encodeURIComponent(note)}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** The list page for these places (and note): `/liste?steder=nabo,kompasset`. */
export function shortlistHref(slugs: readonly string[], note?: string | null): string {
  return `/liste${query(slugs, note)}`;
}

/** The print view of the same list. */
export function shortlistPrintHref(slugs: readonly string[], note?: string | null): string {
  return `/liste/udskriv${query(slugs, note)}`;
}

/** A page that should keep the list while someone looks around: `/tilbud/nabo?steder=…`, `/?steder=…`. */
export function withShortlist(path: string, slugs: readonly string[]): string {
  return `${path}${query(slugs)}`;
}

const noticeWords: Record<
  Locale,
  { oneInvalid: (value: string) => string; someInvalid: (count: number) => string; overLimit: (limit: number, over: number) => string }
> = {
  da: {
    oneInvalid: (value) => `Vi kan ikke læse «${value}» som et sted, så det er ikke med på listen.`,
    someInvalid: (count) => `Vi kan ikke læse ${count} af stederne i linket, så de er ikke med på listen.`,
    overLimit: (limit, over) =>
      `Der kan højst være ${limit} steder på en liste. Vi har beholdt de første ${limit}, så ${over === 1 ? '1 sted' : `${over} steder`} er ikke med.`,
  },
  en: {
    oneInvalid: (value) => `We cannot read “${value}” as a place, so it is not on the list.`,
    someInvalid: (count) => `We cannot read ${count} of the places in the link, so they are not on the list.`,
    overLimit: (limit, over) =>
      `A list can hold at most ${limit} places. We have kept the first ${limit}, so ${over === 1 ? '1 place is' : `${over} places are`} not on it.`,
  },
};

/** What was left out of a link, in plain words (Danish unless told); a repeated place is simply shown once. */
export function shortlistNotices(dropped: readonly DroppedSlug[], locale: Locale = 'da'): string[] {
  const say = noticeWords[locale];
  const notices: string[] = [];
  const invalid = dropped.filter((item) => item.reason === 'invalid');
  if (invalid.length === 1) notices.push(say.oneInvalid(invalid[0]!.value.slice(0, 40)));
  if (invalid.length > 1) notices.push(say.someInvalid(invalid.length));
  const overLimit = dropped.filter((item) => item.reason === 'over_limit').length;
  if (overLimit > 0) notices.push(say.overLimit(shortlistLimit, overLimit));
  return notices;
}
