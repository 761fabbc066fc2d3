import type { OfferingScope } from '../domain/access/policy.ts';
import {
  buildReport,
  type Dimension,
  hasProvenance,
  monthsOf,
  type OfferingFacts,
  openMinutesBetween,
  type PeriodFigure,
  type ReportTable,
  type ReviewState,
  reviewStateOf,
} from '../domain/counting/report.ts';
import { type MonthReview, monthSpan, type UsageFigure } from '../domain/counting/tally.ts';
import { emptySchedule, type Schedule } from '../domain/schedule/model.ts';
import { type VisitCountStore, usageOf } from './register-visits.ts';

/** What the reports on use read beside the tallies (ADR 029). */
export type FiguresReportStore = {
  /** Every offering with its place in the range and what the access rules need; with `municipality`, those whose first place is there. */
  offeringFacts(filter?: { municipality?: string }): Promise<(OfferingFacts & { scope: OfferingScope })[]>;
  /** The opening hours of each offering (an offering without any is missing from the map). */
  schedulesOf(offeringIds: readonly string[]): Promise<Map<string, Schedule>>;
  /** The latest verdict of each offering's month from `fromMonth` to `toMonth`. */
  latestReviews(offeringIds: readonly string[], fromMonth: string, toMonth: string): Promise<(MonthReview & { offeringId: string })[]>;
};

export type FiguresDeps = { counts: VisitCountStore; figures: FiguresReportStore };

/** One offering's use in a period as planning reads it (ADR 029): every figure with its provenance, and each month's verdict. */
export type OfferingUse = {
  offeringId: string;
  /** One figure per measure (visits, and what else the offering counts), each with method, period, coverage and who registered it. */
  figures: UsageFigure[];
  /** Each month of the period that has visits: its figure and the offering's verdict on it. */
  months: { month: string; visits: UsageFigure; review: ReviewState }[];
  /** Months disputed and not confirmed since: a figure under dispute is not evidence yet. */
  openDisputes: string[];
  /** Whether every month of the period with visits is confirmed by the offering as it stands. */
  confirmedThroughout: boolean;
};

const lastDayOf = (month: string) => monthSpan(month).to;
const earlier = (a: string, b: string) => (a < b ? a : b);
const later = (a: string, b: string) => (a > b ? a : b);

