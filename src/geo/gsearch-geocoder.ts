import { z } from 'zod';
import {
  found,
  type GeocodeOutcome,
  type GeocodeResult,
  type Geocoder,
  type GeoLogger,
  notFound,
  unavailable,
} from './geocoder.ts';
import { checkSearchText, matchKey, type SearchText } from './search-text.ts';

/**
 * The production geocoder: Dataforsyningen's GSearch v2.0 (the address search that replaces DAWA).
 *
 * - `husnummer` for an address with a number: one point per entrance. `adresse` would return every flat
 *   behind the same entrance with the same point, so it adds rows, not precision.
 * - `navngivenvej` and `postnummer` for words without a number ("Griffenfeldsgade", "København N").
 * - `srid=4326` asks for WGS84 longitude/latitude; without it GSearch answers in EPSG:25832 (UTM 32N metres).
 * - The token goes in the `token` header, as Dataforsyningen recommends, so it never appears in a URL,
 *   a log line or an error message.
 */

export const defaultGsearchUrl = 'https://api.dataforsyningen.dk/rest/gsearch/v2.0';

export type GsearchGeocoderOptions = {
  token: string;
  /** Replaced in tests; the global fetch otherwise. */
  fetch?: typeof globalThis.fetch;
  /** For the whole search, including a second request; GSearch itself gives up after 10 s. */
  timeoutMs?: number;
  baseUrl?: string;
  logger?: GeoLogger;
  /** Results in these municipalities come first ("Kapelvej 55" is most likely the one in Copenhagen). */
  preferredMunicipalities?: readonly string[];
};

type Resource = 'husnummer' | 'navngivenvej' | 'postnummer';

// Only the fields this adapter reads; GSearch returns more (ids, kommunenavn, vejkode, rang1, rang2, …).
const coordinates: z.ZodType<unknown> = z.array(z.unknown());
const geometry = z.object({ type: z.string(), coordinates }).nullish();
const husnummerItem = z.object({
  visningstekst: z.string(),
  kommunekode: z.string().nullish(),
  postnummer: z.string().nullish(),
  geometri: geometry,
  adgangspunkt_geometri: geometry,
  vejpunkt_geometri: geometry,
});
const navngivenvejItem = z.object({
  vejnavn: z.string().nullish(),
  visningstekst: z.string(),
  postnummer: z.union([z.string(), z.array(z.string())]).nullish(),
  postnummernavne: z.union([z.string(), z.array(z.string())]).nullish(),
  geometri: geometry,
  bbox: geometry,
});
const postnummerItem = z.object({
  postnummer: z.string(),
  postnummernavn: z.string().nullish(),
  visningstekst: z.string().nullish(),
  geometri: geometry,
  bbox: geometry,
});

type Position = [longitude: number, latitude: number];

/** Why a search could not be answered; the message is for the log and never holds the token. */
class GsearchFailure extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function createGsearchGeocoder(options: GsearchGeocoderOptions): Geocoder {
  const {
    token,
    fetch: fetchImpl = globalThis.fetch,
    timeoutMs = 3000,
    baseUrl = defaultGsearchUrl,
    logger,
    preferredMunicipalities = ['0101', '0147'],
  } = options;
  if (!token.trim()) throw new Error('GSearch needs a token (GSEARCH_TOKEN).');
  const hide = (text: string) => text.split(token).join('[skjult]');

  async function request(resource: Resource, q: string, signal: AbortSignal): Promise<unknown[]> {
    const url = new URL(`${baseUrl.replace(/\/$/u, '')}/${resource}`);
    url.searchParams.set('q', q);
    url.searchParams.set('limit', '10');
    url.searchParams.set('srid', '4326');
    let response: Response;
    try {
      response = await fetchImpl(url, { headers: { accept: 'application/json', token }, signal });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new GsearchFailure(timedOut ? 'GSearch timed out' : 'GSearch could not be reached', {
        resource,
        timeoutMs: timedOut ? timeoutMs : undefined,
        error: error instanceof Error ? hide(`${error.name}: ${error.message}`) : 'unknown',
      });
    }
    if (!response.ok) {
      const status = response.status;
      throw new GsearchFailure(
        status === 401 || status === 403 ? 'GSearch refused the token' : 'GSearch answered with an error',
        { resource, status },
      );
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!Array.isArray(body)) throw new GsearchFailure('GSearch answered something other than a list', { resource });
    return body;
  }

