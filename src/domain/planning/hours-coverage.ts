import type { Schedule } from '../schedule/model.ts';
import { daysOf } from '../schedule/timetable.ts';
import { isoWeekday, wallMinutes, weekOf } from '../time.ts';
import { type CoverageInputPlace, fitsNeed, isPresentOn } from './coverage.ts';

/**
 * Coverage in time (ADR 031): per district, over the week that holds a date, the hours places are open, and
 * the hours in which at least one is open — in all, in the evening (after 17:00) and at the weekend — from the
 * schedule model (holidays and exceptions included). A place counts on the days it is present.
 */

export const eveningFromMinutes = 17 * 60;

export type HoursFigures = {
  /** Hours summed over the places (two places open 10–14 give 8). */
  placeHours: number;
  /** Hours in which at least one place is open (two places open 10–14 give 4). */
  coveredHours: number;
  eveningPlaceHours: number;
  eveningCoveredHours: number;
  weekendPlaceHours: number;
  weekendCoveredHours: number;
  places: number;
};

export type HoursCoverage = {
  from: string;
  to: string;
  /** All places, and social places for everyone, per district in the order given (places without a district apart). */
  districts: { slug: string; name: string; all: HoursFigures; social: HoursFigures }[];
  city: { all: HoursFigures; social: HoursFigures };
};

export type HoursPlace = CoverageInputPlace & { schedule: Schedule };

export function hoursCoverage(
  places: readonly HoursPlace[],
  districts: readonly { slug: string; name: string }[],
  date: string,
): HoursCoverage {
  const week = weekOf(date);
  const from = week[0]!;
  const to = week[6]!;
  const figuresFor = (members: readonly HoursPlace[]): HoursFigures => {
    // One minute per slot of the week: how many places are open in it.
    const open = new Uint16Array(7 * 1440);
    const counted = new Set<string>();
    for (const place of members) {
      const days = daysOf(place.schedule, from, to);
      days.forEach((day, index) => {
        if (!isPresentOn(place, day.date)) return;
        for (const period of day.periods) {
          const start = wallMinutes(period.opens);
          const end = wallMinutes(period.closes);
          for (let minute = start; minute < end; minute++) open[index * 1440 + minute]!++;
          if (end > start) counted.add(place.offeringId);
        }
      });
    }
    const sums = { placeHours: 0, coveredHours: 0, eveningPlaceHours: 0, eveningCoveredHours: 0, weekendPlaceHours: 0, weekendCoveredHours: 0 };
    for (let slot = 0; slot < open.length; slot++) {
      const count = open[slot]!;
      if (count === 0) continue;
      const day = Math.floor(slot / 1440);
      const minute = slot % 1440;
      sums.placeHours += count;
      sums.coveredHours += 1;
      if (minute >= eveningFromMinutes) {
        sums.eveningPlaceHours += count;
        sums.eveningCoveredHours += 1;
      }
      if (isoWeekday(week[day]!) >= 6) {
        sums.weekendPlaceHours += count;
        sums.weekendCoveredHours += 1;
      }
    }
    const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
    return {
      placeHours: hours(sums.placeHours),
      coveredHours: hours(sums.coveredHours),
      eveningPlaceHours: hours(sums.eveningPlaceHours),
      eveningCoveredHours: hours(sums.eveningCoveredHours),
      weekendPlaceHours: hours(sums.weekendPlaceHours),
      weekendCoveredHours: hours(sums.weekendCoveredHours),
      places: counted.size,
    };
  };
  const social = (place: HoursPlace) => fitsNeed(place, 'social');
  return {
    from,
    to,
    districts: districts.map((district) => {
      const members = places.filter((place) => place.district === district.slug);
      return { slug: district.slug, name: district.name, all: figuresFor(members), social: figuresFor(members.filter(social)) };
    }),
    city: { all: figuresFor(places), social: figuresFor(places.filter(social)) },
  };
}
