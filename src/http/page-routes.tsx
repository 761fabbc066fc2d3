import { Hono } from 'hono';
import { listOfferingsByCentre } from '../app/list-offerings-by-centre.ts';
import type { RangeRepository } from '../app/ports.ts';
import { type Origin, searchRange } from '../app/search-range.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { Geocoder } from '../geo/geocoder.ts';
import { FrontPage } from '../web/pages/front-page.tsx';
import { parseFinderQuery } from './finder-query.ts';
import { parseShortlistQuery } from './shortlist-query.ts';

export type PageDeps = { range: RangeRepository; geocoder: Geocoder; now: () => Date };

/** Public pages: server-rendered, complete without JavaScript. */
export function pageRoutes({ range, geocoder, now }: PageDeps) {
  const app = new Hono();
  app.get('/', async (c) => {
    const date = copenhagenDate(now());
    const { criteria, near, notices } = parseFinderQuery(c.req.queries());
    const shortlist = parseShortlistQuery(c.req.queries()).slugs;
    let origin: Origin | null = null;
    if (near) {
      const outcome = await geocoder.search(near);
      if (outcome.status === 'found') {
        const { best } = outcome;
        origin = { latitude: best.latitude, longitude: best.longitude, label: best.label, isApproximate: best.precision !== 'address' };
      } else {
        notices.push(outcome.status === 'not_found' ? `${outcome.message} ${outcome.suggestion}` : outcome.message);
      }
    }
    const search = await searchRange({ range, criteria, date, origin });
    if (search.dropped.includes('district')) notices.push('Vi kender ikke den bydel, så den er ikke brugt i søgningen.');
    if (search.dropped.includes('centre')) notices.push('Vi kender ikke det center, så det er ikke brugt i søgningen.');
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
