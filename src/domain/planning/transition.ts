import { distance } from 'geokdbush';
import { formatDanishDate } from '../time.ts';
import type { ChangeProblem, ScenarioPlace } from './scenario.ts';

/**
 * Transition plans for the places a scenario closes (ADR 030), the lesson from Milepælen: a period with
 * reduced hours, the nearest places for each group of its users, who helps them move on, and the date.
 * The alternatives follow `domain/alternatives.ts`: the place its users are referred to first, then open
 * places that fit the same people (the same target group; for a place without one, an overlapping profile),
 * the same district first, then the nearest in a straight line, then Danish name order.
 */

/** What the planner writes for a closing place; the date and the alternatives follow from the scenario. */
export type TransitionInput = { reducedFrom: string | null; reducedHours: string; helpers: string };

export type TransitionAlternative = { place: ScenarioPlace; km: number | null; isSameDistrict: boolean; isSuccessor: boolean };

export type TransitionPlan = {
  place: ScenarioPlace;
  closesOn: string;
  /** A target group code, or null: all of its users (a place aimed at no group in particular). */
  groups: { group: string | null; alternatives: TransitionAlternative[] }[];
  input: TransitionInput | null;
};

const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });
const staysOpen = (place: ScenarioPlace) => place.state === 'open' || place.state === 'new';
const profilesOverlap = (a: ScenarioPlace, b: ScenarioPlace) => a.profile === null || b.profile === null || a.profile === 'both' || b.profile === 'both' || a.profile === b.profile;

function describe(target: ScenarioPlace, candidate: ScenarioPlace): TransitionAlternative {
  const km = target.lat !== null && target.lon !== null && candidate.lat !== null && candidate.lon !== null ? distance(target.lon, target.lat, candidate.lon, candidate.lat) : null;
  return { place: candidate, km, isSameDistrict: target.district !== null && target.district === candidate.district, isSuccessor: target.successorId === candidate.offeringId };
}

function ordered(items: TransitionAlternative[]): TransitionAlternative[] {
  return items.sort(
    (a, b) => Number(b.isSameDistrict) - Number(a.isSameDistrict) || (a.km ?? Number.POSITIVE_INFINITY) - (b.km ?? Number.POSITIVE_INFINITY) || collator.compare(a.place.name, b.place.name),
  );
}

/** Up to `limit` places for one group of the closing place's users, in the order above. */
export function alternativesFor(target: ScenarioPlace, group: string | null, after: readonly ScenarioPlace[], limit = 3): TransitionAlternative[] {
  const open = after.filter((place) => place.offeringId !== target.offeringId && staysOpen(place));
  const successor = open.find((place) => place.offeringId === target.successorId);
  const fitting = group
    ? [...ordered(open.filter((place) => place.targetGroups.includes(group)).map((place) => describe(target, place))), ...ordered(open.filter((place) => place.targetGroups.length === 0 && profilesOverlap(target, place)).map((place) => describe(target, place)))]
    : ordered(open.filter((place) => profilesOverlap(target, place) && place.targetGroups.length === 0).map((place) => describe(target, place)));
  const result = successor ? [describe(target, successor)] : [];
  for (const item of fitting) {
    if (result.length >= limit) break;
    if (!result.some((chosen) => chosen.place.offeringId === item.place.offeringId)) result.push(item);
  }
  return result;
}

/** A plan for every place the scenario closes that was open at its start. */
export function transitionPlans(before: readonly ScenarioPlace[], after: readonly ScenarioPlace[], inputs: Readonly<Record<string, TransitionInput>>): TransitionPlan[] {
  const running = new Set(before.filter((place) => place.state !== 'closed').map((place) => place.offeringId));
  return after
    .filter((place) => (place.state === 'closed' || place.state === 'closing') && place.closesOn && running.has(place.offeringId))
    .sort((a, b) => a.closesOn!.localeCompare(b.closesOn!) || collator.compare(a.name, b.name))
    .map((place) => ({
      place,
      closesOn: place.closesOn!,
      groups: (place.targetGroups.length ? place.targetGroups : [null]).map((group) => ({ group, alternatives: alternativesFor(place, group, after) })),
      input: inputs[place.offeringId] ?? null,
    }));
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

/** The plans as typed, checked: a reduced-hours period starts on or after the scenario's start and before the closing. */
export function checkTransitions(
  input: Record<string, { reducedFrom: string; reducedHours: string; helpers: string }>,
  closing: readonly { offeringId: string; name: string; closesOn: string }[],
  startsOn: string,
): { transitions: Record<string, TransitionInput>; problems: ChangeProblem[] } {
  const transitions: Record<string, TransitionInput> = {};
  const problems: ChangeProblem[] = [];
  for (const place of closing) {
    const typed = input[place.offeringId];
    if (!typed || (typed.reducedFrom === '' && typed.reducedHours.trim() === '' && typed.helpers.trim() === '')) continue;
    const before = problems.length;
    if (typed.reducedFrom !== '') {
      if (!isDate(typed.reducedFrom)) problems.push({ field: `reducedFrom-${place.offeringId}`, message: `Skriv datoen, ${place.name} går over til færre timer, fx 2027-01-15.` });
      else if (typed.reducedFrom < startsOn || typed.reducedFrom >= place.closesOn) {
        problems.push({ field: `reducedFrom-${place.offeringId}`, message: `Perioden med færre timer på ${place.name} skal begynde fra ${formatDanishDate(startsOn)} og før lukningen ${formatDanishDate(place.closesOn)}.` });
      }
      if (typed.reducedHours.trim() === '') problems.push({ field: `reducedHours-${place.offeringId}`, message: `Skriv åbningstiderne i perioden med færre timer på ${place.name}, fx »Tirsdag og torsdag 10–15«.` });
    }
    if (typed.reducedHours.length > 500 || typed.helpers.length > 1000) problems.push({ field: `helpers-${place.offeringId}`, message: `Teksten om ${place.name} er for lang: højst 500 tegn om åbningstider og 1.000 om hjælpen.` });
    if (problems.length > before) continue;
    transitions[place.offeringId] = { reducedFrom: typed.reducedFrom || null, reducedHours: typed.reducedHours.trim(), helpers: typed.helpers.trim() };
  }
  return { transitions, problems };
}
