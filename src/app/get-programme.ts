import type { Course, CourseSession } from '../domain/course/model.ts';
import type { FinderCriteria } from '../domain/finder.ts';
import type { Offering } from '../domain/range.ts';
import { type Holiday, holidayOn } from '../domain/schedule/holidays.ts';
import { type ActivityOccurrence, expandActivities, expandSchedule, type OpenInterval } from '../domain/schedule/timetable.ts';
import { statusOn } from '../domain/status.ts';
import { addDays, copenhagenDate, daysBetween, mondayOf } from '../domain/time.ts';
import type { CourseStore } from './course-store.ts';
import { calendarReachDays } from './get-city-calendar.ts';
import type { Facet, RangeRepository } from './ports.ts';
import { searchRange } from './search-range.ts';


/** One collator for every sort: `localeCompare` with a locale builds one per call. */
const danish = new Intl.Collator('da');
/**
 * A printed programme (ADR 034): a week or a month of the filtered range, day by day, from the same
 * schedule model as the city calendar (holidays and exceptions applied), for a notice board or a
 * waiting room. A period with nothing in it is never printed empty: the nearest period that has
 * something is offered instead.
 */

export type ProgrammePeriodKind = 'uge' | 'maaned';

export type ProgrammePeriod = {
  kind: ProgrammePeriodKind;
  /** As written in the URL: `2026-W50` for a week, `2026-12` for a month. */
  key: string;
  from: string;
  to: string;
};

export type ProgrammePlace = {
  offering: Offering;
  /** Opening hours that day; empty when only an activity or a course meets there. */
  periods: OpenInterval[];
  activities: ActivityOccurrence[];
  courses: { course: Course; session: CourseSession }[];
};

export type ProgrammeDay = { date: string; holiday: Holiday | null; places: ProgrammePlace[] };

export type Programme = {
  today: string;
  period: ProgrammePeriod;
  criteria: FinderCriteria;
  /** The district shown, or null for the whole city. */
  district: Facet | null;
  districts: Facet[];
  /** Only the days with something in them, in order. */
  days: ProgrammeDay[];
  /** Places that fit the filters, whether or not they have anything in the period. */
  placeCount: number;
  /** When `days` is empty: the nearest period within a year that has something, or null. */
  nearest: ProgrammePeriod | null;
  /**
   * Where the programme stops when the period holds more than one printout can (`maxPrintedEntries`): after a
   * whole day, or within the first day when that alone is too long; null when it is whole.
   */
  cut: { after: string; withinDay: boolean } | null;
  /** Every time shown is example data: the page says so once instead of at every line. */
  allExample: boolean;
  anyExample: boolean;
};

/**
 * The most places-on-a-day one programme holds: a city month in Copenhagen has some 400, so this is far above
 * any real notice board; it bounds the work and the PDF a request can ask for (a national month is 600,000).
 */
export const maxPrintedEntries = 5000;

const pad = (value: number) => String(value).padStart(2, '0');

/** The Monday of ISO week `week` of `year` (week 1 holds the year's first Thursday). */
function mondayOfIsoWeek(year: number, week: number): string {
  return addDays(mondayOf(`${year}-01-04`), (week - 1) * 7);
}

function isoWeekKey(date: string): string {
  const thursday = addDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(mondayOfIsoWeek(year, 1), mondayOf(date)) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

export function weekPeriod(date: string): ProgrammePeriod {
  const from = mondayOf(date);
  return { kind: 'uge', key: isoWeekKey(from), from, to: addDays(from, 6) };
}

export function monthPeriod(date: string): ProgrammePeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const from = `${year}-${pad(month)}-01`;
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
  return { kind: 'maaned', key: from.slice(0, 7), from, to: addDays(next, -1) };
}

/** Reads `2026-W50` (also `2026-w50`, `2026W50`); null when it is not a week that exists. */
export function readWeek(value: string): ProgrammePeriod | null {
  const match = /^(\d{4})-?[wW](\d{1,2})$/.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 2000 || year > 2100 || week < 1 || week > 53) return null;
  const period = weekPeriod(mondayOfIsoWeek(year, week));
  return period.key === `${year}-W${pad(week)}` ? period : null;
}

/** Reads `2026-12`; null when it is not a month. */
export function readMonth(value: string): ProgrammePeriod | null {
  const match = /^(\d{4})-(\d{1,2})$/.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (year < 2000 || year > 2100 || month < 1 || month > 12) return null;
  return monthPeriod(`${year}-${pad(month)}-01`);
}

/** The period before or after. */
export function shiftPeriod(period: ProgrammePeriod, steps: number): ProgrammePeriod {
  if (period.kind === 'uge') return weekPeriod(addDays(period.from, steps * 7));
  const year = Number(period.from.slice(0, 4));
  const month = Number(period.from.slice(5, 7)) - 1 + steps;
  const shifted = new Date(Date.UTC(year, month, 1));
  return monthPeriod(`${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-01`);
}

/** Whether a period lies within the calendar's reach of a year back and a year ahead. */
export function isWithinReach(period: ProgrammePeriod, today: string): boolean {
  return period.to >= addDays(today, -calendarReachDays) && period.from <= addDays(today, calendarReachDays);
}

const isRunningOn = (offering: Offering, date: string) => {
  const state = statusOn(offering.events, date).state;
  return state === 'active' || state === 'closing';
};

type Loaded = { places: Offering[]; meetings: { course: Course; session: CourseSession }[] };