  function parseItems<T>(resource: Resource, schema: z.ZodType<T>, items: unknown[]): T[] {
    return items.flatMap((item) => {
      const parsed = schema.safeParse(item);
      if (parsed.success) return [parsed.data];
      logger?.warn({ resource, issue: parsed.error.issues[0]?.message }, 'GSearch result skipped: unexpected shape');
      return [];
    });
  }

  async function searchAddress(search: SearchText, signal: AbortSignal): Promise<GeocodeResult[]> {
    // Floor and door are left out: they do not move the entrance, and GSearch would look for them as words.
    const place = [search.postcode, search.town].filter(Boolean).join(' ');
    const q = `${search.words} ${search.houseNumber}${place ? `, ${place}` : ''}`;
    const items = parseItems('husnummer', husnummerItem, await request('husnummer', q, signal));
    const preferred = (code: string | null | undefined) => (code && preferredMunicipalities.includes(code) ? 0 : 1);
    const sorted = items
      .map((item, order) => ({ item, order }))
      .sort((a, b) => preferred(a.item.kommunekode) - preferred(b.item.kommunekode) || a.order - b.order);
    const results = sorted.flatMap(({ item }) => {
      const point = firstPosition(item.geometri ?? item.adgangspunkt_geometri ?? item.vejpunkt_geometri);
      return point ? [toResult(item.visningstekst, point, 'address', item.postnummer)] : [];
    });
    checkCoordinates(items.length, results);
    if (results.length) return results;
    // A number the street does not have still finds the street.
    return searchStreet(search, signal);
  }

  async function searchStreet(search: SearchText, signal: AbortSignal): Promise<GeocodeResult[]> {
    const q = [search.words, search.postcode, search.town].filter(Boolean).join(' ');
    const items = parseItems('navngivenvej', navngivenvejItem, await request('navngivenvej', q, signal));
    const results = items.flatMap((item) => {
      const point = pointOnLine(item.geometri, item.bbox);
      if (!point) return [];
      const codes = listOf(item.postnummer);
      const names = listOf(item.postnummernavne);
      const where = codes[0] ? `, ${codes[0]}${names[0] ? ` ${names[0]}` : ''}` : '';
      return [toResult(`${item.vejnavn ?? item.visningstekst}${where}`, point, 'street', codes[0])];
    });
    checkCoordinates(items.length, results);
    return results;
  }

  async function searchPostcode(q: string, signal: AbortSignal): Promise<GeocodeResult[]> {
    const items = parseItems('postnummer', postnummerItem, await request('postnummer', q, signal));
    const results = items.flatMap((item) => {
      const point = areaCentre(item.geometri, item.bbox);
      const label = item.visningstekst ?? `${item.postnummer} ${item.postnummernavn ?? ''}`.trim();
      return point ? [toResult(label, point, 'postcode', item.postnummer)] : [];
    });
    checkCoordinates(items.length, results);
    return results;
  }

  async function searchWords(search: SearchText, signal: AbortSignal): Promise<GeocodeResult[]> {
    if (!search.words && !search.postcode) return [];
    if (search.postcode && !search.words) {
      const results = await searchPostcode(search.postcode, signal);
      return results.filter((result) => result.postcode === search.postcode);
    }
    const [streets, postcodes] = await Promise.all([
      searchStreet(search, signal),
      search.postcode ? Promise.resolve([]) : searchPostcode(search.words!, signal),
    ]);
    // "København N" or "Valby" typed in full is the postcode area; otherwise streets before partial postcodes.
    const key = matchKey(search.words!);
    const isNamed = (result: GeocodeResult) => matchKey(result.label.replace(/^\d{4}\s+/u, '')) === key;
    return [...postcodes.filter(isNamed), ...streets, ...postcodes.filter((result) => !isNamed(result))];
  }

