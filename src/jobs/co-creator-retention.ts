import { anonymiseCouncilMembers, type CouncilStore } from '../app/run-councils.ts';
import { clearFundContacts, type FundStore } from '../app/run-user-fund.ts';
import { deleteDueJobApplications, type UserJobStore } from '../app/run-user-jobs.ts';
import type { VolunteerStore } from '../app/run-volunteers.ts';
import type { FriendStore } from '../app/run-network-friends.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { Job } from './runner.ts';

/**
 * ADR 033's retention rule, once a day: council members whose consent has run out are anonymised, the
 * contacts left on user-fund ideas are deleted, and user-job holders, volunteers and requests for a network friend anonymised, and applications for user jobs deleted, when their date has passed. Running it again changes nothing.
 */
export function coCreatorRetentionJob(deps: { councils: CouncilStore; fund: FundStore; userJobs: UserJobStore; volunteers: VolunteerStore; friends: FriendStore }): Job {
  return {
    name: 'co-creator-retention',
    everyMs: 24 * 3_600_000,
    async run({ now }) {
      return { members: await anonymiseCouncilMembers(deps.councils, now), contacts: await clearFundContacts(deps.fund, now), jobHolders: await deps.userJobs.anonymiseDue(copenhagenDate(now), now),
        volunteers: await deps.volunteers.anonymiseDue(copenhagenDate(now), now),
        friendRequests: await deps.friends.anonymiseDue(copenhagenDate(now), now),
        jobApplications: await deleteDueJobApplications(deps.userJobs, now),
      };
    },
  };
}
