/**
 * The report on use for one city and one year at national scale (issue 7, ADR 029). The national range
 * (bench/support/national-range.ts) gets a year of daily visitor tallies for every offering in København
 * and tallies two days a week for one offering in ten elsewhere, written with SQL generate_series, and a
 * confirmation (now and then a dispute) for every city month. Then, in the same run:
 *
 *   - the city-year report as /admin/tal builds it (getFiguresReport: by district, by month, with last
 *     year, hours open, provenance, suppression), p50/p95 over BENCH_RUNS runs;
 *   - planning's query (figuresFor) for the city's offerings and the year;
 *   - the baseline: the raw aggregate SQL over the same tallies (sum, days counted, who, when per offering
 *     and month), which is the least any report must read;
 *   - one more report under the CPU profiler: where its time goes.
 *
 * Everything is written in one transaction that is rolled back, so the reused PGlite directory keeps the
 * range as it was. PGlite by default; PostgreSQL with BENCH_DATABASE_URL=postgres://… (a throwaway schema).
 *
 *   npm run bench:figures
 *
 * Settings: BENCH_RUNS (default 5), BENCH_BUDGET_MS (default 60000 per figure), BENCH_OFFERINGS (national
 * range size, default 20000).
 */
import os from 'node:os';
import { sql, type Kysely } from 'kysely';
import { figuresFor, getFiguresReport } from '../src/app/figures-report.ts';
import { createFiguresReportStore } from '../src/db/figures-report-store.ts';
import type { DB } from '../src/db/schema.ts';
import { createVisitCountStore } from '../src/db/visit-count-store.ts';
import { machine, measure, ms, table } from './support/measure.ts';
import { formatHotspots, hotspots } from './support/profile.ts';
import { openNational, prepareNationalDatabase } from './support/national-range.ts';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const budgetMs = Number(process.env.BENCH_BUDGET_MS ?? 60_000);
const city = 'København';
const year = 2026;
const from = `${year}-01-01`;
const to = `${year}-12-31`;

console.log(`Report on use, one city-year at national scale — ${machine()}, load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}`);
const prepared = await prepareNationalDatabase();
const national = await openNational(prepared.target);
const target = prepared.target.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';

class RolledBack extends Error {}

const firstPlace = sql`(select distinct on (sal.offering_id) sal.offering_id, l.municipality
  from service_at_location sal join location l on l.id = sal.location_id
  order by sal.offering_id, l.slug)`;

async function addTallies(trx: Kysely<DB>) {
  const started = performance.now();
  // Every day of the year for the city's offerings; 0–39 visits, so small counts occur and are suppressed.
  await sql`insert into visit_tally (id, client_id, offering_id, on_date, visits, registered_by_name, registered_at)
    select gen_random_uuid(), gen_random_uuid()::text, p.offering_id, d::date, abs(hashtext(p.offering_id::text || d::text)) % 40,
      'Eksempel Optæller', d + interval '16 hours'
    from ${firstPlace} p
    cross join generate_series(${from}::date, ${to}::date, interval '1 day') d
    where p.municipality = ${city}`.execute(trx);
  // Elsewhere one offering in ten counts, on Tuesdays and Thursdays.
  await sql`insert into visit_tally (id, client_id, offering_id, on_date, visits, registered_by_name, registered_at)
    select gen_random_uuid(), gen_random_uuid()::text, p.offering_id, d::date, abs(hashtext(p.offering_id::text || d::text)) % 30,
      'Eksempel Optæller', d + interval '16 hours'
    from ${firstPlace} p
    cross join generate_series(${from}::date, ${to}::date, interval '1 day') d
    where p.municipality <> ${city} and abs(hashtext(p.offering_id::text)) % 10 = 0 and extract(isodow from d) in (2, 4)`.execute(trx);
  // Every city month confirmed as it stands; one in fifty disputed.
  await sql`insert into visit_month_review (id, offering_id, month, verdict, visits_seen, comment, reviewed_by_name, reviewed_at)
    select gen_random_uuid(), t.offering_id, to_char(t.on_date, 'YYYY-MM'),
      case when abs(hashtext(t.offering_id::text || to_char(t.on_date, 'YYYY-MM'))) % 50 = 0 then 'disputed' else 'confirmed' end,
      sum(t.visits),
      case when abs(hashtext(t.offering_id::text || to_char(t.on_date, 'YYYY-MM'))) % 50 = 0 then 'Eksempel: vi har talt flere' end,
      'Eksempel Leder', now()
    from visit_tally t join ${firstPlace} p on p.offering_id = t.offering_id
    where p.municipality = ${city}
    group by t.offering_id, to_char(t.on_date, 'YYYY-MM')`.execute(trx);
  await sql`analyze visit_tally`.execute(trx);
  await sql`analyze visit_month_review`.execute(trx);
  return performance.now() - started;
}

