import type { Principal } from '../domain/access/policy.ts';
import { type MonthReview, monthSpan, type UsageFigure } from '../domain/counting/tally.ts';
import { compareCoverage, type CoverageDiff, coverage } from '../domain/planning/coverage.ts';
import type { PopulationGrid } from '../domain/planning/population-grid.ts';
import { checkPremises, criteriaOf, type PlaceCriteria, type Weights } from '../domain/planning/criteria.ts';
import { checkDeadline, checkResponse, type Hearing, type RegisteredResponse, type ResponseForm } from '../domain/planning/hearing.ts';
import { checkTransitions, type TransitionPlan, transitionPlans } from '../domain/planning/transition.ts';
import type { Schedule } from '../domain/schedule/model.ts';
import { type ChangeProblem, checkChange, compareRanges, type Scenario, type ScenarioChange, type ScenarioPlace, scenarioRange } from '../domain/planning/scenario.ts';
import type { Offering } from '../domain/range.ts';
import { statusOn } from '../domain/status.ts';
import { addDays, copenhagenDate as copenhagenDateOf, formatDanishDate } from '../domain/time.ts';
import type { AuditEntry } from './audit.ts';
import { NotFoundError } from './errors.ts';
import type { RangeRepository } from './ports.ts';
import { usageOf, type VisitCountStore } from './register-visits.ts';

/** A scenario in a list: enough to choose one. */
export type ScenarioSummary = Pick<Scenario, 'id' | 'title' | 'summary' | 'startsOn' | 'state' | 'publishedAt' | 'updatedAt' | 'updatedByName'> & { changeCount: number };

/** The next state of a scenario, or why not: decided with the scenario's row locked. */
export type ScenarioEdit<T> =
  | { kind: 'save'; next: Pick<Scenario, 'title' | 'summary' | 'changes'> & { premises?: Scenario['premises']; transitions?: Scenario['transitions']; publish?: boolean }; audit: AuditEntry; result: T }
  | { kind: 'refuse'; result: T };

