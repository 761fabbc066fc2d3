import type { Course } from '../domain/course/model.ts';
import { type EnrolmentProblem, readEnrolment } from '../domain/course/enrolment.ts';
import { copenhagenDate, formatDanishDate } from '../domain/time.ts';
import type { CourseStore, EnrolOutcome, LeaveOutcome, OutboxMail, Participant } from './course-store.ts';

/** The personal link's token: made with the form, kept only by the person (its SHA-256 is stored). */
export type CourseTokens = { hashOf(token: string): string };

export const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export type JoinCourseDeps = { store: CourseStore; tokens: CourseTokens };

export type JoinResult = EnrolOutcome | { kind: 'invalid'; problems: EnrolmentProblem[] } | { kind: 'bad_token' };

/**
 * Join an open course (ADR 023): a first name or nickname, a contact only if the person wants word. The
 * audit entry names the course and the participant's id, never the name or contact.
 */
export async function joinCourse(
  deps: JoinCourseDeps,
  request: { courseId: string; courseTitle: string; name: string; contact: string; token: string; now: Date; source: string | null },
): Promise<JoinResult> {
  const read = readEnrolment({ name: request.name, contact: request.contact });
  if ('problems' in read) return { kind: 'invalid', problems: read.problems };
  if (!tokenPattern.test(request.token)) return { kind: 'bad_token' };
  return deps.store.enrol(
    {
      courseId: request.courseId,
      name: read.name,
      contact: read.contact?.value ?? null,
      tokenHash: deps.tokens.hashOf(request.token),
      at: request.now,
      today: copenhagenDate(request.now),
    },
    (participant) => ({
      at: request.now,
      actorId: null,
      actorName: 'En borger (uden login)',
      action: participant.state === 'enrolled' ? 'course.join' : 'course.waitlist',
      resourceType: 'course',
      resourceId: request.courseId,
      summary:
        participant.state === 'enrolled'
          ? `En deltager tilmeldte sig ${request.courseTitle} (nr. ${participant.position}).`
          : `En deltager kom på ventelisten til ${request.courseTitle} (nr. ${participant.position}).`,
      detail: { participantId: participant.id, withContact: participant.contact !== null },
      source: request.source,
    }),
  );
}

/** The mail to someone who moved up from the waiting list, if they gave an email. */
export function promotionMail(participant: Participant, course: Course, today: string): OutboxMail | null {
  if (!participant.contact?.includes('@')) return null;
  const next = course.sessions.find((session) => !session.isCancelled && session.date >= today);
  return {
    recipient: participant.contact,
    subject: `Du har fået en plads på ${course.title}`,
    body: [
      `Hej ${participant.displayName}`,
      '',
      `Der er blevet en plads ledig, og den er din: ${course.title} hos ${course.offering.name}.`,
      next ? `Næste gang er ${formatDanishDate(next.date)} kl. ${next.startsAt}–${next.endsAt}.` : '',
      'Kan du ikke komme alligevel, så meld fra med linket fra din tilmelding, så pladsen kan gå videre.',
      '',
      'Venlig hilsen Tilbudsvifte',
    ]
      .filter((line, index, lines) => line !== '' || lines[index - 1] !== '')
      .join('\n'),
  };
}

/** Leave by the personal link; the first on the waiting list moves up and is told. */
export async function leaveCourse(deps: JoinCourseDeps, request: { token: string; now: Date; source: string | null }): Promise<LeaveOutcome | { kind: 'bad_token' }> {
  if (!tokenPattern.test(request.token)) return { kind: 'bad_token' };
  const today = copenhagenDate(request.now);
  return deps.store.leave(
    deps.tokens.hashOf(request.token),
    request.now,
    (promoted, course) => promotionMail(promoted, course, today),
    (participant) => ({
      at: request.now,
      actorId: null,
      actorName: 'En borger (uden login)',
      action: 'course.leave',
      resourceType: 'course',
      resourceId: participant.courseId,
      summary: `En deltager meldte fra (nr. ${participant.position}).`,
      detail: { participantId: participant.id },
      source: request.source,
    }),
  );
}
