import { type Freshness, freshnessOf } from '../domain/freshness.ts';
import type { FreshnessStore } from './freshness-store.ts';

/** How fresh one offering's details are at `now`, for its public page; null when there is no such offering. */
export async function getOfferingFreshness(options: { store: FreshnessStore; offeringId: string; now: Date }): Promise<Freshness | null> {
  const found = await options.store.recordOf(options.offeringId);
  return found ? freshnessOf(found.record, options.now) : null;
}
