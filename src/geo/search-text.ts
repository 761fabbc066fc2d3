import {
  type GeocodeOutcome,
  invalid,
  invalidMessages,
  maxQueryLength,
  postcodeOutsideDenmarkMessage,
} from './geocoder.ts';
import { foldDanish } from '../domain/danish-text.ts';

/**
 * What a citizen typed, split into the parts a Danish address has. Both geocoders read it the same way,
 * so "Portugalsgade 10, 2300 København S" and "portugalsgade 10 2300" mean the same to each.
 */
export type SearchText = {
  /** The text as shown back to the person: spaces collapsed, nothing else changed. */
  query: string;
  /** Words before the house number, or all the words when there is no number ("København N", "Tingbjerg"). */
  words: string | null;
  houseNumber: string | null;
  postcode: string | null;
  /** The town after a postcode or a comma ("København S"). */
  town: string | null;
};

const postcodePattern = /(?:^|[\s,])(\d{4})(?=$|[\s,])/u;
const houseNumberPattern = /^(\d{1,3}[a-zA-Z]?)(?:-\d{1,3}[a-zA-Z]?)?,?$/u;
// Floor and door after a house number ("st.", "2. th", "kl") say nothing about where the building is.
const floorOrDoorPattern = /^(st|stuen|kl|kld|kælder|sal|tv|th|mf|\d{1,2}\.?)\.?,?$/iu;

/** Collapse spaces and check the text; returns the parts, or the 'invalid' outcome with its Danish sentence. */
export function checkSearchText(text: string): { ok: true; search: SearchText } | { ok: false; outcome: GeocodeOutcome } {
  const query = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (query === '') return { ok: false, outcome: invalid(query, 'empty', invalidMessages.empty) };
  if ([...query].length > maxQueryLength) {
    return { ok: false, outcome: invalid(query, 'too_long', invalidMessages.too_long) };
  }
  if (!/[\p{L}\p{N}]/u.test(query)) {
    return { ok: false, outcome: invalid(query, 'no_letters_or_digits', invalidMessages.no_letters_or_digits) };
  }
  if (/^\d+$/u.test(query) && query.length !== 4) {
    return { ok: false, outcome: invalid(query, 'not_a_postcode', invalidMessages.not_a_postcode) };
  }
  const search = parseSearchText(query);
  if (search.postcode && !isDanishPostcode(search.postcode)) {
    return {
      ok: false,
      outcome: invalid(query, 'postcode_outside_denmark', postcodeOutsideDenmarkMessage(search.postcode)),
    };
  }
  return { ok: true, search };
}

export function isDanishPostcode(postcode: string): boolean {
  const value = Number(postcode);
  return /^\d{4}$/u.test(postcode) && value >= 1000 && value <= 9990;
}

function parseSearchText(query: string): SearchText {
  // "Kapelvej55" is read as "Kapelvej 55".
  const spaced = query.replace(/(\p{L}{3,})(\d)/gu, '$1 $2');
  const postcodeMatch = postcodePattern.exec(spaced);
  let before = spaced;
  let town: string | null = null;
  let postcode: string | null = null;
  if (postcodeMatch) {
    postcode = postcodeMatch[1]!;
    const start = postcodeMatch.index + postcodeMatch[0].indexOf(postcode);
    before = spaced.slice(0, start);
    town = cleanWords(spaced.slice(start + 4));
  }
  const tokens = before.split(/[\s,]+/u).filter(Boolean);
  const numberAt = tokens.findIndex(
    (token, index) => index > 0 && houseNumberPattern.test(token) && tokens.slice(0, index).some(hasLetter),
  );
  if (numberAt === -1) {
    // "Griffenfeldsgade, København N": the street before the comma, the town after it.
    const [first = '', ...others] = before.split(',');
    return { query, words: cleanWords(first), houseNumber: null, postcode, town: town ?? cleanWords(others.join(' ')) };
  }
  const houseNumber = houseNumberPattern.exec(tokens[numberAt]!)![1]!.toUpperCase();
  const rest = tokens.slice(numberAt + 1).filter((token) => !floorOrDoorPattern.test(token));
  // "Ruten 6E og F": a second house letter, not a town.
  if (rest[0] === 'og' || rest[0] === '&') rest.splice(0, 2);
  return {
    query,
    words: cleanWords(tokens.slice(0, numberAt).join(' ')),
    houseNumber,
    postcode,
    town: town ?? cleanWords(rest.join(' ')),
  };
}

function hasLetter(token: string): boolean {
  return /\p{L}/u.test(token);
}

function cleanWords(text: string): string | null {
  const words = text.replace(/^[\s,.]+|[\s,]+$/gu, '').replace(/\s*,\s*/gu, ' ').trim();
  return hasLetter(words) ? words : null;
}

/**
 * A key for forgiving comparison: case, accents and spacing ignored, and the Danish letters equal to every
 * common ASCII spelling, so "Nørrebrogade", "Noerrebrogade" and "Norrebrogade" share one key, as do
 * "Sundbygårdsvej", "Sundbygaardsvej" and "Sundbygardsvej". "Kbh" is read as "København".
 */
export function matchKey(text: string): string {
  return foldDanish(text)
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim()
    .replace(/\bkbh\b/gu, 'koebenhavn')
    .replace(/aa|ae/gu, 'a')
    .replace(/oe/gu, 'o');
}
