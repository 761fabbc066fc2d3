import { type HearingResponse, type HearingSummary, publicResponse, summariseHearing } from '../domain/planning/hearing.ts';
import type { PopulationGrid } from '../domain/planning/population-grid.ts';
import type { Scenario } from '../domain/planning/scenario.ts';
import type { TransitionPlan } from '../domain/planning/transition.ts';
import type { RangeRepository } from './ports.ts';
import { compareScenario, type PlanHours, type ScenarioComparisonView, type ScenarioStore, scenarioTransitions } from './plan-scenarios.ts';

/**
 * A committee report (ADR 035): one scenario against the range on its own start date, everything the
 * comparison page shows, the transition plans, and the hearing as counts and summaries. Nothing in it names
 * a person, so the same report serves the public page and the back office's (which also reaches drafts).
 */
export type CommitteeReport = {
  scenario: Scenario;
  view: ScenarioComparisonView;
  names: Map<string, string>;
  transitions: { plans: TransitionPlan[]; hours: Map<string, PlanHours> };
  hearing: { deadline: string; summary: HearingSummary; responses: HearingResponse[] } | null;
  /** The Copenhagen date the report was made. */
  madeOn: string;
};

export async function committeeReport(deps: { range: RangeRepository; scenarios: ScenarioStore }, scenario: Scenario, today: string, grid: PopulationGrid): Promise<CommitteeReport> {
  const view = await compareScenario(deps.range, scenario, { kind: 'start' }, grid);
  const hearing = await deps.scenarios.hearingOf(scenario.id);
  const responses = hearing ? (await deps.scenarios.responses(scenario.id)).map(publicResponse).sort((a, b) => a.receivedOn.localeCompare(b.receivedOn)) : [];
  return {
    scenario,
    view,
    names: new Map([...view.before, ...view.after].map((place) => [place.offeringId, place.name])),
    transitions: await scenarioTransitions(deps.range, scenario),
    hearing: hearing ? { deadline: hearing.deadline, summary: summariseHearing(responses, hearing.deadline), responses } : null,
    madeOn: today,
  };
}
