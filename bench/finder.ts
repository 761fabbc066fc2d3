/**
 * The finder at national scale (bench/support/national-range.ts): the real app (src/main.ts with SEED=false,
 * so no Copenhagen data is added) on 127.0.0.1 and a random port, hit with autocannon for representative
 * queries on `/`. The server is preloaded with bench/support/server-tap.ts, which records the SQL it sends
 * to its driver during one request of each query and profiles its CPU. After the server has stopped, that
 * exact SQL is replayed in this process straight to the driver: the baseline, measured in the same run.
 * Target: HTTP p95 ≤ 1.5 × the raw SQL (p95 of the replays).
 *
 * The request that is recorded is a warm one, as the requests measured are: the first request of the run
 * fills what the finder keeps between requests (the range's state on the date, ADR 021) and is reported
 * apart as the cost of the first search after a change to the data.
 *
 *   npm run bench:finder
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:finder
 *
 * Bounded per query: when the recorded request takes less than half of BENCH_BUDGET_MS (default 90 s),
 * autocannon sends up to 1,000 more, as many as the budget allows at that pace, and is stopped at 1.5 × the
 * budget whatever happens; otherwise that one request is the sample (a figure needs one answer, however
 * long). The SQL is replayed up to BENCH_REPLAYS times (default 300) within the budget, at least once. So
 * the whole run takes at most about 6 × 2.5 × the budget, and since ADR 021 about ten minutes.
 * BENCH_CONNECTIONS (default 1: latency without queueing on PGlite's single connection);
 * BENCH_QUERIES=1,3 picks queries.
 */
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import autocannon from 'autocannon';
import { finderParams } from '../src/http/finder-query.ts';
import { startServer } from './support/app-server.ts';
import { kb, machine, ms, type Sample, summarize, table } from './support/measure.ts';
import { openNational, prepareNationalDatabase } from './support/national-range.ts';
import { formatHotspots } from './support/profile.ts';
import type { TappedStatement, TapReply } from './support/server-tap.ts';

const budgetMs = Number(process.env.BENCH_BUDGET_MS ?? 90_000);
const maxReplays = Number(process.env.BENCH_REPLAYS ?? 300);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 1);
const maxRequests = 1000;

type Query = { label: string; path: string };
const allQueries: Query[] = [
  { label: 'text + profile', path: `/?q=${encodeURIComponent('fællesspisning')}&profil=socialt` },
  { label: 'folded text + near 2300', path: '/?q=vaerested&naer=2300' },
  { label: 'target group + interest', path: '/?maalgruppe=unge&interesse=kreativt' },
  { label: 'text + district', path: '/?q=musik&bydel=norrebro' },
  { label: 'typo + staffing', path: '/?q=strikkeklup&bemanding=brugerstyret' },
];
// The "open now" filter, when the finder has one, is measured too (it reads the server's clock).
const openParam = (finderParams as Record<string, string>).open;
if (openParam) allQueries.push({ label: 'open now', path: `/?${openParam}=nu` });
// "Open now" finds what the clock finds: on a Sunday evening almost nothing. The same machinery at an hour when
// places are open: "open at" next Tuesday 10:00 in Copenhagen (a weekday that is never today, never a Danish holiday
// in the generated range's weeks), with the day written as the form writes it.
if (openParam) {
  const day = nextTuesday(new Date());
  allQueries.push({ label: 'open at a weekday 10:00', path: `/?${openParam}=tidspunkt&dag=${day}&kl=10:00` });
}
/** The Tuesday after today in Copenhagen, as dd-mm-yyyy. */
function nextTuesday(from: Date): string {
  const weekday = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Copenhagen', weekday: 'short' }).format(from);
  const index = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(weekday);
  const ahead = ((2 - index + 7) % 7) + (index === 2 ? 7 : 0);
  const day = new Date(from.getTime() + ahead * 86_400_000);
  const [d, m, y] = new Intl.DateTimeFormat('da', { timeZone: 'Europe/Copenhagen', day: '2-digit', month: '2-digit', year: 'numeric' })
    .formatToParts(day)
    .filter((part) => part.type !== 'literal')
    .map((part) => part.value);
  return `${d}-${m}-${y}`;
}
const picked = process.env.BENCH_QUERIES?.split(',').map((item) => Number(item) - 1);
const queries = picked ? allQueries.filter((_, index) => picked.includes(index)) : allQueries;

console.log(`Finder at national scale — ${machine()}, load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}`);
if (!openParam) console.log(`No "open now" filter in src/http/finder-query.ts (${Object.values(finderParams).join(', ')}): not measured.`);
const prepared = await prepareNationalDatabase();

type RawStatement = { sql: string; ms: number; rows: number; executionMs?: number; plan?: string[] };
type Measured = {
  query: Query;
  cold: { ms: number };
  first: { ms: number; bytes: number; results: number | null; tap: TapReply };
  http: { sample: Sample; requests: number; errors: number; wallMs: number; limitedBy: string };
  raw?: Sample;
  rawStatements?: RawStatement[];
};

