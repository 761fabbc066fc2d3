import type { Principal } from '../domain/access/policy.ts';
import {
  type MeetingInput,
  type ProposalInput,
  type RegistrationInput,
  readMeeting,
  readProposal,
  readRegistration,
  readTally,
  registrationDeleteAfter,
  type TallyInput,
  userMeetingWords,
} from '../domain/user-meeting/user-meeting.ts';
import type { AuditEntry } from './audit.ts';

export type UserMeeting = {
  id: string;
  slug: string;
  title: string;
  heldOn: string;
  startsAt: string;
  place: string;
  seats: number;
  agenda: string;
  minutes: string | null;
  minutesPublished: boolean;
  registrationOpen: boolean;
  isExample: boolean;
  version: number;
  registered: number;
  waiting: number;
  proposals: { id: string; councilName: string | null; title: string; text: string; tally: { for: number; against: number; blank: number } | null }[];
};

export type MeetingRegistration = {
  id: string;
  position: number;
  state: 'registered' | 'waiting' | 'left';
  name: string | null;
  phone: string | null;
  meetsAtOffering: boolean;
  accessNeeds: string | null;
  interpreter: string | null;
  cameThrough: 'public_form' | 'staff';
  movedUpAt: Date | null;
  createdAt: Date;
};

export type RegisterOutcome = { kind: 'registered' | 'waiting'; id: string; position: number } | { kind: 'closed' } | { kind: 'not_found' };
export type LeaveMeetingOutcome = { kind: 'left'; movedUp: number } | { kind: 'already_left' } | { kind: 'not_found' };

/** The user meeting on a database (ADR 036); every change with its audit entry in one transaction. */
export type UserMeetingStore = {
  meetings(): Promise<UserMeeting[]>;
  meetingById(id: string): Promise<UserMeeting | null>;
  /** The next meeting from `today`, or else the last one held. */
  currentMeeting(today: string): Promise<UserMeeting | null>;
  councils(): Promise<{ id: string; name: string }[]>;
  createMeeting(meeting: { id: string; slug: string; title: string; heldOn: string; startsAt: string; place: string; seats: number; agenda: string; at: Date }, audit: AuditEntry): Promise<void>;
  /** Saved only at `baseVersion`; more seats move those waiting up in the same transaction. */
  saveMeeting(id: string, baseVersion: number, change: { title: string; heldOn: string; startsAt: string; place: string; seats: number; agenda: string; minutes: string | null; publishMinutes: boolean; registrationOpen: boolean; at: Date }, audit: AuditEntry): Promise<'saved' | 'stale' | 'not_found'>;
  /** With the meeting's row locked: a seat while there is one, else the waiting list. */
  register(meetingId: string, registration: { id: string; tokenHash: string; name: string; phone: string | null; meetsAtOffering: boolean; accessNeeds: string | null; interpreter: string | null; cameThrough: 'public_form' | 'staff'; purpose: string; deleteAfter: string; at: Date }, audit: (placed: { state: 'registered' | 'waiting'; position: number }) => AuditEntry): Promise<RegisterOutcome>;
  registrationByToken(tokenHash: string): Promise<{ registration: MeetingRegistration; meeting: UserMeeting; ahead: number } | null>;
  registrations(meetingId: string): Promise<MeetingRegistration[]>;
  /** By the personal link (token hash) or by staff (id); a freed seat goes to the first waiting, in the same transaction. */
  leave(meetingId: string, who: { tokenHash: string } | { id: string }, at: Date, audit: (registrationId: string, movedUp: number) => AuditEntry): Promise<LeaveMeetingOutcome>;
  addProposal(meetingId: string, proposal: { id: string; councilId: string; title: string; text: string; at: Date }, audit: AuditEntry): Promise<void>;
  tally(meetingId: string, proposalId: string, tally: { for: number; against: number; blank: number; at: Date }, audit: AuditEntry): Promise<boolean>;
  anonymiseDue(today: string, at: Date): Promise<number>;
};

type Actor = { principal: Principal; source: string; now: Date };
const staffEntry = (actor: Actor, action: string, meetingId: string, summary: string, detail: Record<string, unknown> = {}): AuditEntry => ({
  at: actor.now,
  actorId: actor.principal.accountId,
  actorName: actor.principal.name,
  action,
  resourceType: 'user_meeting',
  resourceId: meetingId,
  summary,
  detail,
  source: actor.source,
});

export async function createUserMeeting(store: UserMeetingStore, actor: Actor, input: MeetingInput, taken: (slug: string) => boolean) {
  const read = readMeeting(input);
  if (!read.ok) return read;
  const id = crypto.randomUUID();
  const base = `brugermoedet-${read.meeting.heldOn}`;
  let slug = base;
  for (let n = 2; taken(slug); n++) slug = `${base}-${n}`;
  await store.createMeeting({ id, slug, ...read.meeting, at: actor.now }, staffEntry(actor, 'user_meeting.create', id, `Brugermødet ${read.meeting.heldOn} er oprettet med ${read.meeting.seats} pladser.`));
  return { ok: true as const, id };
}

