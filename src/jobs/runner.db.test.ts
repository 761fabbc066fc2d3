import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { testNow } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind, secondHandle } from '../../test/support/database.ts';
import type { Database } from '../db/database.ts';
import { createJobStore } from '../db/job-store.ts';
import { type Job, type JobRunnerOptions, startJobRunner } from './runner.ts';

let database: Database;
const hour = 3_600_000;

before(async () => {
  database = await createTestDatabase({ seed: false });
});
after(() => database.close());
beforeEach(() => database.db.deleteFrom('job_schedule').execute());

/** A log that keeps its lines. */
function memoryLog() {
  const lines: { level: string; object: Record<string, unknown>; message: string }[] = [];
  const at = (level: string) => (object: object, message: string) => lines.push({ level, object: object as Record<string, unknown>, message });
  return { lines, info: at('info'), debug: at('debug'), error: at('error') };
}

function runnerFor(jobs: Job[], clock: () => Date, extra: Partial<JobRunnerOptions> = {}, db = database) {
  const logger = memoryLog();
  const runner = startJobRunner(jobs, { store: createJobStore(db.db), now: clock, logger, timers: false, ...extra });
  return { runner, logger };
}

function countingJob(name: string, everyMs: number, run: () => Promise<void> = async () => {}) {
  const job = {
    runs: [] as Date[],
    name,
    everyMs,
    async run(context: { now: Date }) {
      job.runs.push(context.now);
      await run();
      return { done: 1 };
    },
  };
  return job;
}

describe(`The job runner (${databaseKind})`, () => {
  it('runs a job when it is due, and not again until its interval has passed', async () => {
    let now = testNow;
    const job = countingJob('daily', 24 * hour);
    const { runner, logger } = runnerFor([job], () => now);
    await runner.runDue();
    await runner.runDue();
    assert.equal(job.runs.length, 1);
    now = new Date(testNow.getTime() + 23 * hour);
    await runner.runDue();
    assert.equal(job.runs.length, 1);
    now = new Date(testNow.getTime() + 24 * hour);
    await runner.runDue();
    assert.deepEqual(job.runs, [testNow, now]);
    assert.ok(logger.lines.some((line) => line.level === 'info' && line.object.job === 'daily' && line.object.done === 1));
    await runner.stop();
  });

  it('lets one of two processes run a due job, each on its own connection', async () => {
    const other = await secondHandle(database);
    try {
      let calls = 0;
      const slow = async () => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 30));
      };
      const first = runnerFor([countingJob('shared', hour, slow)], () => testNow, { owner: 'a' });
      const second = runnerFor([countingJob('shared', hour, slow)], () => testNow, { owner: 'b' }, other);
      await Promise.all([first.runner.runDue(), second.runner.runDue(), first.runner.runDue(), second.runner.runDue()]);
      assert.equal(calls, 1);
      await Promise.all([first.runner.stop(), second.runner.stop()]);
    } finally {
      await other.close();
    }
  });

  it('keeps a job held by a process that died until its lease runs out, then another takes it', async () => {
    const store = createJobStore(database.db);
    assert.equal(await store.claim({ name: 'held', everyMs: 60_000, leaseMs: 10 * 60_000, slackMs: 0 }, 'dead', testNow), true);
    let now = new Date(testNow.getTime() + 5 * 60_000);
    const job = countingJob('held', 60_000);
    const { runner } = runnerFor([job], () => now);
    await runner.runDue();
    assert.equal(job.runs.length, 0, 'due, but still held');
    now = new Date(testNow.getTime() + 10 * 60_000);
    await runner.runDue();
    assert.equal(job.runs.length, 1);
    await runner.stop();
  });

  it('logs a failing job without personal data, keeps running the others, and tries it again soon', async () => {
    let now = testNow;
    const failing: Job = {
      name: 'failing',
      everyMs: 24 * hour,
      async run() {
        throw new Error('could not reach <anna@kk.dk> with /admin/adgangskode/abc123');
      },
    };
    const healthy = countingJob('healthy', hour);
    const { runner, logger } = runnerFor([failing, healthy], () => now, { retryAfterFailureMs: 5 * 60_000 });
    await runner.runDue();
    assert.equal(healthy.runs.length, 1);
    const failure = logger.lines.find((line) => line.level === 'error')!;
    assert.equal(failure.object.job, 'failing');
    assert.doesNotMatch(JSON.stringify(failure), /anna@kk\.dk|abc123/);
    const [state] = (await createJobStore(database.db).states(now)).filter((item) => item.name === 'failing');
    assert.equal(state!.failures, 1);
    assert.match(state!.lastError ?? '', /\[adresse\]/);
    assert.equal(state!.nextRunAt.getTime(), testNow.getTime() + 5 * 60_000, 'again in five minutes, not in a day');
    now = new Date(testNow.getTime() + 5 * 60_000);
    await runner.runDue();
    const [again] = (await createJobStore(database.db).states(now)).filter((item) => item.name === 'failing');
    assert.equal(again!.failures, 2);
    await runner.stop();
  });

  it('stops between items: a run in progress is told to stop and waited for', async () => {
    let items = 0;
    const job: Job = {
      name: 'long',
      everyMs: hour,
      async run({ signal }) {
        while (!signal.aborted && items < 1000) {
          items++;
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        return { items };
      },
    };
    const { runner } = runnerFor([job], () => testNow);
    const running = runner.runDue();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await runner.stop();
    await running;
    assert.ok(items > 0 && items < 1000, `stopped after ${items} items`);
    const [state] = await createJobStore(database.db).states(testNow);
    assert.equal(state!.running, false, 'let go of the job');
  });
});
