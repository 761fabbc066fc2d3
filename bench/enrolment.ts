/**
 * Joining a course under load: BENCH_PEOPLE (default 200) people send the sign-up form for one open course
 * with 20 places at the same moment, through the real app on 127.0.0.1 (embedded database in memory, or
 * PostgreSQL with BENCH_DATABASE_URL). Reports the latency of each sign-up and what the database holds
 * afterwards (places, waiting list, order, duplicates). The baseline, in the same run, is as many
 * simultaneous requests for the course page itself (GET), so the figures show what the course's lock costs.
 * The per-address limit on sign-ups is lifted for the run: every request comes from 127.0.0.1.
 *
 *   npm run bench:enrolment
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { adminDepsFor, publicDepsFor } from '../src/boot.ts';
import { createCourseStore } from '../src/db/course-store.ts';
import { type Database, migrate, openEmbeddedDatabase, openPostgresDatabase } from '../src/db/database.ts';
import { createRangeRepository } from '../src/db/range-repository.ts';
import { loadSeedFiles } from '../src/db/seed/seed-files.ts';
import { seedRange } from '../src/db/seed/seed-range.ts';
import { stableId } from '../src/domain/stable-id.ts';
import { addDays, copenhagenDate } from '../src/domain/time.ts';
import { createFixtureGeocoder } from '../src/geo/fixture-geocoder.ts';
import { RateLimiter } from '../src/security/rate-limit.ts';
import { randomTokens } from '../src/security/tokens.ts';
import { createApp } from '../src/wiring.ts';
import { machine, ms, summarize, table } from './support/measure.ts';

const people = Number(process.env.BENCH_PEOPLE ?? 200);
const places = 20;
const url = process.env.BENCH_DATABASE_URL;

console.log(`Course sign-up under load — ${machine()}, load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}`);
let database: Database;
let schema: string | null = null;
if (url) {
  schema = `bench_enrolment_${Date.now()}`;
  const admin = await openPostgresDatabase(url);
  await admin.execScript(`create extension if not exists pg_trgm; create extension if not exists unaccent; create schema ${schema}`);
  await admin.close();
  database = await openPostgresDatabase(`${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema},public`)}`);
} else {
  database = await openEmbeddedDatabase(undefined);
}
await migrate(database);
const today = copenhagenDate(new Date());
await seedRange(database.db, loadSeedFiles(), { today });
const courseId = crypto.randomUUID();
const slug = `bench-${courseId.slice(0, 8)}`;
await database.db
  .insertInto('course')
  .values({
    id: courseId,
    slug,
    title: 'Belastningsprøve',
    kind: 'open',
    track: 'life_skills',
    purpose: 'Målt i bench/enrolment.ts',
    target_group: 'Alle',
    offering_id: stableId('offering:nabo'),
    run_by: 'staff',
    capacity: places,
    how_to_join: 'Her',
    is_example: true,
  })
  .execute();
await database.db.insertInto('course_session').values({ id: crypto.randomUUID(), course_id: courseId, on_date: addDays(today, 7), starts_at: '10:00', ends_at: '12:00' }).execute();

const logger = pino({ level: 'silent' });
const now = () => new Date();
const publicDeps = publicDepsFor(database.db, { now });
const app = createApp({
  range: createRangeRepository(database.db),
  geocoder: createFixtureGeocoder(),
  logger,
  baseUrl: 'http://127.0.0.1',
  now,
  admin: adminDepsFor(database.db, { baseUrl: 'http://127.0.0.1', logger, logLinks: false, now }),
  ...publicDeps,
  courses: { ...publicDeps.courses, limiter: new RateLimiter(1_000_000, 60_000) },
});
const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const instance = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(instance));
});
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** Every request at once; each one's time from sending to the whole answer, with its status. */
async function burst(make: (index: number) => Promise<Response>): Promise<{ times: number[]; statuses: number[]; wallMs: number }> {
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: people }, async (_, index) => {
      const sent = performance.now();
      const response = await make(index);
      await response.arrayBuffer();
      return { time: performance.now() - sent, status: response.status };
    }),
  );
  return { times: results.map((item) => item.time), statuses: results.map((item) => item.status), wallMs: performance.now() - started };
}

const hardStop = setTimeout(() => {
  console.error('Stopped after 5 minutes.');
  process.exit(1);
}, 300_000);
try {
  const baseline = await burst(() => fetch(`${origin}/forloeb/${slug}`));
  const joins = await burst((index) =>
    fetch(`${origin}/forloeb/${slug}/tilmeld`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams({ navn: `Deltager ${index + 1}`, kontakt: '', noegle: randomTokens.create().token }).toString(),
    }),
  );
  const rows = await createCourseStore(database.db).participants(courseId);
  const enrolled = rows.filter((row) => row.state === 'enrolled');
  const waiting = rows.filter((row) => row.state === 'waitlisted');
  const inOrder = rows.every((row, index) => row.position === index + 1) && enrolled.every((row) => row.position <= places);
  const sample = (times: number[]) => summarize(times);
  console.log(
    table(
      ['figure', 'requests', 'median', 'p95', 'max', 'wall'],
      [
        ['baseline: GET the course page', people, ms(sample(baseline.times).median), ms(sample(baseline.times).p95), ms(Math.max(...baseline.times)), ms(baseline.wallMs)],
        ['POST the sign-up form (→ 303)', people, ms(sample(joins.times).median), ms(sample(joins.times).p95), ms(Math.max(...joins.times)), ms(joins.wallMs)],
      ],
    ),
  );
  const statuses = [...new Set(joins.statuses)].map((status) => `${joins.statuses.filter((item) => item === status).length} × ${status}`).join(', ');
  console.log(
    `\n${url ? 'PostgreSQL' : 'PGlite'}: ${people} simultaneous sign-ups on ${places} places → ${statuses}; ${enrolled.length} with a place, ` +
      `${waiting.length} on the waiting list, positions ${inOrder ? `1…${rows.length} without gaps, places to the first ${places}` : 'OUT OF ORDER'}, ` +
      `${new Set(rows.map((row) => row.displayName)).size} different names in ${rows.length} rows.`,
  );
  if (enrolled.length !== Math.min(places, people) || rows.length !== people || !inOrder) process.exitCode = 1;
} finally {
  clearTimeout(hardStop);
  server.close();
  await database.close();
  if (url && schema) {
    const cleanup = await openPostgresDatabase(url);
    await cleanup.execScript(`drop schema ${schema} cascade`);
    await cleanup.close();
  }
}