async function meetingsBetween(courses: CourseStore, places: Offering[], from: string, to: string) {
  const ids = new Set(places.map((offering) => offering.id));
  if (ids.size === 0) return [];
  return (await courses.listCourses({ offeringIds: [...ids], meetingBetween: { from, to } }))
    .map((item) => item.course)
    .filter((course) => course.status === 'open' && ids.has(course.offering.id))
    .flatMap((course) =>
      course.sessions
        .filter((session) => !session.isCancelled && session.date >= from && session.date <= to)
        .map((session) => ({ course, session })),
    )
    .sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt));
}

/**
 * The days from `from` to `to` with what happens at each place, expanded a day at a time so that a range
 * larger than one printout stops as soon as `limit` places-on-a-day are reached: at the end of a day, or
 * within the first day when that alone is too long.
 */
function layOut(
  { places, meetings }: Loaded,
  from: string,
  to: string,
  limit: number,
): { days: ProgrammeDay[]; cut: Programme['cut'] } {
  const meetingsAt = new Map<string, { course: Course; session: CourseSession }[]>();
  for (const meeting of meetings) {
    const key = `${meeting.session.date} ${meeting.course.offering.id}`;
    meetingsAt.set(key, [...(meetingsAt.get(key) ?? []), meeting]);
  }
  const days: ProgrammeDay[] = [];
  let entries = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const shown: ProgrammePlace[] = [];
    for (const offering of places) {
      const courses = meetingsAt.get(`${date} ${offering.id}`) ?? [];
      const periods = expandSchedule(offering.schedule, date, date);
      const happening = offering.activities.length > 0 ? expandActivities(offering.schedule, offering.activities, date, date) : [];
      if (periods.length + happening.length + courses.length === 0 || !isRunningOn(offering, date)) continue;
      shown.push({ offering, periods, activities: happening.sort((a, b) => a.start - b.start), courses });
    }
    if (shown.length === 0) continue;
    const first = (place: ProgrammePlace) => Math.min(place.periods[0]?.start ?? Infinity, place.activities[0]?.start ?? Infinity);
    shown.sort((a, b) => first(a) - first(b) || danish.compare(a.offering.name, b.offering.name));
    if (entries + shown.length > limit) {
      if (days.length > 0) return { days, cut: { after: days.at(-1)!.date, withinDay: false } };
      days.push({ date, holiday: holidayOn(date), places: shown.slice(0, limit) });
      return { days, cut: { after: date, withinDay: true } };
    }
    entries += shown.length;
    days.push({ date, holiday: holidayOn(date), places: shown });
  }
  return { days, cut: null };
}

/**
 * The nearest period to `period`, within the calendar's reach, that has anything at all: looked for
 * in one pass over the year ahead and behind, then the period around the first such date.
 */
async function nearestWithContent(
  places: Offering[],
  courses: CourseStore,
  period: ProgrammePeriod,
  today: string,
): Promise<ProgrammePeriod | null> {
  if (places.length === 0) return null;
  const from = addDays(today, -calendarReachDays);
  const to = addDays(today, calendarReachDays);
  const meetings = await meetingsBetween(courses, places, from, to);
  const busy = new Set<string>(meetings.map((item) => item.session.date));
  places.forEach((offering) => {
    for (const item of expandSchedule(offering.schedule, from, to)) if (isRunningOn(offering, item.date)) busy.add(item.date);
    for (const item of expandActivities(offering.schedule, offering.activities, from, to))
      if (isRunningOn(offering, item.date)) busy.add(item.date);
  });
  const hasContent = (candidate: ProgrammePeriod) => {
    for (let date = candidate.from; date <= candidate.to; date = addDays(date, 1)) if (busy.has(date)) return true;
    return false;
  };
  const limit = period.kind === 'uge' ? 106 : 25;
  for (let step = 1; step <= limit; step++) {
    // Forward first: a programme is for what is coming.
    for (const candidate of [shiftPeriod(period, step), shiftPeriod(period, -step)]) {
      if (isWithinReach(candidate, today) && hasContent(candidate)) return candidate;
    }
  }
  return null;
}

export async function getProgramme(options: {
  range: RangeRepository;
  courses: CourseStore;
  criteria: FinderCriteria;
  period: ProgrammePeriod;
  now: Date;
  maxEntries?: number;
}): Promise<Programme> {
  const today = copenhagenDate(options.now);
  const search = await searchRange({ range: options.range, criteria: { ...options.criteria, open: null }, now: options.now });
  const places = search.results
    .filter((item) => item.status.state === 'active' || item.status.state === 'closing')
    .map((item) => item.offering);
  const { from, to } = options.period;
  const meetings = await meetingsBetween(options.courses, places, from, to);
  const { days, cut } = layOut({ places, meetings }, from, to, options.maxEntries ?? maxPrintedEntries);
  const shownExample = days.flatMap((day) =>
    day.places.flatMap((place) => [
      ...place.periods.map(() => place.offering.schedule.rules.some((rule) => rule.isExample)),
      ...place.activities.map((item) => item.activity.isExample),
      ...place.courses.map((item) => item.course.isExample),
    ]),
  );
  const districtSlug = search.criteria.districtSlug;
  return {
    today,
    period: options.period,
    criteria: search.criteria,
    district: search.facets.districts.find((item) => item.slug === districtSlug) ?? null,
    districts: search.facets.districts,
    days,
    placeCount: places.length,
    cut,
    nearest: days.length === 0 ? await nearestWithContent(places, options.courses, options.period, today) : null,
    allExample: shownExample.length > 0 && shownExample.every(Boolean),
    anyExample: shownExample.some(Boolean),
  };
}
