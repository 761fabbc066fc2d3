/**
 * The visitor tally on a phone (ADR 026, ADR 028), in Chromium against the real app on 127.0.0.1 with the
 * seeded test database: the round trip of one tally (typed, queued on the device, sent, answered 'added',
 * shown as saved) on a throttled mobile connection (CDP Network.emulateNetworkConditions: 400 ms latency,
 * 400 kbit/s each way) next to the same tallies unthrottled in the same run (the baseline); the tally
 * page's own load on both; and the offline queue's figures: tallies typed offline, how long they take to
 * reach the server when the connection comes back, and the same queue sent again (its answers lost),
 * counted from the server's own answers: every resend must come back 'duplicate'. Bounded: BENCH_TALLIES
 * (default 10) round trips per condition and BENCH_QUEUE (default 20) queued tallies per condition, and
 * the whole run stops after 5 minutes.
 *
 *   npm run bench:tally
 */
import os from 'node:os';
import type { Page } from 'playwright-core';
import pino from 'pino';
import { startSession } from '../src/app/staff-access.ts';
import { adminDepsFor } from '../src/boot.ts';
import { openOn } from '../src/domain/counting/tally.ts';
import { addDays, copenhagenDate } from '../src/domain/time.ts';
import { testNow } from '../test/support/app.ts';
import { phone } from '../test/support/axe.ts';
import { isChromiumAvailable, startBrowserHarness } from '../test/support/browser.ts';
import { machine, ms, summarize, table } from './support/measure.ts';

const tallies = Math.min(50, Number(process.env.BENCH_TALLIES ?? 10));
const queueSize = Math.min(100, Number(process.env.BENCH_QUEUE ?? 20));
const throttle = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };

if (!isChromiumAvailable()) {
  console.log('Chromium mangler (apt-get install -y chromium): bench:tally springes over.');
  process.exit(0);
}
const guard = setTimeout(() => {
  console.error('bench:tally stopped after 5 minutes');
  process.exit(1);
}, 300_000);
guard.unref();

