import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { statusOn } from '../../domain/status.ts';
import type { Database } from '../database.ts';
import { createRangeRepository } from '../range-repository.ts';
import { loadOfferingTimes, replaceSchedule } from '../schedule-store.ts';
import { loadSeedFiles } from './seed-files.ts';
import { seedRange } from './seed-range.ts';

const { portfolio } = loadSeedFiles();

describe(`the Copenhagen range as seeded (${databaseKind})`, () => {
  let database: Database;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database?.close();
  });

  it('holds every offering of the portfolio with its name, address, centre and ownership as stated', async () => {
    const { items, total } = await createRangeRepository(database.db).findOfferings({}, 'all');
    assert.equal(total, portfolio.offerings.length);
    for (const source of portfolio.offerings) {
      const offering = items.find((item) => item.slug === source.id);
      assert.ok(offering, `${source.id} mangler`);
      assert.equal(offering.name, source.name);
      assert.deepEqual(offering.seedRefs, source.seed);
      const address = offering.locations.find((item) => item.location.kind === 'address')?.location;
      assert.equal(address?.address1 ?? null, source.address, `${source.id}: adresse`);
      if (source.lat !== null) {
        assert.equal(address?.latitude, source.lat);
        assert.equal(address?.longitude, source.lon);
        assert.equal(address?.coordinatePrecision, 'approximate');
      }
      assert.equal(offering.centre?.slug ?? null, source.centre ? `center-${source.centre}` : null);
      const expectedOwnership = source.ownership === 'self-governing' ? 'self_governing' : source.ownership;
      if (expectedOwnership) assert.equal(offering.ownership, expectedOwnership, `${source.id}: ejerform`);
      if (source.parent) assert.equal(offering.parent?.slug, source.parent);
    }
  });

  it('shows the 2016 model: closing places are closing, proposed ones proposed, closed ones closed', async () => {
    const { items } = await createRangeRepository(database.db).findOfferings({}, 'all');
    const stateOf = (slug: string) => statusOn(items.find((item) => item.slug === slug)!.events, '2016-03-01');
    for (const source of portfolio.offerings) {
      const state = stateOf(source.id).state;
      if (source.after === 'closes') assert.equal(state, 'closing', source.id);
      if (source.after === 'proposed') assert.equal(state, 'proposed', source.id);
      if (source.after === 'continues' || source.after === 'continues-with-new-offering') assert.equal(state, 'active', source.id);
      if (source.before === 'closed') assert.equal(state, 'closed', source.id);
    }
    const amadeus = stateOf('amadeus');
    const multihus = items.find((item) => item.slug === 'sydhavnen-multihus')!;
    assert.equal(amadeus.planned?.kind, 'merged_into');
    assert.equal(amadeus.planned?.relatedOfferingId, multihus.id);
    // Milepælen stayed open three days a week until 16 December 2015.
    assert.equal(stateOf('milepaelen').since, '2015-12-16');
    assert.equal(statusOn(items.find((item) => item.slug === 'milepaelen')!.events, '2015-12-01').state, 'closing');
  });

  it('keeps both budget lines for every year at the 2013 price level, and the expired grants', async () => {
    const lines = await database.db.selectFrom('budget_line').selectAll().execute();
    const expected = portfolio.budget.lines.flatMap((line) =>
      Object.entries(line.amounts).map(([year, amount]) => `${line.appropriation}|${line.function}|${year}|${amount}`),
    );
    assert.deepEqual(
      lines.map((line) => `${line.appropriation}|${line.function_code}|${line.year}|${Number(line.amount_thousand_dkk)}`).sort(),
      expected.sort(),
    );
    assert.ok(lines.every((line) => line.price_level === 2013 && line.is_permanent));
    const grants = await database.db.selectFrom('grant_expiry').select('expires_year').execute();
    assert.equal(grants.length, 4);
  });

  it('names every operator in the portfolio once, and the four centres with their tracks', async () => {
    const organizations = await createRangeRepository(database.db).findOrganizations({}, 'all');
    const centres = organizations.items.filter((item) => item.kind === 'centre');
    assert.deepEqual(centres.map((item) => item.name).sort(), portfolio.centres.map((item) => item.name).sort());
    assert.ok(centres.every((item) => item.track !== null));
    const operatorNames = new Set(organizations.items.map((item) => item.name));
    for (const name of ['We Shelter', 'Askovfondens socialpsykiatri', 'Fountain House', "KFUM's Sociale Arbejde / KFUK"]) {
      assert.ok(operatorNames.has(name), name);
    }
  });

  it('marks every opening hour and activity as example data, since the seeds contain none', async () => {
    const hours = await database.db.selectFrom('schedule').select('is_example').execute();
    const activities = await database.db.selectFrom('activity').select('is_example').execute();
    assert.ok(hours.length > 0 && activities.length > 0);
    assert.ok([...hours, ...activities].every((row) => row.is_example));
    const offerings = await database.db.selectFrom('offering').select('is_example').execute();
    assert.ok(offerings.every((row) => !row.is_example));
  });

  it('seeding again changes nothing', async () => {
    const tables = ['organization', 'offering', 'location', 'status_event', 'budget_line', 'schedule', 'activity'] as const;
    const count = async () =>
      Promise.all(
        tables.map(async (table) =>
          Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
        ),
      );
    const before = await count();
    assert.equal((await seedRange(database.db, loadSeedFiles(), { today: '2026-11-23' })).skipped, true);
    assert.equal((await seedRange(database.db, loadSeedFiles(), { force: true, today: '2026-11-23' })).skipped, false);
    assert.deepEqual(await count(), before);
  });

  it('never overwrites an edit made after seeding', async () => {
    await database.db.updateTable('offering').set({ description: 'Redigeret af personalet' }).where('slug', '=', 'nabo').execute();
    await seedRange(database.db, loadSeedFiles(), { force: true, today: '2026-11-23' });
    const nabo = await database.db.selectFrom('offering').select('description').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
    assert.equal(nabo.description, 'Redigeret af personalet');
  });

  it('keeps the hours and activities staff saved when the example data is seeded again', async () => {
    const nabo = await database.db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
    const times = (await loadOfferingTimes(database.db, [nabo.id])).get(nabo.id)!;
    const saved = { ...times.schedule, rules: times.schedule.rules.slice(0, 1).map((rule) => ({ ...rule, closes: '23:00', isExample: false })) };
    await database.db.transaction().execute((trx) => replaceSchedule(trx, nabo.id, saved));
    const activity = times.activities[0]!;
    await database.db.updateTable('activity').set({ cancelled_on: ['2026-12-01'] }).where('id', '=', activity.id).execute();
    for (const action of ['schedule.replace', 'activity.cancel']) {
      await database.db
        .insertInto('audit_entry')
        .values({ at: new Date(), actor_id: null, actor_name: 'Søren Staff', action, resource_type: 'offering', resource_id: nabo.id, summary: 'Gemt', detail: '{}', source: null })
        .execute();
    }
    await seedRange(database.db, loadSeedFiles(), { force: true, today: '2026-11-23' });
    const after = (await loadOfferingTimes(database.db, [nabo.id])).get(nabo.id)!;
    assert.deepEqual(after.schedule.rules.map((rule) => rule.closes), ['23:00']);
    assert.deepEqual(after.activities.find((item) => item.id === activity.id)?.cancelledOn, ['2026-12-01']);
  });
});
