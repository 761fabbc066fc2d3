import { anonymiseCouncilMembers, type CouncilStore } from '../app/run-councils.ts';
import type { Job } from './runner.ts';

/** ADR 033's retention rule, once a day: council members whose consent has run out are anonymised. */
export function councilRetentionJob(deps: { store: CouncilStore }): Job {
  return {
    name: 'council-retention',
    everyMs: 24 * 3_600_000,
    async run({ now }) {
      return { members: await anonymiseCouncilMembers(deps.store, now) };
    },
  };
}
