import type { Principal } from '../domain/access/policy.ts';
import { copenhagenDate } from '../domain/time.ts';
import { type HolderInput, holderDeleteAfterEnd, type JobInput, readHolder, readJob, type UserJobKind, userJobWords } from '../domain/user-job/user-job.ts';
import type { AuditEntry } from './audit.ts';

export type UserJob = { id: string; offeringId: string; kind: UserJobKind; title: string; description: string; hoursPerWeek: number; seats: number; howToApply: string; isExample: boolean; holding: number };
export type UserJobHolder = { id: string; name: string | null; contact: string | null; since: string; endedOn: string | null; deleteAfter: string };
export type OpenUserJob = UserJob & { offering: { slug: string; name: string; phone: string | null } };

/** User jobs on a database (ADR 033); every change with its audit entry in one transaction. */
export type UserJobStore = {
  jobsOf(offeringId: string): Promise<UserJob[]>;
  /** Jobs with a free seat, for the public list (and one offering's, for its page). */
  openJobs(offeringId?: string): Promise<OpenUserJob[]>;
  job(offeringId: string, jobId: string): Promise<(UserJob & { holders: UserJobHolder[] }) | null>;
  addJob(job: Omit<UserJob, 'holding' | 'isExample'> & { createdAt: Date }, audit: AuditEntry): Promise<void>;
  addHolder(jobId: string, holder: { id: string; name: string; contact: string | null; since: string; purpose: string; deleteAfter: string }, audit: AuditEntry): Promise<void>;
  endHolder(jobId: string, holderId: string, endedOn: string, deleteAfter: string, audit: AuditEntry): Promise<'ended' | 'not_found'>;
  anonymiseDue(today: string, at: Date): Promise<number>;
};

type Actor = { principal: Principal; source: string; now: Date };
const entry = (actor: Actor, action: string, offeringId: string, summary: string, detail: Record<string, unknown> = {}): AuditEntry => ({
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

export async function addUserJob(store: UserJobStore, actor: Actor, offering: { id: string; name: string }, input: JobInput) {
  const read = readJob(input);
  if (!read.ok) return read;
  const id = crypto.randomUUID();
  await store.addJob({ id, offeringId: offering.id, ...read.job, createdAt: actor.now }, entry(actor, 'userjob.create', offering.id, `Brugerjobbet «${read.job.title}» (${userJobWords.kinds[read.job.kind].toLocaleLowerCase('da')}) er oprettet på ${offering.name}.`, { job: id }));
  return { ok: true as const, id };
}

/** A person takes a job; the audit log names the job, never the person. */
export async function addJobHolder(store: UserJobStore, actor: Actor, offering: { id: string; name: string }, job: UserJob, input: HolderInput) {
  const read = readHolder(input, copenhagenDate(actor.now));
  if (!read.ok) return read;
  const id = crypto.randomUUID();
  await store.addHolder(job.id, { id, ...read.holder, purpose: userJobWords.holderPurpose }, entry(actor, 'userjob.holder_add', offering.id, `En bruger har fået jobbet «${job.title}» på ${offering.name}.`, { job: job.id, holder: id }));
  return { ok: true as const, id };
}

export async function endJobHolder(store: UserJobStore, actor: Actor, offering: { id: string; name: string }, job: UserJob, holderId: string) {
  const today = copenhagenDate(actor.now);
  return store.endHolder(job.id, holderId, today, holderDeleteAfterEnd(today), entry(actor, 'userjob.holder_end', offering.id, `En bruger er stoppet i jobbet «${job.title}» på ${offering.name}.`, { job: job.id, holder: holderId }));
}
