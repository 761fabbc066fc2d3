import { addDays, copenhagenDate } from '../domain/time.ts';
import type { CourseStore, ReferralMails, RetentionReport } from './course-store.ts';

/**
 * The retention rule for courses (ADR 023): a set number of days after a course's last meeting, its
 * participants' names and contacts and the citizens' data on its referrals are anonymised; a referral
 * whose consent has run out loses the citizen's data at once. Counts, attendance and ratings stay, tied
 * to no one; the referrer of a referral whose consent ran out is told. Idempotent: a second run the same day finds nothing.
 */
export async function anonymiseCourseData(
  deps: { store: CourseStore; consentExpiredMails?: (course: { title: string }) => ReferralMails },
  options: { now: Date; retentionDays: number },
): Promise<RetentionReport> {
  const today = copenhagenDate(options.now);
  const endedBefore = addDays(today, -options.retentionDays);
  return deps.store.anonymiseEndedCourses({ endedBefore, today }, options.now, (report) => ({
    at: options.now,
    actorId: null,
    actorName: 'Tilbudsvifte (sletning efter forløb)',
    action: 'course.retention',
    resourceType: 'course',
    resourceId: null,
    summary: `Anonymiserede ${report.participants} deltagere og ${report.referrals} henvisninger fra forløb, der sluttede før ${endedBefore}, eller hvis samtykke var udløbet.`,
    detail: { ...report, endedBefore, retentionDays: options.retentionDays },
    source: null,
  }), deps.consentExpiredMails);
}
