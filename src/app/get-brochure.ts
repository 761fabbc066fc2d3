import type { FinderCriteria } from '../domain/finder.ts';
import type { Offering } from '../domain/range.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { Facet, RangeRepository } from './ports.ts';
import { searchRange } from './search-range.ts';


/** One collator for every sort: `localeCompare` with a locale builds one per call. */
const danish = new Intl.Collator('da');
/**
 * The brochure of the whole range (ADR 034): every place that is open or closing today, grouped by
 * district in Danish order, with what a reader needs to come: profile, address, hours, the first visit
 * and how to get in touch. Places without a known district come last.
 */

export type BrochureSection = { district: string | null; places: Offering[] };

export type Brochure = {
  today: string;
  criteria: FinderCriteria;
  /** The district asked for, or null for the whole range. */
  district: Facet | null;
  districts: Facet[];
  sections: BrochureSection[];
  placeCount: number;
  /** How many places are left out when there are more than one brochure holds (`maxBrochurePlaces`). */
  leftOut: number;
  anyExample: boolean;
};

/**
 * The most places one brochure holds: Copenhagen has some 30, so this only bounds the work and the PDF a
 * request can ask for (the national benchmark range has 20,000, some 4,000 pages).
 */
export const maxBrochurePlaces = 1000;

export const districtOf = (offering: Offering) =>
  offering.locations.find((item) => item.location.district)?.location.district?.name ?? null;

export async function getBrochure(options: {
  range: RangeRepository;
  criteria: FinderCriteria;
  now: Date;
  maxPlaces?: number;
}): Promise<Brochure> {
  const search = await searchRange({ range: options.range, criteria: { ...options.criteria, open: null }, now: options.now });
  const open = search.results
    .filter((item) => item.status.state === 'active' || item.status.state === 'closing')
    .map((item) => item.offering)
    .sort((a, b) => danish.compare(districtOf(a) ?? '\uffff', districtOf(b) ?? '\uffff') || danish.compare(a.name, b.name));
  const places = open.slice(0, options.maxPlaces ?? maxBrochurePlaces);
  const byDistrict = new Map<string | null, Offering[]>();
  for (const offering of places) {
    const district = districtOf(offering);
    byDistrict.set(district, [...(byDistrict.get(district) ?? []), offering]);
  }
  const sections = [...byDistrict]
    .map(([district, list]) => ({ district, places: list.sort((a, b) => danish.compare(a.name, b.name)) }))
    .sort((a, b) => (a.district === null ? 1 : b.district === null ? -1 : danish.compare(a.district, b.district)));
  return {
    today: copenhagenDate(options.now),
    criteria: search.criteria,
    district: search.facets.districts.find((item) => item.slug === search.criteria.districtSlug) ?? null,
    districts: search.facets.districts,
    sections,
    placeCount: places.length,
    leftOut: open.length - places.length,
    anyExample: places.some((offering) => offering.isExample || offering.schedule.rules.some((rule) => rule.isExample)),
  };
}
