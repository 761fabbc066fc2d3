import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import type { Database } from '../db/database.ts';
import { createRangeRepository } from '../db/range-repository.ts';
import { emptyCriteria, explainMatch, type FinderCriteria } from '../domain/finder.ts';
import { matchOpen } from '../domain/schedule/open-filter.ts';
import { statusOn } from '../domain/status.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { RangeRepository } from './ports.ts';
import { searchRange } from './search-range.ts';

const now = new Date('2026-11-23T10:00:00Z');

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
    (await searchRange({ range, criteria: { ...emptyCriteria, ...criteria }, now })).results.map((item) => item.offering.name);

  it('understands Danish word forms: «værestederne» finds Værestedet Lyrskovgade', async () => {
    assert.ok((await names({ text: 'værestederne' })).includes('Værestedet Lyrskovgade'));
  });

  it('forgives missing Danish letters and typos: «vaerested», «vaersted», «kompasett»', async () => {
    assert.ok((await names({ text: 'vaerested' })).includes('Værestedet Lyrskovgade'));
    assert.ok((await names({ text: 'vaersted' })).includes('Værestedet Lyrskovgade'));
    assert.deepEqual((await names({ text: 'kompasett' }))[0], 'Kompasset');
  });

  it('«fællesspisning» finds places that describe it and places with it as an activity, saying which', async () => {
    const search = await searchRange({ range, criteria: { ...emptyCriteria, text: 'fællesspisning' }, now });
    const byName = new Map(search.results.map((item) => [item.offering.name, item.reasons]));
    assert.deepEqual(byName.get('Ungehus og brugerdrevet café'), ['Beskrivelsen handler om «fællesspisning»']);
    assert.deepEqual(byName.get('Nabo'), ['Aktiviteten «Fællesspisning» (eksempeldata)']);
    assert.ok(byName.has('Mamma Mia'));
  });

  it('nonsense finds nothing rather than everything', async () => {
    assert.deepEqual(await names({ text: 'xyzzy qwerty' }), []);
    assert.deepEqual(await names({ text: '\0 ' }), [], 'a text of nothing but NUL and spaces');
  });

  it('a closed place is found by its name, with its status, so nobody is left guessing', async () => {
    const search = await searchRange({ range, criteria: { ...emptyCriteria, text: 'Milepælen' }, now });
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
    const search = await searchRange({ range, criteria: { ...emptyCriteria, districtSlug: 'atlantis' }, now });
    assert.deepEqual(search.dropped, ['district']);
    assert.equal(search.results.length, search.openCount);
  });

  it('near an address, places come nearest first, and places without a point come last', async () => {
    const origin = { latitude: 55.664, longitude: 12.61, label: 'Portugalsgade 10', isApproximate: true };
    const search = await searchRange({ range, criteria: emptyCriteria, now, origin });
    assert.equal(search.results[0]?.offering.name, 'Nabo');
    const distances = search.results.map((item) => item.distanceMetres);
    const located = distances.filter((value): value is number => value !== null);
    assert.deepEqual(located, [...located].sort((a, b) => a - b));
    assert.deepEqual(distances.slice(located.length), distances.filter((value) => value === null), 'unlocated places come after all located ones');
    assert.ok(search.results.some((item) => item.offering.slug === 'nabo-satellit' && item.distanceMetres === null));
  });

  it('adding a filter never adds a result', async () => {
    const { facets } = await searchRange({ range, criteria: emptyCriteria, now });
    const criteriaArb = fc.record({
      text: fc.constantFrom(null, 'værested', 'musik', 'unge', 'sundhed'),
      districtSlug: fc.constantFrom(null, ...facets.districts.map((item) => item.slug)),
      centreSlug: fc.constantFrom(null, ...facets.centres.map((item) => item.slug)),
      profile: fc.constantFrom(null, 'social' as const, 'development' as const, 'both' as const),
      targetGroups: fc.subarray(['young', 'over_40', 'ethnic_minority', 'relatives'] as const).map((items) => [...items]),
      interests: fc.subarray(['dining', 'music', 'health', 'work', 'education'] as const).map((items) => [...items]),
      staffing: fc.constantFrom(null, 'staff' as const, 'user_run' as const),
      open: fc.constantFrom(null, { kind: 'now' as const }, { kind: 'holidays' as const }),
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

  it('storage filters by the same rules as the domain: for any filters, the places explainMatch accepts', async () => {
    const { items } = await range.findOfferings({}, 'all');
    const { facets } = await searchRange({ range, criteria: emptyCriteria, now });
    const date = copenhagenDate(now);
    const criteriaArb = fc.record({
      text: fc.constant(null),
      districtSlug: fc.constantFrom(null, ...facets.districts.map((item) => item.slug)),
      centreSlug: fc.constantFrom(null, ...facets.centres.map((item) => item.slug)),
      profile: fc.constantFrom(null, 'social' as const, 'development' as const, 'both' as const),
      targetGroups: fc.subarray(['young', 'over_40', 'ethnic_minority', 'relatives', 'substance_abuse'] as const).map((items) => [...items]),
      interests: fc.subarray(['dining', 'creative', 'music', 'sports', 'nature', 'games', 'education', 'work', 'health'] as const).map((items) => [
        ...items,
      ]),
      staffing: fc.constantFrom(null, 'staff' as const, 'user_run' as const),
      open: fc.constantFrom(
        null,
        { kind: 'now' as const },
        { kind: 'holidays' as const },
        { kind: 'at' as const, date: '2026-11-24', time: '10:00' },
        { kind: 'at' as const, date: '2026-11-28', time: '11:30' },
        { kind: 'at' as const, date: '2026-12-24', time: '18:00' },
        { kind: 'at' as const, date: '2027-03-28', time: '02:30' },
      ),
    });
    await fc.assert(
      fc.asyncProperty(criteriaArb, async (criteria: FinderCriteria) => {
        const expected = items
          .filter((offering) => {
            const { state } = statusOn(offering.events, date);
            if (state === 'unknown') return false;
            const open = criteria.open && matchOpen(offering.schedule, criteria.open, now.getTime());
            return explainMatch(offering, state, criteria, null, open) !== null;
          })
          .map((offering) => offering.slug)
          .sort();
        const search = await searchRange({ range, criteria, now });
        assert.deepEqual(search.results.map((item) => item.offering.slug).sort(), expected);
        assert.equal(search.total, expected.length);
      }),
      { numRuns: 60 },
    );
  });

  it('in pages: the pages together are the whole list in the same order, each with the whole count', async () => {
    const criteria = { ...emptyCriteria, text: 'værested' };
    const whole = await searchRange({ range, criteria, now });
    assert.ok(whole.total > 5, 'the seeded range has enough to page');
    const pages = [];
    for (let page = 1; page <= Math.ceil(whole.total / 5); page++) {
      const search = await searchRange({ range, criteria, now, page: { page, perPage: 5 } });
      assert.equal(search.total, whole.total);
      assert.deepEqual(search.paging, { page, perPage: 5, pageCount: Math.ceil(whole.total / 5), requested: page });
      pages.push(...search.results);
    }
    assert.deepEqual(
      pages.map((item) => [item.offering.slug, item.reasons]),
      whole.results.map((item) => [item.offering.slug, item.reasons]),
    );
    const past = await searchRange({ range, criteria, now, page: { page: 99, perPage: 5 } });
    assert.equal(past.paging?.page, Math.ceil(whole.total / 5), 'a page past the end shows the last one');
    assert.equal(past.paging?.requested, 99);
  });

  describe('open now, at a time, on holidays (example hours)', () => {
    // Reasons keep a time span on one line with word joiners; compare the words.
    const at = async (iso: string, open: FinderCriteria['open']) =>
      (await searchRange({ range, criteria: { ...emptyCriteria, open }, now: new Date(iso) })).results.map((item) => ({
        ...item,
        reasons: item.reasons.map((reason) => reason.replaceAll('\u2060', '')),
      }));

    it('on a Monday at 11:00 finds Nabo, open until 16:00, and not Hørsholmsgade, which opens on Tuesdays', async () => {
      const results = await at('2026-11-23T10:00:00Z', { kind: 'now' });
      const nabo = results.find((item) => item.offering.slug === 'nabo');
      assert.ok(nabo?.reasons.includes('Åbent nu til 16:00'));
      assert.ok(!results.some((item) => item.offering.slug === 'horsholmsgade'));
      assert.ok(results.length > 0);
    });

    it('on a Saturday at noon finds the user-run hours and says so', async () => {
      const results = await at('2026-11-28T11:00:00Z', { kind: 'now' });
      const ottilia = results.find((item) => item.offering.slug === 'ottilia');
      assert.ok(ottilia?.reasons.includes('Åbent nu til 15:00 (brugerstyret)'), ottilia?.reasons.join(' | '));
      assert.ok(!results.some((item) => item.offering.slug === 'nabo'), 'Nabo is closed on Saturdays');
    });

    it('at Christmas Eve 18:00 finds only the places that open then', async () => {
      const results = await at('2026-11-23T10:00:00Z', { kind: 'at', date: '2026-12-24', time: '18:00' });
      assert.deepEqual(results.map((item) => item.offering.slug).sort(), ['kontaktcenteret', 'nabo']);
      assert.ok(results.find((item) => item.offering.slug === 'nabo')?.reasons.includes('Åbent torsdag 24. december kl. 18:00 (14:00–20:00)'));
    });

    it('on holidays lists the holidays a place keeps open', async () => {
      const results = await at('2026-11-23T10:00:00Z', { kind: 'holidays' });
      const nabo = results.find((item) => item.offering.slug === 'nabo');
      assert.ok(nabo?.reasons.some((reason) => reason.startsWith('Åbent på helligdage: juleaftensdag 14:00–20:00, nytårsaftensdag 14:00–18:00')));
      assert.ok(results.some((item) => item.offering.slug === 'ottilia'), 'Ottilia opens on Grundlovsdag');
      assert.ok(!results.some((item) => item.offering.slug === 'fountain-house'));
    });
  });
});
