import { Hono } from 'hono';
import { getRangeCoverage } from '../app/get-range-coverage.ts';
import type { RangeRepository } from '../app/ports.ts';
import { type Need, needs } from '../domain/planning/coverage.ts';
import { copenhagenGrid, type PopulationGrid } from '../domain/planning/population-grid.ts';
import { addDays, copenhagenDate, formatDate } from '../domain/time.ts';
import type { Locale } from '../web/i18n/index.ts';
import { coverageWords } from '../web/i18n/planning-coverage.ts';
import { CoveragePage, coverageParams } from '../web/pages/coverage-page.tsx';
import { readDay } from './finder-query.ts';
import { pageLanguage } from './page-language.ts';

export type CoverageRouteDeps = {
  range: RangeRepository;
  now: () => Date;
  /** Where residents live; the shipped grid is approximate (ADR 031). */
  populationGrid?: () => Promise<PopulationGrid>;
};

/** The earliest date the page shows: the range's sources begin in the 2010s. */
export const earliestCoverageDate = '2010-01-01';

/** The date from `dato` (today when absent); a date it cannot read or out of reach is explained, and today shown. */
export function readCoverageDate(value: string | undefined, today: string, notices: string[], locale: Locale): string {
  const say = coverageWords[locale].notices;
  const text = value?.trim();
  if (!text) return today;
  const date = readDay(text);
  if (date === null) {
    notices.push(say.unreadableDate(text.slice(0, 40)));
    return today;
  }
  if (date < earliestCoverageDate || date > addDays(today, 5 * 366)) {
    notices.push(say.outOfReach(formatDate(date, locale)));
    return today;
  }
  return date;
}

/** /planlaegning/daekning: the coverage of the range on a date (public, no JavaScript needed). */
export function planningCoverageRoutes({ range, now, populationGrid = copenhagenGrid }: CoverageRouteDeps, locale: Locale = 'da') {
  const app = new Hono();
  app.get('/planlaegning/daekning', async (c) => {
    const notices: string[] = [];
    const today = copenhagenDate(now());
    const date = readCoverageDate(c.req.query(coverageParams.date), today, notices, locale);
    const needText = c.req.query(coverageParams.need)?.trim() || 'social';
    let need: Need = 'social';
    if ((needs as readonly string[]).includes(needText)) need = needText as Need;
    else notices.push(coverageWords[locale].notices.unknownNeed(needText.slice(0, 40)));
    const compareText = c.req.query(coverageParams.compare)?.trim();
    let compareDate: string | null = null;
    if (compareText) {
      const problems: string[] = [];
      const read = readCoverageDate(compareText, today, problems, locale);
      if (problems.length > 0) notices.push(coverageWords[locale].notices.compareNotRead(compareText.slice(0, 40)));
      else compareDate = read;
    }
    const grid = await populationGrid();
    const coverage = await getRangeCoverage({ range, grid, date });
    const before = compareDate && compareDate !== date ? await getRangeCoverage({ range, grid, date: compareDate }) : null;
    return c.html(<CoveragePage coverage={coverage} before={before} need={need} notices={notices} {...pageLanguage(c, locale)} />);
  });
  return app;
}
