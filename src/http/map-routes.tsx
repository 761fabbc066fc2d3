import { Hono } from 'hono';
import type { RangeRepository } from '../app/ports.ts';
import { type Origin, searchRange } from '../app/search-range.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { Geocoder } from '../geo/geocoder.ts';
import { MapPage } from '../web/pages/map-page.tsx';
import { parseFinderQuery } from './finder-query.ts';

export type MapRouteDeps = {
  range: RangeRepository;
  geocoder: Geocoder;
  now: () => Date;
  /** MAP_TILE_URL: tiles under the markers. Unset (the default), the map is drawn on a plain background. */
  mapTileUrl?: string | undefined;
};

/** /kort: the finder's results on a map, for exactly the front page's query string. Complete without JavaScript. */
export function mapRoutes({ range, geocoder, now, mapTileUrl }: MapRouteDeps) {
  const app = new Hono();
  app.get('/kort', async (c) => {
    const date = copenhagenDate(now());
    const { criteria, near, notices } = parseFinderQuery(c.req.queries());
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
    // The same words as the front page; map-routes.db.test.ts compares the two pages' notices.
    if (search.dropped.includes('district')) notices.push('Vi kender ikke den bydel, så den er ikke brugt i søgningen.');
    if (search.dropped.includes('centre')) notices.push('Vi kender ikke det center, så det er ikke brugt i søgningen.');
    return c.html(<MapPage search={search} notices={notices} nearText={near} tileUrlTemplate={mapTileUrl ?? null} />);
  });
  return app;
}
