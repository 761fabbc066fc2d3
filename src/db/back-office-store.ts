import type { Kysely } from 'kysely';
import type { BackOfficeStore, OfferingForEdit, OfferingListItem, OfferingTexts } from '../app/edit-offering.ts';
import { auditRow } from './access-store.ts';
import type { DB } from './schema.ts';

/** The back office's reads and writes of offerings on Kysely. */
export function createBackOfficeStore(db: Kysely<DB>): BackOfficeStore {
  const scopeColumns = ['id', 'slug', 'name', 'parent_id', 'operator_id', 'centre_id', 'ownership', 'updated_at'] as const;

  async function list(executor: Kysely<DB>): Promise<OfferingListItem[]> {
    const rows = await executor.selectFrom('offering').select(scopeColumns).execute();
    const parentOf = new Map(rows.map((row) => [row.id, row.parent_id]));
    return rows.map((row) => {
      const ancestorIds: string[] = [];
      for (let parent = row.parent_id; parent && !ancestorIds.includes(parent); parent = parentOf.get(parent) ?? null) ancestorIds.push(parent);
      return {
        kind: 'offering',
        id: row.id,
        slug: row.slug,
        name: row.name,
        ancestorIds,
        operatorId: row.operator_id,
        centreId: row.centre_id,
        ownership: row.ownership,
        updatedAt: new Date(row.updated_at),
      };
    });
  }

  async function forEdit(executor: Kysely<DB>, where: { slug: string } | { id: string }): Promise<OfferingForEdit | null> {
    const query = executor
      .selectFrom('offering')
      .select(['id', 'slug', 'description', 'first_visit', 'who_meets_you', 'email', 'phone', 'url', 'version']);
    const row = await ('slug' in where ? query.where('slug', '=', where.slug) : query.where('id', '=', where.id)).executeTakeFirst();
    if (!row) return null;
    const scope = (await list(executor)).find((item) => item.id === row.id)!;
    return {
      ...scope,
      version: row.version,
      texts: {
        description: row.description,
        firstVisit: row.first_visit ?? '',
        whoMeetsYou: row.who_meets_you ?? '',
        email: row.email ?? '',
        phone: row.phone ?? '',
        url: row.url ?? '',
      },
    };
  }

  const columnsOf = (texts: OfferingTexts) => ({
    description: texts.description,
    first_visit: texts.firstVisit || null,
    who_meets_you: texts.whoMeetsYou || null,
    email: texts.email || null,
    phone: texts.phone || null,
    url: texts.url || null,
  });

  return {
    offeringList: () => list(db),
    offeringForEdit: (slug) => forEdit(db, { slug }),
    async saveTexts(id, expectedVersion, texts, audit) {
      // PGlite has one connection: everything inside uses `trx`, never `db`.
      return db.transaction().execute(async (trx) => {
        const current = await forEdit(trx, { id });
        if (!current) return { status: 'not_found' as const };
        if (current.version !== expectedVersion) return { status: 'conflict' as const, current };
        if (JSON.stringify(current.texts) === JSON.stringify(texts)) return { status: 'unchanged' as const };
        const version = expectedVersion + 1;
        await trx
          .updateTable('offering')
          .set({ ...columnsOf(texts), version, updated_at: new Date() })
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .execute();
        const entry = audit(current.texts, version);
        const inserted = await trx
          .insertInto('audit_entry')
          .values(auditRow(entry))
          .returning('id')
          .executeTakeFirstOrThrow();
        return { status: 'saved' as const, version, auditId: String(inserted.id) };
      });
    },
    async savedChange(auditId) {
      if (!/^\d{1,18}$/.test(auditId)) return null;
      const row = await db
        .selectFrom('audit_entry')
        .select(['resource_id', 'detail', 'action'])
        .where('id', '=', auditId)
        .executeTakeFirst();
      if (!row || row.action !== 'offering.edit' || !row.resource_id) return null;
      const detail = (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as {
        before: OfferingTexts;
        after: OfferingTexts;
        version: number;
      };
      return { offeringId: row.resource_id, before: detail.before, after: detail.after, version: detail.version };
    },
  };
}
