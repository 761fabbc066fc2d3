import { copenhagenGrid } from '../../domain/planning/population-grid.ts';
import { type Context, Hono } from 'hono';
import { NotFoundError } from '../../app/errors.ts';
import {
  type ComparisonBase,
  addScenarioChange,
  compareScenario,
  createScenario,
  publishScenario,
  readRangeOn,
  removeScenarioChange,
  saveScenarioDraft,
  saveScenarioPremises,
  saveScenarioTransitions,
  scenarioCriteria,
  scenarioTransitions,
  openScenarioHearing,
  type PremisesOutcome,
  registerHearingResponse,
} from '../../app/plan-scenarios.ts';
import type { ResponseForm } from '../../domain/planning/hearing.ts';
import { hasWeights, maxWeight, type Weights } from '../../domain/planning/criteria.ts';
import { can, site } from '../../domain/access/policy.ts';
import { type ChangeProblem, type Scenario, scenarioRange } from '../../domain/planning/scenario.ts';
import { copenhagenDate } from '../../domain/time.ts';
import type { Geocoder } from '../../geo/geocoder.ts';
import { committeeReport } from '../../app/committee-report.ts';
import { publicLetter } from '../../domain/planning/correspondence.ts';
import { AdminCommitteeReportPage } from '../../web/pages/committee-report-page.tsx';
import { ChangeFormPage, CriteriaPage, HearingPage, PlanningListPage, ScenarioEditPage, TransitionsPage } from '../../web/pages/admin/planning-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sourceOf } from './guard.ts';
import { type ChangeForm, changeFromForm, emptyChangeForm, kindOfSlug, readChangeForm } from './scenario-form.ts';

const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

/** A per-place form page shown again: what was typed, the version it was typed on, and why it was not saved. */
type FormState<T> = { typed?: T; version?: number; problems?: ChangeProblem[]; stale?: Scenario | null; saved?: boolean };

/**
 * /admin/planlaegning (ADR 030): scenarios for opening, merging, moving and closing places. Every range role
 * reads them ('planning.read'); planners, centre leads and the system administrator draft and publish them
 * ('planning.edit'). Every form works without JavaScript; /static/scenario-autosave.js saves the draft's
 * texts while the person types, with the same version check as the button.
 */
