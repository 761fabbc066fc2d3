import { addDays } from '../time.ts';

/**
 * Peer counsellors (ADR 036): a cohort trained in modules with hours; a counsellor is certified when every module is
 * attended, whether the attendance was recorded here or in the course system.
 */

type Problem<Field extends string> = { field: Field; message: string };

export const peerWords = {
  purpose: 'Peermedarbejder: uddannelse, certificering og opgaver på tilbuddene.',
};

/** A counsellor's record goes two years after they joined the cohort; certification counts stay as figures. */
export const counsellorDeleteAfter = (today: string) => addDays(today, 730);

export type PeerModule = { id: string; title: string; hours: number; courseSessionId: string | null };

/** Whether a module is attended: recorded directly, or present at the course meeting it is. */
export function attended(module: PeerModule, recorded: ReadonlySet<string>, presentAtSessions: ReadonlySet<string>): boolean {
  return recorded.has(module.id) || (module.courseSessionId !== null && presentAtSessions.has(module.courseSessionId));
}

/** Hours done and the modules still missing. */
export function progress(modules: readonly PeerModule[], recorded: ReadonlySet<string>, presentAtSessions: ReadonlySet<string>) {
  const done = modules.filter((module) => attended(module, recorded, presentAtSessions));
  return { hoursDone: done.reduce((sum, module) => sum + module.hours, 0), hoursAll: modules.reduce((sum, module) => sum + module.hours, 0), missing: modules.filter((module) => !done.includes(module)) };
}

/** Why a counsellor cannot be certified yet, in plain Danish; null when they can. */
export function certificationRefusal(modules: readonly PeerModule[], recorded: ReadonlySet<string>, presentAtSessions: ReadonlySet<string>): string | null {
  if (modules.length === 0) return 'Holdet har ingen moduler endnu. Opret modulerne først.';
  const { missing } = progress(modules, recorded, presentAtSessions);
  if (missing.length === 0) return null;
  return `Peermedarbejderen mangler ${missing.length === 1 ? 'modulet' : 'modulerne'} ${missing.map((module) => `«${module.title}»`).join(', ')}. Certificering kræver, at alle moduler er gennemført.`;
}

/** The year's figure against the target: below, within or above. */
export function againstTarget(certified: number, target: { min: number; max: number }): 'below' | 'within' | 'above' {
  return certified < target.min ? 'below' : certified > target.max ? 'above' : 'within';
}

export type CohortInput = { name: string; year: string; targetMin: string; targetMax: string; course: string };

export function readCohort(input: CohortInput, courses: readonly { id: string }[]): { ok: true; cohort: { name: string; year: number; targetMin: number; targetMax: number; courseId: string | null } } | { ok: false; problems: Problem<keyof CohortInput>[] } {
  const problems: Problem<keyof CohortInput>[] = [];
  const name = input.name.trim();
  if (!name || name.length > 120) problems.push({ field: 'name', message: 'Skriv holdets navn, fx «Peerhold 2027» (højst 120 tegn).' });
  const year = Number(input.year.trim());
  if (!/^\d{4}$/.test(input.year.trim()) || year < 2000 || year > 2100) problems.push({ field: 'year', message: 'Skriv året med fire cifre, fx 2027.' });
  const min = Number(input.targetMin.trim());
  const max = Number(input.targetMax.trim());
  if (!/^\d{1,3}$/.test(input.targetMin.trim()) || min < 1) problems.push({ field: 'targetMin', message: 'Skriv målet som et helt tal, fx 10.' });
  else if (!/^\d{1,3}$/.test(input.targetMax.trim()) || max < min) problems.push({ field: 'targetMax', message: `Skriv det højeste mål som et helt tal, mindst ${min}, fx 12.` });
  if (input.course && !courses.some((course) => course.id === input.course)) problems.push({ field: 'course', message: 'Vælg et forløb på listen, eller intet.' });
  if (problems.length) return { ok: false, problems };
  return { ok: true, cohort: { name, year, targetMin: min, targetMax: max, courseId: input.course || null } };
}

export type ModuleInput = { title: string; hours: string; session: string };

export function readModule(input: ModuleInput, sessions: readonly { id: string }[]): { ok: true; module: { title: string; hours: number; courseSessionId: string | null } } | { ok: false; problems: Problem<keyof ModuleInput>[] } {
  const problems: Problem<keyof ModuleInput>[] = [];
  const title = input.title.trim();
  if (!title || title.length > 120) problems.push({ field: 'title', message: 'Skriv modulets navn, fx «Recovery og egen historie» (højst 120 tegn).' });
  const hours = Number(input.hours.trim());
  if (!/^\d{1,3}$/.test(input.hours.trim()) || hours < 1 || hours > 100) problems.push({ field: 'hours', message: 'Skriv timer som et helt tal fra 1 til 100.' });
  if (input.session && !sessions.some((session) => session.id === input.session)) problems.push({ field: 'session', message: 'Vælg en gang i forløbet, eller «Registreres her».' });
  if (problems.length) return { ok: false, problems };
  return { ok: true, module: { title, hours, courseSessionId: input.session || null } };
}

