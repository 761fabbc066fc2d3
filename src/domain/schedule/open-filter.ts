import type { OpenCriterion, OpenMatch } from '../finder.ts';
import { addDays, cityTimeZone, copenhagenWallClock, dayClock, wallMinutes } from '../time.ts';
import { holidaysBetween } from './holidays.ts';
import type { Schedule } from './model.ts';
import { timeSpan } from './schedule-text.ts';
import { daysOf, expandSchedule } from './timetable.ts';

/** The finder's "when" filter, answered from the schedule engine. */

const clock = new Intl.DateTimeFormat('da-DK', { timeZone: cityTimeZone, hour: '2-digit', minute: '2-digit' });
const dayAndDate = new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });
const hhmm = (instant: number) => clock.format(instant).replace('.', ':');

/** How far ahead "open on holidays" looks. */
const holidayHorizonDays = 366;

/** The instant a person means by a Copenhagen day and time ('2026-11-24', '18:00'). */
export function instantOf(date: string, time: string): number {
  return dayClock(date).toInstant(wallMinutes(time));
}

/** Whether the place is open as the criterion asks, and why, in the words shown next to the result. */
export function matchOpen(schedule: Schedule, criterion: OpenCriterion, now: number): OpenMatch {
  if (criterion.kind === 'holidays') {
    const today = copenhagenWallClock(now).date;
    const open = holidaysBetween(today, addDays(today, holidayHorizonDays))
      .map((holiday) => ({ holiday, day: daysOf(schedule, holiday.date, holiday.date)[0]! }))
      .filter(({ day }) => day.periods.length > 0);
    if (open.length === 0) return null;
    const shown = open
      .slice(0, 3)
      .map(({ holiday, day }) => `${holiday.name.toLocaleLowerCase('da')} ${day.periods.map((period) => timeSpan(period.opens, period.closes)).join(' og ')}`);
    return { reason: `Åbent på helligdage: ${shown.join(', ')}${open.length > 3 ? ' m.fl.' : ''}` };
  }
  const instant = criterion.kind === 'now' ? now : instantOf(criterion.date, criterion.time);
  const date = copenhagenWallClock(instant).date;
  const period = expandSchedule(schedule, date, date).find((interval) => interval.start <= instant && instant < interval.end);
  if (!period) return null;
  const who = period.isUserRun ? (period.isStaffPresent ? ' (brugerstyret, personale til stede)' : ' (brugerstyret)') : '';
  if (criterion.kind === 'now') return { reason: `Åbent nu til ${hhmm(period.end)}${who}` };
  return {
    reason: `Åbent ${dayAndDate.format(new Date(`${date}T00:00:00Z`))} kl. ${criterion.time} (${timeSpan(period.opens, period.closes)})${who}`,
  };
}
