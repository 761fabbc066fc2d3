import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { datesFrom } from '../../src/domain/schedule/model.ts';

/** Tallies written straight into the table (the tally form's checks are tested with the form), one per date. */
export async function addTallies(db: Kysely<DB>, tallies: { offeringId: string; from: string; to: string; visits: number; by: string; at?: Date }) {
  const rows = datesFrom(tallies.from, tallies.to).map((date) => ({
    id: crypto.randomUUID(),
    client_id: crypto.randomUUID(),
    offering_id: tallies.offeringId,
    on_date: date,
    visits: tallies.visits,
    registered_by_name: tallies.by,
    registered_at: tallies.at ?? new Date(`${date}T15:00:00Z`),
  }));
  if (rows.length) await db.insertInto('visit_tally').values(rows).execute();
}

/** A month confirmed or disputed, as the tally page records it. */
export async function addReview(
  db: Kysely<DB>,
  review: { offeringId: string; month: string; verdict: 'confirmed' | 'disputed'; visitsSeen: number; comment?: string; by: string; at: Date },
) {
  await db
    .insertInto('visit_month_review')
    .values({
      id: crypto.randomUUID(),
      offering_id: review.offeringId,
      month: review.month,
      verdict: review.verdict,
      visits_seen: review.visitsSeen,
      comment: review.comment ?? null,
      reviewed_by_name: review.by,
      reviewed_at: review.at,
    })
    .execute();
}
