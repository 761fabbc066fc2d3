import type { Course, CourseSession } from '../domain/course/model.ts';
import type { FinderCriteria } from '../domain/finder.ts';
import type { Offering } from '../domain/range.ts';
import {
  bandInterval,
  type CoveragePlace,
  type CoverageRow,
  coverageMatrix,
  type HolidayCoverage,
  timeBands,
} from '../domain/schedule/coordination.ts';
import { type Holiday, holidayOn, holidaysBetween } from '../domain/schedule/holidays.ts';
import {
  type ActivityOccurrence,
  expandActivities,
  expandSchedule,
  type OpenInterval,
  Timetable,
} from '../domain/schedule/timetable.ts';
import { statusOn } from '../domain/status.ts';
import { addDays, copenhagenDate, daysBetween, weekOf } from '../domain/time.ts';
import type { CourseStore } from './course-store.ts';
import type { RangeRepository } from './ports.ts';
import type { PeerStore, PublicPeerMeeting } from './run-peer-counsellors.ts';
import { searchRange } from './search-range.ts';

/** The city calendar and the coordination view: the filtered range laid out in time. */

export type CalendarView = 'dag' | 'uge';

export type CalendarDay = {
  date: string;
  holiday: Holiday | null;
  /** Places open that day with their periods, earliest first. */
  open: { offering: Offering; periods: OpenInterval[] }[];
  activities: (ActivityOccurrence & { offering: Offering })[];
  /** Course meetings that day at the places shown, earliest first (ADR 023). */
  courses: { course: Course; session: CourseSession }[];
  /** Peer meetings that day at the places shown: where and when, no one named (ADR 036). */
  peerMeetings: (PublicPeerMeeting & { offering: Offering })[];
};

export type CityCalendar = {
  today: string;
  view: CalendarView;
  /** The first and last date shown. */
  from: string;
  to: string;
  criteria: FinderCriteria;
  days: CalendarDay[];
  /** How many places the filters leave, open or not on these days. */
  placeCount: number;
  facets: Awaited<ReturnType<typeof searchRange>>['facets'];
};

/** The furthest a calendar can be paged, back and forward, from today. */
export const calendarReachDays = 366;

async function placesFor(range: RangeRepository, criteria: FinderCriteria, now: Date) {
  const search = await searchRange({ range, criteria: { ...criteria, open: null }, now });
  const places = search.results
    .filter((item) => item.status.state === 'active' || item.status.state === 'closing')
    .map((item) => item.offering);
  return { search, places };
}

/** A place is in the calendar on the days it is not closed (a closing place stops on its date). */
const isRunningOn = (offering: Offering, date: string) => {
  const state = statusOn(offering.events, date).state;
  return state === 'active' || state === 'closing';
};

