import { can, type OfferingScope, type Principal } from '../domain/access/policy.ts';
import { type Course, type CourseOccupancy, coursePhase } from '../domain/course/model.ts';
import { type ReadReferral, type ReferralFormInput, type ReferralFormProblem, readMove, readReferralForm, type MoveProblem } from '../domain/course/referral-form.ts';
import { nextStates, type ReferralState } from '../domain/course/referral.ts';
import { copenhagenDate } from '../domain/time.ts';
import { referralStateLabels } from '../domain/vocabulary.ts';
import type { AuditEntry, AuditLog } from './audit.ts';
import type { CourseStore, OutboxMail, Referral, ReferralMails, ReferralMoveOutcome } from './course-store.ts';
import type { Tokens } from './staff-access.ts';

/**
 * Referring a citizen to a course and the running offering's answers: the closed loop between the
 * referrer and the course (ADR 025). The citizen's data is read only by those canSeeReferral lets in,
 * and every read and change is written to the audit log; mails to the referrer never name the citizen.
 */

/** The citizen's personal link, shown once to the referrer: its token is made with the form, only its SHA-256 is stored. */
export const referralTokenPattern = /^[A-Za-z0-9_-]{43}$/;

export const citizenPagePath = (token: string) => `/henvisning/${token}`;
export const referralAdminPath = (id: string) => `/admin/henvisninger/${id}`;

export type CourseWithScope = { course: Course; occupancy: CourseOccupancy; scope: OfferingScope };

/**
 * The courses the person may refer to on the date: referred courses (open courses are joined by the
 * citizen themselves) that are not cancelled, have meetings and have not ended, run by an offering the
 * person's grants let them refer to.
 */
export function referableCourses(principal: Principal, courses: readonly CourseWithScope[], today: string): CourseWithScope[] {
  return courses.filter(
    (item) =>
      item.course.kind === 'referred' &&
      ['not_started', 'running'].includes(coursePhase(item.course, today)) &&
      can(principal, 'course.refer', item.scope),
  );
}

export type ReferOutcome =
  | { kind: 'referred'; referral: Referral; token: string; again: boolean }
  | { kind: 'invalid'; problems: ReferralFormProblem[] }
  | { kind: 'not_referable' };

/**
 * Refer a citizen: the form read and the consent checked (without it nothing is saved), the course one
 * the person may refer to, then the referral with the hash of the personal link's token. The same form
 * sent twice (a double click, a reload) is the same referral, shown again.
 */
export async function referCitizen(
  deps: { store: CourseStore; tokens: Pick<Tokens, 'hashOf'> },
  request: {
    principal: Principal;
    input: ReferralFormInput;
    token: string;
    courses: readonly CourseWithScope[];
    now: Date;
    source: string | null;
  },
): Promise<ReferOutcome> {
  const today = copenhagenDate(request.now);
  const read = readReferralForm(request.input, today);
  if ('problems' in read) return { kind: 'invalid', problems: read.problems };
  const chosen = request.courses.find((item) => item.course.id === read.referral.courseId);
  if (!chosen) return { kind: 'invalid', problems: [{ field: 'course', message: 'Forløbet findes ikke længere. Vælg et andet forløb.' }] };
  if (!referableCourses(request.principal, [chosen], today).length) return { kind: 'not_referable' };
  if (!referralTokenPattern.test(request.token)) throw new Error('A referral form without its token');
  const tokenHash = deps.tokens.hashOf(request.token);
  const earlier = await deps.store.referralByToken(tokenHash);
  if (earlier) {
    if (earlier.referrerAccountId !== request.principal.accountId) throw new Error('A referral token used by another account');
    return { kind: 'referred', referral: earlier, token: request.token, again: true };
  }
  const referral = await create(deps.store, read.referral, chosen.course, request, tokenHash).catch(async (error: unknown) => {
    // Two sends of the same form at once: the second meets the first's token.
    const first = await deps.store.referralByToken(tokenHash);
    if (first && first.referrerAccountId === request.principal.accountId) return first;
    throw error;
  });
  return { kind: 'referred', referral, token: request.token, again: false };
}

function create(
  store: CourseStore,
  read: ReadReferral,
  course: Course,
  request: { principal: Principal; now: Date; source: string | null },
  tokenHash: string,
): Promise<Referral> {
  return store.createReferral(
    {
      courseId: course.id,
      referrerAccountId: request.principal.accountId,
      referrerName: request.principal.name,
      referrerOrganisation: read.organisation,
      citizenName: read.citizenName,
      citizenContact: read.citizenContact,
      consent: read.consent,
      tokenHash,
      at: request.now,
    },
    (id): AuditEntry => ({
      at: request.now,
      actorId: request.principal.accountId,
      actorName: request.principal.name,
      action: 'referral.create',
      resourceType: 'referral',
      resourceId: id,
      summary: `Henviste en borger til ${course.title} med samtykke til ${read.consent.until}`,
      detail: { courseId: course.id, organisation: read.organisation, consentUntil: read.consent.until },
      source: request.source,
    }),
  );
}

