import { formatDanishDate } from '../time.ts';
import type { Profile } from '../vocabulary.ts';

/**
 * Planning scenarios (ADR 030): the range on a chosen date, and dated changes to it, each with a
 * rationale. Pure: the baseline is read elsewhere and passed in, the clock never read. `scenarioRange`
 * is the seam the coverage engine reads: any scenario as a list of places.
 */

/**
 * 'open': in the range at the start and not closed by the scenario; 'closing': closed by a change that has not
 * taken effect on the date asked for (closesOn); 'closed': closed on or before it; 'new': opened by the scenario
 * on opensOn (a coverage reading for an earlier date leaves it out).
 */
export type ScenarioPlaceState = 'open' | 'closing' | 'closed' | 'new';

export type ScenarioPlace = {
  offeringId: string;
  slug: string | null;
  name: string;
  lat: number | null;
  lon: number | null;
  /** Placed by hand or by an approximate geocoding: may be several hundred metres off. */
  approximate: boolean;
  district: string | null;
  profile: Profile | null;
  targetGroups: string[];
  state: ScenarioPlaceState;
  closesOn?: string;
  opensOn?: string;
  /** Hours changed by the scenario: hours a week and how they are spread, in words. */
  hours?: { perWeek: number | null; note: string };
  /** Where a closing place's users are helped to go (a merger's new house, a replacement). */
  successorId?: string;
  address?: string | null;
};

/** A yearly budget effect of a change, in 1,000 DKK (the seed's unit) at the stated price level. */
export type BudgetEffect = { appropriation: string; amountPerYear: number; fromYear: number; priceLevel: string };

/** A place the scenario opens: a new house, or a proposed offering of the range it stands for. */
export type NewHouse = {
  offeringId: string;
  slug: string | null;
  name: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  approximate: boolean;
  district: string | null;
  profile: Profile | null;
  targetGroups: string[];
};

type ChangeBase = {
  id: string;
  /** The date it takes effect ('YYYY-MM-DD'). */
  on: string;
  rationale: string;
  budget: BudgetEffect | null;
  /** The source documents the change comes from, for a seeded scenario. */
  seedRefs?: string[];
};

export type ScenarioChange =
  | (ChangeBase & { kind: 'close'; offeringId: string; successorId?: string | null })
  | (ChangeBase & { kind: 'merge'; offeringIds: string[]; into: NewHouse })
  | (ChangeBase & { kind: 'open'; house: NewHouse })
  | (ChangeBase & {
      kind: 'move';
      offeringId: string;
      address: string;
      lat: number | null;
      lon: number | null;
      approximate: boolean;
      district: string | null;
    })
  | (ChangeBase & { kind: 'profile'; offeringId: string; profile: Profile })
  | (ChangeBase & { kind: 'hours'; offeringId: string; perWeek: number | null; note: string });

export type ChangeKind = ScenarioChange['kind'];

export const changeKindLabels: Record<ChangeKind, string> = {
  close: 'Lukning',
  merge: 'Sammenlægning i et nyt hus',
  open: 'Nyt sted',
  move: 'Flytning',
  profile: 'Ny profil',
  hours: 'Nye åbningstider',
};

export const placeStateLabels: Record<ScenarioPlaceState, string> = {
  open: 'Fortsætter',
  closing: 'Lukker',
  closed: 'Lukket',
  new: 'Nyt',
};

export type PremisesRating = { rating: number; note: string };

export type Scenario = {
  id: string;
  title: string;
  summary: string;
  startsOn: string;
  state: 'draft' | 'published';
  changes: ScenarioChange[];
  /** The premises of each place as the scenario rates them (1 poor – 5 good), by offering id. */
  premises: Record<string, PremisesRating>;
  /** What the planner wrote for each closing place's transition (domain/planning/transition.ts). */
  transitions: Record<string, { reducedFrom: string | null; reducedHours: string; helpers: string }>;
  version: number;
  publishedAt: Date | null;
  updatedAt: Date;
  updatedByName: string;
  seedRefs: string[];
};

/** The places a change is about: the ones it closes, moves or alters, and the house it opens. */
export function placesTouched(change: ScenarioChange): string[] {
  switch (change.kind) {
    case 'merge':
      return [...change.offeringIds, change.into.offeringId];
    case 'open':
      return [change.house.offeringId];
    default:
      return [change.offeringId];
  }
}

/** The places a change ends (closes or merges away). */
function placesEnded(change: ScenarioChange): string[] {
  if (change.kind === 'close') return [change.offeringId];
  if (change.kind === 'merge') return change.offeringIds;
  return [];
}

/** The places a change opens. */
function placesOpened(change: ScenarioChange): NewHouse[] {
  if (change.kind === 'open') return [change.house];
  if (change.kind === 'merge') return [change.into];
  return [];
}

/** Changes in the order they take effect: by date, then in the order they were added. */
export function inEffectOrder(changes: readonly ScenarioChange[]): ScenarioChange[] {
  return changes.map((change, index) => ({ change, index })).sort((a, b) => a.change.on.localeCompare(b.change.on) || a.index - b.index).map(({ change }) => change);
}

