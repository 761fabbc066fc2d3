import { addDays, dayClock } from '../time.ts';
import type { Holiday } from './holidays.ts';
import type { Timetable } from './timetable.ts';
import type { Locale } from '../locale.ts';

/**
 * The coordination view: for each district, how many places are open in each time band of each day
 * of a week (and on the coming holidays), and which gaps and pile-ups that leaves.
 */

export const timeBands = [
  { key: 'morning', label: 'morgen', from: 6 * 60, to: 12 * 60 },
  { key: 'afternoon', label: 'eftermiddag', from: 12 * 60, to: 17 * 60 },
  { key: 'evening', label: 'aften', from: 17 * 60, to: 22 * 60 },
  { key: 'night', label: 'nat', from: 22 * 60, to: 30 * 60 },
] as const;

export type TimeBand = (typeof timeBands)[number]['key'];

/** The bands' names in each language; the Danish ones are `timeBands`' labels. */
export const timeBandLabels: Record<Locale, Record<TimeBand, string>> = {
  da: Object.fromEntries(timeBands.map((band) => [band.key, band.label])) as Record<TimeBand, string>,
  en: { morning: 'morning', afternoon: 'afternoon', evening: 'evening', night: 'night' },
};

/** One place as the matrix counts it. `index` is its position in the timetable. */
export type CoveragePlace = { index: number; district: string; isSocial: boolean };

export type Cell = { date: string; band: TimeBand; open: number[] };

export type CoverageRow = { district: string; cells: Cell[] };

/**
 * Instants of a band on a date. Night runs from 22:00 to 06:00 the next morning; a place open in any
 * minute of the band counts as open in it.
 */
export function bandInterval(date: string, band: (typeof timeBands)[number]): { from: number; to: number } {
  const clock = dayClock(date);
  const from = clock.toInstant(band.from);
  const to = band.to <= 1440 ? clock.toInstant(band.to) : dayClock(addDays(date, 1)).toInstant(band.to - 1440);
  return { from, to };
}

/** Rows of the matrix, one per district (in the order given), with a cell per date and band. */
export function coverageMatrix(
  timetable: Timetable,
  places: readonly CoveragePlace[],
  districts: readonly string[],
  dates: readonly string[],
): CoverageRow[] {
  const byDistrict = new Map(districts.map((district) => [district, [] as Cell[]]));
  for (const date of dates) {
    for (const band of timeBands) {
      const { from, to } = bandInterval(date, band);
      const open = timetable.openBetween(from, to);
      for (const district of districts) {
        byDistrict.get(district)!.push({
          date,
          band: band.key,
          open: places.filter((place) => place.district === district && open.has(place.index)).map((place) => place.index),
        });
      }
    }
  }
  return districts.map((district) => ({ district, cells: byDistrict.get(district)! }));
}

/** A cell with no social place open in the day bands is a gap; nights are shown but not called gaps. */
export function isGap(cell: Cell, places: ReadonlyMap<number, CoveragePlace>): boolean {
  return cell.band !== 'night' && !cell.open.some((index) => places.get(index)?.isSocial);
}

/** Three or more places open in the same district and band: worth looking at before adding more. */
export const pileUpThreshold = 3;

export function isPileUp(cell: Cell): boolean {
  return cell.open.length >= pileUpThreshold;
}

export type HolidayCoverage = { holiday: Holiday; byDistrict: Map<string, number[]> };
