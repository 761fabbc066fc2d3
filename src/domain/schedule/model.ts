import { addDays, daysBetween, isoWeekday, mondayOf, wallMinutes } from '../time.ts';
import { type Holiday, type HolidayKey, holidayOn } from './holidays.ts';

/**
 * Opening hours and activities as staff keep them: regular rules, exceptions on dates, and what
 * happens on holidays. Times are Copenhagen wall-clock times ('HH:MM'; a period may close at
 * '24:00'). A period never runs past midnight: a night café open 22–02 is two periods.
 */

/** A span of one day. User-run hours may be with or without staff present. */
export type Period = {
  opens: string;
  closes: string;
  isUserRun: boolean;
  isStaffPresent: boolean;
};

/**
 * How often a weekday rule applies: every week, every `interval` weeks counted from the week that
 * holds `anchor`, or on the n-th (or last, -1) such weekday of each month.
 */
export type Recurrence =
  | { kind: 'weekly'; interval: number; anchor: string | null }
  | { kind: 'monthly'; nth: number };

export const everyWeek: Recurrence = { kind: 'weekly', interval: 1, anchor: null };

export type OpeningRule = Period & {
  id: string;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  recurrence: Recurrence;
  /** Seasonal validity, both days included; null = open-ended. */
  validFrom: string | null;
  validTo: string | null;
  description: string | null;
  isExample: boolean;
};

/**
 * A departure from the regular hours on the dates `from`–`to` (both included): closed, other hours,
 * or a transition with reduced hours before a closure. Periods with `weekdays` apply on those
 * weekdays only; null = every day of the span.
 */
export type ScheduleException = {
  id: string;
  from: string;
  to: string;
  kind: 'closed' | 'hours' | 'transition';
  periods: (Period & { weekdays: number[] | null })[];
  reason: string | null;
  isExample: boolean;
};

/** What an offering does on one holiday: closed, its usual hours, or special hours. */
export type HolidayRule = { holiday: HolidayKey; kind: 'closed' | 'open' | 'hours'; periods: Period[] };

/** `standard` applies on every holiday without a rule of its own. */
export type HolidayPolicy = { standard: 'closed' | 'open'; rules: HolidayRule[] };

export type Schedule = {
  rules: OpeningRule[];
  exceptions: ScheduleException[];
  holidays: HolidayPolicy;
};

export const emptySchedule: Schedule = { rules: [], exceptions: [], holidays: { standard: 'closed', rules: [] } };

export type ActivityKind =
  | 'dining'
  | 'workshop'
  | 'excursion'
  | 'lesson'
  | 'culture'
  | 'food_club'
  | 'peer_meeting'
  | 'other';

/** Somewhere other than the offering's own address: a borrowed room, a library, a museum. */
export type ActivityPlace = {
  name: string;
  address: string | null;
  postcode: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
};

export type ActivityWhen =
  | { kind: 'once'; date: string }
  | { kind: 'repeats'; weekday: number; recurrence: Recurrence; validFrom: string | null; validTo: string | null };

/**
 * An activity is at the offering (`place` null) or elsewhere. A repeating one at the offering does not
 * happen on a day the offering is closed (a holiday it closes on, a closed exception); one elsewhere,
 * or one planned for a single date, follows only its own cancellations.
 */
export type Activity = {
  id: string;
  name: string;
  description: string | null;
  kind: ActivityKind;
  when: ActivityWhen;
  startsAt: string;
  endsAt: string | null;
  place: ActivityPlace | null;
  isUserRun: boolean;
  cancelledOn: string[];
  isExample: boolean;
};

/** Why a day's hours are what they are. */
export type DaySource =
  | { kind: 'regular' }
  | { kind: 'holiday'; holiday: Holiday; rule: HolidayRule['kind'] }
  | { kind: 'exception'; exception: ScheduleException };

export type DayPeriod = Period & { description: string | null; isExample: boolean };

export type DayHours = { date: string; periods: DayPeriod[]; source: DaySource };

/** Facts about a date that every rule asks; computed once per date. */
export type DateFacts = {
  date: string;
  weekday: number;
  /** 1-5: which occurrence of this weekday in its month; isLast when there is no later one. */
  nthInMonth: number;
  isLastInMonth: boolean;
  monday: string;
  holiday: Holiday | null;
};

export function dateFacts(date: string): DateFacts {
  const day = Number(date.slice(8, 10));
  const daysInMonth = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
  return {
    date,
    weekday: isoWeekday(date),
    nthInMonth: Math.floor((day - 1) / 7) + 1,
    isLastInMonth: day + 7 > daysInMonth,
    monday: mondayOf(date),
    holiday: holidayOn(date),
  };
}

