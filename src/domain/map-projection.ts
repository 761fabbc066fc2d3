/**
 * Points on the earth (WGS84) to a flat map box and back, and the web-map tiles that cover a box.
 * Equirectangular with the longitude scaled by cos(latitude) at the box's middle: at city scale this
 * differs from Web Mercator by well under one percent, and it needs no library.
 */

export type LatLon = { latitude: number; longitude: number };
export type Bounds = { south: number; west: number; north: number; east: number };
/** The map's drawing area in SVG user units; `margin` is kept free of points on every side. */
export type MapBox = { width: number; height: number; margin: number };
export type MapPoint = { x: number; y: number };

/**
 * Where a point is drawn. `bearing` is set when it was pinned to the edge of the box: the compass
 * direction, in degrees from north through east, from the middle of the map to where it really lies.
 */
export type PlacedPoint = MapPoint & { bearing: number | null };

export type Projection = {
  box: MapBox;
  /** The geographic area the whole box shows, margins included. */
  visible: Bounds;
  /** Metres on the ground per SVG user unit, the same in both directions. */
  metresPerUnit: number;
  /** Unclamped: a point outside `visible` lands outside the box. */
  project(point: LatLon): MapPoint;
  unproject(point: MapPoint): LatLon;
  /** Inside the box's margin, always: a point beyond it is pinned to the nearest edge of that area. */
  place(point: LatLon): PlacedPoint;
};

/** The City of Copenhagen from Vanløse to Amager and from Sydhavnen to Nordhavn: shown when there is too little to fit. */
export const copenhagenBounds: Bounds = { south: 55.615, west: 12.45, north: 55.735, east: 12.65 };

/** About 1.1 km north to south: two places next door still get some street around them. */
export const minimumSpanDegrees = 0.01;

const radians = Math.PI / 180;
const metresPerDegreeLatitude = (6_371_000 * Math.PI) / 180;

export function boundsOf(points: LatLon[]): Bounds | null {
  if (points.length === 0) return null;
  return {
    south: Math.min(...points.map((point) => point.latitude)),
    west: Math.min(...points.map((point) => point.longitude)),
    north: Math.max(...points.map((point) => point.latitude)),
    east: Math.max(...points.map((point) => point.longitude)),
  };
}

export function extendBounds(bounds: Bounds, points: LatLon[]): Bounds {
  const around = boundsOf(points);
  if (!around) return bounds;
  return {
    south: Math.min(bounds.south, around.south),
    west: Math.min(bounds.west, around.west),
    north: Math.max(bounds.north, around.north),
    east: Math.max(bounds.east, around.east),
  };
}

/** A far-off point is one further from the middle than this many times most points are, and at least `minimumOutlierMetres`. */
export const outlierFactor = 3;
export const minimumOutlierMetres = 5000;

/**
 * The points the map is fitted to: all of them, except a few far from the rest (a garden 20 km out of
 * town), which would otherwise squeeze the whole city into a corner. Those are pinned to the edge.
 */
export function corePoints(points: LatLon[]): LatLon[] {
  if (points.length < 4) return points;
  const middle = { latitude: median(points.map((point) => point.latitude)), longitude: median(points.map((point) => point.longitude)) };
  const cosLatitude = Math.cos(middle.latitude * radians);
  const metresFromMiddle = (point: LatLon) =>
    metresPerDegreeLatitude * Math.hypot(point.latitude - middle.latitude, (point.longitude - middle.longitude) * cosLatitude);
  const sorted = points.map(metresFromMiddle).sort((a, b) => a - b);
  // Three quarters of the points are never far off, so the map always shows most of them as they lie.
  const usual = sorted[Math.floor((sorted.length - 1) * 0.75)]!;
  const limit = Math.max(outlierFactor * usual, minimumOutlierMetres);
  return points.filter((point) => metresFromMiddle(point) <= limit);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}

/**
 * The projection that fits the points (but for far-off ones, see `corePoints`) inside the box within its
 * margin, as large as possible and centred. With fewer than two points it shows Copenhagen (stretched to
 * include a point outside it).
 */
