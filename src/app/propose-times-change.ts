import { formatDate } from '../domain/time.ts';
import type { Activity } from '../domain/schedule/model.ts';
import { type ActivityChange, activityChangeProblems, activityFingerprint, type EditActivitiesOutcome, planActivityChange } from './edit-activities.ts';
import { type EditScheduleOutcome, planScheduleSave, type ScheduleSave, scheduleFingerprint, type TimeEditStore } from './edit-schedule.ts';
import { validateSchedule } from '../domain/schedule/validate.ts';

/**
 * A person whose edits wait for the centre's approval (ADR 012, 022) changes hours or an activity: the
 * change is checked exactly as a save would be (problems, someone else's newer save, the confirmation
 * before removing every regular period), and instead of being written it becomes a proposal holding
 * the whole proposed schedule, or the one activity change, with what it was written against.
 */

type Proposer = { store: TimeEditStore; offering: { id: string; name: string }; actor: { id: string; name: string }; at: Date; source: string | null };

export type ProposeScheduleOutcome = Exclude<EditScheduleOutcome, { status: 'saved' }> | { status: 'proposed'; id: string };
export type ProposeActivityOutcome = Exclude<EditActivitiesOutcome, { status: 'saved' }> | { status: 'proposed'; id: string };

const proposalEntry = (options: Proposer, summary: string, detail: Record<string, unknown>) => ({
  at: options.at,
  actorId: options.actor.id,
  actorName: options.actor.name,
  action: 'times.propose',
  resourceType: 'offering',
  resourceId: options.offering.id,
  summary: `Foreslog for ${options.offering.name}: ${summary.toLocaleLowerCase('da')}`,
  detail,
  source: options.source,
});

/** Propose a whole schedule from the hours form. */
export async function proposeSchedule(options: Proposer & Omit<ScheduleSave, 'offering' | 'actor' | 'at' | 'source'>): Promise<ProposeScheduleOutcome> {
  const problems = validateSchedule(options.schedule);
  if (problems.length > 0) return { status: 'invalid', problems };
  const times = await options.store.timesOf(options.offering.id);
  if (!times) return { status: 'not_found' };
  const planned = planScheduleSave(times.schedule, options);
  if (planned.result.status !== 'saved') return planned.result;
  const summary = options.schedule.rules.length === 0 ? 'Fjerner alle faste åbningstider' : 'Ændring af åbningstiderne';
  const id = await options.store.propose(
    {
      offeringId: options.offering.id,
      change: { kind: 'schedule', schedule: options.schedule, confirmedNoHours: options.confirmedNoHours, base: times.schedule },
      baseFingerprint: scheduleFingerprint(times.schedule),
      summary,
      by: options.actor,
      at: options.at,
    },
    proposalEntry(options, summary, { before: times.schedule, after: options.schedule }),
  );
  return { status: 'proposed', id };
}

/** What an activity change proposes, in a few words. */
function activitySummary(change: ActivityChange, base: Activity | null): string {
  switch (change.kind) {
    case 'add':
      return `Ny aktivitet «${change.activity.name}»`;
    case 'edit':
      return `Ændring af aktiviteten «${base?.name ?? change.activity.name}»`;
    case 'cancel':
      return `Aflysning af «${base?.name ?? ''}» ${formatDate(change.date, 'da')}`;
    case 'remove':
      return `Fjernelse af aktiviteten «${base?.name ?? ''}»`;
  }
}

/** Propose adding, changing, cancelling a date of or removing one activity. */
export async function proposeActivityChange(options: Proposer & { change: ActivityChange }): Promise<ProposeActivityOutcome> {
  const problems = activityChangeProblems(options.change);
  if (problems.length > 0) return { status: 'invalid', problems };
  const times = await options.store.timesOf(options.offering.id);
  if (!times) return { status: 'not_found' };
  const planned = planActivityChange(times, options.change, options);
  if (planned.result.status !== 'saved') return planned.result;
  const change = options.change;
  const base = change.kind === 'add' ? null : (times.activities.find((item) => item.id === (change.kind === 'edit' ? change.activity.id : change.id)) ?? null);
  const summary = activitySummary(change, base);
  const id = await options.store.propose(
    { offeringId: options.offering.id, change: { kind: 'activity', change, base }, baseFingerprint: base ? activityFingerprint(base) : null, summary, by: options.actor, at: options.at },
    proposalEntry(options, summary, { activity: base?.id ?? (change.kind === 'add' ? change.activity.id : null), before: base, change }),
  );
  return { status: 'proposed', id };
}
