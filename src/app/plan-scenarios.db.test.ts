import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import { testNow } from '../../test/support/clock.ts';
import type { Database } from '../db/database.ts';
import { createRangeRepository } from '../db/range-repository.ts';
import { createScenarioStore } from '../db/scenario-store.ts';
import { modelScenarioId } from '../db/seed/seed-scenarios.ts';
import { seedIds } from '../db/seed/seed-range.ts';
import type { Principal } from '../domain/access/policy.ts';
import { compareRanges } from '../domain/planning/scenario.ts';
import { addScenarioChange, createScenario, publishScenario, rangeOfScenario, removeScenarioChange, saveScenarioDraft } from './plan-scenarios.ts';

let database: Database;
const planner: Principal = { accountId: crypto.randomUUID(), name: 'Planlægger Pia', grants: [{ role: 'planner', offeringId: null, organizationId: null }] };

before(async () => {
  database = await createTestDatabase();
  await database.db.insertInto('account').values({ id: planner.accountId, email: 'pia@kk.dk', name: planner.name }).execute();
});
after(() => database.close());

const deps = () => ({ store: createScenarioStore(database.db), range: createRangeRepository(database.db), now: testNow });
const byId = (slug: string) => seedIds.offering(slug);

describe(`planning scenarios in the database (${databaseKind})`, () => {
  it('holds the 2016 model as a published scenario: every closing, merger, replacement and new house of the portfolio', async () => {
    const scenario = await deps().store.get(modelScenarioId);
    assert.ok(scenario);
    assert.equal(scenario.state, 'published');
    const { before: start, after: end } = await rangeOfScenario(deps().range, scenario);
    const state = (slug: string) => end.find((place) => place.offeringId === byId(slug))?.state;
    for (const slug of ['amadeus', 'pegasus', 'cafe-rose', 'lyrskovgade', 'cafe-offside', 'linnesgade', 'nordstjernen']) assert.equal(state(slug), 'closed', slug);
    for (const slug of ['sydhavnen-multihus', 'svendborggade', 'ungehus', 'nabo-satellit', 'videnscenter']) assert.equal(state(slug), 'new', slug);
    for (const slug of ['fountain-house', 'kontaktcenteret', 'nabo']) assert.equal(state(slug), 'open', slug);
    assert.equal(start.some((place) => place.offeringId === byId('milepaelen')), false, 'Milepælen had closed before the model');
    const comparison = compareRanges(start, end);
    assert.deepEqual(comparison.merged.filter((place) => place.successorId === byId('sydhavnen-multihus')).length, 3);
    assert.equal(end.find((place) => place.offeringId === byId('lyrskovgade'))?.successorId, byId('kontaktcenteret'));
    assert.ok(scenario.changes.every((change) => change.rationale.includes('Kilde: bilag')), 'every change names its source');
  });

  it('refuses any change to a published scenario, even straight in the database', async () => {
    await assert.rejects(sql`update planning_scenario set title = 'Ændret' where id = ${modelScenarioId}`.execute(database.db), /read-only/);
    const outcome = await saveScenarioDraft(deps(), modelScenarioId, { title: 'Ændret', summary: '', baseVersion: 1 }, planner, 'test');
    assert.deepEqual(outcome, { kind: 'published' });
  });

  it('drafts a scenario, adds and refuses changes, keeps a stale save apart and publishes what was seen', async () => {
    const created = await createScenario(deps(), { title: 'Sydhavnen 2027', summary: '', startsOn: '2026-12-01' }, planner, 'test');
    assert.equal(created.kind, 'created');
    const id = created.kind === 'created' ? created.id : '';
    const base = { rationale: 'Lokalerne er utidssvarende.', budget: { appropriation: '1613', amountPerYear: -900, fromYear: 2027, priceLevel: '2026' } };
    const nabo = byId('nabo');
    const added = await addScenarioChange(deps(), id, { ...base, id: crypto.randomUUID(), kind: 'close', on: '2027-03-01', offeringId: nabo }, planner, 'test');
    assert.deepEqual(added, { kind: 'added', version: 2 });
    const again = await addScenarioChange(deps(), id, { ...base, id: crypto.randomUUID(), kind: 'close', on: '2027-04-01', offeringId: nabo }, planner, 'test');
    assert.equal(again.kind, 'invalid');
    assert.match(again.kind === 'invalid' ? again.problems[0]!.message : '', /allerede lukket i scenariet fra 1\. marts 2027/);
    const early = await addScenarioChange(deps(), id, { ...base, id: crypto.randomUUID(), kind: 'profile', on: '2026-01-01', offeringId: byId('kompasset'), profile: 'both' }, planner, 'test');
    assert.match(early.kind === 'invalid' ? early.problems[0]!.message : '', /før scenariets startdato/);

    // Two people on the same draft: the second save was read at version 1 and is kept apart, not written over the first.
    const first = await saveScenarioDraft(deps(), id, { title: 'Sydhavnen 2027', summary: 'Første udkast', baseVersion: 2 }, planner, 'test');
    assert.deepEqual(first, { kind: 'saved', version: 3 });
    const stale = await saveScenarioDraft(deps(), id, { title: 'Sydhavnen 2027', summary: 'Andet udkast', baseVersion: 2 }, planner, 'test');
    assert.equal(stale.kind, 'stale');
    assert.equal(stale.kind === 'stale' ? stale.current.summary : '', 'Første udkast');

    assert.equal((await publishScenario(deps(), id, 2, planner, 'test')).kind, 'stale', 'publishing an older version is refused');
    assert.equal(await removeScenarioChange(deps(), id, 'no-such-change', planner, 'test'), 'removed');
    assert.deepEqual(await publishScenario(deps(), id, 3, planner, 'test'), { kind: 'published' });
    const published = await deps().store.get(id);
    assert.equal(published?.state, 'published');
    assert.equal(published?.changes.length, 1);
    const audit = await database.db.selectFrom('audit_entry').select('action').where('resource_id', '=', id).execute();
    assert.deepEqual(audit.map((row) => row.action).sort(), ['scenario.change.add', 'scenario.create', 'scenario.edit', 'scenario.publish']);
    const list = await deps().store.list({ publishedOnly: true });
    assert.deepEqual(list.map((item) => item.id).sort(), [id, modelScenarioId].sort());
  });
});