export type CounsellorInput = { name: string; phone: string; participant: string };

export function readCounsellor(input: CounsellorInput, participants: readonly { id: string }[]): { ok: true; counsellor: { name: string; phone: string | null; participantId: string | null } } | { ok: false; problems: Problem<keyof CounsellorInput>[] } {
  const problems: Problem<keyof CounsellorInput>[] = [];
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name || name.length > 60) problems.push({ field: 'name', message: 'Skriv fornavnet (højst 60 tegn).' });
  const phone = input.phone.trim();
  if (phone && !/^\+?[\d ]{8,15}$/.test(phone)) problems.push({ field: 'phone', message: 'Skriv et telefonnummer med 8 cifre, fx 22 33 44 55, eller lad feltet stå tomt.' });
  if (input.participant && !participants.some((participant) => participant.id === input.participant)) problems.push({ field: 'participant', message: 'Vælg en deltager i holdets forløb, eller ingen.' });
  if (problems.length) return { ok: false, problems };
  return { ok: true, counsellor: { name, phone: phone || null, participantId: input.participant || null } };
}

export type SessionKind = 'peer_meeting' | 'supervision';
export const sessionWords: Record<SessionKind, string> = { peer_meeting: 'Peermøde', supervision: 'Supervision' };
export type SessionInput = { kind: string; offering: string; date: string; startsAt: string; endsAt: string };

/** A peer meeting at an offering (shown in public: where and when) or a supervision session for the cohort. */
export function readSession(input: SessionInput, offerings: readonly { id: string }[]): { ok: true; session: { kind: SessionKind; offeringId: string | null; date: string; startsAt: string; endsAt: string } } | { ok: false; problems: Problem<keyof SessionInput>[] } {
  const problems: Problem<keyof SessionInput>[] = [];
  const kind = input.kind in sessionWords ? (input.kind as SessionKind) : null;
  if (!kind) problems.push({ field: 'kind', message: 'Vælg peermøde eller supervision.' });
  if (input.offering && !offerings.some((offering) => offering.id === input.offering)) problems.push({ field: 'offering', message: 'Vælg et tilbud på listen.' });
  else if (kind === 'peer_meeting' && !input.offering) problems.push({ field: 'offering', message: 'Et peermøde holdes på et tilbud: vælg hvilket.' });
  const date = input.date.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || addDays(date, 0) !== date) problems.push({ field: 'date', message: 'Skriv dagen, fx 2026-12-03.' });
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (!time.test(input.startsAt.trim())) problems.push({ field: 'startsAt', message: 'Skriv hvornår det begynder, fx 14:00.' });
  else if (!time.test(input.endsAt.trim()) || input.endsAt.trim() <= input.startsAt.trim()) problems.push({ field: 'endsAt', message: 'Skriv hvornår det slutter, efter det begynder, fx 15:30.' });
  if (problems.length || !kind) return { ok: false, problems };
  return { ok: true, session: { kind, offeringId: input.offering || null, date, startsAt: input.startsAt.trim(), endsAt: input.endsAt.trim() } };
}

/** A closed cohort keeps everything recorded but takes nothing new. */
export const closedCohortMessage = 'Holdet er lukket, så der kan ikke føjes mere til det. Opret et nyt hold til nye peermedarbejdere.';

/**
 * Why a cohort cannot be deleted, in plain Danish; null when it can. Certifications and sessions with attendance
 * count in the year's figures, so such a cohort is closed instead.
 */
export function cohortDeletionRefusal(facts: { certified: number; sessionsWithAttendance: number; closed: boolean }): string | null {
  const reasons = [
    facts.certified ? `${facts.certified === 1 ? 'en certificeret peermedarbejder' : `${facts.certified} certificerede peermedarbejdere`}` : null,
    facts.sessionsWithAttendance ? `${facts.sessionsWithAttendance === 1 ? 'et møde' : `${facts.sessionsWithAttendance} møder`} med registreret fremmøde` : null,
  ].filter((item): item is string => item !== null);
  if (reasons.length === 0) return null;
  return `Holdet har ${reasons.join(' og ')}, som tæller med i årets tal. ${facts.closed ? 'Holdet er allerede lukket; det bliver stående, så tallene passer.' : 'Luk holdet i stedet: så kan der ikke skrives flere på, og tallene bliver stående.'}`;
}
