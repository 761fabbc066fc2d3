import { Hono } from 'hono';
import type { UserJobStore } from '../app/run-user-jobs.ts';
import type { Locale } from '../web/i18n/index.ts';
import { UserJobListPage } from '../web/pages/user-job-pages.tsx';
import { pageLanguage } from './page-language.ts';

/** /brugerjob (ADR 033): the user jobs with a free place, and how to apply. Who holds a job is never shown. */
export function userJobRoutes(deps: { userJobs: Pick<UserJobStore, 'openJobs'> }, locale: Locale = 'da') {
  const app = new Hono();
  app.get('/brugerjob', async (c) => c.html(<UserJobListPage jobs={await deps.userJobs.openJobs()} {...pageLanguage(c, locale)} />));
  return app;
}
