import type { Course } from '../../domain/course/model.ts';
import type { Offering } from '../../domain/range.ts';
import type { DayHours, Recurrence, Schedule } from '../../domain/schedule/model.ts';
import { activityOn, recurs } from '../../domain/schedule/model.ts';
import { describeActivityPlace, describeDay, describeRule, staffLabel } from '../../domain/schedule/schedule-text.ts';
import { daysOf, factsFor } from '../../domain/schedule/timetable.ts';
import { type StatusEvent, statusOn } from '../../domain/status.ts';
import {
  addDays,
  cityTimeZone,
  copenhagenDate,
  copenhagenWallClock,
  copenhagenWallTimeToInstant,
  type DayClock,
  dayClock,
  wallMinutes,
} from '../../domain/time.ts';

/**
 * An iCalendar feed (RFC 5545) of opening hours and activities, for one offering, a centre or the
 * city. Each opening rule and each repeating activity is one recurring event; the days on which the
 * domain (holidays, exceptions, cancellations, the status of the place) says otherwise are worked out
 * with the domain's own functions over `feedHorizon` and written as EXDATEs, and the hours that take
 * their place are standalone events. See docs/decisions/009-icalendar-feeds.md.
 */

/** The days around today on which every occurrence is checked against the domain. */
export const feedHorizon = { daysBack: 30, daysAhead: 400 } as const;

/**
 * Where a rule or activity without a start date begins its series: a fixed date, so that the events do
 * not change from one day to the next. Occurrences before the horizon are not checked.
 */
export const openEndedSeriesStart = '2026-01-01';

/** How often clients should fetch the feed again; the horizon moves with it. */
export const feedRefresh = 'PT12H';

export type CalendarFeed = {
  /** X-WR-CALNAME: what the subscriber's calendar is called. */
  name: string;
  description: string;
  offerings: readonly Offering[];
  /** The courses run by these offerings: each meeting is an event of its own (ADR 023). */
  courses?: readonly Course[];
  /** Peer meetings at these offerings: where and when, no one named (ADR 036). */
  peerMeetings?: readonly { id: string; offeringId: string; date: string; startsAt: string; endsAt: string }[];
  /** The clock: today in Copenhagen places the horizon, and it is the DTSTAMP. */
  now: Date;
  /** Absolute links to the offering pages start here (no trailing slash). */
  baseUrl: string;
};

const tzid = cityTimeZone;
const domain = '@tilbudsvifte';
const dayNames = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

// ---------------------------------------------------------------------------------------------
// Content lines

const encoder = new TextEncoder();

/** Octets of a string in UTF-8. */
export const octets = (text: string) => encoder.encode(text).length;

/**
 * A content line folded to at most 75 octets per physical line (RFC 5545 3.1): continuation lines
 * start with one space. Never splits a character, so every physical line is valid UTF-8.
 */
export function foldLine(line: string, limit = 75): string {
  if (octets(line) <= limit) return line;
  const lines: string[] = [];
  let current = '';
  let size = 0;
  for (const character of line) {
    const code = character.codePointAt(0)!;
    const width = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    // Continuation lines carry the leading space within the limit.
    const room = lines.length === 0 ? limit : limit - 1;
    if (size + width > room) {
      lines.push(current);
      current = '';
      size = 0;
    }
    current += character;
    size += width;
  }
  lines.push(current);
  return lines.join('\r\n ');
}

/** Undoes foldLine and the folding of a whole feed: CRLF followed by one space or tab is removed. */
export function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped; other controls dropped. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n')
    .replace(/(?!\t)\p{Cc}/gu, '');
}

// ---------------------------------------------------------------------------------------------
// Dates and times

// Reading the zone is the costly part of a feed; a day's clock is the same for every offering.
const clocks = new Map<string, DayClock>();
function clockOf(date: string): DayClock {
  let clock = clocks.get(date);
  if (!clock) {
    if (clocks.size > 1000) clocks.clear();
    clock = dayClock(date);
    clocks.set(date, clock);
  }
  return clock;
}

/** A day of 24 hours: no clock change, so every reading of a wall time gives the same instant. */
const isOrdinaryDay = (date: string) => {
  const clock = clockOf(date);
  return clock.end - clock.start === 86_400_000;
};

const compactDate = (date: string) => date.replaceAll('-', '');