export function fitProjection(points: LatLon[], box: MapBox): Projection {
  const core = corePoints(points);
  const bounds = points.length < 2 ? extendBounds(copenhagenBounds, points) : boundsOf(core)!;
  const centreLatitude = (bounds.south + bounds.north) / 2;
  const centreLongitude = (bounds.west + bounds.east) / 2;
  const cosLatitude = Math.cos(centreLatitude * radians);
  const spanLatitude = Math.max(bounds.north - bounds.south, minimumSpanDegrees);
  const spanLongitude = Math.max(bounds.east - bounds.west, minimumSpanDegrees / cosLatitude);
  const innerWidth = box.width - 2 * box.margin;
  const innerHeight = box.height - 2 * box.margin;
  // Units per degree of latitude; a degree of longitude is cos(latitude) of that.
  const scale = Math.min(innerWidth / (spanLongitude * cosLatitude), innerHeight / spanLatitude);
  const project = ({ latitude, longitude }: LatLon): MapPoint => ({
    x: box.width / 2 + (longitude - centreLongitude) * cosLatitude * scale,
    y: box.height / 2 - (latitude - centreLatitude) * scale,
  });
  const unproject = ({ x, y }: MapPoint): LatLon => ({
    latitude: centreLatitude - (y - box.height / 2) / scale,
    longitude: centreLongitude + (x - box.width / 2) / (cosLatitude * scale),
  });
  // Clamping each axis on its own keeps east-west and north-south order, even for a pinned point.
  const place = (point: LatLon): PlacedPoint => {
    const { x, y } = project(point);
    const placed = { x: clamp(x, box.margin, box.width - box.margin), y: clamp(y, box.margin, box.height - box.margin) };
    // Half a unit of rounding on the margin's edge is not "beyond the map".
    if (Math.abs(placed.x - x) < 0.5 && Math.abs(placed.y - y) < 0.5) return { ...placed, bearing: null };
    const bearing = (Math.atan2(x - box.width / 2, box.height / 2 - y) * 180) / Math.PI;
    return { ...placed, bearing: (bearing + 360) % 360 };
  };
  const topLeft = unproject({ x: 0, y: 0 });
  const bottomRight = unproject({ x: box.width, y: box.height });
  return {
    box,
    visible: { south: bottomRight.latitude, west: topLeft.longitude, north: topLeft.latitude, east: bottomRight.longitude },
    metresPerUnit: metresPerDegreeLatitude / scale,
    project,
    unproject,
    place,
  };
}

/**
 * Pushes markers that would cover each other apart until their centres are about `gap` units apart, each
 * along the line between them, so every place stays visible and clickable and keeps its side of its
 * neighbours. Points already apart are not moved, and none comes closer to the edge than half the margin. Placements in the range are
 * approximate by hundreds of metres; the few map units this moves a marker are less than that.
 */
