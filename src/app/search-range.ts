import { explainMatch, type FinderCriteria, hasCriteria } from '../domain/finder.ts';
import type { Locale } from '../domain/locale.ts';
import { matchOpen } from '../domain/schedule/open-filter.ts';
import type { Offering } from '../domain/range.ts';
import { byDanishName } from '../domain/sorting.ts';
import { type StatusOnDate, statusOn } from '../domain/status.ts';
import { copenhagenDate } from '../domain/time.ts';
import { distanceMetres, type GeoPoint } from '../geo/distance.ts';
import type { RangeRepository, TextHit } from './ports.ts';

export type SearchResult = {
  offering: Offering;
  status: StatusOnDate;
  reasons: string[];
  /** Straight-line metres from `origin` to the place's first located address, when both are known. */
  distanceMetres: number | null;
};

/** Where to measure from: a geocoded address or postcode. */
export type Origin = GeoPoint & {
  label: string;
  isApproximate: boolean;
  /** A position the person shared from their device, not an address they typed. */
  isSharedPosition?: boolean;
};

export type Facet = { slug: string; name: string; count: number };

export type RangeSearch = {
  date: string;
  /** The criteria actually used: a district or centre that does not exist is dropped and named in `dropped`. */
  criteria: FinderCriteria;
  dropped: ('district' | 'centre')[];
  origin: Origin | null;
  isFiltered: boolean;
  results: SearchResult[];
  /** Places that are open, closing or proposed on the date: the size of the range. */
  openCount: number;
  /** What the filters can be set to: only districts and centres that have open places. */
  facets: { districts: Facet[]; centres: Facet[] };
};

/**
 * The finder: every offering that fits all the criteria on a date, with the reasons it fits, best text
 * match first (or in Danish order without text). Closed places appear only when named in the search.
 */
export async function searchRange(options: {
  range: RangeRepository;
  criteria: FinderCriteria;
  /** The moment of the search; its Copenhagen date decides each place's status. */
  now: Date;
  origin?: Origin | null;
  /** The language the reasons are written in; Danish unless told. */
  locale?: Locale;
}): Promise<RangeSearch> {
  const locale = options.locale ?? 'da';
  const date = copenhagenDate(options.now);
  const origin = options.origin ?? null;
  const { range } = options;
  let criteria = options.criteria;
  const [{ items }, hits] = await Promise.all([
    range.findOfferings({}, 'all'),
    criteria.text ? range.searchText(criteria.text) : Promise.resolve([] as TextHit[]),
  ]);
  const dropped: RangeSearch['dropped'] = [];
  const known = (slug: string | null, slugs: string[]) => slug === null || slugs.includes(slug);
  if (!known(criteria.districtSlug, items.flatMap((offering) => uniqueDistricts(offering).map((district) => district.slug)))) {
    dropped.push('district');
    criteria = { ...criteria, districtSlug: null };
  }
  if (!known(criteria.centreSlug, items.flatMap((offering) => (offering.centre ? [offering.centre.slug] : [])))) {
    dropped.push('centre');
    criteria = { ...criteria, centreSlug: null };
  }
  const hitById = new Map(hits.map((hit, rank) => [hit.id, { ...hit, rank }]));
  const withStatus = items.map((offering) => ({ offering, status: statusOn(offering.events, date) }));

  const results: (SearchResult & { rank: number })[] = [];
  for (const { offering, status } of withStatus) {
    if (status.state === 'unknown') continue;
    const hit = hitById.get(offering.id) ?? null;
    const open = criteria.open && matchOpen(offering.schedule, criteria.open, options.now.getTime(), locale);
    const reasons = explainMatch(offering, status.state, criteria, hit, open, locale);
    if (reasons) results.push({ offering, status, reasons, rank: hit?.rank ?? 0, distanceMetres: distanceFrom(origin, offering) });
  }
  if (origin) {
    // Nearest first; places without a point (no fixed address) keep their order after the located ones.
    results.sort((a, b) => (a.distanceMetres ?? Number.POSITIVE_INFINITY) - (b.distanceMetres ?? Number.POSITIVE_INFINITY) || a.rank - b.rank);
  } else if (criteria.text) {
    results.sort((a, b) => a.rank - b.rank);
  }

  const open = withStatus.filter(({ status }) => status.state !== 'closed' && status.state !== 'unknown');
  return {
    date,
    criteria,
    dropped,
    origin,
    isFiltered: hasCriteria(criteria) || origin !== null,
    results: results.map(({ rank: _rank, ...rest }) => rest),
    openCount: open.length,
    facets: {
      districts: countBy(open.flatMap(({ offering }) => uniqueDistricts(offering))),
      centres: countBy(open.flatMap(({ offering }) => (offering.centre ? [offering.centre] : []))),
    },
  };
}

function distanceFrom(origin: Origin | null, offering: Offering): number | null {
  if (!origin) return null;
  const point = offering.locations.map((item) => item.location).find((location) => location.latitude !== null && location.longitude !== null);
  return point ? distanceMetres(origin, { latitude: point.latitude!, longitude: point.longitude! }) : null;
}

function uniqueDistricts(offering: Offering) {
  const seen = new Map<string, { slug: string; name: string }>();
  for (const { location } of offering.locations) {
    if (location.district) seen.set(location.district.slug, location.district);
  }
  return [...seen.values()];
}

function countBy(items: { slug: string; name: string }[]): Facet[] {
  const counts = new Map<string, Facet>();
  for (const item of items) {
    const facet = counts.get(item.slug) ?? { slug: item.slug, name: item.name, count: 0 };
    facet.count += 1;
    counts.set(item.slug, facet);
  }
  return byDanishName([...counts.values()].map((facet) => ({ ...facet, id: facet.slug }))).map(({ id: _id, ...facet }) => facet);
}