export function planningAdminRoutes(deps: AdminDeps, geocoder: Geocoder) {
  const app = new Hono<AdminEnv>();
  const signedIn = requireSession();
  const { scenarios, range } = deps.planning;
  const now = () => deps.access.now();

  const load = async (id: string): Promise<Scenario> => {
    const scenario = await scenarios.get(id);
    if (!scenario) throw new NotFoundError('Scenariet findes ikke. Se listen over scenarier under Planlægning.');
    return scenario;
  };
  const text = (body: Record<string, unknown>, name: string, max: number) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, max) : '');

  const listPage = async (c: Context<AdminEnv>, form: { title: string; summary: string; startsOn: string }, problems: ChangeProblem[], status: 200 | 400) => {
    const session = authorize(c, 'planning.read', site);
    return c.html(
      <PlanningListPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        scenarios={await scenarios.list({ publishedOnly: false })}
        canEdit={can(session.principal, 'planning.edit', site)}
        form={form}
        problems={problems}
      />,
      status,
    );
  };

  const editPage = async (
    c: Context<AdminEnv>,
    scenario: Scenario,
    state: { draft?: { title: string; summary: string; version: number }; problems?: ChangeProblem[]; stale?: Scenario | null; notice?: string | null },
    status: 200 | 400 | 409 = 200,
  ) => {
    const session = authorize(c, 'planning.read', site);
    // Compared with its start, the range today (?sammenlign=idag) or any other scenario, drafts too (?sammenlign={id}).
    const chosen = c.req.query('sammenlign') ?? 'start';
    const others = (await scenarios.list({ publishedOnly: false })).filter((item) => item.id !== scenario.id);
    const other = others.some((item) => item.id === chosen) ? await scenarios.get(chosen) : null;
    const against: ComparisonBase = chosen === 'idag' ? { kind: 'today', today: copenhagenDate(now()) } : other ? { kind: 'scenario', scenario: other } : { kind: 'start' };
    const view = await compareScenario(range, scenario, against, await copenhagenGrid());
    return c.html(
      <ScenarioEditPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        scenario={scenario}
        canEdit={can(session.principal, 'planning.edit', site)}
        view={view}
        draft={state.draft ?? { title: scenario.title, summary: scenario.summary, version: scenario.version }}
        problems={state.problems ?? []}
        stale={state.stale ?? null}
        notice={state.notice ?? null}
        compare={{ chosen: against.kind === 'today' ? 'idag' : against.kind === 'scenario' ? against.scenario.id : 'start', others: others.map((item) => ({ id: item.id, title: item.title, state: item.state })) }}
      />,
      status,
    );
  };

  const placesOf = async (scenario: Scenario) => {
    const { places } = await readRangeOn(range, scenario.startsOn);
    // The places rated are those the scenario starts from; `current` is the range after its changes.
    const current = scenarioRange(places, scenario.changes);
    const districts = [...new Set(places.flatMap((place) => place.district ?? []))].sort(collator.compare);
    return { baseline: places, current, districts };
  };

  const changePage = async (c: Context<AdminEnv>, scenario: Scenario, form: ChangeForm, problems: ChangeProblem[], status: 200 | 400) => {
    const session = authorize(c, 'planning.edit', site);
    const { current, districts } = await placesOf(scenario);
    return c.html(
      <ChangeFormPage signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }} scenario={scenario} form={form} problems={problems} places={current} districts={districts} />,
      status,
    );
  };

  app.get('/', signedIn, (c) => listPage(c, { title: '', summary: '', startsOn: copenhagenDate(now()) }, [], 200));

  app.post('/', signedIn, async (c) => {
    const session = authorize(c, 'planning.edit', site);
    const body = await c.req.parseBody();
    const form = { title: text(body, 'title', 300).trim(), summary: text(body, 'summary', 5000).trim(), startsOn: text(body, 'startsOn', 20).trim() };
    const outcome = await createScenario({ store: scenarios, now: now() }, form, session.principal, sourceOf(c));
    if (outcome.kind === 'invalid') return listPage(c, form, outcome.problems, 400);
    return c.redirect(`/admin/planlaegning/${outcome.id}`, 303);
  });

  app.get('/:scenario', signedIn, async (c) => {
    authorize(c, 'planning.read', site);
    const scenario = await load(c.req.param('scenario'));
    const saved = c.req.query('gemt');
    const notice = saved === 'aendring' ? 'Ændringen er tilføjet.' : saved === 'fjernet' ? 'Ændringen er fjernet.' : saved === 'kladde' ? 'Kladden er gemt.' : saved === 'offentliggjort' ? 'Scenariet er offentliggjort.' : null;
    return editPage(c, scenario, { notice });
  });

  app.post('/:scenario', signedIn, async (c) => {
    const session = authorize(c, 'planning.edit', site);
    const scenario = await load(c.req.param('scenario'));
    const body = await c.req.parseBody();
    const draft = { title: text(body, 'title', 300), summary: text(body, 'summary', 5000), version: Number(text(body, 'version', 12)) || 0 };
    const outcome = await saveScenarioDraft({ store: scenarios, now: now() }, scenario.id, { title: draft.title, summary: draft.summary, baseVersion: draft.version }, session.principal, sourceOf(c));
    // The autosave asks for JSON; every decided outcome is a 200 so the browser logs no failed request.
    if ((c.req.header('accept') ?? '').includes('application/json')) {
      return c.json(outcome.kind === 'stale' ? { outcome: 'stale' } : outcome.kind === 'saved' ? { outcome: 'saved', version: outcome.version } : outcome.kind === 'invalid' ? { outcome: 'invalid', problems: outcome.problems } : { outcome: 'published' });
    }
    if (outcome.kind === 'saved') return c.redirect(`/admin/planlaegning/${scenario.id}?gemt=kladde`, 303);
    if (outcome.kind === 'invalid') return editPage(c, scenario, { draft, problems: outcome.problems }, 400);
    if (outcome.kind === 'stale') return editPage(c, outcome.current, { draft: { ...draft, version: outcome.current.version }, stale: outcome.current }, 409);
    return editPage(c, await load(scenario.id), {}, 409);
  });

  const weightsOf = (c: Context<AdminEnv>): Weights | null => {
    const read = (key: keyof Weights) => {
      const value = Number(c.req.query(`vaegt-${key}`) ?? '0');
      return Number.isInteger(value) && value >= 0 && value <= maxWeight ? value : 0;
    };
    const weights = { location: read('location'), premises: read('premises'), use: read('use') };
    return hasWeights(weights) ? weights : null;
  };

  /**
   * The answer to a save of the scenario's per-place forms (the premises' ratings, the transition plans): back to
   * the page when saved; otherwise the page again with everything typed kept — with the problems (400), with the
   * version someone else saved (409), or saying the scenario was published meanwhile (409).
   */
  const answerSave = async <T,>(
    c: Context<AdminEnv>,
    save: { scenario: Scenario; outcome: PremisesOutcome; typed: T; version: number; path: 'kriterier' | 'overgange'; unsaved: string },
    page: (c: Context<AdminEnv>, scenario: Scenario, state: FormState<T>, status?: 200 | 400 | 409) => Promise<Response>,
  ) => {
    const { scenario, outcome, typed, version } = save;
    if (outcome.kind === 'saved') return c.redirect(`/admin/planlaegning/${scenario.id}/${save.path}?gemt=ja`, 303);
    if (outcome.kind === 'invalid') return page(c, scenario, { typed, version, problems: outcome.problems }, 400);
    if (outcome.kind === 'stale') return page(c, outcome.current, { typed, version: outcome.current.version, stale: outcome.current }, 409);
    return page(c, await load(scenario.id), { problems: [{ field: 'version', message: `Scenariet er offentliggjort og kan ikke ændres. ${save.unsaved}` }] }, 409);
  };

  const criteriaPage = async (
    c: Context<AdminEnv>,
    scenario: Scenario,
    state: FormState<Record<string, { rating: string; note: string }>>,
    status: 200 | 400 | 409 = 200,
  ) => {
    const session = authorize(c, 'planning.read', site);
    const weights = weightsOf(c);
    const { criteria, month } = await scenarioCriteria(
      { range, counts: deps.counts, scheduleOf: async (offeringId) => (await deps.times.timesOf(offeringId))?.schedule ?? null },
      scenario,
      copenhagenDate(now()),
      weights,
    );
    const saved = Object.fromEntries(Object.entries(scenario.premises).map(([id, item]) => [id, { rating: String(item.rating), note: item.note }]));
    return c.html(
      <CriteriaPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        scenario={scenario}
        canEdit={can(session.principal, 'planning.edit', site)}
        criteria={criteria}
        month={month}
        weights={weights}
        ratings={state.typed ?? saved}
        version={state.version ?? scenario.version}
        problems={state.problems ?? []}
        stale={state.stale ?? null}
        saved={state.saved ?? false}
      />,
      status,
    );
  };

  app.get('/:scenario/kriterier', signedIn, async (c) => {
    authorize(c, 'planning.read', site);
    const scenario = await load(c.req.param('scenario'));
    return criteriaPage(c, scenario, { saved: c.req.query('gemt') === 'ja' });
  });

  app.post('/:scenario/kriterier', signedIn, async (c) => {
    const session = authorize(c, 'planning.edit', site);
    const scenario = await load(c.req.param('scenario'));
    const body = await c.req.parseBody();
    const { baseline } = await placesOf(scenario);
    const ratings = Object.fromEntries(baseline.map((place) => [place.offeringId, { rating: text(body, `rating-${place.offeringId}`, 4), note: text(body, `note-${place.offeringId}`, 600) }]));
    const version = Number(text(body, 'version', 12)) || 0;
    const outcome = await saveScenarioPremises({ store: scenarios, range, now: now() }, scenario.id, { ratings, baseVersion: version }, session.principal, sourceOf(c));
    return answerSave(c, { scenario, outcome, typed: ratings, version, path: 'kriterier', unsaved: 'Vurderingen er ikke gemt.' }, criteriaPage);
  });

  const transitionsPage = async (
    c: Context<AdminEnv>,
    scenario: Scenario,
    state: FormState<Record<string, { reducedFrom: string; reducedHours: string; helpers: string }>>,
    status: 200 | 400 | 409 = 200,
  ) => {
    const session = authorize(c, 'planning.read', site);
    const { plans, hours } = await scenarioTransitions(range, scenario);
    const saved = Object.fromEntries(Object.entries(scenario.transitions).map(([id, item]) => [id, { reducedFrom: item.reducedFrom ?? '', reducedHours: item.reducedHours, helpers: item.helpers }]));
    return c.html(
      <TransitionsPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        scenario={scenario}
        canEdit={can(session.principal, 'planning.edit', site)}
        plans={plans}
        hours={hours}
        typed={state.typed ?? saved}
        version={state.version ?? scenario.version}
        problems={state.problems ?? []}
        stale={state.stale ?? null}
        saved={state.saved ?? false}
      />,
      status,
    );
  };

  app.get('/:scenario/overgange', signedIn, async (c) => {
    authorize(c, 'planning.read', site);
    const scenario = await load(c.req.param('scenario'));
    return transitionsPage(c, scenario, { saved: c.req.query('gemt') === 'ja' });
  });

  app.post('/:scenario/overgange', signedIn, async (c) => {
    const session = authorize(c, 'planning.edit', site);
    const scenario = await load(c.req.param('scenario'));
    const body = await c.req.parseBody();
    const { baseline } = await placesOf(scenario);
    const typed = Object.fromEntries(
      baseline.map((place) => [
        place.offeringId,
        { reducedFrom: text(body, `reducedFrom-${place.offeringId}`, 20).trim(), reducedHours: text(body, `reducedHours-${place.offeringId}`, 600), helpers: text(body, `helpers-${place.offeringId}`, 1200) },
      ]),
    );
    const version = Number(text(body, 'version', 12)) || 0;
    const outcome = await saveScenarioTransitions({ store: scenarios, range, now: now() }, scenario.id, { plans: typed, baseVersion: version }, session.principal, sourceOf(c));
    return answerSave(c, { scenario, outcome, typed, version, path: 'overgange', unsaved: 'Planerne er ikke gemt.' }, transitionsPage);
  });

  const emptyResponse = (): ResponseForm => ({ receivedOn: copenhagenDate(now()), senderKind: '', organisation: '', summary: '', senderName: '', senderContact: '', caseNumber: '' });
  const hearingPage = async (c: Context<AdminEnv>, scenario: Scenario, state: { deadline?: string; form?: ResponseForm; problems?: ChangeProblem[]; notice?: string | null }, status: 200 | 400 = 200) => {
    // The responses name their senders: only those who answer for planning read them.
    const session = authorize(c, 'planning.edit', site);
    return c.html(
      <HearingPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        scenario={scenario}
        hearing={await scenarios.hearingOf(scenario.id)}
        responses={await scenarios.responses(scenario.id)}
        deadline={state.deadline ?? ''}
        form={state.form ?? emptyResponse()}
        problems={state.problems ?? []}
        notice={state.notice ?? null}
      />,
      status,
    );
  };

  app.get('/:scenario/hoering', signedIn, async (c) => {
    authorize(c, 'planning.edit', site);
    const scenario = await load(c.req.param('scenario'));
    const saved = c.req.query('gemt');
    return hearingPage(c, scenario, { notice: saved === 'aabnet' ? 'Scenariet er sendt i høring.' : saved === 'svar' ? 'Svaret er registreret.' : null });
  });

  app.post('/:scenario/hoering', signedIn, async (c) => {
    const session = authorize(c, 'planning.edit', site);
    const scenario = await load(c.req.param('scenario'));
    const body = await c.req.parseBody();
    const deadline = text(body, 'deadline', 20).trim();
    const outcome = await openScenarioHearing({ store: scenarios, now: now() }, scenario, deadline, session.principal, sourceOf(c));
    if (outcome.kind === 'invalid') return hearingPage(c, scenario, { deadline, problems: outcome.problems }, 400);
    return c.redirect(`/admin/planlaegning/${scenario.id}/hoering?gemt=aabnet`, 303);
  });

  app.post('/:scenario/hoering/svar', signedIn, async (c) => {
    const session = authorize(c, 'planning.edit', site);
    const scenario = await load(c.req.param('scenario'));
    const body = await c.req.parseBody();
    const form: ResponseForm = {
      receivedOn: text(body, 'receivedOn', 20).trim(),
      senderKind: text(body, 'senderKind', 20),
      organisation: text(body, 'organisation', 200),
      summary: text(body, 'summary', 4500),
      senderName: text(body, 'senderName', 200),
      senderContact: text(body, 'senderContact', 300),
      caseNumber: text(body, 'caseNumber', 60),
    };
    const outcome = await registerHearingResponse({ store: scenarios, now: now() }, scenario, form, session.principal, sourceOf(c));
    if (outcome.kind === 'invalid') return hearingPage(c, scenario, { form, problems: outcome.problems }, 400);
    return c.redirect(`/admin/planlaegning/${scenario.id}/hoering?gemt=svar`, 303);
  });

  // The committee report (ADR 035), drafts too. A published scenario's gives its public address to cite.
  app.get('/:scenario/rapport', signedIn, async (c) => {
    const session = authorize(c, 'planning.read', site);
    const scenario = await load(c.req.param('scenario'));
    const report = await committeeReport({ range, scenarios }, scenario, copenhagenDate(now()), await copenhagenGrid());
    const citeUrl = scenario.state === 'published' ? `${deps.baseUrl}/planlaegning/${scenario.id}` : `${deps.baseUrl}/admin/planlaegning/${scenario.id}`;
    const letters = (await deps.planning.letters.list({ scenarioId: scenario.id })).map(publicLetter);
    return c.html(<AdminCommitteeReportPage signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }} report={report} letters={letters} citeUrl={citeUrl} />);
  });

  app.get('/:scenario/aendring', signedIn, async (c) => {
    authorize(c, 'planning.edit', site);
    const scenario = await load(c.req.param('scenario'));
    const kind = kindOfSlug(c.req.query('art'));
    if (!kind) throw new NotFoundError('Vælg en af ændringerne på scenariets side.');
    if (scenario.state === 'published') return c.redirect(`/admin/planlaegning/${scenario.id}`, 303);
    return changePage(c, scenario, emptyChangeForm(kind, scenario.startsOn), [], 200);
  });

  app.post('/:scenario/aendring', signedIn, async (c) => {
    const session = authorize(c, 'planning.edit', site);
    const scenario = await load(c.req.param('scenario'));
    const kind = kindOfSlug(c.req.query('art'));
    if (!kind) throw new NotFoundError('Vælg en af ændringerne på scenariets side.');
    const form = readChangeForm(kind, await c.req.parseBody({ all: true }));
    const { current, districts } = await placesOf(scenario);
    const read = await changeFromForm(form, { places: current, districts, geocoder, newId: () => crypto.randomUUID() });
    if (!read.change) return changePage(c, scenario, form, read.problems, 400);
    const outcome = await addScenarioChange({ store: scenarios, range, now: now() }, scenario.id, read.change, session.principal, sourceOf(c));
    if (outcome.kind === 'invalid') return changePage(c, await load(scenario.id), form, outcome.problems, 400);
    if (outcome.kind === 'published') return editPage(c, await load(scenario.id), { problems: [{ field: 'title', message: 'Scenariet er offentliggjort og kan ikke ændres. Ændringen er ikke tilføjet.' }] }, 409);
    return c.redirect(`/admin/planlaegning/${scenario.id}?gemt=aendring`, 303);
  });

  app.post('/:scenario/aendring/:change/fjern', signedIn, async (c) => {
    const session = authorize(c, 'planning.edit', site);
    const scenario = await load(c.req.param('scenario'));
    const outcome = await removeScenarioChange({ store: scenarios, now: now() }, scenario.id, c.req.param('change').slice(0, 80), session.principal, sourceOf(c));
    if (outcome === 'published') return editPage(c, scenario, { problems: [{ field: 'title', message: 'Scenariet er offentliggjort og kan ikke ændres.' }] }, 409);
    return c.redirect(`/admin/planlaegning/${scenario.id}?gemt=fjernet`, 303);
  });

  app.post('/:scenario/offentliggoer', signedIn, async (c) => {
    const session = authorize(c, 'planning.edit', site);
    const scenario = await load(c.req.param('scenario'));
    const body = await c.req.parseBody();
    const outcome = await publishScenario({ store: scenarios, now: now() }, scenario.id, Number(text(body, 'version', 12)) || 0, session.principal, sourceOf(c));
    if (outcome.kind === 'stale') {
      return editPage(c, outcome.current, { problems: [{ field: 'title', message: `Scenariet er ændret af ${outcome.current.updatedByName}, efter du åbnede det, og er ikke offentliggjort. Se det igennem, og tryk på »Offentliggør« igen.` }] }, 409);
    }
    return c.redirect(`/admin/planlaegning/${scenario.id}?gemt=offentliggjort`, 303);
  });

  return app;
}
