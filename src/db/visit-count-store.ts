import type { Kysely } from 'kysely';
import type { VisitCountStore } from '../app/register-visits.ts';
import type { DB } from './schema.ts';
import { auditRow } from './access-store.ts';

/** Visitor tallies in `visit_tally` (ADR 026); the client id's unique key refuses a tally sent twice. */
export function createVisitCountStore(db: Kysely<DB>): VisitCountStore {
  const select = (from: Kysely<DB>) =>
    from
      .selectFrom('visit_tally')
      .select(['id', 'client_id', 'offering_id', 'on_date', 'visits', 'open_anyway', 'registered_by_name', 'registered_at'])
      .orderBy('on_date')
      .orderBy('registered_at');
  const tally = (row: { id: string; client_id: string; offering_id: string; on_date: string; visits: number; open_anyway: boolean; registered_by_name: string; registered_at: Date }) => ({
    id: row.id,
    clientId: row.client_id,
    offeringId: row.offering_id,
    date: row.on_date,
    visits: row.visits,
    openAnyway: row.open_anyway,
    registeredByName: row.registered_by_name,
    registeredAt: new Date(row.registered_at),
  });
  return {
    async add(input, audit) {
      // PGlite has one connection: everything inside uses `trx`, never `db`.
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('visit_tally')
          .values({
            id: input.id,
            client_id: input.clientId,
            offering_id: input.offeringId,
            on_date: input.date,
            visits: input.visits,
            open_anyway: input.openAnyway,
            registered_by: input.registeredBy,
            registered_by_name: input.registeredByName,
            registered_at: input.registeredAt,
          })
          .onConflict((conflict) => conflict.column('client_id').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted) return 'duplicate';
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'added';
      });
    },
    async tallies(offeringId, from, to) {
      const rows = await select(db).where('offering_id', '=', offeringId).where('on_date', '>=', from).where('on_date', '<=', to).execute();
      return rows.map(tally);
    },
    async talliesOf(offeringIds, from, to) {
      if (offeringIds.length === 0) return [];
      const rows = await select(db).where('offering_id', 'in', [...offeringIds]).where('on_date', '>=', from).where('on_date', '<=', to).execute();
      return rows.map(tally);
    },
    async addReview(review, audit) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('visit_month_review')
          .values({
            id: review.id,
            offering_id: review.offeringId,
            month: review.month,
            verdict: review.verdict,
            visits_seen: review.visitsSeen,
            comment: review.comment,
            reviewed_by: review.reviewedBy,
            reviewed_by_name: review.reviewedByName,
            reviewed_at: review.reviewedAt,
          })
          .execute();
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
      });
    },
    async reviews(offeringId, month) {
      const rows = await db
        .selectFrom('visit_month_review')
        .select(['id', 'month', 'verdict', 'visits_seen', 'comment', 'reviewed_by_name', 'reviewed_at'])
        .where('offering_id', '=', offeringId)
        .where('month', '=', month)
        .orderBy('seq')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        month: row.month,
        verdict: row.verdict,
        visitsSeen: row.visits_seen,
        comment: row.comment,
        reviewedByName: row.reviewed_by_name,
        reviewedAt: new Date(row.reviewed_at),
      }));
    },
  };
}
