import { finderCutoff } from '../domain/freshness.ts';
import type { Offering, Organization } from '../domain/range.ts';
import { byDanishName } from '../domain/sorting.ts';
import { type StatusOnDate, statusOn } from '../domain/status.ts';
import type { RangeRepository } from './ports.ts';

export type OfferingOnDate = { offering: Offering; status: StatusOnDate };

export type RangeByCentre = {
  date: string;
  centres: { centre: Organization | null; offerings: OfferingOnDate[] }[];
  closed: OfferingOnDate[];
};

/**
 * The whole range on one date, grouped by centre in Danish order. Closed offerings are set apart so
 * nobody is sent to a door that is shut; offerings with no centre come last.
 */
export async function listOfferingsByCentre(options: { range: RangeRepository; date: string; now: Date }): Promise<RangeByCentre> {
  const [{ items }, expired] = await Promise.all([options.range.findOfferings({}, 'all'), options.range.listExpired(finderCutoff(options.now))]);
  const withStatus = items
    .map((offering) => ({ offering, status: statusOn(offering.events, options.date) }))
    // Not verified for too long: gone until someone verifies it (ADR 014); a closed place is still listed as closed.
    .filter((item) => item.status.state === 'closed' || !expired.has(item.offering.id));
  const open = withStatus.filter((item) => item.status.state !== 'closed' && item.status.state !== 'unknown');
  const centres = byDanishName(
    [...new Map(open.filter((item) => item.offering.centre).map((item) => [item.offering.centre!.id, item.offering.centre!])).values()],
  );
  const groups = centres.map((centre) => ({
    centre: centre as Organization | null,
    offerings: open.filter((item) => item.offering.centre?.id === centre.id),
  }));
  const withoutCentre = open.filter((item) => !item.offering.centre);
  if (withoutCentre.length > 0) groups.push({ centre: null, offerings: withoutCentre });
  return {
    date: options.date,
    centres: groups,
    closed: withStatus.filter((item) => item.status.state === 'closed' || item.status.state === 'unknown'),
  };
}
