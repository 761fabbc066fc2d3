import type { Principal } from '../domain/access/policy.ts';
import { checkLetter, checkReply, duplicateLetterProblem, forgetOnOf, type Letter, type LetterForm, type ReplyForm } from '../domain/planning/correspondence.ts';
import type { ChangeProblem } from '../domain/planning/scenario.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { AuditEntry } from './audit.ts';
import { NotFoundError } from './errors.ts';
import type { ScenarioStore } from './plan-scenarios.ts';

/** The correspondence log (ADR 035) as the use cases need it; `db/letter-store.ts` keeps it in `planning_letter`. */
export interface LetterStore {
  list(filter: { scenarioId?: string }): Promise<Letter[]>;
  get(id: string): Promise<Letter | null>;
  /** Saved with its audit entry, or 'duplicate' (nothing saved) when the same letter is logged already. */
  add(letter: Letter, audit: AuditEntry): Promise<'added' | 'duplicate'>;
  /** The reply saved if nobody saved the letter since `baseVersion`. */
  reply(id: string, reply: { text: string; on: string }, forgetOn: string, baseVersion: number, audit: AuditEntry): Promise<'saved' | 'stale'>;
  /** Deletes the senders' names and contacts whose date has come (`forgetOn` ≤ today); how many letters. */
  forgetSenders(today: string, at: Date): Promise<number>;
}

// The audit log outlives the sender: it names the case and the subject, never the person.
const auditOf = (principal: Principal, at: Date, action: string, id: string, summary: string, source: string): AuditEntry => ({
  at,
  actorId: principal.accountId,
  actorName: principal.name,
  action,
  resourceType: 'planning_letter',
  resourceId: id,
  summary,
  source,
});

export type LogOutcome = { kind: 'added'; id: string } | { kind: 'invalid'; problems: ChangeProblem[] };

/** A letter logged as it arrived, with the reply if it has one already. */
export async function logLetter(deps: { letters: LetterStore; scenarios: ScenarioStore; now: Date }, form: LetterForm, principal: Principal, source: string): Promise<LogOutcome> {
  const scenarioIds = new Set((await deps.scenarios.list({ publishedOnly: false })).map((scenario) => scenario.id));
  const { letter, problems } = checkLetter(form, copenhagenDate(deps.now), scenarioIds);
  if (!letter) return { kind: 'invalid', problems };
  const id = crypto.randomUUID();
  const outcome = await deps.letters.add(
    { ...letter, id, version: 1, registeredByName: principal.name, registeredAt: deps.now },
    auditOf(principal, deps.now, 'letter.log', id, `Loggede brevet »${letter.subject}« under sag ${letter.caseNumber}.`, source),
  );
  if (outcome === 'duplicate') return { kind: 'invalid', problems: [duplicateLetterProblem(letter.caseNumber, letter.receivedOn)] };
  return { kind: 'added', id };
}

export type ReplyOutcome = { kind: 'saved' } | { kind: 'invalid'; problems: ChangeProblem[] } | { kind: 'stale'; current: Letter };

/** The reply to a logged letter and its date; the sender's details are kept two years from the reply. */
export async function replyToLetter(deps: { letters: LetterStore; now: Date }, id: string, form: ReplyForm & { baseVersion: number }, principal: Principal, source: string): Promise<ReplyOutcome> {
  const letter = await deps.letters.get(id);
  if (!letter) throw new NotFoundError('Brevet findes ikke. Se listen over breve under Planlægning.');
  const { reply, problems } = checkReply(form, letter.receivedOn, copenhagenDate(deps.now));
  if (!reply) return { kind: 'invalid', problems: problems.length ? problems : [{ field: 'replyText', message: 'Skriv svaret og datoen, det blev sendt.' }] };
  const outcome = await deps.letters.reply(
    id,
    reply,
    forgetOnOf(letter.receivedOn, reply.on),
    form.baseVersion,
    auditOf(principal, deps.now, 'letter.reply', id, `Gemte svaret på brevet »${letter.subject}« under sag ${letter.caseNumber}.`, source),
  );
  if (outcome === 'stale') return { kind: 'stale', current: (await deps.letters.get(id))! };
  return { kind: 'saved' };
}
