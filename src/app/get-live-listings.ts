import { slugOf } from '../domain/danish-text.ts';
import { coursePhase, upcomingSessions } from '../domain/course/model.ts';
import { type ListingSpec, listingWindow, readListingLine } from '../domain/gloria/listing-spec.ts';
import type { Offering } from '../domain/range.ts';
import type { ActivityKind } from '../domain/schedule/model.ts';
import { expandActivities } from '../domain/schedule/timetable.ts';
import { statusOn } from '../domain/status.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { CourseStore } from './course-store.ts';
import type { Facet, RangeRepository } from './ports.ts';
import { emptyCriteria } from '../domain/finder.ts';
import { searchRange } from './search-range.ts';

/**
 * Live listings (ADR 038): what an article's `[[liste: …]]` lines show, made from the live range on the
 * day it is read, so nothing is typed twice and nothing goes stale. However many listings an article has,
 * the range is searched once (the finder's search for the whole city, kept while `range_version` stands)
 * and the courses read once; each listing is then cut from those in memory.
 */

const danish = new Intl.Collator('da');

export type ListingPlace = { slug: string; name: string };

export type LiveListingItem =
  | {
      kind: 'activity';
      date: string;
      /** Instants, from the schedule engine (Copenhagen wall time); `end` null when the activity gives none. */
      start: number;
      end: number | null;
      name: string;
      activityKind: ActivityKind;
      place: ListingPlace;
      isExample: boolean;
    }
  | { kind: 'course'; slug: string; title: string; nextDate: string | null; place: ListingPlace; isExample: boolean }
  /** `on`: the date it opened (or opens); null when the records give none. */
  | { kind: 'opened'; on: string | null; place: ListingPlace; district: string | null; isExample: boolean }
  /** `on`: the date it closes; null when no date is set yet. */
  | { kind: 'closing'; on: string | null; place: ListingPlace; district: string | null; isExample: boolean };

export type LiveListing = {
  spec: ListingSpec;
  /** The district listed, or null for the whole city (also when the spec's district is not known: see `unknownDistrict`). */
  district: { slug: string; name: string } | null;
  /** The spec named a district the range does not have (or has no open places in): the whole city is listed. */
  unknownDistrict: string | null;
  /** The dates covered, both included; null when the listing has no period (every open course, every closing). */
  period: { from: string; to: string } | null;
  /** At most `spec.max`. */
  items: LiveListingItem[];
  /** How many there are in all, shown or not. */
  total: number;
  /** When it was read from the live data. */
  fetchedAt: Date;
  today: string;
};

export type LiveListingDeps = { range: RangeRepository; courses: CourseStore };

const placeOf = (offering: Offering): ListingPlace => ({ slug: offering.slug, name: offering.name });
const districtOf = (offering: Offering) => offering.locations.find((item) => item.location.district)?.location.district ?? null;

/** A district in a spec matches a facet by its slug or by its name's slug (`amager-oest` for Amager Øst). */
function findDistrict(slug: string, districts: readonly Facet[]): Facet | null {
  return districts.find((item) => item.slug === slug) ?? districts.find((item) => slugOf(item.name, '') === slug) ?? null;
}

/** For sorting: a date (undated last), an activity's start. */
const dateOf = (item: LiveListingItem) => ('on' in item ? item.on : null) ?? '9999';
const timeOf = (item: LiveListingItem) => (item.kind === 'activity' ? item.start : 0);

const isRunningOn = (offering: Offering, date: string) => {
  const state = statusOn(offering.events, date).state;
  return state === 'active' || state === 'closing';
};

