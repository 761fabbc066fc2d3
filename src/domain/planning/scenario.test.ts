import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { budgetByYear, checkChange, compareRanges, type NewHouse, type ScenarioChange, type ScenarioPlace, scenarioRange } from './scenario.ts';

const place = (id: string, overrides: Partial<ScenarioPlace> = {}): ScenarioPlace => ({
  offeringId: id,
  slug: id,
  name: id.charAt(0).toUpperCase() + id.slice(1),
  lat: 55.68,
  lon: 12.55,
  approximate: true,
  district: 'Vesterbro',
  profile: 'social',
  targetGroups: [],
  state: 'open',
  ...overrides,
});

const house = (id: string): NewHouse => ({ offeringId: id, slug: null, name: `Hus ${id}`, address: null, lat: null, lon: null, approximate: true, district: 'Valby', profile: 'both', targetGroups: [] });

const baseline = [place('amadeus', { district: 'Kongens Enghave' }), place('pegasus', { district: 'Kongens Enghave' }), place('rose', { district: 'Kongens Enghave', profile: 'development' }), place('nabo')];
const base = { rationale: 'Lokalerne er nedslidte.', budget: null };
const scenario = { startsOn: '2016-02-04', changes: [] as ScenarioChange[] };

describe('a scenario applied to the range', () => {
  it('merges three places into a new house and keeps where their users go', () => {
    const changes: ScenarioChange[] = [{ ...base, id: 'c1', kind: 'merge', on: '2016-08-01', offeringIds: ['amadeus', 'pegasus', 'rose'], into: house('multihus') }];
    const range = scenarioRange(baseline, changes);
    assert.deepEqual(range.filter((item) => item.state === 'closed').map((item) => [item.offeringId, item.closesOn, item.successorId]), [
      ['amadeus', '2016-08-01', 'multihus'],
      ['pegasus', '2016-08-01', 'multihus'],
      ['rose', '2016-08-01', 'multihus'],
    ]);
    assert.deepEqual(range.find((item) => item.offeringId === 'multihus')?.state, 'new');
    const before = scenarioRange(baseline, changes, '2016-07-31');
    assert.equal(before.find((item) => item.offeringId === 'amadeus')?.state, 'closing');
  });

  it('never resurrects a closed place, whatever changes follow and in whatever order', () => {
    const ids = ['amadeus', 'pegasus', 'rose', 'nabo', 'ny'];
    const date = fc.integer({ min: 1, max: 28 }).map((day) => `2016-03-${String(day).padStart(2, '0')}`);
    const change: fc.Arbitrary<ScenarioChange> = fc.oneof(
      fc.record({ id: fc.uuid(), on: date, offeringId: fc.constantFrom(...ids) }).map((item) => ({ ...base, ...item, kind: 'close' as const })),
      fc.record({ id: fc.uuid(), on: date, offeringIds: fc.subarray(ids, { minLength: 1 }), into: fc.constantFrom(...ids).map(house) }).map((item) => ({ ...base, ...item, kind: 'merge' as const })),
      fc.record({ id: fc.uuid(), on: date, house: fc.constantFrom(...ids).map(house) }).map((item) => ({ ...base, ...item, kind: 'open' as const })),
      fc.record({ id: fc.uuid(), on: date, offeringId: fc.constantFrom(...ids) }).map((item) => ({ ...base, ...item, kind: 'profile' as const, profile: 'both' as const })),
    );
    fc.assert(
      fc.property(fc.array(change, { maxLength: 12 }), fc.option(date, { nil: undefined }), (changes, asOf) => {
        const start = [...baseline, place('gone', { state: 'closed' })];
        const range = scenarioRange(start, changes, asOf);
        assert.equal(range.find((item) => item.offeringId === 'gone')?.state, 'closed', 'closed in the baseline stays closed');
        // Closed on one day means closed on every later day: no change, in whatever order, opens it again.
        for (const day of ['2016-03-05', '2016-03-15', '2016-03-25']) {
          const later = scenarioRange(start, changes);
          for (const item of scenarioRange(start, changes, day).filter((entry) => entry.state === 'closed')) {
            assert.equal(later.find((entry) => entry.offeringId === item.offeringId)?.state, 'closed', `${item.offeringId} closed on ${day}`);
          }
        }
        assert.equal(new Set(range.map((item) => item.offeringId)).size, range.length, 'one entry per place');
      }),
      { numRuns: 150 },
    );
  });
});

