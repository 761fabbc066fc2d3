import type { CourseStore, Referral } from './course-store.ts';
import type { CourseTokens } from './join-course.ts';
import { referralMailsFor } from './refer-citizen.ts';

/**
 * The citizen withdraws consent by their personal link (ADR 023): their name and contact are deleted from
 * the referral, an open referral is stopped and a place on the course freed. Audited without the name.
 */
export async function withdrawReferralConsent(
  deps: { store: CourseStore; tokens: CourseTokens },
  request: { token: string; now: Date; source: string | null; baseUrl: string },
): Promise<Referral | null> {
  const tokenHash = deps.tokens.hashOf(request.token);
  const found = await deps.store.referralByToken(tokenHash);
  const course = found ? await deps.store.courseById(found.courseId) : null;
  if (!found || !course) return null;
  return deps.store.withdrawConsent(tokenHash, request.now, (referral) => ({
    at: request.now,
    actorId: null,
    actorName: 'Borgeren (via sit personlige link)',
    action: 'referral.consent_withdrawn',
    resourceType: 'referral',
    resourceId: referral.id,
    summary: 'Borgeren trak sit samtykke tilbage; navn og kontakt er slettet fra henvisningen.',
    detail: { courseId: referral.courseId, state: referral.state },
    source: request.source,
  }), referralMailsFor(course.course, request.baseUrl));
}
