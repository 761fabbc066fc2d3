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

const longDate = new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** '2015-12-16' -> '16. december 2015'. The input is a calendar date, so no zone shift may apply. */
export function formatDanishDate(date: string): string {
  return longDate.format(new Date(`${date}T00:00:00Z`));
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
