import { distance } from 'geokdbush';
import type { Offering } from './range.ts';
import type { OfferingState, StatusOnDate } from './status.ts';

export type OfferingWithStatus = { offering: Offering; status: StatusOnDate };

export type Alternative = OfferingWithStatus & {
  /** 'successor': the place it is merged into or replaced by; 'same-people': an open place that fits the same people. */
  reason: 'successor' | 'same-people';
  /** Straight-line distance in kilometres between the nearest locations; null when either has no coordinates. */
  distanceKm: number | null;
  isSameDistrict: boolean;
};

/** A place that is closing, closed or of unknown status must never leave the reader at a dead end. */
const statesNeedingAlternatives: ReadonlySet<OfferingState> = new Set(['closing', 'closed', 'unknown']);

export function needsAlternatives(status: StatusOnDate): boolean {
  return statesNeedingAlternatives.has(status.state);
}

const targetGroupsOf = (offering: Offering) =>
  new Set(offering.terms.filter((term) => term.taxonomySlug === 'maalgruppe').map((term) => term.code));

/** The place this one is merged into or replaced by, while it is closing or after it has closed. */
function successorId({ status }: OfferingWithStatus): string | null {
  if (status.planned?.relatedOfferingId) return status.planned.relatedOfferingId;
  const last = status.lastEvent;
  if (last && (last.status === 'merged_into' || last.status === 'replaced_by')) return last.relatedOfferingId;
  return null;
}

function nearestDistanceKm(a: Offering, b: Offering): number | null {
  let nearest: number | null = null;
  for (const { location: from } of a.locations) {
    for (const { location: to } of b.locations) {
      if (from.latitude === null || from.longitude === null || to.latitude === null || to.longitude === null) continue;
      const km = distance(from.longitude, from.latitude, to.longitude, to.latitude);
      if (nearest === null || km < nearest) nearest = km;
    }
  }
  return nearest;
}

function sharesDistrict(a: Offering, b: Offering): boolean {
  const districts = new Set(a.locations.map((item) => item.location.district?.id).filter(Boolean));
  return b.locations.some((item) => item.location.district && districts.has(item.location.district.id));
}

const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

/**
 * Up to `limit` places to go instead of `target` (pure; statuses are already computed for one date).
 *
 * First the place it is merged into or replaced by, whatever its status, unless that one is closed
 * too. Then open places (state 'active') that fit the same people: those sharing one of its target
 * groups, if it has any; then those whose profile overlaps its own ('both' overlaps everything; any
 * profile fits a target without one), leaving out places aimed only at other target groups. Within
 * each, the same district comes first, then the nearest in a straight line, then Danish name order.
 */
export function suggestAlternatives(
  target: OfferingWithStatus,
  candidates: readonly OfferingWithStatus[],
  limit = 3,
): Alternative[] {
  const self = target.offering;
  const groups = targetGroupsOf(self);
  const describe = (item: OfferingWithStatus, reason: Alternative['reason']): Alternative => ({
    ...item,
    reason,
    distanceKm: nearestDistanceKm(self, item.offering),
    isSameDistrict: sharesDistrict(self, item.offering),
  });

  const result: Alternative[] = [];
  const successor = candidates.find((item) => item.offering.id === successorId(target));
  if (successor && successor.offering.id !== self.id && successor.status.state !== 'closed' && successor.status.state !== 'unknown') {
    result.push(describe(successor, 'successor'));
  }

  const open = candidates
    .filter((item) => item.status.state === 'active' && item.offering.id !== self.id && item.offering.id !== successor?.offering.id)
    .map((item) => ({ item: describe(item, 'same-people'), groups: targetGroupsOf(item.offering) }));
  const sharesGroup = (other: Set<string>) => [...other].some((code) => groups.has(code));
  const fitsProfile = (offering: Offering) =>
    self.profile === null ||
    (offering.profile !== null && (offering.profile === self.profile || offering.profile === 'both' || self.profile === 'both'));
  const isForOthers = (other: Set<string>) => groups.size > 0 && other.size > 0 && !sharesGroup(other);

  const byGroup = groups.size > 0 ? open.filter((entry) => sharesGroup(entry.groups)) : [];
  const byProfile = open.filter(
    (entry) => !byGroup.includes(entry) && !isForOthers(entry.groups) && fitsProfile(entry.item.offering),
  );
  for (const tier of [byGroup, byProfile]) {
    result.push(...tier.map((entry) => entry.item).sort(closestFirst));
  }
  return result.slice(0, Math.max(0, limit));
}

function closestFirst(a: Alternative, b: Alternative): number {
  if (a.isSameDistrict !== b.isSameDistrict) return a.isSameDistrict ? -1 : 1;
  if (a.distanceKm !== null && b.distanceKm !== null && a.distanceKm !== b.distanceKm) return a.distanceKm - b.distanceKm;
  if ((a.distanceKm === null) !== (b.distanceKm === null)) return a.distanceKm === null ? 1 : -1;
  return collator.compare(a.offering.name, b.offering.name) || (a.offering.id < b.offering.id ? -1 : a.offering.id > b.offering.id ? 1 : 0);
}
