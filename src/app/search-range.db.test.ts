import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import type { Database } from '../db/database.ts';
import { createRangeRepository } from '../db/range-repository.ts';
import { emptyCriteria, type FinderCriteria } from '../domain/finder.ts';
import type { RangeRepository } from './ports.ts';
import { searchRange } from './search-range.ts';

const date = '2026-11-23';

describe(`the finder (${databaseKind})`, () => {
  let database: Database;
  let range: RangeRepository;
  before(async () => {
    database = await createTestDatabase();
    range = createRangeRepository(database.db);
  });
  after(async () => {
    await database?.close();
  });

  const names = async (criteria: Partial<FinderCriteria>) =>
    (await searchRange({ range, criteria: { ...emptyCriteria, ...criteria }, date })).results.map((item) => item.offering.name);

  it('understands Danish word forms: «værestederne» finds Værestedet Lyrskovgade', async () => {
    assert.ok((await names({ text: 'værestederne' })).includes('Værestedet Lyrskovgade'));
  });

  it('forgives missing Danish letters and typos: «vaerested», «vaersted», «kompasett»', async () => {
    assert.ok((await names({ text: 'vaerested' })).includes('Værestedet Lyrskovgade'));
    assert.ok((await names({ text: 'vaersted' })).includes('Værestedet Lyrskovgade'));
    assert.deepEqual((await names({ text: 'kompasett' }))[0], 'Kompasset');
  });

  it('«fællesspisning» finds places that describe it and places with it as an activity, saying which', async () => {
    const search = await searchRange({ range, criteria: { ...emptyCriteria, text: 'fællesspisning' }, date });
    const byName = new Map(search.results.map((item) => [item.offering.name, item.reasons]));
    assert.deepEqual(byName.get('Ungehus og brugerdrevet café'), ['Beskrivelsen handler om «fællesspisning»']);
    assert.deepEqual(byName.get('Nabo'), ['Aktiviteten «Fællesspisning» (eksempeldata)']);
    assert.ok(byName.has('Mamma Mia'));
  });

  it('nonsense finds nothing rather than everything', async () => {
    assert.deepEqual(await names({ text: 'xyzzy qwerty' }), []);
  });

  it('a closed place is found by its name, with its status, so nobody is left guessing', async () => {
    const search = await searchRange({ range, criteria: { ...emptyCriteria, text: 'Milepælen' }, date });
    const milepaelen = search.results.find((item) => item.offering.slug === 'milepaelen');
    assert.equal(milepaelen?.status.state, 'closed');
    assert.ok(!(await names({ districtSlug: 'osterbro' })).includes('Milepælen'), 'closed places are not in filtered lists');
  });

  it('combines filters: young people and activities in the track, where "both" fits either wish', async () => {
    assert.deepEqual(await names({ targetGroups: ['young'], profile: 'development' }), [
      'Fountain House',
      'Fremtidsfabrikken',
      'Griffenfeldsgade 35',
      'Hørsholmsgade 20',
      'Ungehus og brugerdrevet café',
    ]);
    assert.deepEqual(await names({ targetGroups: ['young'], profile: 'both' }), ['Fountain House', 'Ungehus og brugerdrevet café']);
    assert.deepEqual(await names({ targetGroups: ['young'], profile: 'social' }), ['Fountain House', 'Ungehus og brugerdrevet café']);
  });

  it('a district or centre that does not exist is dropped and reported, not turned into zero results', async () => {
    const search = await searchRange({ range, criteria: { ...emptyCriteria, districtSlug: 'atlantis' }, date });
    assert.deepEqual(search.dropped, ['district']);
    assert.equal(search.results.length, search.openCount);
  });

  it('near an address, places come nearest first, and places without a point come last', async () => {
    const origin = { latitude: 55.664, longitude: 12.61, label: 'Portugalsgade 10', isApproximate: true };
    const search = await searchRange({ range, criteria: emptyCriteria, date, origin });
    assert.equal(search.results[0]?.offering.name, 'Nabo');
    const distances = search.results.map((item) => item.distanceMetres);
    const located = distances.filter((value): value is number => value !== null);
    assert.deepEqual(located, [...located].sort((a, b) => a - b));
    assert.deepEqual(distances.slice(located.length), distances.filter((value) => value === null), 'unlocated places come after all located ones');
    assert.ok(search.results.some((item) => item.offering.slug === 'nabo-satellit' && item.distanceMetres === null));
  });

  it('adding a filter never adds a result', async () => {
    const { facets } = await searchRange({ range, criteria: emptyCriteria, date });
    const criteriaArb = fc.record({
      text: fc.constantFrom(null, 'værested', 'musik', 'unge', 'sundhed'),
      districtSlug: fc.constantFrom(null, ...facets.districts.map((item) => item.slug)),
      centreSlug: fc.constantFrom(null, ...facets.centres.map((item) => item.slug)),
      profile: fc.constantFrom(null, 'social' as const, 'development' as const, 'both' as const),
      targetGroups: fc.subarray(['young', 'over_40', 'ethnic_minority', 'relatives'] as const).map((items) => [...items]),
      interests: fc.subarray(['dining', 'music', 'health', 'work', 'education'] as const).map((items) => [...items]),
      staffing: fc.constantFrom(null, 'staff' as const, 'user_run' as const),
    });
    await fc.assert(
      fc.asyncProperty(criteriaArb, fc.constantFrom('districtSlug', 'profile', 'staffing'), async (criteria, extra) => {
        const narrower: FinderCriteria =
          extra === 'districtSlug'
            ? { ...criteria, districtSlug: facets.districts[0]!.slug }
            : extra === 'profile'
              ? { ...criteria, profile: 'both' }
              : { ...criteria, staffing: 'staff' };
        if (criteria[extra] !== null) return;
        const wide = new Set(await names(criteria));
        for (const name of await names(narrower)) assert.ok(wide.has(name), `${name} appeared when a filter was added`);
      }),
      { numRuns: 40 },
    );
  });
});
