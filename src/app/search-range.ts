import { explainMatch, type FinderCriteria, hasCriteria, type OpenMatch } from '../domain/finder.ts';
import type { Locale } from '../domain/locale.ts';
import type { Offering, PageRequest } from '../domain/range.ts';
import { holidayOn } from '../domain/schedule/holidays.ts';
import { emptySchedule } from '../domain/schedule/model.ts';
import { instantOf, matchOpen, openHoursOn, openPeriodAt, openReason } from '../domain/schedule/open-filter.ts';
import type { OpenInterval } from '../domain/schedule/timetable.ts';
import { byDanishName } from '../domain/sorting.ts';
import { type StatusOnDate, statusOn } from '../domain/status.ts';
import { finderCutoff } from '../domain/freshness.ts';
import { copenhagenDate, copenhagenWallClock, dayClock, isoWeekday } from '../domain/time.ts';
import { distanceMetres, type GeoPoint } from '../geo/distance.ts';
import type { Facet, FinderFilter, RangeRepository, ScheduleDay, TextHit } from './ports.ts';

export type { Facet } from './ports.ts';

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

export type SearchPaging = {
  /** The page shown, from 1: the one asked for, or the last one when that was further on. */
  page: number;
  perPage: number;
  /** At least 1: no results is one empty page. */
  pageCount: number;
  /** The page asked for. */
  requested: number;
};

export type RangeSearch = {
  date: string;
  /** The criteria actually used: a district or centre that does not exist is dropped and named in `dropped`. */
  criteria: FinderCriteria;
  dropped: ('district' | 'centre')[];
  origin: Origin | null;
  isFiltered: boolean;
  /** The results on the page asked for, or all of them when no page was asked for. */
  results: SearchResult[];
  /** How many places fit, on all pages together. */
  total: number;
  /** Null when every result was asked for. */
  paging: SearchPaging | null;
  /** Places that are open, closing or proposed on the date: the size of the range. */
  openCount: number;
  /** What the filters can be set to: only districts and centres that have open places. */
  facets: { districts: Facet[]; centres: Facet[] };
};

/**
 * The finder: every offering that fits all the criteria on a date, with the reasons it fits, best text
 * match first (or in Danish order without text; nearest first near an address). Closed places appear
 * only when named in the search. Storage filters, counts and returns the fitting places lightly; the
 * status on the date and the "when" come from the domain's rules; only the page shown is loaded whole
 * (ADR 016).
 */
