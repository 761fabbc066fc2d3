import { type Kysely, sql } from 'kysely';
import type { OutboxStore } from '../app/deliver-outbox.ts';
import type { DB } from './schema.ts';

/** The outbox's delivery on Kysely (ADR 020): claims with `for update skip locked`, outcomes only by the claim's holder. */
export function createOutboxStore(db: Kysely<DB>): OutboxStore {
  return {
    async claimNext(claim, now, claimMs) {
      // The inner select locks the row it picks and skips rows another sender is picking; the outer
      // conditions are checked again on the row as it is after any concurrent claim has committed.
      const row = await db
        .updateTable('outbox')
        .set((eb) => ({ claimed_by: claim, claimed_until: new Date(now.getTime() + claimMs), attempts: eb('attempts', '+', 1) }))
        .where('id', '=', (eb) =>
          eb
            .selectFrom('outbox')
            .select('id')
            .where('sent_at', 'is', null)
            .where('failed_at', 'is', null)
            .where('claimed_until', 'is', null)
            .where((w) => w.or([w('next_attempt_at', 'is', null), w('next_attempt_at', '<=', now)]))
            .orderBy('created_at')
            .limit(1)
            .forUpdate()
            .skipLocked(),
        )
        .where('sent_at', 'is', null)
        .where('failed_at', 'is', null)
        .where('claimed_until', 'is', null)
        .returning(['id', 'recipient', 'subject', 'body', 'attempts', 'created_at'])
        .executeTakeFirst();
      return row
        ? { id: row.id, recipient: row.recipient, subject: row.subject, body: row.body, attempts: row.attempts, createdAt: new Date(row.created_at) }
        : null;
    },

    async markSent(id, claim, at) {
      // Sent wins over a give-up written meanwhile: the mail did leave.
      await db
        .updateTable('outbox')
        .set({ sent_at: at, failed_at: null, claimed_until: null, last_error: null, body: '' })
        .where('id', '=', id)
        .where('claimed_by', '=', claim)
        .execute();
    },

    async retryLater(id, claim, error, nextAttemptAt) {
      await db
        .updateTable('outbox')
        .set({ claimed_by: null, claimed_until: null, last_error: error, next_attempt_at: nextAttemptAt })
        .where('id', '=', id)
        .where('claimed_by', '=', claim)
        .where('sent_at', 'is', null)
        .execute();
    },

    async giveUp(id, claim, error, at) {
      await db
        .updateTable('outbox')
        .set({ failed_at: at, claimed_until: null, last_error: error, body: '' })
        .where('id', '=', id)
        .where('claimed_by', '=', claim)
        .where('sent_at', 'is', null)
        .execute();
    },

    async giveUpAbandoned(now, error) {
      const rows = await db
        .updateTable('outbox')
        .set({ failed_at: now, claimed_until: null, last_error: error, body: '' })
        .where('sent_at', 'is', null)
        .where('failed_at', 'is', null)
        .where('claimed_until', '<', now)
        .returning('id')
        .execute();
      return rows.length;
    },

    async giveUpOlderThan(cutoff, at, error) {
      const rows = await db
        .updateTable('outbox')
        .set({ failed_at: at, last_error: error, body: '' })
        .where('sent_at', 'is', null)
        .where('failed_at', 'is', null)
        .where('claimed_until', 'is', null)
        .where('created_at', '<', cutoff)
        .returning('id')
        .execute();
      return rows.length;
    },

    async summary(limit) {
      const counts = await db
        .selectFrom('outbox')
        .select([
          sql<number>`count(*) filter (where sent_at is null and failed_at is null)::int`.as('waiting'),
          sql<number>`count(*) filter (where sent_at is null and failed_at is null and last_error is not null)::int`.as('retrying'),
          sql<number>`count(*) filter (where sent_at is not null)::int`.as('sent'),
          sql<number>`count(*) filter (where failed_at is not null and sent_at is null)::int`.as('failed'),
        ])
        .executeTakeFirstOrThrow();
      const problems = await db
        .selectFrom('outbox')
        .select(['id', 'subject', 'created_at', 'attempts', 'last_error', 'failed_at', 'next_attempt_at'])
        .where('sent_at', 'is', null)
        .where('last_error', 'is not', null)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return {
        ...counts,
        problems: problems.map((row) => ({
          id: row.id,
          subject: row.subject,
          createdAt: new Date(row.created_at),
          attempts: row.attempts,
          lastError: row.last_error ?? '',
          failedAt: row.failed_at ? new Date(row.failed_at) : null,
          nextAttemptAt: row.failed_at || !row.next_attempt_at ? null : new Date(row.next_attempt_at),
        })),
      };
    },
  };
}
