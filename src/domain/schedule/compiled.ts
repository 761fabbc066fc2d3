import { dayNumber } from '../time.ts';
import type { HolidayKey } from './holidays.ts';
import type { Activity, Recurrence, Schedule } from './model.ts';

/**
 * A whole range's schedules packed into typed arrays, once per change of the data: rules and repeating
 * activities grouped by weekday, dates as day numbers, times as minutes. Expanding a window of days
 * (the Timetable) then reads integers instead of walking a few hundred thousand objects, which at
 * national scale is what made it slow. Holidays that an offering treats in its own way and dates with
 * exceptions are left to `hoursOn` on the original schedule, so the two cannot disagree.
 */

/** 'HH:MM' to minutes without allocating. */
export function minutesOf(time: string): number {
  return (
    (time.charCodeAt(0) - 48) * 600 + (time.charCodeAt(1) - 48) * 60 + (time.charCodeAt(3) - 48) * 10 + (time.charCodeAt(4) - 48)
  );
}

/** Who is there: bit 1 user-run, bit 2 staff present. */
export const userRunBit = 1;
export const staffBit = 2;

const noStart = -2_147_483_648;
const noEnd = 2_147_483_647;

/** How a rule recurs: 0 every week, 1 every n weeks from an anchor, 2 the n-th (or last) weekday of the month. */
const everyWeekKind = 0;
const everyNWeeksKind = 1;
const monthlyKind = 2;

/** The packed recurrence, validity and weekday of rules or activities, indexed alike. */
class Recurrences {
  readonly weekday: Uint8Array;
  readonly kind: Uint8Array;
  /** Weeks between occurrences, or the n-th weekday of the month (-1 = last). */
  readonly step: Int8Array;
  /** The day number of the Monday of the anchor's week. */
  readonly anchorMonday: Int32Array;
  readonly validFrom: Int32Array;
  readonly validTo: Int32Array;

  constructor(items: readonly { weekday: number; recurrence: Recurrence; validFrom: string | null; validTo: string | null }[]) {
    const count = items.length;
    this.weekday = new Uint8Array(count);
    this.kind = new Uint8Array(count);
    this.step = new Int8Array(count);
    this.anchorMonday = new Int32Array(count);
    this.validFrom = new Int32Array(count);
    this.validTo = new Int32Array(count);
    items.forEach((item, index) => {
      const { recurrence } = item;
      this.weekday[index] = item.weekday;
      if (recurrence.kind === 'monthly') {
        this.kind[index] = monthlyKind;
        this.step[index] = recurrence.nth;
      } else if (recurrence.interval > 1 && recurrence.anchor !== null) {
        // Without an anchor every week counts from itself, so the rule holds every week (as `recurs`).
        const anchor = dayNumber(recurrence.anchor);
        this.kind[index] = everyNWeeksKind;
        this.step[index] = recurrence.interval;
        this.anchorMonday[index] = anchor - ((((anchor + 3) % 7) + 7) % 7);
      } else {
        this.kind[index] = everyWeekKind;
      }
      this.validFrom[index] = item.validFrom === null ? noStart : dayNumber(item.validFrom);
      this.validTo[index] = item.validTo === null ? noEnd : dayNumber(item.validTo);
    });
  }

  /** Whether item `index` (already known to fall on the day's weekday) holds on the day. */
  holds(index: number, day: PackedDay): boolean {
    if (day.number < this.validFrom[index]! || day.number > this.validTo[index]!) return false;
    const kind = this.kind[index]!;
    if (kind === everyWeekKind) return true;
    const step = this.step[index]!;
    if (kind === monthlyKind) return step === -1 ? day.isLastInMonth : day.nthInMonth === step;
    const weeks = (day.monday - this.anchorMonday[index]!) / 7;
    return ((weeks % step) + step) % step === 0;
  }
}

/** What the packed rules need to know about a date. */
export type PackedDay = { number: number; monday: number; weekday: number; nthInMonth: number; isLastInMonth: boolean };

/** Indexes of the items on each weekday (1–7), in their original order. */
function byWeekday(weekdays: Uint8Array, include: (index: number) => boolean = () => true): Int32Array[] {
  const lists: number[][] = Array.from({ length: 8 }, () => []);
  for (let index = 0; index < weekdays.length; index++) if (include(index)) lists[weekdays[index]!]!.push(index);
  return lists.map((list) => Int32Array.from(list));
}

export class CompiledSchedules {
  readonly ids: readonly string[];
  readonly schedules: readonly Schedule[];

  readonly ruleOffering: Int32Array;
  readonly ruleOpens: Int16Array;
  readonly ruleCloses: Int16Array;
  readonly ruleFlags: Uint8Array;
  readonly rules: Recurrences;
  readonly rulesOn: readonly Int32Array[];

  /** 1 when the offering's standard on holidays is to close. */
  readonly closesOnHolidays: Uint8Array;
  /** Offerings with a rule of their own for a holiday. */
  readonly holidayRules: ReadonlyMap<HolidayKey, readonly number[]>;

