import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScenarioPlace } from './scenario.ts';
import { checkTransitions, transitionPlans } from './transition.ts';

const place = (id: string, overrides: Partial<ScenarioPlace> = {}): ScenarioPlace => ({
  offeringId: id,
  slug: id,
  name: id,
  lat: 55.67,
  lon: 12.55,
  approximate: true,
  district: 'Vesterbro',
  profile: 'social',
  targetGroups: [],
  state: 'open',
  ...overrides,
});

describe('transition plans', () => {
  const closing = place('lyrskovgade', { targetGroups: ['young', 'substance_abuse'], state: 'closed', closesOn: '2016-08-01', successorId: 'kontakt' });
  const after = [
    closing,
    place('kontakt', { lat: 55.7, district: 'Nørrebro', targetGroups: ['substance_abuse'] }),
    place('ungdom', { lat: 55.69, district: 'Nørrebro', targetGroups: ['young'] }),
    place('naer', { lat: 55.671 }),
    place('fjern', { lat: 55.72, district: 'Østerbro' }),
    place('lukket', { state: 'closed', closesOn: '2016-05-01' }),
    place('udvikling', { profile: 'development' }),
  ];
  const before = after.map((item) => ({ ...item, state: 'open' as const }));

  it('gives each group of users the place they are referred to, then places for that group, then general places nearby; never a closed one', () => {
    const plans = transitionPlans(before, after, {});
    assert.deepEqual(plans.map((item) => item.place.offeringId), ['lukket', 'lyrskovgade'], 'every closing place, soonest first');
    const plan = plans[1];
    assert.equal(plan!.closesOn, '2016-08-01');
    const ids = Object.fromEntries(plan!.groups.map((group) => [group.group, group.alternatives.map((item) => item.place.offeringId)]));
    assert.deepEqual(ids, { young: ['kontakt', 'ungdom', 'naer'], substance_abuse: ['kontakt', 'naer', 'fjern'] });
    assert.ok(plan!.groups[0]!.alternatives[0]!.isSuccessor);
    assert.ok(!Object.values(ids).flat().includes('lukket'));
  });

  it('refuses fewer hours starting after the closing, and keeps a plan left empty out', () => {
    const { transitions, problems } = checkTransitions(
      { lyrskovgade: { reducedFrom: '2016-09-01', reducedHours: 'Tre dage om ugen', helpers: '' }, naer: { reducedFrom: '', reducedHours: '', helpers: '' } },
      [{ offeringId: 'lyrskovgade', name: 'Lyrskovgade', closesOn: '2016-08-01' }, { offeringId: 'naer', name: 'Nær', closesOn: '2016-08-01' }],
      '2016-02-04',
    );
    assert.deepEqual(transitions, {});
    assert.deepEqual(problems.map((problem) => problem.message), ['Perioden med færre timer på Lyrskovgade skal begynde fra 4. februar 2016 og før lukningen 1. august 2016.']);
  });
});
