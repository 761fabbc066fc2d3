import type { Principal } from '../domain/access/policy.ts';
import {
  type CouncilInput,
  type CouncilKind,
  type ConsentHow,
  councilWords,
  type DecisionFollowUp,
  type MeetingInput,
  type MemberInput,
  type MemberRecord,
  memberDeleteAfter,
  meetingDeletionRefusal,
  type Problem,
  readCouncil,
  readMeeting,
  readMember,
} from '../domain/council/council.ts';
import { slugOf } from '../domain/danish-text.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { AuditEntry } from './audit.ts';

export type Council = {
  id: string;
  slug: string;
  offeringId: string | null;
  kind: CouncilKind;
  name: string;
  purpose: string;
  howToJoin: string;
  isExample: boolean;
};

/** A member as the back office sees them: the consent, how it was given, by whom recorded, and the deletion date. */
export type CouncilMember = MemberRecord & {
  contact: string | null;
  consentAt: Date;
  consentHow: ConsentHow;
  consentRecordedByName: string;
  purpose: string;
  deleteAfter: string;
};

export type CouncilMeeting = {
  id: string;
  date: string;
  time: string | null;
  agenda: string;
  minutes: string | null;
  version: number;
  presentIds: string[];
  decisions: { text: string; becomes: DecisionFollowUp | null }[];
};

/** A council with its place, members and meetings (newest first): what its pages draw from. */
export type CouncilWhole = Council & { offering: { slug: string; name: string } | null; members: CouncilMember[]; meetings: CouncilMeeting[] };

/** Councils on a database (ADR 033). Every change is written with its audit entry in one transaction. */
export type CouncilStore = {
  /** The councils of an offering, or the city-wide ones for null. */
  councilsOf(offeringId: string | null): Promise<Council[]>;
  /** Every council with its offering's name, for the public list. */
  allCouncils(): Promise<(Council & { offering: { slug: string; name: string } | null })[]>;
  councilById(id: string): Promise<CouncilWhole | null>;
  councilBySlug(slug: string): Promise<CouncilWhole | null>;
  slugTaken(slug: string): Promise<boolean>;
  createCouncil(council: Council & { createdAt: Date }, audit: AuditEntry): Promise<void>;
  addMember(member: { id: string; councilId: string; name: string; contact: string | null; role: 'chair' | 'member'; namedPublicly: boolean; consentAt: Date; consentHow: ConsentHow; consentRecordedByName: string; purpose: string; deleteAfter: string }, audit: AuditEntry): Promise<void>;
  /** The member's consent withdrawn: name and contact gone at once. 'not_found' for a member of another council or one already gone. */
  withdrawMember(councilId: string, memberId: string, at: Date, audit: AuditEntry): Promise<'withdrawn' | 'not_found'>;
  /**
   * A meeting added (no id in the database yet) or replaced whole, with its present members and decisions.
   * 'stale' when the meeting changed since the form was read (its version moved on).
   */
  saveMeeting(councilId: string, meeting: { id: string; baseVersion: number | null; date: string; time: string | null; agenda: string; minutes: string | null; presentIds: string[]; decisions: { text: string; becomes: DecisionFollowUp | null }[]; at: Date }, audit: AuditEntry): Promise<'saved' | 'stale' | 'not_found'>;
  /** The meeting deleted with who was present, unless `refuse` says no on the facts read under its lock. */
  deleteMeeting(councilId: string, meetingId: string, refuse: (facts: { decisions: number }) => string | null, audit: AuditEntry): Promise<'deleted' | 'not_found' | { refused: string }>;
  /** The retention rule: members whose deletion date has passed are anonymised; how many. */
  anonymiseDue(today: string, at: Date): Promise<number>;
  /** Reading the member list is a read of personal data: audited. */
  audit(entry: AuditEntry): Promise<void>;
};

type Actor = { principal: Principal; source: string; now: Date };

const entry = (actor: Actor, action: string, resourceId: string, summary: string, detail: Record<string, unknown> = {}): AuditEntry => ({
  at: actor.now,
  actorId: actor.principal.accountId,
  actorName: actor.principal.name,
  action,
  resourceType: 'council',
  resourceId,
  summary,
  detail,
  source: actor.source,
});

