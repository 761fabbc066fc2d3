import { type Alternative, needsAlternatives, suggestAlternatives } from '../domain/alternatives.ts';
import type { Offering } from '../domain/range.ts';
import type { DayHours } from '../domain/schedule/model.ts';
import {
  type ActivityOccurrence,
  currentOrNextOpening,
  daysOf,
  expandActivities,
  type OpenInterval,
} from '../domain/schedule/timetable.ts';
import { type StatusOnDate, statusOn } from '../domain/status.ts';
import { addDays, copenhagenDate, weekOf } from '../domain/time.ts';
import type { RangeRepository } from './ports.ts';

export type OfferingPage = {
  offering: Offering;
  status: StatusOnDate;
  /** Today in Copenhagen ('YYYY-MM-DD'). */
  date: string;
  /** Monday to Sunday of the week that holds `date`. */
  week: string[];
  /** The hours of each day of `week`, holidays and exceptions applied. */
  days: DayHours[];
  /** The period open now, or the next one within two months; null when none (or the place is not open). */
  opening: (OpenInterval & { isNow: boolean }) | null;
  /** Activities from today and two weeks on. */
  upcoming: ActivityOccurrence[];
  /** Places to go instead; empty while the place is open or only proposed. */
  alternatives: Alternative[];
  /** Slugs of the offerings its status events point at, so the page can link to them. */
  relatedSlugs: ReadonlyMap<string, string>;
};

export { weekOf };

/** How far ahead the page lists activities. */
const upcomingDays = 14;

/**
 * One offering as its public page shows it on `date`, found by slug or by id (either case); null when
 * there is none. The whole range is read, which is cheap at a few dozen offerings and gives the
 * alternatives for a place that is closing or closed.
 */
export async function getOfferingPage(options: {
  range: RangeRepository;
  slugOrId: string;
  now: Date;
}): Promise<OfferingPage | null> {
  const date = copenhagenDate(options.now);
  const key = options.slugOrId.toLowerCase();
  const { items } = await options.range.findOfferings({}, 'all');
  const offering = items.find((item) => item.slug === key) ?? items.find((item) => item.id.toLowerCase() === key);
  if (!offering) return null;
  const withStatus = items.map((item) => ({ offering: item, status: statusOn(item.events, date) }));
  const target = withStatus.find((item) => item.offering.id === offering.id)!;
  const relatedIds = new Set(offering.events.map((event) => event.relatedOfferingId));
  const week = weekOf(date);
  const isOpenToVisitors = target.status.state === 'active' || target.status.state === 'closing';
  const instant = options.now.getTime();
  const next = isOpenToVisitors ? currentOrNextOpening(offering.schedule, instant) : null;
  return {
    offering,
    status: target.status,
    date,
    week,
    days: daysOf(offering.schedule, week[0]!, week[6]!),
    opening: next ? { ...next, isNow: next.start <= instant } : null,
    upcoming: isOpenToVisitors
      ? expandActivities(offering.schedule, offering.activities, date, addDays(date, upcomingDays - 1)).filter(
          (occurrence) => Math.max(occurrence.end, occurrence.start) >= instant,
        )
      : [],
    alternatives: needsAlternatives(target.status) ? suggestAlternatives(target, withStatus) : [],
    relatedSlugs: new Map(items.filter((item) => relatedIds.has(item.id)).map((item) => [item.id, item.slug])),
  };
}
