import type { Principal } from '../domain/access/policy.ts';
import {
  type CohortInput,
  type CounsellorInput,
  certificationRefusal,
  closedCohortMessage,
  cohortDeletionRefusal,
  counsellorDeleteAfter,
  type ModuleInput,
  type PeerModule,
  peerWords,
  progress,
  readCohort,
  readCounsellor,
  readModule,
  readSession,
  type SessionInput,
  type SessionKind,
  sessionWords,
} from '../domain/peer/peer.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { AuditEntry } from './audit.ts';

export type PeerCounsellor = {
  id: string;
  name: string | null;
  phone: string | null;
  participantId: string | null;
  certifiedOn: string | null;
  /** Modules recorded here, and the course meetings the linked participant was present at. */
  recorded: Set<string>;
  presentAtSessions: Set<string>;
  assignments: { offeringName: string; courseTitle: string | null; since: string }[];
};

export type PeerCohort = {
  id: string;
  name: string;
  year: number;
  targetMin: number;
  targetMax: number;
  courseId: string | null;
  courseTitle: string | null;
  /** The day it was closed: nothing new is added after it. */
  closedOn: string | null;
  modules: PeerModule[];
  sessions: PeerSession[];
  counsellors: PeerCounsellor[];
};

export type PeerSession = { id: string; kind: SessionKind; offeringName: string | null; date: string; startsAt: string; endsAt: string; /** The counsellors recorded as present. */ present: Set<string> };

/** A peer meeting as the public sees it: where and when, never who comes. */
export type PublicPeerMeeting = { id: string; offeringId: string; offeringName: string; offeringSlug: string; date: string; startsAt: string; endsAt: string };

/** Sessions held in a year (those with attendance recorded) and the attendances at them. */
export type SessionFigure = { held: number; attendances: number };
export type PeerYear = { year: number; certified: number; targetMin: number; targetMax: number; peerMeetings: SessionFigure; supervision: SessionFigure };

/** Peer counsellors on a database (ADR 036); every change with its audit entry in one transaction. */
export type PeerStore = {
  cohorts(): Promise<{ id: string; name: string; year: number; counsellors: number; certified: number; closedOn: string | null }[]>;
  /** The cohort deleted with everything on it, unless `refuse` says no on the facts read under its lock. */
  deleteCohort(cohortId: string, refuse: (facts: { certified: number; sessionsWithAttendance: number; closed: boolean }) => string | null, audit: AuditEntry): Promise<'deleted' | 'not_found' | { refused: string }>;
  closeCohort(cohortId: string, on: string, audit: AuditEntry): Promise<'closed' | 'already' | 'not_found'>;
  cohort(id: string): Promise<PeerCohort | null>;
  /** Certified per year against the targets of the cohorts of that year. */
  years(): Promise<PeerYear[]>;
  courses(): Promise<{ id: string; title: string }[]>;
  sessionsOf(courseId: string): Promise<{ id: string; date: string; startsAt: string }[]>;
  participantsOf(courseId: string): Promise<{ id: string; name: string }[]>;
  offerings(): Promise<{ id: string; name: string }[]>;
  addCohort(cohort: { id: string; name: string; year: number; targetMin: number; targetMax: number; courseId: string | null; at: Date }, audit: AuditEntry): Promise<void>;
  addModule(cohortId: string, module: { id: string; title: string; hours: number; courseSessionId: string | null }, audit: AuditEntry): Promise<void>;
  addCounsellor(cohortId: string, counsellor: { id: string; name: string; phone: string | null; participantId: string | null; purpose: string; deleteAfter: string; at: Date }, audit: AuditEntry): Promise<void>;
  recordAttendance(counsellorId: string, moduleId: string, at: Date, audit: AuditEntry): Promise<void>;
  /** Certified only if `allowed` says so on the attendance read in the same transaction. */
  certify(cohortId: string, counsellorId: string, on: string, allowed: (cohort: PeerCohort, counsellor: PeerCounsellor) => string | null, audit: AuditEntry): Promise<{ kind: 'certified' } | { kind: 'refused'; message: string } | { kind: 'not_found' }>;
  assign(counsellorId: string, assignment: { id: string; offeringId: string; courseId: string | null; since: string; at: Date }, audit: AuditEntry): Promise<void>;
  /** Counsellors past their deletion date lose name and phone; a certification stays counted. */
  anonymiseDue(today: string, at: Date): Promise<number>;
  /** Who came to a session: the set replaces what was recorded, with its audit entry, in one transaction. */
  saveSessionAttendance(cohortId: string, sessionId: string, counsellorIds: readonly string[], at: Date, audit: AuditEntry): Promise<void>;
  addSession(cohortId: string, session: { id: string; kind: SessionKind; offeringId: string | null; date: string; startsAt: string; endsAt: string; at: Date }, audit: AuditEntry): Promise<void>;
  /** Peer meetings from `today` on, across cohorts: where and when, for the public page. */
  upcomingPeerMeetings(today: string): Promise<{ offeringName: string; offeringSlug: string; date: string; startsAt: string; endsAt: string }[]>;
  /** Peer meetings from `from` to `to` (inclusive; null: no end) at the given offerings (all when omitted): no one named. */
  peerMeetingsBetween(from: string, to: string | null, offeringIds?: readonly string[]): Promise<PublicPeerMeeting[]>;
  /** The city-wide peer network: the offerings a certified counsellor works at from `today` or before, no one named. */
  networkOfferings(today: string): Promise<{ name: string; slug: string }[]>;
  /** Every certified counsellor across cohorts with their assignments, for the back office. */
  certifiedAcrossCohorts(): Promise<PeerNetworkMember[]>;
};