export type ScenarioStore = {
  list(filter: { publishedOnly: boolean }): Promise<ScenarioSummary[]>;
  get(id: string): Promise<Scenario | null>;
  create(scenario: Pick<Scenario, 'id' | 'title' | 'summary' | 'startsOn'> & { at: Date; by: { id: string | null; name: string } }, audit: AuditEntry): Promise<void>;
  /** Reads the scenario with its row locked, lets `decide` choose, and saves (version + 1) with the audit entry in one transaction. */
  edit<T>(id: string, by: { id: string | null; name: string }, at: Date, decide: (current: Scenario) => ScenarioEdit<T>): Promise<T>;
  hearingOf(id: string): Promise<Hearing | null>;
  /** Opens the hearing with its audit entry; 'exists' when the scenario has one already. */
  openHearing(hearing: Hearing, audit: AuditEntry): Promise<'opened' | 'exists'>;
  /** Every response, earliest received first, with the sender (back office only). */
  responses(id: string): Promise<RegisteredResponse[]>;
  addResponse(scenarioId: string, response: RegisteredResponse, audit: AuditEntry): Promise<void>;
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The place as a scenario sees it: its first located address, profile and target groups. */
export function scenarioPlaceOf(offering: Offering, state: ScenarioPlace['state']): ScenarioPlace {
  const located = offering.locations.find((item) => item.location.latitude !== null) ?? offering.locations[0];
  const location = located?.location;
  return {
    offeringId: offering.id,
    slug: offering.slug,
    name: offering.name,
    lat: location?.latitude ?? null,
    lon: location?.longitude ?? null,
    approximate: location ? location.coordinatePrecision !== 'address' : true,
    district: location?.district?.name ?? null,
    profile: offering.profile,
    targetGroups: offering.terms.filter((term) => term.taxonomySlug === 'maalgruppe').map((term) => term.code),
    state,
    address: location?.address1 ?? null,
  };
}

/**
 * The range on `date` as a scenario starts from it: every place that is open or closing that day (a
 * closing in the range itself is the scenario's to decide, so it starts open).
 */
export async function readRangeOn(range: RangeRepository, date: string): Promise<{ places: ScenarioPlace[]; offerings: Offering[] }> {
  const { items } = await range.findOfferings({}, 'all');
  const places = items.flatMap((offering) => {
    const { state } = statusOn(offering.events, date);
    return state === 'active' || state === 'closing' ? [scenarioPlaceOf(offering, 'open')] : [];
  });
  return { places, offerings: items };
}

/** A scenario's range, from the range on its start date. */
export async function rangeOfScenario(range: RangeRepository, scenario: Pick<Scenario, 'startsOn' | 'changes'>, asOf?: string): Promise<{ before: ScenarioPlace[]; after: ScenarioPlace[] }> {
  const { places } = await readRangeOn(range, scenario.startsOn);
  return { before: places, after: scenarioRange(places, scenario.changes, asOf) };
}

export type ScenarioTextInput = { title: string; summary: string; startsOn?: string };

export function checkScenarioText(input: ScenarioTextInput): ChangeProblem[] {
  const problems: ChangeProblem[] = [];
  if (input.title.trim().length === 0) problems.push({ field: 'title', message: 'Skriv en titel på scenariet, fx »Model for Sydhavnen 2027«.' });
  else if (input.title.length > 200) problems.push({ field: 'title', message: 'Titlen må højst være 200 tegn.' });
  if (input.summary.length > 4000) problems.push({ field: 'summary', message: 'Beskrivelsen må højst være 4.000 tegn.' });
  if (input.startsOn !== undefined && (!isoDate.test(input.startsOn) || Number.isNaN(Date.parse(input.startsOn)))) {
    problems.push({ field: 'startsOn', message: 'Skriv startdatoen som en dato, fx 2027-01-01.' });
  }
  return problems;
}

const actor = (principal: Principal) => ({ id: principal.accountId, name: principal.name });

function auditOf(principal: Principal, at: Date, action: string, scenarioId: string, summary: string, source: string, detail?: Record<string, unknown>): AuditEntry {
  return { at, actorId: principal.accountId, actorName: principal.name, action, resourceType: 'planning_scenario', resourceId: scenarioId, summary, source, ...(detail ? { detail } : {}) };
}

/** A new draft, starting from the range on the chosen date. */
export async function createScenario(deps: { store: ScenarioStore; now: Date }, input: ScenarioTextInput & { startsOn: string }, principal: Principal, source: string) {
  const problems = checkScenarioText(input);
  if (problems.length) return { kind: 'invalid' as const, problems };
  const id = crypto.randomUUID();
  await deps.store.create(
    { id, title: input.title.trim(), summary: input.summary.trim(), startsOn: input.startsOn, at: deps.now, by: actor(principal) },
    auditOf(principal, deps.now, 'scenario.create', id, `Oprettede scenariet »${input.title.trim()}« med start ${formatDanishDate(input.startsOn)}.`, source),
  );
  return { kind: 'created' as const, id };
}

export type DraftOutcome =
  | { kind: 'saved'; version: number }
  | { kind: 'invalid'; problems: ChangeProblem[] }
  /** Someone saved since the form was read: theirs is `current`, the typing is kept by the caller. */
  | { kind: 'stale'; current: Scenario }
  | { kind: 'published' };

/** The draft's title and description, saved only if nobody saved since `baseVersion` (autosave and the save button). */
export async function saveScenarioDraft(deps: { store: ScenarioStore; now: Date }, id: string, input: ScenarioTextInput & { baseVersion: number }, principal: Principal, source: string): Promise<DraftOutcome> {
  const problems = checkScenarioText(input);
  if (problems.length) return { kind: 'invalid', problems };
  return deps.store.edit<DraftOutcome>(id, actor(principal), deps.now, (current) => {
    if (current.state === 'published') return { kind: 'refuse', result: { kind: 'published' } };
    if (current.version !== input.baseVersion) return { kind: 'refuse', result: { kind: 'stale', current } };
    if (current.title === input.title.trim() && current.summary === input.summary.trim()) return { kind: 'refuse', result: { kind: 'saved', version: current.version } };
    return {
      kind: 'save',
      next: { title: input.title.trim(), summary: input.summary.trim(), changes: current.changes },
      audit: auditOf(principal, deps.now, 'scenario.edit', id, `Gemte titel og beskrivelse af scenariet »${input.title.trim()}«.`, source),
      result: { kind: 'saved', version: current.version + 1 },
    };
  });
}

export type ChangeOutcome = { kind: 'added'; version: number } | { kind: 'invalid'; problems: ChangeProblem[] } | { kind: 'published' };

/**
 * A change added to a draft: checked against the scenario as it is now (with its row locked), so a change
 * added by someone else meanwhile is taken into account rather than overwritten.
 */
export async function addScenarioChange(deps: { store: ScenarioStore; range: RangeRepository; now: Date }, id: string, change: ScenarioChange, principal: Principal, source: string): Promise<ChangeOutcome> {
  const scenario = await deps.store.get(id);
  if (!scenario) throw new NotFoundError('Scenariet findes ikke.');
  const { places } = await readRangeOn(deps.range, scenario.startsOn);
  return deps.store.edit<ChangeOutcome>(id, actor(principal), deps.now, (current) => {
    if (current.state === 'published') return { kind: 'refuse', result: { kind: 'published' } };
    const problems = checkChange(current, places, change);
    if (problems.length) return { kind: 'refuse', result: { kind: 'invalid', problems } };
    return {
      kind: 'save',
      next: { title: current.title, summary: current.summary, changes: [...current.changes, change] },
      audit: auditOf(principal, deps.now, 'scenario.change.add', id, `Tilføjede en ændring (${change.kind}) pr. ${formatDanishDate(change.on)} til scenariet »${current.title}«.`, source, { change }),
      result: { kind: 'added', version: current.version + 1 },
    };
  });
}

/** A change taken out of a draft; a change already gone is no error (the form may be sent twice). */
export async function removeScenarioChange(deps: { store: ScenarioStore; now: Date }, id: string, changeId: string, principal: Principal, source: string): Promise<'removed' | 'published'> {
  return deps.store.edit<'removed' | 'published'>(id, actor(principal), deps.now, (current) => {
    if (current.state === 'published') return { kind: 'refuse', result: 'published' };
    const removed = current.changes.find((change) => change.id === changeId);
    if (!removed) return { kind: 'refuse', result: 'removed' };
    return {
      kind: 'save',
      next: { title: current.title, summary: current.summary, changes: current.changes.filter((change) => change.id !== changeId) },
      audit: auditOf(principal, deps.now, 'scenario.change.remove', id, `Fjernede en ændring (${removed.kind}) fra scenariet »${current.title}«.`, source, { change: removed }),
      result: 'removed',
    };
  });
}

export type PublishOutcome = { kind: 'published' } | { kind: 'stale'; current: Scenario } | { kind: 'already' };

/** Publish the draft exactly as the person saw it: read-only from then on, citable at /planlaegning/{id}. */
export async function publishScenario(deps: { store: ScenarioStore; now: Date }, id: string, baseVersion: number, principal: Principal, source: string): Promise<PublishOutcome> {
  return deps.store.edit<PublishOutcome>(id, actor(principal), deps.now, (current) => {
    if (current.state === 'published') return { kind: 'refuse', result: { kind: 'already' } };
    if (current.version !== baseVersion) return { kind: 'refuse', result: { kind: 'stale', current } };
    return {
      kind: 'save',
      next: { title: current.title, summary: current.summary, changes: current.changes, publish: true },
      audit: auditOf(principal, deps.now, 'scenario.publish', id, `Offentliggjorde scenariet »${current.title}«.`, source),
      result: { kind: 'published' },
    };
  });
}

/** What a scenario is compared with: the range on its own start date, the range today, or another scenario. */
export type ComparisonBase = { kind: 'start' } | { kind: 'today'; today: string } | { kind: 'scenario'; scenario: Scenario };

export type ScenarioComparisonView = {
  before: ScenarioPlace[];
  after: ScenarioPlace[];
  comparison: ReturnType<typeof compareRanges>;
  labels: { before: string; after: string };
  /** How far residents live from a fitting place, before and after, on the grid given (ADR 031). */
  coverage?: CoverageDiff;
  /** Places present on either side that coverage could not count, for want of an address. */
  coverageLeftOut?: string[];
};

/** Two ranges side by side: the base (`against`) before, the scenario after. */
export async function compareScenario(range: RangeRepository, scenario: Scenario, against: ComparisonBase, grid?: PopulationGrid): Promise<ScenarioComparisonView> {
  const own = await rangeOfScenario(range, scenario);
  let before = own.before;
  let label = `Viften ${formatDanishDate(scenario.startsOn)}`;
  if (against.kind === 'today') {
    before = (await readRangeOn(range, against.today)).places;
    label = `Viften i dag, ${formatDanishDate(against.today)}`;
  } else if (against.kind === 'scenario') {
    before = (await rangeOfScenario(range, against.scenario)).after;
    label = against.scenario.title;
  }
  return {
    before,
    after: own.after,
    comparison: compareRanges(before, own.after),
    labels: { before: label, after: scenario.title },
    ...(grid ? coverageOf(grid, before, own.after) : {}),
  };
}

function coverageOf(grid: PopulationGrid, before: ScenarioPlace[], after: ScenarioPlace[]) {
  const [a, b] = [coverage(grid, before), coverage(grid, after)];
  const leftOut = [...new Set([...a.withoutCoordinates, ...b.withoutCoordinates].map((place) => place.name))].sort(new Intl.Collator('da').compare);
  return { coverage: compareCoverage(a, b), coverageLeftOut: leftOut };
}

export type PremisesOutcome = { kind: 'saved' } | { kind: 'invalid'; problems: ChangeProblem[] } | { kind: 'stale'; current: Scenario } | { kind: 'published' };

/** The scenario's ratings of the places' premises, saved whole if nobody saved since `baseVersion`. */
export async function saveScenarioPremises(
  deps: { store: ScenarioStore; range: RangeRepository; now: Date },
  id: string,
  input: { ratings: Record<string, { rating: string; note: string }>; baseVersion: number },
  principal: Principal,
  source: string,
): Promise<PremisesOutcome> {
  const scenario = await deps.store.get(id);
  if (!scenario) throw new NotFoundError('Scenariet findes ikke.');
  const { places } = await readRangeOn(deps.range, scenario.startsOn);
  const { premises, problems } = checkPremises(input.ratings, new Map(places.map((place) => [place.offeringId, place.name])));
  if (problems.length) return { kind: 'invalid', problems };
  return deps.store.edit<PremisesOutcome>(id, actor(principal), deps.now, (current) => {
    if (current.state === 'published') return { kind: 'refuse', result: { kind: 'published' } };
    if (current.version !== input.baseVersion) return { kind: 'refuse', result: { kind: 'stale', current } };
    return {
      kind: 'save',
      next: { title: current.title, summary: current.summary, changes: current.changes, premises },
      audit: auditOf(principal, deps.now, 'scenario.premises', id, `Gemte vurderingen af lokalerne i scenariet »${current.title}« (${Object.keys(premises).length} steder).`, source),
      result: { kind: 'saved' },
    };
  });
}

/**
 * Each place's criteria in a scenario: location against the scenario's range, the premises as rated in it,
 * and use from the visitor counts of the last full month (with its confirmation or dispute), `usageOf`.
 */
export async function scenarioCriteria(
  deps: { range: RangeRepository; counts: VisitCountStore; scheduleOf: (offeringId: string) => Promise<Schedule | null> },
  scenario: Scenario,
  today: string,
  weights: Weights | null,
): Promise<{ criteria: PlaceCriteria[]; month: string }> {
  const { before, after } = await rangeOfScenario(deps.range, scenario);
  const month = addDays(`${today.slice(0, 8)}01`, -1).slice(0, 7);
  const figures = await usageOf({ store: deps.counts, scheduleOf: deps.scheduleOf }, before.map((place) => place.offeringId), monthSpan(month));
  const usage = new Map<string, { figure: UsageFigure; review: MonthReview | null }>();
  for (const figure of figures) {
    const reviews = await deps.counts.reviews(figure.offeringId, month);
    usage.set(figure.offeringId, { figure, review: reviews.at(-1) ?? null });
  }
  const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });
  const sorted = [...before].sort((a, b) => collator.compare(a.district ?? '~', b.district ?? '~') || collator.compare(a.name, b.name));
  return { criteria: criteriaOf(sorted, after, scenario.premises, usage, weights), month };
}