export async function searchRange(options: {
  range: RangeRepository;
  criteria: FinderCriteria;
  /** The moment of the search; its Copenhagen date decides each place's status. */
  now: Date;
  origin?: Origin | null;
  /** The language the reasons are written in; Danish unless told. */
  locale?: Locale;
  /** One page of results; every result when left out (the map, the calendar). */
  page?: PageRequest;
}): Promise<RangeSearch> {
  const locale = options.locale ?? 'da';
  const date = copenhagenDate(options.now);
  const origin = options.origin ?? null;
  const { range } = options;
  let criteria = options.criteria;
  const [onDate, known] = await Promise.all([
    rangeOnDate(range, options.now),
    range.knowsPlaces({ districtSlug: criteria.districtSlug, centreSlug: criteria.centreSlug }),
  ]);
  const dropped: RangeSearch['dropped'] = [];
  if (!known.district) {
    dropped.push('district');
    criteria = { ...criteria, districtSlug: null };
  }
  if (!known.centre) {
    dropped.push('centre');
    criteria = { ...criteria, centreSlug: null };
  }
  const { states } = onDate;

  const filter = filterFor(criteria, options.now, origin);
  const candidates = await range.findFinderCandidates(filter);
  // A closed place is shown only when its name was searched for, so the person learns what happened.
  let fitting = candidates.filter((candidate) => {
    const state = states.get(candidate.id);
    return state !== undefined && state !== 'unknown' && (state !== 'closed' || candidate.hit?.inName === true);
  });
  const openMatches = new Map<string, OpenMatch>();
  // "Open now" or at a time: the opening each fitting place is in; the reason is written for the page only.
  const openPeriods = new Map<string, OpenInterval>();
  const open = criteria.open;
  if (open && open.kind !== 'holidays' && filter.mayBeOpenAt) {
    // At one moment only that day's hours matter, and they are kept per date (ADR 027): a lookup.
    const hours = await openHoursOnDay(range, onDate, filter.mayBeOpenAt, fitting);
    const instant = open.kind === 'now' ? options.now.getTime() : instantOf(open.date, open.time);
    fitting = fitting.filter((candidate) => {
      const period = openPeriodAt(hours.get(candidate.id) ?? [], instant);
      if (period) openPeriods.set(candidate.id, period);
      return period !== undefined;
    });
  } else if (open) {
    // On holidays the schedule looks a year ahead.
    const schedules = await range.getSchedules(fitting.map((candidate) => candidate.id));
    fitting = fitting.filter((candidate) => {
      const match = matchOpen(schedules.get(candidate.id) ?? emptySchedule, open, options.now.getTime(), locale);
      if (match) openMatches.set(candidate.id, match);
      return match !== null;
    });
  }

  // Danish order first, by each place's rank in the order kept for the range (ADR 027); the sorts after
  // it are stable, so equals stay in Danish order.
  const ordered = inDanishOrder(fitting, onDate.order).map((candidate) => ({
    candidate,
    distance: origin && candidate.point ? distanceMetres(origin, candidate.point) : null,
  }));
  if (origin) {
    // Nearest first; places without a point (no fixed address) keep their order after the located ones.
    ordered.sort(
      (a, b) =>
        (a.distance ?? Number.POSITIVE_INFINITY) - (b.distance ?? Number.POSITIVE_INFINITY) || byRelevance(a.candidate.hit, b.candidate.hit),
    );
  } else if (criteria.text) {
    ordered.sort((a, b) => byRelevance(a.candidate.hit, b.candidate.hit));
  }

  const total = ordered.length;
  let paging: SearchPaging | null = null;
  let shown = ordered;
  if (options.page) {
    const { perPage } = options.page;
    const pageCount = Math.max(1, Math.ceil(total / perPage));
    const page = Math.min(Math.max(1, options.page.page), pageCount);
    paging = { page, perPage, pageCount, requested: options.page.page };
    shown = ordered.slice((page - 1) * perPage, page * perPage);
  }
  const offerings = new Map((await range.getOfferings(shown.map((item) => item.candidate.id))).map((offering) => [offering.id, offering]));
  const results = shown.flatMap(({ candidate, distance }): SearchResult[] => {
    const offering = offerings.get(candidate.id);
    if (!offering) return [];
    const status = statusOn(offering.events, date);
    const period = openPeriods.get(candidate.id);
    const openMatch = period && open && open.kind !== 'holidays' ? openReason(period, open, locale) : (openMatches.get(candidate.id) ?? null);
    const reasons = explainMatch(offering, status.state, criteria, candidate.hit, openMatch, locale);
    return reasons ? [{ offering, status, reasons, distanceMetres: distance }] : [];
  });

  return {
    date,
    criteria,
    dropped,
    origin,
    isFiltered: hasCriteria(criteria) || origin !== null,
    results,
    total,
    paging,
    openCount: onDate.openCount,
    facets: onDate.facets,
  };
}

/** The range on a date as every search needs it, whatever its criteria. */
type RangeOnDate = {
  version: string;
  date: string;
  cutoff: string;
  /** Each place's state on the date; places out of the finder (not verified for too long) are left out. */
  states: Map<string, StatusOnDate['state']>;
  openCount: number;
  facets: { districts: Facet[]; centres: Facet[] };
  /** Each place's position in Danish order of the names, so a search sorts by an integer compare. */
  order: DanishOrder;
  /**
   * Opening hours as instants per Copenhagen date (of "now" or a chosen time), filled for the places a
   * search asks about and kept with the rest: the range version also moves with the hours (ADR 027).
   */
  hours: Map<string, Map<string, OpenInterval[]>>;
};

type DanishOrder = { rank: Map<string, number> };

/** `candidates` in Danish order: by rank (an integer compare), or by name when one has no rank. */
function inDanishOrder<T extends { id: string; name: string }>(candidates: readonly T[], order: DanishOrder): T[] {
  const ranked = candidates.map((candidate) => ({ candidate, rank: order.rank.get(candidate.id) }));
  // Only a place added by a write that raced this request has no rank: then all by name, never two rules mixed.
  if (ranked.some((item) => item.rank === undefined)) return byDanishName(candidates);
  return ranked.sort((a, b) => a.rank! - b.rank!).map((item) => item.candidate);
}

/** How many dates' hours are kept at once: today and a few chosen days. */
const keptHourDates = 8;