export type PeerNetworkMember = { id: string; name: string | null; cohortId: string; cohortName: string; certifiedOn: string; assignments: { offeringName: string; courseTitle: string | null; since: string }[] };

type Actor = { principal: Principal; source: string; now: Date };
const entry = (actor: Actor, action: string, cohortId: string, summary: string, detail: Record<string, unknown> = {}): AuditEntry => ({
  at: actor.now,
  actorId: actor.principal.accountId,
  actorName: actor.principal.name,
  action,
  resourceType: 'peer_cohort',
  resourceId: cohortId,
  summary,
  detail,
  source: actor.source,
});

export async function createPeerCohort(store: PeerStore, actor: Actor, input: CohortInput) {
  const read = readCohort(input, await store.courses());
  if (!read.ok) return read;
  const id = crypto.randomUUID();
  await store.addCohort({ id, ...read.cohort, at: actor.now }, entry(actor, 'peer.cohort', id, `Peerholdet «${read.cohort.name}» er oprettet med målet ${read.cohort.targetMin}–${read.cohort.targetMax}.`));
  return { ok: true as const, id };
}

export async function addPeerModule(store: PeerStore, actor: Actor, cohort: PeerCohort, input: ModuleInput) {
  if (cohort.closedOn) return { ok: false as const, problems: [{ field: 'title' as const, message: closedCohortMessage }] };
  const read = readModule(input, cohort.courseId ? await store.sessionsOf(cohort.courseId) : []);
  if (!read.ok) return read;
  const id = crypto.randomUUID();
  await store.addModule(cohort.id, { id, ...read.module }, entry(actor, 'peer.module', cohort.id, `Modulet «${read.module.title}» (${read.module.hours} timer) er føjet til ${cohort.name}.`, { module: id }));
  return { ok: true as const, id };
}

export async function addPeerCounsellor(store: PeerStore, actor: Actor, cohort: PeerCohort, input: CounsellorInput) {
  if (cohort.closedOn) return { ok: false as const, problems: [{ field: 'name' as const, message: closedCohortMessage }] };
  const read = readCounsellor(input, cohort.courseId ? await store.participantsOf(cohort.courseId) : []);
  if (!read.ok) return read;
  const id = crypto.randomUUID();
  await store.addCounsellor(
    cohort.id,
    { id, ...read.counsellor, purpose: peerWords.purpose, deleteAfter: counsellorDeleteAfter(copenhagenDate(actor.now)), at: actor.now },
    entry(actor, 'peer.counsellor', cohort.id, `En peermedarbejder er skrevet på ${cohort.name}.`, { counsellor: id, linkedToCourse: read.counsellor.participantId !== null }),
  );
  return { ok: true as const, id };
}

export function recordPeerAttendance(store: PeerStore, actor: Actor, cohort: PeerCohort, counsellor: PeerCounsellor, module: PeerModule) {
  return store.recordAttendance(counsellor.id, module.id, actor.now, entry(actor, 'peer.attendance', cohort.id, `Fremmøde på modulet «${module.title}» er registreret på ${cohort.name}.`, { counsellor: counsellor.id, module: module.id }));
}

/** Certified when every module is attended; the refusal names the modules missing. */
export function certifyPeerCounsellor(store: PeerStore, actor: Actor, cohort: PeerCohort, counsellor: PeerCounsellor) {
  const today = copenhagenDate(actor.now);
  return store.certify(
    cohort.id,
    counsellor.id,
    today,
    (current, person) => (person.certifiedOn ? 'Peermedarbejderen er allerede certificeret.' : certificationRefusal(current.modules, person.recorded, person.presentAtSessions)),
    entry(actor, 'peer.certify', cohort.id, `En peermedarbejder på ${cohort.name} er certificeret.`, { counsellor: counsellor.id, hours: progress(cohort.modules, counsellor.recorded, counsellor.presentAtSessions).hoursDone }),
  );
}

