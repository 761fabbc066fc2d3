import { distance } from 'geokdbush';
import type { MonthReview, UsageFigure } from '../counting/tally.ts';
import type { PremisesRating, ScenarioPlace } from './scenario.ts';

/**
 * The committee's three criteria for each place, side by side (ADR 030): location (its district and the
 * nearest other places that stay open), premises (a rating 1–5 with a note, the scenario's own) and use
 * (visits with their provenance and any dispute). A score only when the reader chooses weights; the raw
 * criteria are always shown beside it.
 */

export type Weights = { location: number; premises: number; use: number };

export const maxWeight = 5;

export type Neighbour = { place: ScenarioPlace; km: number };

export type PlaceCriteria = {
  place: ScenarioPlace;
  /** Up to three other places open after the scenario, nearest first (straight line); [] without coordinates. */
  nearest: Neighbour[];
  premises: PremisesRating | null;
  use: { figure: UsageFigure; review: MonthReview | null } | null;
  /** 0–100: a stronger case to keep the place; null without weights or without any criterion to weigh. */
  score: number | null;
  /** The criteria the score could not use, for want of a value. */
  missing: (keyof Weights)[];
};

/** Two kilometres or more to the nearest other place counts fully for location: beyond a walk for many. */
export const farKm = 2;

const isRunning = (place: ScenarioPlace) => place.state === 'open' || place.state === 'new' || place.state === 'closing';

function nearestOthers(place: ScenarioPlace, others: readonly ScenarioPlace[], count = 3): Neighbour[] {
  if (place.lat === null || place.lon === null) return [];
  return others
    .filter((other) => other.offeringId !== place.offeringId && other.lat !== null && other.lon !== null && isRunning(other))
    .map((other) => ({ place: other, km: distance(place.lon!, place.lat!, other.lon!, other.lat!) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, count);
}

export function hasWeights(weights: Weights | null): weights is Weights {
  return weights !== null && weights.location + weights.premises + weights.use > 0;
}

/**
 * The criteria of each place in `places` (the range the scenario starts from), measured against `after`
 * (the scenario's range). The score is a weighted mean of three parts, each 0–1: location, the distance to
 * the nearest other place over `farKm` (capped at 1); premises, (rating − 1) / 4; use, the visits over the
 * highest visits among the places. A criterion without a value is left out of the mean and named.
 */
export function criteriaOf(
  places: readonly ScenarioPlace[],
  after: readonly ScenarioPlace[],
  premises: Readonly<Record<string, PremisesRating>>,
  usage: ReadonlyMap<string, { figure: UsageFigure; review: MonthReview | null }>,
  weights: Weights | null,
): PlaceCriteria[] {
  const highest = Math.max(0, ...[...usage.values()].map((item) => item.figure.value));
  return places.map((place) => {
    const nearest = nearestOthers(place, after);
    const rating = premises[place.offeringId] ?? null;
    const use = usage.get(place.offeringId) ?? null;
    const parts: Record<keyof Weights, number | null> = {
      location: nearest.length ? Math.min(nearest[0]!.km / farKm, 1) : null,
      premises: rating ? (rating.rating - 1) / 4 : null,
      use: use && highest > 0 ? use.figure.value / highest : null,
    };
    const missing = (Object.keys(parts) as (keyof Weights)[]).filter((key) => parts[key] === null);
    let score: number | null = null;
    if (hasWeights(weights)) {
      const used = (Object.keys(parts) as (keyof Weights)[]).filter((key) => parts[key] !== null && weights[key] > 0);
      const total = used.reduce((sum, key) => sum + weights[key], 0);
      if (total > 0) score = Math.round((100 * used.reduce((sum, key) => sum + weights[key] * parts[key]!, 0)) / total);
    }
    return { place, nearest, premises: rating, use, score, missing };
  });
}

export type PremisesProblem = { field: string; message: string };

/** The premises form: a rating 1–5 (or none) and a note of at most 500 characters for each place. */
export function checkPremises(input: Record<string, { rating: string; note: string }>, names: ReadonlyMap<string, string>): { premises: Record<string, PremisesRating>; problems: PremisesProblem[] } {
  const premises: Record<string, PremisesRating> = {};
  const problems: PremisesProblem[] = [];
  for (const [id, { rating, note }] of Object.entries(input)) {
    const name = names.get(id);
    if (!name) continue;
    if (rating === '' && note.trim() === '') continue;
    const value = Number(rating);
    if (!Number.isInteger(value) || value < 1 || value > 5) {
      problems.push({ field: `rating-${id}`, message: `Giv lokalerne på ${name} en karakter fra 1 (dårlige) til 5 (gode), eller fjern noten.` });
      continue;
    }
    if (note.length > 500) {
      problems.push({ field: `note-${id}`, message: `Noten om lokalerne på ${name} må højst være 500 tegn.` });
      continue;
    }
    premises[id] = { rating: value, note: note.trim() };
  }
  return { premises, problems };
}
