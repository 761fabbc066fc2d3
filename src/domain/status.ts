/**
 * Status over time. An offering's life is a list of dated events; its state on any date follows from
 * them. An event is *recorded* (decided or first stated in a source) on one date and may *occur*
 * (take effect) on another. A planned closure with no date yet is recorded but never occurs.
 */

export const statusKinds = [
  'proposed',
  'opens',
  'active',
  'closing',
  'closed',
  'merged_into',
  'replaced_by',
  'moved',
] as const;
export type StatusKind = (typeof statusKinds)[number];

export type StatusEvent = {
  status: StatusKind;
  /** When it takes effect ('YYYY-MM-DD'); null when the source gives no date. */
  occursOn: string | null;
  /** When it was decided or stated in a source; null only for baseline events. */
  recordedOn: string | null;
  /** A state that already held before the sources begin (e.g. "active" in 2015). */
  isBaseline: boolean;
  relatedOfferingId: string | null;
  note: string | null;
};

export type OfferingState = 'unknown' | 'proposed' | 'active' | 'closing' | 'closed';

export type PlannedChange = {
  kind: StatusKind;
  /** The date it takes effect, or null when no date is set. */
  on: string | null;
  relatedOfferingId: string | null;
};

export type StatusOnDate = {
  state: OfferingState;
  /** The date the current state began; null for a baseline state or an undated change. */
  since: string | null;
  planned: PlannedChange | null;
  /** The event that set the current state or plan, for its note and sources. */
  lastEvent: StatusEvent | null;
};

/** Kinds that describe a fact when undated: it held from the day it was recorded. */
const factKinds: ReadonlySet<StatusKind> = new Set(['proposed', 'active', 'closed']);
const endingKinds: ReadonlySet<StatusKind> = new Set(['closing', 'closed', 'merged_into', 'replaced_by']);

type Moment = { date: string | null; order: number; event: StatusEvent; isEffect: boolean };

function effectDate(event: StatusEvent): string | null {
  if (event.occursOn) return event.occursOn;
  return factKinds.has(event.status) ? event.recordedOn : null;
}

function stateAfter(kind: StatusKind): OfferingState {
  if (endingKinds.has(kind)) return 'closed';
  if (kind === 'proposed') return 'proposed';
  return 'active';
}

/** The state of an offering on `date` ('YYYY-MM-DD'), given all its events in any order. */
export function statusOn(events: readonly StatusEvent[], date: string): StatusOnDate {
  const moments: Moment[] = [];
  events.forEach((event, order) => {
    const effect = event.isBaseline ? null : effectDate(event);
    if (event.isBaseline) {
      moments.push({ date: null, order, event, isEffect: true });
      return;
    }
    if (effect !== event.recordedOn || effect === null) {
      moments.push({ date: event.recordedOn ?? effect, order, event, isEffect: false });
    }
    if (effect !== null) moments.push({ date: effect, order, event, isEffect: true });
  });
  const due = moments
    .filter((moment) => moment.date === null || moment.date <= date)
    .sort(
      (a, b) =>
        (a.date ?? '').localeCompare(b.date ?? '') || Number(a.isEffect) - Number(b.isEffect) || a.order - b.order,
    );

  let result: StatusOnDate = { state: 'unknown', since: null, planned: null, lastEvent: null };
  let plannedBy: StatusEvent | null = null;
  for (const { event, isEffect, date: momentDate } of due) {
    if (isEffect) {
      // A change that takes effect fulfils its own plan; a plan made by another event still stands.
      const keepPlan = plannedBy !== null && plannedBy !== event && stateAfter(event.status) !== 'closed';
      result = {
        state: stateAfter(event.status),
        since: momentDate,
        planned: keepPlan ? result.planned : null,
        lastEvent: event,
      };
      if (!keepPlan) plannedBy = null;
      continue;
    }
    plannedBy = event;
    // An announcement: the change is planned, and an ending puts the offering into its closing phase.
    const planned = { kind: event.status, on: event.occursOn, relatedOfferingId: event.relatedOfferingId };
    if (endingKinds.has(event.status) && (result.state === 'active' || result.state === 'unknown')) {
      result = { state: 'closing', since: event.recordedOn, planned, lastEvent: event };
    } else if (event.status === 'opens' && result.state !== 'active') {
      result = { state: 'proposed', since: result.since ?? event.recordedOn, planned, lastEvent: event };
    } else {
      result = { ...result, planned, lastEvent: event };
    }
  }
  return result;
}

/** HSDS 3.0 has four service states; ours map onto them so open-data users can filter. */
export function hsdsStatus(state: OfferingState): 'active' | 'inactive' | 'defunct' {
  if (state === 'active' || state === 'closing') return 'active';
  if (state === 'closed') return 'defunct';
  return 'inactive';
}
