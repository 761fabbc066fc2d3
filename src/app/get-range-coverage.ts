import { type CoverageReport, coverage } from '../domain/planning/coverage.ts';
import { type HoursCoverage, type HoursPlace, hoursCoverage } from '../domain/planning/hours-coverage.ts';
import type { PopulationGrid } from '../domain/planning/population-grid.ts';
import type { Offering } from '../domain/range.ts';
import { statusOn } from '../domain/status.ts';
import type { RangeRepository } from './ports.ts';

/**
 * The coverage of the range as it stands on a date (ADR 031): every location of every place open or closing
 * that day, as a scenario's places are given to `coverage`, and the week's hours per district.
 */

export type RangeCoverage = {
  date: string;
  grid: PopulationGrid;
  places: HoursPlace[];
  report: CoverageReport;
  hours: HoursCoverage;
  /** Some hours shown are invented for demonstration (eksempeldata). */
  hoursAreExample: boolean;
};

/** The range on `date` as places: one per location; a closing place carries the date it closes, when known. */
export function rangePlacesOn(offerings: readonly Offering[], date: string): HoursPlace[] {
  const places: HoursPlace[] = [];
  for (const offering of offerings) {
    const status = statusOn(offering.events, date);
    if (status.state !== 'active' && status.state !== 'closing') continue;
    const closesOn = status.state === 'closing' && status.planned?.on && status.planned.on > date ? status.planned.on : undefined;
    const targetGroups = offering.terms.filter((term) => term.taxonomySlug === 'maalgruppe').map((term) => term.code);
    const several = offering.locations.length > 1;
    for (const { location } of offering.locations) {
      places.push({
        offeringId: offering.id,
        slug: offering.slug,
        name: several ? `${offering.name} (${location.name})` : offering.name,
        lat: location.latitude,
        lon: location.longitude,
        approximate: location.coordinatePrecision !== 'address',
        district: location.district?.slug ?? null,
        profile: offering.profile,
        targetGroups,
        state: status.state === 'closing' ? 'closing' : 'open',
        ...(closesOn ? { closesOn } : {}),
        schedule: offering.schedule,
      });
    }
  }
  return places;
}

export async function getRangeCoverage(options: { range: RangeRepository; grid: PopulationGrid; date: string }): Promise<RangeCoverage> {
  const { items } = await options.range.findOfferings({}, 'all');
  const places = rangePlacesOn(items, options.date);
  // Hours count once per offering, at its first location, so a place with two addresses is not open twice.
  const seen = new Set<string>();
  const hoursPlaces = places.filter((place) => !seen.has(place.offeringId) && seen.add(place.offeringId));
  return {
    date: options.date,
    grid: options.grid,
    places,
    report: coverage(options.grid, places, options.date),
    hours: hoursCoverage(hoursPlaces, options.grid.districts, options.date),
    hoursAreExample: hoursPlaces.some((place) => place.schedule.rules.some((rule) => rule.isExample)),
  };
}