export async function assignPeerCounsellor(store: PeerStore, actor: Actor, cohort: PeerCohort, counsellor: PeerCounsellor, input: { offering: string; course: string; since: string }) {
  const problems: { field: string; message: string }[] = [];
  if (!counsellor.certifiedOn) problems.push({ field: 'offering', message: 'En peermedarbejder får først opgaver, når vedkommende er certificeret.' });
  const offerings = await store.offerings();
  const offering = offerings.find((item) => item.id === input.offering);
  if (!offering) problems.push({ field: 'offering', message: 'Vælg et tilbud på listen.' });
  const courses = await store.courses();
  if (input.course && !courses.some((course) => course.id === input.course)) problems.push({ field: 'course', message: 'Vælg et forløb på listen, eller intet.' });
  const since = input.since.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(`${since}T00:00:00Z`))) problems.push({ field: 'since', message: 'Skriv den dag, opgaven begynder, fx 2027-01-04.' });
  if (problems.length || !offering) return { ok: false as const, problems };
  await store.assign(counsellor.id, { id: crypto.randomUUID(), offeringId: offering.id, courseId: input.course || null, since, at: actor.now }, entry(actor, 'peer.assign', cohort.id, `En peermedarbejder fra ${cohort.name} har fået en opgave på ${offering.name}.`, { counsellor: counsellor.id, offering: offering.id }));
  return { ok: true as const };
}

export async function addPeerSession(store: PeerStore, actor: Actor, cohort: PeerCohort, input: SessionInput) {
  if (cohort.closedOn) return { ok: false as const, problems: [{ field: 'kind' as const, message: closedCohortMessage }] };
  const offerings = await store.offerings();
  const read = readSession(input, offerings);
  if (!read.ok) return read;
  const where = offerings.find((offering) => offering.id === read.session.offeringId)?.name;
  await store.addSession(cohort.id, { id: crypto.randomUUID(), ...read.session, at: actor.now }, entry(actor, 'peer.session', cohort.id, `${sessionWords[read.session.kind]} ${read.session.date}${where ? ` på ${where}` : ''} er sat på for ${cohort.name}.`));
  return { ok: true as const };
}

/** Who of the cohort came to a peer meeting or supervision session: the ticked counsellors; not before the day. */
export async function recordSessionAttendance(store: PeerStore, actor: Actor, cohort: PeerCohort, session: PeerSession, ticked: readonly string[]) {
  if (session.date > copenhagenDate(actor.now)) return { ok: false as const, problems: [{ field: 'present-1', message: 'Mødet er ikke holdt endnu. Fremmødet registreres på dagen eller bagefter.' }] };
  const known = new Set(cohort.counsellors.map((person) => person.id));
  if (ticked.some((id) => !known.has(id))) return { ok: false as const, problems: [{ field: 'present-1', message: 'Sæt kun kryds ved peermedarbejdere på listen.' }] };
  const present = [...new Set(ticked)];
  const what = `${sessionWords[session.kind]} ${session.date}${session.offeringName ? ` på ${session.offeringName}` : ''}`;
  await store.saveSessionAttendance(cohort.id, session.id, present, actor.now, entry(actor, 'peer.session_attendance', cohort.id, `Fremmødet til ${what} er gemt for ${cohort.name}: ${present.length} af ${cohort.counsellors.length}.`, { session: session.id, present: present.length }));
  return { ok: true as const };
}

/** The facts the confirmation page shows, the same the store checks again under the lock. */
export function cohortDeletionFacts(cohort: PeerCohort, certifiedIncludingAnonymised: number) {
  return { certified: certifiedIncludingAnonymised, sessionsWithAttendance: cohort.sessions.filter((session) => session.present.size > 0).length, closed: cohort.closedOn !== null };
}

/** A cohort deleted (one set up by mistake); refused once its figures count, with closing suggested. */
export function deletePeerCohort(store: PeerStore, actor: Actor, cohort: PeerCohort) {
  return store.deleteCohort(cohort.id, cohortDeletionRefusal, entry(actor, 'peer.cohort_delete', cohort.id, `Peerholdet «${cohort.name}» (${cohort.year}) er slettet med ${cohort.counsellors.length} peermedarbejdere, ${cohort.modules.length} moduler og ${cohort.sessions.length} møder.`));
}

/** A cohort closed: nothing new is added; what is recorded, and the year's figures, stay. */
export function closePeerCohort(store: PeerStore, actor: Actor, cohort: PeerCohort) {
  return store.closeCohort(cohort.id, copenhagenDate(actor.now), entry(actor, 'peer.cohort_close', cohort.id, `Peerholdet «${cohort.name}» er lukket.`));
}