console.log(`Visitor tally round trip and offline queue — ${machine()}, load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}`);
const harness = await startBrowserHarness();
try {
  const db = harness.database.db;
  const deps = adminDepsFor(db, { baseUrl: harness.origin, logger: pino({ level: 'silent' }), logLinks: false, now: () => testNow });
  const naboId = (await db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow()).id;
  const account = await deps.access.store.createAccount({ email: 'bench@kk.dk', name: 'Bench Bænk' });
  await deps.access.store.addGrant(account, { role: 'offering_staff', offeringId: naboId, organizationId: null });
  const cookie = await startSession(deps.access, account);
  const schedule = (await deps.times.timesOf(naboId))!.schedule;
  const today = copenhagenDate(testNow);
  const openDays = Array.from({ length: 60 }, (_, index) => addDays(today, -1 - index)).filter((day) => openOn(schedule, day).open);
  const path = `${harness.origin}/admin/tilbud/nabo/optaelling`;
  const stored = async () => Number((await db.selectFrom('visit_tally').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  const results: { condition: string; load: number; roundTrips: number[]; queue: { queued: number; syncMs: number; added: number; resent: number; duplicates: number; other: number } }[] = [];
  for (const condition of ['unthrottled (baseline)', '400 ms latency, 400 kbit/s'] as const) {
    const context = await harness.browser.newContext(phone);
    await context.addCookies([{ name: 'tv_session', value: cookie, url: `${harness.origin}/admin` }]);
    const page = await context.newPage();
    const answers = { added: 0, duplicate: 0, other: 0 };
    page.on('response', async (response) => {
      if (response.request().method() !== 'POST' || !response.url().endsWith('/optaelling')) return;
      const body = (await response.json().catch(() => null)) as { outcome?: string } | null;
      if (body?.outcome === 'added' || body?.outcome === 'duplicate') answers[body.outcome]++;
      else answers.other++;
    });
    if (condition !== 'unthrottled (baseline)') {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', throttle);
    }
    const loadStarted = performance.now();
    await page.goto(path);
    const load = performance.now() - loadStarted;

    const roundTrips: number[] = [];
    for (let index = 0; index < tallies; index++) {
      await page.getByLabel('Dag').fill(openDays[index % openDays.length]!);
      await page.getByLabel('Antal besøg').fill('7');
      const started = performance.now();
      await page.getByRole('button', { name: 'Gem optællingen' }).click();
      await page.getByText('1 optælling er gemt').waitFor({ timeout: 30_000 });
      roundTrips.push(performance.now() - started);
      await clearStatus(page);
    }

    // Offline: the queue fills on the device; back online it is sent; then the same queue again.
    const before = await stored();
    await context.setOffline(true);
    for (let index = 0; index < queueSize; index++) {
      await page.getByLabel('Dag').fill(openDays[index % openDays.length]!);
      await page.getByLabel('Antal besøg').fill(String(index + 1));
      await page.getByRole('button', { name: 'Gem optællingen' }).click();
    }
    await page.getByText(`${queueSize} optællinger venter på forbindelse`).waitFor();
    const key = await page.evaluate(() => Object.keys(localStorage).find((name) => name.startsWith('tilbudsvifte.optaelling.'))!);
    const queued = await page.evaluate((name) => JSON.parse(localStorage.getItem(name)!) as unknown[], key);
    const addedBefore = answers.added;
    const syncStarted = performance.now();
    await context.setOffline(false);
    if (condition !== 'unthrottled (baseline)') {
      // setOffline(false) lifts the emulation of the network; the throttle is put back at once.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', throttle);
    }
    await page.getByText(`${queueSize} optællinger er gemt`).waitFor({ timeout: 120_000 });
    const syncMs = performance.now() - syncStarted;
    await settled(() => answers.added - addedBefore >= queueSize);
    const added = answers.added - addedBefore;
    const duplicatesBefore = answers.duplicate;
    await page.evaluate(([name, items]) => localStorage.setItem(name, JSON.stringify(items)), [key, queued] as const);
    await page.reload();
    await page.getByText(`${queueSize} optællinger er gemt`).waitFor({ timeout: 120_000 });
    await settled(() => answers.duplicate - duplicatesBefore >= queueSize);
    const duplicates = answers.duplicate - duplicatesBefore;
    if ((await stored()) !== before + queueSize) throw new Error(`the queue counted ${(await stored()) - before} tallies, not ${queueSize}`);
    results.push({ condition, load, roundTrips, queue: { queued: queued.length, syncMs, added, resent: queued.length, duplicates, other: answers.other } });
    await context.close();
  }

  console.log(`\nOne tally, typed to «gemt» on the screen (${tallies} per condition):`);
  console.log(
    table(
      ['condition', 'page load', 'median', 'p95', 'min', 'max'],
      results.map((result) => {
        const sample = summarize(result.roundTrips);
        return [result.condition, ms(result.load), ms(sample.median), ms(sample.p95), ms(sample.min), ms(sample.max)];
      }),
    ),
  );
  const [base, slow] = results as [(typeof results)[number], (typeof results)[number]];
  console.log(`throttled / baseline (median round trip): ${(summarize(slow.roundTrips).median / summarize(base.roundTrips).median).toFixed(1)}×`);
  console.log('\nThe offline queue (answers counted from the server’s own replies):');
  console.log(
    table(
      ['condition', 'queued offline', 'saved', 'sync after reconnect', 'per tally', 'resent', 'duplicates', 'other answers'],
      results.map((result) => [
        result.condition,
        result.queue.queued,
        result.queue.added,
        ms(result.queue.syncMs),
        ms(result.queue.syncMs / result.queue.queued),
        result.queue.resent,
        result.queue.duplicates,
        result.queue.other,
      ]),
    ),
  );
} finally {
  await harness.close();
}

/** The answers are read from the responses as they come; wait (at most 5 s) until the last one is read. */
async function settled(done: () => boolean) {
  const deadline = performance.now() + 5_000;
  while (!done() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function clearStatus(page: Page) {
  await page.evaluate(() => {
    document.getElementById('count-queue')!.textContent = '';
  });
}