/** The months 'YYYY-MM' a period touches. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); ) {
    months.push(month);
    const [year, number] = month.split('-').map(Number) as [number, number];
    month = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
  }
  return months;
}

/** The same dates a year earlier; 29 February becomes the 28th. */
export function yearEarlier(date: string): string {
  const shifted = `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
  return shifted.endsWith('-02-29') ? `${shifted.slice(0, 8)}28` : shifted;
}

function cachedSchedules(deps: FiguresDeps, schedules: Map<string, Schedule>) {
  return { store: deps.counts, scheduleOf: async (offeringId: string) => schedules.get(offeringId) ?? emptySchedule };
}

/** Offerings asked for at a time: `usageOf` sorts each offering's tallies out of all it read, so smaller batches keep that cheap. */
const batchSize = 100;

/** `usageOf` for any number of offerings, a batch at a time. */
async function usageIn(usage: ReturnType<typeof cachedSchedules>, offeringIds: readonly string[], period: { from: string; to: string }): Promise<UsageFigure[]> {
  const figures: UsageFigure[] = [];
  for (let start = 0; start < offeringIds.length; start += batchSize) figures.push(...(await usageOf(usage, offeringIds.slice(start, start + batchSize), period)));
  return figures;
}

/** Each month's visits of the offerings, cut to the period, with the offering's latest verdict on the month. */
async function monthlyVisits(deps: FiguresDeps, offeringIds: readonly string[], schedules: Map<string, Schedule>, from: string, to: string) {
  const months = monthsBetween(from, to);
  const usage = cachedSchedules(deps, schedules);
  const [perMonth, reviews] = await Promise.all([
    Promise.all(months.map(async (month) => ({ month, figures: await usageIn(usage, offeringIds, { from: later(`${month}-01`, from), to: earlier(lastDayOf(month), to) }) }))),
    deps.figures.latestReviews(offeringIds, months[0]!, months.at(-1)!),
  ]);
  const latest = new Map(reviews.map((review) => [`${review.offeringId} ${review.month}`, review]));
  return perMonth.flatMap(({ month, figures }) =>
    figures.map((figure) => ({
      month,
      figure,
      review: figure.measure === 'visits' ? reviewStateOf(latest.get(`${figure.offeringId} ${month}`), figure.value) : null,
    })),
  );
}

/**
 * The one query for planning (issue 8, ADR 029): the use of these offerings in this period, every figure
 * with its provenance, and each month's confirmation or open dispute. An offering without figures is left
 * out rather than given a 0 without provenance.
 */
export async function figuresFor(deps: FiguresDeps, scope: { offeringIds: readonly string[] }, period: { from: string; to: string }): Promise<OfferingUse[]> {
  const schedules = await deps.figures.schedulesOf(scope.offeringIds);
  const [whole, months] = await Promise.all([
    usageIn(cachedSchedules(deps, schedules), scope.offeringIds, period),
    monthlyVisits(deps, scope.offeringIds, schedules, period.from, period.to),
  ]);
  return scope.offeringIds
    .map((offeringId) => {
      const figures = whole.filter((figure) => figure.offeringId === offeringId && hasProvenance(figure));
      const own = months.filter((item) => item.figure.offeringId === offeringId && item.review);
      return {
        offeringId,
        figures,
        months: own.map((item) => ({ month: item.month, visits: item.figure, review: item.review! })),
        openDisputes: own.filter((item) => item.review!.state === 'disputed').map((item) => item.month),
        confirmedThroughout: own.length > 0 && own.every((item) => item.review!.state === 'confirmed'),
      };
    })
    .filter((use) => use.figures.length > 0);
}

export type ReportRequest = {
  dimension: Dimension;
  /** Columns by month of the year, or the year as one column. */
  period: 'month' | 'year';
  year: number;
  /** The Copenhagen date today: the current year is reported up to it. */
  today: string;
};

export type FiguresReport = ReportRequest & { from: string; to: string; lastYearFrom: string; lastYearTo: string; tables: ReportTable[] };

/**
 * A report on the use of the given offerings (ADR 029): one table per measure, grouped by the dimension, by
 * month or for the year, with the same period a year earlier and the hours open.
 */
export async function getFiguresReport(deps: FiguresDeps, offerings: readonly OfferingFacts[], request: ReportRequest): Promise<FiguresReport> {
  const from = `${request.year}-01-01`;
  const to = earlier(`${request.year}-12-31`, request.today);
  const base = { ...request, from, to, lastYearFrom: yearEarlier(from), lastYearTo: yearEarlier(to) };
  if (to < from) return { ...base, tables: [] };
  const ids = offerings.map((offering) => offering.id);
  const schedules = await deps.figures.schedulesOf(ids);
  const usage = cachedSchedules(deps, schedules);
  const [whole, lastYear, monthly] = await Promise.all([
    usageIn(usage, ids, { from, to }),
    usageIn(usage, ids, { from: base.lastYearFrom, to: base.lastYearTo }),
    monthlyVisits(deps, ids, schedules, from, to),
  ]);
  const columns = request.period === 'month' ? monthsOf(request.year, to.slice(0, 7)) : [String(request.year)];
  const byColumn: PeriodFigure[] =
    request.period === 'month'
      ? monthly.map((item) => ({ column: item.month, figure: item.figure, review: item.review }))
      : [
          ...whole.map((figure) => ({ column: String(request.year), figure, review: null })),
          // The verdicts still count per month in a yearly report: a dispute stays on the figure. A month is no
          // column here, so its value is not added a second time.
          ...monthly.map((item) => ({ column: item.month, figure: item.figure, review: item.review })),
        ];
  const openMinutes = new Map(ids.map((id) => [id, openMinutesBetween(schedules.get(id) ?? emptySchedule, from, to)]));
  return { ...base, tables: buildReport({ dimension: request.dimension, columns, from, to, offerings, whole, byColumn, lastYear, openMinutes }) };
}

/** A public figure (ADR 029): only months the offering confirmed, and the months that are not. */
export type PublicUse = {
  slug: string;
  name: string;
  operator: string | null;
  district: string | null;
  confirmedVisits: number;
  confirmedMonths: string[];
  unconfirmedMonths: string[];
  disputedMonths: { month: string; since: Date }[];
  methods: string[];
  daysCounted: number;
  daysOpen: number;
  /** How many people registered the confirmed months' tallies; their names stay in the back office. */
  registeredByCount: number;
  lastRegisteredAt: Date | null;
  lastConfirmedAt: Date | null;
};

export type PublicFigures = { year: number; throughMonth: string | null; offerings: PublicUse[] };

/**
 * The public figures of a year (ADR 029): for each offering with visits, the sum of the months it confirmed
 * as they stand, and which months are not confirmed or are disputed. Only ended months are considered.
 */
export async function getPublicFigures(deps: FiguresDeps, request: { year: number; today: string }): Promise<PublicFigures> {
  const thisMonth = request.today.slice(0, 7);
  const throughMonth = monthsOf(request.year).filter((month) => month < thisMonth).at(-1) ?? null;
  if (!throughMonth) return { year: request.year, throughMonth: null, offerings: [] };
  const offerings = await deps.figures.offeringFacts();
  const ids = offerings.map((offering) => offering.id);
  const schedules = await deps.figures.schedulesOf(ids);
  const monthly = (await monthlyVisits(deps, ids, schedules, `${request.year}-01-01`, lastDayOf(throughMonth))).filter((item) => item.review && hasProvenance(item.figure));
  const result: PublicUse[] = [];
  for (const offering of offerings) {
    const own = monthly.filter((item) => item.figure.offeringId === offering.id);
    if (own.length === 0) continue;
    const confirmed = own.filter((item) => item.review!.state === 'confirmed');
    const people = new Set(confirmed.flatMap((item) => item.figure.registeredBy));
    result.push({
      slug: offering.slug,
      name: offering.name,
      operator: offering.operator?.name ?? null,
      district: offering.district?.name ?? null,
      confirmedVisits: confirmed.reduce((sum, item) => sum + item.figure.value, 0),
      confirmedMonths: confirmed.map((item) => item.month),
      unconfirmedMonths: own.filter((item) => item.review!.state !== 'confirmed').map((item) => item.month),
      disputedMonths: own.flatMap((item) => (item.review!.state === 'disputed' ? [{ month: item.month, since: item.review!.at }] : [])),
      methods: [...new Set(confirmed.map((item) => item.figure.method as string))],
      daysCounted: confirmed.reduce((sum, item) => sum + item.figure.coverage.daysCounted, 0),
      daysOpen: confirmed.reduce((sum, item) => sum + item.figure.coverage.daysOpen, 0),
      registeredByCount: people.size,
      lastRegisteredAt: confirmed.reduce<Date | null>((last, item) => (item.figure.lastRegisteredAt && (!last || item.figure.lastRegisteredAt > last) ? item.figure.lastRegisteredAt : last), null),
      lastConfirmedAt: confirmed.reduce<Date | null>((last, item) => {
        const review = item.review!;
        return review.state === 'confirmed' && (!last || review.at > last) ? review.at : last;
      }, null),
    });
  }
  return { year: request.year, throughMonth, offerings: result };
}
