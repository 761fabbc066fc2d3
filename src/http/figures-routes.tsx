import { Hono } from 'hono';
import { type FiguresDeps, getPublicFigures } from '../app/figures-report.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { Locale } from '../web/i18n/index.ts';
import { PublicFiguresPage } from '../web/pages/figures-pages.tsx';
import { pageLanguage } from './page-language.ts';

/** The first year with visitor tallies on the platform. */
const firstYear = 2026;

/**
 * /tal (ADR 029): the visitor figures the offerings confirmed, per offering, operator, district and the
 * city, with their provenance and open disputes. `aar` picks the year; an unknown one shows this year.
 */
export function figuresRoutes(deps: { figures: FiguresDeps; now: () => Date }, locale: Locale = 'da') {
  const app = new Hono();
  app.get('/tal', async (c) => {
    const today = copenhagenDate(deps.now());
    const thisYear = Number(today.slice(0, 4));
    const asked = Number(c.req.query('aar'));
    const year = Number.isInteger(asked) && asked >= firstYear && asked <= thisYear ? asked : thisYear;
    const figures = await getPublicFigures(deps.figures, { year, today });
    const years = Array.from({ length: Math.max(1, thisYear - firstYear + 1) }, (_, index) => thisYear - index);
    return c.html(<PublicFiguresPage figures={figures} years={years} {...pageLanguage(c, locale)} />);
  });
  return app;
}