/** '2026-12-24', 600 -> '20261224T100000'; 1440 is midnight of the next day. */
function localDateTime(date: string, minutes: number): string {
  const day = minutes >= 1440 ? addDays(date, Math.floor(minutes / 1440)) : date;
  const rest = minutes % 1440;
  return `${compactDate(day)}T${String(Math.floor(rest / 60)).padStart(2, '0')}${String(rest % 60).padStart(2, '0')}00`;
}

/** An instant as a UTC DATE-TIME ('20261224T090000Z'). */
function utcDateTime(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/**
 * The instant a calendar client gives a Copenhagen wall time (RFC 5545 3.3.5): a time the clock shows
 * twice is the first, a time inside the spring gap is read with the offset from before the gap.
 */
function clientInstant(date: string, minutes: number): number {
  return copenhagenWallTimeToInstant(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)),
    Number(date.slice(8, 10)),
    Math.floor(minutes / 60),
    minutes % 60,
  ).getTime();
}

/** RRULE UNTIL: the last second of a Copenhagen date, in UTC as RFC 5545 requires with a TZID start. */
const untilEndOf = (date: string) => utcDateTime(clockOf(date).end - 1000);

// ---------------------------------------------------------------------------------------------
// The time zone

/**
 * Europe/Copenhagen as the EU has kept it since 1996: summer time from the last Sunday of March at
 * 02:00 to the last Sunday of October at 03:00.
 */