describe('a change refused in plain Danish', () => {
  it('refuses merging a place into itself', () => {
    const problems = checkChange(scenario, baseline, { ...base, id: 'x', kind: 'merge', on: '2016-03-01', offeringIds: ['amadeus', 'amadeus'], into: house('multihus') });
    assert.match(problems.map((problem) => problem.message).join(' '), /kan ikke lægges sammen med sig selv/);
  });

  it('refuses closing a place that is already closed', () => {
    const closed = { ...scenario, changes: [{ ...base, id: 'a', kind: 'close', on: '2016-03-01', offeringId: 'nabo' } as ScenarioChange] };
    const problems = checkChange(closed, baseline, { ...base, id: 'b', kind: 'close', on: '2016-05-01', offeringId: 'nabo' });
    assert.deepEqual(problems.map((problem) => problem.message), ['Nabo er allerede lukket i scenariet fra 1. marts 2016 og kan ikke lukkes igen.']);
  });

  it('refuses a change before the start date', () => {
    const problems = checkChange(scenario, baseline, { ...base, id: 'b', kind: 'profile', on: '2016-01-01', offeringId: 'nabo', profile: 'both' });
    assert.match(problems[0]!.message, /før scenariets startdato, 4\. februar 2016/);
  });

  it('refuses two changes to the same place on the same day, and a closing before a later change', () => {
    const moved = { ...scenario, changes: [{ ...base, id: 'a', kind: 'profile', on: '2016-03-01', offeringId: 'nabo', profile: 'both' } as ScenarioChange] };
    assert.match(checkChange(moved, baseline, { ...base, id: 'b', kind: 'hours', on: '2016-03-01', offeringId: 'nabo', perWeek: 20, note: '' })[0]!.message, /overlapper/);
    assert.match(checkChange(moved, baseline, { ...base, id: 'b', kind: 'close', on: '2016-02-10', offeringId: 'nabo' })[0]!.message, /efter den dato du lukker det/);
    assert.deepEqual(checkChange(moved, baseline, { ...base, id: 'b', kind: 'close', on: '2016-04-01', offeringId: 'nabo' }), []);
  });

  it('refuses a change without a rationale', () => {
    assert.match(checkChange(scenario, baseline, { ...base, rationale: ' ', id: 'b', kind: 'close', on: '2016-04-01', offeringId: 'nabo' })[0]!.message, /begrundelse/);
  });
});

describe('comparing and budgets', () => {
  it('counts places opened, closed and merged, and per district by profile', () => {
    const changes: ScenarioChange[] = [
      { ...base, id: 'c1', kind: 'merge', on: '2016-08-01', offeringIds: ['amadeus', 'pegasus'], into: house('multihus') },
      { ...base, id: 'c2', kind: 'close', on: '2016-08-01', offeringId: 'rose' },
    ];
    const comparison = compareRanges(baseline, scenarioRange(baseline, changes));
    assert.deepEqual(comparison.opened.map((item) => item.offeringId), ['multihus']);
    assert.deepEqual(comparison.closed.map((item) => item.offeringId), ['rose']);
    assert.deepEqual(comparison.merged.map((item) => item.offeringId), ['amadeus', 'pegasus']);
    const enghave = comparison.districts.find((row) => row.district === 'Kongens Enghave')!;
    assert.deepEqual([enghave.before.social, enghave.before.development, enghave.after.social], [2, 1, 0]);
    assert.equal(comparison.districts.find((row) => row.district === 'Valby')!.after.both, 1);
  });

  it('adds up the budget effect per year and appropriation from the year each starts', () => {
    const changes: ScenarioChange[] = [
      { ...base, id: 'a', kind: 'close', on: '2016-08-01', offeringId: 'rose', budget: { appropriation: '1613', amountPerYear: -1200, fromYear: 2017, priceLevel: '2016' } },
      { ...base, id: 'b', kind: 'open', on: '2016-08-01', house: house('ny'), budget: { appropriation: '1613', amountPerYear: 800, fromYear: 2018, priceLevel: '2016' } },
    ];
    const budget = budgetByYear(changes, 3);
    assert.deepEqual(budget.years, [2017, 2018, 2019]);
    assert.deepEqual(budget.totals, [-1200, -400, -400]);
  });
});
