import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { found, type GeocodeOutcome, type GeocodeResult, type Geocoder, notFound } from './geocoder.ts';
import { checkSearchText, isDanishPostcode, matchKey, type SearchText } from './search-text.ts';

/**
 * The offline geocoder for development and tests: a small hand-made file of Copenhagen postcodes, the
 * offerings' street addresses and a few landmarks. Its points are placeholders, never geocoded; production
 * uses GSearch. It never touches the network.
 */

export const defaultFixturePath = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures/copenhagen-addresses.json',
);

const postcode = z.string().refine(isDanishPostcode, { error: 'skal være et dansk postnummer (1000–9990)' });
const latitude = z.number().min(54.5).max(57.8);
const longitude = z.number().min(8).max(15.2);

const fixtureSchema = z.object({
  about: z.string().regex(/approximate placeholders/u, { error: 'skal sige, at koordinaterne er pladsholdere' }),
  matching: z.string(),
  postcodes: z.array(
    z.object({ postcode, name: z.string().min(1), placedAt: z.string().optional(), latitude, longitude }),
  ),
  postcodeRanges: z.array(z.object({ from: postcode, to: postcode, name: z.string().min(1), latitude, longitude })),
  addresses: z.array(
    z.object({
      label: z.string().min(1),
      street: z.string().min(1),
      houseNumbers: z.array(z.string().regex(/^\d{1,3}[A-Z]?$/u)),
      postcode,
      city: z.string().min(1),
      latitude,
      longitude,
      precision: z.enum(['address', 'street']),
      approximate: z.boolean(),
      seedAddress: z.string().optional(),
      seedOfferings: z.array(z.string()).optional(),
    }),
  ),
  places: z.array(
    z.object({
      name: z.string().min(1),
      aliases: z.array(z.string()),
      postcode: postcode.optional(),
      city: z.string().optional(),
      latitude,
      longitude,
      precision: z.enum(['address', 'street', 'area']),
      approximate: z.boolean(),
    }),
  ),
});

export type AddressFixture = z.infer<typeof fixtureSchema>;

/** Read and check the fixture file; a hand edit that breaks it is named, not guessed at. */
export function loadAddressFixture(filePath: string = defaultFixturePath): AddressFixture {
  const result = fixtureSchema.safeParse(JSON.parse(fs.readFileSync(filePath, 'utf8')));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`Adressefilen ${filePath} er forkert ved ${issue.path.join('.')}: ${issue.message}.`);
  }
  return result.data;
}

type Candidate = {
  keys: string[];
  result: GeocodeResult;
  postcode: string | null;
  cityKey: string | null;
  street?: StreetGroup;
};
type StreetGroup = { key: string; postcode: string; cityKey: string; fallback: GeocodeResult; entries: AddressFixture['addresses'] };

