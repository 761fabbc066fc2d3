import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  copenhagenBounds,
  corePoints,
  fitProjection,
  isTileUrlTemplate,
  type LatLon,
  type MapBox,
  maxTiles,
  placeTiles,
  scaleBarMetres,
  separateMarkers,
  tileLatitude,
  tileLongitude,
  tilesCovering,
  tileUrl,
  tileX,
  tileY,
} from './map-projection.ts';

const box: MapBox = { width: 600, height: 450, margin: 36 };
const epsilon = 1e-6;

/** Anywhere from Gedser to Skagen and Esbjerg to Bornholm, the area the geocoder accepts. */
const point = fc.record({
  latitude: fc.double({ min: 54.5, max: 57.8, noNaN: true }),
  longitude: fc.double({ min: 8, max: 15.2, noNaN: true }),
});
/** Within the city, where the range lies. */
const cityPoint = fc.record({
  latitude: fc.double({ min: 55.61, max: 55.74, noNaN: true }),
  longitude: fc.double({ min: 12.44, max: 12.66, noNaN: true }),
});
const points = fc.array(fc.oneof(point, cityPoint, cityPoint), { minLength: 0, maxLength: 30 });

const isInside = ({ x, y }: { x: number; y: number }, inset: number) =>
  x >= inset - epsilon && x <= box.width - inset + epsilon && y >= inset - epsilon && y <= box.height - inset + epsilon;

// A few of the seed's placements, and the market garden in Høje-Taastrup, 20 km west of the rest.
const kompasset = { latitude: 55.6556, longitude: 12.5945 };
const nabo = { latitude: 55.664, longitude: 12.61 };
const kontakten = { latitude: 55.72, longitude: 12.479 };
const pinta = { latitude: 55.6885, longitude: 12.4745 };
const rantzausgade = { latitude: 55.6875, longitude: 12.5475 };
const vadsby = { latitude: 55.643, longitude: 12.215 };

describe('the map projection', () => {
  it('every place is drawn inside the box, within its margin', () => {
    fc.assert(
      fc.property(points, (all) => {
        const projection = fitProjection(all, box);
        for (const item of all) assert.ok(isInside(projection.place(item), box.margin), JSON.stringify(item));
      }),
    );
  });

  it('the points it is fitted to need no pinning: their true projection is inside the margin', () => {
    fc.assert(
      fc.property(points, (all) => {
        const projection = fitProjection(all, box);
        for (const item of corePoints(all)) {
          assert.ok(isInside(projection.project(item), box.margin), JSON.stringify(item));
          assert.equal(projection.place(item).bearing, null);
        }
      }),
    );
  });

  it('keeps east-west and north-south order, pinned places included', () => {
    fc.assert(
      fc.property(points, (all) => {
        const projection = fitProjection(all, box);
        const placed = all.map((item) => ({ item, at: projection.place(item) }));
        for (const a of placed) {
          for (const b of placed) {
            if (a.item.longitude < b.item.longitude) assert.ok(a.at.x <= b.at.x + epsilon, 'west stays left of east');
            if (a.item.latitude > b.item.latitude) assert.ok(a.at.y <= b.at.y + epsilon, 'north stays above south');
          }
        }
      }),
    );
  });

  it('keeps distances in proportion: the same metres east and north are the same length on the map', () => {
    const projection = fitProjection([kompasset, kontakten], box);
    const metres = 1000;
    const north = projection.project({ latitude: kompasset.latitude + metres / 111_195, longitude: kompasset.longitude });
    const east = projection.project({
      latitude: kompasset.latitude,
      longitude: kompasset.longitude + metres / (111_195 * Math.cos((((kompasset.latitude + kontakten.latitude) / 2) * Math.PI) / 180)),
    });
    const origin = projection.project(kompasset);
    assert.ok(Math.abs(origin.y - north.y - (east.x - origin.x)) < 0.01);
    assert.ok(Math.abs(metres / projection.metresPerUnit - (origin.y - north.y)) < 0.01);
  });

  it('unproject undoes project', () => {
    fc.assert(
      fc.property(points, point, (all, item) => {
        const projection = fitProjection(all, box);
        const back = projection.unproject(projection.project(item));
        assert.ok(Math.abs(back.latitude - item.latitude) < 1e-9 && Math.abs(back.longitude - item.longitude) < 1e-9);
      }),
    );
  });

  it('with fewer than two points it shows the whole of Copenhagen', () => {
    for (const few of [[], [rantzausgade]]) {
      const { visible } = fitProjection(few, box);
      assert.ok(visible.south <= copenhagenBounds.south && visible.north >= copenhagenBounds.north);
      assert.ok(visible.west <= copenhagenBounds.west && visible.east >= copenhagenBounds.east);
    }
  });

  it('two places at the same address get a street or two around them, not an infinite zoom', () => {
    const projection = fitProjection([rantzausgade, rantzausgade], box);
    assert.ok(projection.metresPerUnit > 1, `${projection.metresPerUnit} m per unit`);
    assert.ok(isInside(projection.project(rantzausgade), box.margin));
  });

  it('fits the city, and pins a place 20 km out of town to the edge in its direction', () => {
    const city = [kompasset, nabo, kontakten, pinta, rantzausgade];
    assert.deepEqual(corePoints([...city, vadsby]), city);
    const projection = fitProjection([...city, vadsby], box);
    const pinned = projection.place(vadsby);
    assert.equal(pinned.x, box.margin);
    // West, a little south: the compass word for it is "vest" (247.5° to 292.5°).
    assert.ok(pinned.bearing !== null && Math.abs(pinned.bearing - 270) < 22.5, `bearing ${pinned.bearing}`);
    // The city fills the map, from margin to margin in one direction, rather than a corner of it.
    const at = city.map((item) => projection.project(item));
    const width = Math.max(...at.map((item) => item.x)) - Math.min(...at.map((item) => item.x));
    const height = Math.max(...at.map((item) => item.y)) - Math.min(...at.map((item) => item.y));
    const fill = Math.max(width / (box.width - 2 * box.margin), height / (box.height - 2 * box.margin));
    assert.ok(Math.abs(fill - 1) < 1e-9, `fills ${fill}`);
  });

  it('does not call anything far off when there are only a few places', () => {
    assert.deepEqual(corePoints([kompasset, vadsby, kontakten]), [kompasset, vadsby, kontakten]);
  });
});

