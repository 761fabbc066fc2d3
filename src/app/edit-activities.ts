import { createHash } from 'node:crypto';
import { type Activity, activityOn, dateFacts, hoursOn } from '../domain/schedule/model.ts';
import { isCalendarDate, type ScheduleProblem, validateActivity } from '../domain/schedule/validate.ts';
import { copenhagenDate, formatDate } from '../domain/time.ts';
import type { AuditEntry } from './audit.ts';
import type { OfferingTimes, TimeEditStore, TimesDecision } from './edit-schedule.ts';

/**
 * Staff add, change, cancel a date of, and remove an offering's activities. Every change is applied to
 * the list as it is at that moment and the whole list is written back in one transaction with its
 * audit entry (the activity before and after), so two people changing different activities never
 * undo each other; changing an activity someone else changed since the form was read is refused.
 */

export type ActivityChange =
  | { kind: 'add'; activity: Activity }
  | { kind: 'edit'; activity: Activity; readAt: string }
  /** `readAt`, when given: refused if the activity changed since (a proposal's base). */
  | { kind: 'cancel'; id: string; date: string; readAt?: string }
  | { kind: 'remove'; id: string; readAt?: string };

export type EditActivitiesOutcome =
  | { status: 'invalid'; problems: ScheduleProblem[] }
  /** Someone else changed the activity since the form was read. */
  | { status: 'conflict'; current: Activity }
  /** The activity is no longer there (removed by someone else). */
  | { status: 'gone' }
  | { status: 'unchanged' }
  | { status: 'saved'; auditId: string; activityId: string }
  | { status: 'not_found' };

/** A short fingerprint of one activity: the edit form carries the one it was read at. */
export function activityFingerprint(activity: Activity): string {
  const when = activity.when;
  const values = [
    activity.id,
    activity.name,
    activity.description,
    activity.kind,
    when.kind === 'once'
      ? ['once', when.date]
      : ['repeats', when.weekday, when.recurrence.kind === 'monthly' ? ['monthly', when.recurrence.nth] : ['weekly', when.recurrence.interval, when.recurrence.anchor], when.validFrom, when.validTo],
    activity.startsAt,
    activity.endsAt,
    activity.place && [activity.place.name, activity.place.address, activity.place.postcode, activity.place.city],
    activity.isUserRun,
    [...activity.cancelledOn].sort(),
    activity.isExample,
  ];
  return createHash('sha256').update(JSON.stringify(values)).digest('base64url').slice(0, 22);
}

/** Why a date cannot be cancelled, or null when it can. */
function cancelProblem(activity: Activity, date: string, now: OfferingTimes, today: string): string | null {
  if (!isCalendarDate(date)) return date === '' ? 'Skriv den dato, der aflyses, fx 2026-12-24.' : `«${date}» er ikke en dato. Skriv den som 2026-12-24.`;
  if (date < today) return `${formatDate(date, 'da')} er allerede passeret. Vælg en dato fra i dag og frem.`;
  if (activity.cancelledOn.includes(date)) return `«${activity.name}» er allerede aflyst ${formatDate(date, 'da')}.`;
  const facts = dateFacts(date);
  if (!activityOn({ ...activity, cancelledOn: [] }, facts, hoursOn(now.schedule, facts))) {
    return `«${activity.name}» finder ikke sted ${formatDate(date, 'da')}, så der er intet at aflyse. Vælg en dato, hvor den er planlagt.`;
  }
  return null;
}

/** Who changes the activities, when and from where: what the audit entry says. */
export type ActivityChangeContext = {
  offering: { id: string; name: string };
  actor: { id: string; name: string };
  at: Date;
  source: string | null;
};

/**
 * Decide one (validated) change against the activities as they are now: what it leads to, and the whole
 * list to write with its audit entry. Shared by a save and an approved proposal.
 */
export function planActivityChange(now: OfferingTimes, change: ActivityChange, options: ActivityChangeContext): TimesDecision<EditActivitiesOutcome> {
  const { offering } = options;
  const audit = (action: string, summary: string, before: Activity | null, after: Activity | null): AuditEntry => ({
    at: options.at,
    actorId: options.actor.id,
    actorName: options.actor.name,
    action,
    resourceType: 'offering',
    resourceId: offering.id,
    summary,
    detail: { activity: (after ?? before)!.id, before, after },
    source: options.source,
  });
  type Decision = TimesDecision<EditActivitiesOutcome>;
  const refuse = (result: EditActivitiesOutcome): Decision => ({ result, write: null });
  const list = now.activities;
  if (change.kind === 'add') {
    const added = { ...change.activity, isExample: false };
    return {
      result: { status: 'saved', auditId: '', activityId: added.id },
      write: { activities: [...list, added], audit: audit('activity.add', `Tilføjede aktiviteten «${added.name}» for ${offering.name}`, null, added) },
    };
  }
  const id = change.kind === 'edit' ? change.activity.id : change.id;
  const before = list.find((item) => item.id === id);
  if (!before) return refuse({ status: 'gone' });
  if (change.readAt !== undefined && activityFingerprint(before) !== change.readAt) return refuse({ status: 'conflict', current: before });
  const replaced = (after: Activity) => list.map((item) => (item.id === id ? after : item));
  if (change.kind === 'edit') {
    const after = { ...change.activity, isExample: false };
    if (activityFingerprint(after) === activityFingerprint(before)) return refuse({ status: 'unchanged' });
    return {
      result: { status: 'saved', auditId: '', activityId: id },
      write: { activities: replaced(after), audit: audit('activity.edit', `Rettede aktiviteten «${after.name}» for ${offering.name}`, before, after) },
    };
  }
  if (change.kind === 'cancel') {
    const problem = cancelProblem(before, change.date, now, copenhagenDate(options.at));
    if (problem) return refuse({ status: 'invalid', problems: [{ field: 'cancel.date', message: problem }] });
    const after = { ...before, cancelledOn: [...before.cancelledOn, change.date].sort() };
    return {
      result: { status: 'saved', auditId: '', activityId: id },
      write: {
        activities: replaced(after),
        audit: audit('activity.cancel', `Aflyste «${before.name}» ${formatDate(change.date, 'da')} for ${offering.name}`, before, after),
      },
    };
  }
  return {
    result: { status: 'saved', auditId: '', activityId: id },
    write: {
      activities: list.filter((item) => item.id !== id),
      audit: audit('activity.remove', `Fjernede aktiviteten «${before.name}» fra ${offering.name}`, before, null),
    },
  };
}

/** An added or edited activity's problems, or none. */
export function activityChangeProblems(change: ActivityChange): ScheduleProblem[] {
  return change.kind === 'add' || change.kind === 'edit' ? validateActivity(change.activity) : [];
}

/** Apply one change to an offering's activities; see the module note. */
export async function editActivities(options: ActivityChangeContext & { store: TimeEditStore; change: ActivityChange }): Promise<EditActivitiesOutcome> {
  const problems = activityChangeProblems(options.change);
  if (problems.length > 0) return { status: 'invalid', problems };
  const outcome = await options.store.update(options.offering.id, (now) => planActivityChange(now, options.change, options));
  if (!outcome) return { status: 'not_found' };
  return outcome.result.status === 'saved' ? { ...outcome.result, auditId: outcome.auditId ?? '' } : outcome.result;
}
