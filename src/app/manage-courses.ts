import type { Course, CourseSession } from '../domain/course/model.ts';
import { copenhagenDate, formatDanishDate } from '../domain/time.ts';
import type { AuditEntry } from './audit.ts';
import type { CourseAdminStore, CourseFields, OutboxMail, Participant, SessionFields } from './course-store.ts';
import { promotionMail } from './join-course.ts';
import { referralMailsFor } from './refer-citizen.ts';

/**
 * Staff run a course from the back office (ADR 024): the catalogue fields with a version check, cancelling
 * with a reason, meetings added, moved and cancelled, people taken off the list, attendance and the
 * before/after rating. Everyone on the list with an email hears of a change that concerns them through the
 * outbox; the rest see it on their personal page. Every change is audited, without names.
 */

export type Actor = { id: string; name: string };
export type Context = { store: CourseAdminStore; actor: Actor; at: Date; source: string | null };

const signature = ['', 'Venlig hilsen Tilbudsvifte'];
const hasEmail = (person: Participant): person is Participant & { contact: string } => person.contact?.includes('@') === true;
const when = (session: Pick<CourseSession, 'date' | 'startsAt' | 'endsAt'>) => `${formatDanishDate(session.date)} kl. ${session.startsAt}–${session.endsAt}`;
const where = (session: CourseSession, course: Course) => session.placeNote ?? session.location?.name ?? course.offering.name;

export function courseCancelledMail(person: Participant, course: Course, reason: string): OutboxMail | null {
  if (!hasEmail(person)) return null;
  return {
    recipient: person.contact,
    subject: `${course.title} er aflyst`,
    body: [
      `Hej ${person.displayName}`,
      '',
      `${course.title} hos ${course.offering.name} er aflyst, og der er ingen flere møder.`,
      `Begrundelse: ${reason}`,
      '',
      'Du behøver ikke at gøre noget. Spørg gerne personalet, om der er et andet forløb, der passer dig.',
      ...signature,
    ].join('\n'),
  };
}

export function sessionMovedMail(person: Participant, course: Course, before: CourseSession, after: CourseSession): OutboxMail | null {
  if (!hasEmail(person)) return null;
  const placeChanged = where(before, course) !== where(after, course);
  return {
    recipient: person.contact,
    subject: `Et møde i ${course.title} er flyttet`,
    body: [
      `Hej ${person.displayName}`,
      '',
      `Mødet ${when(before)} i ${course.title} er flyttet.`,
      `Det er nu ${when(after)}${placeChanged ? `, ${where(after, course)}` : ''}.`,
      '',
      'Kan du ikke komme på det nye tidspunkt, så sig det gerne til personalet.',
      ...signature,
    ].join('\n'),
  };
}

export function sessionCancelledMail(person: Participant, course: Course, session: CourseSession): OutboxMail | null {
  if (!hasEmail(person)) return null;
  return {
    recipient: person.contact,
    subject: `Mødet ${formatDanishDate(session.date)} i ${course.title} er aflyst`,
    body: [`Hej ${person.displayName}`, '', `Mødet ${when(session)} i ${course.title} er aflyst. De andre møder holdes, som de plejer.`, ...signature].join('\n'),
  };
}

const entry = (context: Context, action: string, courseId: string, summary: string, detail: Record<string, unknown> = {}): AuditEntry => ({
  at: context.at,
  actorId: context.actor.id,
  actorName: context.actor.name,
  action,
  resourceType: 'course',
  resourceId: courseId,
  summary,
  detail,
  source: context.source,
});

export function createCourse(context: Context, offeringId: string, fields: CourseFields) {
  return context.store.createCourse(offeringId, fields, context.at, (course) => entry(context, 'course.create', course.id, `Oprettede forløbet «${course.title}».`));
}

export function saveCourse(context: Context, courseId: string, baseVersion: number, fields: CourseFields) {
  const today = copenhagenDate(context.at);
  return context.store.saveCourse(
    { courseId, baseVersion, fields, at: context.at },
    (promoted, course) => promotionMail(promoted, course, today),
    (course, promoted) =>
      entry(
        context,
        'course.edit',
        course.id,
        promoted.length ? `Rettede forløbet «${course.title}»; ${promoted.length} rykkede op fra ventelisten.` : `Rettede forløbet «${course.title}».`,
        { version: course.version, capacity: course.capacity, promoted: promoted.map((person) => person.id) },
      ),
  );
}

