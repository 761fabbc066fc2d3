import { randomBytes } from 'node:crypto';
import type { Principal } from '../domain/access/policy.ts';
import {
  codeHash,
  contactDeleteAfter,
  type FundPhase,
  fundLimits,
  fundWords,
  type GrantInput,
  makeCode,
  normaliseCode,
  type ProposalInput,
  type Rejection,
  readGrant,
  readKroner,
  readProposal,
  readScreening,
  type ScreeningInput,
} from '../domain/fund/fund.ts';
import { slugOf } from '../domain/danish-text.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { AuditEntry } from './audit.ts';

export type FundRound = { id: string; slug: string; year: number; districtId: string | null; districtName: string | null; name: string; amountKr: number; phase: FundPhase; isExample: boolean };

export type FundProposal = {
  id: string;
  title: string;
  description: string;
  amountKr: number;
  councilName: string | null;
  /** Personal data: shown only in the back office, deleted at its date. */
  contact: string | null;
  screening: 'waiting' | 'accepted' | 'rejected';
  rejection: Rejection | null;
  rejectionNote: string | null;
  grantedKr: number | null;
  responsible: string | null;
  followUp: string | null;
  votes: number;
  createdAt: Date;
};

export type FundRoundWhole = FundRound & { proposals: FundProposal[]; codesIssued: number; codesUsed: number };

export type VoteOutcome = 'counted' | 'used' | 'unknown' | 'not_open' | 'no_proposal';

/** The user fund on a database (ADR 033); every change with its audit entry in one transaction. */
export type FundStore = {
  rounds(): Promise<FundRound[]>;
  roundBySlug(slug: string): Promise<FundRoundWhole | null>;
  roundById(id: string): Promise<FundRoundWhole | null>;
  slugTaken(slug: string): Promise<boolean>;
  districts(): Promise<{ id: string; name: string }[]>;
  createRound(round: Omit<FundRound, 'districtName' | 'phase' | 'isExample'> & { createdAt: Date }, audit: AuditEntry): Promise<void>;
  setPhase(roundId: string, phase: FundPhase, audit: AuditEntry): Promise<void>;
  addProposal(proposal: { id: string; roundId: string; title: string; description: string; amountKr: number; councilId: string | null; contact: string | null; contactDeleteAfter: string; createdAt: Date }, audit: AuditEntry): Promise<'added' | 'not_open'>;
  screen(roundId: string, proposalId: string, screening: { verdict: 'accepted' } | { verdict: 'rejected'; rejection: Rejection; note: string | null }, audit: AuditEntry): Promise<'saved' | 'not_found'>;
  grant(roundId: string, proposalId: string, grant: { grantedKr: number; responsible: string; followUp: string | null }, audit: AuditEntry): Promise<'saved' | 'not_found' | 'not_accepted'>;
  addCodes(roundId: string, offeringId: string | null, hashes: string[], at: Date, audit: AuditEntry): Promise<void>;
  /** One vote for the code, once: the code is marked used and the vote written in one transaction, or nothing. */
  vote(roundId: string, proposalId: string, codeHash: string, at: Date, audit: AuditEntry): Promise<VoteOutcome>;
  /** The retention rule: proposers' contacts past their date are deleted; how many. */
  clearContacts(today: string, at: Date): Promise<number>;
};

type Actor = { principal: Principal; source: string; now: Date };

const staffEntry = (actor: Actor, action: string, resourceId: string, summary: string, detail: Record<string, unknown> = {}): AuditEntry => ({
  at: actor.now,
  actorId: actor.principal.accountId,
  actorName: actor.principal.name,
  action,
  resourceType: 'fund_round',
  resourceId,
  summary,
  detail,
  source: actor.source,
});

type Problems = { field: string; message: string }[];

/** A new yearly pool, for a district or the whole city. */
export async function createFundRound(store: FundStore, actor: Actor, input: { name: string; year: string; amount: string; district: string }): Promise<{ ok: true; id: string } | { ok: false; problems: Problems }> {
  const problems: Problems = [];
  const name = input.name.trim();
  if (!name || name.length > 120) problems.push({ field: 'name', message: 'Giv puljen et navn på højst 120 tegn, fx «Brugerpuljen 2027, Nørrebro».' });
  const year = Number(input.year);
  if (!/^\d{4}$/.test(input.year.trim()) || year < 2000 || year > 2100) problems.push({ field: 'year', message: 'Skriv årstallet, fx 2027.' });
  const amountKr = readKroner(input.amount);
  if (amountKr === null) problems.push({ field: 'amount', message: 'Skriv puljens beløb i hele kroner, fx 50000.' });
  const districts = await store.districts();
  const districtId = input.district === '' ? null : input.district;
  if (districtId !== null && !districts.some((district) => district.id === districtId)) problems.push({ field: 'district', message: 'Vælg en bydel, eller hele byen.' });
  if (problems.length || amountKr === null) return { ok: false, problems };
  const base = slugOf(`${name}`, `brugerpulje-${year}`, 100);
  let slug = base;
  for (let n = 2; await store.slugTaken(slug); n++) slug = `${base}-${n}`;
  const id = crypto.randomUUID();
  await store.createRound({ id, slug, year, districtId, name, amountKr, createdAt: actor.now }, staffEntry(actor, 'fund.create', id, `Puljen «${name}» på ${amountKr} kr. er oprettet.`, { slug }));
  return { ok: true, id };
}

