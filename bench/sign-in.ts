/**
 * The sign-in rate limit under a guessing attack: one address sends BENCH_REQUESTS (default 1,000) wrong
 * passwords for one account as fast as it can, through the real app on 127.0.0.1 (embedded database in
 * memory). Reports how many attempts reached the password check (argon2id) and how many were turned
 * away with 429, with latencies for each. The baseline, in the same run, is the sign-in page itself (GET),
 * so the figures show what a refused attempt costs next to serving a page.
 *
 *   npm run bench:sign-in
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import pino from 'pino';
import { createAdministrator, setPasswordWithLink } from '../src/app/staff-access.ts';
import { adminDepsFor, publicDepsFor } from '../src/boot.ts';
import { migrate, openEmbeddedDatabase } from '../src/db/database.ts';
import { createRangeRepository } from '../src/db/range-repository.ts';
import { createFixtureGeocoder } from '../src/geo/fixture-geocoder.ts';
import { createApp } from '../src/wiring.ts';
import { machine, ms, summarize, table } from './support/measure.ts';

const requests = Number(process.env.BENCH_REQUESTS ?? 1000);
const connections = 4;

console.log(`Sign-in rate limit — ${machine()}, load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}`);
const database = await openEmbeddedDatabase(undefined);
await migrate(database);
const logger = pino({ level: 'silent' });
const admin = adminDepsFor(database.db, { baseUrl: 'http://127.0.0.1', logger, logLinks: false, now: () => new Date() });
const created = await createAdministrator(admin.access, { email: 'anna@kk.dk', name: 'Anna Admin' });
if (created.status !== 'created') throw new Error('the account exists already');
await setPasswordWithLink(admin.access, created.token, 'heste spiser gulerødder', 'heste spiser gulerødder');
const app = createApp({
  range: createRangeRepository(database.db),
  geocoder: createFixtureGeocoder(),
  logger,
  baseUrl: 'http://127.0.0.1',
  now: () => new Date(),
  admin,
  ...publicDepsFor(database.db, { now: () => new Date() }),
});
const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const instance = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(instance));
});
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

type Run = { byStatus: Map<number, number[]>; wallMs: number };
function run(options: { path: string; method?: 'GET' | 'POST'; body?: string; headers?: Record<string, string> }): Promise<Run> {
  const byStatus = new Map<number, number[]>();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url: `${origin}${options.path}`, connections, amount: requests, timeout: 30, ...options }, (error) => {
      clearTimeout(hardStop);
      if (error) reject(error);
      else resolve({ byStatus, wallMs: performance.now() - started });
    });
    instance.on('response', (_client, status, _bytes, time) => {
      const list = byStatus.get(status) ?? [];
      list.push(time);
      byStatus.set(status, list);
    });
    const hardStop = setTimeout(() => instance.stop(), 120_000);
  });
}

try {
  const page = await fetch(`${origin}/admin/log-ind`);
  const formToken = (await page.text()).match(/name="_form" value="([^"]+)"/)![1]!;
  const cookie = page.headers.getSetCookie().map((item) => item.split(';')[0]).join('; ');
  const baseline = await run({ path: '/admin/log-ind' });
  const guessing = await run({
    path: '/admin/log-ind',
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _form: formToken, email: 'anna@kk.dk', password: 'et forkert gæt her', tilbage: '/admin' }).toString(),
  });
  const rows = [
    ...[...baseline.byStatus].map(([status, times]) => ({ label: `baseline: GET /admin/log-ind (${status})`, times })),
    ...[...guessing.byStatus].map(([status, times]) => ({
      label: `guessing: POST wrong password → ${status}${status === 401 ? ' (argon2id checked)' : status === 429 ? ' (turned away)' : ''}`,
      times,
    })),
  ];
  console.log(
    table(
      ['figure', 'requests', 'median', 'p95'],
      rows.map(({ label, times }) => {
        const sample = summarize(times);
        return [label, times.length, ms(sample.median), ms(sample.p95)];
      }),
    ),
  );
  const checked = guessing.byStatus.get(401)?.length ?? 0;
  const refused = guessing.byStatus.get(429)?.length ?? 0;
  console.log(
    `\n${requests} guesses in ${Math.round(guessing.wallMs)} ms from one address: ${checked} reached the password check, ${refused} were refused with 429 ` +
      `(limit: 5 per address and email, 30 per address, per 15 minutes). The baseline served ${requests} pages in ${Math.round(baseline.wallMs)} ms.`,
  );
  const failed = await admin.audit.search({ action: 'session.sign_in_failed', limit: 1, offset: 0 });
  console.log(`Failed sign-ins in the audit log: ${failed.total} (refused attempts are not logged one by one).`);
} finally {
  server.close();
  await database.close();
}
