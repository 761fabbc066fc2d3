import { addDays, copenhagenWallClock, type DayClock, dayClock, wallMinutes } from '../time.ts';
import {
  type Activity,
  activityOn,
  type DateFacts,
  type DayHours,
  dateFacts,
  datesFrom,
  hoursOn,
  type Schedule,
} from './model.ts';

/**
 * Schedules expanded to instants. One offering's calendar for a page or a feed, and a timetable of
 * a whole range over a window of days for the finder, the city calendar and the coordination view:
 * "open now" over a country is a scan of flat arrays, not a walk over rules.
 */

/** A span of time between two instants (epoch ms), start included, end excluded. */
export type Interval = { start: number; end: number };

export type OpenInterval = Interval & {
  date: string;
  opens: string;
  closes: string;
  isUserRun: boolean;
  isStaffPresent: boolean;
};

export type ActivityOccurrence = Interval & { date: string; activity: Activity };

// Per-date facts and clocks are the same for every offering; keep the last few hundred.
const factsCache = new Map<string, { facts: DateFacts; clock: DayClock }>();
function dayOf(date: string) {
  let entry = factsCache.get(date);
  if (!entry) {
    if (factsCache.size > 800) factsCache.clear();
    entry = { facts: dateFacts(date), clock: dayClock(date) };
    factsCache.set(date, entry);
  }
  return entry;
}

/** The facts about one Copenhagen date (weekday, week, holiday), shared by every offering. */
export function factsFor(date: string): DateFacts {
  return dayOf(date).facts;
}

/** The offering's hours on each date from `from` to `to`. */
export function daysOf(schedule: Schedule, from: string, to: string): DayHours[] {
  return datesFrom(from, to).map((date) => hoursOn(schedule, dayOf(date).facts));
}

/** Opening hours as instants, for the dates `from`–`to`. Empty spans (inside the spring gap) are left out. */
export function expandSchedule(schedule: Schedule, from: string, to: string): OpenInterval[] {
  const intervals: OpenInterval[] = [];
  for (const date of datesFrom(from, to)) {
    const { facts, clock } = dayOf(date);
    for (const period of hoursOn(schedule, facts).periods) {
      const start = clock.toInstant(wallMinutes(period.opens));
      const end = clock.toInstant(wallMinutes(period.closes));
      if (end > start) intervals.push({ start, end, date, ...period });
    }
  }
  return intervals;
}

/** Activities as instants for the dates `from`–`to`; one without an end time lasts until its start. */
export function expandActivities(
  schedule: Schedule,
  activities: readonly Activity[],
  from: string,
  to: string,
): ActivityOccurrence[] {
  const occurrences: ActivityOccurrence[] = [];
  if (activities.length === 0) return occurrences;
  for (const date of datesFrom(from, to)) {
    const { facts, clock } = dayOf(date);
    const day = hoursOn(schedule, facts);
    for (const activity of activities) {
      if (!activityOn(activity, facts, day)) continue;
      const start = clock.toInstant(wallMinutes(activity.startsAt));
      const end = activity.endsAt ? clock.toInstant(wallMinutes(activity.endsAt)) : start;
      occurrences.push({ start, end, date, activity });
    }
  }
  return occurrences.sort((a, b) => a.start - b.start);
}

/**
 * Whether the offering is open at an instant. A period runs from the first moment the Copenhagen
 * clock shows its opening time to the first moment it shows its closing time, so a place open
 * 01:00–02:15 closes at the first 02:15 of the autumn night and stays closed through the repeated hour.
 */
export function isOpenAt(schedule: Schedule, instant: number): boolean {
  const date = copenhagenWallClock(instant).date;
  return expandSchedule(schedule, date, date).some((interval) => interval.start <= instant && instant < interval.end);
}

/**
 * The period the offering is open in at `instant`, or the next one within `horizonDays`; null when
 * there is none (no hours, or closed for longer).
 */
export function currentOrNextOpening(schedule: Schedule, instant: number, horizonDays = 62): OpenInterval | null {
  const today = copenhagenWallClock(instant).date;
  for (let offset = 0; offset < horizonDays; offset += 7) {
    const from = addDays(today, offset);
    const found = expandSchedule(schedule, from, addDays(from, 6)).find((interval) => interval.end > instant);
    if (found) return found;
  }
  return null;
}

export type TimetableEntry = { id: string; schedule: Schedule; activities: readonly Activity[] };

