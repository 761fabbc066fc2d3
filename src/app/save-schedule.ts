import type { Schedule } from '../domain/schedule/model.ts';
import { type ScheduleProblem, validateSchedule } from '../domain/schedule/validate.ts';

/** What storage offers for writing a schedule: replace it whole, all or nothing. */
export type ScheduleStore = {
  /** False when there is no such offering. Throws (and changes nothing) if the write fails. */
  replaceSchedule(offeringId: string, schedule: Schedule): Promise<boolean>;
};

export type SaveScheduleOutcome =
  | { status: 'saved' }
  | { status: 'invalid'; problems: ScheduleProblem[] }
  | { status: 'not_found' };

/**
 * Save an offering's whole schedule (the form and the API send all of it). A schedule with any
 * problem is not saved, and a write that fails half-way leaves the old schedule as it was.
 */
export async function saveSchedule(options: {
  store: ScheduleStore;
  offeringId: string;
  schedule: Schedule;
}): Promise<SaveScheduleOutcome> {
  const problems = validateSchedule(options.schedule);
  if (problems.length > 0) return { status: 'invalid', problems };
  const found = await options.store.replaceSchedule(options.offeringId, options.schedule);
  return found ? { status: 'saved' } : { status: 'not_found' };
}
