import { listingsByLine } from '../../app/get-live-listings.ts';
import { listingViews } from '../../web/components/live-listing.tsx';
import { type Context, Hono } from 'hono';
import { NotFoundError } from '../../app/errors.ts';
import {
  addTeamMember,
  articleFor,
  createArticle,
  createTheme,
  ensureTeams,
  type ImageUpload,
  loadTheme,
  moveArticle,
  myTeams,
  publishTheme,
  recordStoryConsent,
  removeTeamMember,
  saveArticle,
  saveTheme,
  unpublishTheme,
  withdrawStoryConsent,
} from '../../app/run-gloria.ts';
import { can, site } from '../../domain/access/policy.ts';
import type { Article, ArticleForm, Problem, Theme } from '../../domain/gloria/article.ts';
import { type Lix, lix, parseBody } from '../../domain/gloria/text.ts';
import { ArticlePage, type ArticlePageProps, GloriaHomePage, ReviewQueuePage, TeamsPage, ThemePage, ThemesPage } from '../../web/pages/admin/gloria-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sourceOf } from './guard.ts';

const notices: Record<string, string> = {
  ny: 'Teksten er gemt som kladde.',
  gemt: 'Teksten er gemt.',
  send: 'Teksten er sendt til gennemsyn. En redaktør fra redaktionen læser den.',
  udgiv: 'Teksten er udgivet.',
  tilbage: 'Teksten er sendt tilbage til skribenten med din kommentar.',
  skjul: 'Teksten er taget af siden og er en kladde igen.',
  samtykke: 'Samtykket er skrevet ind.',
  trukket: 'Historien er taget af siden, og teksten, navnet og billedet er slettet.',
  tema: 'Temanummeret er oprettet.',
  temagemt: 'Temanummeret er gemt.',
  temaudgivet: 'Temanummeret og dets tekster er udgivet.',
  temaskjult: 'Temanummeret er taget af siden. Dets tekster venter igen på gennemsyn.',
  medlem: 'Personen er tilføjet redaktionen.',
  fjernet: 'Personen er taget ud af redaktionen.',
  redaktioner: 'Redaktionerne er oprettet.',
};

const formOf = (article: Article): ArticleForm & { version: number; removeImage: boolean } => ({
  teamId: article.teamId,
  kind: article.kind,
  title: article.title,
  lead: article.lead,
  body: article.body,
  themeId: article.themeId ?? '',
  themePosition: article.themePosition ? String(article.themePosition) : '',
  anonymous: article.storyteller?.anonymous ?? false,
  imageAlt: article.image?.alt ?? '',
  version: article.version,
  removeImage: false,
});

/**
 * /admin/gloria (ADR 037): the editorial teams' texts, the review queue, theme issues and the teams. 'gloria.write' and
 * 'gloria.publish' let a range role in; which texts they touch, and whether they publish, their team membership decides.
 */
