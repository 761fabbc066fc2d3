import type { Principal } from '../domain/access/policy.ts';
import { copenhagenDate } from '../domain/time.ts';
import {
  type ApplicationInput,
  type AssignmentInput,
  applicationDeleteAfter,
  assignmentRefusal,
  readApplication,
  readAssignment,
  readStatus,
  type Screening,
  type StatusInput,
  type VolunteerRole,
  volunteerDeleteAfter,
  volunteerWords,
} from '../domain/volunteer/volunteer.ts';
import type { AuditEntry } from './audit.ts';

export type Volunteer = {
  id: string;
  name: string | null;
  contact: string | null;
  interests: string | null;
  cameThrough: 'public_form' | 'in_person';
  screening: Screening;
  trainedOn: string | null;
  insuranceConfirmedOn: string | null;
  agreement: string | null;
  deleteAfter: string;
  version: number;
  anonymised: boolean;
  assignments: { id: string; role: VolunteerRole; hoursPerWeek: number; startsOn: string }[];
};

/** Volunteers on a database (ADR 033); every change with its audit entry in one transaction. */
export type VolunteerStore = {
  volunteersOf(offeringId: string): Promise<Volunteer[]>;
  volunteer(offeringId: string, id: string): Promise<Volunteer | null>;
  add(volunteer: { id: string; offeringId: string; name: string; contact: string; interests: string | null; area: string | null; languages: string | null; cameThrough: 'public_form' | 'in_person'; purpose: string; deleteAfter: string; createdAt: Date }, audit: AuditEntry): Promise<void>;
  /** Saved only if the record is still at `baseVersion`. */
  saveStatus(offeringId: string, id: string, baseVersion: number, status: { screening: Screening; trainedOn: string | null; insuranceOn: string | null; agreement: string | null; screenedAt: Date | null; deleteAfter: string }, audit: AuditEntry): Promise<'saved' | 'stale' | 'not_found'>;
  /** With the volunteer's row locked, the assignment is added only if `allowed` says so for the row as it is. */
  assign(offeringId: string, id: string, assignment: { id: string; role: VolunteerRole; hoursPerWeek: number; startsOn: string; at: Date }, allowed: (volunteer: { screening: Screening; insuranceConfirmedOn: string | null; anonymised: boolean }) => string | null, audit: AuditEntry): Promise<{ kind: 'assigned' } | { kind: 'refused'; message: string } | { kind: 'not_found' }>;
  anonymiseDue(today: string, at: Date): Promise<number>;
};

type Actor = { principal: Principal; source: string; now: Date };
const staffEntry = (actor: Actor, action: string, offeringId: string, summary: string, detail: Record<string, unknown>): AuditEntry => ({
  at: actor.now,
  actorId: actor.principal.accountId,
  actorName: actor.principal.name,
  action,
  resourceType: 'offering',
  resourceId: offeringId,
  summary,
  detail,
  source: actor.source,
});

/** Someone who wants to volunteer, from the public form or met in person; the audit log names no one. */
export async function applyToVolunteer(store: VolunteerStore, now: Date, offering: { id: string; name: string }, input: ApplicationInput, via: { cameThrough: 'public_form'; source: string } | { cameThrough: 'in_person'; actor: Actor }, locale: 'da' | 'en' = 'da') {
  const read = readApplication(input, locale);
  if (!read.ok) return read;
  const id = crypto.randomUUID();
  const summary = `En ny frivillig har meldt sig på ${offering.name}${via.cameThrough === 'public_form' ? ' gennem hjemmesiden' : ''}.`;
  await store.add(
    { id, offeringId: offering.id, ...read.application, cameThrough: via.cameThrough, purpose: volunteerWords.purpose, deleteAfter: applicationDeleteAfter(copenhagenDate(now)), createdAt: now },
    via.cameThrough === 'public_form'
      ? { at: now, actorId: null, actorName: 'Borger', action: 'volunteer.apply', resourceType: 'offering', resourceId: offering.id, summary, detail: { volunteer: id }, source: via.source }
      : staffEntry(via.actor, 'volunteer.apply', offering.id, summary, { volunteer: id }),
  );
  return { ok: true as const, id };
}

export async function saveVolunteerStatus(store: VolunteerStore, actor: Actor, offering: { id: string; name: string }, volunteer: Volunteer, baseVersion: number, input: StatusInput) {
  const today = copenhagenDate(actor.now);
  const read = readStatus(input, today);
  if (!read.ok) return read;
  const outcome = await store.saveStatus(
    offering.id,
    volunteer.id,
    baseVersion,
    { ...read.status, screenedAt: read.status.screening !== volunteer.screening && read.status.screening !== 'pending' ? actor.now : null, deleteAfter: read.status.screening === 'refused' ? applicationDeleteAfter(today) : volunteerDeleteAfter(today) },
    staffEntry(actor, 'volunteer.status', offering.id, `En frivilligs screening, introduktion eller forsikring er registreret på ${offering.name}: ${volunteerWords.screening[read.status.screening].toLocaleLowerCase('da')}.`, {
      volunteer: volunteer.id,
      screening: read.status.screening,
      trained: read.status.trainedOn !== null,
      insured: read.status.insuranceOn !== null,
    }),
  );
  return { ok: true as const, outcome };
}

/** An assignment, refused in plain Danish until the screening is approved and the insurance recorded. */
export async function assignVolunteer(store: VolunteerStore, actor: Actor, offering: { id: string; name: string }, volunteer: Volunteer, input: AssignmentInput) {
  const read = readAssignment(input);
  if (!read.ok) return read;
  const outcome = await store.assign(
    offering.id,
    volunteer.id,
    { id: crypto.randomUUID(), ...read.assignment, at: actor.now },
    assignmentRefusal,
    staffEntry(actor, 'volunteer.assign', offering.id, `En frivillig har fået opgaven «${volunteerWords.roles[read.assignment.role]}» på ${offering.name}.`, { volunteer: volunteer.id, role: read.assignment.role }),
  );
  return { ok: true as const, outcome };
}
