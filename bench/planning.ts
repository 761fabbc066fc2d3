/**
 * Planning scenarios (ADR 030): what a published scenario's page and a closing place's transition plan cost,
 * through the real app on 127.0.0.1 (embedded database in memory, the seeded 2016 model). The baseline, in the
 * same run, is the public page of a place no scenario closes (Nabo), which reads the published scenarios and
 * finds nothing; Amadeus is closed by the 2016 model, so its page also computes the scenario's range and plan.
 * Also the pure `scenarioRange` of the 2016 model, the seam coverage reads. Bounded: BENCH_RUNS requests
 * (default 60) per address, one at a time, and two minutes in all.
 *
 *   npm run bench:planning
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { readRangeOn } from '../src/app/plan-scenarios.ts';
import { adminDepsFor, publicDepsFor } from '../src/boot.ts';
import { migrate, openEmbeddedDatabase } from '../src/db/database.ts';
import { createRangeRepository } from '../src/db/range-repository.ts';
import { createScenarioStore } from '../src/db/scenario-store.ts';
import { loadSeedFiles } from '../src/db/seed/seed-files.ts';
import { seedRange } from '../src/db/seed/seed-range.ts';
import { modelScenarioId } from '../src/db/seed/seed-scenarios.ts';
import { scenarioRange } from '../src/domain/planning/scenario.ts';
import { copenhagenDate } from '../src/domain/time.ts';
import { createFixtureGeocoder } from '../src/geo/fixture-geocoder.ts';
import { createApp } from '../src/wiring.ts';
import { machine, ms, summarize, table } from './support/measure.ts';

const runs = Number(process.env.BENCH_RUNS ?? 60);
console.log(`Planning scenarios — ${machine()}, load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}`);
const database = await openEmbeddedDatabase(undefined);
await migrate(database);
await seedRange(database.db, loadSeedFiles(), { today: copenhagenDate(new Date()) });
const logger = pino({ level: 'silent' });
const now = () => new Date();
const range = createRangeRepository(database.db);
const app = createApp({
  range,
  geocoder: createFixtureGeocoder(),
  logger,
  baseUrl: 'http://127.0.0.1',
  now,
  admin: adminDepsFor(database.db, { baseUrl: 'http://127.0.0.1', logger, logLinks: false, now }),
  ...publicDepsFor(database.db, { now }),
});
const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const instance = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(instance));
});
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const hardStop = setTimeout(() => {
  console.error('Stopped after 2 minutes.');
  process.exit(1);
}, 120_000);

/** One request at a time; each one's time from sending to the whole answer. */
async function sequence(path: string): Promise<{ times: number[]; bytes: number; status: number }> {
  const times: number[] = [];
  let bytes = 0;
  let status = 0;
  for (let index = 0; index < runs + 3; index++) {
    const sent = performance.now();
    const response = await fetch(`${origin}${path}`, { headers: { 'accept-encoding': 'identity' } });
    bytes = (await response.arrayBuffer()).byteLength;
    status = response.status;
    // The first three warm the caches and are not counted.
    if (index >= 3) times.push(performance.now() - sent);
  }
  return { times, bytes, status };
}

try {
  const rows: (string | number)[][] = [];
  for (const [label, path] of [
    ['baseline: a place no scenario closes (/tilbud/nabo)', '/tilbud/nabo'],
    ['a place the 2016 model closes, with its plan (/tilbud/amadeus)', '/tilbud/amadeus'],
    ['the 2016 model against its start', `/planlaegning/${modelScenarioId}`],
    ['the 2016 model against today', `/planlaegning/${modelScenarioId}?sammenlign=idag`],
  ] as const) {
    const result = await sequence(path);
    const sample = summarize(result.times);
    rows.push([label, result.status, runs, ms(sample.median), ms(sample.p95), `${(result.bytes / 1024).toFixed(0)} KB`]);
  }
  console.log(table(['page', 'status', 'requests', 'median', 'p95', 'size'], rows));

  const scenario = (await createScenarioStore(database.db).get(modelScenarioId))!;
  const { places } = await readRangeOn(range, scenario.startsOn);
  const pure: number[] = [];
  for (let index = 0; index < 1000; index++) {
    const started = performance.now();
    scenarioRange(places, scenario.changes);
    pure.push(performance.now() - started);
  }
  const sample = summarize(pure);
  console.log(`\nscenarioRange of the 2016 model (${places.length} places, ${scenario.changes.length} changes), 1,000 runs: median ${ms(sample.median)}, p95 ${ms(sample.p95)}.`);
} finally {
  clearTimeout(hardStop);
  server.close();
  await database.close();
}
