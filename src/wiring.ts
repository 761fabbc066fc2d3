import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import type { FiguresDeps } from './app/figures-report.ts';
import type { FreshnessStore } from './app/freshness-store.ts';
import type { RangeRepository } from './app/ports.ts';
import type { ScenarioStore } from './app/plan-scenarios.ts';
import type { Geocoder } from './geo/geocoder.ts';
import { adminRoutes } from './http/admin/admin-routes.ts';
import type { AdminDeps } from './http/admin/guard.ts';
import { apiRoutes } from './http/api/api-routes.ts';
import { calendarFeedRoutes } from './http/calendar-feed-routes.ts';
import { calendarRoutes } from './http/calendar-routes.tsx';
import { type CorrectionDeps, correctionRoutes } from './http/correction-routes.tsx';
import { type CourseRouteDeps, courseRoutes } from './http/course-routes.tsx';
import { councilRoutes } from './http/council-routes.tsx';
import { type FundDeps, fundRoutes } from './http/fund-routes.tsx';
import { userJobRoutes } from './http/user-job-routes.tsx';
import { volunteerRoutes } from './http/volunteer-routes.tsx';
import { userMeetingRoutes } from './http/user-meeting-routes.tsx';
import { gloriaFeedRoutes, gloriaRoutes } from './http/gloria-routes.tsx';
import type { GloriaStore } from './app/run-gloria.ts';
import type { UserMeetingStore } from './app/run-user-meeting.ts';
import type { PeerStore } from './app/run-peer-counsellors.ts';
import type { VolunteerStore } from './app/run-volunteers.ts';
import type { UserJobStore } from './app/run-user-jobs.ts';
import type { CouncilStore } from './app/run-councils.ts';
import { compressResponses } from './http/compression.ts';
import { problemResponse, respondToError } from './http/errors.tsx';
import { figuresRoutes } from './http/figures-routes.tsx';
import { mapRoutes } from './http/map-routes.tsx';
import { planningCoverageRoutes } from './http/planning-coverage-routes.tsx';
import { programmeRoutes } from './http/programme-routes.tsx';
import { budgetRoutes } from './http/budget-routes.tsx';
import { offeringRoutes } from './http/offering-routes.tsx';
import { pageRoutes } from './http/page-routes.tsx';
import { planningRoutes } from './http/planning-routes.tsx';
import { sameOriginForms, securityHeaders } from './http/security-headers.ts';
import { shortlistRoutes } from './http/shortlist-routes.tsx';
import { serveStaticAssets } from './http/static-assets.ts';
import { localeOfPath, locales, messages } from './web/i18n/index.ts';

export type AppDeps = {
  range: RangeRepository;
  /** Addresses and postcodes to points: GSearch in production, the offline fixture elsewhere. */
  geocoder: Geocoder;
  /** Background tiles for /kort; unset, the map is drawn on a plain background. */
  mapTileUrl?: string | undefined;
  logger: Logger;
  baseUrl: string;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  /** The back office under /admin: accounts, sessions, the audit log. */
  admin: AdminDeps;
  /** How fresh each record is (ADR 014): shown on its public page. */
  freshness: FreshnessStore;
  /** Public corrections: the tasks, the signed form stamps and the limit per address (ADR 014). */
  corrections: CorrectionDeps;
  /** Courses: the catalogue, signing up and the personal links (ADR 023). */
  courses: CourseRouteDeps;
  /** Visitor figures with their provenance, for the public /tal (ADR 029). */
  figures: FiguresDeps;
  /** Published planning scenarios, public at /planlaegning (ADR 030). */
  scenarios: ScenarioStore;
  /** User and activity councils, published (ADR 033). */
  councils: CouncilStore;
  /** The user fund: pools, ideas and votes with codes (ADR 033). */
  fund: FundDeps;
  /** User jobs: the open ones in public (ADR 033). */
  userJobs: UserJobStore;
  /** «Bliv frivillig» per offering (ADR 033). */
  volunteers: VolunteerStore;
  /** The annual city-wide user meeting: registration, waiting list, proposals and minutes (ADR 036). */
  meetings: UserMeetingStore;
  /** Peer counsellors: the year's number in public (ADR 036). */
  peer: PeerStore;
  /** Gloria, the users' magazine: published texts, theme issues, feeds and images (ADR 037). */
  gloria: GloriaStore;
};