/** The transition plans of the places a scenario closes, saved whole if nobody saved since `baseVersion`. */
export async function saveScenarioTransitions(
  deps: { store: ScenarioStore; range: RangeRepository; now: Date },
  id: string,
  input: { plans: Record<string, { reducedFrom: string; reducedHours: string; helpers: string }>; baseVersion: number },
  principal: Principal,
  source: string,
): Promise<PremisesOutcome> {
  const scenario = await deps.store.get(id);
  if (!scenario) throw new NotFoundError('Scenariet findes ikke.');
  const { before, after } = await rangeOfScenario(deps.range, scenario);
  const closing = transitionPlans(before, after, {}).map((plan) => ({ offeringId: plan.place.offeringId, name: plan.place.name, closesOn: plan.closesOn }));
  const { transitions, problems } = checkTransitions(input.plans, closing, scenario.startsOn);
  if (problems.length) return { kind: 'invalid', problems };
  return deps.store.edit<PremisesOutcome>(id, actor(principal), deps.now, (current) => {
    if (current.state === 'published') return { kind: 'refuse', result: { kind: 'published' } };
    if (current.version !== input.baseVersion) return { kind: 'refuse', result: { kind: 'stale', current } };
    return {
      kind: 'save',
      next: { title: current.title, summary: current.summary, changes: current.changes, transitions },
      audit: auditOf(principal, deps.now, 'scenario.transitions', id, `Gemte overgangsplanerne i scenariet »${current.title}« (${Object.keys(transitions).length} steder).`, source),
      result: { kind: 'saved' },
    };
  });
}