export async function saveUserMeeting(store: UserMeetingStore, actor: Actor, meeting: UserMeeting, baseVersion: number, input: MeetingInput & { minutes: string; publishMinutes: boolean; registrationOpen: boolean }) {
  const read = readMeeting(input);
  const minutes = input.minutes.trim();
  const problems: { field: string; message: string }[] = read.ok ? [] : [...read.problems];
  if (minutes.length > 8000) problems.push({ field: 'minutes', message: 'Referatet må højst være 8000 tegn.' });
  if (input.publishMinutes && !minutes) problems.push({ field: 'minutes', message: 'Skriv referatet, før det offentliggøres.' });
  if (!read.ok || problems.length) return { ok: false as const, problems };
  const outcome = await store.saveMeeting(
    meeting.id,
    baseVersion,
    { ...read.meeting, minutes: minutes || null, publishMinutes: input.publishMinutes, registrationOpen: input.registrationOpen, at: actor.now },
    staffEntry(actor, 'user_meeting.save', meeting.id, `Brugermødet ${read.meeting.heldOn} er ændret${input.publishMinutes ? '; referatet er offentligt' : ''}.`, { seats: read.meeting.seats, minutesPublished: input.publishMinutes }),
  );
  return { ok: true as const, outcome };
}

/** Register from the public form or by staff; the audit entry names no one, only the place in the line. */
export async function registerForMeeting(store: UserMeetingStore, meeting: UserMeeting, input: RegistrationInput, tokenHash: string, now: Date, via: { cameThrough: 'public_form'; source: string } | { cameThrough: 'staff'; actor: Actor }, locale: 'da' | 'en' = 'da') {
  const read = readRegistration(input, locale);
  if (!read.ok) return read;
  const id = crypto.randomUUID();
  const outcome = await store.register(
    meeting.id,
    { id, tokenHash, ...read.registration, cameThrough: via.cameThrough, purpose: userMeetingWords.purpose, deleteAfter: registrationDeleteAfter(meeting.heldOn), at: now },
    (placed) => {
      const summary = placed.state === 'registered' ? `En deltager er tilmeldt ${meeting.title} (nr. ${placed.position}).` : `En deltager er på ventelisten til ${meeting.title} (nr. ${placed.position}).`;
      const detail = { registration: id, state: placed.state, accessNeeds: read.registration.accessNeeds !== null, interpreter: read.registration.interpreter !== null };
      return via.cameThrough === 'public_form'
        ? { at: now, actorId: null, actorName: 'En borger (uden login)', action: 'user_meeting.register', resourceType: 'user_meeting', resourceId: meeting.id, summary, detail, source: via.source }
        : staffEntry(via.actor, 'user_meeting.register', meeting.id, summary, detail);
    },
  );
  return { ok: true as const, outcome };
}

export function leaveMeeting(store: UserMeetingStore, meetingId: string, who: { tokenHash: string } | { id: string }, now: Date, by: { source: string } | { actor: Actor }) {
  return store.leave(meetingId, who, now, (registrationId, movedUp) => {
    const summary = `En deltager har meldt fra${movedUp ? `, og ${movedUp} fra ventelisten har fået en plads` : ''}.`;
    const detail = { registration: registrationId, movedUp };
    return 'actor' in by
      ? staffEntry(by.actor, 'user_meeting.leave', meetingId, summary, detail)
      : { at: now, actorId: null, actorName: 'En borger (uden login)', action: 'user_meeting.leave', resourceType: 'user_meeting', resourceId: meetingId, summary, detail, source: by.source };
  });
}

export async function addMeetingProposal(store: UserMeetingStore, actor: Actor, meeting: UserMeeting, input: ProposalInput) {
  const councils = await store.councils();
  const read = readProposal(input, councils);
  if (!read.ok) return read;
  const id = crypto.randomUUID();
  await store.addProposal(meeting.id, { id, ...read.proposal, at: actor.now }, staffEntry(actor, 'user_meeting.proposal', meeting.id, `Et forslag fra ${councils.find((council) => council.id === read.proposal.councilId)?.name} er sat på ${meeting.title}.`, { proposal: id }));
  return { ok: true as const, id };
}

export async function tallyMeetingProposal(store: UserMeetingStore, actor: Actor, meeting: UserMeeting, proposalId: string, input: TallyInput) {
  const read = readTally(input, meeting.seats);
  if (!read.ok) return read;
  const saved = await store.tally(meeting.id, proposalId, { ...read.tally, at: actor.now }, staffEntry(actor, 'user_meeting.tally', meeting.id, `Stemmerne om et forslag på ${meeting.title} er talt: ${read.tally.for} for, ${read.tally.against} imod, ${read.tally.blank} hverken for eller imod.`, { proposal: proposalId, ...read.tally }));
  return { ok: true as const, saved };
}