describe('markers that would cover each other', () => {
  const gap = 22;
  const mapPoints = fc.array(
    fc.record({ x: fc.double({ min: 18, max: 582, noNaN: true }), y: fc.double({ min: 18, max: 432, noNaN: true }) }),
    { maxLength: 25 },
  );

  it('stay in the box, as many as before', () => {
    fc.assert(
      fc.property(mapPoints, (all) => {
        const moved = separateMarkers(all, gap, box);
        assert.equal(moved.length, all.length);
        for (const item of moved) assert.ok(isInside(item, box.margin / 2));
      }),
    );
  });

  it('markers already apart are not moved', () => {
    const apart = [
      { x: 100, y: 100 },
      { x: 200, y: 100 },
      { x: 150, y: 300 },
    ];
    assert.deepEqual(separateMarkers(apart, gap, box), apart);
  });

  it('places at the same point end up side by side, and the same way every time', () => {
    const same = [
      { x: 300, y: 200 },
      { x: 300, y: 200 },
      { x: 300, y: 200 },
    ];
    const moved = separateMarkers(same, gap, box);
    for (let i = 0; i < moved.length; i++) {
      for (let j = i + 1; j < moved.length; j++) {
        assert.ok(Math.hypot(moved[i]!.x - moved[j]!.x, moved[i]!.y - moved[j]!.y) >= gap * 0.95);
      }
    }
    assert.deepEqual(separateMarkers(same, gap, box), moved);
  });

  it('two close markers move apart along the line between them, keeping their sides', () => {
    const [west, east] = separateMarkers(
      [
        { x: 300, y: 200 },
        { x: 305, y: 200 },
      ],
      gap,
      box,
    );
    assert.ok(west!.x < east!.x);
    assert.equal(west!.y, 200);
    assert.ok(Math.abs(east!.x - west!.x - gap) < 0.1);
  });
});

describe('the scale bar', () => {
  it('is a round length no longer than the room for it', () => {
    assert.equal(scaleBarMetres(2450), 2000);
    assert.equal(scaleBarMetres(999), 500);
    assert.equal(scaleBarMetres(1000), 1000);
    assert.equal(scaleBarMetres(180), 100);
    assert.equal(scaleBarMetres(7600), 5000);
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e7, noNaN: true }), (room) => {
        const length = scaleBarMetres(room);
        assert.ok(length <= room && length > room / 5);
      }),
    );
  });
});

