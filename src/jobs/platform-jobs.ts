import type { Kysely } from 'kysely';
import type { MailTransport } from '../app/deliver-outbox.ts';
import { createCouncilStore } from '../db/council-store.ts';
import { createFundStore } from '../db/fund-store.ts';
import { createUserJobStore } from '../db/user-job-store.ts';
import { createVolunteerStore } from '../db/volunteer-store.ts';
import { createFriendStore } from '../db/friend-store.ts';
import { createUserMeetingStore } from '../db/user-meeting-store.ts';
import { createPeerStore } from '../db/peer-store.ts';
import { createCourseStore } from '../db/course-store.ts';
import { createLetterStore } from '../db/letter-store.ts';
import { createFreshnessStore } from '../db/freshness-store.ts';
import { createOutboxStore } from '../db/outbox-store.ts';
import type { DB } from '../db/schema.ts';
import { coCreatorRetentionJob } from './co-creator-retention.ts';
import { courseRetentionJob } from './course-retention.ts';
import { letterRetentionJob } from './letter-retention.ts';
import { gloriaRetentionJob } from './gloria-retention.ts';
import { createGloriaStore } from '../db/gloria-store.ts';
import { freshnessRemindersJob } from './freshness-reminders.ts';
import { outboxDeliveryJob } from './outbox-delivery.ts';
import { userMeetingRetentionJob } from './user-meeting-retention.ts';
import type { Job } from './runner.ts';

/**
 * Every background job the server runs (ADR 020). Adding one: write `src/jobs/<name>.ts` returning a
 * `Job` (a stable name, how often, and a run that takes `now` and returns counts), add it here and
 * give it words in `jobLabels`. The runner, the schedule table, the log and the page /admin/drift do the rest.
 */
export function platformJobs(deps: {
  db: Kysely<DB>;
  baseUrl: string;
  /** Null when mail has nowhere to go (no SMTP_* in production): the outbox waits. */
  transport: MailTransport | null;
  logger: { warn(object: object, message: string): void };
  /** COURSE_RETENTION_DAYS: days after a course ends before its participants are anonymised. */
  courseRetentionDays: number;
}): Job[] {
  return [
    freshnessRemindersJob({ store: createFreshnessStore(deps.db), baseUrl: deps.baseUrl }),
    courseRetentionJob({ store: createCourseStore(deps.db), retentionDays: deps.courseRetentionDays, baseUrl: deps.baseUrl }),
    coCreatorRetentionJob({ councils: createCouncilStore(deps.db), fund: createFundStore(deps.db), userJobs: createUserJobStore(deps.db), volunteers: createVolunteerStore(deps.db), friends: createFriendStore(deps.db) }),
    letterRetentionJob({ letters: createLetterStore(deps.db) }),
    gloriaRetentionJob({ gloria: createGloriaStore(deps.db) }),
    userMeetingRetentionJob({ meetings: createUserMeetingStore(deps.db), peer: createPeerStore(deps.db) }),
    ...(deps.transport ? [outboxDeliveryJob({ store: createOutboxStore(deps.db), transport: deps.transport, logger: deps.logger })] : []),
  ];
}

/** What each job is called on /admin/drift. */
export const jobLabels: Record<string, string> = {
  'freshness-reminders': 'Påmindelser om at bekræfte oplysninger (dagligt)',
  'outbox-delivery': 'Afsendelse af mails fra udbakken (hvert 10. sekund)',
  'course-retention': 'Anonymisering af deltagere efter forløb (dagligt)',
  'co-creator-retention': 'Sletning af rådsmedlemmer, hvis samtykke er udløbet, af kontakter på puljeforslag, brugerjob-indehavere, frivillige og ønsker om netværksven (dagligt)',
  'letter-retention': 'Sletning af navn og kontakt på afsendere af breve om tilbudsviften efter to år (dagligt)',
  'gloria-retention': 'Sletning af fortælleres navne i Glorias livshistorier to år efter samtykket (dagligt)',
  'user-meeting-retention': 'Anonymisering af tilmeldinger til brugermødet en måned efter mødet og af peermedarbejdere efter to år (dagligt)',
};