/**
 * The scenario's range: the baseline with every change applied, as it stands on `asOf` (all changes
 * when left out). A place closed in the baseline or by an earlier change stays closed: a later change
 * to it is left out, and no change opens a place under the id of one that has existed.
 */
export function scenarioRange(baseline: readonly ScenarioPlace[], changes: readonly ScenarioChange[], asOf?: string): ScenarioPlace[] {
  const places = new Map<string, ScenarioPlace>(baseline.map((place) => [place.offeringId, { ...place, targetGroups: [...place.targetGroups] }]));
  const isEnded = (place: ScenarioPlace | undefined) => place !== undefined && (place.state === 'closed' || place.state === 'closing');
  for (const change of inEffectOrder(changes)) {
    const takesEffect = asOf === undefined || change.on <= asOf;
    const ended = placesEnded(change);
    const opened = placesOpened(change);
    // A merger whose house exists already (or once existed) is left out whole.
    if (opened.some((house) => places.has(house.offeringId))) continue;
    if (ended.some((id) => !places.has(id) || isEnded(places.get(id)))) continue;
    if (change.kind === 'move' || change.kind === 'profile' || change.kind === 'hours') {
      const place = places.get(change.offeringId);
      if (!place || place.state === 'closed' || !takesEffect) continue;
      if (change.kind === 'move') {
        Object.assign(place, { address: change.address, lat: change.lat, lon: change.lon, approximate: change.approximate, district: change.district });
      } else if (change.kind === 'profile') {
        place.profile = change.profile;
      } else {
        place.hours = { perWeek: change.perWeek, note: change.note };
      }
      continue;
    }
    const successor = change.kind === 'merge' ? change.into.offeringId : change.kind === 'close' ? (change.successorId ?? undefined) : undefined;
    for (const id of ended) {
      const place = places.get(id)!;
      place.state = takesEffect ? 'closed' : 'closing';
      place.closesOn = change.on;
      if (successor) place.successorId = successor;
    }
    for (const house of opened) {
      places.set(house.offeringId, { ...house, targetGroups: [...house.targetGroups], state: 'new', opensOn: change.on });
    }
  }
  return [...places.values()];
}

export type ChangeProblem = { field: string; message: string };

const nameOf = (places: ReadonlyMap<string, ScenarioPlace>, id: string) => places.get(id)?.name ?? 'Stedet';

/**
 * Why a new change cannot go into the scenario, in plain Danish (none: it can). Checked against the
 * scenario's start, the range as the changes before it leave it, and the other changes to the same places.
 */
export function checkChange(scenario: { startsOn: string; changes: readonly ScenarioChange[] }, baseline: readonly ScenarioPlace[], change: ScenarioChange): ChangeProblem[] {
  const problems: ChangeProblem[] = [];
  if (change.on < scenario.startsOn) {
    problems.push({ field: 'on', message: `Ændringen er dateret før scenariets startdato, ${formatDanishDate(scenario.startsOn)}. Vælg ${formatDanishDate(scenario.startsOn)} eller senere.` });
  }
  if (change.rationale.trim().length === 0) problems.push({ field: 'rationale', message: 'Skriv en begrundelse for ændringen.' });
  const before = new Map(scenarioRange(baseline, scenario.changes).map((place) => [place.offeringId, place]));
  const known = new Map(before);
  if (change.kind === 'merge') {
    if (change.offeringIds.includes(change.into.offeringId)) {
      problems.push({ field: 'offeringIds', message: `${nameOf(known, change.into.offeringId)} kan ikke lægges sammen med sig selv. Vælg de steder, der skal ind i det nye hus.` });
    } else if (new Set(change.offeringIds).size !== change.offeringIds.length) {
      problems.push({ field: 'offeringIds', message: 'Et sted kan ikke lægges sammen med sig selv. Vælg hvert sted én gang.' });
    } else if (change.offeringIds.length < 1) {
      problems.push({ field: 'offeringIds', message: 'Vælg mindst ét sted, der skal lægges sammen i det nye hus.' });
    }
  }
  for (const house of placesOpened(change)) {
    if (known.has(house.offeringId)) problems.push({ field: 'name', message: `${house.name} findes allerede i scenariet. Et nyt sted skal have sit eget navn.` });
    if (house.name.trim().length === 0) problems.push({ field: 'name', message: 'Skriv det nye steds navn.' });
  }
  const targets = change.kind === 'merge' ? change.offeringIds : change.kind === 'open' ? [] : [change.offeringId];
  for (const id of new Set(targets)) {
    const place = known.get(id);
    if (!place) {
      problems.push({ field: 'offeringId', message: 'Stedet findes ikke i viften på scenariets startdato. Vælg et sted fra listen.' });
      continue;
    }
    const earlier = scenario.changes.filter((other) => placesTouched(other).includes(id));
    const ending = earlier.find((other) => placesEnded(other).includes(id));
    if (ending && (placesEnded(change).includes(id) || ending.on <= change.on)) {
      const verb = placesEnded(change).includes(id) ? 'kan ikke lukkes igen' : 'kan ikke ændres derefter';
      problems.push({ field: 'offeringId', message: `${place.name} er allerede lukket i scenariet fra ${formatDanishDate(ending.on)} og ${verb}.` });
      continue;
    }
    const sameDay = earlier.find((other) => other.on === change.on);
    if (sameDay) {
      problems.push({ field: 'on', message: `${place.name} har allerede en ændring (${changeKindLabels[sameDay.kind].toLowerCase()}) ${formatDanishDate(sameDay.on)}. To ændringer af samme sted samme dag overlapper; ret den ene dato, eller fjern den anden ændring.` });
      continue;
    }
    if (placesEnded(change).includes(id)) {
      const later = earlier.find((other) => other.on > change.on);
      if (later) problems.push({ field: 'on', message: `${place.name} har en ændring ${formatDanishDate(later.on)}, efter den dato du lukker det. Fjern den ændring først, eller vælg en senere dato.` });
    }
  }
  return problems;
}

