import { Hono } from 'hono';
import { NotFoundError } from '../app/errors.ts';
import type { CouncilStore } from '../app/run-councils.ts';
import type { Locale } from '../web/i18n/index.ts';
import { CouncilListPage, CouncilPage } from '../web/pages/council-pages.tsx';
import { pageLanguage } from './page-language.ts';

const slugPattern = /^[a-z0-9][a-z0-9-]{0,119}$/;

/** The public council pages (ADR 033): /raad, every council; /raad/{slug}, one with its meetings. */
export function councilRoutes(deps: { councils: CouncilStore }, locale: Locale = 'da') {
  const app = new Hono();
  app.get('/raad', async (c) => c.html(<CouncilListPage councils={await deps.councils.allCouncils()} {...pageLanguage(c, locale)} />));
  app.get('/raad/:slug', async (c) => {
    const slug = c.req.param('slug');
    const council = slugPattern.test(slug) ? await deps.councils.councilBySlug(slug) : null;
    if (!council) throw new NotFoundError(locale === 'da' ? 'Rådet findes ikke. Se listen over råd på /raad.' : 'The council does not exist. See the list of councils at /en/raad.');
    return c.html(<CouncilPage council={council} {...pageLanguage(c, locale)} />);
  });
  return app;
}
