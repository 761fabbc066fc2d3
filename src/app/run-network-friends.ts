import type { Principal } from '../domain/access/policy.ts';
import { addDays, copenhagenDate } from '../domain/time.ts';
import { type Candidate, type FriendRequestInput, friendWords, matchRefusal, readFriendRequest } from '../domain/volunteer/friends.ts';
import type { AuditEntry } from './audit.ts';

export type FriendMatch = { id: string; volunteerId: string; volunteerName: string | null; matchedOn: string; followUp1On: string | null; followUp3On: string | null; endedOn: string | null; endedBy: 'user' | 'volunteer' | 'staff' | null };
export type FriendRequest = { id: string; name: string | null; contact: string | null; interests: string | null; area: string | null; languages: string | null; requestedOn: string; deleteAfter: string; matches: FriendMatch[] };
export type FriendCandidate = Candidate & { name: string | null };

/** Network friends on a database (ADR 033); every change with its audit entry in one transaction. */
export type FriendStore = {
  requestsOf(offeringId: string): Promise<FriendRequest[]>;
  candidates(offeringId: string): Promise<FriendCandidate[]>;
  addRequest(request: { id: string; offeringId: string; name: string; contact: string | null; interests: string | null; area: string | null; languages: string | null; requestedOn: string; purpose: string; deleteAfter: string }, audit: AuditEntry): Promise<void>;
  /** With the volunteer's row locked, `refusal` decides on the volunteer as they are; one running match per request. */
  match(offeringId: string, requestId: string, volunteerId: string, on: string, refusal: (volunteer: Candidate | null) => string | null, audit: AuditEntry): Promise<{ kind: 'matched' } | { kind: 'refused'; message: string } | { kind: 'not_found' }>;
  followUp(offeringId: string, matchId: string, which: 1 | 3, on: string, audit: AuditEntry): Promise<'saved' | 'not_found'>;
  end(offeringId: string, matchId: string, by: 'user' | 'volunteer' | 'staff', on: string, audit: AuditEntry): Promise<'ended' | 'not_found'>;
  anonymiseDue(today: string, at: Date): Promise<number>;
};

type Actor = { principal: Principal; source: string; now: Date };
const entry = (actor: Actor, action: string, offeringId: string, summary: string, detail: Record<string, unknown>): AuditEntry => ({
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

/** A user asks for a network friend at the offering or through staff; kept two years. */
export async function requestFriend(store: FriendStore, actor: Actor, offering: { id: string; name: string }, input: FriendRequestInput) {
  const read = readFriendRequest(input);
  if (!read.ok) return read;
  const id = crypto.randomUUID();
  const today = copenhagenDate(actor.now);
  await store.addRequest(
    { id, offeringId: offering.id, ...read.request, requestedOn: today, purpose: friendWords.purpose, deleteAfter: addDays(today, 730) },
    entry(actor, 'friend.request', offering.id, `En bruger har bedt om en netværksven på ${offering.name}.`, { request: id }),
  );
  return { ok: true as const, id };
}

/** A match, only with a screened and insured volunteer and both parties' yes. */
export async function matchFriend(store: FriendStore, actor: Actor, offering: { id: string; name: string }, requestId: string, input: { volunteer: string; userConsent: boolean; volunteerConsent: boolean }) {
  return store.match(offering.id, requestId, input.volunteer, copenhagenDate(actor.now), (volunteer) => matchRefusal(volunteer, { user: input.userConsent, volunteer: input.volunteerConsent }), entry(actor, 'friend.match', offering.id, `En netværksven er fundet på ${offering.name}; begge har sagt ja.`, { request: requestId, volunteer: input.volunteer }));
}

export async function recordFollowUp(store: FriendStore, actor: Actor, offering: { id: string; name: string }, matchId: string, which: 1 | 3) {
  return store.followUp(offering.id, matchId, which, copenhagenDate(actor.now), entry(actor, 'friend.follow_up', offering.id, `Opfølgning efter ${which === 1 ? 'en måned' : 'tre måneder'} på et netværksvenskab på ${offering.name}.`, { match: matchId, which }));
}

export async function endFriendship(store: FriendStore, actor: Actor, offering: { id: string; name: string }, matchId: string, by: 'user' | 'volunteer' | 'staff') {
  return store.end(offering.id, matchId, by, copenhagenDate(actor.now), entry(actor, 'friend.end', offering.id, `Et netværksvenskab på ${offering.name} er afsluttet (${friendWords.endedBy[by].toLocaleLowerCase('da')} ønskede det).`, { match: matchId, by }));
}
