import { around } from 'geokdbush';
import KDBush from 'kdbush';
import { distanceMetres } from './distance.ts';

/** A small spatial index for "Near me": the places nearest a point, closest first, in metres. */

export type NearestPoint = { id: string; latitude: number; longitude: number };

export type NearestHit = { id: string; metres: number };

export type NearestOptions = {
  /** At most this many hits; all when left out. */
  limit?: number;
  /** Only points within this many kilometres (straight line). */
  maxKm?: number;
  /** Keep only the ids this returns true for (e.g. offerings open today). */
  filter?: (id: string) => boolean;
};

export type NearestIndex = {
  size: number;
  nearest(latitude: number, longitude: number, options?: NearestOptions): NearestHit[];
};

export function createNearestIndex(points: readonly NearestPoint[]): NearestIndex {
  for (const point of points) assertCoordinates(point.latitude, point.longitude, `point ${point.id}`);
  const ids = points.map((point) => point.id);
  const index = new KDBush(points.length);
  for (const point of points) index.add(point.longitude, point.latitude);
  index.finish();

  return {
    size: points.length,
    nearest(latitude, longitude, options = {}) {
      assertCoordinates(latitude, longitude, 'the query point');
      const { limit = Number.POSITIVE_INFINITY, maxKm = Number.POSITIVE_INFINITY, filter } = options;
      if (!(limit >= 0) || (Number.isFinite(limit) && !Number.isInteger(limit))) {
        throw new RangeError(`limit must be a whole number ≥ 0, got ${limit}.`);
      }
      if (!(maxKm >= 0)) throw new RangeError(`maxKm must be ≥ 0, got ${maxKm}.`);
      if (limit === 0 || points.length === 0) return [];
      const found = around(index, longitude, latitude, limit, maxKm, filter && ((i: number) => filter(ids[i]!)));
      const hits = found.map((i) => ({
        id: ids[i]!,
        metres: distanceMetres({ latitude, longitude }, points[i]!),
      }));
      // geokdbush orders by its own haversine; sorting again on ours keeps the two from disagreeing on near-ties.
      return hits.sort((a, b) => a.metres - b.metres);
    },
  };
}

function assertCoordinates(latitude: number, longitude: number, what: string): void {
  if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) {
    throw new RangeError(`Coordinates of ${what} are not latitude/longitude in degrees: ${latitude}, ${longitude}.`);
  }
}
