import { copenhagenGrid } from '../domain/planning/population-grid.ts';
import { Hono } from 'hono';
import { NotFoundError } from '../app/errors.ts';
import { type ComparisonBase, compareScenario, type ScenarioStore, scenarioTransitions } from '../app/plan-scenarios.ts';
import type { LetterStore } from '../app/log-letters.ts';
import type { RangeRepository } from '../app/ports.ts';
import { publicLetter } from '../domain/planning/correspondence.ts';
import { publicResponse } from '../domain/planning/hearing.ts';
import { copenhagenDate, formatDate } from '../domain/time.ts';
import type { Locale } from '../web/i18n/index.ts';
import { planningWords, ScenarioListPage, ScenarioPage } from '../web/pages/planning-pages.tsx';
import { committeeReport } from '../app/committee-report.ts';
import { CommitteeReportPage } from '../web/pages/committee-report-page.tsx';
import { pageLanguage } from './page-language.ts';

export type PlanningRouteDeps = { range: RangeRepository; scenarios: ScenarioStore; baseUrl: string; now: () => Date; admin: { planning: { letters: LetterStore } } };

/**
 * /planlaegning (ADR 030): published scenarios, public, read-only and citable at /planlaegning/{id}.
 * A draft is never shown here: it answers 404 as if it did not exist.
 */
export function planningRoutes(deps: PlanningRouteDeps, locale: Locale = 'da') {
  const app = new Hono();
  const t = planningWords[locale];
  const notFound = () => new NotFoundError(locale === 'da' ? 'Scenariet findes ikke, eller det er ikke offentliggjort.' : 'The scenario does not exist, or it has not been published.');

  app.get('/planlaegning', async (c) => {
    const scenarios = await deps.scenarios.list({ publishedOnly: true });
    return c.html(<ScenarioListPage scenarios={scenarios} {...pageLanguage(c, locale)} />);
  });

  app.get('/planlaegning/:id', async (c) => {
    const scenario = await deps.scenarios.get(c.req.param('id'));
    if (scenario?.state !== 'published') throw notFound();
    const published = (await deps.scenarios.list({ publishedOnly: true })).filter((item) => item.id !== scenario.id);
    const chosen = c.req.query('sammenlign') ?? 'start';
    const today = copenhagenDate(deps.now());
    const other = published.find((item) => item.id === chosen);
    const againstScenario = other ? await deps.scenarios.get(other.id) : null;
    const against: ComparisonBase = chosen === 'idag' ? { kind: 'today', today } : againstScenario ? { kind: 'scenario', scenario: againstScenario } : { kind: 'start' };
    const view = await compareScenario(deps.range, scenario, against, await copenhagenGrid());
    const hearing = await deps.scenarios.hearingOf(scenario.id);
    const labels = {
      before: against.kind === 'today' ? t.today(formatDate(today, locale)) : against.kind === 'scenario' ? against.scenario.title : t.beforeStart(formatDate(scenario.startsOn, locale)),
      after: scenario.title,
    };
    return c.html(
      <ScenarioPage
        scenario={scenario}
        view={{ ...view, labels }}
        names={new Map([...view.before, ...view.after].map((place) => [place.offeringId, place.name]))}
        others={published.map((item) => ({ id: item.id, title: item.title }))}
        against={against.kind === 'today' ? 'idag' : against.kind === 'scenario' ? against.scenario.id : 'start'}
        citeUrl={`${deps.baseUrl}/planlaegning/${scenario.id}`}
        transitions={await scenarioTransitions(deps.range, scenario)}
        hearing={hearing ? { deadline: hearing.deadline, responses: (await deps.scenarios.responses(scenario.id)).map(publicResponse) } : null}
        today={today}
        letters={(await deps.admin.planning.letters.list({ scenarioId: scenario.id })).map(publicLetter)}
        {...pageLanguage(c, locale)}
      />,
    );
  });
  // The committee report (ADR 035): the comparison with its start as a printable document, published scenarios only.
  app.get('/planlaegning/:id/rapport', async (c) => {
    const scenario = await deps.scenarios.get(c.req.param('id'));
    if (scenario?.state !== 'published') throw notFound();
    const report = await committeeReport(deps, scenario, copenhagenDate(deps.now()), await copenhagenGrid());
    const letters = (await deps.admin.planning.letters.list({ scenarioId: scenario.id })).map(publicLetter);
    return c.html(<CommitteeReportPage report={report} letters={letters} citeUrl={`${deps.baseUrl}/planlaegning/${scenario.id}`} {...pageLanguage(c, locale)} />);
  });
  return app;
}
