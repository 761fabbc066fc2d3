import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { emptyCriteria, type FinderCriteria } from '../domain/finder.ts';
import { type Interest, interests, type Profile, profiles, type TargetGroup, targetGroups } from '../domain/vocabulary.ts';
import { parseFinderQuery } from './finder-query.ts';
import { finderQueryString, listHref, listPageHref, mapHref } from './map-link.ts';

const parse = (queryString: string) => {
  const grouped: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(queryString)) grouped[key] = [...(grouped[key] ?? []), value];
  return parseFinderQuery(grouped, { today: '2026-11-23' });
};

const words = fc.array(fc.constantFrom('værested', 'musik', 'Amager', 'æble', 'Ø&C', '100%', 'a+b', 'Nørrebrogade 20', '2300'), {
  minLength: 1,
  maxLength: 4,
});
const slug = fc.stringMatching(/^[a-z0-9-]{1,20}$/);
const criteria: fc.Arbitrary<FinderCriteria> = fc.record({
  text: fc.option(words.map((items) => items.join(' '))),
  districtSlug: fc.option(slug),
  centreSlug: fc.option(slug),
  profile: fc.option(fc.constantFrom(...(Object.keys(profiles) as Profile[]))),
  targetGroups: fc.uniqueArray(fc.constantFrom(...(Object.keys(targetGroups) as TargetGroup[]))),
  interests: fc.uniqueArray(fc.constantFrom(...(Object.keys(interests) as Interest[]))),
  staffing: fc.option(fc.constantFrom('staff' as const, 'user_run' as const)),
  open: fc.option(
    fc.oneof(
      fc.constant({ kind: 'now' as const }),
      fc.constant({ kind: 'holidays' as const }),
      fc
        .record({ kind: fc.constant('at' as const), date: fc.constantFrom('2026-11-24', '2027-02-28'), time: fc.constantFrom('00:00', '18:30') })
        .map((open) => ({ ...open })),
    ),
  ),
});

describe('links between the list and the map', () => {
  it('the query string reads back as the same search, with nothing to warn about', () => {
    fc.assert(
      fc.property(criteria, fc.option(words.map((items) => items.join(' '))), (search, near) => {
        const parsed = parse(finderQueryString(search, near));
        assert.deepEqual(parsed.notices, []);
        assert.deepEqual(parsed.criteria, { ...search });
        assert.equal(parsed.near, near);
      }),
    );
  });

  it('uses the finder words a person can read, and nothing for an empty search', () => {
    assert.equal(
      mapHref({ ...emptyCriteria, text: 'musik', targetGroups: ['young', 'relatives'], profile: 'social' }, '2300'),
      '/kort?q=musik&naer=2300&profil=socialt&maalgruppe=unge&maalgruppe=paaroerende',
    );
    assert.equal(listHref({ ...emptyCriteria, interests: ['dining'], staffing: 'user_run' }, null), '/?interesse=spisning&bemanding=brugerstyret');
    assert.equal(mapHref(emptyCriteria, null), '/kort');
    assert.equal(listHref(emptyCriteria, null), '/');
  });

  it('a page of the list keeps every choice of the search and the shortlist, and reads back as the same search and page', () => {
    fc.assert(
      fc.property(criteria, fc.option(words.map((items) => items.join(' '))), fc.integer({ min: 1, max: 500 }), (search, near, page) => {
        const href = listPageHref(search, near, page, ['nabo', 'kompasset']);
        assert.match(href, /#resultater$/);
        const query = new URL(href, 'http://localhost').search;
        const parsed = parse(query);
        assert.deepEqual(parsed.criteria, { ...search });
        assert.equal(parsed.near, near);
        assert.equal(parsed.page, page);
        assert.equal(parsed.pageNotice, null);
        assert.equal(new URLSearchParams(query).get('steder'), 'nabo,kompasset');
      }),
    );
    assert.equal(listPageHref({ ...emptyCriteria, interests: ['dining'] }, '2300', 1), '/?naer=2300&interesse=spisning#resultater');
  });
});