/** Cancels a course: the people on its list and the referrers of its open referrals are told (`baseUrl` for their link). */
export function cancelCourse(context: Context, courseId: string, reason: string, baseUrl: string) {
  return context.store.cancelCourse(
    { courseId, reason, at: context.at, byName: context.actor.name },
    (person, course) => courseCancelledMail(person, course, reason),
    (course, told, referralsClosed) =>
      entry(
        context,
        'course.cancel',
        course.id,
        `Aflyste forløbet «${course.title}»; ${told} fik besked på e-mail${referralsClosed ? `, ${referralsClosed} henvisninger blev lukket, og henviserne fik besked` : ''}.`,
        { reason, told, referralsClosed },
      ),
    (course) => referralMailsFor(course, baseUrl),
  );
}

export function addSession(context: Context, courseId: string, fields: SessionFields) {
  return context.store.addSession({ courseId, fields, at: context.at }, (session) =>
    entry(context, 'course.session.add', courseId, `Tilføjede et møde ${formatDanishDate(session.date)}.`, { sessionId: session.id }),
  );
}

export function moveSession(context: Context, courseId: string, sessionId: string, fields: SessionFields) {
  return context.store.moveSession({ courseId, sessionId, fields, at: context.at }, sessionMovedMail, (session, before, told) =>
    entry(context, 'course.session.move', courseId, `Flyttede mødet ${formatDanishDate(before.date)} til ${formatDanishDate(session.date)}; ${told} fik besked på e-mail.`, {
      sessionId,
      from: { date: before.date, startsAt: before.startsAt, endsAt: before.endsAt, placeNote: before.placeNote },
      to: fields,
      told,
    }),
  );
}

export function cancelSession(context: Context, courseId: string, sessionId: string) {
  return context.store.cancelSession({ courseId, sessionId, at: context.at }, sessionCancelledMail, (session, told) =>
    entry(context, 'course.session.cancel', courseId, `Aflyste mødet ${formatDanishDate(session.date)}; ${told} fik besked på e-mail.`, { sessionId, told }),
  );
}

export function removeParticipant(context: Context, courseId: string, participantId: string) {
  const today = copenhagenDate(context.at);
  return context.store.removeParticipant(
    { courseId, participantId, at: context.at },
    (promoted, course) => promotionMail(promoted, course, today),
    (person, promoted) =>
      entry(
        context,
        'course.participants.remove',
        courseId,
        `Tog deltager nr. ${person.position} af listen${promoted.length ? `; nr. ${promoted.map((item) => item.position).join(', ')} rykkede op` : ''}.`,
        { participantId: person.id, promoted: promoted.map((item) => item.id) },
      ),
  );
}

/** Reading the list of names and contacts is audited, as every read of personal data. */
export function participantsRead(context: Context, courseId: string, what: 'list' | 'attendance' | 'rating'): AuditEntry {
  const words = { list: 'deltagerlisten', attendance: 'fremmødelisten', rating: 'en deltagers selvvurdering' };
  return entry(context, 'course.participants.read', courseId, `Så ${words[what]}.`, { what });
}

export function recordAttendance(context: Context, courseId: string, sessionId: string, marks: { participantId: string; present: boolean }[]) {
  return context.store.recordAttendance(
    { courseId, sessionId, marks, at: context.at },
    entry(context, 'course.attendance', courseId, `Registrerede fremmøde for ${marks.length} deltagere.`, {
      sessionId,
      present: marks.filter((mark) => mark.present).length,
      absent: marks.filter((mark) => !mark.present).length,
    }),
  );
}

export function recordRatings(context: Context, courseId: string, participantId: string, before: number | null, after: number | null) {
  return context.store.recordRatings(
    { courseId, participantId, before, after, at: context.at },
    entry(context, 'course.rating', courseId, 'Registrerede en deltagers selvvurdering.', { participantId }),
  );
}