export function createFixtureGeocoder(options: { fixture?: AddressFixture } = {}): Geocoder {
  const fixture = options.fixture ?? loadAddressFixture();

  const postcodeCandidates: Candidate[] = fixture.postcodes.map((entry) => ({
    keys: [matchKey(entry.name)],
    result: {
      label: `${entry.postcode} ${entry.name}`,
      latitude: entry.latitude,
      longitude: entry.longitude,
      precision: 'postcode',
      postcode: entry.postcode,
    },
    postcode: entry.postcode,
    cityKey: matchKey(entry.name),
  }));

  const placeCandidates: Candidate[] = fixture.places.map((place) => ({
    keys: [place.name, ...place.aliases].map(matchKey),
    result: {
      label: place.city ? `${place.name}, ${place.postcode ?? ''} ${place.city}`.replace(/\s+/gu, ' ') : place.name,
      latitude: place.latitude,
      longitude: place.longitude,
      precision: place.precision,
      ...(place.postcode ? { postcode: place.postcode } : {}),
    },
    postcode: place.postcode ?? null,
    cityKey: place.city ? matchKey(place.city) : null,
  }));

  // One street-level point per street and postcode: the first entry's, in file order.
  const streets = new Map<string, StreetGroup>();
  for (const entry of fixture.addresses) {
    const id = `${matchKey(entry.street)}|${entry.postcode}`;
    const group = streets.get(id);
    if (group) {
      group.entries.push(entry);
      continue;
    }
    streets.set(id, {
      key: matchKey(entry.street),
      postcode: entry.postcode,
      cityKey: matchKey(entry.city),
      fallback: {
        label: `${entry.street}, ${entry.postcode} ${entry.city}`,
        latitude: entry.latitude,
        longitude: entry.longitude,
        precision: 'street',
        postcode: entry.postcode,
      },
      entries: [entry],
    });
  }
  const streetGroups = [...streets.values()];
  const streetCandidates: Candidate[] = streetGroups.map((group) => ({
    keys: [group.key],
    result: group.fallback,
    postcode: group.postcode,
    cityKey: group.cityKey,
    street: group,
  }));

  /** The town a postcode belongs to, as a key, if the file knows it. */
  function cityKeyOf(code: string): string | null {
    const listed = fixture.postcodes.find((entry) => entry.postcode === code);
    if (listed) return matchKey(listed.name);
    const range = fixture.postcodeRanges.find((entry) => entry.from <= code && code <= entry.to);
    return range ? matchKey(range.name) : null;
  }

  // A postcode or town typed next to a street must fit it: "Kapelvej 55, 4000 Roskilde" is not Copenhagen's.
  function fitsPlace(search: SearchText, candidate: { postcode: string | null; cityKey: string | null }): boolean {
    if (search.postcode) {
      if (candidate.postcode === search.postcode) return true;
      const typedCity = cityKeyOf(search.postcode);
      return typedCity !== null && typedCity === candidate.cityKey;
    }
    if (search.town) {
      const town = matchKey(search.town);
      const city = candidate.cityKey ?? '';
      return city === town || city.startsWith(`${town} `);
    }
    return true;
  }

  function searchPostcode(code: string): GeocodeResult[] {
    const listed = postcodeCandidates.find((candidate) => candidate.postcode === code);
    if (listed) return [listed.result];
    const range = fixture.postcodeRanges.find((entry) => entry.from <= code && code <= entry.to);
    if (!range) return [];
    return [
      {
        label: `${code} ${range.name}`,
        latitude: range.latitude,
        longitude: range.longitude,
        precision: 'area',
        postcode: code,
      },
    ];
  }

  function searchAddress(search: SearchText, words: string, houseNumber: string): GeocodeResult[] {
    const groups = closest(streetCandidates, matchKey(words))
      .filter((candidate) => fitsPlace(search, candidate))
      .map((candidate) => candidate.street!);
    const entries = groups.flatMap((group) => group.entries);
    const digits = houseNumber.replace(/\D/gu, '');
    const exact = entries.filter((entry) => entry.houseNumbers.includes(houseNumber));
    const sameNumber = entries.filter((entry) => entry.houseNumbers.some((n) => n.replace(/\D/gu, '') === digits));
    const hits = exact.length ? exact : sameNumber;
    if (hits.length === 0) return groups.map((group) => group.fallback);
    return hits.map((entry) => ({
      label: entry.label,
      latitude: entry.latitude,
      longitude: entry.longitude,
      precision: entry.precision,
      postcode: entry.postcode,
    }));
  }

  function searchWords(search: SearchText, words: string): GeocodeResult[] {
    const key = matchKey(words);
    const all = [...postcodeCandidates, ...placeCandidates, ...streetCandidates];
    return closest(all, key)
      .filter((candidate) => fitsPlace(search, candidate))
      .map((candidate) => candidate.result);
  }

  return {
    async search(text: string): Promise<GeocodeOutcome> {
      const checked = checkSearchText(text);
      if (!checked.ok) return checked.outcome;
      const search = checked.search;
      let results: GeocodeResult[] = [];
      if (search.words && search.houseNumber) results = searchAddress(search, search.words, search.houseNumber);
      else if (search.words) results = searchWords(search, search.words);
      else if (search.postcode) results = searchPostcode(search.postcode);
      return found(search.query, results) ?? notFound(search.query, search.houseNumber !== null);
    },
  };
}

/** Exact keys first; if none, names that begin with what was typed; if none, names one or two typos away. */
function closest(candidates: Candidate[], key: string): Candidate[] {
  if (key === '') return [];
  const exact = candidates.filter((candidate) => candidate.keys.includes(key));
  if (exact.length) return exact;
  if (key.length >= 3) {
    const prefix = candidates.filter((candidate) => candidate.keys.some((k) => k.startsWith(key)));
    if (prefix.length) return prefix;
  }
  const allowed = key.length >= 9 ? 2 : key.length >= 5 ? 1 : 0;
  if (allowed === 0) return [];
  return candidates.filter((candidate) => candidate.keys.some((k) => editDistance(k, key, allowed) <= allowed));
}

/** Optimal-string-alignment distance (a swap of two letters counts as one), giving up above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}