/** A scenario's budget effect per year, in 1,000 DKK, from its first year through `years` years. */
export function budgetByYear(changes: readonly ScenarioChange[], years = 5): { years: number[]; rows: { appropriation: string; priceLevel: string; amounts: number[] }[]; totals: number[] } {
  const effects = changes.map((change) => change.budget).filter((budget): budget is BudgetEffect => budget !== null);
  if (effects.length === 0) return { years: [], rows: [], totals: [] };
  const first = Math.min(...effects.map((effect) => effect.fromYear));
  const span = Array.from({ length: years }, (_, index) => first + index);
  const rows = new Map<string, { appropriation: string; priceLevel: string; amounts: number[] }>();
  for (const effect of effects) {
    const key = `${effect.appropriation}:${effect.priceLevel}`;
    const row = rows.get(key) ?? { appropriation: effect.appropriation, priceLevel: effect.priceLevel, amounts: span.map(() => 0) };
    span.forEach((year, index) => {
      if (year >= effect.fromYear) row.amounts[index]! += effect.amountPerYear;
    });
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort((a, b) => a.appropriation.localeCompare(b.appropriation));
  return { years: span, rows: sorted, totals: span.map((_, index) => sorted.reduce((sum, row) => sum + row.amounts[index]!, 0)) };
}

export type RangeComparison = {
  opened: ScenarioPlace[];
  closed: ScenarioPlace[];
  /** Closed by a merger or with a successor: where their users go. */
  merged: ScenarioPlace[];
  moved: { before: ScenarioPlace; after: ScenarioPlace }[];
  profileChanged: { before: ScenarioPlace; after: ScenarioPlace }[];
  /** Per district, how many open places of each profile before and after. */
  districts: { district: string; before: Record<Profile | 'none', number>; after: Record<Profile | 'none', number> }[];
};

const isRunning = (place: ScenarioPlace) => place.state === 'open' || place.state === 'new' || place.state === 'closing';

function countByDistrict(places: readonly ScenarioPlace[]) {
  const counts = new Map<string, Record<Profile | 'none', number>>();
  for (const place of places.filter(isRunning)) {
    const key = place.district ?? 'Uden bydel';
    const row = counts.get(key) ?? { social: 0, development: 0, both: 0, none: 0 };
    row[place.profile ?? 'none']++;
    counts.set(key, row);
  }
  return counts;
}

const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

/** What differs between two ranges (e.g. today and a scenario, or two scenarios), place by place and per district. */
export function compareRanges(before: readonly ScenarioPlace[], after: readonly ScenarioPlace[]): RangeComparison {
  const beforeById = new Map(before.map((place) => [place.offeringId, place]));
  const running = (place: ScenarioPlace | undefined) => place !== undefined && isRunning(place);
  const byName = (a: ScenarioPlace, b: ScenarioPlace) => collator.compare(a.name, b.name);
  const opened = after.filter((place) => running(place) && !running(beforeById.get(place.offeringId))).sort(byName);
  const ended = after.filter((place) => !running(place) && running(beforeById.get(place.offeringId))).sort(byName);
  const pairs = after.filter(running).flatMap((place) => {
    const old = beforeById.get(place.offeringId);
    return old && running(old) ? [{ before: old, after: place }] : [];
  });
  const beforeCounts = countByDistrict(before);
  const afterCounts = countByDistrict(after);
  const empty = { social: 0, development: 0, both: 0, none: 0 };
  return {
    opened,
    closed: ended.filter((place) => !place.successorId),
    merged: ended.filter((place) => place.successorId),
    moved: pairs.filter(({ before: a, after: b }) => a.lat !== b.lat || a.lon !== b.lon || (a.address ?? null) !== (b.address ?? null)),
    profileChanged: pairs.filter(({ before: a, after: b }) => a.profile !== b.profile),
    districts: [...new Set([...beforeCounts.keys(), ...afterCounts.keys()])]
      .sort(collator.compare)
      .map((district) => ({ district, before: beforeCounts.get(district) ?? empty, after: afterCounts.get(district) ?? empty })),
  };
}
