import type { Principal } from '../domain/access/policy.ts';
import { type StoredTally, type TallyInput, type TallyProblem, type UsageFigure, validateTally, visitsFigure } from '../domain/counting/tally.ts';
import { datesFrom, type Schedule } from '../domain/schedule/model.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { AuditEntry } from './audit.ts';

/** Visitor tallies on a database (ADR 026). */
export type VisitCountStore = {
  /**
   * Adds the tally and its audit entry in one transaction, unless a tally with the same client id is
   * already there: then nothing is written and 'duplicate' is returned, so a retry never counts twice.
   */
  add(tally: StoredTally & { offeringId: string; registeredBy: string }, audit: AuditEntry): Promise<'added' | 'duplicate'>;
  /** An offering's tallies between two dates (both included), oldest day first. */
  tallies(offeringId: string, from: string, to: string): Promise<StoredTally[]>;
  /** Several offerings' tallies between two dates, for the planning's query. */
  talliesOf(offeringIds: readonly string[], from: string, to: string): Promise<(StoredTally & { offeringId: string })[]>;
};

export type RegisterOutcome = { kind: 'added' | 'duplicate'; visits: number; date: string } | { kind: 'invalid'; problems: TallyProblem[] };

/** Checks and stores one tally of visits for an offering, audited; a second send of the same tally is no new count. */
export async function registerVisits(deps: {
  store: VisitCountStore;
  now: Date;
  offering: { id: string; name: string };
  schedule: Schedule;
  input: TallyInput;
  principal: Principal;
  source: string;
}): Promise<RegisterOutcome> {
  const checked = validateTally(deps.input, { today: copenhagenDate(deps.now), schedule: deps.schedule });
  if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
  const { tally } = checked;
  const id = crypto.randomUUID();
  const result = await deps.store.add(
    {
      id,
      clientId: tally.clientId,
      offeringId: deps.offering.id,
      date: tally.date,
      visits: tally.visits,
      openAnyway: tally.openAnyway,
      registeredBy: deps.principal.accountId,
      registeredByName: deps.principal.name,
      registeredAt: deps.now,
    },
    {
      at: deps.now,
      actorId: deps.principal.accountId,
      actorName: deps.principal.name,
      action: 'count.register',
      resourceType: 'offering',
      resourceId: deps.offering.id,
      summary: `${tally.visits} besøg den ${tally.date} talt for ${deps.offering.name}${tally.openAnyway ? ' (åbent uden for åbningstiderne)' : ''}.`,
      detail: { tally: id, clientId: tally.clientId, date: tally.date, visits: tally.visits, openAnyway: tally.openAnyway },
      source: deps.source,
    },
  );
  return { kind: result, visits: tally.visits, date: tally.date };
}

/**
 * The query for planning (ADR 026): visits per offering in a period, each figure with its method,
 * coverage, who registered it and when. An offering without tallies gives no figure: a figure without
 * provenance cannot be shown.
 */
export async function usageOf(
  deps: { store: VisitCountStore; scheduleOf: (offeringId: string) => Promise<Schedule | null> },
  offeringIds: readonly string[],
  period: { from: string; to: string },
): Promise<UsageFigure[]> {
  const tallies = await deps.store.talliesOf(offeringIds, period.from, period.to);
  const figures: UsageFigure[] = [];
  for (const offeringId of offeringIds) {
    const own = tallies.filter((tally) => tally.offeringId === offeringId);
    const schedule = own.length ? await deps.scheduleOf(offeringId) : null;
    if (!schedule) continue;
    figures.push(visitsFigure(offeringId, own, schedule, period.from, period.to, datesFrom));
  }
  return figures;
}