/** A place's hours in a plan: the scenario's own, or the real schedule's rules (example hours marked), or none. */
export type PlanHours = { kind: 'scenario'; note: string; perWeek: number | null } | { kind: 'schedule'; rules: Schedule['rules'] } | { kind: 'none' };

/** The plans of every place a scenario closes, with the hours of each alternative. */
export async function scenarioTransitions(range: RangeRepository, scenario: Scenario): Promise<{ plans: TransitionPlan[]; hours: Map<string, PlanHours> }> {
  const { before, after } = await rangeOfScenario(range, scenario);
  const plans = transitionPlans(before, after, scenario.transitions);
  const shown = [...new Set(plans.flatMap((plan) => plan.groups.flatMap((group) => group.alternatives.map((item) => item.place))))];
  const schedules = await range.getSchedules(shown.filter((place) => place.slug !== null).map((place) => place.offeringId));
  const hours = new Map<string, PlanHours>(
    shown.map((place) => {
      if (place.hours) return [place.offeringId, { kind: 'scenario', note: place.hours.note, perWeek: place.hours.perWeek }];
      const schedule = schedules.get(place.offeringId);
      return [place.offeringId, schedule?.rules.length ? { kind: 'schedule', rules: schedule.rules } : { kind: 'none' }];
    }),
  );
  return { plans, hours };
}

