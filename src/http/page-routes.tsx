import { Hono } from 'hono';
import type { CourseStore } from '../app/course-store.ts';
import { getCourseCatalogue } from '../app/get-course-catalogue.ts';
import { listOfferingsByCentre } from '../app/list-offerings-by-centre.ts';
import { readCourseCriteria } from './course-routes.tsx';
import type { Locale } from '../web/i18n/index.ts';
import { FrontPage } from '../web/pages/front-page.tsx';
import { type FinderDeps, runFinderRequest } from './finder-request.ts';
import { pageLanguage } from './page-language.ts';
import { parseShortlistQuery } from './shortlist-query.ts';

export type PageDeps = FinderDeps & { courses: { store: CourseStore } };

/** Public pages: server-rendered, complete without JavaScript. Mounted once per language (see wiring.ts). */
export function pageRoutes({ range, geocoder, now, courses }: PageDeps, locale: Locale = 'da') {
  const app = new Hono();
  app.get('/', async (c) => {
    const { date, search, notices, near } = await runFinderRequest({ range, geocoder, now }, c.req.queries(), locale, { paged: true });
    const shortlist = parseShortlistQuery(c.req.queries()).slugs;
    const byCentre = search.isFiltered ? null : await listOfferingsByCentre({ range, date, now: now() });
    // A text search also looks among the courses, and points to them when some fit.
    const text = readCourseCriteria(c.req.query()).text;
    const courseCount = text ? (await getCourseCatalogue(courses.store, { text, kind: null, track: null }, date)).length : 0;
    return c.html(
      <FrontPage
        search={search}
        byCentre={byCentre}
        notices={notices}
        nearText={near}
        shortlist={shortlist}
        courseMatches={text && courseCount > 0 ? { count: courseCount, text } : null}
        geojsonUrl="/api/locations.geojson"
        {...pageLanguage(c, locale)}
      />,
    );
  });
  return app;
}