export async function getCityCalendar(options: {
  range: RangeRepository;
  courses: CourseStore;
  /** The peer meetings at the places shown (ADR 036); none when omitted. */
  peer?: Pick<PeerStore, 'peerMeetingsBetween'>;
  criteria: FinderCriteria;
  now: Date;
  /** Any date in the day or week to show. */
  date: string;
  view: CalendarView;
}): Promise<CityCalendar> {
  const { search, places } = await placesFor(options.range, options.criteria, options.now);
  const from = options.view === 'uge' ? weekOf(options.date)[0]! : options.date;
  const length = options.view === 'uge' ? 7 : 1;
  const to = addDays(from, length - 1);
  const hours = places.map((offering) => expandSchedule(offering.schedule, from, to));
  const activities = places.map((offering) => expandActivities(offering.schedule, offering.activities, from, to));
  const shownPlaces = new Set(places.map((offering) => offering.id));
  const meetings = (await options.courses.listCourses({ offeringIds: [...shownPlaces], meetingBetween: { from, to } }))
    .map((item) => item.course)
    .filter((course) => course.status === 'open' && shownPlaces.has(course.offering.id))
    .flatMap((course) =>
      course.sessions.filter((session) => !session.isCancelled && session.date >= from && session.date <= to).map((session) => ({ course, session })),
    )
    .sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt));
  const peerMeetings = options.peer ? await options.peer.peerMeetingsBetween(from, to, [...shownPlaces]) : [];
  const days: CalendarDay[] = [];
  for (let index = 0; index < length; index++) {
    const date = addDays(from, index);
    const running = places.map((offering) => isRunningOn(offering, date));
    days.push({
      date,
      holiday: holidayOn(date),
      open: places
        .map((offering, place) => ({ offering, periods: running[place] ? hours[place]!.filter((item) => item.date === date) : [] }))
        .filter((item) => item.periods.length > 0)
        .sort((a, b) => a.periods[0]!.start - b.periods[0]!.start || a.offering.name.localeCompare(b.offering.name, 'da')),
      activities: places
        .flatMap((offering, place) =>
          running[place] ? activities[place]!.filter((item) => item.date === date).map((item) => ({ ...item, offering })) : [],
        )
        .sort((a, b) => a.start - b.start),
      courses: meetings.filter((meeting) => meeting.session.date === date),
      peerMeetings: peerMeetings.flatMap((meeting) => {
        const place = places.findIndex((offering) => offering.id === meeting.offeringId);
        return meeting.date === date && place >= 0 && running[place] ? [{ ...meeting, offering: places[place]! }] : [];
      }),
    });
  }
  return {
    today: copenhagenDate(options.now),
    view: options.view,
    from,
    to,
    criteria: search.criteria,
    days,
    placeCount: places.length,
    facets: search.facets,
  };
}

export type Coordination = {
  today: string;
  week: string[];
  criteria: FinderCriteria;
  places: Map<number, CoveragePlace & { offering: Offering }>;
  rows: CoverageRow[];
  holidays: HolidayCoverage[];
  /** Places the matrix cannot place: no district known. */
  withoutDistrict: Offering[];
  facets: Awaited<ReturnType<typeof searchRange>>['facets'];
};

/** How far ahead the coordination view lists holidays. */
const holidayHorizonDays = 62;

export async function getCoordination(options: {
  range: RangeRepository;
  criteria: FinderCriteria;
  now: Date;
  date: string;
}): Promise<Coordination> {
  const today = copenhagenDate(options.now);
  const { search, places: offerings } = await placesFor(options.range, options.criteria, options.now);
  const week = weekOf(options.date);
  const holidays = holidaysBetween(today, addDays(today, holidayHorizonDays));
  const lastHoliday = holidays.at(-1)?.date ?? week[6]!;
  const span = Math.max(daysBetween(week[0]!, week[6]!), daysBetween(week[0]!, lastHoliday)) + 2;
  const from = week[0]! < today ? week[0]! : today;
  const timetable = new Timetable(
    offerings.map((offering) => ({ id: offering.id, schedule: offering.schedule, activities: [] })),
    from,
    span + Math.max(0, daysBetween(from, week[0]!)),
  );
  const placed = offerings.flatMap((offering, index) => {
    const district = offering.locations.find((item) => item.location.district)?.location.district?.name;
    return district
      ? [{ index, district, isSocial: offering.profile === 'social' || offering.profile === 'both', offering }]
      : [];
  });
  const districts = [...new Set(placed.map((place) => place.district))].sort((a, b) => a.localeCompare(b, 'da'));
  const rows = coverageMatrix(timetable, placed, districts, week);
  const holidayCoverage: HolidayCoverage[] = holidays.map((holiday) => {
    const dayBands = timeBands.filter((band) => band.key !== 'night').map((band) => bandInterval(holiday.date, band));
    const open = timetable.openBetween(dayBands[0]!.from, dayBands.at(-1)!.to);
    return {
      holiday,
      byDistrict: new Map(
        districts.map((district) => [
          district,
          placed.filter((place) => place.district === district && open.has(place.index)).map((place) => place.index),
        ]),
      ),
    };
  });
  return {
    today,
    week,
    criteria: search.criteria,
    places: new Map(placed.map((place) => [place.index, place])),
    rows,
    holidays: holidayCoverage,
    withoutDistrict: offerings.filter((_, index) => !placed.some((place) => place.index === index)),
    facets: search.facets,
  };
}
