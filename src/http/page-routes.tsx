import { Hono } from 'hono';
import { listOfferingsByCentre } from '../app/list-offerings-by-centre.ts';
import { FrontPage } from '../web/pages/front-page.tsx';
import { type FinderDeps, runFinderRequest } from './finder-request.ts';
import { parseShortlistQuery } from './shortlist-query.ts';

export type PageDeps = FinderDeps;

/** Public pages: server-rendered, complete without JavaScript. */
export function pageRoutes({ range, geocoder, now }: PageDeps) {
  const app = new Hono();
  app.get('/', async (c) => {
    const { date, search, notices, near } = await runFinderRequest({ range, geocoder, now }, c.req.queries());
    const shortlist = parseShortlistQuery(c.req.queries()).slugs;
    const byCentre = search.isFiltered ? null : await listOfferingsByCentre({ range, date });
    return c.html(<FrontPage
        search={search}
        byCentre={byCentre}
        notices={notices}
        nearText={near}
        shortlist={shortlist}
        geojsonUrl="/api/locations.geojson"
      />);
  });
  return app;
}
