import { type Kysely, sql } from 'kysely';
import type { FreshnessItem, FreshnessStore, Reminder } from '../app/freshness-store.ts';
import type { Grant } from '../domain/access/policy.ts';
import { auditRow } from './access-store.ts';
import { scopesOf } from './offering-scope.ts';
import type { DB } from './schema.ts';

/**
 * Where a never-verified record's clock starts: the platform's start (migration 0008) or the record's
 * creation, whichever is later (ADR 014).
 */
export const clockStartSql = sql<Date>`greatest((select started_at from freshness_clock), offering.created_at)`;

/** The freshness facts, verifications and reminders on Kysely. */
export function createFreshnessStore(db: Kysely<DB>): FreshnessStore {
  return {
    async items() {
      const [rows, events] = await Promise.all([
        db
          .selectFrom('offering')
          .leftJoin('organization as centre', 'centre.id', 'offering.centre_id')
          .leftJoin('organization as operator', 'operator.id', 'offering.operator_id')
          .select([
            'offering.id',
            'offering.slug',
            'offering.name',
            'offering.parent_id',
            'offering.operator_id',
            'offering.centre_id',
            'offering.ownership',
            'offering.version',
            'offering.verified_at',
            'centre.name as centre_name',
            'operator.name as operator_name',
            clockStartSql.as('clock_start'),
          ])
          .execute(),
        db
          .selectFrom('status_event')
          .select(['offering_id', 'status', 'occurs_on', 'recorded_on', 'is_baseline', 'related_offering_id', 'note'])
          .orderBy('is_baseline', 'desc')
          .orderBy('recorded_on')
          .orderBy('occurs_on')
          .execute(),
      ]);
      return scopesOf(rows).map((row): FreshnessItem => {
        return {
          ...row.scope,
          slug: row.slug,
          name: row.name,
          version: row.version,
          centreName: row.centre_name,
          operatorName: row.operator_name,
          record: { verifiedAt: row.verified_at ? new Date(row.verified_at) : null, clockStart: new Date(row.clock_start) },
          events: events
            .filter((event) => event.offering_id === row.id)
            .map((event) => ({
              status: event.status,
              occursOn: event.occurs_on,
              recordedOn: event.recorded_on,
              isBaseline: event.is_baseline,
              relatedOfferingId: event.related_offering_id,
              note: event.note,
            })),
        };
      });
    },

    async recordOf(offeringId) {
      const row = await db
        .selectFrom('offering')
        .leftJoin('account', 'account.id', 'offering.verified_by')
        .select(['offering.verified_at', 'account.name as verified_by_name', clockStartSql.as('clock_start')])
        .where('offering.id', '=', offeringId)
        .executeTakeFirst();
      if (!row) return null;
      return {
        record: { verifiedAt: row.verified_at ? new Date(row.verified_at) : null, clockStart: new Date(row.clock_start) },
        verifiedByName: row.verified_by_name,
      };
    },

    async verify(offeringId, expectedVersion, entry) {
      // PGlite has one connection: everything inside uses `trx`, never `db`.
      return db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('offering').select('version').where('id', '=', offeringId).executeTakeFirst();
        if (!current) return 'not_found' as const;
        if (current.version !== expectedVersion) return 'conflict' as const;
        await trx.updateTable('offering').set({ verified_at: entry.at, verified_by: entry.actorId }).where('id', '=', offeringId).execute();
        await trx.insertInto('audit_entry').values(auditRow(entry)).execute();
        return 'verified' as const;
      });
    },

    async activeAccounts() {
      const rows = await db
        .selectFrom('account')
        .innerJoin('role_grant', 'role_grant.account_id', 'account.id')
        .select(['account.id', 'account.name', 'account.email', 'role_grant.role', 'role_grant.offering_id', 'role_grant.organization_id'])
        .where('account.is_disabled', '=', false)
        .orderBy('account.id')
        .execute();
      const accounts = new Map<string, { id: string; name: string; email: string; grants: Grant[] }>();
      for (const row of rows) {
        const account = accounts.get(row.id) ?? { id: row.id, name: row.name, email: row.email, grants: [] };
        account.grants.push({ role: row.role, offeringId: row.offering_id, organizationId: row.organization_id });
        accounts.set(row.id, account);
      }
      return [...accounts.values()];
    },

    async recordReminders(reminders, at, mailsFor) {
      if (reminders.length === 0) return { reminders: [], mails: 0 };
      return db.transaction().execute(async (trx) => {
        // The primary key (offering, verification, stage) decides what is new; a second run inserts nothing.
        const inserted = await trx
          .insertInto('freshness_reminder')
          .values(
            reminders.map((reminder) => ({
              offering_id: reminder.offeringId,
              cycle_start: reminder.cycleStart,
              stage: reminder.stage,
              queued_at: at,
              recipients: reminder.recipients,
            })),
          )
          .onConflict((conflict) => conflict.columns(['offering_id', 'cycle_start', 'stage']).doNothing())
          .returning(['offering_id', 'stage'])
          .execute();
        const isNew = new Set(inserted.map((row) => `${row.offering_id} ${row.stage}`));
        const fresh: Reminder[] = reminders.filter((reminder) => isNew.has(`${reminder.offeringId} ${reminder.stage}`));
        const mails = fresh.length ? mailsFor(fresh) : [];
        if (mails.length) {
          await trx
            .insertInto('outbox')
            .values(mails.map((mail) => ({ id: crypto.randomUUID(), recipient: mail.recipient, subject: mail.subject, body: mail.body, created_at: mail.createdAt })))
            .execute();
        }
        return { reminders: fresh, mails: mails.length };
      });
    },
  };
}