export const copenhagenTimeZone = [
  'BEGIN:VTIMEZONE',
  `TZID:${tzid}`,
  `X-LIC-LOCATION:${tzid}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19810329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

// ---------------------------------------------------------------------------------------------
// When an offering can be visited

const isOpenState = (events: readonly StatusEvent[], date: string) => {
  const state = statusOn(events, date).state;
  return state === 'active' || state === 'closing';
};

/**
 * The dates on which the offering can be visited (active or closing), as one span around or after
 * today: null when it is closed, of unknown status, or proposed with no opening date. `from` null:
 * since before its sources begin; `to` null: no closure planned. The span ends the day before the
 * closure takes effect.
 */
export function visitableSpan(
  events: readonly StatusEvent[],
  today: string,
): { from: string | null; to: string | null } | null {
  // The state only changes on the dates events name; check the day each of them begins.
  const changes = [...new Set(events.flatMap((event) => [event.occursOn, event.recordedOn]))]
    .filter((date): date is string => date !== null)
    .sort();
  let from: string | null;
  if (isOpenState(events, today)) {
    const earlier = changes.filter((date) => date <= today).reverse();
    from = earlier.find((date) => !isOpenState(events, addDays(date, -1))) ?? null;
  } else if (statusOn(events, today).state === 'proposed') {
    from = changes.find((date) => date > today && isOpenState(events, date)) ?? null;
    if (from === null) return null;
  } else {
    return null;
  }
  const after = from !== null && from > today ? from : today;
  const closes = changes.find((date) => date > after && !isOpenState(events, date));
  return { from, to: closes ? addDays(closes, -1) : null };
}

// ---------------------------------------------------------------------------------------------
// Series

const laterOf = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const earlierOf = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

type Interval = { start: number; end: number };

/**
 * Whether every client reads a wall time on `date` as the same instant: not inside the spring gap,
 * not in the hour the clock shows twice in autumn (clients differ there, whatever RFC 5545 says).
 */
function isClearWallTime(date: string, minutes: number): boolean {
  if (minutes % 1440 === 0 || isOrdinaryDay(date)) return true;
  const instant = clientInstant(date, minutes);
  const shows = (at: number) => {
    const wall = copenhagenWallClock(at);
    return wall.date === date && wall.minutes === minutes;
  };
  return shows(instant) && !shows(instant + 3_600_000);
}

/** DTSTART/DTEND of one instant: Copenhagen wall time when every client reads it back as that instant, else UTC. */
function instantProperty(name: string, instant: number): string {
  const wall = copenhagenWallClock(instant);
  if (
    Number.isInteger(wall.minutes) &&
    isClearWallTime(wall.date, wall.minutes) &&
    clientInstant(wall.date, wall.minutes) === instant
  ) {
    return `${name};TZID=${tzid}:${localDateTime(wall.date, wall.minutes)}`;
  }
  return `${name}:${utcDateTime(instant)}`;
}

/**
 * Whether a client expanding a series gives the domain's interval on `date`. On the two days a year
 * the clocks change, a time in the changing hour, or a span across it (clients take DTSTART plus the
 * exact duration, or the same wall time), is written out as instants instead.
 */
function clientAgrees(date: string, starts: number, ends: number, interval: Interval): boolean {
  if (isOrdinaryDay(date)) return true;
  if (!isClearWallTime(date, starts) || !isClearWallTime(date, ends)) return false;
  const start = clientInstant(date, starts);
  return start === interval.start && start + (ends - starts) * 60_000 === interval.end;
}

/** The recurrence as the domain reads it: an every-n-weeks rule without an anchor is every week. */
function effectiveRecurrence(recurrence: Recurrence): Recurrence {
  if (recurrence.kind === 'weekly' && (recurrence.interval <= 1 || recurrence.anchor === null)) {
    return { kind: 'weekly', interval: 1, anchor: null };
  }
  return recurrence;
}

/** Something that happens on a weekday at a wall time: an opening rule or a repeating activity. */
type Repeating = {
  weekday: number;
  recurrence: Recurrence;
  /** The first and last dates it may happen (validity and the place's visitable span); null = open. */
  from: string | null;
  until: string | null;
  starts: number;
  /** null: no end time (an activity lasts until its start). */
  ends: number | null;
  /** The domain's interval on a date the rule falls on, or null when it does not happen that day. */
  on(day: DayHours): Interval | null;
  /** Dates it is known not to happen beyond the horizon (an activity's cancellations). */
  cancelled: readonly string[];
};

type Series = { weekday: number; recurrence: Recurrence; first: string; until: string | null };

/** Whether the series' RRULE produces a date. */
function inSeries(series: Series, date: string): boolean {
  if (date < series.first || (series.until !== null && date > series.until)) return false;
  const facts = factsFor(date);
  return facts.weekday === series.weekday && recurs(series.recurrence, facts);
}

function rrule(series: Series): string {
  const day = dayNames[series.weekday - 1]!;
  const until = series.until ? `;UNTIL=${untilEndOf(series.until)}` : '';
  const recurrence = series.recurrence;
  if (recurrence.kind === 'monthly') return `RRULE:FREQ=MONTHLY;BYDAY=${recurrence.nth}${day}${until}`;
  return `RRULE:FREQ=WEEKLY;INTERVAL=${recurrence.interval};BYDAY=${day};WKST=MO${until}`;
}

/**
 * A repeating thing as one recurring event (`when`: DTSTART, DTEND, RRULE, EXDATE) and the dates
 * written out on their own (`single`): a date in the horizon where a client would get it wrong, or a
 * first occurrence on a day the clocks change (DTSTART is always on an ordinary day, so that every
 * client takes the same duration from it).
 */
function expandSeries(
  repeating: Repeating,
  schedule: Schedule,
  days: readonly DayHours[],
  fallbackStart: string,
): { when: string[] | null; single: { date: string; interval: Interval }[] } {
  const recurrence = effectiveRecurrence(repeating.recurrence);
  const single: { date: string; interval: Interval }[] = [];
  const start = repeating.from ?? fallbackStart;
  let series: Series | null = null;
  // The first occurrence is at most a few months away (a fifth weekday); look two years ahead.
  for (let offset = 0; offset < 731 && !series; offset++) {
    const date = addDays(start, offset);
    if (repeating.until !== null && date > repeating.until) break;
    const facts = factsFor(date);
    if (facts.weekday !== repeating.weekday || !recurs(recurrence, facts)) continue;
    if (isOrdinaryDay(date)) {
      series = { weekday: repeating.weekday, recurrence, first: date, until: repeating.until };
    } else {
      const interval = repeating.on(daysOf(schedule, date, date)[0]!);
      if (interval) single.push({ date, interval });
    }
  }
  if (!series) return { when: null, single };

  const excluded = new Set<string>();
  const ends = repeating.ends ?? repeating.starts;
  for (const day of days) {
    if (!inSeries(series, day.date)) continue;
    const interval = repeating.on(day);
    if (interval && clientAgrees(day.date, repeating.starts, ends, interval)) continue;
    excluded.add(day.date);
    if (interval) single.push({ date: day.date, interval });
  }
  for (const date of repeating.cancelled) if (inSeries(series, date)) excluded.add(date);

  const when = [
    `DTSTART;TZID=${tzid}:${localDateTime(series.first, repeating.starts)}`,
    ...(repeating.ends === null ? [] : [`DTEND;TZID=${tzid}:${localDateTime(series.first, repeating.ends)}`]),
    rrule(series),
  ];
  if (excluded.size > 0) {
    const dates = [...excluded].sort().map((date) => localDateTime(date, repeating.starts));
    when.push(`EXDATE;TZID=${tzid}:${dates.join(',')}`);
  }
  return { when, single };
}

/** An opening period as the domain expands it on a date; null when the clock skips all of it. */
function openingInterval(date: string, opens: number, closes: number): Interval | null {
  const clock = clockOf(date);
  const start = clock.toInstant(opens);
  const end = clock.toInstant(closes);
  return end > start ? { start, end } : null;
}

/** An activity as the domain expands it on a date; one without an end time lasts until its start. */
function activityInterval(date: string, starts: number, ends: number | null): Interval {
  const clock = clockOf(date);
  const start = clock.toInstant(starts);
  return { start, end: ends === null ? start : clock.toInstant(ends) };
}

/** DTSTART and DTEND of one interval on its own. */
const singleWhen = (interval: Interval, hasEnd = true) => [
  instantProperty('DTSTART', interval.start),
  ...(hasEnd ? [instantProperty('DTEND', interval.end)] : []),
];

// ---------------------------------------------------------------------------------------------
// Events

type Context = { today: string; stamp: string; baseUrl: string; horizonFrom: string; horizonTo: string };

type Span = { from: string | null; to: string | null };

type EventLines = string[];

type EventFields = { summary: string; description: (string | null | false)[]; location: string | null };

const exampleNote = 'Tiderne er eksempeldata: opdigtet for at vise platformen, ikke stedets egne.';

function addressOf(offering: Offering): string | null {
  for (const { location } of offering.locations) {
    if (location.kind === 'address' && location.address1) {
      const town = [location.postalCode, location.city].filter(Boolean).join(' ');
      return [location.address1, town].filter(Boolean).join(', ');
    }
  }
  const area = offering.locations[0]?.location;
  return area ? (area.areaDescription ?? area.name) : null;
}

const plain = (text: string) => text.replaceAll('\u2060', '');

/**
 * One VEVENT. Every event is TRANSPARENT: opening hours are not appointments, and subscribing to what
 * is on offer does not make the subscriber busy.
 */
function event(uid: string, context: Context, offering: Offering, fields: EventFields, when: string[]): EventLines {
  const url = `${context.baseUrl}/tilbud/${encodeURIComponent(offering.slug)}`;
  const description = [...fields.description, `Læs mere: ${url}`].filter((line): line is string => Boolean(line));
  return [
    'BEGIN:VEVENT',
    `UID:${uid}${domain}`,
    `DTSTAMP:${context.stamp}`,
    ...when,
    `SUMMARY:${escapeText(plain(fields.summary))}`,
    `DESCRIPTION:${escapeText(plain(description.join('\n')))}`,
    ...(fields.location ? [`LOCATION:${escapeText(fields.location)}`] : []),
    `URL:${url}`,
    'TRANSP:TRANSPARENT',
    `LAST-MODIFIED:${utcDateTime(offering.updatedAt.getTime())}`,
    'END:VEVENT',
  ];
}

function openingEvents(offering: Offering, context: Context, days: readonly DayHours[], span: Span): EventLines[] {
  const events: EventLines[] = [];
  const address = addressOf(offering);
  const location = address ? `${offering.name}, ${address}` : offering.name;
  const summary = `Åbent: ${offering.name}`;
  const fallbackStart = earlierOf(openEndedSeriesStart, context.horizonFrom)!;

  for (const rule of offering.schedule.rules) {
    const opens = wallMinutes(rule.opens);
    const closes = wallMinutes(rule.closes);
    if (closes <= opens) continue;
    const { when, single } = expandSeries(
      {
        weekday: rule.weekday,
        recurrence: rule.recurrence,
        from: laterOf(rule.validFrom, span.from),
        until: earlierOf(rule.validTo, span.to),
        starts: opens,
        ends: closes,
        // The rule's hours stand on an ordinary day and on a holiday the place keeps its usual hours.
        on: (day) =>
          day.source.kind === 'regular' || (day.source.kind === 'holiday' && day.source.rule === 'open')
            ? openingInterval(day.date, opens, closes)
            : null,
        cancelled: [],
      },
      offering.schedule,
      days,
      fallbackStart,
    );
    const example = (rule.isExample || offering.isExample) && exampleNote;
    if (when) {
      const description = [
        staffLabel(rule),
        rule.description,
        `Fast åbningstid: ${describeRule(rule)}.`,
        'Helligdage og lukkedage er trukket fra.',
        example,
      ];
      events.push(event(rule.id, context, offering, { summary, description, location }, when));
    }
    for (const { date, interval } of single) {
      const description = [staffLabel(rule), rule.description, example];
      events.push(
        event(`${rule.id}-${compactDate(date)}`, context, offering, { summary, description, location }, singleWhen(interval)),
      );
    }
  }

  // Hours that replace the rules on a date: a holiday's special hours, an exception's hours.
  for (const day of days) {
    const source = day.source;
    if (source.kind === 'regular' || (source.kind === 'holiday' && source.rule !== 'hours')) continue;
    const why = describeDay(day);
    const key = source.kind === 'exception' ? source.exception.id : `${offering.id}-${source.holiday.key}`;
    for (const period of day.periods) {
      const interval = openingInterval(day.date, wallMinutes(period.opens), wallMinutes(period.closes));
      if (!interval) continue;
      const description = [why, staffLabel(period), (period.isExample || offering.isExample) && exampleNote];
      events.push(
        event(
          `${key}-${compactDate(day.date)}-${period.opens.replace(':', '')}`,
          context,
          offering,
          { summary, description, location },
          singleWhen(interval),
        ),
      );
    }
  }
  return events;
}

function activityEvents(offering: Offering, context: Context, days: readonly DayHours[], span: Span): EventLines[] {
  const events: EventLines[] = [];
  const address = addressOf(offering);
  const home = address ? `${offering.name}, ${address}` : offering.name;
  const fallbackStart = earlierOf(openEndedSeriesStart, context.horizonFrom)!;
  const inSpan = (date: string) => (span.from === null || date >= span.from) && (span.to === null || date <= span.to);
  for (const activity of offering.activities) {
    const starts = wallMinutes(activity.startsAt);
    const ends = activity.endsAt === null ? null : wallMinutes(activity.endsAt);
    if (ends !== null && ends < starts) continue;
    const fields: EventFields = {
      summary: `${activity.name} – ${offering.name}`,
      description: [
        activity.description,
        activity.isUserRun ? 'Brugerstyret.' : null,
        (activity.isExample || offering.isExample) && exampleNote,
      ],
      location: describeActivityPlace(activity) ?? home,
    };
    const when = activity.when;
    if (when.kind === 'once') {
      if (!inSpan(when.date) || activity.cancelledOn.includes(when.date)) continue;
      events.push(event(activity.id, context, offering, fields, singleWhen(activityInterval(when.date, starts, ends), ends !== null)));
      continue;
    }
    const series = expandSeries(
      {
        weekday: when.weekday,
        recurrence: when.recurrence,
        from: laterOf(when.validFrom, span.from),
        until: earlierOf(when.validTo, span.to),
        starts,
        ends,
        on: (day) => (activityOn(activity, factsFor(day.date), day) ? activityInterval(day.date, starts, ends) : null),
        // Cancellations are known exactly, also beyond the horizon.
        cancelled: activity.cancelledOn,
      },
      offering.schedule,
      days,
      fallbackStart,
    );
    if (series.when) events.push(event(activity.id, context, offering, fields, series.when));
    for (const { date, interval } of series.single) {
      events.push(event(`${activity.id}-${compactDate(date)}`, context, offering, fields, singleWhen(interval, ends !== null)));
    }
  }
  return events;
}

/** The events of one offering: none when it cannot be visited now or later. */
function offeringEvents(offering: Offering, context: Context): EventLines[] {
  const span = visitableSpan(offering.events, context.today);
  if (!span) return [];
  const from = laterOf(context.horizonFrom, span.from)!;
  const to = earlierOf(context.horizonTo, span.to)!;
  const days = from <= to ? daysOf(offering.schedule, from, to) : [];
  return [...openingEvents(offering, context, days, span), ...activityEvents(offering, context, days, span)];
}

const courseExampleNote = 'Forløbet er eksempeldata: opdigtet for at vise platformen.';

/** A course's meetings within the horizon, not cancelled, each a VEVENT linking to the course page. */
function courseEvents(course: Course, offering: Offering | null, context: Context): EventLines[] {
  if (course.status === 'cancelled') return [];
  const url = `${context.baseUrl}/forloeb/${encodeURIComponent(course.slug)}`;
  const home = offering ? [offering.name, addressOf(offering)].filter(Boolean).join(', ') : course.offering.name;
  const kind = course.kind === 'open' ? 'Åbent forløb: du kan selv melde dig til.' : 'Visiteret forløb: kræver henvisning.';
  return course.sessions
    .filter((session) => !session.isCancelled && session.date >= context.horizonFrom && session.date <= context.horizonTo)
    .map((session) => {
      const interval = activityInterval(session.date, wallMinutes(session.startsAt), wallMinutes(session.endsAt));
      const place = session.location ? [session.location.name, session.location.address].filter(Boolean).join(', ') : home;
      const description = [course.purpose, kind, course.howToJoin, course.isExample && courseExampleNote, `Læs mere: ${url}`].filter(
        (line): line is string => Boolean(line),
      );
      return [
        'BEGIN:VEVENT',
        `UID:course-session-${session.id}${domain}`,
        `DTSTAMP:${context.stamp}`,
        ...singleWhen(interval),
        `SUMMARY:${escapeText(plain(`Forløb: ${course.title} – ${course.offering.name}`))}`,
        `DESCRIPTION:${escapeText(plain(description.join('\n')))}`,
        `LOCATION:${escapeText([place, session.placeNote].filter(Boolean).join(', '))}`,
        `URL:${url}`,
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      ];
    });
}

/** A peer meeting within the horizon at an offering in the feed: a VEVENT linking to the offering page. */
function peerMeetingEvent(meeting: NonNullable<CalendarFeed['peerMeetings']>[number], offering: Offering, context: Context): EventLines | null {
  if (meeting.date < context.horizonFrom || meeting.date > context.horizonTo) return null;
  const url = `${context.baseUrl}/tilbud/${encodeURIComponent(offering.slug)}`;
  const interval = activityInterval(meeting.date, wallMinutes(meeting.startsAt), wallMinutes(meeting.endsAt));
  return [
    'BEGIN:VEVENT',
    `UID:peer-session-${meeting.id}${domain}`,
    `DTSTAMP:${context.stamp}`,
    ...singleWhen(interval),
    `SUMMARY:${escapeText(plain(`Peermøde – ${offering.name}`))}`,
    `DESCRIPTION:${escapeText(plain(`Et åbent møde med en peermedarbejder, der selv har erfaring med psykisk sårbarhed. Du behøver ikke melde dig til.\nLæs mere: ${url}`))}`,
    `LOCATION:${escapeText([offering.name, addressOf(offering)].filter(Boolean).join(', '))}`,
    `URL:${url}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** The whole feed as text: CRLF line ends, lines folded at 75 octets. */
export function presentCalendar(feed: CalendarFeed): string {
  const today = copenhagenDate(feed.now);
  const context: Context = {
    today,
    stamp: utcDateTime(Math.floor(feed.now.getTime() / 1000) * 1000),
    baseUrl: feed.baseUrl.replace(/\/$/, ''),
    horizonFrom: addDays(today, -feedHorizon.daysBack),
    horizonTo: addDays(today, feedHorizon.daysAhead),
  };
  const offerings = [...feed.offerings].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tilbudsvifte//Kalender//DA',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(feed.name)}`,
    `X-WR-CALDESC:${escapeText(feed.description)}`,
    `X-WR-TIMEZONE:${tzid}`,
    `X-PUBLISHED-TTL:${feedRefresh}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${feedRefresh}`,
    ...copenhagenTimeZone,
    ...offerings.flatMap((offering) => offeringEvents(offering, context).flat()),
    ...[...(feed.courses ?? [])]
      .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
      .flatMap((course) => courseEvents(course, offerings.find((offering) => offering.id === course.offering.id) ?? null, context).flat()),
    ...(feed.peerMeetings ?? []).flatMap((meeting) => {
      const offering = offerings.find((item) => item.id === meeting.offeringId);
      return (offering && peerMeetingEvent(meeting, offering, context)) || [];
    }),
    'END:VCALENDAR',
  ];
  return `${lines.map((line) => foldLine(line)).join('\r\n')}\r\n`;
}
