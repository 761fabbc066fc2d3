import type { Kysely } from 'kysely';
import type { JobStore } from '../jobs/runner.ts';
import type { DB } from './schema.ts';

/** When each background job runs next and who holds it, on Kysely (ADR 020). */
export function createJobStore(db: Kysely<DB>): JobStore {
  const known = new Set<string>();
  return {
    async claim(job, owner, now) {
      if (!known.has(job.name)) {
        // A job seen for the first time is due at once.
        await db.insertInto('job_schedule').values({ name: job.name, next_run_at: now }).onConflict((conflict) => conflict.column('name').doNothing()).execute();
        known.add(job.name);
      }
      // One statement: of several processes asking at once, the first moves next_run_at and the
      // others find the row no longer due when they see it after that commit.
      const taken = await db
        .updateTable('job_schedule')
        .set({
          next_run_at: new Date(now.getTime() + job.everyMs),
          locked_by: owner,
          locked_until: new Date(now.getTime() + job.leaseMs),
          last_started_at: now,
        })
        .where('name', '=', job.name)
        .where('next_run_at', '<=', new Date(now.getTime() + job.slackMs))
        .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', now)]))
        .returning('name')
        .executeTakeFirst();
      return taken !== undefined;
    },

    async release(name, owner, at, failure) {
      await db
        .updateTable('job_schedule')
        .set((eb) => ({
          locked_by: null,
          locked_until: null,
          last_finished_at: at,
          last_error: failure?.error ?? null,
          failures: failure ? eb('failures', '+', 1) : 0,
          ...(failure ? { next_run_at: eb.fn('least', ['next_run_at', eb.val(failure.retryAt)]) } : {}),
        }))
        .where('name', '=', name)
        .where('locked_by', '=', owner)
        .execute();
    },

    async states(now) {
      const rows = await db.selectFrom('job_schedule').selectAll().orderBy('name').execute();
      return rows.map((row) => ({
        name: row.name,
        nextRunAt: new Date(row.next_run_at),
        lastStartedAt: row.last_started_at ? new Date(row.last_started_at) : null,
        lastFinishedAt: row.last_finished_at ? new Date(row.last_finished_at) : null,
        lastError: row.last_error,
        failures: row.failures,
        running: row.locked_until !== null && new Date(row.locked_until) > now,
      }));
    },
  };
}
