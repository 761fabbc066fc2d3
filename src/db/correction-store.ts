import type { Kysely } from 'kysely';
import type { CorrectionStore, CorrectionTask } from '../app/correction-store.ts';
import { ownerOf } from '../domain/freshness.ts';
import { auditRow } from './access-store.ts';
import type { DB } from './schema.ts';

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** Public corrections as tasks on Kysely. */
export function createCorrectionStore(db: Kysely<DB>): CorrectionStore {
  const select = (executor: Kysely<DB>) =>
    executor
      .selectFrom('correction_task')
      .leftJoin('account', 'account.id', 'correction_task.closed_by')
      .select([
        'correction_task.id',
        'correction_task.offering_id',
        'correction_task.text',
        'correction_task.contact_email',
        'correction_task.created_at',
        'correction_task.status',
        'correction_task.closed_at',
        'correction_task.resolution_note',
        'account.name as closed_by_name',
      ]);
  const task = (row: Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>): CorrectionTask => ({
    id: row.id,
    offeringId: row.offering_id,
    text: row.text,
    contactEmail: row.contact_email,
    createdAt: new Date(row.created_at),
    status: row.status,
    closedAt: row.closed_at ? new Date(row.closed_at) : null,
    closedByName: row.closed_by_name,
    resolutionNote: row.resolution_note,
  });
  return {
    async offeringBySlug(slug) {
      const row = await db
        .selectFrom('offering')
        .leftJoin('organization as centre', 'centre.id', 'offering.centre_id')
        .leftJoin('organization as operator', 'operator.id', 'offering.operator_id')
        .select(['offering.id', 'offering.slug', 'offering.name', 'offering.ownership', 'centre.name as centre_name', 'operator.name as operator_name'])
        .where('offering.slug', '=', slug)
        .executeTakeFirst();
      if (!row) return null;
      const owner = ownerOf({
        ownership: row.ownership,
        centre: row.centre_name ? { id: 'centre', name: row.centre_name } : null,
        operator: row.operator_name ? { id: 'operator', name: row.operator_name } : null,
      });
      return { id: row.id, slug: row.slug, name: row.name, ownerName: owner?.name ?? null };
    },
    async create(input, audit) {
      const id = crypto.randomUUID();
      // PGlite has one connection: everything inside uses `trx`, never `db`.
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('correction_task')
          .values({ id, offering_id: input.offeringId, text: input.text, contact_email: input.contactEmail, created_at: input.createdAt })
          .execute();
        await trx.insertInto('audit_entry').values(auditRow(audit(id))).execute();
      });
      return id;
    },
    async tasks(closedSince) {
      const rows = await select(db)
        .where((eb) => eb.or([eb('correction_task.status', '=', 'open'), eb('correction_task.closed_at', '>=', closedSince)]))
        .execute();
      return rows.map(task);
    },
    async task(id) {
      if (!isUuid(id)) return null;
      const row = await select(db).where('correction_task.id', '=', id).executeTakeFirst();
      return row ? task(row) : null;
    },
    async close(id, closing, audit) {
      if (!isUuid(id)) return 'not_found';
      return db.transaction().execute(async (trx) => {
        // One statement closes it only if it is still open, so two people cannot both close it.
        const closed = await trx
          .updateTable('correction_task')
          .set({ status: 'closed', closed_by: closing.by, closed_at: closing.at, resolution_note: closing.note, contact_email: null })
          .where('id', '=', id)
          .where('status', '=', 'open')
          .returning('id')
          .executeTakeFirst();
        if (!closed) {
          const exists = await trx.selectFrom('correction_task').select('id').where('id', '=', id).executeTakeFirst();
          return exists ? 'already_closed' : 'not_found';
        }
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'closed';
      });
    },
  };
}

/**
 * A secret kept in the database under a name, made the first time it is asked for; every server
 * process on the same database signs and checks with the same one.
 */
export async function signingKey(db: Kysely<DB>, name: string, make: () => string, at: Date): Promise<string> {
  await db
    .insertInto('signing_key')
    .values({ name, secret: make(), created_at: at })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('signing_key').select('secret').where('name', '=', name).executeTakeFirstOrThrow();
  return row.secret;
}