/** Who is there: bit 1 user-run, bit 2 staff present. */
const userRunBit = 1;
const staffBit = 2;

/**
 * Every offering's opening periods and activities over `days` days from `from`, in flat arrays
 * sorted by start. Built once per request or cached per day; queries then never touch the rules.
 */
export class Timetable {
  readonly from: string;
  readonly to: string;
  readonly ids: readonly string[];
  readonly periodOffering: Int32Array;
  readonly periodStart: Float64Array;
  readonly periodEnd: Float64Array;
  readonly periodFlags: Uint8Array;
  readonly activities: readonly (ActivityOccurrence & { offering: number })[];
  /** The longest period, so a scan by start time knows how far back to look. */
  private readonly longest: number;

  constructor(entries: readonly TimetableEntry[], from: string, days: number) {
    this.from = from;
    this.to = addDays(from, days - 1);
    this.ids = entries.map((entry) => entry.id);
    const dates = datesFrom(from, this.to).map(dayOf);
    const offering: number[] = [];
    const start: number[] = [];
    const end: number[] = [];
    const flags: number[] = [];
    const activities: (ActivityOccurrence & { offering: number })[] = [];
    entries.forEach((entry, index) => {
      for (const { facts, clock } of dates) {
        const day = hoursOn(entry.schedule, facts);
        for (const period of day.periods) {
          const opens = clock.toInstant(wallMinutes(period.opens));
          const closes = clock.toInstant(wallMinutes(period.closes));
          if (closes <= opens) continue;
          offering.push(index);
          start.push(opens);
          end.push(closes);
          flags.push((period.isUserRun ? userRunBit : 0) | (period.isStaffPresent ? staffBit : 0));
        }
        for (const activity of entry.activities) {
          if (!activityOn(activity, facts, day)) continue;
          const begins = clock.toInstant(wallMinutes(activity.startsAt));
          const ends = activity.endsAt ? clock.toInstant(wallMinutes(activity.endsAt)) : begins;
          activities.push({ start: begins, end: ends, date: facts.date, activity, offering: index });
        }
      }
    });
    const order = start.map((_, index) => index).sort((a, b) => start[a]! - start[b]!);
    this.periodOffering = Int32Array.from(order, (index) => offering[index]!);
    this.periodStart = Float64Array.from(order, (index) => start[index]!);
    this.periodEnd = Float64Array.from(order, (index) => end[index]!);
    this.periodFlags = Uint8Array.from(order, (index) => flags[index]!);
    this.activities = activities.sort((a, b) => a.start - b.start);
    let longest = 0;
    for (let index = 0; index < this.periodStart.length; index++) {
      longest = Math.max(longest, this.periodEnd[index]! - this.periodStart[index]!);
    }
    this.longest = longest;
  }

  /** Index of the first period that starts at or after `instant`. */
  private firstStartingFrom(instant: number): number {
    let low = 0;
    let high = this.periodStart.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.periodStart[middle]! < instant) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * Indexes (into `ids`) of the offerings open at some moment in [from, to); with `to` omitted, at
   * the instant `from`. `who` narrows to periods with staff present or user-run periods.
   */
  openBetween(from: number, to = from + 1, who: 'staff' | 'user_run' | null = null): Set<number> {
    const open = new Set<number>();
    const first = this.firstStartingFrom(from - this.longest);
    const last = this.firstStartingFrom(to);
    const mask = who === 'staff' ? staffBit : who === 'user_run' ? userRunBit : 0;
    for (let index = first; index < last; index++) {
      if (this.periodEnd[index]! > from && (mask === 0 || (this.periodFlags[index]! & mask) !== 0)) {
        open.add(this.periodOffering[index]!);
      }
    }
    return open;
  }

  /** The ids of the offerings open at an instant. */
  openAt(instant: number): Set<string> {
    return new Set([...this.openBetween(instant)].map((index) => this.ids[index]!));
  }

  /** Activities that overlap [from, to), in start order. */
  activitiesBetween(from: number, to: number): (ActivityOccurrence & { offering: number })[] {
    return this.activities.filter((item) => item.start < to && Math.max(item.end, item.start + 1) > from);
  }

  /** Whether the window covers an instant (queries outside it would silently miss periods). */
  covers(instant: number): boolean {
    return instant >= dayOf(this.from).clock.start && instant < dayOf(this.to).clock.end;
  }
}
