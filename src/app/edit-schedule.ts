import { createHash } from 'node:crypto';
import type { Activity, Period, Schedule } from '../domain/schedule/model.ts';
import { type ScheduleProblem, validateSchedule } from '../domain/schedule/validate.ts';
import type { AuditEntry } from './audit.ts';
import type { ActivityChange } from './edit-activities.ts';

/**
 * Staff keep an offering's opening hours, exceptions and holiday policy current. The form sends the
 * whole schedule and the fingerprint of the schedule it was read at; a save over someone else's newer
 * save is refused with both shown, and a save that would leave no regular hours at all needs a
 * deliberate confirmation. Each save is audited with the schedule before and after.
 */

export type OfferingTimes = { schedule: Schedule; activities: Activity[] };

/** What a change writes, whole, with its audit entry. */
export type TimesWrite = { schedule?: Schedule; activities?: Activity[]; audit: AuditEntry };

/** A change of hours or activities that waits for the centre's approval (ADR 022), with what it was written against. */
export type TimesProposalChange =
  | { kind: 'schedule'; schedule: Schedule; confirmedNoHours: boolean; base: Schedule }
  | { kind: 'activity'; change: ActivityChange; base: Activity | null };

export type TimesProposal = {
  id: string;
  offeringId: string;
  change: TimesProposalChange;
  /** The fingerprint of the schedule, or of the activity, the proposal was written against (null: a new activity). */
  baseFingerprint: string | null;
  /** One sentence in Danish: what the proposal changes. */
  summary: string;
  proposedBy: { id: string; name: string };
  createdAt: Date;
  status: 'pending' | 'approved' | 'rejected';
  decidedByName: string | null;
  decidedAt: Date | null;
  reason: string | null;
};

/** How a proposal is settled, and the entries and the change that go with it, all in one transaction. */
export type TimesSettlement<R> = {
  result: R;
  decision: { status: 'approved' | 'rejected'; by: { id: string; name: string }; at: Date; reason: string | null } | null;
  write: TimesWrite | null;
  audit: AuditEntry[];
};

/** One saved change of hours or of an activity, from the audit log: what undo and restore put back. */
export type SavedTimesChange = { auditId: string; offeringId: string; at: Date; actorName: string; summary: string } & (
  | { kind: 'schedule'; before: Schedule; after: Schedule }
  | { kind: 'activity'; activityId: string; before: Activity | null; after: Activity | null }
);

export type TimeEditStore = {
  /** The schedule and activities of an offering; null when there is no such offering. */
  timesOf(offeringId: string): Promise<OfferingTimes | null>;
  /**
   * In one transaction with the offering locked: read its times as they are now, let `decide` say what
   * to write (or nothing), and write it (the whole schedule, the whole list of activities) with the
   * audit entry. Null when there is no such offering.
   */
  update<R>(
    offeringId: string,
    decide: (now: OfferingTimes) => { result: R; write: TimesWrite | null },
  ): Promise<{ result: R; auditId: string | null } | null>;
  /** Record a proposal and its audit entry; the times themselves are not changed. */
  propose(
    proposal: { offeringId: string; change: TimesProposalChange; baseFingerprint: string | null; summary: string; by: { id: string; name: string }; at: Date },
    audit: AuditEntry,
  ): Promise<string>;
  /** Proposals, newest first. */
  proposals(filter: { offeringId?: string; status?: TimesProposal['status'] }): Promise<TimesProposal[]>;
  proposal(id: string): Promise<TimesProposal | null>;
  /**
   * In one transaction, with the proposal and the offering locked: let `decide` see the proposal and the
   * times as they are now, then settle it, write the change and the audit entries it returns.
   * 'decided' when someone settled it first.
   */
  settle<R>(id: string, decide: (proposal: TimesProposal, now: OfferingTimes) => TimesSettlement<R>): Promise<{ result: R; auditId: string | null } | 'decided' | 'not_found'>;
  /** The saved changes of the offering's hours and activities, newest first. */
  changes(offeringId: string): Promise<SavedTimesChange[]>;
  /** One saved change of hours or an activity (for undo and restore), if the audit entry is one. */
  savedChange(auditId: string): Promise<SavedTimesChange | null>;
};

const periodValues = (period: Period) => [period.opens, period.closes, period.isUserRun, period.isStaffPresent];

