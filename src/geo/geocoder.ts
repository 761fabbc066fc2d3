import type { Locale } from '../domain/locale.ts';

/**
 * The geocoding port: turn what a citizen typed ("Portugalsgade 10", "2200", "København N") into a point.
 * Two adapters implement it: an offline fixture for development and tests, and Dataforsyningen's GSearch.
 * Every outcome a person can meet carries its own plain-Danish text, so views never invent wording.
 */

export type GeocodePrecision = 'address' | 'street' | 'postcode' | 'area';

export type GeocodeResult = {
  /** How the match is shown, e.g. "Portugalsgade 10, 2300 København S". */
  label: string;
  latitude: number;
  longitude: number;
  /** How far the point may be from what was asked for: an entrance, somewhere on the street, a centroid. */
  precision: GeocodePrecision;
  postcode?: string;
};

export type InvalidReason = 'empty' | 'too_long' | 'no_letters_or_digits' | 'not_a_postcode' | 'postcode_outside_denmark';

/** Show `message`, then `suggestion` (not_found); the other outcomes have one sentence in `message`. */
export type GeocodeOutcome =
  | { status: 'found'; query: string; best: GeocodeResult; alternatives: GeocodeResult[] }
  | { status: 'not_found'; query: string; message: string; suggestion: string }
  | { status: 'invalid'; query: string; reason: InvalidReason; message: string }
  | { status: 'unavailable'; query: string; message: string };

export type Geocoder = { search(text: string): Promise<GeocodeOutcome> };

/** What the adapters may log; pino's Logger fits. */
export type GeoLogger = { warn(details: Record<string, unknown>, message: string): void };

export const maxQueryLength = 200;
export const maxAlternatives = 4;

export const unavailableMessage = 'Adressesøgningen svarer ikke lige nu. Du kan stadig søge efter bydel.';

export const invalidMessages: Record<Exclude<InvalidReason, 'postcode_outside_denmark'>, string> = {
  empty: 'Skriv en adresse eller et postnummer, fx 2200.',
  too_long: `Teksten er for lang. Skriv højst ${maxQueryLength} tegn, fx en adresse eller et postnummer.`,
  no_letters_or_digits: 'Skriv en adresse eller et postnummer med bogstaver eller tal, fx 2200.',
  not_a_postcode: 'Et postnummer har fire cifre, fx 2200.',
};

export function postcodeOutsideDenmarkMessage(postcode: string): string {
  return `Postnummeret ${postcode} findes ikke i Danmark. Danske postnumre går fra 1000 til 9990.`;
}

export function invalid(query: string, reason: InvalidReason, message: string): GeocodeOutcome {
  return { status: 'invalid', query, reason, message };
}

export function unavailable(query: string): GeocodeOutcome {
  return { status: 'unavailable', query, message: unavailableMessage };
}

const addressSuggestion = 'Tjek stavningen, eller prøv kun vejnavnet eller et postnummer, fx 2200.';

/** "Not found" with a hint that fits what was typed: an address gets a nudge towards spelling or a postcode. */
export function notFound(query: string, looksLikeAddress: boolean): GeocodeOutcome {
  return {
    status: 'not_found',
    query,
    message: `Vi kunne ikke finde «${query}».`,
    suggestion: looksLikeAddress ? addressSuggestion : 'Prøv et postnummer, fx 2200, eller en adresse med husnummer.',
  };
}

const englishInvalid: Record<InvalidReason, (query: string) => string> = {
  empty: () => 'Write an address or a postcode, for example 2200.',
  too_long: () => `The text is too long. Write at most ${maxQueryLength} characters, for example an address or a postcode.`,
  no_letters_or_digits: () => 'Write an address or a postcode with letters or digits, for example 2200.',
  not_a_postcode: () => 'A postcode has four digits, for example 2200.',
  postcode_outside_denmark: (query) =>
    `The postcode ${/\d{4}/.exec(query)?.[0] ?? query} does not exist in Denmark. Danish postcodes run from 1000 to 9990.`,
};

/**
 * What a page says about an address it could not use: the adapter's own Danish words, or the same in
 * English, chosen by what happened rather than translated from the Danish.
 */
export function geocodeNotice(outcome: Exclude<GeocodeOutcome, { status: 'found' }>, locale: Locale = 'da'): string {
  if (locale === 'da') return outcome.status === 'not_found' ? `${outcome.message} ${outcome.suggestion}` : outcome.message;
  switch (outcome.status) {
    case 'not_found':
      return `We could not find “${outcome.query}”. ${
        outcome.suggestion === addressSuggestion
          ? 'Check the spelling, or try just the street name or a postcode, for example 2200.'
          : 'Try a postcode, for example 2200, or an address with a house number.'
      }`;
    case 'invalid':
      return englishInvalid[outcome.reason](outcome.query);
    case 'unavailable':
      return 'The address search is not answering right now. You can still search by district.';
  }
}

/** The first result is the best; up to four more are offered, without repeating a label. */
export function found(query: string, results: GeocodeResult[]): GeocodeOutcome | null {
  const seen = new Set<string>();
  const unique = results.filter((result) => {
    const key = result.label.toLocaleLowerCase('da');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const [best, ...rest] = unique;
  if (!best) return null;
  return { status: 'found', query, best, alternatives: rest.slice(0, maxAlternatives) };
}
