import type { Principal } from '../domain/access/policy.ts';
import { copenhagenDate } from '../domain/time.ts';
import {
  type ApplicationInput,
  applicationDeleteAfter,
  applicationPurpose,
  type HolderInput,
  holderDeleteAfterEnd,
  type JobInput,
  jobDeletionRefusal,
  readHolder,
  readJob,
  readJobApplication,
  type UserJobKind,
  type ValidApplication,
  userJobWords,
} from '../domain/user-job/user-job.ts';
import type { AuditEntry } from './audit.ts';

export type UserJob = { id: string; offeringId: string; kind: UserJobKind; title: string; description: string; hoursPerWeek: number; seats: number; howToApply: string; isExample: boolean; holding: number };
export type UserJobHolder = { id: string; name: string | null; contact: string | null; since: string; endedOn: string | null; deleteAfter: string };
export type OpenUserJob = UserJob & { offering: { slug: string; name: string; phone: string | null } };
/** An application sent from the public list; only staff of the job's offering see it. */
export type UserJobApplication = ValidApplication & { id: string; createdAt: Date; deleteAfter: string; answeredAt: Date | null; answeredBy: string | null };

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
  /** One job with a free seat, with its offering: the one a person may apply for (`includeFull`: also when taken since). */
  openJob(jobId: string, options?: { includeFull?: boolean }): Promise<OpenUserJob | null>;
  addApplication(jobId: string, application: ValidApplication & { id: string; purpose: string; deleteAfter: string; createdAt: Date }, audit: AuditEntry): Promise<void>;
  /** A job's applications, newest first, unanswered before answered. */
  applicationsOf(jobId: string): Promise<UserJobApplication[]>;
  /** How many applications wait for an answer, per job of the offering (jobs with none left out). */
  unansweredByJob(offeringId: string): Promise<Map<string, number>>;
  markAnswered(jobId: string, applicationId: string, at: Date, by: string, audit: AuditEntry): Promise<'answered' | 'not_found'>;
  /** The job deleted with its past holders and answered applications, unless `refuse` says no on the facts read under its lock. */
  deleteJob(offeringId: string, jobId: string, refuse: (facts: { holding: number; unanswered: number }) => string | null, audit: AuditEntry): Promise<'deleted' | 'not_found' | { refused: string }>;
  /** Applications past their date are deleted, with one audit entry naming only the number. */
  deleteApplicationsDue(today: string, at: Date): Promise<number>;
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

/** A person applies for an open job from /brugerjob; the audit entry names the job, never the person. */
export async function applyForUserJob(store: UserJobStore, now: Date, job: OpenUserJob, input: ApplicationInput, locale: 'da' | 'en', source: string) {
  const read = readJobApplication(input, locale);
  if (!read.ok) return read;
  const id = crypto.randomUUID();
  await store.addApplication(
    job.id,
    { id, ...read.application, purpose: applicationPurpose, deleteAfter: applicationDeleteAfter(copenhagenDate(now)), createdAt: now },
    { at: now, actorId: null, actorName: 'Borger', action: 'userjob.apply', resourceType: 'offering', resourceId: job.offeringId, summary: `Nogen har søgt brugerjobbet «${job.title}» på ${job.offering.name} gennem hjemmesiden.`, detail: { job: job.id, application: id }, source },
  );
  return { ok: true as const, id, byPhone: read.application.phone !== null };
}

export function answerJobApplication(store: UserJobStore, actor: Actor, offering: { id: string; name: string }, job: UserJob, applicationId: string) {
  return store.markAnswered(job.id, applicationId, actor.now, actor.principal.name, entry(actor, 'userjob.application_answered', offering.id, `En ansøgning om jobbet «${job.title}» på ${offering.name} er besvaret.`, { job: job.id, application: applicationId }));
}

/** The daily retention: applications past their date go. */
export function deleteDueJobApplications(store: UserJobStore, now: Date) {
  return store.deleteApplicationsDue(copenhagenDate(now), now);
}

/** A job deleted from the back office; refused while someone holds it or an application waits for an answer. */
export function deleteUserJob(store: UserJobStore, actor: Actor, offering: { id: string; name: string }, job: UserJob) {
  return store.deleteJob(offering.id, job.id, jobDeletionRefusal, entry(actor, 'userjob.delete', offering.id, `Brugerjobbet «${job.title}» på ${offering.name} er slettet.`, { job: job.id }));
}
