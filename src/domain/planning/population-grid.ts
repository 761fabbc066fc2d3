/**
 * Where residents live, as a grid of 100 × 100 m cells: the denominator of coverage (ADR 031).
 *
 * The grid is built from a `PopulationSource`: residents per district and the districts' areas. The one the
 * platform ships (`population-data.ts`) is APPROXIMATE — rounded district figures spread evenly over roughly
 * drawn districts — and says so in `note`, which every page that shows coverage prints. A real grid
 * (Danmarks Statistik's kvadratnet) replaces it by giving `PopulationGrid` directly.
 */

/** [longitude, latitude] in degrees (WGS84). */
export type LonLat = readonly [number, number];

export type PopulationSource = {
  name: string;
  /** The caveat, in Danish, for every page that shows figures built on this source. */
  note: string;
  noteEn: string;
  approximate: boolean;
  /** The municipality's land, roughly; cells whose centre lies outside are left out. */
  outline: readonly LonLat[];
  /** Areas inside the outline that are not the municipality's (Frederiksberg). */
  holes: readonly (readonly LonLat[])[];
  /** Each cell belongs to the district with the nearest anchor point. */
  districts: readonly { slug: string; name: string; residents: number; anchors: readonly LonLat[] }[];
};

export type GridDistrict = { slug: string; name: string; residents: number; cells: number };

export type PopulationGrid = {
  cellMetres: number;
  source: { name: string; note: string; noteEn: string; approximate: boolean };
  districts: GridDistrict[];
  /** Cell centres and residents, one entry per cell; `district` indexes `districts`. */
  latitude: Float64Array;
  longitude: Float64Array;
  residents: Float64Array;
  district: Uint16Array;
  size: number;
};

const metresPerDegreeLatitude = 111_195;

export function pointInPolygon(lon: number, lat: number, polygon: readonly LonLat[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The grid for a source: cells of `cellMetres` (100 m) inside the outline, residents spread evenly per district. */
export function buildPopulationGrid(source: PopulationSource, cellMetres = 100): PopulationGrid {
  if (source.districts.length === 0) throw new RangeError('A population source needs at least one district.');
  const lons = source.outline.map((point) => point[0]);
  const lats = source.outline.map((point) => point[1]);
  const [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const middle = (south + north) / 2;
  const latStep = cellMetres / metresPerDegreeLatitude;
  const lonStep = cellMetres / (metresPerDegreeLatitude * Math.cos((middle * Math.PI) / 180));
  const kx = Math.cos((middle * Math.PI) / 180);

  const cellLat: number[] = [];
  const cellLon: number[] = [];
  const cellDistrict: number[] = [];
  const counts = source.districts.map(() => 0);
  for (let lat = south + latStep / 2; lat < north; lat += latStep) {
    for (let lon = west + lonStep / 2; lon < east; lon += lonStep) {
      if (!pointInPolygon(lon, lat, source.outline)) continue;
      if (source.holes.some((hole) => pointInPolygon(lon, lat, hole))) continue;
      let best = 0;
      let bestDistance = Number.POSITIVE_INFINITY;
      source.districts.forEach((district, index) => {
        for (const [ax, ay] of district.anchors) {
          const d = ((ax - lon) * kx) ** 2 + (ay - lat) ** 2;
          if (d < bestDistance) {
            bestDistance = d;
            best = index;
          }
        }
      });
      cellLat.push(lat);
      cellLon.push(lon);
      cellDistrict.push(best);
      counts[best]!++;
    }
  }
  const districts = source.districts.map((district, index) => ({
    slug: district.slug,
    name: district.name,
    residents: district.residents,
    cells: counts[index]!,
  }));
  const empty = districts.find((district) => district.cells === 0);
  if (empty) throw new RangeError(`District ${empty.slug} has no cells inside the outline.`);
  const residents = new Float64Array(cellDistrict.length);
  cellDistrict.forEach((index, cell) => {
    residents[cell] = districts[index]!.residents / districts[index]!.cells;
  });
  return {
    cellMetres,
    source: { name: source.name, note: source.note, noteEn: source.noteEn, approximate: source.approximate },
    districts,
    latitude: Float64Array.from(cellLat),
    longitude: Float64Array.from(cellLon),
    residents,
    district: Uint16Array.from(cellDistrict),
    size: cellDistrict.length,
  };
}

let copenhagen: PopulationGrid | null = null;

/** The shipped (approximate) grid of Copenhagen, built once. */
export async function copenhagenGrid(): Promise<PopulationGrid> {
  if (!copenhagen) {
    const { copenhagenDistrictsApprox } = await import('./population-data.ts');
    copenhagen = buildPopulationGrid(copenhagenDistrictsApprox);
  }
  return copenhagen;
}
