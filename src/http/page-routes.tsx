import { Hono } from 'hono';
import { listOfferingsByCentre } from '../app/list-offerings-by-centre.ts';
import type { Locale } from '../web/i18n/index.ts';
import { FrontPage } from '../web/pages/front-page.tsx';
import { type FinderDeps, runFinderRequest } from './finder-request.ts';
import { pageLanguage } from './page-language.ts';
import { parseShortlistQuery } from './shortlist-query.ts';

export type PageDeps = FinderDeps;

/** Public pages: server-rendered, complete without JavaScript. Mounted once per language (see wiring.ts). */
export function pageRoutes({ range, geocoder, now }: PageDeps, locale: Locale = 'da') {
  const app = new Hono();
  app.get('/', async (c) => {
    const { date, search, notices, near } = await runFinderRequest({ range, geocoder, now }, c.req.queries(), locale, { paged: true });
    const shortlist = parseShortlistQuery(c.req.queries()).slugs;
    const byCentre = search.isFiltered ? null : await listOfferingsByCentre({ range, date, now: now() });
    return c.html(
      <FrontPage
        search={search}
        byCentre={byCentre}
        notices={notices}
        nearText={near}
        shortlist={shortlist}
        geojsonUrl="/api/locations.geojson"
        {...pageLanguage(c, locale)}
      />,
    );
  });
  return app;
}
