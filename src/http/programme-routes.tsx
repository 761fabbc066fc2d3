import { type Context, Hono } from 'hono';
import type { CourseStore } from '../app/course-store.ts';
import {
  getProgramme,
  isWithinReach,
  type ProgrammePeriod,
  readMonth,
  readWeek,
  weekPeriod,
} from '../app/get-programme.ts';
import { getBrochure } from '../app/get-brochure.ts';
import { copenhagenDate } from '../domain/time.ts';
import { BrochurePage, brochureHref } from '../web/pages/brochure-page.tsx';
import { brochurePdf } from '../web/programme/brochure-pdf.ts';
import { type ProgrammeLayout, ProgrammePage, programmeHref, programmeParams } from '../web/pages/programme-page.tsx';
import { programmePdf } from '../web/programme/programme-pdf.ts';
import type { FinderDeps } from './finder-request.ts';
import { parseFinderQuery } from './finder-query.ts';

export type ProgrammeRouteDeps = Pick<FinderDeps, 'range' | 'now'> & { courses: { store: CourseStore }; baseUrl: string };

type Query = Record<string, string[]>;
const first = (query: Query, name: string) => query[name]?.map((value) => value.trim()).find(Boolean) ?? null;
const clip = (value: string) => value.slice(0, 40);

/** The week (`uge=2026-W50`) or month (`maaned=2026-12`) asked for; this week when none or one it cannot read. */
function readPeriod(query: Query, today: string, notices: string[]): ProgrammePeriod {
  const week = first(query, programmeParams.week);
  const month = first(query, programmeParams.month);
  let period: ProgrammePeriod | null = null;
  if (month !== null) {
    period = readMonth(month);
    if (!period) notices.push(`Vi kan ikke læse måneden «${clip(month)}». Skriv den som år og måned, fx 2026-12. Vi viser denne uge.`);
  } else if (week !== null) {
    period = readWeek(week);
    if (!period) notices.push(`Vi kan ikke læse ugen «${clip(week)}». Skriv den som år og ugenummer, fx 2026-W50. Vi viser denne uge.`);
  }
  if (period && !isWithinReach(period, today)) {
    notices.push('Programmet går et år tilbage og et år frem. Vi viser denne uge.');
    period = null;
  }
  return period ?? weekPeriod(today);
}

/** A district that does not exist is dropped by the search: say so, since the whole city is shown instead. */
function unknownDistrict(asked: string | null, used: string | null, notices: string[]) {
  if (asked !== null && used === null) notices.push(`Vi kender ikke bydelen «${clip(asked)}», så vi viser hele byen. Vælg en bydel på listen.`);
}

function readLayout(query: Query, notices: string[]): ProgrammeLayout {
  const paper = first(query, programmeParams.paper)?.toLowerCase() ?? 'a4';
  const type = first(query, programmeParams.type)?.toLowerCase() ?? '';
  if (paper !== 'a4' && paper !== 'a5') notices.push(`Vi kender ikke papiret «${clip(paper)}», så vi bruger A4. Vælg A4 eller A5.`);
  if (type !== '' && type !== 'stor') notices.push(`Vi kender ikke skriften «${clip(type)}», så vi bruger almindelig skrift.`);
  return { paper: paper === 'a5' ? 'a5' : 'a4', largePrint: type === 'stor' };
}

const pdfResponse = (c: Context, pdf: Uint8Array, name: string) =>
  c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/pdf',
    'content-disposition': `inline; filename="${name}"`,
    'cache-control': 'no-store',
  });

/**
 * /program and /program.pdf: the printed programme per district or for the whole city; /brochure and
 * /brochure.pdf: every place of the range (ADR 034).
 */
export function programmeRoutes({ range, now, courses, baseUrl }: ProgrammeRouteDeps) {
  const app = new Hono();
  const load = async (query: Query) => {
    const moment = now();
    const today = copenhagenDate(moment);
    const { criteria, notices } = parseFinderQuery(query, { today });
    const period = readPeriod(query, today, notices);
    const layout = readLayout(query, notices);
    const programme = await getProgramme({ range, courses: courses.store, criteria, period, now: moment });
    unknownDistrict(criteria.districtSlug, programme.criteria.districtSlug, notices);
    // The QR code and the printed link hold the live page in A4 and ordinary type: what most readers want on a phone.
    const liveUrl = `${baseUrl}${programmeHref(programme, period)}`;
    return { programme, layout, notices, liveUrl };
  };
  app.get('/program', async (c) => {
    const { programme, layout, notices, liveUrl } = await load(c.req.queries());
    return c.html(<ProgrammePage programme={programme} layout={layout} notices={notices} liveUrl={liveUrl} />);
  });
  app.get('/program.pdf', async (c) => {
    const { programme, layout, liveUrl } = await load(c.req.queries());
    // An empty period is never printed: the page says so and offers the nearest period with activities.
    if (programme.days.length === 0) return c.redirect(programmeHref(programme, programme.period, layout), 303);
    const pdf = await programmePdf(programme, layout, liveUrl);
    const name = `program-${programme.district?.slug ?? 'hele-byen'}-${programme.period.key}.pdf`;
    return pdfResponse(c, pdf, name);
  });
  const loadBrochure = async (query: Query) => {
    const moment = now();
    const { criteria, notices } = parseFinderQuery(query, { today: copenhagenDate(moment) });
    const layout = readLayout(query, notices);
    const brochure = await getBrochure({ range, criteria, now: moment });
    unknownDistrict(criteria.districtSlug, brochure.criteria.districtSlug, notices);
    return { brochure, layout, notices };
  };
  app.get('/brochure', async (c) => {
    const { brochure, layout, notices } = await loadBrochure(c.req.queries());
    return c.html(<BrochurePage brochure={brochure} layout={layout} notices={notices} baseUrl={baseUrl} />);
  });
  app.get('/brochure.pdf', async (c) => {
    const { brochure, layout } = await loadBrochure(c.req.queries());
    if (brochure.placeCount === 0) return c.redirect(brochureHref(brochure, layout), 303);
    const pdf = await brochurePdf(brochure, layout, baseUrl);
    return pdfResponse(c, pdf, `brochure-${brochure.district?.slug ?? 'hele-byen'}.pdf`);
  });
  return app;
}

