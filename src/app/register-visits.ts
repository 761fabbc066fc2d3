import type { Principal } from '../domain/access/policy.ts';
import { type MonthReview, monthSpan, type StoredTally, type TallyInput, type TallyProblem, type UsageFigure, validateReview, validateTally, visitsFigure } from '../domain/counting/tally.ts';
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
  /** Adds a confirmation or dispute of a month with its audit entry; earlier ones stay as history. */
  addReview(review: MonthReview & { offeringId: string; reviewedBy: string }, audit: AuditEntry): Promise<void>;
  /** An offering's reviews of a month, oldest first: the last is the month's state. */
  reviews(offeringId: string, month: string): Promise<MonthReview[]>;
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

export type ReviewOutcome = { kind: 'saved'; verdict: 'confirmed' | 'disputed' } | { kind: 'invalid'; problems: { field: 'month' | 'verdict' | 'comment'; message: string }[] };

/**
 * Those who answer for the place confirm a month's figure of visits, or dispute it with a comment
 * (ADR 026). The figure they saw is kept with the verdict; nothing earlier is overwritten.
 */
export async function reviewMonth(deps: {
  store: VisitCountStore;
  now: Date;
  offering: { id: string; name: string };
  schedule: Schedule;
  input: { month: string; verdict: string; comment: string };
  principal: Principal;
  source: string;
}): Promise<ReviewOutcome> {
  const checked = validateReview(deps.input, copenhagenDate(deps.now));
  if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
  const { review } = checked;
  const span = monthSpan(review.month);
  const figure = visitsFigure(deps.offering.id, await deps.store.tallies(deps.offering.id, span.from, span.to), deps.schedule, span.from, span.to, datesFrom);
  const id = crypto.randomUUID();
  const word = review.verdict === 'confirmed' ? 'bekræftet' : 'bestridt';
  await deps.store.addReview(
    {
      id,
      offeringId: deps.offering.id,
      month: review.month,
      verdict: review.verdict,
      visitsSeen: figure.value,
      comment: review.comment,
      reviewedBy: deps.principal.accountId,
      reviewedByName: deps.principal.name,
      reviewedAt: deps.now,
    },
    {
      at: deps.now,
      actorId: deps.principal.accountId,
      actorName: deps.principal.name,
      action: review.verdict === 'confirmed' ? 'count.confirm' : 'count.dispute',
      resourceType: 'offering',
      resourceId: deps.offering.id,
      summary: `Besøgstallet for ${review.month} (${figure.value} besøg) ${word} for ${deps.offering.name}.`,
      detail: { review: id, month: review.month, visitsSeen: figure.value, comment: review.comment },
      source: deps.source,
    },
  );
  return { kind: 'saved', verdict: review.verdict };
}
