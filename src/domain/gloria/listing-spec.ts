import { foldDanish, slugOf } from '../danish-text.ts';
import { addDays, mondayOf } from '../time.ts';

/**
 * A live listing in an article (ADR 038): the line `[[liste: aktiviteter bydel=norrebro uge=naeste]]` read
 * into what to list, and written back. Pure: the listing itself is made from the live data by
 * `app/get-live-listings.ts`. Danish letters and their ASCII folds are the same word (`forløb` = `forloeb`).
 */

export const listingKinds = ['aktiviteter', 'forloeb', 'nye', 'lukker'] as const;
/** Activities in a period; open courses; places opened recently; places closing soon. */
export type ListingKind = (typeof listingKinds)[number];

/** A week or a month counted from this one (-1 the one before, 0 this, 1 the next), or a number of days. */
export type ListingPeriod = { unit: 'uge' | 'maaned'; offset: -1 | 0 | 1 } | { unit: 'dage'; days: number };

export type ListingSpec = {
  kind: ListingKind;
  /** A district's slug (`amager-ost`), or null for the whole city. */
  district: string | null;
  /** Null: the kind's own default (`defaultPeriod`). */
  period: ListingPeriod | null;
  /** The most items shown, 1–50. */
  max: number;
};

export const defaultMax = 10;
export const maxItems = 50;
export const maxDays = 366;

/**
 * What a listing without period words covers: activities the coming 7 days; places opened the last 90 days.
 * Open courses are every one not ended yet, places closing every one announced (null).
 */
export function defaultPeriod(kind: ListingKind): ListingPeriod | null {
  if (kind === 'aktiviteter') return { unit: 'dage', days: 7 };
  if (kind === 'nye') return { unit: 'dage', days: 90 };
  return null;
}

/** The words as an editor writes them (the Danish spelling; the folds are read too). */
const kindWords: Record<ListingKind, string> = { aktiviteter: 'aktiviteter', forloeb: 'forløb', nye: 'nye', lukker: 'lukker' };
const offsetWords: Record<'-1' | '0' | '1', string> = { '-1': 'forrige', '0': 'denne', '1': 'næste' };
const keyWords = ['bydel', 'uge', 'måned', 'dage', 'maks'] as const;

/** Folded word → what it means; a few plain synonyms an editor is likely to type. */
const kindByFold: Record<string, ListingKind> = {
  aktiviteter: 'aktiviteter',
  aktivitet: 'aktiviteter',
  forloeb: 'forloeb',
  nye: 'nye',
  lukker: 'lukker',
};
const offsetByFold: Record<string, -1 | 0 | 1> = { forrige: -1, sidste: -1, denne: 0, naeste: 1 };
const keyByFold: Record<string, (typeof keyWords)[number]> = {
  bydel: 'bydel',
  uge: 'uge',
  maaned: 'måned',
  dage: 'dage',
  maks: 'maks',
  max: 'maks',
};

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
const knownKinds = 'aktiviteter, forløb, nye eller lukker';
const knownKeys = 'bydel=…, uge=…, måned=…, dage=… og maks=…';
const example = '[[liste: aktiviteter bydel=norrebro uge=naeste]]';

type Read = { ok: true; spec: ListingSpec } | { ok: false; message: string };
const fail = (message: string): Read => ({ ok: false, message });

