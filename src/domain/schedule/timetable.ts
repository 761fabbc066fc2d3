import { addDays, copenhagenWallClock, type DayClock, dayClock, dayNumber, wallMinutes } from '../time.ts';
import {
  type Activity,
  activityOn,
  type DateFacts,
  type DayHours,
  dateFacts,
  datesFrom,
  hoursOn,
  isClosedDay,
  type Schedule,
} from './model.ts';
import { CompiledSchedules, minutesOf, type PackedDay, staffBit, userRunBit } from './compiled.ts';

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

/** A date of a timetable's window: its facts, clock, the instant of every wall-clock minute 0–1440, and the packed facts. */
const windowCache = new Map<string, WindowDay>();
function windowDay(date: string): WindowDay {
  let entry = windowCache.get(date);
  if (!entry) {
    if (windowCache.size > 400) windowCache.clear();
    const { facts, clock } = dayOf(date);
    const instants = new Float64Array(1441);
    for (let minute = 0; minute <= 1440; minute++) instants[minute] = clock.toInstant(minute);
    const number = dayNumber(date);
    const packed = { number, monday: number - facts.weekday + 1, weekday: facts.weekday, nthInMonth: facts.nthInMonth, isLastInMonth: facts.isLastInMonth };
    entry = { facts, clock, instants, packed };
    windowCache.set(date, entry);
  }
  return entry;
}

