import type { OfferingScope } from '../domain/access/policy.ts';
import {
  buildReport,
  type Dimension,
  hasProvenance,
  monthsOf,
  type OfferingFacts,
  factsBetween,
  openMinutesBetween,
  type PeriodFigure,
  type ReportTable,
  type ReviewState,
  reviewStateOf,
} from '../domain/counting/report.ts';
import { type MonthReview, monthSpan, type UsageFigure } from '../domain/counting/tally.ts';
import { emptySchedule, type Schedule } from '../domain/schedule/model.ts';
import { usageOfPeriods, type VisitCountStore } from './register-visits.ts';

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

type Period = { from: string; to: string };

/** Offerings summed at a time: the `in` list of one query. */
const batchSize = 1000;

/** `usageOfPeriods` for any number of offerings, in batches, with the schedules already read. */
async function usageByPeriods(deps: FiguresDeps, schedules: Map<string, Schedule>, offeringIds: readonly string[], periods: readonly Period[]): Promise<UsageFigure[][]> {
  const results = periods.map(() => [] as UsageFigure[]);
  if (periods.length === 0) return results;
  const scheduleOf = async (offeringId: string) => schedules.get(offeringId) ?? emptySchedule;
  for (let start = 0; start < offeringIds.length; start += batchSize) {
    const figures = await usageOfPeriods({ store: deps.counts, scheduleOf }, offeringIds.slice(start, start + batchSize), periods);
    for (const [index, figure] of figures.entries()) results[index]!.push(...figure);
  }
  return results;
}

/** The months a period touches, each cut to the period. */
const monthPeriods = (from: string, to: string) => monthsBetween(from, to).map((month) => ({ month, from: later(`${month}-01`, from), to: earlier(lastDayOf(month), to) }));

/** Each month's figures with the offering's latest verdict on the month (for visits, the figure the offerings confirm). */
async function withVerdicts(deps: FiguresDeps, offeringIds: readonly string[], months: readonly { month: string }[], figures: readonly UsageFigure[][]) {
  const reviews = months.length ? await deps.figures.latestReviews(offeringIds, months[0]!.month, months.at(-1)!.month) : [];
  const latest = new Map(reviews.map((review) => [`${review.offeringId} ${review.month}`, review]));
  return months.flatMap(({ month }, index) =>
    figures[index]!.map((figure) => ({
      month,
      figure,
      review: figure.measure === 'visits' ? reviewStateOf(latest.get(`${figure.offeringId} ${month}`), figure.value) : null,
    })),
  );
}

const byOffering = <T>(items: readonly T[], offeringOf: (item: T) => string) => {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(offeringOf(item));
    if (list) list.push(item);
    else map.set(offeringOf(item), [item]);
  }
  return map;
};

/**
 * The one query for planning (issue 8, ADR 029): the use of these offerings in this period, every figure
 * with its provenance, and each month's confirmation or open dispute. An offering without figures is left
 * out rather than given a 0 without provenance.
 */
export async function figuresFor(deps: FiguresDeps, scope: { offeringIds: readonly string[] }, period: Period): Promise<OfferingUse[]> {
  const schedules = await deps.figures.schedulesOf(scope.offeringIds);
  const months = monthPeriods(period.from, period.to);
  const [whole = [], ...perMonth] = await usageByPeriods(deps, schedules, scope.offeringIds, [period, ...months]);
  const wholeOf = byOffering(whole.filter(hasProvenance), (figure) => figure.offeringId);
  const monthsOf = byOffering(
    (await withVerdicts(deps, scope.offeringIds, months, perMonth)).filter((item) => item.review),
    (item) => item.figure.offeringId,
  );
  return scope.offeringIds.flatMap((offeringId) => {
    const figures = wholeOf.get(offeringId) ?? [];
    if (figures.length === 0) return [];
    const own = monthsOf.get(offeringId) ?? [];
    return [
      {
        offeringId,
        figures,
        months: own.map((item) => ({ month: item.month, visits: item.figure, review: item.review! })),
        openDisputes: own.filter((item) => item.review!.state === 'disputed').map((item) => item.month),
        confirmedThroughout: own.length > 0 && own.every((item) => item.review!.state === 'confirmed'),
      },
    ];
  });
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
  const months = monthPeriods(from, to);
  const [whole = [], lastYear = [], ...perMonth] = await usageByPeriods(deps, schedules, ids, [{ from, to }, { from: base.lastYearFrom, to: base.lastYearTo }, ...months]);
  const monthly = await withVerdicts(deps, ids, months, perMonth);
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
  const facts = factsBetween(from, to);
  const openMinutes = new Map(ids.map((id) => [id, openMinutesBetween(schedules.get(id) ?? emptySchedule, from, to, facts)]));
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
  const months = monthPeriods(`${request.year}-01-01`, lastDayOf(throughMonth));
  const monthly = byOffering(
    (await withVerdicts(deps, ids, months, await usageByPeriods(deps, schedules, ids, months))).filter((item) => item.review && hasProvenance(item.figure)),
    (item) => item.figure.offeringId,
  );
  const result: PublicUse[] = [];
  for (const offering of offerings) {
    const own = monthly.get(offering.id) ?? [];
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
