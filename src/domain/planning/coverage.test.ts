import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { distanceMetres } from '../../geo/distance.ts';
import type { Profile } from '../vocabulary.ts';
import { type CoverageInputPlace, type CoverageReport, compareCoverage, coverage, fitsNeed, isPresentOn, needs } from './coverage.ts';
import { buildPopulationGrid, copenhagenGrid, type PopulationSource } from './population-grid.ts';

/** Two districts side by side, each 2 × 2 km, west with 1,000 residents and east with 3,000. */
const source: PopulationSource = {
  name: 'test',
  note: 'test',
  noteEn: 'test',
  approximate: true,
  outline: [
    [12.5, 55.68],
    [12.564, 55.68],
    [12.564, 55.698],
    [12.5, 55.698],
  ],
  holes: [],
  districts: [
    { slug: 'west', name: 'Vest', residents: 1000, anchors: [[12.516, 55.689]] },
    { slug: 'east', name: 'Øst', residents: 3000, anchors: [[12.548, 55.689]] },
  ],
};
const grid = buildPopulationGrid(source, 100);

let counter = 0;
function place(lon: number, lat: number, extra: Partial<CoverageInputPlace> = {}): CoverageInputPlace {
  counter++;
  return {
    offeringId: `p${counter}`,
    slug: `p${counter}`,
    name: `Sted ${counter}`,
    lat,
    lon,
    approximate: true,
    district: null,
    profile: 'social',
    targetGroups: [],
    state: 'open',
    ...extra,
  };
}

const placeArbitrary = fc.record({
  lon: fc.double({ min: 12.45, max: 12.62, noNaN: true }),
  lat: fc.double({ min: 55.65, max: 55.72, noNaN: true }),
  profile: fc.constantFrom<Profile | null>('social', 'development', 'both', null),
  targetGroups: fc.subarray(['young', 'relatives', 'over_40']),
});
const toPlace = ({ lon, lat, profile, targetGroups }: { lon: number; lat: number; profile: Profile | null; targetGroups: string[] }) => place(lon, lat, { profile, targetGroups });

/** Every figure of `after` is at least as good as `before`'s: distances no longer, shares beyond no larger. */
function assertNoWorse(before: CoverageReport, after: CoverageReport) {
  const diff = compareCoverage(before, after);
  for (const need of needs) {
    for (const row of [...diff[need].districts, diff[need].city]) {
      if (row.before.medianMetres !== null) assert.ok(row.after.medianMetres !== null && row.after.medianMetres <= row.before.medianMetres, `${need} ${row.slug} median`);
      if (row.before.p90Metres !== null) assert.ok(row.after.p90Metres !== null && row.after.p90Metres <= row.before.p90Metres, `${need} ${row.slug} p90`);
      for (const change of row.beyond) assert.ok(change <= 1e-12, `${need} ${row.slug} share beyond`);
    }
  }
}

describe('the population grid', () => {
  it('spreads each district’s residents over its cells, and the cells are 100 m apart', () => {
    assert.equal(grid.districts.length, 2);
    const totals = [0, 0];
    for (let cell = 0; cell < grid.size; cell++) totals[grid.district[cell]!]! += grid.residents[cell]!;
    assert.ok(Math.abs(totals[0]! - 1000) < 1e-6 && Math.abs(totals[1]! - 3000) < 1e-6);
    const step = distanceMetres({ latitude: grid.latitude[0]!, longitude: grid.longitude[0]! }, { latitude: grid.latitude[1]!, longitude: grid.longitude[1]! });
    assert.ok(Math.abs(step - 100) < 1, `neighbouring cells ${step} m apart`);
    assert.ok(grid.size > 700 && grid.size < 900, `about 4 km × 2 km of 100 m cells, got ${grid.size}`);
  });

  it('covers Copenhagen with its approximate district figures, Frederiksberg left out, and says it is approximate', async () => {
    const copenhagen = await copenhagenGrid();
    assert.equal(copenhagen.districts.length, 10);
    assert.ok(copenhagen.source.approximate);
    assert.match(copenhagen.source.note, /tilnærmelser/);
    const residents = copenhagen.districts.reduce((sum, district) => sum + district.residents, 0);
    assert.ok(residents > 600_000 && residents < 700_000);
    // A point in the middle of Frederiksberg (Frederiksberg Allé) is no Copenhagen cell.
    for (let cell = 0; cell < copenhagen.size; cell++) {
      const near = Math.abs(copenhagen.latitude[cell]! - 55.6785) < 0.0005 && Math.abs(copenhagen.longitude[cell]! - 12.525) < 0.0008;
      assert.ok(!near, 'no cell in Frederiksberg');
    }
  });
});

