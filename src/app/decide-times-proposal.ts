import type { Activity, Schedule } from '../domain/schedule/model.ts';
import type { AuditEntry } from './audit.ts';
import { type ActivityChange, planActivityChange } from './edit-activities.ts';
import { planScheduleSave, type TimeEditStore, type TimesProposal, type TimesSettlement, type TimesWrite } from './edit-schedule.ts';

/**
 * The centre decides a proposed change of hours or an activity (ADR 022). Rejecting needs a reason the
 * proposer sees. Approving applies the proposal only if what it was written against is still what is
 * saved: otherwise nothing changes, the proposal stays waiting, and the outcome holds what is saved now
 * so both can be shown. The decision, the change and their audit entries are one transaction.
 */

export type DecideTimesOutcome =
  | { status: 'approved'; auditId: string | null }
  | { status: 'rejected' }
  /** What the proposal was written against has changed since: the schedule, or the activity (null: removed), as it is now. */
  | { status: 'changed_since'; current: { kind: 'schedule'; schedule: Schedule } | { kind: 'activity'; activity: Activity | null } }
  /** The change no longer makes sense as it is (a date to cancel that has passed): why. */
  | { status: 'invalid'; message: string }
  | { status: 'decided' }
  | { status: 'not_found' };

export async function decideTimesProposal(options: {
  store: TimeEditStore;
  proposalId: string;
  decision: 'approved' | 'rejected';
  /** Required when rejecting; the route asks for it. */
  reason: string | null;
  offering: { id: string; name: string };
  actor: { id: string; name: string };
  at: Date;
  source: string | null;
}): Promise<DecideTimesOutcome> {
  const { actor, at, offering } = options;
  const entry = (proposal: TimesProposal, action: string, summary: string): AuditEntry => ({
    at,
    actorId: actor.id,
    actorName: actor.name,
    action,
    resourceType: 'offering',
    resourceId: offering.id,
    summary,
    detail: { proposal: proposal.id, reason: options.reason },
    source: options.source,
  });
  const settled = await options.store.settle(options.proposalId, (proposal, now): TimesSettlement<DecideTimesOutcome> => {
    const decided = (status: 'approved' | 'rejected') => ({ status, by: actor, at, reason: options.reason });
    const of = `${proposal.summary.toLocaleLowerCase('da')} for ${offering.name} fra ${proposal.proposedBy.name}`;
    if (options.decision === 'rejected') {
      return { result: { status: 'rejected' }, decision: decided('rejected'), write: null, audit: [entry(proposal, 'review.reject', `Afviste et forslag: ${of}`)] };
    }
    const refuse = (result: DecideTimesOutcome): TimesSettlement<DecideTimesOutcome> => ({ result, decision: null, write: null, audit: [] });
    const approve = (write: TimesWrite | null): TimesSettlement<DecideTimesOutcome> => ({
      result: { status: 'approved', auditId: null },
      decision: decided('approved'),
      // The change is written in the approver's name, as a change like any other (undo, history).
      write: write && { ...write, audit: { ...write.audit, summary: `Offentliggjorde et godkendt forslag fra ${proposal.proposedBy.name}: ${write.audit.summary}`, detail: { ...write.audit.detail, proposal: proposal.id } } },
      audit: [entry(proposal, 'review.approve', `Godkendte et forslag: ${of}`)],
    });
    const context = { offering, actor, at, source: options.source };
    const change = proposal.change;
    if (change.kind === 'schedule') {
      const planned = planScheduleSave(now.schedule, { ...context, readAt: proposal.baseFingerprint ?? '', schedule: change.schedule, confirmedNoHours: true });
      if (planned.result.status === 'conflict') return refuse({ status: 'changed_since', current: { kind: 'schedule', schedule: planned.result.current } });
      return approve(planned.write);
    }
    const withBase: ActivityChange =
      change.change.kind === 'add' || change.change.kind === 'edit' ? change.change : { ...change.change, readAt: proposal.baseFingerprint ?? '' };
    const planned = planActivityChange(now, withBase, context);
    switch (planned.result.status) {
      case 'conflict':
        return refuse({ status: 'changed_since', current: { kind: 'activity', activity: planned.result.current } });
      case 'gone':
        return refuse({ status: 'changed_since', current: { kind: 'activity', activity: null } });
      case 'invalid':
        return refuse({ status: 'invalid', message: planned.result.problems.map((problem) => problem.message).join(' ') });
      default:
        return approve(planned.write);
    }
  });
  if (settled === 'decided') return { status: 'decided' };
  if (settled === 'not_found') return { status: 'not_found' };
  return settled.result.status === 'approved' ? { status: 'approved', auditId: settled.auditId } : settled.result;
}
