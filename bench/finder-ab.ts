/**
 * The finder's own work, this checkout against an earlier one, in one process on one database: each
 * version's runFinderRequest (a page of 20, as `/` asks for) on the same national range, alternating
 * request by request, so both share whatever load the machine has. The HTTP bench (bench/finder.ts)
 * compares a server with its own SQL, measured minutes apart; this compares two versions of the code.
 *
 *   git worktree add /tmp/finder-before <commit> && ln -s "$PWD/node_modules" /tmp/finder-before/node_modules
 *   BENCH_BEFORE=/tmp/finder-before TZ=UTC npm exec -- node --import tsx bench/finder-ab.ts
 *   (BENCH_DATABASE_URL=postgres://… for PostgreSQL, as bench/finder.ts)
 *
 * Bounded: BENCH_AB_ROUNDS (default 40) requests per version and query, at most BENCH_AB_BUDGET_MS
 * (default 60 s) per query. The earlier checkout must read the same schema (the migrations here apply).
 */
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRangeRepository } from '../src/db/range-repository.ts';
import { createFixtureGeocoder } from '../src/geo/fixture-geocoder.ts';
import { runFinderRequest } from '../src/http/finder-request.ts';
import { ms, summarize } from './support/measure.ts';
import { openNational, prepareNationalDatabase } from './support/national-range.ts';

const beforeDir = process.env.BENCH_BEFORE;
if (!beforeDir) throw new Error('BENCH_BEFORE: the directory of the earlier checkout to compare with.');
const rounds = Number(process.env.BENCH_AB_ROUNDS ?? 40);
const budgetMs = Number(process.env.BENCH_AB_BUDGET_MS ?? 60_000);
const load = () => os.loadavg().map((value) => value.toFixed(1)).join(' ');

const from = (file: string) => pathToFileURL(path.resolve(beforeDir, file)).href;
const before = {
  repository: (await import(from('src/db/range-repository.ts'))).createRangeRepository as typeof createRangeRepository,
  run: (await import(from('src/http/finder-request.ts'))).runFinderRequest as typeof runFinderRequest,
};

const prepared = await prepareNationalDatabase();
const national = await openNational(prepared.target);
const geocoder = createFixtureGeocoder();
const now = () => new Date();
const versions = {
  before: { run: before.run, deps: { range: before.repository(national.db), geocoder, now } },
  after: { run: runFinderRequest, deps: { range: createRangeRepository(national.db), geocoder, now } },
};
type Version = keyof typeof versions;
const queries: [string, Record<string, string[]>][] = [
  ['q=fællesspisning&profil=socialt', { q: ['fællesspisning'], profil: ['socialt'] }],
  ['q=vaerested&naer=2300', { q: ['vaerested'], naer: ['2300'] }],
  ['maalgruppe=unge&interesse=kreativt', { maalgruppe: ['unge'], interesse: ['kreativt'] }],
  ['q=musik&bydel=norrebro', { q: ['musik'], bydel: ['norrebro'] }],
  ['q=strikkeklup&bemanding=brugerstyret', { q: ['strikkeklup'], bemanding: ['brugerstyret'] }],
  ['aaben=nu', { aaben: ['nu'] }],
];

console.log(`Finder A/B, ${beforeDir} (before) against this checkout (after): ${new Date().toISOString()}, load average ${load()}`);
try {
  for (const [label, query] of queries) {
    const times: Record<Version, number[]> = { before: [], after: [] };
    const totals: Record<Version, number> = { before: 0, after: 0 };
    const ask = async (version: Version) => {
      const { run, deps } = versions[version];
      const started = performance.now();
      const result = await run(deps, query, 'da', { paged: true });
      totals[version] = result.search.total;
      return performance.now() - started;
    };
    // The first request of each fills what it keeps between requests (ADR 021, 027): not measured.
    await ask('before');
    await ask('after');
    const started = performance.now();
    for (let round = 0; round < rounds && performance.now() - started < budgetMs; round++) {
      for (const version of (round % 2 === 0 ? ['after', 'before'] : ['before', 'after']) as Version[]) times[version].push(await ask(version));
    }
    const [b, a] = [summarize(times.before), summarize(times.after)];
    console.log(
      `${label.padEnd(38)} results ${totals.before}/${totals.after}  before p50 ${ms(b.median)}, p95 ${ms(b.p95)}  ` +
        `after p50 ${ms(a.median)}, p95 ${ms(a.p95)}  (${a.runs} each)`,
    );
  }
} finally {
  await national.close();
  await prepared.dispose();
}
console.log(`Load average at the end: ${load()}`);