try {
  await national.db.transaction().execute(async (trx) => {
    const writeMs = await addTallies(trx);
    const counts = await sql<{ tallies: string; reviews: string }>`select (select count(*) from visit_tally) as tallies, (select count(*) from visit_month_review) as reviews`.execute(trx);
    const deps = { counts: createVisitCountStore(trx), figures: createFiguresReportStore(trx) };
    const offerings = await deps.figures.offeringFacts({ municipality: city });
    const ids = offerings.map((offering) => offering.id);
    console.log(
      `${target}: ${prepared.counts.offerings ?? '?'} offerings nationally, ${offerings.length} in ${city}; ${Number(counts.rows[0]!.tallies).toLocaleString('en')} tallies and ${Number(counts.rows[0]!.reviews).toLocaleString('en')} month reviews written in ${ms(writeMs)}.`,
    );

    const request = { dimension: 'district' as const, period: 'month' as const, year, today: to };
    const firstStarted = performance.now();
    const first = await getFiguresReport(deps, offerings, request);
    const firstMs = performance.now() - firstStarted;
    const visits = first.tables.find((item) => item.measure === 'visits')!;
    const hidden = visits.rows.flatMap((row) => row.cells).filter((cell) => !('value' in cell)).length;
    console.log(
      `The report: ${visits.rows.length} districts × ${visits.columns.length} months, ${visits.grandTotal.toLocaleString('en')} visits, ${hidden} cells «under 5», ${visits.rows.reduce((sum, row) => sum + row.disputes.length, 0)} open disputes; the first run took ${ms(firstMs)}.`,
    );

    const raw = () =>
      sql`select offering_id, to_char(on_date, 'YYYY-MM') as month, sum(visits) as visits, count(distinct on_date) as days,
            array_agg(distinct registered_by_name) as registered_by, max(registered_at) as last_at
          from visit_tally where offering_id = any(${ids}) and on_date between ${from} and ${to}
          group by offering_id, to_char(on_date, 'YYYY-MM')`.execute(trx);
    const rawRows = (await raw()).rows.length;
    // The report has run once above; the raw SQL gets one warm-up of its own.
    const options = { runs, warmup: 0, budgetMs, minRuns: Math.min(3, runs) };
    await raw();
    const baseline = await measure(raw, options);
    const report = await measure(() => getFiguresReport(deps, offerings, request), options);
    const planning = await measure(() => figuresFor(deps, { offeringIds: ids }, { from, to }), options);
    console.log();
    console.log(
      table(
        ['figure', 'runs', 'p50', 'p95', '× baseline p50'],
        [
          [`raw aggregate SQL (${rawRows.toLocaleString('en')} offering-months)`, baseline.runs, ms(baseline.median), ms(baseline.p95), '1.0×'],
          ['city-year report (getFiguresReport, by district and month)', report.runs, ms(report.median), ms(report.p95), `${(report.median / baseline.median).toFixed(1)}×`],
          ["planning's query (figuresFor, the city's offerings, the year)", planning.runs, ms(planning.median), ms(planning.p95), `${(planning.median / baseline.median).toFixed(1)}×`],
        ],
      ),
    );
    // Where the report's time goes: one more run under the CPU profiler, summed by function and by origin.
    const profile = await hotspots(() => getFiguresReport(deps, offerings, request), 10);
    console.log(`\nOne report under the profiler (${ms(profile.totalMs)}), by origin:\n${formatHotspots(profile.origins)}\nby function:\n${formatHotspots(profile.spots)}`);
    const planningProfile = await hotspots(() => figuresFor(deps, { offeringIds: ids }, { from, to }), 10);
    console.log(`\nPlanning's query under the profiler (${ms(planningProfile.totalMs)}), by origin:\n${formatHotspots(planningProfile.origins)}\nby function:\n${formatHotspots(planningProfile.spots)}`);
    throw new RolledBack();
  });
} catch (error) {
  if (!(error instanceof RolledBack)) throw error;
} finally {
  await national.close();
  await prepared.dispose();
}
