import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openingRule } from '../../test/support/schedule.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import type { Database } from '../db/database.ts';
import { createRangeRepository } from '../db/range-repository.ts';
import { createScheduleStore, loadOfferingTimes } from '../db/schedule-store.ts';
import type { Schedule } from '../domain/schedule/model.ts';
import { saveSchedule } from './save-schedule.ts';

describe(`saving a schedule (${databaseKind})`, () => {
  let database: Database;
  let naboId: string;
  before(async () => {
    database = await createTestDatabase();
    const { items } = await createRangeRepository(database.db).findOfferings({}, 'all');
    naboId = items.find((item) => item.slug === 'nabo')!.id;
  });
  after(async () => {
    await database?.close();
  });

  const current = async () => (await loadOfferingTimes(database.db, [naboId])).get(naboId)!.schedule;
  const rule = (id: string, weekday: number, opens: string, closes: string) => openingRule(weekday, opens, closes, { id });

  it('saves a whole new schedule and reads it back the same, every other week and holidays included', async () => {
    const schedule: Schedule = {
      rules: [
        rule('7c7e8a3e-1f0b-4c55-9d7e-000000000001', 1, '10:00', '16:00'),
        { ...rule('7c7e8a3e-1f0b-4c55-9d7e-000000000002', 3, '17:00', '21:00'), recurrence: { kind: 'weekly', interval: 2, anchor: '2026-11-25' } },
        { ...rule('7c7e8a3e-1f0b-4c55-9d7e-000000000003', 4, '19:00', '22:00'), recurrence: { kind: 'monthly', nth: -1 }, validFrom: '2026-09-01', validTo: '2027-05-31' },
      ],
      exceptions: [
        {
          id: '7c7e8a3e-1f0b-4c55-9d7e-000000000004',
          from: '2027-01-04',
          to: '2027-01-29',
          kind: 'transition',
          periods: [{ opens: '10:00', closes: '13:00', isUserRun: false, isStaffPresent: true, weekdays: [1] }],
          reason: 'Nedtrapning før lukning',
          isExample: false,
        },
      ],
      holidays: { standard: 'open', rules: [{ holiday: 'juleaftensdag', kind: 'hours', periods: [{ opens: '12:00', closes: '18:00', isUserRun: true, isStaffPresent: true }] }] },
    };
    const outcome = await saveSchedule({ store: createScheduleStore(database.db), offeringId: naboId, schedule });
    assert.deepEqual(outcome, { status: 'saved' });
    assert.deepEqual(await current(), schedule);
  });

  it('refuses a schedule with a problem, names the field, and keeps the saved one', async () => {
    const before = await current();
    const outcome = await saveSchedule({
      store: createScheduleStore(database.db),
      offeringId: naboId,
      schedule: { ...before, rules: [rule('7c7e8a3e-1f0b-4c55-9d7e-000000000009', 2, '16:00', '10:00')] },
    });
    assert.equal(outcome.status, 'invalid');
    assert.equal(outcome.status === 'invalid' && outcome.problems[0]?.field, 'rules.0.closes');
    assert.deepEqual(await current(), before);
  });

  it('a write that fails half-way leaves the old schedule whole', async () => {
    const before = await current();
    // Two exceptions with the same id: the rules are written, then the second exception fails.
    const duplicate = { ...before.exceptions[0]!, from: '2027-03-01', to: '2027-03-01', kind: 'closed' as const, periods: [] };
    const broken: Schedule = { ...before, rules: [rule('7c7e8a3e-1f0b-4c55-9d7e-000000000010', 5, '09:00', '12:00')], exceptions: [...before.exceptions, duplicate] };
    await assert.rejects(createScheduleStore(database.db).replaceSchedule(naboId, broken));
    assert.deepEqual(await current(), before);
  });

  it('says so when there is no such offering', async () => {
    const outcome = await saveSchedule({
      store: createScheduleStore(database.db),
      offeringId: '00000000-0000-4000-8000-000000000000',
      schedule: { rules: [], exceptions: [], holidays: { standard: 'closed', rules: [] } },
    });
    assert.deepEqual(outcome, { status: 'not_found' });
  });
});
