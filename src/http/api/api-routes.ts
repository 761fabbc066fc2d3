import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { copenhagenDate } from '../../domain/time.ts';
import { presentLocationsGeoJson } from '../presenters/geojson.ts';
import { type HsdsDeps, hsdsRoutes } from './hsds-routes.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { noQuery, parseQuery } from './query.ts';

const profilePath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/hsds-profile.md');

/** Everything under /api: HSDS, GeoJSON and the OpenAPI description. Open to every origin. */
export function apiRoutes(deps: HsdsDeps) {
  const app = new Hono();
  app.use('*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'] }));
  const openApi = JSON.stringify(buildOpenApiDocument(deps.baseUrl));
  const profile = fs.readFileSync(profilePath, 'utf8');

  app.get('/hsds/profile', (c) => c.body(profile, 200, { 'content-type': 'text/markdown; charset=utf-8' }));
  // Mounted with the slash so GET / of HSDS is /api/hsds/, the address the document and the footer give.
  app.route('/hsds/', hsdsRoutes(deps));
  app.get('/openapi.json', (c) => c.body(openApi, 200, { 'content-type': 'application/json; charset=utf-8' }));
  app.get('/locations.geojson', async (c) => {
    parseQuery(noQuery, c.req.queries());
    const { items } = await deps.range.findOfferings({}, 'all');
    return c.body(JSON.stringify(presentLocationsGeoJson(items, copenhagenDate(deps.now()), deps.baseUrl)), 200, {
      'content-type': 'application/geo+json; charset=utf-8',
    });
  });
  return app;
}