/** One listing per spec, in the order given. Relative periods («næste uge») are counted from `now` in Copenhagen. */
export async function getLiveListings(specs: readonly ListingSpec[], deps: LiveListingDeps, now: Date): Promise<LiveListing[]> {
  if (specs.length === 0) return [];
  const today = copenhagenDate(now);
  // One search for every listing: open places with their state today (closed ones are left out), for the whole city, or
  // for the one district every listing names (a name the search does not know as a slug is searched city-wide and cut
  // below, so the answer is the same either way; only the work is less).
  const districts = new Set(specs.map((spec) => spec.district));
  const only = districts.size === 1 ? [...districts][0]! : null;
  const search = await searchRange({ range: deps.range, criteria: { ...emptyCriteria, districtSlug: only }, now });
  const running = search.results.filter((item) => item.status.state === 'active' || item.status.state === 'closing');
  const byId = new Map(running.map((item) => [item.offering.id, item]));
  const courses = specs.some((spec) => spec.kind === 'forloeb')
    ? (await deps.courses.listCourses({ notEndedOn: today, kind: 'open' })).map((item) => item.course)
    : [];

  return specs.map((spec): LiveListing => {
    const district = spec.district ? findDistrict(spec.district, search.facets.districts) : null;
    const inDistrict = (offering: Offering) => !district || districtOf(offering)?.slug === district.slug;
    const places = running.filter((item) => inDistrict(item.offering));
    const window = listingWindow(spec, today);
    // What is coming never starts before today; a period wholly past has nothing in it.
    const coming = window && spec.kind !== 'nye' ? { from: window.from < today ? today : window.from, to: window.to } : window;
    const isEmpty = coming !== null && coming.from > coming.to;
    let items: LiveListingItem[] = [];
    if (isEmpty) items = [];
    else if (spec.kind === 'aktiviteter' && coming) {
      items = places
        .flatMap(({ offering }) =>
          offering.activities.length === 0
            ? []
            : expandActivities(offering.schedule, offering.activities, coming.from, coming.to)
                .filter((item) => isRunningOn(offering, item.date) && item.end >= now.getTime())
                .map(
                  (item): LiveListingItem => ({
                    kind: 'activity',
                    date: item.date,
                    start: item.start,
                    end: item.activity.endsAt ? item.end : null,
                    name: item.activity.name,
                    activityKind: item.activity.kind,
                    place: placeOf(offering),
                    isExample: item.activity.isExample,
                  }),
                ),
        )
        .sort((a, b) => timeOf(a) - timeOf(b) || danish.compare(a.place.name, b.place.name));
    } else if (spec.kind === 'forloeb') {
      items = courses
        .filter((course) => course.kind === 'open' && course.status === 'open' && byId.has(course.offering.id) && inDistrict(byId.get(course.offering.id)!.offering))
        .filter((course) => ['not_started', 'running', 'no_sessions'].includes(coursePhase(course, today)))
        .filter(
          (course) =>
            !coming || course.sessions.some((session) => !session.isCancelled && session.date >= coming.from && session.date <= coming.to),
        )
        .map((course) => ({ course, nextDate: upcomingSessions(course, coming?.from ?? today)[0]?.date ?? null }))
        .sort((a, b) => (a.nextDate ?? '9999').localeCompare(b.nextDate ?? '9999') || danish.compare(a.course.title, b.course.title))
        .map(({ course, nextDate }) => ({
          kind: 'course',
          slug: course.slug,
          title: course.title,
          nextDate,
          place: { slug: course.offering.slug, name: course.offering.name },
          isExample: course.isExample,
        }));
    } else if (spec.kind === 'nye' && window) {
      // Opened in the window and open today; or, for a window ahead, announced to open in it.
      items = search.results
        .filter((item) => inDistrict(item.offering))
        .flatMap(({ offering, status }): LiveListingItem[] => {
          const opened = status.state === 'active' || status.state === 'closing' ? openedOn(offering, today) : null;
          const planned = status.state === 'proposed' && status.planned?.kind === 'opens' ? status.planned.on : null;
          const on = opened ?? planned;
          if (on === null || on < window.from || on > window.to) return [];
          return [{ kind: 'opened', on, place: placeOf(offering), district: districtOf(offering)?.name ?? null, isExample: offering.isExample }];
        })
        .sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || danish.compare(a.place.name, b.place.name));
    } else if (spec.kind === 'lukker') {
      // Closing: announced and not yet closed. Without a period every one, the dated first; with one, those closing in it.
      items = places
        .filter(({ status }) => status.state === 'closing')
        .flatMap(({ offering, status }): LiveListingItem[] => {
          const on = status.planned?.on ?? null;
          if (coming && (on === null || on < coming.from || on > coming.to)) return [];
          return [{ kind: 'closing', on, place: placeOf(offering), district: districtOf(offering)?.name ?? null, isExample: offering.isExample }];
        })
        .sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || danish.compare(a.place.name, b.place.name));
    }
    return {
      spec,
      district: district ? { slug: district.slug, name: district.name } : null,
      unknownDistrict: spec.district && !district ? spec.district : null,
      period: window,
      items: items.slice(0, spec.max),
      total: items.length,
      fetchedAt: now,
      today,
    };
  });
}

/** The date a place opened: its latest «opens» or «active» event that has taken effect (a move or a baseline is not an opening). */
function openedOn(offering: Offering, today: string): string | null {
  const dates = offering.events
    .filter((event) => !event.isBaseline && (event.status === 'opens' || event.status === 'active'))
    .map((event) => event.occursOn ?? event.recordedOn)
    .filter((date): date is string => date !== null && date <= today)
    .sort();
  return dates.at(-1) ?? null;
}

/**
 * The live listings of a text's `[[liste: …]]` lines, by line (a Gloria text, ADR 037/038): each line read, every
 * listing cut from the one search `getLiveListings` makes. A line that cannot be read has no listing (the text's
 * form refuses such a line when it is saved).
 */
export async function listingsByLine(lines: readonly string[], deps: LiveListingDeps, now: Date): Promise<Map<string, LiveListing>> {
  const read = [...new Set(lines)].flatMap((line) => {
    const result = readListingLine(line);
    return result.ok ? [{ line, spec: result.spec }] : [];
  });
  const listings = await getLiveListings(
    read.map((item) => item.spec),
    deps,
    now,
  );
  return new Map(read.map((item, index) => [item.line, listings[index]!]));
}
