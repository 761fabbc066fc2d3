import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { distanceMetres } from './distance.ts';
import { createNearestIndex, type NearestPoint } from './nearest.ts';

// Points around Copenhagen (the real case) and anywhere on Earth (to catch wrap-around and pole mistakes).
const copenhagen = fc.record({
  latitude: fc.double({ min: 55.55, max: 55.8, noNaN: true }),
  longitude: fc.double({ min: 12.2, max: 12.7, noNaN: true }),
});
const anywhere = fc.record({
  latitude: fc.double({ min: -85, max: 85, noNaN: true }),
  longitude: fc.double({ min: -180, max: 180, noNaN: true }),
});

function pointsOf(coordinates: { latitude: number; longitude: number }[]): NearestPoint[] {
  return coordinates.map((c, i) => ({ id: `p${i}`, ...c }));
}

function bruteForce(points: NearestPoint[], from: { latitude: number; longitude: number }) {
  return points.map((p) => ({ id: p.id, metres: distanceMetres(from, p) })).sort((a, b) => a.metres - b.metres);
}

describe('nearest places', () => {
  const places = pointsOf([
    { latitude: 55.6761, longitude: 12.5683 },
    { latitude: 55.6836, longitude: 12.5716 },
    { latitude: 55.72, longitude: 12.479 },
    { latitude: 55.643, longitude: 12.215 },
  ]);
  const index = createNearestIndex(places);

  it('lists ids closest first with the distance in metres', () => {
    const hits = index.nearest(55.6761, 12.5683);
    assert.deepEqual(
      hits.map((h) => h.id),
      ['p0', 'p1', 'p2', 'p3'],
    );
    assert.equal(hits[0]!.metres, 0);
  });

  it('honours limit, maxKm and filter', () => {
    assert.deepEqual(
      index.nearest(55.6761, 12.5683, { limit: 1 }).map((h) => h.id),
      ['p0'],
    );
    assert.deepEqual(
      index.nearest(55.6761, 12.5683, { maxKm: 1 }).map((h) => h.id),
      ['p0', 'p1'],
    );
    assert.deepEqual(
      index.nearest(55.6761, 12.5683, { filter: (id) => id !== 'p0', limit: 2 }).map((h) => h.id),
      ['p1', 'p2'],
    );
    assert.deepEqual(index.nearest(55.6761, 12.5683, { limit: 0 }), []);
  });

  it('answers an empty list from an empty index', () => {
    assert.deepEqual(createNearestIndex([]).nearest(55.68, 12.57), []);
  });

  it('refuses coordinates that are not degrees, e.g. UTM metres', () => {
    assert.throws(() => createNearestIndex([{ id: 'x', latitude: 6_176_000, longitude: 724_000 }]), RangeError);
    assert.throws(() => index.nearest(Number.NaN, 12), RangeError);
    assert.throws(() => index.nearest(55.68, 12.57, { limit: 1.5 }), RangeError);
  });

  for (const [name, area] of [
    ['around Copenhagen', copenhagen],
    ['anywhere on Earth', anywhere],
  ] as const) {
    it(`${name}: sorted by distance and equal to a brute-force haversine sort (within 1 m)`, () => {
      fc.assert(
        fc.property(fc.array(area, { maxLength: 300 }), area, fc.integer({ min: 1, max: 400 }), (coords, from, limit) => {
          const points = pointsOf(coords);
          const hits = createNearestIndex(points).nearest(from.latitude, from.longitude, { limit });
          const expected = bruteForce(points, from).slice(0, limit);
          assert.equal(hits.length, Math.min(limit, points.length));
          for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.metres <= hits[i]!.metres);
          hits.forEach((hit, i) => {
            assert.ok(Math.abs(hit.metres - expected[i]!.metres) < 1, `${hit.metres} vs ${expected[i]!.metres}`);
            const point = points.find((p) => p.id === hit.id)!;
            assert.ok(Math.abs(distanceMetres(from, point) - hit.metres) < 1e-6);
          });
        }),
        { numRuns: 200 },
      );
    });
  }

  it('maxKm and filter: the same places as filtering a brute-force list', () => {
    fc.assert(
      fc.property(
        fc.array(copenhagen, { minLength: 1, maxLength: 200 }),
        copenhagen,
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.integer({ min: 2, max: 5 }),
        (coords, from, maxKm, modulo) => {
          const points = pointsOf(coords);
          const keep = (id: string) => Number(id.slice(1)) % modulo !== 0;
          const hits = createNearestIndex(points).nearest(from.latitude, from.longitude, { maxKm, filter: keep });
          // Points within a metre of the edge may fall either side of it; they are left out of the comparison.
          const expected = bruteForce(points, from).filter((h) => keep(h.id) && h.metres <= maxKm * 1000);
          const nearEdge = (m: number) => Math.abs(m - maxKm * 1000) < 1;
          assert.deepEqual(
            hits.filter((h) => !nearEdge(h.metres)).map((h) => h.metres.toFixed(3)),
            expected.filter((h) => !nearEdge(h.metres)).map((h) => h.metres.toFixed(3)),
          );
          assert.ok(hits.every((h) => keep(h.id)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
