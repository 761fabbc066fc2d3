import { intlLocale, type Locale } from './locale.ts';

/** The city's own time zone. Every date a person sees is a date in Copenhagen, whatever the server's zone. */
export const cityTimeZone = 'Europe/Copenhagen';

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: cityTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date ('YYYY-MM-DD') in Copenhagen at the given instant. */
export function copenhagenDate(instant: Date): string {
  return dateFormat.format(instant);
}

const longDate: Record<Locale, Intl.DateTimeFormat> = {
  da: new Intl.DateTimeFormat(intlLocale.da, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat(intlLocale.en, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
};

/** '2015-12-16' -> '16. december 2015' (da) or '16 December 2015' (en). A calendar date, so no zone shift may apply. */
export function formatDate(date: string, locale: Locale): string {
  return longDate[locale].format(new Date(`${date}T00:00:00Z`));
}

/** '2015-12-16' -> '16. december 2015'. */
export function formatDanishDate(date: string): string {
  return formatDate(date, 'da');
}

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: cityTimeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Minutes Copenhagen is ahead of UTC at the given instant (60 in winter, 120 in summer). */
function copenhagenOffsetMinutes(instant: number): number {
  const parts = Object.fromEntries(offsetFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((local - Math.floor(instant / 1000) * 1000) / 60000);
}

/**
 * The instant of a wall-clock time in Copenhagen. A time that happens twice (the autumn change) is
 * read as the first; a time that does not exist (the spring change) is moved forward by the gap, as
 * a clock would show it.
 */
export function copenhagenWallTimeToInstant(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const day_ = 86_400_000;
  const offsets = [copenhagenOffsetMinutes(asUtc - day_), copenhagenOffsetMinutes(asUtc + day_)];
  const candidates = offsets
    .map((offset) => asUtc - offset * 60_000)
    .filter((instant) => copenhagenOffsetMinutes(instant) * 60_000 + instant === asUtc);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In the gap: use the offset from before the change, which lands after the gap.
  return new Date(asUtc - offsets[0]! * 60_000);
}

const dayMs = 86_400_000;

/** The date `days` after `date` ('YYYY-MM-DD'); negative goes back. Calendar arithmetic, no zone. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 ('1970-01-05', a Monday, is 4): dates as integers for packed schedules. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / dayMs);
}

/** 1 = Monday … 7 = Sunday, as in ISO 8601 and the schedule tables. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The Monday of the ISO week that holds `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The seven dates from Monday to Sunday of the week that holds `date`. */
export function weekOf(date: string): string[] {
  const monday = mondayOf(date);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** 'HH:MM' (or '24:00') -> minutes after midnight. */
export function wallMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Minutes after midnight -> 'HH:MM'; 1440 is written '24:00'. */
export function formatWallMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The Copenhagen date and the minutes the clock shows after midnight at an instant. */
export function copenhagenWallClock(instant: number): { date: string; minutes: number } {
  const offset = copenhagenOffsetMinutes(instant);
  const local = new Date(instant + offset * 60_000);
  return {
    date: local.toISOString().slice(0, 10),
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60,
  };
}

/**
 * Wall clock minutes of one Copenhagen date to instants (epoch ms), computed once per date so that
 * expanding a week of opening hours for a whole country stays cheap. A period's time that the clock
 * skips in spring starts when the clock jumps (a place "open from 02:30" is open once the clock
 * shows 03:00); a time the clock shows twice in autumn is the first of the two.
 */
export type DayClock = { date: string; start: number; end: number; toInstant(minutes: number): number };

export function dayClock(date: string): DayClock {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const before = copenhagenOffsetMinutes(midnightUtc - 120 * 60_000) * 60_000;
  const after = copenhagenOffsetMinutes(midnightUtc + dayMs - 60 * 60_000) * 60_000;
  let change = Number.POSITIVE_INFINITY;
  if (before !== after) {
    // Find the instant of the change (to the minute) between the two readings.
    let low = midnightUtc - before;
    let high = midnightUtc + dayMs - after;
    while (high - low > 60_000) {
      const middle = Math.floor((low + high) / 2 / 60_000) * 60_000;
      if (copenhagenOffsetMinutes(middle) * 60_000 === before) low = middle;
      else high = middle;
    }
    change = high;
  }
  const toInstant = (minutes: number): number => {
    const wall = midnightUtc + minutes * 60_000;
    const first = wall - before;
    if (first < change) return first;
    const second = wall - after;
    return second >= change ? second : change;
  };
  return { date, start: toInstant(0), end: toInstant(1440), toInstant };
}
