import { type Alternative, needsAlternatives, suggestAlternatives } from '../domain/alternatives.ts';
import type { Offering } from '../domain/range.ts';
import { type StatusOnDate, statusOn } from '../domain/status.ts';
import type { RangeRepository } from './ports.ts';

export type OfferingPage = {
  offering: Offering;
  status: StatusOnDate;
  /** Today in Copenhagen ('YYYY-MM-DD'). */
  date: string;
  /** Monday to Sunday of the week that holds `date`. */
  week: string[];
  /** Places to go instead; empty while the place is open or only proposed. */
  alternatives: Alternative[];
  /** Slugs of the offerings its status events point at, so the page can link to them. */
  relatedSlugs: ReadonlyMap<string, string>;
};

/** The seven dates ('YYYY-MM-DD') from Monday to Sunday of the week that holds `date`. */
export function weekOf(date: string): string[] {
  const day = new Date(`${date}T00:00:00Z`);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return Array.from({ length: 7 }, (_, index) =>
    new Date(day.getTime() + (index - sinceMonday) * 86_400_000).toISOString().slice(0, 10),
  );
}

/**
 * One offering as its public page shows it on `date`, found by slug or by id (either case); null when
 * there is none. The whole range is read, which is cheap at a few dozen offerings and gives the
 * alternatives for a place that is closing or closed.
 */
export async function getOfferingPage(options: {
  range: RangeRepository;
  slugOrId: string;
  date: string;
}): Promise<OfferingPage | null> {
  const key = options.slugOrId.toLowerCase();
  const { items } = await options.range.findOfferings({}, 'all');
  const offering = items.find((item) => item.slug === key) ?? items.find((item) => item.id.toLowerCase() === key);
  if (!offering) return null;
  const withStatus = items.map((item) => ({ offering: item, status: statusOn(item.events, options.date) }));
  const target = withStatus.find((item) => item.offering.id === offering.id)!;
  const relatedIds = new Set(offering.events.map((event) => event.relatedOfferingId));
  return {
    offering,
    status: target.status,
    date: options.date,
    week: weekOf(options.date),
    alternatives: needsAlternatives(target.status) ? suggestAlternatives(target, withStatus) : [],
    relatedSlugs: new Map(items.filter((item) => relatedIds.has(item.id)).map((item) => [item.id, item.slug])),
  };
}