/** The one place where storage, use cases and HTTP meet. */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  app.use('*', securityHeaders({ baseUrl: deps.baseUrl, mapTileUrl: deps.mapTileUrl }));
  app.use('*', sameOriginForms());
  // No form here needs more than a few kilobytes; anything far larger is refused before it is read.
  const siteLimit = bodyLimit({
    maxSize: 256 * 1024,
    onError: (c) =>
      problemResponse(c, 413, 'For meget på én gang', 'Det, du sendte, fylder mere end 256 kB, så vi har ikke taget imod det. Intet er gemt. Gør teksten kortere, og prøv igen.'),
  });
  // Gloria's article form carries one image of at most 2 MB (ADR 037).
  const gloriaLimit = bodyLimit({
    maxSize: 2.5 * 1024 * 1024,
    onError: (c) => problemResponse(c, 413, 'Billedet er for stort', 'Det, du sendte, fylder mere end 2,5 MB, så vi har ikke taget imod det. Intet er gemt. Gem billedet i en mindre størrelse (højst 2 MB), og prøv igen.'),
  });
  app.use('*', (c, next) => (c.req.path.startsWith('/admin/gloria/') ? gloriaLimit(c, next) : siteLimit(c, next)));
  app.use('*', compressResponses());
  const staticFiles = serveStaticAssets();
  app.use('/static/*', staticFiles);
  app.use('/dkfds/*', staticFiles);
  app.route('/api', apiRoutes(deps));
  app.route('/admin', adminRoutes(deps.admin, deps.geocoder));
  app.route('/', calendarFeedRoutes(deps));
  app.route('/', gloriaFeedRoutes({ gloria: deps.gloria, baseUrl: deps.baseUrl, now: deps.now }));
  // The public pages, once per language: Danish at /, the same routes in English at /en (ADR 011).
  app.get('/en/', (c) => c.redirect(`/en${new URL(c.req.url).search}`, 301));
  for (const locale of locales) {
    const base = locale === 'da' ? '/' : `/${locale}`;
    app.route(base, pageRoutes(deps, locale));
    app.route(base, offeringRoutes(deps, locale));
    app.route(base, correctionRoutes(deps, locale));
    app.route(base, calendarRoutes(deps, locale));
    app.route(base, programmeRoutes(deps, locale));
    app.route(base, shortlistRoutes(deps, locale));
    app.route(base, mapRoutes(deps, locale));
    app.route(base, courseRoutes(deps, locale));
    app.route(base, planningCoverageRoutes(deps, locale));
    app.route(base, budgetRoutes({ budget: deps.admin.budget, now: deps.now }, locale));
    app.route(base, figuresRoutes(deps, locale));
    app.route(base, planningRoutes(deps, locale));
    app.route(base, councilRoutes(deps, locale));
    app.route(base, fundRoutes(deps, locale));
    app.route(base, userJobRoutes(deps, locale));
    app.route(base, volunteerRoutes(deps, locale));
    app.route(base, userMeetingRoutes(deps, locale));
    app.route(base, gloriaRoutes({ gloria: deps.gloria, baseUrl: deps.baseUrl, now: deps.now, range: deps.range, courses: deps.courses }, locale));
  }
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.notFound((c) => {
    const t = messages[localeOfPath(c.req.path)].errors;
    return problemResponse(
      c,
      404,
      c.req.path.startsWith('/api/') ? 'Siden findes ikke' : t.pageNotFound,
      c.req.path.startsWith('/api/') ? `Der er intet på ${c.req.path}.` : t.pageNotFoundDetail,
    );
  });
  app.onError((error, c) => respondToError(error, c, deps.logger));
  return app;
}
