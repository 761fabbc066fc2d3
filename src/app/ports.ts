import type {
  Offering,
  Organization,
  Page,
  PageRequest,
  ServiceAtLocation,
  Taxonomy,
  TaxonomyTerm,
} from '../domain/range.ts';
import type { FinderCriteria } from '../domain/finder.ts';
import type { HolidayKey } from '../domain/schedule/holidays.ts';
import type { Schedule } from '../domain/schedule/model.ts';
import type { StatusEvent } from '../domain/status.ts';

/** What the use cases need from storage. src/db implements it; tests may replace it. */

export type OfferingFilter = {
  search?: string | undefined;
  modifiedAfter?: Date | undefined;
  organizationId?: string | undefined;
  taxonomyId?: string | undefined;
  taxonomyTermId?: string | undefined;
};

export type OrganizationFilter = { search?: string | undefined; modifiedAfter?: Date | undefined };

/** 'all' is for streaming exports (ndjson, GeoJSON); lists shown to people are always paged. */
export type PageOrAll = PageRequest | 'all';

/** How one offering matched a free-text search. */
export type TextHit = {
  /** The query, letters folded (æ -> ae), occurs in the name. */
  inName: boolean;
  /** Danish full-text match (stemmed: "værestederne" finds "værested"). */
  inText: boolean;
  /**
   * The typo match (ADR 021): for each word of the query, the likest word of the name or description
   * (trigram word similarity of the folded words, at least 0.55), as written there; [] when some query
   * word has none. `similarity` is the weakest of those likenesses (0 without them).
   */
  similarWords: string[];
  similarity: number;
  /** An activity at the offering whose name or description matches (Danish full text). */
  activity: { name: string; isExample: boolean } | null;
};

/**
 * The finder's criteria that storage answers exactly, by the same rules as `explainMatch` in
 * domain/finder.ts (a database test holds the two together). Status on a date and the "when" are
 * decided by the app from the domain's rules.
 */
/** One Copenhagen date as opening hours are stored: its ISO weekday and, on a holiday, the holiday. */
export type ScheduleDay = { date: string; weekday: number; holidayKey: HolidayKey | null };

/**
 * The finder's criteria as storage applies them (text on names, descriptions and activities; a centre
 * also matches the places it serves; "both" fits either profile), with "when" narrowed to a moment.
 */
export type FinderFilter = Omit<FinderCriteria, 'open'> & {
  /**
   * Leave out places that cannot be open at this moment: no hours that weekday around that wall time,
   * no exception with hours that day, no hours for that day's holiday. A superset: the schedule engine
   * decides who is open.
   */
  mayBeOpenAt: (ScheduleDay & { minutes: number; marginMinutes: number }) | null;
  /** Also read each place's first located point, for distances. */
  withPoint: boolean;
};

/** An offering that fits a FinderFilter: enough to count, sort and page it before loading it whole. */
export type FinderCandidate = {
  id: string;
  name: string;
  /** How it matched the text; null without text. */
  hit: TextHit | null;
  /** Its first located address (the one distances are measured to). */
  point: { latitude: number; longitude: number } | null;
};

export type Facet = { slug: string; name: string; count: number };

export type RangeRepository = {
  /**
   * A number that moves on with every change to the places, their status events, verification,
   * addresses, districts, centres and opening hours: what the finder keeps between requests is valid
   * while it stands.
   */
  rangeVersion(): Promise<string>;
  /** Every offering's id and name, in no particular order: the finder ranks them in Danish order once (ADR 027). */
  listOfferingNames(): Promise<{ id: string; name: string }[]>;
  /** Offerings that fit the filter; the app sorts them (Danish order, relevance or distance). */
  findFinderCandidates(filter: FinderFilter): Promise<FinderCandidate[]>;
  /** Every offering's status events in the order `statusOn` reads them (none: an empty list). */
  listStatusEvents(): Promise<Map<string, StatusEvent[]>>;
  /** Offerings whose last verification (or the platform's start) is on or before `cutoff`: out of the finder (ADR 014). */
  listExpired(cutoff: string): Promise<Set<string>>;
  /** Districts and centres with how many offerings each has, leaving out `excludedIds` (e.g. closed ones). */
  countByPlace(excludedIds: readonly string[]): Promise<{ districts: Facet[]; centres: Facet[] }>;
  /** Whether any offering is in the district, or has the centre (a slug from an old link may be gone). */
  knowsPlaces(slugs: { districtSlug: string | null; centreSlug: string | null }): Promise<{ district: boolean; centre: boolean }>;
  /** Whole offerings, in the order of `ids`; unknown ids are left out. */
  getOfferings(ids: readonly string[]): Promise<Offering[]>;
  /**
   * The opening hours of each offering in `ids` (no activities). With `day`, only what can apply on that
   * date: enough for the schedule engine to answer for that date, and for no other.
   */
  getSchedules(ids: readonly string[], day?: ScheduleDay): Promise<Map<string, Schedule>>;
  findOfferings(filter: OfferingFilter, page: PageOrAll): Promise<Page<Offering>>;
  getOffering(id: string): Promise<Offering | null>;
  findOrganizations(filter: OrganizationFilter, page: PageOrAll): Promise<Page<Organization>>;
  getOrganization(id: string): Promise<Organization | null>;
  findServiceAtLocations(
    filter: OfferingFilter,
    page: PageOrAll,
  ): Promise<Page<{ serviceAtLocation: ServiceAtLocation; offering: Offering }>>;
  getServiceAtLocation(id: string): Promise<{ serviceAtLocation: ServiceAtLocation; offering: Offering } | null>;
  findTaxonomies(page: PageOrAll): Promise<Page<Taxonomy>>;
  getTaxonomy(id: string): Promise<Taxonomy | null>;
  findTaxonomyTerms(filter: { taxonomyId?: string | undefined }, page: PageOrAll): Promise<Page<TaxonomyTerm>>;
  getTaxonomyTerm(id: string): Promise<TaxonomyTerm | null>;
};
