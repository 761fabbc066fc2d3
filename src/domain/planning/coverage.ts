import { type Profile, type TargetGroup, targetGroups } from '../vocabulary.ts';
import type { PopulationGrid } from './population-grid.ts';

/**
 * Coverage of the range (ADR 031): how far residents live from the nearest place that fits them, per district
 * and need, on a population grid; and how a set of places changes it. Pure: places and grid are passed in.
 */

/** A place as a scenario holds it (structurally the scenario's `ScenarioPlace`). */
export type CoverageInputPlace = {
  offeringId: string;
  slug: string | null;
  name: string;
  lat: number | null;
  lon: number | null;
  approximate: boolean;
  district: string | null;
  profile: Profile | null;
  targetGroups: readonly string[];
  state: 'open' | 'closing' | 'closed' | 'new';
  closesOn?: string | undefined;
  opensOn?: string | undefined;
};

/**
 * What a resident looks for. 'all': a place open to everyone (not aimed only at some groups); 'social': such a
 * place with the social profile (social or both) — the one the most vulnerable need within walking distance;
 * a target group: a place open to everyone or aimed at that group. Residents of a group are taken to live
 * where all residents live (there is no grid per group).
 */
export type Need = 'all' | 'social' | TargetGroup;

export const needs: readonly Need[] = ['social', 'all', ...(Object.keys(targetGroups) as TargetGroup[])];

/** The distances whose shares beyond are counted, in metres. */
export const thresholdsMetres = [1000, 2000, 3000] as const;

export function fitsNeed(place: Pick<CoverageInputPlace, 'profile' | 'targetGroups'>, need: Need): boolean {
  const forEveryone = place.targetGroups.length === 0;
  if (need === 'all') return forEveryone;
  if (need === 'social') return forEveryone && (place.profile === 'social' || place.profile === 'both');
  return forEveryone || place.targetGroups.includes(need);
}

/** A place counts on `date` if it is not closed, has opened by then and has not yet closed (closesOn is its first closed day). */
export function isPresentOn(place: CoverageInputPlace, date: string | null): boolean {
  if (place.state === 'closed') return false;
  if (date === null) return true;
  if (place.opensOn && place.opensOn > date) return false;
  if (place.closesOn && place.closesOn <= date) return false;
  return true;
}

export type Figures = {
  residents: number;
  /** Population-weighted median and 90th percentile distance in metres (to the 10 m above); null: no place fits. */
  medianMetres: number | null;
  p90Metres: number | null;
  /** Share (0–1) of residents whose nearest fitting place is further than 1, 2 and 3 km (in a straight line). */
  beyond: [number, number, number];
};

export type CoverageReport = {
  date: string | null;
  /** Places counted (present and with coordinates), and those left out for want of coordinates. */
  counted: { offeringId: string; name: string; approximate: boolean }[];
  withoutCoordinates: { offeringId: string; name: string }[];
  /** per need: per district (grid order), then the municipality as a whole. */
  byNeed: Record<Need, { districts: (Figures & { slug: string; name: string })[]; city: Figures }>;
  /** Per cell and need, the distance in metres (Infinity: none fits); cells × needs, need-major. */
  distances: Float32Array;
};

const radians = Math.PI / 180;
const earthRadiusMetres = 6_371_000;
const binMetres = 10;
/** (1 + 1 %)²: how much further by the flat-earth measure a place may seem and still be checked exactly. */
const nearTie = 1.01 ** 2;
/** Bins of 10 m up to 30 km (further than a municipality is wide); the next bin holds "further", the last "no place". */
const farBin = 3_000;
const maxBins = farBin + 1;

/** The coverage of `places` on `grid`, on `date` (null: every place that is not closed). */
export function coverage(grid: PopulationGrid, places: readonly CoverageInputPlace[], date: string | null = null): CoverageReport {
  const present = places.filter((place) => isPresentOn(place, date));
  const located = present.filter((place) => place.lat !== null && place.lon !== null);
  const needCount = needs.length;
  const placeLat = Float64Array.from(located, (place) => place.lat! * radians);
  const placeLon = Float64Array.from(located, (place) => place.lon! * radians);
  // For each place, a bit per need it fits.
  const fitMask = Uint32Array.from(located, (place) => needs.reduce((mask, need, bit) => (fitsNeed(place, need) ? mask | (1 << bit) : mask), 0));

  const distances = nearestPerNeed(grid, placeLat, placeLon, fitMask, needCount);
  const districtCount = grid.districts.length;
  const byNeed = {} as CoverageReport['byNeed'];
  // One histogram per district and the municipality, reused for each need.
  const histograms = new Float64Array((districtCount + 1) * (maxBins + 1));
  needs.forEach((need, n) => {
    histograms.fill(0);
    const totals = new Float64Array(districtCount + 1);
    const beyond = Array.from({ length: districtCount + 1 }, () => [0, 0, 0] as [number, number, number]);
    for (let cell = 0; cell < grid.size; cell++) {
      const metres = distances[n * grid.size + cell]!;
      const weight = grid.residents[cell]!;
      const d = grid.district[cell]!;
      const bin = Number.isFinite(metres) ? Math.min(farBin, Math.ceil(metres / binMetres)) : maxBins;
      for (let pass = 0; pass < 2; pass++) {
        const group = pass === 0 ? d : districtCount;
        histograms[group * (maxBins + 1) + bin]! += weight;
        totals[group]! += weight;
        for (let t = 0; t < 3; t++) if (!(metres <= thresholdsMetres[t]!)) beyond[group]![t]! += weight;
      }
    }
    const figures = (group: number): Figures => {
      const total = totals[group]!;
      return {
        residents: Math.round(total),
        medianMetres: quantile(histograms.subarray(group * (maxBins + 1), (group + 1) * (maxBins + 1)), total, 0.5),
        p90Metres: quantile(histograms.subarray(group * (maxBins + 1), (group + 1) * (maxBins + 1)), total, 0.9),
        beyond: beyond[group]!.map((value) => (total > 0 ? value / total : 0)) as [number, number, number],
      };
    };
    byNeed[need] = {
      districts: grid.districts.map((district, index) => ({ slug: district.slug, name: district.name, ...figures(index) })),
      city: figures(districtCount),
    };
  });
  return {
    date,
    counted: located.map((place) => ({ offeringId: place.offeringId, name: place.name, approximate: place.approximate })),
    withoutCoordinates: present.filter((place) => place.lat === null || place.lon === null).map(({ offeringId, name }) => ({ offeringId, name })),
    byNeed,
    distances,
  };
}

