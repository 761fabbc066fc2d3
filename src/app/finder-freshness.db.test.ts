import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import type { Database } from '../db/database.ts';
import { createRangeRepository } from '../db/range-repository.ts';
import { emptyCriteria } from '../domain/finder.ts';
import { freshnessLimits } from '../domain/freshness.ts';
import { searchRange } from './search-range.ts';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

describe(`A place nobody verifies leaves the finder (${databaseKind})`, () => {
  it('is gone from the finder and the front page after the second limit, and back once verified', async () => {
    const started = (await database.db.selectFrom('freshness_clock').select('started_at').executeTakeFirstOrThrow()).started_at;
    const later = new Date(new Date(started).getTime() + (freshnessLimits.expireAfterDays + 2) * 86_400_000);
    const range = createRangeRepository(database.db);
    const search = async (now: Date) => (await searchRange({ range, criteria: { ...emptyCriteria, text: 'Nabo' }, now })).results.map((result) => result.offering.slug);

    assert.ok((await search(new Date(started))).includes('nabo'));
    assert.deepEqual(await search(later), []);
    const frontPage = await (await createTestApp(database, later).request('/')).text();
    assert.doesNotMatch(frontPage, /href="\/tilbud\/nabo"/);

    await database.db.updateTable('offering').set({ verified_at: new Date(later.getTime() - 86_400_000) }).where('slug', '=', 'nabo').execute();
    assert.ok((await search(later)).includes('nabo'));
    assert.match(await (await createTestApp(database, later).request('/')).text(), /href="\/tilbud\/nabo"/);
  });
});
