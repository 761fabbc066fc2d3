import { anonymiseCouncilMembers, type CouncilStore } from '../app/run-councils.ts';
import { clearFundContacts, type FundStore } from '../app/run-user-fund.ts';
import type { Job } from './runner.ts';

/**
 * ADR 033's retention rule, once a day: council members whose consent has run out are anonymised, and the
 * contacts left on user-fund ideas are deleted when their date has passed. Running it again changes nothing.
 */
export function coCreatorRetentionJob(deps: { councils: CouncilStore; fund: FundStore }): Job {
  return {
    name: 'co-creator-retention',
    everyMs: 24 * 3_600_000,
    async run({ now }) {
      return { members: await anonymiseCouncilMembers(deps.councils, now), contacts: await clearFundContacts(deps.fund, now) };
    },
  };
}