export function separateMarkers(points: MapPoint[], gap: number, box: MapBox, rounds = 40): MapPoint[] {
  const moved = points.map((point) => ({ ...point }));
  const inset = box.margin / 2;
  for (let round = 0; round < rounds; round++) {
    let isSettled = true;
    for (let i = 0; i < moved.length; i++) {
      for (let j = i + 1; j < moved.length; j++) {
        const a = moved[i]!;
        const b = moved[j]!;
        const apart = Math.hypot(b.x - a.x, b.y - a.y);
        if (apart >= gap * 0.999) continue;
        isSettled = false;
        // Points on top of each other part in a fixed direction per pair, so the result is the same every time.
        const angle = apart === 0 ? (i * 7 + j * 3) * 0.9 : Math.atan2(b.y - a.y, b.x - a.x);
        const push = (gap - apart) / 2;
        a.x = clamp(a.x - Math.cos(angle) * push, inset, box.width - inset);
        a.y = clamp(a.y - Math.sin(angle) * push, inset, box.height - inset);
        b.x = clamp(b.x + Math.cos(angle) * push, inset, box.width - inset);
        b.y = clamp(b.y + Math.sin(angle) * push, inset, box.height - inset);
      }
    }
    if (isSettled) break;
  }
  return moved;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** A round length for a scale bar (50 m, 100 m, 200 m, 500 m, 1 km, 2 km …) no longer than `maxMetres`. */
export function scaleBarMetres(maxMetres: number): number {
  let power = 10 ** Math.floor(Math.log10(Math.max(maxMetres, 1)));
  // log10 rounds up just under a power of ten (log10(9999999.99999999) is 7).
  if (power > maxMetres) power /= 10;
  const step = [5, 2, 1].find((factor) => factor * power <= maxMetres) ?? 1;
  return step * power;
}

// Web-map tiles: the XYZ scheme of OpenStreetMap and most tile servers (Web Mercator, 256 px, y from the north).

export type Tile = { z: number; x: number; y: number };
export type PlacedTile = Tile & { href: string; box: { x: number; y: number; width: number; height: number } };

export const tileSize = 256;
export const maxTileZoom = 19;
/** More than this and the page would ask a tile server for too much at once. */
export const maxTiles = 48;

export function tileX(longitude: number, zoom: number): number {
  return ((longitude + 180) / 360) * 2 ** zoom;
}

export function tileY(latitude: number, zoom: number): number {
  const phi = latitude * radians;
  return ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * 2 ** zoom;
}

export function tileLongitude(x: number, zoom: number): number {
  return (x / 2 ** zoom) * 360 - 180;
}

export function tileLatitude(y: number, zoom: number): number {
  return Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** zoom))) / radians;
}

/** The zoom at which one tile pixel is about `pixelsPerUnit` map units wide, so tiles look sharp but few. */
export function chooseTileZoom(projection: Projection, pixelsPerUnit = 1.5): number {
  const { west, east } = projection.visible;
  const pixelsWanted = projection.box.width * pixelsPerUnit;
  const zoom = Math.round(Math.log2((pixelsWanted * 360) / (tileSize * (east - west))));
  return Math.min(maxTileZoom, Math.max(0, zoom));
}

export function tilesCovering(bounds: Bounds, zoom: number): Tile[] {
  const last = 2 ** zoom - 1;
  const index = (value: number) => clamp(Math.floor(value), 0, last);
  const tiles: Tile[] = [];
  for (let y = index(tileY(bounds.north, zoom)); y <= index(tileY(bounds.south, zoom)); y++) {
    for (let x = index(tileX(bounds.west, zoom)); x <= index(tileX(bounds.east, zoom)); x++) tiles.push({ z: zoom, x, y });
  }
  return tiles;
}

/** A tile's address from a template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png. */
export function tileUrl(template: string, tile: Tile): string {
  return template.replaceAll('{z}', String(tile.z)).replaceAll('{x}', String(tile.x)).replaceAll('{y}', String(tile.y));
}

/** Whether a setting can be used as a tile address template: https, with {z}, {x} and {y}. */
export function isTileUrlTemplate(value: string): boolean {
  if (!['{z}', '{x}', '{y}'].every((part) => value.includes(part))) return false;
  try {
    const url = new URL(tileUrl(value, { z: 0, x: 0, y: 0 }));
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The tiles under the whole box at one zoom, each placed where its corners project. Lowers the zoom
 * until at most `maxTiles` are needed.
 */
export function placeTiles(projection: Projection, template: string): PlacedTile[] {
  let zoom = chooseTileZoom(projection);
  let tiles = tilesCovering(projection.visible, zoom);
  while (tiles.length > maxTiles && zoom > 0) {
    zoom -= 1;
    tiles = tilesCovering(projection.visible, zoom);
  }
  return tiles.map((tile) => {
    const topLeft = projection.project({ latitude: tileLatitude(tile.y, zoom), longitude: tileLongitude(tile.x, zoom) });
    const bottomRight = projection.project({ latitude: tileLatitude(tile.y + 1, zoom), longitude: tileLongitude(tile.x + 1, zoom) });
    return {
      ...tile,
      href: tileUrl(template, tile),
      box: { x: topLeft.x, y: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y },
    };
  });
}
