import type { Offering } from '../domain/range.ts';
import { type StatusOnDate, statusOn } from '../domain/status.ts';
import type { RangeRepository } from './ports.ts';

/** One place on the list, or null where the slug names no offering (renamed, removed or mistyped). */
export type ShortlistEntry = { slug: string; place: { offering: Offering; status: StatusOnDate } | null };

export type Shortlist = {
  /** Today in Copenhagen ('YYYY-MM-DD'). */
  date: string;
  /** In the order of the list. */
  entries: ShortlistEntry[];
};

/**
 * The places on a shortlist with their status on `date`. The slugs are already normalised (see
 * domain/shortlist.ts). The whole range is read once, as for the offering page: a few dozen offerings.
 */
export async function getShortlist(options: { range: RangeRepository; slugs: readonly string[]; date: string }): Promise<Shortlist> {
  if (options.slugs.length === 0) return { date: options.date, entries: [] };
  const { items } = await options.range.findOfferings({}, 'all');
  const bySlug = new Map(items.map((offering) => [offering.slug, offering]));
  return {
    date: options.date,
    entries: options.slugs.map((slug) => {
      const offering = bySlug.get(slug);
      return { slug, place: offering ? { offering, status: statusOn(offering.events, options.date) } : null };
    }),
  };
}