function quantile(histogram: Float64Array, total: number, q: number): number | null {
  if (total <= 0) return null;
  const target = q * total * (1 - 1e-12);
  let sum = 0;
  for (let bin = 0; bin < histogram.length; bin++) {
    sum += histogram[bin]!;
    if (sum >= target) return bin === maxBins ? null : bin * binMetres;
  }
  return null;
}

/**
 * For every cell and need, the straight-line (haversine) distance to the nearest fitting place. A scan over the
 * places with a flat-earth pre-test (the haversine only for a place that may be nearer): with tens of places it
 * beats a k-d tree query per cell and need (bench/coverage.ts measures both).
 */
export function nearestPerNeed(
  grid: PopulationGrid,
  placeLat: Float64Array,
  placeLon: Float64Array,
  fitMask: Uint32Array,
  needCount: number,
): Float32Array {
  const out = new Float32Array(needCount * grid.size).fill(Number.POSITIVE_INFINITY);
  const best = new Float64Array(needCount);
  const placeCos = placeLat.map(Math.cos);
  const radiusSquared = earthRadiusMetres * earthRadiusMetres;
  for (let cell = 0; cell < grid.size; cell++) {
    const lat = grid.latitude[cell]! * radians;
    const lon = grid.longitude[cell]! * radians;
    const cosLat = Math.cos(lat);
    best.fill(Number.POSITIVE_INFINITY);
    for (let p = 0; p < placeLat.length; p++) {
      const mask = fitMask[p]!;
      if (mask === 0) continue;
      const dLat = placeLat[p]! - lat;
      const dLon = placeLon[p]! - lon;
      // The flat-earth distance is within 1 % of the haversine at a city's scale: a place it puts more than 1 %
      // beyond the best so far for every need it fits cannot be nearer, and the exact distance is not computed.
      const flatSquared = (dLat * dLat + dLon * cosLat * (dLon * cosLat)) * radiusSquared;
      let metres = -1;
      for (let n = 0; n < needCount; n++) {
        if (!(mask & (1 << n))) continue;
        const current = best[n]!;
        if (flatSquared > current * current * nearTie) continue;
        if (metres < 0) {
          const h = Math.sin(dLat / 2) ** 2 + cosLat * placeCos[p]! * Math.sin(dLon / 2) ** 2;
          metres = 2 * earthRadiusMetres * Math.asin(Math.min(1, Math.sqrt(h)));
        }
        if (metres < current) best[n] = metres;
      }
    }
    for (let n = 0; n < needCount; n++) out[n * grid.size + cell] = best[n]!;
  }
  return out;
}

export type FiguresChange = {
  slug: string;
  name: string;
  before: Figures;
  after: Figures;
  /** after − before, in metres (null when either has no place) and in share points. */
  medianMetres: number | null;
  p90Metres: number | null;
  beyond: [number, number, number];
};

export type CoverageDiff = Record<Need, { districts: FiguresChange[]; city: FiguresChange }>;

/** How coverage changes from `a` (before) to `b` (after); both on the same grid. */
export function compareCoverage(a: CoverageReport, b: CoverageReport): CoverageDiff {
  const change = (slug: string, name: string, before: Figures, after: Figures): FiguresChange => ({
    slug,
    name,
    before,
    after,
    medianMetres: before.medianMetres === null || after.medianMetres === null ? null : after.medianMetres - before.medianMetres,
    p90Metres: before.p90Metres === null || after.p90Metres === null ? null : after.p90Metres - before.p90Metres,
    beyond: after.beyond.map((value, t) => value - before.beyond[t]!) as [number, number, number],
  });
  const diff = {} as CoverageDiff;
  for (const need of needs) {
    const before = a.byNeed[need];
    const after = b.byNeed[need];
    diff[need] = {
      districts: before.districts.map((district, index) => change(district.slug, district.name, district, after.districts[index]!)),
      city: change('kommunen', 'Hele kommunen', before.city, after.city),
    };
  }
  return diff;
}