const shortSql = (text: string) =>
  text
    .replace(/\(\$\d+(, \$\d+){20,}\)/g, (list) => `($1 … $${list.split(',').length})`)
    .replace(/\s+/g, ' ')
    .slice(0, 120);
const sumMs = (statements: { ms: number }[]) => statements.reduce((total, item) => total + item.ms, 0);

function ask(child: ChildProcess, command: 'start' | 'stop'): Promise<unknown> {
  return new Promise((resolve) => {
    child.once('message', resolve);
    child.send({ command });
  });
}

/** One GET with node:http: fetch (undici) gives up on a response whose headers take over 300 s. */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

function cannon(url: string, amount: number, timeoutSeconds: number) {
  return new Promise<{ latencies: number[]; errors: number; wallMs: number; stopped: boolean }>((resolve, reject) => {
    const latencies: number[] = [];
    let errors = 0;
    let stopped = false;
    const started = performance.now();
    const instance = autocannon({ url, connections, amount, timeout: timeoutSeconds }, (error) => {
      clearTimeout(hardStop);
      if (error) reject(error);
      else resolve({ latencies, errors, wallMs: performance.now() - started, stopped });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
      else errors++;
    });
    instance.on('reqError', () => {
      errors++;
    });
    // A hard bound in case the estimate from the warm-up was too hopeful.
    const hardStop = setTimeout(() => {
      stopped = true;
      instance.stop();
    }, budgetMs * 1.5);
  });
}

// 1. Over HTTP, the real server started the way `npm start` starts it.
const target = prepared.target;
const server = await startServer(
  {
    SEED: 'false',
    GEOCODER: 'fixture',
    ...(target.kind === 'postgres' ? { DATABASE_URL: target.url } : { DATA_DIR: target.dataDir, DATABASE_URL: '' }),
  },
  { preload: './bench/support/server-tap.ts', ipc: true },
);
const measured: Measured[] = [];
try {
  for (const [index, query] of queries.entries()) {
    const url = `${server.origin}${query.path}`;
    // The first request of all fills what the finder keeps between requests; every query's first request warms its own plans.
    const coldStarted = performance.now();
    const warmUp = await get(url);
    const cold = { ms: performance.now() - coldStarted };
    if (warmUp.status !== 200) throw new Error(`${query.path} answered ${warmUp.status}`);
    if (index === 0) console.log(`\nThe first request after the server started (the range's state on the date read and kept): ${ms(cold.ms)}`);
    // The recorded request: SQL recorded and CPU profiled in the server. It also tells how many fit in the budget.
    await ask(server.child, 'start');
    const firstStarted = performance.now();
    const response = await get(url);
    const body = response.body;
    const firstMs = performance.now() - firstStarted;
    const tap = (await ask(server.child, 'stop')) as TapReply;
    if (response.status !== 200) throw new Error(`${query.path} answered ${response.status}`);
    const count = /(\d+) steder passer|(1) sted passer|Ingen steder passer/.exec(body);
    const first = { ms: firstMs, bytes: Buffer.byteLength(body), results: count ? Number(count[1] ?? count[2] ?? 0) : null, tap };
    console.log(
      `\n[${query.label}] ${query.path}\n  warm-up ${ms(cold.ms)}; recorded request: ${ms(firstMs)}, ${first.results ?? '?'} results, ${kb(first.bytes)} HTML; ` +
        `${tap.statements.length} SQL statements taking ${ms(sumMs(tap.statements))} in the server`,
    );

    let run: { latencies: number[]; errors: number; wallMs: number };
    let limitedBy: string;
    if (firstMs > budgetMs / 2) {
      run = { latencies: [firstMs], errors: 0, wallMs: firstMs };
      limitedBy = `time: one request took ${ms(firstMs)}`;
    } else {
      // As many as 1.5 × the budget holds at the recorded request's pace; the hard stop is there too.
      const amount = Math.max(connections, Math.min(maxRequests, Math.floor(((budgetMs * 1.5) / firstMs) * connections)));
      const fired = await cannon(url, amount, Math.max(30, Math.ceil((firstMs * 4) / 1000)));
      // Requests cut off by the hard bound are still running in the server: let them finish.
      if (fired.stopped) await new Promise((resolve) => setTimeout(resolve, Math.max(...fired.latencies, firstMs)));
      run = fired;
      limitedBy = amount === maxRequests ? `${maxRequests} requests` : `time: the recorded request took ${ms(firstMs)}`;
    }
    const http = { sample: summarize(run.latencies), requests: run.latencies.length, errors: run.errors, wallMs: run.wallMs, limitedBy };
    measured.push({ query, cold, first, http });
    console.log(
      `  HTTP: ${http.requests} requests in ${ms(run.wallMs)}, p50 ${ms(http.sample.median)}, p95 ${ms(http.sample.p95)}` +
        `${run.errors ? `, ${run.errors} errors` : ''} (limited by ${limitedBy})`,
    );
  }
} finally {
  await server.stop();
}