/** A new council for an offering, or a city-wide one for null; its address made from its name. */
export async function createCouncil(
  store: CouncilStore,
  actor: Actor,
  offering: { id: string; slug: string; name: string } | null,
  input: CouncilInput,
): Promise<{ ok: true; slug: string; id: string } | { ok: false; problems: Problem<keyof CouncilInput>[] }> {
  const read = readCouncil(input, offering === null);
  if (!read.ok) return read;
  const base = slugOf(read.council.name, offering ? `${offering.slug}-raad` : 'byraad', 100);
  let slug = base;
  for (let n = 2; await store.slugTaken(slug); n++) slug = `${base}-${n}`;
  const id = crypto.randomUUID();
  await store.createCouncil(
    { id, slug, offeringId: offering?.id ?? null, ...read.council, isExample: false, createdAt: actor.now },
    entry(actor, 'council.create', id, `${councilWords.kinds[read.council.kind]} «${read.council.name}» oprettet${offering ? ` for ${offering.name}` : ''}.`, { slug }),
  );
  return { ok: true, slug, id };
}

/** A member written into a council with their consent; the deletion date two years on. */
export async function addCouncilMember(store: CouncilStore, actor: Actor, council: Council, input: MemberInput) {
  const read = readMember(input);
  if (!read.ok) return read;
  const id = crypto.randomUUID();
  const { member } = read;
  await store.addMember(
    {
      id,
      councilId: council.id,
      name: member.name,
      contact: member.contact,
      role: member.role,
      namedPublicly: member.namedPublicly,
      consentAt: actor.now,
      consentHow: member.consentHow,
      consentRecordedByName: actor.principal.name,
      purpose: councilWords.memberPurpose,
      deleteAfter: memberDeleteAfter(copenhagenDate(actor.now)),
    },
    // The audit log names no member: it outlives the member record.
    entry(actor, 'council.member_add', council.id, `Et medlem er skrevet op i «${council.name}» med samtykke (${councilWords.consentHow[member.consentHow].toLocaleLowerCase('da')}).`, {
      member: id,
      namedPublicly: member.namedPublicly,
    }),
  );
  return { ok: true as const, id };
}

/** A member withdraws their consent: their name and contact are removed at once, from every page. */
export async function withdrawCouncilMember(store: CouncilStore, actor: Actor, council: Council, memberId: string) {
  return store.withdrawMember(council.id, memberId, actor.now, entry(actor, 'council.member_withdraw', council.id, `Et medlem af «${council.name}» har trukket sit samtykke tilbage; navn og kontakt er slettet.`, { member: memberId }));
}

/** A meeting added or changed: the texts checked for members' names, the present members and the decisions. */
export async function saveCouncilMeeting(
  store: CouncilStore,
  actor: Actor,
  council: CouncilWhole,
  meetingId: string | null,
  baseVersion: number | null,
  input: MeetingInput,
): Promise<{ ok: true; outcome: 'saved' | 'stale' | 'not_found'; id: string } | { ok: false; problems: Problem<string>[] }> {
  const read = readMeeting(input, council.members);
  if (!read.ok) return read;
  const id = meetingId ?? crypto.randomUUID();
  const { meeting } = read;
  const outcome = await store.saveMeeting(
    council.id,
    { id, baseVersion: meetingId ? baseVersion : null, date: meeting.date, time: meeting.time, agenda: meeting.agenda, minutes: meeting.minutes, presentIds: meeting.present, decisions: meeting.decisions, at: actor.now },
    entry(actor, meetingId ? 'council.meeting_edit' : 'council.meeting_add', council.id, `Mødet den ${meeting.date} i «${council.name}» er ${meetingId ? 'rettet' : 'oprettet'}${meeting.minutes ? ' med referat' : ''}.`, {
      meeting: id,
      decisions: meeting.decisions.length,
      present: meeting.present.length,
    }),
  );
  return { ok: true, outcome, id };
}

/** ADR 033's retention rule: members past their deletion date are anonymised. Running it again changes nothing. */
export async function anonymiseCouncilMembers(store: CouncilStore, now: Date): Promise<number> {
  return store.anonymiseDue(copenhagenDate(now), now);
}

/** A meeting deleted from the back office (one entered by mistake); refused when it holds decisions. */
export function deleteCouncilMeeting(store: CouncilStore, actor: Actor, council: CouncilWhole, meeting: CouncilMeeting) {
  return store.deleteMeeting(council.id, meeting.id, meetingDeletionRefusal, entry(actor, 'council.meeting_delete', council.id, `Mødet ${meeting.date} i «${council.name}» er slettet.`, { meeting: meeting.id }));
}