export function gloriaAdminRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  const signedIn = requireSession();
  const store = deps.gloria;
  const now = () => deps.access.now();
  const use = () => ({ gloria: store, now: now() });
  const text = (body: Record<string, unknown>, name: string, max: number) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, max) : '');

  const readForm = (body: Record<string, unknown>): ArticleForm & { version: number; removeImage: boolean } => ({
    teamId: text(body, 'teamId', 60),
    kind: text(body, 'kind', 20),
    title: text(body, 'title', 400),
    lead: text(body, 'lead', 1200),
    body: text(body, 'body', 24000),
    themeId: text(body, 'themeId', 60),
    themePosition: text(body, 'themePosition', 6),
    anonymous: body.anonymous === 'ja',
    imageAlt: text(body, 'imageAlt', 600),
    version: Number(text(body, 'version', 12)) || 0,
    removeImage: body.removeImage === 'ja',
  });
  const readUpload = async (body: Record<string, unknown>, alt: string): Promise<ImageUpload> => {
    const file = body.image;
    if (!(file instanceof File) || file.size === 0) return null;
    return { bytes: new Uint8Array(await file.arrayBuffer()), alt };
  };

  const articlePage = async (
    c: Context<AdminEnv>,
    article: Article | null,
    state: Partial<Pick<ArticlePageProps, 'form' | 'problems' | 'lix' | 'notice' | 'refusal' | 'stale' | 'consent' | 'consentProblems'>>,
    status: 200 | 400 | 409 = 200,
  ) => {
    const session = authorize(c, 'gloria.write', site);
    const teams = await myTeams(store, session.principal);
    const themes = await store.themes({ teamIds: teams.map((item) => item.team.id) });
    const emptyForm = { teamId: teams.length === 1 ? teams[0]!.team.id : '', kind: '', title: '', lead: '', body: '', themeId: '', themePosition: '', anonymous: false, imageAlt: '', version: 0, removeImage: false };
    const measured: Lix | null = state.lix !== undefined ? state.lix : article ? lix(parseBody(article.body)) : null;
    // The preview shows the text's live listings as the public page will (ADR 038).
    const lines = article ? parseBody(article.body).flatMap((block) => (block.kind === 'listing' ? [block.source] : [])) : [];
    const listings = lines.length ? listingViews(await listingsByLine(lines, { range: deps.planning.range, courses: deps.courses }, now()), 'da', 3) : undefined;
    return c.html(
      <ArticlePage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        article={article}
        role={article ? (teams.find((item) => item.team.id === article.teamId)?.role ?? null) : null}
        accountId={session.principal.accountId}
        teams={teams}
        themes={themes.filter((theme) => theme.state === 'draft' || theme.id === article?.themeId)}
        form={state.form ?? (article ? formOf(article) : emptyForm)}
        problems={state.problems ?? []}
        lix={measured}
        notice={state.notice ?? null}
        refusal={state.refusal ?? null}
        stale={state.stale ?? null}
        consent={state.consent ?? { on: article?.storyteller?.consent?.on ?? '', how: article?.storyteller?.consent?.how ?? '', name: article?.storyteller?.name ?? '', anonymous: article?.storyteller?.anonymous ?? false }}
        consentProblems={state.consentProblems ?? []}
        listings={listings}
      />,
      status,
    );
  };

  app.get('/gloria', signedIn, async (c) => {
    const session = authorize(c, 'gloria.write', site);
    const teams = await myTeams(store, session.principal);
    const articles = await store.articles({ teamIds: teams.map((item) => item.team.id) });
    return c.html(
      <GloriaHomePage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        teams={teams}
        articles={articles}
        canManageTeams={can(session.principal, 'gloria.teams', site)}
        notice={notices[c.req.query('gemt') ?? ''] ?? null}
      />,
    );
  });

  app.get('/gloria/ny', signedIn, (c) => articlePage(c, null, {}));
  app.post('/gloria/ny', signedIn, async (c) => {
    const session = authorize(c, 'gloria.write', site);
    const body = await c.req.parseBody();
    const form = readForm(body);
    const outcome = await createArticle(use(), session.principal, form, await readUpload(body, form.imageAlt), sourceOf(c));
    if (outcome.kind === 'saved') return c.redirect(`/admin/gloria/tekster/${outcome.id}?gemt=ny`, 303);
    return articlePage(c, null, { form: { ...form, body: outcome.body }, problems: outcome.problems, lix: outcome.lix }, 400);
  });

  app.get('/gloria/gennemsyn', signedIn, async (c) => {
    const session = authorize(c, 'gloria.publish', site);
    const editing = (await myTeams(store, session.principal)).filter((item) => item.role === 'editor').map((item) => item.team.id);
    const articles = (await store.articles({ teamIds: editing })).filter((article) => article.state === 'review');
    return c.html(<ReviewQueuePage signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }} articles={articles} canManageTeams={can(session.principal, 'gloria.teams', site)} />);
  });

  app.get('/gloria/tekster/:article', signedIn, async (c) => {
    const session = authorize(c, 'gloria.write', site);
    const { article } = await articleFor(store, session.principal, c.req.param('article'));
    return articlePage(c, article, { notice: notices[c.req.query('gemt') ?? ''] ?? null });
  });

  app.post('/gloria/tekster/:article', signedIn, async (c) => {
    const session = authorize(c, 'gloria.write', site);
    const { article } = await articleFor(store, session.principal, c.req.param('article'));
    const body = await c.req.parseBody();
    const form = readForm(body);
    const outcome = await saveArticle(use(), session.principal, article.id, { ...form, baseVersion: form.version }, await readUpload(body, form.imageAlt), sourceOf(c));
    if (outcome.kind === 'saved') return c.redirect(`/admin/gloria/tekster/${article.id}?gemt=gemt`, 303);
    if (outcome.kind === 'stale') return articlePage(c, outcome.current, { form: { ...form, body: outcome.body, version: outcome.current.version }, lix: outcome.lix, stale: outcome.current }, 409);
    return articlePage(c, article, { form: { ...form, body: outcome.body }, problems: outcome.problems, lix: outcome.lix }, 400);
  });

  app.get('/gloria/tekster/:article/billede', signedIn, async (c) => {
    const session = authorize(c, 'gloria.write', site);
    const { article } = await articleFor(store, session.principal, c.req.param('article'));
    const image = article.image ? await store.image(article.image.id) : null;
    if (!image) throw new NotFoundError('Teksten har intet billede.');
    const bytes = image.bytes.buffer.slice(image.bytes.byteOffset, image.bytes.byteOffset + image.bytes.byteLength) as ArrayBuffer;
    return c.body(bytes, 200, { 'content-type': image.mime });
  });

  const step = (path: string, transition: 'submit' | 'publish' | 'return' | 'unpublish', action: 'gloria.write' | 'gloria.publish', notice: string) =>
    app.post(`/gloria/tekster/:article/${path}`, signedIn, async (c) => {
      const session = authorize(c, action, site);
      const id = c.req.param('article');
      const body = await c.req.parseBody();
      const outcome = await moveArticle(use(), session.principal, id, transition, text(body, 'comment', 2400), sourceOf(c));
      if (outcome.kind === 'moved') return c.redirect(`/admin/gloria/tekster/${id}?gemt=${notice}`, 303);
      const { article } = await articleFor(store, session.principal, id);
      return articlePage(c, article, { refusal: outcome.message }, 400);
    });
  step('send', 'submit', 'gloria.write', 'send');
  step('udgiv', 'publish', 'gloria.publish', 'udgiv');
  step('tilbage', 'return', 'gloria.publish', 'tilbage');
  step('skjul', 'unpublish', 'gloria.publish', 'skjul');

  app.post('/gloria/tekster/:article/samtykke', signedIn, async (c) => {
    const session = authorize(c, 'gloria.write', site);
    const id = c.req.param('article');
    const body = await c.req.parseBody();
    const consent = { on: text(body, 'consentOn', 20), how: text(body, 'consentHow', 20), name: text(body, 'storytellerName', 200), anonymous: body.anonymous === 'ja' };
    const outcome = await recordStoryConsent(use(), session.principal, id, consent, sourceOf(c));
    if (outcome.kind === 'saved') return c.redirect(`/admin/gloria/tekster/${id}?gemt=samtykke`, 303);
    const { article } = await articleFor(store, session.principal, id);
    return articlePage(c, article, { consent, consentProblems: outcome.problems }, 400);
  });

  app.post('/gloria/tekster/:article/samtykke/traek-tilbage', signedIn, async (c) => {
    const session = authorize(c, 'gloria.write', site);
    const id = c.req.param('article');
    const outcome = await withdrawStoryConsent(use(), session.principal, id, sourceOf(c));
    if (outcome.kind === 'withdrawn') return c.redirect(`/admin/gloria/tekster/${id}?gemt=trukket`, 303);
    const { article } = await articleFor(store, session.principal, id);
    return articlePage(c, article, { refusal: outcome.message }, 400);
  });

  const themesPage = async (c: Context<AdminEnv>, form: { teamId: string; title: string; intro: string }, problems: Problem[], status: 200 | 400) => {
    const session = authorize(c, 'gloria.write', site);
    const teams = await myTeams(store, session.principal);
    return c.html(
      <ThemesPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        themes={await store.themes({ teamIds: teams.map((item) => item.team.id) })}
        editorTeams={teams.filter((item) => item.role === 'editor').map((item) => item.team)}
        form={form}
        problems={problems}
        canManageTeams={can(session.principal, 'gloria.teams', site)}
      />,
      status,
    );
  };
  app.get('/gloria/temaer', signedIn, (c) => themesPage(c, { teamId: '', title: '', intro: '' }, [], 200));
  app.post('/gloria/temaer', signedIn, async (c) => {
    const session = authorize(c, 'gloria.publish', site);
    const body = await c.req.parseBody();
    const form = { teamId: text(body, 'teamId', 60), title: text(body, 'title', 400), intro: text(body, 'intro', 2400) };
    const outcome = await createTheme(use(), session.principal, form, sourceOf(c));
    if (outcome.kind === 'saved') return c.redirect(`/admin/gloria/temaer/${outcome.id}?gemt=tema`, 303);
    return themesPage(c, form, outcome.problems, 400);
  });

  const themePage = async (c: Context<AdminEnv>, theme: Theme, state: { form?: { title: string; intro: string; version: number }; problems?: Problem[]; notice?: string | null; refusal?: string | null; stale?: Theme | null }, status: 200 | 400 | 409 = 200) => {
    const session = authorize(c, 'gloria.write', site);
    const teams = await myTeams(store, session.principal);
    const role = teams.find((item) => item.team.id === theme.teamId)?.role;
    if (!role) throw new NotFoundError('Temanummeret findes ikke i dine redaktioner. Se temanumrene under Gloria.');
    return c.html(
      <ThemePage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        theme={theme}
        articles={await store.themeArticles(theme.id)}
        isEditor={role === 'editor'}
        form={state.form ?? { title: theme.title, intro: theme.intro, version: theme.version }}
        problems={state.problems ?? []}
        notice={state.notice ?? null}
        refusal={state.refusal ?? null}
        stale={state.stale ?? null}
      />,
      status,
    );
  };
  app.get('/gloria/temaer/:theme', signedIn, async (c) => {
    authorize(c, 'gloria.write', site);
    return themePage(c, await loadTheme(store, c.req.param('theme')), { notice: notices[c.req.query('gemt') ?? ''] ?? null });
  });
  app.post('/gloria/temaer/:theme', signedIn, async (c) => {
    const session = authorize(c, 'gloria.publish', site);
    const theme = await loadTheme(store, c.req.param('theme'));
    const body = await c.req.parseBody();
    const form = { title: text(body, 'title', 400), intro: text(body, 'intro', 2400), version: Number(text(body, 'version', 12)) || 0 };
    const outcome = await saveTheme(use(), session.principal, theme.id, { ...form, teamId: theme.teamId, baseVersion: form.version }, sourceOf(c));
    if (outcome.kind === 'saved') return c.redirect(`/admin/gloria/temaer/${theme.id}?gemt=temagemt`, 303);
    if (outcome.kind === 'stale') return themePage(c, outcome.current, { form: { ...form, version: outcome.current.version }, stale: outcome.current }, 409);
    return themePage(c, theme, { form, problems: outcome.problems }, 400);
  });
  app.post('/gloria/temaer/:theme/udgiv', signedIn, async (c) => {
    const session = authorize(c, 'gloria.publish', site);
    const theme = await loadTheme(store, c.req.param('theme'));
    const outcome = await publishTheme(use(), session.principal, theme.id, sourceOf(c));
    if (outcome.kind === 'published') return c.redirect(`/admin/gloria/temaer/${theme.id}?gemt=temaudgivet`, 303);
    return themePage(c, theme, { refusal: outcome.message }, 400);
  });
  app.post('/gloria/temaer/:theme/skjul', signedIn, async (c) => {
    const session = authorize(c, 'gloria.publish', site);
    const theme = await loadTheme(store, c.req.param('theme'));
    await unpublishTheme(use(), session.principal, theme.id, sourceOf(c));
    return c.redirect(`/admin/gloria/temaer/${theme.id}?gemt=temaskjult`, 303);
  });

  const teamsPage = async (c: Context<AdminEnv>, problems: Problem[], status: 200 | 400) => {
    const session = authorize(c, 'gloria.teams', site);
    const [teams, members, accounts, jobs] = await Promise.all([store.teams(), store.members(), store.accountOptions(), store.userJobOptions()]);
    return c.html(
      <TeamsPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        teams={teams}
        members={members}
        accounts={accounts}
        jobs={jobs}
        problems={problems}
        notice={notices[c.req.query('gemt') ?? ''] ?? null}
      />,
      status,
    );
  };
  app.get('/gloria/redaktioner', signedIn, (c) => teamsPage(c, [], 200));
  app.post('/gloria/redaktioner', signedIn, async (c) => {
    const session = authorize(c, 'gloria.teams', site);
    await ensureTeams(use(), session.principal, sourceOf(c));
    return c.redirect('/admin/gloria/redaktioner?gemt=redaktioner', 303);
  });
  app.post('/gloria/redaktioner/:team/medlemmer', signedIn, async (c) => {
    const session = authorize(c, 'gloria.teams', site);
    const body = await c.req.parseBody();
    const outcome = await addTeamMember(use(), session.principal, c.req.param('team'), { accountId: text(body, 'accountId', 60), role: text(body, 'role', 20), userJobId: text(body, 'userJobId', 60) }, sourceOf(c));
    if (outcome.kind === 'added') return c.redirect('/admin/gloria/redaktioner?gemt=medlem', 303);
    return teamsPage(c, outcome.problems, 400);
  });
  app.post('/gloria/redaktioner/:team/medlemmer/:member/fjern', signedIn, async (c) => {
    const session = authorize(c, 'gloria.teams', site);
    await removeTeamMember(use(), session.principal, c.req.param('team'), c.req.param('member'), sourceOf(c));
    return c.redirect('/admin/gloria/redaktioner?gemt=fjernet', 303);
  });

  return app;
}