describe('map tiles', () => {
  const cityHallSquare: LatLon = { latitude: 55.6761, longitude: 12.5683 };

  it('finds the tile a point lies in (the XYZ scheme, y from the north)', () => {
    // City Hall Square at zoom 12 lies at the west edge of tile 2191 and the north of row 1282.
    assert.ok(Math.abs(tileX(cityHallSquare.longitude, 12) - 2190.9993) < 1e-4);
    assert.ok(Math.abs(tileY(cityHallSquare.latitude, 12) - 1282.03) < 1e-2);
    assert.equal(tileX(-180, 3), 0);
    assert.equal(tileY(0, 1), 1);
  });

  it('tile edges go back to the same coordinates', () => {
    fc.assert(
      fc.property(point, fc.integer({ min: 0, max: 19 }), (item, zoom) => {
        assert.ok(Math.abs(tileLongitude(tileX(item.longitude, zoom), zoom) - item.longitude) < 1e-9);
        assert.ok(Math.abs(tileLatitude(tileY(item.latitude, zoom), zoom) - item.latitude) < 1e-9);
      }),
    );
  });

  it('builds each tile address from the template', () => {
    assert.equal(tileUrl('https://tile.openstreetmap.org/{z}/{x}/{y}.png', { z: 12, x: 2191, y: 1281 }), 'https://tile.openstreetmap.org/12/2191/1281.png');
    assert.equal(
      tileUrl('https://tiles.example.dk/kort/{z}/{y}/{x}.png?key=abc&z={z}', { z: 3, x: 4, y: 2 }),
      'https://tiles.example.dk/kort/3/2/4.png?key=abc&z=3',
    );
  });

  it('accepts only an https template with {z}, {x} and {y}', () => {
    assert.ok(isTileUrlTemplate('https://tile.openstreetmap.org/{z}/{x}/{y}.png'));
    assert.ok(isTileUrlTemplate('https://tiles.example.dk/{z}/{x}/{y}@2x.png?key=abc'));
    for (const wrong of [
      'http://tile.openstreetmap.org/{z}/{x}/{y}.png',
      'https://tile.openstreetmap.org/{z}/{x}.png',
      'tile.openstreetmap.org/{z}/{x}/{y}.png',
      'javascript:{z}{x}{y}',
      '',
    ]) {
      assert.equal(isTileUrlTemplate(wrong), false, wrong);
    }
  });

  it('lists every tile that covers an area, once', () => {
    const tiles = tilesCovering({ south: 55.65, west: 12.5, north: 55.7, east: 12.62 }, 13);
    const keys = new Set(tiles.map((tile) => `${tile.x}/${tile.y}`));
    assert.equal(keys.size, tiles.length);
    for (const corner of [
      { latitude: 55.65, longitude: 12.5 },
      { latitude: 55.7, longitude: 12.62 },
    ]) {
      assert.ok(keys.has(`${Math.floor(tileX(corner.longitude, 13))}/${Math.floor(tileY(corner.latitude, 13))}`));
    }
  });

  it('places tiles under the whole map at one zoom, not too many of them', () => {
    fc.assert(
      fc.property(points, (all) => {
        const projection = fitProjection(all, box);
        const tiles = placeTiles(projection, 'https://tile.example.dk/{z}/{x}/{y}.png');
        assert.ok(tiles.length > 0 && tiles.length <= maxTiles, `${tiles.length} tiles`);
        assert.equal(new Set(tiles.map((tile) => tile.z)).size, 1);
        assert.ok(Math.min(...tiles.map((tile) => tile.box.x)) <= epsilon);
        assert.ok(Math.min(...tiles.map((tile) => tile.box.y)) <= epsilon);
        assert.ok(Math.max(...tiles.map((tile) => tile.box.x + tile.box.width)) >= box.width - epsilon);
        assert.ok(Math.max(...tiles.map((tile) => tile.box.y + tile.box.height)) >= box.height - epsilon);
        for (const tile of tiles) assert.equal(tile.href, `https://tile.example.dk/${tile.z}/${tile.x}/${tile.y}.png`);
      }),
      { numRuns: 50 },
    );
  });
});
