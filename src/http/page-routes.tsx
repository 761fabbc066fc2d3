import { Hono } from 'hono';
import { listOfferingsByCentre } from '../app/list-offerings-by-centre.ts';
import type { RangeRepository } from '../app/ports.ts';
import { searchRange } from '../app/search-range.ts';
import { copenhagenDate } from '../domain/time.ts';
import { FrontPage } from '../web/pages/front-page.tsx';
import { parseFinderQuery } from './finder-query.ts';

export type PageDeps = { range: RangeRepository; now: () => Date };

/** Public pages: server-rendered, complete without JavaScript. */
export function pageRoutes({ range, now }: PageDeps) {
  const app = new Hono();
  app.get('/', async (c) => {
    const date = copenhagenDate(now());
    const { criteria, notices } = parseFinderQuery(c.req.queries());
    const search = await searchRange({ range, criteria, date });
    if (search.dropped.includes('district')) notices.push('Vi kender ikke den bydel, så den er ikke brugt i søgningen.');
    if (search.dropped.includes('centre')) notices.push('Vi kender ikke det center, så det er ikke brugt i søgningen.');
    const byCentre = search.isFiltered ? null : await listOfferingsByCentre({ range, date });
    return c.html(<FrontPage search={search} byCentre={byCentre} notices={notices} geojsonUrl="/api/locations.geojson" />);
  });
  return app;
}