/**
 * The mail to the referrer about a change: the course and the new state, and a link to the referral in
 * the back office, where they sign in to read more. Never the citizen's name, contact or the reason.
 */
export function referralMailsFor(course: { title: string }, baseUrl: string): ReferralMails {
  return (referral, referrerEmail): OutboxMail[] => {
    if (!referrerEmail) return [];
    const state = referralStateLabels[referral.state].toLowerCase();
    return [
      {
        recipient: referrerEmail,
        subject: `Din henvisning til ${course.title}: ${state}`,
        body: [
          `Din henvisning til ${course.title} er nu: ${state}.`,
          '',
          `Se henvisningen og dens historik: ${baseUrl}${referralAdminPath(referral.id)}`,
          '',
          'Du skal logge ind for at se den. Af hensyn til borgeren står der ikke mere i denne mail.',
        ].join('\n'),
      },
    ];
  };
}

/**
 * The mail to the referrer when the citizen's consent ran out: the data is gone, the referral stays; a new
 * referral with a new consent is the way on. Like every referral mail, it names no one.
 */
export function consentExpiredMailsFor(baseUrl: string): (course: { title: string }) => ReferralMails {
  return (course) => (referral, referrerEmail) =>
    referrerEmail
      ? [
          {
            recipient: referrerEmail,
            subject: `Samtykket er udløbet: din henvisning til ${course.title}`,
            body: [
              `Samtykket bag din henvisning til ${course.title} er udløbet. Borgerens navn og kontakt er derfor slettet fra henvisningen og forløbets liste.`,
              '',
              'Ønsker borgeren stadig at dele oplysningerne, så henvis igen med et nyt samtykke.',
              '',
              `Se henvisningen og dens historik: ${baseUrl}${referralAdminPath(referral.id)}`,
              '',
              'Du skal logge ind for at se den. Af hensyn til borgeren står der ikke mere i denne mail.',
            ].join('\n'),
          },
        ]
      : [];
}

export type MoveOutcome = ReferralMoveOutcome | { kind: 'invalid'; problems: MoveProblem[] };

/** The running offering moves a referral on; the referrer is told through the outbox, and the move is audited. */
export async function moveCitizenReferral(
  deps: { store: CourseStore; baseUrl: string },
  request: {
    principal: Principal;
    referral: Referral;
    course: Course;
    input: { to: string; reason: string; from: string };
    now: Date;
    source: string | null;
  },
): Promise<MoveOutcome> {
  const from = request.input.from as ReferralState;
  // The page was read in another state: someone moved it meanwhile (the store checks this again under the lock).
  if (from !== request.referral.state) return { kind: 'stale', referral: request.referral };
  const read = readMove(request.input, nextStates(request.referral.state));
  if ('problems' in read) return { kind: 'invalid', problems: read.problems };
  return deps.store.moveReferral(
    { referralId: request.referral.id, to: read.to, reason: read.reason, byName: request.principal.name, at: request.now, from },
    referralMailsFor(request.course, deps.baseUrl),
    audit(request, read.to, read.reason),
  );
}

function audit(request: { principal: Principal; referral: Referral; course: Course; now: Date; source: string | null }, to: ReferralState, reason: string | null = null): AuditEntry {
  return {
    at: request.now,
    actorId: request.principal.accountId,
    actorName: request.principal.name,
    action: 'referral.move',
    resourceType: 'referral',
    resourceId: request.referral.id,
    summary: `Flyttede en henvisning til ${request.course.title} fra »${referralStateLabels[request.referral.state]}« til »${referralStateLabels[to]}«`,
    detail: { courseId: request.course.id, from: request.referral.state, to, withReason: reason !== null },
    source: request.source,
  };
}

/**
 * A read of referrals that hold a citizen's data, written to the audit log: which referrals, never the
 * data. Referrals whose data is gone (withdrawn, anonymised) are still counted as read.
 */
export async function auditReferralRead(
  log: AuditLog,
  request: { principal: Principal; referrals: readonly Referral[]; what: string; now: Date; source: string | null },
): Promise<void> {
  if (request.referrals.length === 0) return;
  await log.append({
    at: request.now,
    actorId: request.principal.accountId,
    actorName: request.principal.name,
    action: 'referral.read',
    resourceType: 'referral',
    resourceId: request.referrals.length === 1 ? request.referrals[0]!.id : null,
    summary: request.what,
    detail: { referralIds: request.referrals.map((referral) => referral.id) },
    source: request.source,
  });
}