/** The plans of published scenarios that close this offering, for its public page (none: []). */
export async function publishedPlansFor(range: RangeRepository, store: ScenarioStore, offeringId: string): Promise<{ scenario: { id: string; title: string }; plan: TransitionPlan; hours: Map<string, PlanHours> }[]> {
  const published = await store.list({ publishedOnly: true });
  const result: { scenario: { id: string; title: string }; plan: TransitionPlan; hours: Map<string, PlanHours> }[] = [];
  for (const summary of published) {
    const scenario = await store.get(summary.id);
    if (!scenario?.changes.some((change) => (change.kind === 'close' && change.offeringId === offeringId) || (change.kind === 'merge' && change.offeringIds.includes(offeringId)))) continue;
    const { plans, hours } = await scenarioTransitions(range, scenario);
    const plan = plans.find((item) => item.place.offeringId === offeringId);
    if (plan) result.push({ scenario: { id: scenario.id, title: scenario.title }, plan, hours });
  }
  return result;
}

export type HearingOutcome = { kind: 'opened' } | { kind: 'invalid'; problems: ChangeProblem[] };

/** A published scenario sent for consultation until `deadline`; only once, and only once it is published. */
export async function openScenarioHearing(deps: { store: ScenarioStore; now: Date }, scenario: Scenario, deadline: string, principal: Principal, source: string): Promise<HearingOutcome> {
  if (scenario.state !== 'published') return { kind: 'invalid', problems: [{ field: 'deadline', message: 'Et scenarie sendes i høring, når det er offentliggjort. Offentliggør det først.' }] };
  const problems = checkDeadline(deadline, copenhagenDateOf(deps.now));
  if (problems.length) return { kind: 'invalid', problems };
  const outcome = await deps.store.openHearing(
    { scenarioId: scenario.id, deadline, openedAt: deps.now, openedByName: principal.name },
    auditOf(principal, deps.now, 'scenario.hearing.open', scenario.id, `Sendte scenariet »${scenario.title}« i høring med frist ${formatDanishDate(deadline)}.`, source),
  );
  if (outcome === 'exists') return { kind: 'invalid', problems: [{ field: 'deadline', message: 'Scenariet er allerede sendt i høring.' }] };
  return { kind: 'opened' };
}

export type ResponseOutcome = { kind: 'added' } | { kind: 'invalid'; problems: ChangeProblem[] };

/** A response registered as it arrived; the summary is public, the sender is not. */
export async function registerHearingResponse(deps: { store: ScenarioStore; now: Date }, scenario: Scenario, form: ResponseForm, principal: Principal, source: string): Promise<ResponseOutcome> {
  const hearing = await deps.store.hearingOf(scenario.id);
  if (!hearing) return { kind: 'invalid', problems: [{ field: 'summary', message: 'Scenariet er ikke sendt i høring.' }] };
  const { response, problems } = checkResponse(form, copenhagenDateOf(deps.now));
  if (!response) return { kind: 'invalid', problems };
  const id = crypto.randomUUID();
  await deps.store.addResponse(
    scenario.id,
    { ...response, id, registeredByName: principal.name, registeredAt: deps.now },
    auditOf(principal, deps.now, 'scenario.hearing.response', scenario.id, `Registrerede et høringssvar til »${scenario.title}«.`, source, { responseId: id }),
  );
  return { kind: 'added' };
}
