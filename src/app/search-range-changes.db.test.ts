import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import type { Database } from '../db/database.ts';
import { createRangeRepository } from '../db/range-repository.ts';
import { emptyCriteria, type FinderCriteria } from '../domain/finder.ts';
import { byDanishName } from '../domain/sorting.ts';
import type { RangeRepository } from './ports.ts';
import { searchRange } from './search-range.ts';

const now = new Date('2026-11-23T10:00:00Z');

// The finder keeps the range's state on a date between requests and finds typos through a word list
// (ADR 021); both must follow every change to the data at once.
describe(`the finder after changes to the data (${databaseKind})`, () => {
  let database: Database;
  let range: RangeRepository;
  before(async () => {
    database = await createTestDatabase();
    range = createRangeRepository(database.db);
  });
  after(async () => {
    await database?.close();
  });

  const search = (criteria: Partial<FinderCriteria>) => searchRange({ range, criteria: { ...emptyCriteria, ...criteria }, now });
  const slugs = async (criteria: Partial<FinderCriteria>) => (await search(criteria)).results.map((item) => item.offering.slug);
  const idOf = async (slug: string) => (await database.db.selectFrom('offering').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

  it('the range version moves on with a write to any table the kept state is read from, and not with a read', async () => {
    const before = await range.rangeVersion();
    await search({ text: 'værested' });
    assert.equal(await range.rangeVersion(), before, 'searching changes nothing');
    const writes = [
      sql`update offering set phone = phone where slug = 'nabo'`,
      sql`update status_event set note = note where false`,
      sql`update service_at_location set description = description where false`,
      sql`update location set name = name where false`,
      sql`update district set name = name where false`,
      sql`update organization set name = name where false`,
      sql`update freshness_clock set started_at = started_at where false`,
      // The opening hours "open now" keeps expanded per date (ADR 027).
      sql`update schedule set description = description where false`,
      sql`update schedule_exception set reason = reason where false`,
      sql`update holiday_rule set periods = periods where false`,
    ];
    let last = before;
    for (const write of writes) {
      await write.execute(database.db);
      const next = await range.rangeVersion();
      assert.ok(BigInt(next) > BigInt(last), `${write.compile(database.db).sql} moved the version on`);
      last = next;
    }
  });

  it('a place closed or renamed is seen by the next search', async () => {
    assert.ok((await slugs({})).includes('nabo'));
    const naboId = await idOf('nabo');

    // Renamed: the new name is found at once, by itself and by a typo of it.
    await database.db.updateTable('offering').set({ name: 'Naboskabet Sundby' }).where('id', '=', naboId).execute();
    const renamed = await search({ text: 'Naboskabet' });
    assert.equal(renamed.results.find((item) => item.offering.slug === 'nabo')?.offering.name, 'Naboskabet Sundby');
    assert.ok((await slugs({ text: 'Naboskabt' })).includes('nabo'), 'a typo of the new name');

    // Closed today: gone from unnamed searches, from the count and from the facets' numbers.
    const open = await search({});
    const placesInDistricts = (result: typeof open) => result.facets.districts.reduce((sum, item) => sum + item.count, 0);
    await database.db
      .insertInto('status_event')
      .values({ id: randomUUID(), offering_id: naboId, status: 'closed', occurs_on: '2026-11-01', recorded_on: '2026-11-01', is_baseline: false, seed_refs: [] })
      .execute();
    const closed = await search({});
    assert.ok(!closed.results.some((item) => item.offering.slug === 'nabo'));
    assert.equal(closed.openCount, open.openCount - 1);
    assert.ok(placesInDistricts(closed) < placesInDistricts(open));
    assert.ok((await slugs({ text: 'Naboskabet' })).includes('nabo'), 'found by its name, with its status');
    assert.ok(!(await slugs({ text: 'Naboskabt' })).includes('nabo'), 'but not by a typo of it');
  });

  it('a word new to the range is found by a typo as soon as it is saved, and the reason names the word', async () => {
    assert.deepEqual(await slugs({ text: 'strikkeklup' }), [], 'nobody knits yet');
    await database.db
      .updateTable('offering')
      .set({ description: sql`description || ' Hver tirsdag mødes strikkeklubben.'` })
      .where('slug', '=', 'ottilia')
      .execute();
    const found = await search({ text: 'strikeklubben' });
    const ottilia = found.results.find((item) => item.offering.slug === 'ottilia');
    assert.deepEqual(ottilia?.reasons, ['Ligner «strikeklubben»: teksten har «strikkeklubben»']);
    const english = await searchRange({ range, criteria: { ...emptyCriteria, text: 'strikeklubben' }, now, locale: 'en' });
    assert.deepEqual(english.results.find((item) => item.offering.slug === 'ottilia')?.reasons, [
      'Similar to “strikeklubben”: the text has “strikkeklubben”',
    ]);
  });

  it('with several words, each must have a word like it in the same place', async () => {
    const both = await search({ text: 'strikeklubben tirsdg' });
    assert.deepEqual(
      both.results.find((item) => item.offering.slug === 'ottilia')?.reasons,
      ['Ligner «strikeklubben tirsdg»: teksten har «strikkeklubben» og «tirsdag»'],
    );
    assert.deepEqual(await slugs({ text: 'strikeklubben xyzzy' }), [], 'one word like nothing: no typo match');
  });

  it('every save of a place writes its words again', async () => {
    const id = await idOf('ottilia');
    await database.db.deleteFrom('offering_words').where('offering_id', '=', id).execute();
    assert.ok(!(await slugs({ text: 'strikeklubben' })).includes('ottilia'), 'found only through its words');
    await database.db.updateTable('offering').set({ name: sql`name` }).where('id', '=', id).execute();
    assert.ok((await slugs({ text: 'strikeklubben' })).includes('ottilia'), 'a save writes them again');
  });

  it('hours changed are seen by the next "open now" search, on the day and at a chosen time', async () => {
    // Monday 23 November 2026 at 11:00 in Copenhagen, and the Monday after: a place open at both.
    const openNow = async () => (await search({ open: { kind: 'now' } })).results.map((item) => item.offering.slug);
    const openAt = async () => (await search({ open: { kind: 'at', date: '2026-11-30', time: '11:00' } })).results.map((item) => item.offering.slug);
    const later = await openAt();
    const slug = (await openNow()).find((item) => later.includes(item));
    assert.ok(slug, 'some place is open on both Mondays');
    const id = await idOf(slug);
    const closedFor = (date: string) => ({
      id: randomUUID(),
      offering_id: id,
      starts_on: date,
      ends_on: date,
      kind: 'closed' as const,
      periods: JSON.stringify([]),
      reason: 'Personaledag',
      updated_at: now.toISOString(),
    });
    await database.db.insertInto('schedule_exception').values([closedFor('2026-11-23'), closedFor('2026-11-30')]).execute();
    assert.ok(!(await openNow()).includes(slug), 'closed today');
    assert.ok(!(await openAt()).includes(slug), 'closed that Monday');
    await database.db.deleteFrom('schedule_exception').where('offering_id', '=', id).where('reason', '=', 'Personaledag').execute();
    assert.ok((await openNow()).includes(slug), 'open again');
    assert.ok((await openAt()).includes(slug), 'open again that Monday');
  });

  it('the list stays in Danish order when a place is renamed', async () => {
    const inDanishOrder = async () => {
      const names = (await search({})).results.map((item) => ({ id: item.offering.id, name: item.offering.name }));
      assert.deepEqual(
        names.map((item) => item.id),
        byDanishName(names).map((item) => item.id),
      );
      return names.map((item) => item.name);
    };
    await inDanishOrder();
    const id = await idOf('ottilia');
    const { name } = await database.db.selectFrom('offering').select('name').where('id', '=', id).executeTakeFirstOrThrow();
    await database.db.updateTable('offering').set({ name: 'Åhuset' }).where('id', '=', id).execute();
    const renamed = await inDanishOrder();
    assert.equal(renamed.at(-1), 'Åhuset', 'Å comes last in Danish');
    await database.db.updateTable('offering').set({ name: 'Aabenrum' }).where('id', '=', id).execute();
    const again = await inDanishOrder();
    assert.equal(again.at(-1), 'Aabenrum', 'and so does Aa, which Danish reads as Å');
    await database.db.updateTable('offering').set({ name: 'Abekatten' }).where('id', '=', id).execute();
    assert.equal((await inDanishOrder())[0], 'Abekatten', 'and back to the front');
    await database.db.updateTable('offering').set({ name }).where('id', '=', id).execute();
    await inDanishOrder();
  });
});