/** Reads one line of an article; a line that is not a listing, or one with a word it cannot read, gets a plain-Danish message. */
export function readListingLine(line: string): Read {
  const match = /^\s*\[\[\s*liste\s*:(.*)\]\]\s*$/iu.exec(line);
  if (!match) return fail(`Linjen er ikke en liste. Skriv den sådan: ${example}`);
  const tokens = match[1]!.trim().split(/\s+/u).filter(Boolean);
  if (tokens.length === 0) return fail(`Skriv hvad listen skal vise: ${knownKinds}. Fx ${example}`);
  const [first, ...rest] = tokens as [string, ...string[]];
  const kind = kindByFold[foldDanish(first)];
  if (!kind) return fail(`Vi kender ikke ordet «${clip(first)}». Listen kan vise ${knownKinds}.`);
  const spec: ListingSpec = { kind, district: null, period: null, max: defaultMax };
  const seen = new Set<string>();
  for (const token of rest) {
    const equals = token.indexOf('=');
    const rawKey = equals < 0 ? token : token.slice(0, equals);
    const key = keyByFold[foldDanish(rawKey)];
    if (!key) {
      const hint = kindByFold[foldDanish(token)] ? ' En liste viser kun én slags ting.' : '';
      return fail(`Vi kender ikke ordet «${clip(token)}».${hint} Efter «${kindWords[kind]}» kan du skrive ${knownKeys}.`);
    }
    const value = equals < 0 ? '' : token.slice(equals + 1);
    if (value === '') return fail(`Skriv hvad «${key}» skal være, fx ${key === 'bydel' ? 'bydel=norrebro' : key === 'dage' ? 'dage=30' : key === 'maks' ? 'maks=10' : `${key}=næste`}.`);
    const group = key === 'uge' || key === 'måned' || key === 'dage' ? 'periode' : key;
    if (seen.has(group)) {
      return fail(group === 'periode' ? `Skriv kun én periode: uge=…, måned=… eller dage=…, ikke «${clip(token)}» også.` : `Skriv kun «${key}» én gang.`);
    }
    seen.add(group);
    const folded = foldDanish(value);
    if (key === 'bydel') {
      // «Amager Øst» cannot be one word; «amager-øst», «amager-oest» and «amager-ost» are all read.
      const slug = slugOf(value, '');
      if (slug === '') return fail(`Vi kan ikke læse bydelen «${clip(value)}». Skriv den med bogstaver og bindestreger, fx bydel=amager-ost.`);
      spec.district = slug;
    } else if (key === 'uge' || key === 'måned') {
      const offset = offsetByFold[folded];
      if (offset === undefined) return fail(`Vi kan ikke læse «${clip(token)}». Skriv ${key}=denne, ${key}=næste eller ${key}=forrige.`);
      spec.period = { unit: key === 'uge' ? 'uge' : 'maaned', offset };
    } else {
      const limit = key === 'dage' ? maxDays : maxItems;
      const number = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
      if (!(number >= 1 && number <= limit)) return fail(`Vi kan ikke læse «${clip(token)}». Skriv ${key} som et tal fra 1 til ${limit}.`);
      if (key === 'dage') spec.period = { unit: 'dage', days: number };
      else spec.max = number;
    }
  }
  return { ok: true, spec };
}

/** The line for a spec, in the Danish spelling; `readListingLine` reads it back to the same spec. */
export function formatListingLine(spec: ListingSpec): string {
  const words = [kindWords[spec.kind]];
  if (spec.district) words.push(`bydel=${spec.district}`);
  const period = spec.period;
  if (period?.unit === 'dage') words.push(`dage=${period.days}`);
  else if (period) words.push(`${period.unit === 'uge' ? 'uge' : 'måned'}=${offsetWords[String(period.offset) as '0']}`);
  if (spec.max !== defaultMax) words.push(`maks=${spec.max}`);
  return `[[liste: ${words.join(' ')}]]`;
}

/** Every line of a text that is a listing line, read: for an article with several listings. */
export function readListingLines(text: string): Read[] {
  return text.split(/\r?\n/u).filter((line) => /^\s*\[\[\s*liste\s*:/iu.test(line)).map(readListingLine);
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The dates a spec covers on `today` (a Copenhagen date), both included; null for no period. Days count
 * back for new places (`nye dage=90`: the last 90 days) and ahead for the rest. Activities and courses never
 * reach back before today: a listing is for what is coming.
 */
export function listingWindow(spec: ListingSpec, today: string): { from: string; to: string } | null {
  const period = spec.period ?? defaultPeriod(spec.kind);
  if (!period) return null;
  let from: string;
  let to: string;
  if (period.unit === 'dage') {
    [from, to] = spec.kind === 'nye' ? [addDays(today, -period.days), today] : [today, addDays(today, period.days - 1)];
  } else if (period.unit === 'uge') {
    from = addDays(mondayOf(today), 7 * period.offset);
    to = addDays(from, 6);
  } else {
    const date = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 + period.offset, 1));
    from = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-01`;
    const next = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
    to = addDays(`${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-01`, -1);
  }
  return { from, to };
}