async function openHoursOnDay(
  range: RangeRepository,
  onDate: RangeOnDate,
  day: ScheduleDay,
  candidates: readonly { id: string }[],
): Promise<Map<string, OpenInterval[]>> {
  let hours = onDate.hours.get(day.date);
  if (!hours) {
    if (onDate.hours.size >= keptHourDates) onDate.hours.clear();
    hours = new Map();
    onDate.hours.set(day.date, hours);
  }
  const missing = candidates.map((candidate) => candidate.id).filter((id) => !hours.has(id));
  if (missing.length > 0) {
    const schedules = await range.getSchedules(missing, { date: day.date, weekday: day.weekday, holidayKey: day.holidayKey });
    for (const id of missing) hours.set(id, openHoursOn(schedules.get(id) ?? emptySchedule, day.date));
  }
  return hours;
}

// Kept per repository (one per database) while its range version, the date and the freshness cutoff stand
// (ADR 021): the status events of a national range and the two facet counts cost more than a search.
const kept = new WeakMap<RangeRepository, Promise<RangeOnDate>>();

async function rangeOnDate(range: RangeRepository, now: Date): Promise<RangeOnDate> {
  const date = copenhagenDate(now);
  const cutoff = finderCutoff(now);
  // The version before the data: what is read after it is at least as new, so older data never carries a newer number.
  const version = await range.rangeVersion();
  const held = kept.get(range);
  if (held) {
    const value = await held.catch(() => null);
    if (value && value.version === version && value.date === date && value.cutoff === cutoff) return value;
  }
  const loading = loadRangeOnDate(range, { version, date, cutoff });
  kept.set(range, loading);
  loading.catch(() => {
    if (kept.get(range) === loading) kept.delete(range);
  });
  return loading;
}

async function loadRangeOnDate(range: RangeRepository, key: { version: string; date: string; cutoff: string }): Promise<RangeOnDate> {
  const [eventsById, expired, names] = await Promise.all([range.listStatusEvents(), range.listExpired(key.cutoff), range.listOfferingNames()]);
  // Once per version: 20,000 names take 50–80 ms (load 17), where ranking a search's 7,626 candidates takes 1–11 ms.
  const order: DanishOrder = { rank: new Map(byDanishName(names).map((item, index) => [item.id, index])) };
  const states = new Map<string, StatusOnDate['state']>();
  const leftOut: string[] = [];
  let notOpen = 0;
  for (const [id, events] of eventsById) {
    const { state } = statusOn(events, key.date);
    // A place nobody has verified for too long leaves the finder until someone does (ADR 014); a closed
    // one stays findable by name, so a person learns what happened.
    if (expired.has(id) && state !== 'closed') {
      leftOut.push(id);
      continue;
    }
    states.set(id, state);
    if (state === 'closed' || state === 'unknown') {
      notOpen++;
      leftOut.push(id);
    }
  }
  const counted = await range.countByPlace(leftOut);
  return {
    ...key,
    states,
    openCount: states.size - notOpen,
    facets: { districts: byDanishSlug(counted.districts), centres: byDanishSlug(counted.centres) },
    order,
    hours: new Map(),
  };
}

/** What storage is asked for: the criteria it decides exactly, and a first cut for "open now" or at a time. */
function filterFor(criteria: FinderCriteria, now: Date, origin: Origin | null): FinderFilter {
  const open = criteria.open;
  let mayBeOpenAt: FinderFilter['mayBeOpenAt'] = null;
  if (open && open.kind !== 'holidays') {
    const wall = copenhagenWallClock(open.kind === 'now' ? now.getTime() : instantOf(open.date, open.time));
    const clock = dayClock(wall.date);
    mayBeOpenAt = {
      date: wall.date,
      weekday: isoWeekday(wall.date),
      holidayKey: holidayOn(wall.date)?.key ?? null,
      minutes: wall.minutes,
      // On the two days a year the clocks change, wall times and instants part by up to an hour.
      marginMinutes: clock.end - clock.start === 24 * 60 * 60_000 ? 0 : 60,
    };
  }
  return {
    text: criteria.text,
    districtSlug: criteria.districtSlug,
    centreSlug: criteria.centreSlug,
    profile: criteria.profile,
    targetGroups: criteria.targetGroups,
    interests: criteria.interests,
    staffing: criteria.staffing,
    mayBeOpenAt,
    withPoint: origin !== null,
  };
}

/** Name match, then description match, then activity match, then similarity (ADR 006). */
function byRelevance(a: TextHit | null, b: TextHit | null): number {
  if (!a || !b) return 0;
  return (
    Number(b.inName) - Number(a.inName) ||
    Number(b.inText) - Number(a.inText) ||
    Number(b.activity !== null) - Number(a.activity !== null) ||
    b.similarity - a.similarity
  );
}

function byDanishSlug(facets: Facet[]): Facet[] {
  return byDanishName(facets.map((facet) => ({ ...facet, id: facet.slug }))).map(({ id: _id, ...facet }) => facet);
}
