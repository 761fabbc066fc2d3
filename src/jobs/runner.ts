import { hostname } from 'node:os';
import { errorText } from '../logger.ts';

/**
 * Background jobs (ADR 020): named periodic jobs, run inside the server process on the embedded database
 * and on PostgreSQL alike. Each job is due every `everyMs` across all processes: a process takes it by
 * moving its row in `job_schedule` (one update), runs it, and lets go. A run must still be idempotent
 * and safe next to another run of the same job (claim rows with `for update skip locked`, or let a
 * primary key refuse the second insert): the schedule's lock saves work, it is not what keeps data right.
 */

export type JobContext = {
  /** The instant the run started; the run's idea of "today". */
  now: Date;
  /** The clock, for instants later in a long run. */
  clock: () => Date;
  /** Aborted when the server stops: a job that works through a list stops between items. */
  signal: AbortSignal;
};

/** Counts only (never names, addresses or texts): they are logged after every run. */
export type JobOutcome = Record<string, number>;

export type Job = {
  /** Stable and unique: the row in `job_schedule`. */
  name: string;
  /** How often the job runs, across every process. */
  everyMs: number;
  /** How long a process holds the job before another may take it over; longer than a run can take. */
  leaseMs?: number;
  run(context: JobContext): Promise<JobOutcome | undefined>;
};

export type JobState = {
  name: string;
  nextRunAt: Date;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastError: string | null;
  failures: number;
  running: boolean;
};

export type JobStore = {
  /**
   * Take the job if it is due (within `slackMs`) and no process holds it: its next run moves to
   * `now + everyMs` and this owner holds it until `now + leaseMs`. False when another has it or it is not due.
   */
  claim(job: { name: string; everyMs: number; leaseMs: number; slackMs: number }, owner: string, now: Date): Promise<boolean>;
  /** Let go of the job; after a failure it is due again by `retryAt` at the latest. */
  release(name: string, owner: string, at: Date, failure: { error: string; retryAt: Date } | null): Promise<void>;
  states(now: Date): Promise<JobState[]>;
};

type Logger = {
  info(object: object, message: string): void;
  debug(object: object, message: string): void;
  error(object: object, message: string): void;
};

export type JobRunnerOptions = {
  store: JobStore;
  now: () => Date;
  logger: Logger;
  /** How often each process asks whether a job is due, at most; a job due more often is asked at its own pace. */
  pollMs?: number;
  /** After a failure the job is tried again after this long (or at its next run, if sooner). */
  retryAfterFailureMs?: number;
  /** Who holds a job, for `job_schedule.locked_by`; the host and process by default. */
  owner?: string;
  /** False in tests that drive the runner with `runDue()` themselves. */
  timers?: boolean;
};

export type JobRunner = {
  /** Run every job that is due now, and wait for them; what the timers do. */
  runDue(): Promise<void>;
  /** Stop the timers, ask runs in progress to stop between items, and wait for them. */
  stop(): Promise<void>;
};

const defaultLeaseMs = 10 * 60_000;

export function startJobRunner(jobs: readonly Job[], options: JobRunnerOptions): JobRunner {
  const names = new Set(jobs.map((job) => job.name));
  if (names.size !== jobs.length) throw new Error('To baggrundsjob har samme navn.');
  const owner = options.owner ?? `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 60_000;
  const retryAfterFailureMs = options.retryAfterFailureMs ?? 5 * 60_000;
  const controller = new AbortController();
  const active = new Map<string, Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;

  const runOne = async (job: Job) => {
    const leaseMs = job.leaseMs ?? defaultLeaseMs;
    const now = options.now();
    let claimed: boolean;
    try {
      claimed = await options.store.claim({ name: job.name, everyMs: job.everyMs, leaseMs, slackMs: Math.min(1000, job.everyMs / 10) }, owner, now);
    } catch (error) {
      options.logger.error({ job: job.name, error: errorText(error) }, 'background job could not be claimed');
      return;
    }
    if (!claimed) return;
    const started = performance.now();
    let failure: { error: string; retryAt: Date } | null = null;
    try {
      const outcome = await job.run({ now, clock: options.now, signal: controller.signal });
      const ms = Math.round(performance.now() - started);
      const anything = outcome && Object.values(outcome).some((count) => count > 0);
      // A job that runs every few seconds and finds nothing to do is not worth a line at info.
      if (anything) options.logger.info({ job: job.name, ms, ...outcome }, 'background job ran');
      else options.logger.debug({ job: job.name, ms }, 'background job ran');
    } catch (error) {
      const text = errorText(error);
      options.logger.error({ job: job.name, error: text }, 'background job failed');
      failure = { error: text, retryAt: new Date(options.now().getTime() + retryAfterFailureMs) };
    }
    try {
      await options.store.release(job.name, owner, options.now(), failure);
    } catch (error) {
      // The lease runs out by itself; the job is taken again then.
      options.logger.error({ job: job.name, error: errorText(error) }, 'background job could not be released');
    }
  };

  const tick = (job: Job): Promise<void> => {
    if (stopped) return Promise.resolve();
    const running = active.get(job.name);
    if (running) return running;
    const run = runOne(job).finally(() => active.delete(job.name));
    active.set(job.name, run);
    return run;
  };

  if (options.timers !== false) {
    for (const job of jobs) {
      // Asked at start (not awaited: serving does not wait for jobs), then every poll.
      setImmediate(() => void tick(job));
      const timer = setInterval(() => void tick(job), Math.min(job.everyMs, pollMs));
      timer.unref();
      timers.push(timer);
    }
  }

  return {
    async runDue() {
      await Promise.all(jobs.map(tick));
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      controller.abort();
      await Promise.all(active.values());
    },
  };
}