/** The first index whose value is ≥ `value` in an ascending array. */
function firstAtLeast(values: Int32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
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

/** Sort keys: a day's minutes 0–1440, so a day spans 1441 keys. */
const keysPerDay = 1441;

/** A growable column of integers, packed into a typed array at the end. */
class Column {
  values: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.values = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

const scratch = [new Column(1024), new Column(1024), new Column(1024), new Column(1024), new Column(1024)] as const;

/** Indexes 0…n-1 ordered by integer keys in [0, keyCount): a counting sort, stable, O(n + keyCount). */
function orderByKey(keys: Column, keyCount: number): Int32Array {
  const starts = new Int32Array(keyCount + 1);
  for (let index = 0; index < keys.length; index++) starts[keys.values[index]! + 1]!++;
  for (let key = 0; key < keyCount; key++) starts[key + 1]! += starts[key]!;
  const order = new Int32Array(keys.length);
  for (let index = 0; index < keys.length; index++) order[starts[keys.values[index]!]!++] = index;
  return order;
}

type WindowDay = { facts: DateFacts; clock: DayClock; instants: Float64Array; packed: PackedDay };

/**
 * Every offering's opening periods and activities over `days` days from `from`, in flat typed arrays
 * sorted by start. Built from CompiledSchedules (packed once per change of the data) or, for a few
 * offerings, straight from their schedules; queries then never touch the rules.
 *
 * On ordinary days the packed rules are read directly; on a holiday an offering has a rule for, and
 * inside an exception, the day comes from `hoursOn`, so the timetable gives the same hours as
 * `expandSchedule` (a property test holds it to that).
 */
export class Timetable {
  readonly from: string;
  readonly to: string;
  readonly ids: readonly string[];
  readonly periodOffering: Int32Array;
  readonly periodStart: Float64Array;
  readonly periodEnd: Float64Array;
  readonly periodFlags: Uint8Array;
  /** Activity occurrences in start order, as day × 1441 + starting minute, and the activity's index in `range`. */
  private readonly activityKey: Int32Array;
  private readonly activityIndex: Int32Array;
  private readonly range: CompiledSchedules;
  private readonly dates: readonly WindowDay[];
  /** Periods starting on day d are periodStart[dayFirstPeriod[d] … dayFirstPeriod[d + 1]). */
  private readonly dayFirstPeriod: Int32Array;

  constructor(source: readonly TimetableEntry[] | CompiledSchedules, from: string, days: number) {
    const range = source instanceof CompiledSchedules ? source : new CompiledSchedules(source);
    const count = range.ids.length;
    this.from = from;
    this.to = addDays(from, days - 1);
    this.ids = range.ids;
    const dates = datesFrom(from, this.to).map(windowDay);
    this.dates = dates;

    // Periods as (day × 1441 + opening minute, offering, closing minute × 4 + flags); instants at the end.
    // The columns are scratch space shared by every build (a build runs start to end without yielding).
    const [pKey, pOffering, pClosesAndFlags, aKey, aRef] = scratch;
    for (const column of scratch) column.length = 0;
    // Activity occurrences as (day × 1441 + starting minute, activity).

    const addPeriod = (offering: number, day: number, opens: number, closes: number, flags: number) => {
      const instants = dates[day]!.instants;
      if (instants[closes]! <= instants[opens]!) return;
      pKey.push(day * keysPerDay + opens);
      pOffering.push(offering);
      pClosesAndFlags.push(closes * 4 + flags);
    };
    const addActivity = (activity: number, day: number) => {
      aKey.push(day * keysPerDay + range.activityStart[activity]!);
      aRef.push(activity);
    };

    /** Per offering on the current day: 1 = its day comes from hoursOn, 2 = closed by its holiday standard. */
    const special = new Uint8Array(count);
    /** Per day and offering: closed all day for a reason (holiday or exception), which cancels its activities. */
    const closed = new Uint8Array(count * days);
    for (let day = 0; day < days; day++) {
      const { facts, packed } = dates[day]!;
      special.fill(0);
      const slow: number[] = [];
      const markSlow = (offering: number) => {
        if (special[offering] !== 1) slow.push(offering);
        special[offering] = 1;
      };
      for (let index = 0; index < range.exceptionOffering.length; index++) {
        if (range.exceptionFrom[index]! <= packed.number && packed.number <= range.exceptionTo[index]!) markSlow(range.exceptionOffering[index]!);
      }
      if (facts.holiday) {
        for (const offering of range.holidayRules.get(facts.holiday.key) ?? []) markSlow(offering);
        for (let offering = 0; offering < count; offering++) {
          if (special[offering] === 0 && range.closesOnHolidays[offering] === 1) {
            special[offering] = 2;
            closed[day * count + offering] = 1;
          }
        }
      }
      for (const offering of slow) {
        const hours = hoursOn(range.schedules[offering]!, facts);
        if (isClosedDay(hours)) closed[day * count + offering] = 1;
        for (const period of hours.periods) {
          const flags = (period.isUserRun ? userRunBit : 0) | (period.isStaffPresent ? staffBit : 0);
          addPeriod(offering, day, minutesOf(period.opens), minutesOf(period.closes), flags);
        }
      }
      for (const rule of range.rulesOn[packed.weekday]!) {
        const offering = range.ruleOffering[rule]!;
        if (special[offering] !== 0 || !range.rules.holds(rule, packed)) continue;
        addPeriod(offering, day, range.ruleOpens[rule]!, range.ruleCloses[rule]!, range.ruleFlags[rule]!);
      }
      for (const activity of range.activitiesOn[packed.weekday]!) {
        if (!range.activityRecurrences.holds(activity, packed)) continue;
        if (range.activityAtOffering[activity] === 1 && closed[day * count + range.activityOffering[activity]!] === 1) continue;
        if (range.isCancelled(activity, packed.number)) continue;
        addActivity(activity, day);
      }
    }
    const firstDay = dates[0]?.packed.number ?? 0;
    for (let index = firstAtLeast(range.onceDay, firstDay); index < range.onceDay.length; index++) {
      const day = range.onceDay[index]! - firstDay;
      if (day >= days) break;
      const activity = range.onceActivities[index]!;
      if (!range.isCancelled(activity, range.onceDay[index]!)) addActivity(activity, day);
    }

    const keyCount = Math.max(1, days) * keysPerDay;
    const order = orderByKey(pKey, keyCount);
    const periods = order.length;
    this.periodOffering = new Int32Array(periods);
    this.periodStart = new Float64Array(periods);
    this.periodEnd = new Float64Array(periods);
    this.periodFlags = new Uint8Array(periods);
    this.dayFirstPeriod = new Int32Array(days + 1);
    for (let position = 0; position < periods; position++) {
      const index = order[position]!;
      const key = pKey.values[index]!;
      const day = Math.floor(key / keysPerDay);
      const instants = dates[day]!.instants;
      const closesAndFlags = pClosesAndFlags.values[index]!;
      this.periodOffering[position] = pOffering.values[index]!;
      this.periodStart[position] = instants[key - day * keysPerDay]!;
      this.periodEnd[position] = instants[closesAndFlags >> 2]!;
      this.periodFlags[position] = closesAndFlags & 3;
      this.dayFirstPeriod[day + 1]!++;
    }
    for (let day = 0; day < days; day++) this.dayFirstPeriod[day + 1]! += this.dayFirstPeriod[day]!;

    const activityOrder = orderByKey(aKey, keyCount);
    const occurrences = activityOrder.length;
    this.activityKey = new Int32Array(occurrences);
    this.activityIndex = new Int32Array(occurrences);
    for (let position = 0; position < occurrences; position++) {
      const index = activityOrder[position]!;
      this.activityKey[position] = aKey.values[index]!;
      this.activityIndex[position] = aRef.values[index]!;
    }
    this.range = range;
  }

  /** How many activity occurrences the window holds. */
  get activityCount(): number {
    return this.activityKey.length;
  }

  /** The day of the window an instant falls on, or -1 outside it. */
  private dayAt(instant: number): number {
    for (let day = 0; day < this.dates.length; day++) {
      const { clock } = this.dates[day]!;
      if (instant >= clock.start && instant < clock.end) return day;
    }
    return instant >= (this.dates.at(-1)?.clock.end ?? 0) ? this.dates.length : -1;
  }

  /**
   * Offerings open at some moment in [from, to) (with `to` omitted, at the instant `from`), as a mask
   * over `ids`: 1 = open. `who` narrows to periods with staff present or user-run periods. A period
   * never runs past its day, so only the days the span touches are read.
   */
  openMask(from: number, to = from + 1, who: 'staff' | 'user_run' | null = null): Uint8Array {
    const open = new Uint8Array(this.ids.length);
    const mask = who === 'staff' ? staffBit : who === 'user_run' ? userRunBit : 0;
    const firstDay = Math.max(0, this.dayAt(from));
    const lastDay = Math.min(this.dates.length - 1, this.dayAt(to - 1));
    if (lastDay < firstDay) return open;
    const end = this.dayFirstPeriod[lastDay + 1]!;
    for (let index = this.dayFirstPeriod[firstDay]!; index < end; index++) {
      const start = this.periodStart[index]!;
      if (start >= to) break;
      if (this.periodEnd[index]! > from && (mask === 0 || (this.periodFlags[index]! & mask) !== 0)) {
        open[this.periodOffering[index]!] = 1;
      }
    }
    return open;
  }

  /** Indexes (into `ids`) of the offerings open at some moment in [from, to); see openMask. */
  openBetween(from: number, to = from + 1, who: 'staff' | 'user_run' | null = null): Set<number> {
    const mask = this.openMask(from, to, who);
    const open = new Set<number>();
    for (let index = 0; index < mask.length; index++) if (mask[index] === 1) open.add(index);
    return open;
  }

  /** The ids of the offerings open at an instant. */
  openAt(instant: number): Set<string> {
    const mask = this.openMask(instant);
    const open = new Set<string>();
    for (let index = 0; index < mask.length; index++) if (mask[index] === 1) open.add(this.ids[index]!);
    return open;
  }

  /** Activities that overlap [from, to), in start order. */
  activitiesBetween(from: number, to: number): (ActivityOccurrence & { offering: number })[] {
    const found: (ActivityOccurrence & { offering: number })[] = [];
    for (let position = 0; position < this.activityKey.length; position++) {
      const key = this.activityKey[position]!;
      const day = Math.floor(key / keysPerDay);
      const { instants, facts } = this.dates[day]!;
      const start = instants[key - day * keysPerDay]!;
      if (start >= to) break;
      const activity = this.activityIndex[position]!;
      const ends = this.range.activityEnd[activity]!;
      const end = ends < 0 ? start : instants[ends]!;
      if (Math.max(end, start + 1) <= from) continue;
      found.push({ start, end, date: facts.date, activity: this.range.activities[activity]!, offering: this.range.activityOffering[activity]! });
    }
    return found;
  }

  /** Whether the window covers an instant (queries outside it would silently miss periods). */
  covers(instant: number): boolean {
    return instant >= dayOf(this.from).clock.start && instant < dayOf(this.to).clock.end;
  }
}
