import type { OpenCriterion, OpenMatch } from '../finder.ts';
import { intlLocale, type Locale } from '../locale.ts';
import { addDays, cityTimeZone, copenhagenWallClock, dayClock, wallMinutes } from '../time.ts';
import { holidayName, holidaysBetween } from './holidays.ts';
import type { Schedule } from './model.ts';
import { timeSpan } from './schedule-text.ts';
import { daysOf, expandSchedule, type OpenInterval } from './timetable.ts';

/** The finder's "when" filter, answered from the schedule engine. */

const clock = new Intl.DateTimeFormat('da-DK', { timeZone: cityTimeZone, hour: '2-digit', minute: '2-digit' });
const dayAndDate: Record<Locale, Intl.DateTimeFormat> = {
  da: new Intl.DateTimeFormat(intlLocale.da, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }),
  en: new Intl.DateTimeFormat(intlLocale.en, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }),
};
const hhmm = (instant: number) => clock.format(instant).replace('.', ':');

/** The reasons shown next to a result, in each language. */
const words: Record<
  Locale,
  {
    holiday: (name: string, spans: string) => string;
    onHolidays: (shown: string, more: boolean) => string;
    userRunStaff: string;
    userRun: string;
    now: (until: string, who: string) => string;
    at: (day: string, time: string, span: string, who: string) => string;
  }
> = {
  da: {
    holiday: (name, spans) => `${name.toLocaleLowerCase('da')} ${spans}`,
    onHolidays: (shown, more) => `Åbent på helligdage: ${shown}${more ? ' m.fl.' : ''}`,
    userRunStaff: ' (brugerstyret, personale til stede)',
    userRun: ' (brugerstyret)',
    now: (until, who) => `Åbent nu til ${until}${who}`,
    at: (day, time, span, who) => `Åbent ${day} kl. ${time} (${span})${who}`,
  },
  en: {
    holiday: (name, spans) => `${name} ${spans}`,
    onHolidays: (shown, more) => `Open on holidays: ${shown}${more ? ' and more' : ''}`,
    userRunStaff: ' (user-run, staff present)',
    userRun: ' (user-run)',
    now: (until, who) => `Open now until ${until}${who}`,
    at: (day, time, span, who) => `Open ${day} at ${time} (${span})${who}`,
  },
};

/** How far ahead "open on holidays" looks. */
const holidayHorizonDays = 366;

/** The instant a person means by a Copenhagen day and time ('2026-11-24', '18:00'). */
export function instantOf(date: string, time: string): number {
  return dayClock(date).toInstant(wallMinutes(time));
}

/** Whether the place is open as the criterion asks, and why, in the words shown next to the result. */
export function matchOpen(schedule: Schedule, criterion: OpenCriterion, now: number, locale: Locale = 'da'): OpenMatch {
  const say = words[locale];
  if (criterion.kind === 'holidays') {
    const today = copenhagenWallClock(now).date;
    const open = holidaysBetween(today, addDays(today, holidayHorizonDays))
      .map((holiday) => ({ holiday, day: daysOf(schedule, holiday.date, holiday.date)[0]! }))
      .filter(({ day }) => day.periods.length > 0);
    if (open.length === 0) return null;
    const and = locale === 'da' ? ' og ' : ' and ';
    const shown = open
      .slice(0, 3)
      .map(({ holiday, day }) =>
        say.holiday(holidayName(holiday.key, locale), day.periods.map((period) => timeSpan(period.opens, period.closes)).join(and)),
      );
    return { reason: say.onHolidays(shown.join(', '), open.length > 3) };
  }
  const instant = criterion.kind === 'now' ? now : instantOf(criterion.date, criterion.time);
  return matchOpenHours(openHoursOn(schedule, copenhagenWallClock(instant).date), criterion, now, locale);
}

/** A place's opening hours on one Copenhagen date, as instants: what "open now" or "open at" looks in. */
export function openHoursOn(schedule: Schedule, date: string): OpenInterval[] {
  return expandSchedule(schedule, date, date);
}

/**
 * `matchOpen` for a moment ("now" or a day and time), given the place's hours on that moment's
 * Copenhagen date (`openHoursOn`): the finder keeps those between requests (ADR 027).
 */
export function matchOpenHours(
  hours: readonly OpenInterval[],
  criterion: Exclude<OpenCriterion, { kind: 'holidays' }>,
  now: number,
  locale: Locale = 'da',
): OpenMatch {
  const period = openPeriodAt(hours, criterion.kind === 'now' ? now : instantOf(criterion.date, criterion.time));
  return period ? openReason(period, criterion, locale) : null;
}

/** The opening that `instant` falls in, of a place's hours on its date; undefined when closed then. */
export function openPeriodAt(hours: readonly OpenInterval[], instant: number): OpenInterval | undefined {
  return hours.find((interval) => interval.start <= instant && instant < interval.end);
}

/**
 * Why a place fits "open now" or "open at", given the opening the moment falls in (`openPeriodAt`). The
 * finder writes it only for the results it shows: formatting a time costs more than finding the opening.
 */
export function openReason(period: OpenInterval, criterion: Exclude<OpenCriterion, { kind: 'holidays' }>, locale: Locale = 'da'): OpenMatch {
  const say = words[locale];
  const date = period.date;
  const who = period.isUserRun ? (period.isStaffPresent ? say.userRunStaff : say.userRun) : '';
  if (criterion.kind === 'now') return { reason: say.now(hhmm(period.end), who) };
  return {
    reason: say.at(dayAndDate[locale].format(new Date(`${date}T00:00:00Z`)), criterion.time, timeSpan(period.opens, period.closes), who),
  };
}
