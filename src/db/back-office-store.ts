import { type Kysely, type Selectable, sql } from 'kysely';
import { applyProposal, type BackOfficeStore, type OfferingForEdit, type OfferingListItem, type OfferingTexts, type ProposedChange } from '../app/edit-offering.ts';
import type { OfferingScope } from '../domain/access/policy.ts';
import { auditRow } from './access-store.ts';
import { scopesOf } from './offering-scope.ts';
import type { DB, ProposedChangeTable } from './schema.ts';

function parseTexts(value: unknown): OfferingTexts {
  return (typeof value === 'string' ? JSON.parse(value) : value) as OfferingTexts;
}

function proposalOf(row: Selectable<ProposedChangeTable>, scope: OfferingListItem): ProposedChange & { scope: OfferingScope } {
  return {
    id: row.id,
    offering: { id: scope.id, slug: scope.slug, name: scope.name },
    texts: parseTexts(row.texts),
    baseTexts: parseTexts(row.base_texts),
    baseVersion: row.base_version,
    proposedBy: { id: row.proposed_by, name: row.proposed_by_name },
    createdAt: new Date(row.created_at),
    status: row.status,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at ? new Date(row.decided_at) : null,
    reason: row.reason,
    scope,
  };
}

/** The back office's reads and writes of offerings on Kysely. */
export function createBackOfficeStore(db: Kysely<DB>): BackOfficeStore {
  const scopeColumns = ['id', 'slug', 'name', 'parent_id', 'operator_id', 'centre_id', 'ownership', 'updated_at'] as const;

  async function list(executor: Kysely<DB>): Promise<OfferingListItem[]> {
    const rows = await executor.selectFrom('offering').select(scopeColumns).execute();
    return scopesOf(rows).map((row) => ({ ...row.scope, slug: row.slug, name: row.name, updatedAt: new Date(row.updated_at) }));
  }

  async function forEdit(executor: Kysely<DB>, where: { slug: string } | { id: string }): Promise<OfferingForEdit | null> {
    const query = executor
      .selectFrom('offering')
      .leftJoin('organization as operator', 'operator.id', 'offering.operator_id')
      .select([
        'offering.id',
        'offering.slug',
        'offering.description',
        'offering.first_visit',
        'offering.who_meets_you',
        'offering.email',
        'offering.phone',
        'offering.url',
        'offering.version',
        'operator.edits_need_review',
        'operator.ownership as operator_ownership',
      ]);
    const row = await ('slug' in where ? query.where('offering.slug', '=', where.slug) : query.where('offering.id', '=', where.id)).executeTakeFirst();
    if (!row) return null;
    const scope = (await list(executor)).find((item) => item.id === row.id)!;
    return {
      ...scope,
      version: row.version,
      operatorNeedsReview: row.edits_need_review ?? row.operator_ownership === 'self_governing',
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
        const entry = audit(current.texts, version);
        // Saving an edit also says the details are right now: it counts as a verification (ADR 014).
        await trx
          .updateTable('offering')
          .set({ ...columnsOf(texts), version, updated_at: new Date(), verified_at: entry.at, verified_by: entry.actorId })
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .execute();
        const inserted = await trx
          .insertInto('audit_entry')
          .values(auditRow(entry))
          .returning('id')
          .executeTakeFirstOrThrow();
        return { status: 'saved' as const, version, auditId: String(inserted.id) };
      });
    },
    async propose(change, entry) {
      const id = crypto.randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('proposed_change')
          .values({
            id,
            offering_id: change.offeringId,
            proposed_by: change.by.id,
            proposed_by_name: change.by.name,
            texts: JSON.stringify(change.texts),
            base_texts: JSON.stringify(change.baseTexts),
            base_version: change.baseVersion,
            created_at: entry.at,
          })
          .execute();
        await trx.insertInto('audit_entry').values(auditRow({ ...entry, detail: { ...entry.detail, proposal: id } })).execute();
      });
      return id;
    },
    async proposals(filter) {
      let query = db.selectFrom('proposed_change').selectAll().orderBy('created_at', 'desc');
      if (filter.offeringId) query = query.where('offering_id', '=', filter.offeringId);
      if (filter.status) query = query.where('status', '=', filter.status);
      const rows = await query.execute();
      const scopes = new Map((await list(db)).map((item) => [item.id, item]));
      return rows.flatMap((row) => {
        const scope = scopes.get(row.offering_id);
        return scope ? [proposalOf(row, scope)] : [];
      });
    },
    async proposal(id) {
      if (!/^[0-9a-f-]{36}$/.test(id)) return null;
      const row = await db.selectFrom('proposed_change').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return null;
      const scope = (await list(db)).find((item) => item.id === row.offering_id);
      return scope ? proposalOf(row, scope) : null;
    },
    async decide(id, decision, audit) {
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('proposed_change').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) return 'not_found' as const;
        if (row.status !== 'pending') return 'decided' as const;
        let before: OfferingTexts | null = null;
        if (decision.status === 'approved') {
          const current = await forEdit(trx, { id: row.offering_id });
          if (!current) return 'not_found' as const;
          before = current.texts;
          await trx
            .updateTable('offering')
            .set({
              ...columnsOf(applyProposal(current.texts, { baseTexts: parseTexts(row.base_texts), texts: parseTexts(row.texts) })),
              version: current.version + 1,
              updated_at: decision.at,
              // An approved change is a saved edit, and so a verification by the person approving it (ADR 014).
              verified_at: decision.at,
              verified_by: decision.by.id,
            })
            .where('id', '=', row.offering_id)
            .execute();
        }
        await trx
          .updateTable('proposed_change')
          .set({ status: decision.status, decided_by: decision.by.id, decided_by_name: decision.by.name, decided_at: decision.at, reason: decision.reason })
          .where('id', '=', id)
          .execute();
        for (const entry of audit(before)) await trx.insertInto('audit_entry').values(auditRow(entry)).execute();
        return 'done' as const;
      });
    },
    async history(offeringId) {
      const rows = await db
        .selectFrom('audit_entry')
        .select(['id', 'at', 'actor_name', 'summary', 'detail'])
        .where('resource_type', '=', 'offering')
        .where('resource_id', '=', offeringId)
        .where('action', '=', 'offering.edit')
        .orderBy('id', 'desc')
        .execute();
      return rows.map((row) => {
        const detail = (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as { before: OfferingTexts; after: OfferingTexts };
        return { auditId: String(row.id), at: new Date(row.at), actorName: row.actor_name, summary: row.summary, before: detail.before, after: detail.after };
      });
    },
    async statusEvents(offeringId) {
      const rows = await db
        .selectFrom('status_event')
        .leftJoin('offering as related', 'related.id', 'status_event.related_offering_id')
        .selectAll('status_event')
        .select('related.name as related_name')
        .where('status_event.offering_id', '=', offeringId)
        .orderBy('status_event.is_baseline', 'desc')
        .orderBy(sql`coalesce(status_event.recorded_on, status_event.occurs_on)`)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        status: row.status,
        occursOn: row.occurs_on,
        recordedOn: row.recorded_on,
        isBaseline: row.is_baseline,
        relatedOfferingId: row.related_offering_id,
        relatedOfferingName: row.related_name,
        note: row.note,
        fromSources: row.is_baseline || row.seed_refs.length > 0,
      }));
    },
    async addStatusEvent(offeringId, change, recordedOn, entry) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('status_event')
          .values({
            id: crypto.randomUUID(),
            offering_id: offeringId,
            status: change.kind,
            occurs_on: change.occursOn,
            recorded_on: recordedOn,
            related_offering_id: change.relatedOfferingId,
            note: change.note || null,
            seed_refs: [],
          })
          .execute();
        await trx.updateTable('offering').set({ updated_at: entry.at }).where('id', '=', offeringId).execute();
        await trx.insertInto('audit_entry').values(auditRow(entry)).execute();
      });
    },
    async removeStatusEvent(offeringId, eventId, audit) {
      if (!/^[0-9a-f-]{36}$/.test(eventId)) return false;
      const event = (await this.statusEvents(offeringId)).find((item) => item.id === eventId && !item.fromSources);
      if (!event) return false;
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('status_event').where('id', '=', eventId).where('offering_id', '=', offeringId).execute();
        await trx.insertInto('audit_entry').values(auditRow(audit(event))).execute();
      });
      return true;
    },
    async savedChange(auditId) {
      if (!/^\d{1,18}$/.test(auditId)) return null;
      const row = await db
        .selectFrom('audit_entry')
        .select(['resource_id', 'detail', 'action'])
        .where('id', '=', auditId)
        .executeTakeFirst();
      if (row?.action !== 'offering.edit' || !row.resource_id) return null;
      const detail = (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as {
        before: OfferingTexts;
        after: OfferingTexts;
        version: number;
      };
      return { offeringId: row.resource_id, before: detail.before, after: detail.after, version: detail.version };
    },
  };
}
