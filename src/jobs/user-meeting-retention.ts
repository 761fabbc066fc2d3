import type { PeerStore } from '../app/run-peer-counsellors.ts';
import type { UserMeetingStore } from '../app/run-user-meeting.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { Job } from './runner.ts';

/**
 * ADR 036's retention rule, once a day: registrations for the user meeting are anonymised a month after the meeting,
 * peer counsellors two years after they joined. Running it again changes nothing.
 */
export function userMeetingRetentionJob(deps: { meetings: UserMeetingStore; peer: Pick<PeerStore, 'anonymiseDue'> }): Job {
  return {
    name: 'user-meeting-retention',
    everyMs: 24 * 3_600_000,
    async run({ now }) {
      return { registrations: await deps.meetings.anonymiseDue(copenhagenDate(now), now), peerCounsellors: await deps.peer.anonymiseDue(copenhagenDate(now), now) };
    },
  };
}
