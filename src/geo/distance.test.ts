import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { distanceMetres, formatDistanceDa, formatWalkDa, type GeoPoint, walkingMinutes } from './distance.ts';

const townHall: GeoPoint = { latitude: 55.6761, longitude: 12.5683 };
const norreport: GeoPoint = { latitude: 55.6836, longitude: 12.5716 };

const point = fc.record({
  latitude: fc.double({ min: -89.9, max: 89.9, noNaN: true }),
  longitude: fc.double({ min: -180, max: 180, noNaN: true }),
});

describe('distance', () => {
  it('Rådhuspladsen to Nørreport is about 850 m in a straight line', () => {
    const metres = distanceMetres(townHall, norreport);
    assert.ok(metres > 820 && metres < 880, `${metres}`);
  });

  it('one degree of latitude is about 111 km', () => {
    const metres = distanceMetres({ latitude: 55, longitude: 12 }, { latitude: 56, longitude: 12 });
    assert.ok(Math.abs(metres - 111_195) < 10, `${metres}`);
  });

  it('is zero from a point to itself and the same in both directions', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        assert.equal(distanceMetres(a, a), 0);
        assert.ok(Math.abs(distanceMetres(a, b) - distanceMetres(b, a)) < 1e-6);
        assert.ok(distanceMetres(a, b) >= 0);
      }),
      { numRuns: 500 },
    );
  });

  // Within a metre: near the antipode haversine loses a few centimetres, which a city never meets.
  it('is never longer than going through a third point', () => {
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        assert.ok(distanceMetres(a, c) <= distanceMetres(a, b) + distanceMetres(b, c) + 1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('walking time (an estimate: 4.5 km/h, 1.3 times the straight line)', () => {
  it('1 km in a straight line is 1.3 km on foot: 18 minutes, rounded up', () => {
    assert.equal(walkingMinutes(1000), 18);
    assert.equal(walkingMinutes(0), 0);
    assert.equal(walkingMinutes(1), 1);
  });

  it('never falls as the distance grows', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100_000, noNaN: true }), fc.double({ min: 0, max: 100_000, noNaN: true }), (a, b) => {
        const [near, far] = a <= b ? [a, b] : [b, a];
        assert.ok(walkingMinutes(near) <= walkingMinutes(far));
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a negative or missing distance', () => {
    assert.throws(() => walkingMinutes(-1), RangeError);
    assert.throws(() => walkingMinutes(Number.NaN), RangeError);
  });
});

describe('Danish wording', () => {
  const distances: [number, string][] = [
    [0, '0 m'],
    [4, '0 m'],
    [346, '350 m'],
    [994, '990 m'],
    [996, '1,0 km'],
    [1234, '1,2 km'],
    [9949, '9,9 km'],
    [9950, '10 km'],
    [12_400, '12 km'],
  ];
  for (const [metres, text] of distances) {
    it(`${metres} m is shown as "${text}"`, () => assert.equal(formatDistanceDa(metres), text));
  }

  const walks: [number, string][] = [
    [0, 'under 1 min. gang'],
    [6, 'ca. 6 min. gang'],
    [5.2, 'ca. 6 min. gang'],
    [60, 'ca. 60 min. gang'],
    [61, 'ca. 1 t. 1 min. gang'],
    [80, 'ca. 1 t. 20 min. gang'],
    [120, 'ca. 2 t. gang'],
  ];
  for (const [minutes, text] of walks) {
    it(`${minutes} minutes is shown as "${text}"`, () => assert.equal(formatWalkDa(minutes), text));
  }

  it('a walk from Rådhuspladsen to Nørreport reads naturally', () => {
    const metres = distanceMetres(townHall, norreport);
    assert.equal(formatDistanceDa(metres), '860 m');
    assert.equal(formatWalkDa(walkingMinutes(metres)), 'ca. 15 min. gang');
  });
});