// 2. The baseline: the same SQL, one statement after the other, straight to the driver in this process.
const national = await openNational(target);
try {
  const real = await national.db.selectFrom('offering').select((eb) => eb.fn.countAll<number>().as('count')).where('is_example', '=', false).executeTakeFirst();
  const seeded = await national.db.selectFrom('seed_state').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirst();
  console.log(`\nAfter the server: ${Number(real?.count)} offerings not marked is_example, ${Number(seeded?.count)} seed_state rows (0 and 0: SEED=false seeded nothing).`);
  for (const item of measured) {
    const statements: TappedStatement[] = item.first.tap.statements;
    const rawStatements: RawStatement[] = statements.map((statement) => ({ sql: statement.sql, ms: 0, rows: 0 }));
    const times: number[] = [];
    const started = performance.now();
    while (times.length === 0 || (performance.now() - started < budgetMs && times.length < maxReplays)) {
      const begin = performance.now();
      for (const [index, statement] of statements.entries()) {
        const one = performance.now();
        const result = await national.raw(statement.sql, statement.parameters);
        if (times.length === 0) {
          rawStatements[index]!.ms = performance.now() - one;
          rawStatements[index]!.rows = result.rows.length;
        }
      }
      times.push(performance.now() - begin);
    }
    // EXPLAIN ANALYZE runs a statement without sending its rows to JavaScript: the database's own share.
    for (const [index, statement] of [...rawStatements.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 4)) {
      const plan = await national.raw(`explain (analyze, costs off) ${statement.sql}`, statements[index]!.parameters);
      const lines = plan.rows.map((row) => String(Object.values(row as Record<string, unknown>)[0]));
      statement.executionMs = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? Number.NaN);
      statement.plan = lines
        .filter((line) => /^\s*(->\s*)?(Seq Scan|Index|Bitmap|Hash|Nested|Sort|Aggregate|Merge|Limit)/.test(line))
        .slice(0, 2)
        .map((line) => line.trim().replace(/'\{[^}]{60,}\}'/g, "'{…}'").replace(/ \(actual[^)]*\)/, '').slice(0, 110));
    }
    item.raw = summarize(times);
    item.rawStatements = rawStatements;
    console.log(`[${item.query.label}] raw SQL: median ${ms(item.raw.median)}, p95 ${ms(item.raw.p95)} over ${item.raw.runs} replays`);
  }
} finally {
  await national.close();
}

console.log(`\nFinder, ${prepared.counts.offerings} offerings, ${connections} connection(s); target: HTTP p95 ≤ 1.5 × raw SQL p95`);
console.log(
  table(
    ['query', 'results', 'HTML', 'warm-up', 'raw SQL p50', 'raw SQL p95', 'replays', 'SQL in server Σ', 'HTTP p50', 'HTTP p95', 'requests', 'HTTP/SQL', 'met'],
    measured.map((item) => {
      const ratio = item.http.sample.p95 / item.raw!.p95;
      return [
        item.query.path,
        item.first.results ?? '?',
        kb(item.first.bytes),
        ms(item.cold.ms),
        ms(item.raw!.median),
        ms(item.raw!.p95),
        item.raw!.runs,
        ms(sumMs(item.first.tap.statements)),
        ms(item.http.sample.median),
        ms(item.http.sample.p95),
        `${item.http.requests}${item.http.errors ? ` (+${item.http.errors} errors)` : ''}`,
        `${ratio.toFixed(2)}×`,
        ratio <= 1.5 ? 'yes' : 'no',
      ];
    }),
  ),
);
console.log(
  '"SQL in server Σ" sums the driver time of each statement in the recorded request; on PostgreSQL the pool runs them side by side, so it can exceed the wall time.',
);
const slow = measured.filter((item) => item.http.requests < maxRequests);
for (const item of slow) {
  console.log(
    `${item.query.path}: ${item.http.requests} request(s), limited by ${item.http.limitedBy}; ${maxRequests} requests would take ` +
      `${Math.round((item.http.sample.median * maxRequests) / connections / 60_000)} minutes.`,
  );
}

console.log('\nWhere the time goes: the recorded request of each query, CPU profile in the server by origin, then the slowest SQL');
for (const item of measured) {
  const { tap } = item.first;
  console.log(`\n${item.query.path}  — ${ms(item.first.ms)} over HTTP, ${tap.statements.length} statements`);
  console.log(formatHotspots(tap.profile.origins, '    '));
  console.log('  slowest functions (self time):');
  console.log(formatHotspots(tap.profile.spots.slice(0, 5), '    '));
  console.log('  slowest statements: through the driver | inside the database (EXPLAIN ANALYZE) | rows');
  for (const statement of [...item.rawStatements!].sort((a, b) => b.ms - a.ms).slice(0, 4)) {
    console.log(
      `    ${ms(statement.ms).padStart(9)} | ${ms(statement.executionMs ?? Number.NaN).padStart(9)} | ${String(statement.rows).padStart(6)}  ${shortSql(statement.sql)}`,
    );
    for (const line of statement.plan ?? []) console.log(`${' '.repeat(38)}${line}`);
  }
}
console.log(`\nLoad average at the end: ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}`);
await prepared.dispose();
