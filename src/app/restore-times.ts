import type { Activity, Schedule } from '../domain/schedule/model.ts';
import { activityFingerprint } from './edit-activities.ts';
import { type SavedTimesChange, scheduleFingerprint, type TimeEditStore, type TimesDecision } from './edit-schedule.ts';

/**
 * Undo a change of hours or an activity, or restore what was there before an older one (ADR 022). Both
 * put the change's "before" back as a new, audited change. Undo is refused when the hours (or the
 * activity) are no longer as that change left them; a restore from the history is refused when they are
 * no longer as the history page showed them. Either way nothing is lost: the outcome holds what is saved.
 */

export type RestoreTimesOutcome =
  | { status: 'saved'; auditId: string }
  | { status: 'changed_since'; current: { kind: 'schedule'; schedule: Schedule } | { kind: 'activity'; activity: Activity | null } }
  | { status: 'unchanged' }
  | { status: 'not_found' };

/** The fingerprint of an activity as it is now, or '' when there is none: what the history page carries. */
export const activityStateFingerprint = (activity: Activity | null | undefined) => (activity ? activityFingerprint(activity) : '');

export async function restoreTimes(options: {
  store: TimeEditStore;
  offering: { id: string; name: string };
  change: SavedTimesChange;
  /** 'undo': only if nothing changed since this change; otherwise the fingerprint the history page was read at. */
  expect: 'undo' | { readAt: string };
  actor: { id: string; name: string };
  at: Date;
  source: string | null;
}): Promise<RestoreTimesOutcome> {
  const { change, offering } = options;
  const undo = options.expect === 'undo';
  const entry = (action: string, summary: string, detail: Record<string, unknown>) => ({
    at: options.at,
    actorId: options.actor.id,
    actorName: options.actor.name,
    action,
    resourceType: 'offering',
    resourceId: offering.id,
    summary,
    detail: { ...detail, [undo ? 'undoes' : 'restores']: change.auditId },
    source: options.source,
  });
  const outcome = await options.store.update(offering.id, (now): TimesDecision<RestoreTimesOutcome> => {
    const refuse = (result: RestoreTimesOutcome) => ({ result, write: null });
    if (change.kind === 'schedule') {
      const expected = options.expect === 'undo' ? scheduleFingerprint(change.after) : options.expect.readAt;
      if (scheduleFingerprint(now.schedule) !== expected) return refuse({ status: 'changed_since', current: { kind: 'schedule', schedule: now.schedule } });
      if (scheduleFingerprint(now.schedule) === scheduleFingerprint(change.before)) return refuse({ status: 'unchanged' });
      return {
        result: { status: 'saved', auditId: '' },
        write: {
          schedule: change.before,
          audit: entry('schedule.replace', undo ? `Fortrød en ændring af åbningstiderne for ${offering.name}` : `Gendannede åbningstiderne for ${offering.name} fra før en tidligere ændring`, {
            before: now.schedule,
            after: change.before,
          }),
        },
      };
    }
    const current = now.activities.find((item) => item.id === change.activityId) ?? null;
    const expected = options.expect === 'undo' ? activityStateFingerprint(change.after) : options.expect.readAt;
    if (activityStateFingerprint(current) !== expected) return refuse({ status: 'changed_since', current: { kind: 'activity', activity: current } });
    const target = change.before;
    if (activityStateFingerprint(current) === activityStateFingerprint(target)) return refuse({ status: 'unchanged' });
    const activities = !target
      ? now.activities.filter((item) => item.id !== change.activityId)
      : current
        ? now.activities.map((item) => (item.id === change.activityId ? target : item))
        : [...now.activities, target];
    const name = (target ?? current)!.name;
    const action = !target ? 'activity.remove' : current ? 'activity.edit' : 'activity.add';
    return {
      result: { status: 'saved', auditId: '' },
      write: {
        activities,
        audit: entry(action, `${undo ? 'Fortrød en ændring af' : 'Gendannede'} aktiviteten «${name}» for ${offering.name}${undo ? '' : ' fra før en tidligere ændring'}`, {
          activity: change.activityId,
          before: current,
          after: target,
        }),
      },
    };
  });
  if (!outcome) return { status: 'not_found' };
  return outcome.result.status === 'saved' ? { status: 'saved', auditId: outcome.auditId ?? '' } : outcome.result;
}
