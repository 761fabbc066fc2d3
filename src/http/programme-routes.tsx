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
import { getLiveListings } from '../app/get-live-listings.ts';
import { defaultMax } from '../domain/gloria/listing-spec.ts';
import { copenhagenDate } from '../domain/time.ts';
import { LiveListingView } from '../web/components/live-listing.tsx';
import { hrefIn, type Locale } from '../web/i18n/index.ts';
import { programmeText } from '../web/i18n/programme.ts';
import { BrochurePage, brochureHref } from '../web/pages/brochure-page.tsx';
import { brochurePdf } from '../web/programme/brochure-pdf.ts';
import { type ProgrammeLayout, ProgrammePage, programmeHref, programmeParams } from '../web/pages/programme-page.tsx';
import { programmePdf } from '../web/programme/programme-pdf.ts';
import type { FinderDeps } from './finder-request.ts';
import { parseFinderQuery } from './finder-query.ts';
import { pageLanguage } from './page-language.ts';

export type ProgrammeRouteDeps = Pick<FinderDeps, 'range' | 'now'> & { courses: { store: CourseStore }; baseUrl: string };

type Query = Record<string, string[]>;
const first = (query: Query, name: string) => query[name]?.map((value) => value.trim()).find(Boolean) ?? null;
const clip = (value: string) => value.slice(0, 40);

/** The week (`uge=2026-W50`) or month (`maaned=2026-12`) asked for; this week when none or one it cannot read. */
function readPeriod(query: Query, today: string, notices: string[], locale: Locale): ProgrammePeriod {
  const t = programmeText[locale].notices;
  const week = first(query, programmeParams.week);
  const month = first(query, programmeParams.month);
  let period: ProgrammePeriod | null = null;
  if (month !== null) {
    period = readMonth(month);
    if (!period) notices.push(t.month(clip(month)));
  } else if (week !== null) {
    period = readWeek(week);
    if (!period) notices.push(t.week(clip(week)));
  }
  if (period && !isWithinReach(period, today)) {
    notices.push(t.reach);
    period = null;
  }
  return period ?? weekPeriod(today);
}

/** A district that does not exist is dropped by the search: say so, since the whole city is shown instead. */
function unknownDistrict(asked: string | null, used: string | null, notices: string[], locale: Locale) {
  if (asked !== null && used === null) notices.push(programmeText[locale].notices.district(clip(asked)));
}

function readLayout(query: Query, notices: string[], locale: Locale): ProgrammeLayout {
  const t = programmeText[locale].notices;
  const paper = first(query, programmeParams.paper)?.toLowerCase() ?? 'a4';
  const type = first(query, programmeParams.type)?.toLowerCase() ?? '';
  if (paper !== 'a4' && paper !== 'a5') notices.push(t.paper(clip(paper)));
  if (type !== '' && type !== 'stor') notices.push(t.type(clip(type)));
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
 * /brochure.pdf: every place of the range (ADR 034); in English under /en. A district's brochure also shows,
 * on the screen, its places opened lately and those closing (live listings, ADR 038).
 */
export function programmeRoutes({ range, now, courses, baseUrl }: ProgrammeRouteDeps, locale: Locale = 'da') {
  const app = new Hono();
  const load = async (query: Query) => {
    const moment = now();
    const today = copenhagenDate(moment);
    const { criteria, notices } = parseFinderQuery(query, { today });
    const period = readPeriod(query, today, notices, locale);
    const layout = readLayout(query, notices, locale);
    const programme = await getProgramme({ range, courses: courses.store, criteria, period, now: moment });
    unknownDistrict(criteria.districtSlug, programme.criteria.districtSlug, notices, locale);
    // The QR code and the printed link hold the live page in A4 and ordinary type: what most readers want on a phone.
    const liveUrl = `${baseUrl}${hrefIn(locale, programmeHref(programme, period))}`;
    return { programme, layout, notices, liveUrl };
  };
  app.get('/program', async (c) => {
    const { programme, layout, notices, liveUrl } = await load(c.req.queries());
    return c.html(
      <ProgrammePage programme={programme} layout={layout} notices={notices} liveUrl={liveUrl} {...pageLanguage(c, locale)} />,
    );
  });
  app.get('/program.pdf', async (c) => {
    const { programme, layout, liveUrl } = await load(c.req.queries());
    // An empty period is never printed: the page says so and offers the nearest period with activities.
    if (programme.days.length === 0) return c.redirect(hrefIn(locale, programmeHref(programme, programme.period, layout)), 303);
    const pdf = await programmePdf(programme, layout, liveUrl, locale);
    const name = `program-${programme.district?.slug ?? 'hele-byen'}-${programme.period.key}.pdf`;
    return pdfResponse(c, pdf, name);
  });
  const loadBrochure = async (query: Query) => {
    const moment = now();
    const { criteria, notices } = parseFinderQuery(query, { today: copenhagenDate(moment) });
    const layout = readLayout(query, notices, locale);
    const brochure = await getBrochure({ range, criteria, now: moment });
    unknownDistrict(criteria.districtSlug, brochure.criteria.districtSlug, notices, locale);
    return { brochure, layout, notices, moment };
  };
  app.get('/brochure', async (c) => {
    const { brochure, layout, notices, moment } = await loadBrochure(c.req.queries());
    // A district's brochure tells, on the screen, what has opened and what is closing there.
    const listings = brochure.district
      ? await getLiveListings(
          (['nye', 'lukker'] as const).map((kind) => ({ kind, district: brochure.district!.slug, period: null, max: defaultMax })),
          { range, courses: courses.store },
          moment,
        )
      : [];
    return c.html(
      <BrochurePage brochure={brochure} layout={layout} notices={notices} baseUrl={baseUrl} {...pageLanguage(c, locale)}>
        {listings.length > 0 &&
          listings.map((listing) => <LiveListingView listing={listing} locale={locale} />)}
      </BrochurePage>,
    );
  });
  app.get('/brochure.pdf', async (c) => {
    const { brochure, layout } = await loadBrochure(c.req.queries());
    if (brochure.placeCount === 0) return c.redirect(hrefIn(locale, brochureHref(brochure, layout)), 303);
    const pdf = await brochurePdf(brochure, layout, baseUrl, locale);
    return pdfResponse(c, pdf, `brochure-${brochure.district?.slug ?? 'hele-byen'}.pdf`);
  });
  return app;
}

