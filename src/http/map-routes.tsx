import { Hono } from 'hono';
import type { Locale } from '../web/i18n/index.ts';
import { MapPage } from '../web/pages/map-page.tsx';
import { type FinderDeps, runFinderRequest } from './finder-request.ts';
import { pageLanguage } from './page-language.ts';

export type MapRouteDeps = FinderDeps & {
  /** MAP_TILE_URL: tiles under the markers. Unset (the default), the map is drawn on a plain background. */
  mapTileUrl?: string | undefined;
};

/** /kort: the finder's results on a map, for exactly the front page's query string. Complete without JavaScript. */
export function mapRoutes({ range, geocoder, now, mapTileUrl }: MapRouteDeps, locale: Locale = 'da') {
  const app = new Hono();
  app.get('/kort', async (c) => {
    const { search, notices, near } = await runFinderRequest({ range, geocoder, now }, c.req.queries(), locale);
    return c.html(
      <MapPage search={search} notices={notices} nearText={near} tileUrlTemplate={mapTileUrl ?? null} {...pageLanguage(c, locale)} />,
    );
  });
  return app;
}
