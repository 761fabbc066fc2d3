import type { Kysely } from 'kysely';
import type { BudgetStore } from '../app/plan-budget.ts';
import { auditRow } from './access-store.ts';
import type { DB } from './schema.ts';

/** BudgetStore on Kysely (migration 0018, ADR 032). */
export function createBudgetStore(db: Kysely<DB>): BudgetStore {
  return {
    async appropriations() {
      const rows = await db.selectFrom('appropriation').selectAll().orderBy('number').execute();
      return rows.map((row) => ({ number: row.number, name: row.name, committee: row.committee, functionCode: row.function_code }));
    },
    async lines() {
      const rows = await db.selectFrom('budget_line').selectAll().orderBy('appropriation').orderBy('year').execute();
      return rows.map((row) => ({
        appropriation: row.appropriation,
        year: row.year,
        amountThousandDkk: Number(row.amount_thousand_dkk),
        priceLevel: row.price_level,
        isPermanent: row.is_permanent,
        kind: row.kind,
        note: row.note,
      }));
    },
    async transfers() {
      const rows = await db.selectFrom('budget_transfer').selectAll().orderBy('first_year').orderBy('created_at').orderBy('id').execute();
      return rows.map((row) => ({
        id: row.id,
        from: row.from_appropriation,
        to: row.to_appropriation,
        firstYear: row.first_year,
        lastYear: row.last_year,
        amountThousandDkk: Number(row.amount_thousand_dkk),
        priceLevel: row.price_level,
        reason: row.reason,
        seedRefs: row.seed_refs,
      }));
    },
    async grants() {
      const rows = await db
        .selectFrom('grant_expiry')
        .innerJoin('offering', 'offering.id', 'grant_expiry.offering_id')
        .select(['offering.name', 'offering.slug', 'grant_expiry.expires_year', 'grant_expiry.expires_on', 'grant_expiry.was_renewed', 'grant_expiry.note'])
        .orderBy('grant_expiry.expires_year')
        .orderBy('offering.name')
        .execute();
      return rows.map((row) => ({
        offeringName: row.name,
        offeringSlug: row.slug,
        expiresYear: row.expires_year,
        expiresOn: row.expires_on,
        wasRenewed: row.was_renewed,
        note: row.note,
      }));
    },
    async addTransfer(transfer, by, audit) {
      const id = crypto.randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('budget_transfer')
          .values({
            id,
            from_appropriation: transfer.from,
            to_appropriation: transfer.to,
            first_year: transfer.firstYear,
            last_year: transfer.lastYear,
            amount_thousand_dkk: transfer.amountThousandDkk,
            price_level: transfer.priceLevel,
            reason: transfer.reason,
            created_by: by.id,
            created_by_name: by.name,
            created_at: audit.at,
          })
          .execute();
        await trx.insertInto('audit_entry').values(auditRow({ ...audit, resourceId: id })).execute();
      });
      return id;
    },
  };
}
