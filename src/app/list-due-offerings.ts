import { can, type Principal } from '../domain/access/policy.ts';
import { type Freshness, freshnessOf, needsAttention, ownerOf, stateRank } from '../domain/freshness.ts';
import { byDanishName } from '../domain/sorting.ts';
import { statusOn } from '../domain/status.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { FreshnessItem, FreshnessStore } from './freshness-store.ts';

export type DueOffering = {
  id: string;
  slug: string;
  name: string;
  /** Who answers for it: the centre (municipal) or the operator (self-governing). */
  ownerName: string | null;
  /** The centre it belongs under, for grouping; null outside the centres. */
  centreName: string | null;
  freshness: Freshness;
  canVerify: boolean;
};

/** Whether freshness applies: a closed place stays on its page as history and is not asked to be verified. */
export function isKeptFresh(item: FreshnessItem, now: Date): boolean {
  return statusOn(item.events, copenhagenDate(now)).state !== 'closed';
}

/**
 * What needs verifying among the offerings the person's grants cover, most urgent first: a centre
 * lead sees their centre, planners and system administrators the whole range. Filtered with the same
 * rule as every other list, so nothing outside the grants shows, not even in a count.
 */
export async function listDueOfferings(options: { store: FreshnessStore; now: Date; principal: Principal }): Promise<DueOffering[]> {
  const items = await options.store.items();
  const due = items
    .filter((item) => can(options.principal, 'offering.view', item) && isKeptFresh(item, options.now))
    .map((item): DueOffering => {
      const owner = ownerOf({
        ownership: item.ownership,
        centre: item.centreName ? { id: item.centreId ?? '', name: item.centreName } : null,
        operator: item.operatorName ? { id: item.operatorId ?? '', name: item.operatorName } : null,
      });
      return {
        id: item.id,
        slug: item.slug,
        name: item.name,
        ownerName: owner?.name ?? null,
        centreName: item.centreName,
        freshness: freshnessOf(item.record, options.now),
        canVerify: can(options.principal, 'offering.verify', item),
      };
    })
    .filter((item) => needsAttention(item.freshness.state));
  return byDanishName(due).sort((a, b) => stateRank(b.freshness.state) - stateRank(a.freshness.state));
}
