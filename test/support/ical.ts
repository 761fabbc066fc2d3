import ICAL from 'ical.js';
import type { Offering } from '../../src/domain/range.ts';
import { expandActivities, expandSchedule } from '../../src/domain/schedule/timetable.ts';
import { statusOn } from '../../src/domain/status.ts';
import { dayClock } from '../../src/domain/time.ts';

/**
 * A feed read back by an independent parser (ical.js, which resolves TZID against the feed's own
 * VTIMEZONE) and the same days expanded by the domain, both as comparable lines:
 * 'nabo åbent 2026-12-24T13:00:00.000Z–2026-12-24T19:00:00.000Z'.
 */

export type Occurrence = string;

const iso = (instant: number) => new Date(instant).toISOString();
const line = (slug: string, kind: 'åbent' | 'aktivitet', start: number, end: number) =>
  `${slug} ${kind} ${iso(start)}–${iso(end)}`;

export function parseFeed(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text));
}

/** Occurrences that start on the Copenhagen dates `from`–`to`, as a calendar client expands them. */
export function feedOccurrences(text: string, from: string, to: string): Occurrence[] {
  const first = dayClock(from).start;
  const last = dayClock(to).end;
  const found: Occurrence[] = [];
  for (const component of parseFeed(text).getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    // Course meetings are not the places' hours or activities; course-routes.db.test.ts checks them.
    if (event.uid.startsWith('course-session-')) continue;
    const url = String(component.getFirstPropertyValue('url'));
    const slug = decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
    const kind = event.summary.startsWith('Åbent:') ? 'åbent' : 'aktivitet';
    const add = (start: ICAL.Time, end: ICAL.Time) => {
      const instant = start.toUnixTime() * 1000;
      if (instant >= first && instant < last) found.push(line(slug, kind, instant, end.toUnixTime() * 1000));
    };
    if (!event.isRecurring()) {
      add(event.startDate, event.endDate);
      continue;
    }
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (next.toUnixTime() * 1000 >= last) break;
      const details = event.getOccurrenceDetails(next);
      add(details.startDate, details.endDate);
    }
  }
  return found.sort();
}

/** The same dates by the domain, on the days each offering can be visited (active or closing). */
export function domainOccurrences(offerings: readonly Offering[], from: string, to: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (const offering of offerings) {
    const visitable = (date: string) => ['active', 'closing'].includes(statusOn(offering.events, date).state);
    for (const interval of expandSchedule(offering.schedule, from, to)) {
      if (visitable(interval.date)) found.push(line(offering.slug, 'åbent', interval.start, interval.end));
    }
    for (const occurrence of expandActivities(offering.schedule, offering.activities, from, to)) {
      if (visitable(occurrence.date)) found.push(line(offering.slug, 'aktivitet', occurrence.start, occurrence.end));
    }
  }
  return found.sort();
}

/** The physical lines of a feed, with what ends each: every one must end in CRLF. */
export function physicalLines(text: string): { lines: string[]; bareLineFeeds: number; endsWithCrlf: boolean } {
  return {
    lines: text.split('\r\n').slice(0, -1),
    bareLineFeeds: (text.match(/(?<!\r)\n/g) ?? []).length,
    endsWithCrlf: text.endsWith('\r\n'),
  };
}