/** Whether a recurrence falls on a date with the right weekday. */
export function recurs(recurrence: Recurrence, facts: DateFacts): boolean {
  if (recurrence.kind === 'monthly') {
    return recurrence.nth === -1 ? facts.isLastInMonth : facts.nthInMonth === recurrence.nth;
  }
  if (recurrence.interval <= 1) return true;
  const weeks = daysBetween(mondayOf(recurrence.anchor ?? facts.date), facts.monday) / 7;
  return ((weeks % recurrence.interval) + recurrence.interval) % recurrence.interval === 0;
}

function withinValidity(date: string, validFrom: string | null, validTo: string | null): boolean {
  return (validFrom === null || date >= validFrom) && (validTo === null || date <= validTo);
}

function ruleApplies(rule: OpeningRule, facts: DateFacts): boolean {
  return (
    rule.weekday === facts.weekday &&
    withinValidity(facts.date, rule.validFrom, rule.validTo) &&
    recurs(rule.recurrence, facts)
  );
}

const byOpening = (a: Period, b: Period) => wallMinutes(a.opens) - wallMinutes(b.opens);

function regularPeriods(schedule: Schedule, facts: DateFacts): DayPeriod[] {
  return schedule.rules
    .filter((rule) => ruleApplies(rule, facts))
    .map((rule) => ({
      opens: rule.opens,
      closes: rule.closes,
      isUserRun: rule.isUserRun,
      isStaffPresent: rule.isStaffPresent,
      description: rule.description,
      isExample: rule.isExample,
    }))
    .sort(byOpening);
}

/** The exception covering a date, if any (validation keeps exceptions from overlapping). */
export function exceptionOn(schedule: Schedule, date: string): ScheduleException | null {
  return schedule.exceptions.find((exception) => exception.from <= date && date <= exception.to) ?? null;
}

/**
 * An offering's hours on one Copenhagen date. An exception wins over a holiday, and a holiday over
 * the regular rules.
 */
export function hoursOn(schedule: Schedule, facts: DateFacts): DayHours {
  const exception = exceptionOn(schedule, facts.date);
  if (exception) {
    const periods =
      exception.kind === 'closed'
        ? []
        : exception.periods
            .filter((period) => period.weekdays === null || period.weekdays.includes(facts.weekday))
            .map((period) => ({
              opens: period.opens,
              closes: period.closes,
              isUserRun: period.isUserRun,
              isStaffPresent: period.isStaffPresent,
              description: exception.reason,
              isExample: exception.isExample,
            }))
            .sort(byOpening);
    return { date: facts.date, periods, source: { kind: 'exception', exception } };
  }
  const holiday = facts.holiday;
  if (holiday) {
    const rule = schedule.holidays.rules.find((item) => item.holiday === holiday.key);
    const kind = rule?.kind ?? schedule.holidays.standard;
    const isExample = schedule.rules.some((item) => item.isExample);
    const periods: DayPeriod[] =
      kind === 'closed'
        ? []
        : kind === 'open'
          ? regularPeriods(schedule, facts)
          : (rule?.periods ?? [])
              .map((period) => ({ ...period, description: holiday.name, isExample }))
              .sort(byOpening);
    return { date: facts.date, periods, source: { kind: 'holiday', holiday, rule: kind } };
  }
  return { date: facts.date, periods: regularPeriods(schedule, facts), source: { kind: 'regular' } };
}

/** Whether an offering is closed all day for a reason (holiday or exception), not just by its rules. */
export function isClosedDay(day: DayHours): boolean {
  return (
    (day.source.kind === 'exception' && day.source.exception.kind === 'closed') ||
    (day.source.kind === 'holiday' && day.source.rule === 'closed')
  );
}

/** Whether an activity takes place on a date, given the offering's hours that day. */
export function activityOn(activity: Activity, facts: DateFacts, offeringDay: DayHours): boolean {
  if (activity.cancelledOn.includes(facts.date)) return false;
  const when = activity.when;
  const scheduled =
    when.kind === 'once'
      ? when.date === facts.date
      : when.weekday === facts.weekday &&
        withinValidity(facts.date, when.validFrom, when.validTo) &&
        recurs(when.recurrence, facts);
  if (!scheduled) return false;
  return activity.place !== null || when.kind === 'once' || !isClosedDay(offeringDay);
}

/** The dates from `from` to `to`, both included. */
export function datesFrom(from: string, to: string): string[] {
  const count = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, index) => addDays(from, index));
}
