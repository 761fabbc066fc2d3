import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UsageFigure } from '../counting/tally.ts';
import { checkPremises, criteriaOf } from './criteria.ts';
import type { ScenarioPlace } from './scenario.ts';

const place = (id: string, lat: number | null, lon: number | null, state: ScenarioPlace['state'] = 'open'): ScenarioPlace => ({
  offeringId: id,
  slug: id,
  name: id,
  lat,
  lon,
  approximate: true,
  district: 'Vesterbro',
  profile: 'social',
  targetGroups: [],
  state,
});
const figure = (offeringId: string, value: number): UsageFigure => ({ offeringId, from: '2026-10-01', to: '2026-10-31', measure: 'visits', method: 'tally', value, coverage: { daysCounted: 10, daysOpen: 12 }, registeredBy: ['Mette'], lastRegisteredAt: null });

// About 1.1 km north of a, and 4.4 km north of a.
const a = place('a', 55.67, 12.55);
const b = place('b', 55.68, 12.55);
const far = place('far', 55.71, 12.55);

describe('criteria side by side', () => {
  it('measures location to the nearest place that stays open, and leaves closed ones out', () => {
    const [item] = criteriaOf([a], [a, { ...b, state: 'closed' }, far], {}, new Map(), null);
    assert.equal(item!.nearest[0]!.place.offeringId, 'far');
    assert.ok(Math.abs(item!.nearest[0]!.km - 4.45) < 0.05);
  });

  it('gives no score without weights, and says which criteria had no value', () => {
    const usage = new Map([['a', { figure: figure('a', 40), review: null }], ['b', { figure: figure('b', 80), review: null }]]);
    const [plain] = criteriaOf([a], [a, b], { a: { rating: 5, note: 'Nyt køkken' } }, usage, null);
    assert.equal(plain!.score, null);
    const [weighted] = criteriaOf([a], [a, b], { a: { rating: 5, note: '' } }, usage, { location: 0, premises: 1, use: 1 });
    // premises (5-1)/4 = 1, use 40/80 = 0.5: mean 0.75.
    assert.equal(weighted!.score, 75);
    const [unrated] = criteriaOf([far], [a, far], {}, new Map(), { location: 1, premises: 1, use: 1 });
    assert.deepEqual(unrated!.missing, ['premises', 'use']);
    assert.equal(unrated!.score, 100, 'more than 2 km from the nearest place counts fully');
  });

  it('refuses a rating outside 1–5 in plain Danish and skips places left unrated', () => {
    const names = new Map([['a', 'Nabo'], ['b', 'Pegasus']]);
    const { premises, problems } = checkPremises({ a: { rating: '7', note: '' }, b: { rating: '', note: '' } }, names);
    assert.deepEqual(premises, {});
    assert.deepEqual(problems.map((problem) => problem.message), ['Giv lokalerne på Nabo en karakter fra 1 (dårlige) til 5 (gode), eller fjern noten.']);
  });
});