describe('coverage', () => {
  it('gives the distance to the nearest fitting place, and the shares beyond 1, 2 and 3 km', () => {
    // One social place in the middle of the west district.
    const report = coverage(grid, [place(12.516, 55.689)]);
    const west = report.byNeed.social.districts[0]!;
    const east = report.byNeed.social.districts[1]!;
    assert.ok(west.medianMetres! < 1000, `west median ${west.medianMetres}`);
    assert.ok(east.medianMetres! > 1500, `east median ${east.medianMetres}`);
    assert.ok(east.beyond[0] > west.beyond[0]);
    assert.equal(west.residents, 1000);
    assert.equal(report.byNeed.social.city.residents, 4000);
    assert.ok(east.beyond[0] >= east.beyond[1] && east.beyond[1] >= east.beyond[2]);
  });

  it('has no distance where no place fits, and every resident beyond 3 km', () => {
    const report = coverage(grid, [place(12.516, 55.689, { profile: 'development' })]);
    assert.equal(report.byNeed.social.city.medianMetres, null);
    assert.deepEqual(report.byNeed.social.city.beyond, [1, 1, 1]);
    assert.ok(report.byNeed.all.city.medianMetres !== null);
  });

  it('counts a place only while it is present, and lists places without coordinates apart', () => {
    const closing = place(12.516, 55.689, { state: 'closing', closesOn: '2026-03-01' });
    const opening = place(12.548, 55.689, { state: 'new', opensOn: '2026-06-01' });
    const unplaced = { ...place(0, 0), lat: null, lon: null };
    assert.deepEqual(
      coverage(grid, [closing, opening, unplaced], '2026-02-01').counted.map((item) => item.offeringId),
      [closing.offeringId],
    );
    assert.deepEqual(coverage(grid, [closing, opening], '2026-07-01').counted.map((item) => item.offeringId), [opening.offeringId]);
    assert.deepEqual(coverage(grid, [unplaced], null).withoutCoordinates.map((item) => item.offeringId), [unplaced.offeringId]);
    assert.equal(isPresentOn({ ...closing, state: 'closed' }, null), false);
  });

  it('fits a place aimed at a group to that group only, and a social place for everyone to the social need', () => {
    assert.equal(fitsNeed({ profile: 'both', targetGroups: [] }, 'social'), true);
    assert.equal(fitsNeed({ profile: 'development', targetGroups: [] }, 'social'), false);
    assert.equal(fitsNeed({ profile: 'social', targetGroups: ['young'] }, 'social'), false);
    assert.equal(fitsNeed({ profile: 'social', targetGroups: ['young'] }, 'young'), true);
    assert.equal(fitsNeed({ profile: 'social', targetGroups: ['young'] }, 'relatives'), false);
    assert.equal(fitsNeed({ profile: null, targetGroups: [] }, 'relatives'), true);
  });

  it('never gets worse when a place is added', () => {
    fc.assert(
      fc.property(fc.array(placeArbitrary, { maxLength: 6 }), placeArbitrary, (existing, added) => {
        const places = existing.map(toPlace);
        assertNoWorse(coverage(grid, places), coverage(grid, [...places, toPlace(added)]));
      }),
      { numRuns: 60 },
    );
  });

  it('never gets better when a place is removed or closed', () => {
    fc.assert(
      fc.property(fc.array(placeArbitrary, { minLength: 1, maxLength: 6 }), fc.nat(), (existing, pick) => {
        const places = existing.map(toPlace);
        const index = pick % places.length;
        const without = places.filter((_, i) => i !== index);
        const closed = places.map((item, i) => (i === index ? { ...item, state: 'closed' as const } : item));
        assertNoWorse(coverage(grid, without), coverage(grid, places));
        assertNoWorse(coverage(grid, closed), coverage(grid, places));
      }),
      { numRuns: 60 },
    );
  });

  it('compares two ranges district by district: moving the only place east helps the east and hurts the west', () => {
    const diff = compareCoverage(coverage(grid, [place(12.516, 55.689)]), coverage(grid, [place(12.548, 55.689)]));
    const [west, east] = diff.social.districts;
    assert.ok(west!.medianMetres! > 0 && east!.medianMetres! < 0);
    assert.ok(west!.beyond[0] > 0 && east!.beyond[0] < 0);
    assert.equal(diff.social.city.name, 'Hele kommunen');
  });
});