  readonly exceptionOffering: Int32Array;
  readonly exceptionFrom: Int32Array;
  readonly exceptionTo: Int32Array;

  readonly activities: readonly Activity[];
  readonly activityOffering: Int32Array;
  readonly activityStart: Int16Array;
  /** -1 when the activity has no end time. */
  readonly activityEnd: Int16Array;
  /** 1 when it takes place at the offering (and so not on days the offering is closed). */
  readonly activityAtOffering: Uint8Array;
  /** Cancelled dates as day numbers: those of activity a are cancelledDays[cancelledFrom[a] … cancelledFrom[a + 1]). */
  readonly cancelledFrom: Int32Array;
  readonly cancelledDays: Int32Array;
  readonly activityRecurrences: Recurrences;
  readonly activitiesOn: readonly Int32Array[];
  /** One-off activities ordered by day number. */
  readonly onceActivities: Int32Array;
  readonly onceDay: Int32Array;

  constructor(entries: readonly { id: string; schedule: Schedule; activities: readonly Activity[] }[]) {
    this.ids = entries.map((entry) => entry.id);
    this.schedules = entries.map((entry) => entry.schedule);

    const rules = entries.flatMap((entry, offering) => entry.schedule.rules.map((rule) => ({ rule, offering })));
    this.ruleOffering = Int32Array.from(rules, (item) => item.offering);
    this.ruleOpens = Int16Array.from(rules, (item) => minutesOf(item.rule.opens));
    this.ruleCloses = Int16Array.from(rules, (item) => minutesOf(item.rule.closes));
    this.ruleFlags = Uint8Array.from(rules, ({ rule }) => (rule.isUserRun ? userRunBit : 0) | (rule.isStaffPresent ? staffBit : 0));
    this.rules = new Recurrences(rules.map((item) => item.rule));
    this.rulesOn = byWeekday(this.rules.weekday);

    this.closesOnHolidays = Uint8Array.from(entries, (entry) => (entry.schedule.holidays.standard === 'closed' ? 1 : 0));
    const holidayRules = new Map<HolidayKey, number[]>();
    entries.forEach((entry, offering) => {
      for (const rule of entry.schedule.holidays.rules) {
        const list = holidayRules.get(rule.holiday) ?? [];
        list.push(offering);
        holidayRules.set(rule.holiday, list);
      }
    });
    this.holidayRules = holidayRules;

    const exceptions = entries.flatMap((entry, offering) => entry.schedule.exceptions.map((exception) => ({ exception, offering })));
    this.exceptionOffering = Int32Array.from(exceptions, (item) => item.offering);
    this.exceptionFrom = Int32Array.from(exceptions, (item) => dayNumber(item.exception.from));
    this.exceptionTo = Int32Array.from(exceptions, (item) => dayNumber(item.exception.to));

    const activities = entries.flatMap((entry, offering) => entry.activities.map((activity) => ({ activity, offering })));
    this.activities = activities.map((item) => item.activity);
    this.activityOffering = Int32Array.from(activities, (item) => item.offering);
    this.activityStart = Int16Array.from(activities, (item) => minutesOf(item.activity.startsAt));
    this.activityEnd = Int16Array.from(activities, (item) => (item.activity.endsAt === null ? -1 : minutesOf(item.activity.endsAt)));
    this.activityAtOffering = Uint8Array.from(activities, (item) => (item.activity.place === null ? 1 : 0));
    this.cancelledFrom = new Int32Array(activities.length + 1);
    activities.forEach((item, index) => {
      this.cancelledFrom[index + 1] = this.cancelledFrom[index]! + item.activity.cancelledOn.length;
    });
    this.cancelledDays = Int32Array.from(activities.flatMap((item) => item.activity.cancelledOn.map(dayNumber)));
    this.activityRecurrences = new Recurrences(
      activities.map(({ activity: { when } }) =>
        when.kind === 'repeats' ? when : { weekday: 0, recurrence: { kind: 'weekly', interval: 1, anchor: null }, validFrom: null, validTo: null },
      ),
    );
    this.activitiesOn = byWeekday(this.activityRecurrences.weekday, (index) => this.activities[index]!.when.kind === 'repeats');
    const once = activities
      .map((item, index) => ({ index, day: item.activity.when.kind === 'once' ? dayNumber(item.activity.when.date) : null }))
      .filter((item): item is { index: number; day: number } => item.day !== null)
      .sort((a, b) => a.day - b.day);
    this.onceActivities = Int32Array.from(once, (item) => item.index);
    this.onceDay = Int32Array.from(once, (item) => item.day);
  }

  /** Whether activity `index` is cancelled on the day with this number. */
  isCancelled(index: number, day: number): boolean {
    for (let at = this.cancelledFrom[index]!; at < this.cancelledFrom[index + 1]!; at++) if (this.cancelledDays[at] === day) return true;
    return false;
  }
}
