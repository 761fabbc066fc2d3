import { type Context, Hono } from 'hono';
import { type FiguresReportStore, getFiguresReport, type ReportRequest } from '../../app/figures-report.ts';
import type { VisitCountStore } from '../../app/register-visits.ts';
import { can, seesEverything, site } from '../../domain/access/policy.ts';
import { type Dimension, dimensions, dimensionWords } from '../../domain/counting/report.ts';
import { copenhagenDate } from '../../domain/time.ts';
import { FiguresPage } from '../../web/pages/admin/figures-pages.tsx';
import { exportName, reportCsv, reportXlsx } from '../presenters/figures-export.ts';
import { xlsxType } from '../presenters/xlsx.ts';
import { type AdminDeps, type AdminEnv, authorize, requireSession } from './guard.ts';

/** The years a report can be asked for: the platform's figures start with the tallies (2026) and the model year before. */
const firstYear = 2016;

/** The report's URL words (efter=bydel, periode=maaned, aar=2026); an unknown word falls back to the default, as the finder does. */
export function readReportRequest(query: Record<string, string | undefined>, today: string): ReportRequest {
  const thisYear = Number(today.slice(0, 4));
  const year = /^\d{4}$/.test(query.aar ?? '') ? Number(query.aar) : thisYear;
  return {
    dimension: (dimensions as readonly Dimension[]).find((dimension) => dimensionWords[dimension].word === query.efter) ?? 'offering',
    period: query.periode === 'aar' ? 'year' : 'month',
    year: year >= firstYear && year <= thisYear ? year : thisYear,
    today,
  };
}

const queryOf = (request: ReportRequest) =>
  new URLSearchParams({ efter: dimensionWords[request.dimension].word, periode: request.period === 'month' ? 'maaned' : 'aar', aar: String(request.year) }).toString();

/**
 * /admin/tal and its exports (ADR 029): figures on use for every offering the person's grants give
 * 'count.read' for, grouped as asked, small counts suppressed; the same table as CSV and XLSX.
 */
export function figuresRoutes(deps: AdminDeps & { figures: FiguresReportStore; counts: VisitCountStore }) {
  const app = new Hono<AdminEnv>();
  const signedIn = requireSession();

  const report = async (c: Context<AdminEnv>) => {
    const session = authorize(c, 'admin.enter', site);
    const today = copenhagenDate(deps.access.now());
    const request = readReportRequest(c.req.query(), today);
    const offerings = (await deps.figures.offeringFacts()).filter((offering) => can(session.principal, 'count.read', offering.scope));
    return { session, request, offerings, report: await getFiguresReport({ counts: deps.counts, figures: deps.figures }, offerings, request) };
  };

  app.get('/', signedIn, async (c) => {
    const { session, request, offerings, report: result } = await report(c);
    const thisYear = Number(request.today.slice(0, 4));
    return c.html(
      <FiguresPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        report={result}
        years={Array.from({ length: thisYear - firstYear + 1 }, (_, index) => thisYear - index)}
        query={queryOf(request)}
        offeringCount={offerings.length}
        seesEverything={seesEverything(session.principal)}
      />,
    );
  });

  app.get('/eksport.csv', signedIn, async (c) => {
    const { report: result } = await report(c);
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${exportName(result, 'csv')}"`);
    return c.body(reportCsv(result));
  });

  app.get('/eksport.xlsx', signedIn, async (c) => {
    const { report: result } = await report(c);
    c.header('content-type', xlsxType);
    c.header('content-disposition', `attachment; filename="${exportName(result, 'xlsx')}"`);
    return c.body(new Uint8Array(reportXlsx(result, deps.access.now())));
  });

  return app;
}
