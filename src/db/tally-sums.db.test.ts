import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import type { Database } from './database.ts';
import { type Breakdown, type CountUnit, type StoredTally, sumTallies } from '../domain/counting/tally.ts';
import { stableId } from '../domain/stable-id.ts';
import { createVisitCountStore } from './visit-count-store.ts';

const offerings = [stableId('offering:nabo'), stableId('offering:kompasset')];
const day = (offset: number) => new Date(Date.UTC(2026, 9, 1 + offset)).toISOString().slice(0, 10);

/**
 * A report sums a city-year's tallies in SQL (ADR 029) instead of reading them all. Whatever the tallies —
 * corrected, withdrawn, in any unit, with any breakdowns, by people whose names sort differently in Danish —
 * the sums storage gives for any periods are exactly what the domain's `sumTallies` makes of the current tallies.
 */
describe(`the tallies summed in storage (${databaseKind})`, () => {
  let database: Database;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database?.close();
  });

  const breakdown = fc.option(
    fc.record(
      {
        age: fc.record({ under30: fc.nat(5), from65: fc.nat(5) }, { requiredKeys: [] }),
        returning: fc.record({ new: fc.nat(5), returning: fc.nat(5) }, { requiredKeys: [] }),
        language: fc.record({ danish: fc.nat(5) }),
      },
      { requiredKeys: [] },
    ),
    { nil: null },
  );
  const tally = fc.record({
    offering: fc.constantFrom(0, 1),
    day: fc.integer({ min: 0, max: 60 }),
    visits: fc.integer({ min: 0, max: 40 }),
    unit: fc.constantFrom<CountUnit>('day', 'period', 'activity'),
    name: fc.constantFrom('Åse Ørum', 'Anna Berg', 'Zoë Holm', 'ærlige Emil', 'Øjvind'),
    minute: fc.integer({ min: 0, max: 600 }),
    breakdown,
    // What happened to it afterwards: nothing, a correction to another number, or a withdrawal.
    later: fc.oneof(fc.constant(null), fc.record({ visits: fc.integer({ min: 0, max: 40 }), withdrawn: fc.boolean() })),
  });
  const period = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 })).map(([start, length]) => ({ from: day(start), to: day(Math.min(60, start + length)) }));

  it('gives for any periods what the domain sums from the current tallies', async () => {
    const store = createVisitCountStore(database.db);
    await fc.assert(
      fc.asyncProperty(fc.array(tally, { maxLength: 25 }), fc.array(period, { minLength: 1, maxLength: 3 }), async (tallies, periods) => {
        await database.db.deleteFrom('visit_tally').execute();
        const current: (StoredTally & { offeringId: string })[] = [];
        for (const item of tallies) {
          const id = crypto.randomUUID();
          const at = new Date(Date.UTC(2026, 9, 1 + item.day, 8, item.minute));
          const shape = {
            offering_id: offerings[item.offering]!,
            on_date: day(item.day),
            unit: item.unit,
            period_opens: item.unit === 'period' ? '10:00' : null,
            period_closes: item.unit === 'period' ? '14:00' : null,
            activity_id: item.unit === 'activity' ? 'strik' : null,
            activity_name: item.unit === 'activity' ? 'Strikkeklub' : null,
            breakdown: item.breakdown ? JSON.stringify(item.breakdown) : null,
            registered_by_name: item.name,
          };
          await database.db.insertInto('visit_tally').values({ ...shape, id, client_id: id, visits: item.visits, registered_at: at }).execute();
          let latest = { id, visits: item.visits, at, withdrawn: false };
          if (item.later) {
            const next = { id: crypto.randomUUID(), visits: item.later.visits, at: new Date(at.getTime() + 60_000), withdrawn: item.later.withdrawn };
            await database.db
              .insertInto('visit_tally')
              .values({ ...shape, id: next.id, client_id: next.id, visits: next.visits, registered_at: next.at, supersedes: id, withdrawn: next.withdrawn, reason: 'Talt forkert' })
              .execute();
            latest = next;
          }
          if (latest.withdrawn) continue;
          current.push({
            id: latest.id,
            clientId: latest.id,
            offeringId: shape.offering_id,
            date: shape.on_date,
            visits: latest.visits,
            openAnyway: false,
            registeredByName: item.name,
            registeredAt: latest.at,
            unit: item.unit,
            period: null,
            activity: null,
            breakdown: item.breakdown as Breakdown | null,
            supersedes: null,
            withdrawn: false,
            reason: null,
          });
        }
        const summed = await store.tallySums(offerings, periods);
        const expected = offerings.flatMap((offeringId) =>
          periods
            .map((item) => sumTallies(offeringId, current.filter((row) => row.offeringId === offeringId), item.from, item.to))
            .filter((sum) => sum.daysCounted > 0),
        );
        const order = (sums: typeof summed) => [...sums].sort((a, b) => `${a.offeringId}${a.from}${a.to}`.localeCompare(`${b.offeringId}${b.from}${b.to}`));
        // Two periods may be the same dates: each is summed, and both sums are the same.
        const unique = (sums: typeof summed) => [...new Map(sums.map((sum) => [`${sum.offeringId}${sum.from}${sum.to}`, sum])).values()];
        assert.deepEqual(order(unique(summed)), order(unique(expected)));
      }),
      { numRuns: 40 },
    );
  });
});
