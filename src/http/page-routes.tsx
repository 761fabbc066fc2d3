import { Hono } from 'hono';
import { listOfferingsByCentre } from '../app/list-offerings-by-centre.ts';
import type { RangeRepository } from '../app/ports.ts';
import { copenhagenDate } from '../domain/time.ts';
import { FrontPage } from '../web/pages/front-page.tsx';

export type PageDeps = { range: RangeRepository; now: () => Date };

/** Public pages: server-rendered, complete without JavaScript. */
export function pageRoutes({ range, now }: PageDeps) {
  const app = new Hono();
  app.get('/', async (c) => {
    const byCentre = await listOfferingsByCentre({ range, date: copenhagenDate(now()) });
    return c.html(<FrontPage range={byCentre} geojsonUrl="/api/locations.geojson" />);
  });
  return app;
}