/** A schedule as plain arrays in a fixed order, so two equal schedules give the same text. */
function canonical(schedule: Schedule): unknown {
  const sorted = (items: unknown[]) => items.map((item) => JSON.stringify(item)).sort();
  return [
    sorted(
      schedule.rules.map((rule) => [
        rule.id,
        rule.weekday,
        ...periodValues(rule),
        rule.recurrence.kind === 'monthly' ? ['monthly', rule.recurrence.nth] : ['weekly', rule.recurrence.interval, rule.recurrence.anchor],
        rule.validFrom,
        rule.validTo,
        rule.description,
        rule.isExample,
      ]),
    ),
    sorted(
      schedule.exceptions.map((exception) => [
        exception.id,
        exception.from,
        exception.to,
        exception.kind,
        exception.periods.map((period) => [...periodValues(period), period.weekdays]),
        exception.reason,
        exception.isExample,
      ]),
    ),
    schedule.holidays.standard,
    sorted(schedule.holidays.rules.map((rule) => [rule.holiday, rule.kind, rule.periods.map(periodValues)])),
  ];
}

/** A short fingerprint of a schedule: the form carries the one it was read at. */
export function scheduleFingerprint(schedule: Schedule): string {
  return createHash('sha256').update(JSON.stringify(canonical(schedule))).digest('base64url').slice(0, 22);
}

export type EditScheduleOutcome =
  | { status: 'invalid'; problems: ScheduleProblem[] }
  | { status: 'confirm_no_hours' }
  | { status: 'conflict'; current: Schedule }
  | { status: 'unchanged' }
  | { status: 'saved'; auditId: string }
  | { status: 'not_found' };

/** What a change of the times leads to: its outcome, and what to write (nothing when refused). */
export type TimesDecision<R> = { result: R; write: TimesWrite | null };

/** What saving a schedule means for the times as they are now; shared by a save and an approved proposal. */
export type ScheduleSave = {
  offering: { id: string; name: string };
  readAt: string;
  schedule: Schedule;
  /** The person ticked that the place should show no regular hours. */
  confirmedNoHours: boolean;
  actor: { id: string; name: string };
  at: Date;
  source: string | null;
};

/**
 * Decide a save of a whole (validated) schedule against the schedule as it is now: refused when someone
 * else saved since `readAt`, held back for a confirmation when it removes every regular opening period,
 * nothing when it changes nothing; otherwise the schedule to write with its audit entry.
 */
export function planScheduleSave(before: Schedule, options: ScheduleSave): TimesDecision<EditScheduleOutcome> {
  const after = options.schedule;
  if (scheduleFingerprint(before) !== options.readAt) return { result: { status: 'conflict', current: before }, write: null };
  if (after.rules.length === 0 && before.rules.length > 0 && !options.confirmedNoHours) {
    return { result: { status: 'confirm_no_hours' }, write: null };
  }
  if (scheduleFingerprint(after) === scheduleFingerprint(before)) return { result: { status: 'unchanged' }, write: null };
  return {
    result: { status: 'saved', auditId: '' },
    write: {
      schedule: after,
      audit: {
        at: options.at,
        actorId: options.actor.id,
        actorName: options.actor.name,
        action: 'schedule.replace',
        resourceType: 'offering',
        resourceId: options.offering.id,
        summary:
          after.rules.length === 0
            ? `Fjernede alle faste åbningstider for ${options.offering.name}`
            : `Rettede åbningstiderne for ${options.offering.name}`,
        detail: { before, after },
        source: options.source,
      },
    },
  };
}

/**
 * Save an offering's whole schedule from the form: refused with each problem named, refused when
 * someone else saved since `readAt`, held back for a confirmation when it removes every regular
 * opening period; otherwise replaced whole, with its audit entry, in one transaction.
 */
export async function editSchedule(options: ScheduleSave & { store: TimeEditStore }): Promise<EditScheduleOutcome> {
  const problems = validateSchedule(options.schedule);
  if (problems.length > 0) return { status: 'invalid', problems };
  const outcome = await options.store.update(options.offering.id, (now) => planScheduleSave(now.schedule, options));
  if (!outcome) return { status: 'not_found' };
  return outcome.result.status === 'saved' ? { status: 'saved', auditId: outcome.auditId ?? '' } : outcome.result;
}