  return {
    async search(text: string): Promise<GeocodeOutcome> {
      const checked = checkSearchText(text);
      if (!checked.ok) return checked.outcome;
      const search = checked.search;
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const results =
          search.words && search.houseNumber ? await searchAddress(search, signal) : await searchWords(search, signal);
        return found(search.query, results) ?? notFound(search.query, search.houseNumber !== null);
      } catch (error) {
        if (error instanceof GsearchFailure) {
          logger?.warn(error.details, error.message);
        } else {
          logger?.warn({ error: hide(error instanceof Error ? error.message : String(error)) }, 'GSearch failed');
        }
        return unavailable(search.query);
      }
    },
  };
}

function toResult(
  label: string,
  [longitude, latitude]: Position,
  precision: GeocodeResult['precision'],
  postcode: string | null | undefined,
): GeocodeResult {
  return { label, latitude, longitude, precision, ...(postcode ? { postcode } : {}) };
}

function listOf(value: string | string[] | null | undefined): string[] {
  if (!value) return [];
  return (Array.isArray(value) ? value : value.split(',')).map((part) => part.replace(/\*/gu, '').trim()).filter(Boolean);
}

/** Every position in a GeoJSON geometry, whatever its nesting (Point, MultiPoint, lines, polygons). */
function positions(geometry: { coordinates: unknown } | null | undefined): Position[] {
  const out: Position[] = [];
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      out.push([value[0], value[1]]);
      return;
    }
    for (const inner of value) visit(inner);
  };
  visit(geometry?.coordinates);
  return out;
}

function firstPosition(geometry: { coordinates: unknown } | null | undefined): Position | null {
  return positions(geometry)[0] ?? null;
}

function boxCentre(geometry: { coordinates: unknown } | null | undefined): Position | null {
  const all = positions(geometry);
  if (all.length === 0) return null;
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  return [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
}

/** A point on the street itself: the vertex nearest the middle of its bounding box. */
function pointOnLine(
  geometry: { coordinates: unknown } | null | undefined,
  bbox: { coordinates: unknown } | null | undefined,
): Position | null {
  const vertices = positions(geometry);
  const centre = boxCentre(bbox) ?? boxCentre(geometry);
  if (!centre) return null;
  if (vertices.length === 0) return centre;
  const squared = (p: Position) => (p[0] - centre[0]) ** 2 + (p[1] - centre[1]) ** 2;
  return vertices.reduce((best, p) => (squared(p) < squared(best) ? p : best));
}

/** The area centroid of the largest ring of a (multi)polygon; the middle of the box if there is no polygon. */
function areaCentre(
  geometry: { type: string; coordinates: unknown } | null | undefined,
  bbox: { coordinates: unknown } | null | undefined,
): Position | null {
  const rings: Position[][] = [];
  if (geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon') {
    const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as unknown[];
    for (const polygon of polygons) {
      const outer = Array.isArray(polygon) ? positions({ coordinates: polygon[0] }) : [];
      if (outer.length >= 3) rings.push(outer);
    }
  }
  let best: { area: number; centre: Position } | null = null;
  for (const ring of rings) {
    let twiceArea = 0;
    let x = 0;
    let y = 0;
    for (let i = 0; i < ring.length; i++) {
      const [x0, y0] = ring[i]!;
      const [x1, y1] = ring[(i + 1) % ring.length]!;
      const cross = x0 * y1 - x1 * y0;
      twiceArea += cross;
      x += (x0 + x1) * cross;
      y += (y0 + y1) * cross;
    }
    if (twiceArea === 0) continue;
    const area = Math.abs(twiceArea / 2);
    if (!best || area > best.area) best = { area, centre: [x / (3 * twiceArea), y / (3 * twiceArea)] };
  }
  return best?.centre ?? boxCentre(bbox) ?? boxCentre(geometry);
}

/**
 * Every point must be longitude/latitude in and around Denmark. Metres (EPSG:25832) would mean `srid` was
 * ignored: the search then counts as unavailable rather than placing people thousands of kilometres away.
 */
function checkCoordinates(received: number, results: GeocodeResult[]): void {
  const outside = results.filter(
    (r) => !(r.latitude >= 54 && r.latitude <= 58.2 && r.longitude >= 7.5 && r.longitude <= 15.7),
  );
  if (outside.length) {
    throw new GsearchFailure('GSearch coordinates are not WGS84 in Denmark', {
      received,
      example: [outside[0]!.longitude, outside[0]!.latitude],
    });
  }
}