export async function setFundPhase(store: FundStore, actor: Actor, round: FundRound, phase: string): Promise<boolean> {
  if (phase !== 'proposals' && phase !== 'voting' && phase !== 'closed') return false;
  await store.setPhase(round.id, phase, staffEntry(actor, 'fund.phase', round.id, `Puljen «${round.name}»: ${fundWords.phases[phase].toLocaleLowerCase('da')}.`));
  return true;
}

/** An idea from the public form. The audit entry holds neither the text nor the contact. */
export async function proposeIdea(store: FundStore, now: Date, round: FundRound, input: ProposalInput & { councilId: string | null }, source: string, locale: 'da' | 'en' = 'da') {
  const read = readProposal(input, locale);
  if (!read.ok) return read;
  const id = crypto.randomUUID();
  const outcome = await store.addProposal(
    { id, roundId: round.id, ...read.proposal, councilId: input.councilId, contactDeleteAfter: contactDeleteAfter(copenhagenDate(now)), createdAt: now },
    { at: now, actorId: null, actorName: 'Borger', action: 'fund.propose', resourceType: 'fund_round', resourceId: round.id, summary: `Et forslag til «${round.name}» er modtaget.`, detail: { proposal: id }, source },
  );
  return { ok: true as const, outcome, id };
}

export async function screenProposal(store: FundStore, actor: Actor, round: FundRound, proposalId: string, input: ScreeningInput) {
  const read = readScreening(input);
  if (!read.ok) return read;
  const outcome = await store.screen(
    round.id,
    proposalId,
    read.screening,
    staffEntry(actor, 'fund.screen', round.id, `Et forslag til «${round.name}» er ${read.screening.verdict === 'accepted' ? 'sendt til afstemning' : 'afvist'}.`, { proposal: proposalId, ...(read.screening.verdict === 'rejected' ? { rejection: read.screening.rejection } : {}) }),
  );
  return { ok: true as const, outcome };
}

export async function grantProposal(store: FundStore, actor: Actor, round: FundRound, proposalId: string, input: GrantInput) {
  const read = readGrant(input);
  if (!read.ok) return read;
  const outcome = await store.grant(round.id, proposalId, read.grant, staffEntry(actor, 'fund.grant', round.id, `Et forslag til «${round.name}» har fået ${read.grant.grantedKr} kr.`, { proposal: proposalId, grantedKr: read.grant.grantedKr }));
  return { ok: true as const, outcome };
}

/** A sheet of single-use codes for an offering to hand out; only their hashes are stored, the codes are shown once. */
export async function printVotingCodes(store: FundStore, actor: Actor, round: FundRound, offering: { id: string; name: string } | null, count: string, random: (size: number) => Uint8Array = randomBytes): Promise<{ ok: true; codes: string[] } | { ok: false; problems: Problems }> {
  const n = Number(count);
  if (!/^\d{1,4}$/.test(count.trim()) || n < 1 || n > fundLimits.codesPerSheet) return { ok: false, problems: [{ field: 'count', message: `Skriv, hvor mange koder arket skal have: fra 1 til ${fundLimits.codesPerSheet}.` }] };
  if (round.phase === 'closed') return { ok: false, problems: [{ field: 'count', message: 'Puljen er afgjort; der kan ikke stemmes mere.' }] };
  const codes = new Set<string>();
  while (codes.size < n) codes.add(makeCode(random));
  const list = [...codes];
  await store.addCodes(
    round.id,
    offering?.id ?? null,
    list.map((code) => codeHash(round.id, normaliseCode(code)!)),
    actor.now,
    staffEntry(actor, 'fund.codes', round.id, `${n} stemmekoder til «${round.name}» er udskrevet${offering ? ` på ${offering.name}` : ''}.`, { count: n, offering: offering?.id ?? null }),
  );
  return { ok: true, codes: list };
}

/** A vote with a code. The audit entry names neither the code nor the choice, so the ballot stays secret. */
export async function castVote(store: FundStore, now: Date, round: FundRound, input: { code: string; proposal: string }, source: string): Promise<VoteOutcome | 'bad_code' | 'no_choice'> {
  const code = normaliseCode(input.code);
  if (!code) return 'bad_code';
  if (!input.proposal) return 'no_choice';
  return store.vote(round.id, input.proposal, codeHash(round.id, code), now, {
    at: now,
    actorId: null,
    actorName: 'Borger',
    action: 'fund.vote',
    resourceType: 'fund_round',
    resourceId: round.id,
    summary: `En stemme i «${round.name}» er talt med.`,
    source,
  });
}

/** Proposers' contacts deleted when their date has passed; running it again changes nothing. */
export async function clearFundContacts(store: FundStore, now: Date): Promise<number> {
  return store.clearContacts(copenhagenDate(now), now);
}
