import { anonymiseCourseData } from '../app/anonymise-course-data.ts';
import type { CourseStore } from '../app/course-store.ts';
import { consentExpiredMailsFor } from '../app/refer-citizen.ts';
import type { Job } from './runner.ts';

/** ADR 023's retention rule, once a day: what has been anonymised stays so, so running it again is harmless. */
export function courseRetentionJob(deps: { store: CourseStore; retentionDays: number; baseUrl: string }): Job {
  return {
    name: 'course-retention',
    everyMs: 24 * 3_600_000,
    async run({ now }) {
      const report = await anonymiseCourseData({ store: deps.store, consentExpiredMails: consentExpiredMailsFor(deps.baseUrl) }, { now, retentionDays: deps.retentionDays });
      return { participants: report.participants, referrals: report.referrals };
    },
  };
}
