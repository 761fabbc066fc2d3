import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { startSession } from '../src/app/staff-access.ts';
import { adminDepsFor } from '../src/boot.ts';
import { openOn } from '../src/domain/counting/tally.ts';
import type { Schedule } from '../src/domain/schedule/model.ts';
import { addDays, copenhagenDate } from '../src/domain/time.ts';
import { testNow } from './support/app.ts';
import { phone } from './support/axe.ts';
import { type BrowserHarness, isChromiumAvailable, skipWithoutChromium, startBrowserHarness, withPage } from './support/browser.ts';

/**
 * The visitor tally's offline queue (static/count.js, ADR 026) in Chromium on a phone: tallies typed
 * while offline wait on the device, are sent when the connection comes back, and a queue sent again
 * (its answers lost) counts nothing twice. Also the round trip of one tally on a slow mobile connection.
 */
describe('the visitor tally offline (Chromium)', () => {
  let harness: BrowserHarness;
  let cookie = '';
  let naboId = '';
  let openDays: string[] = [];
  let schedule: Schedule;

  before(async () => {
    if (!isChromiumAvailable()) return;
    harness = await startBrowserHarness();
    // The server's clock is the tests' fixed day; the days counted are the days before it.
    const deps = adminDepsFor(harness.database.db, { baseUrl: harness.origin, logger: pino({ level: 'silent' }), logLinks: false, now: () => testNow });
    naboId = (await harness.database.db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow()).id;
    const account = await deps.access.store.createAccount({ email: 'doer@kk.dk', name: 'Dorte Dør' });
    await deps.access.store.addGrant(account, { role: 'offering_staff', offeringId: naboId, organizationId: null });
    cookie = await startSession(deps.access, account);
    const today = copenhagenDate(testNow);
    schedule = (await deps.times.timesOf(naboId))!.schedule;
    openDays = Array.from({ length: 28 }, (_, index) => addDays(today, -1 - index)).filter((day) => openOn(schedule, day).open);
    assert.ok(openDays.length >= 6, 'Nabo is open on several days of the last four weeks');
  });
  after(async () => {
    await harness?.close();
  });

  const stored = async () => harness.database.db.selectFrom('visit_tally').select(['client_id', 'visits']).where('offering_id', '=', naboId).execute();

  it('keeps tallies typed offline on the device, sends them when back online, and never counts one twice', async (t) => {
    if (skipWithoutChromium(t)) return;
    const before = (await stored()).length;
    await withPage(harness, phone, async (page) => {
      await page.context().addCookies([{ name: 'tv_session', value: cookie, url: `${harness.origin}/admin` }]);
      await page.goto(`${harness.origin}/admin/tilbud/nabo/optaelling`);
      await page.context().setOffline(true);
      const days = openDays.slice(0, 5);
      for (const [index, day] of days.entries()) {
        await page.getByLabel('Dag').fill(day);
        await page.getByLabel('Antal besøg').fill(String(10 + index));
        await page.getByRole('button', { name: 'Gem optællingen' }).click();
      }
      await page.getByText('5 optællinger venter på forbindelse').waitFor();
      const key = await page.evaluate(() => Object.keys(localStorage).find((name) => name.startsWith('tilbudsvifte.optaelling.'))!);
      const queued = await page.evaluate((name) => JSON.parse(localStorage.getItem(name)!) as unknown[], key);
      assert.equal(queued.length, 5);
      assert.equal((await stored()).length, before, 'nothing reached the server while offline');

      const started = performance.now();
      await page.context().setOffline(false);
      await page.getByText('5 optællinger er gemt').waitFor();
      const syncMs = performance.now() - started;
      assert.equal((await stored()).length, before + 5);
      assert.equal(await page.evaluate((name) => localStorage.getItem(name), key), '[]');

      // The answers were lost (the phone died before it heard them): the same queue is sent again on the next visit.
      await page.evaluate(([name, items]) => localStorage.setItem(name, JSON.stringify(items)), [key, queued] as const);
      await page.reload();
      await page.getByText('5 optællinger er gemt').waitFor();
      const rows = await stored();
      assert.equal(rows.length, before + 5, 'the second send counted nothing');
      assert.equal(
        rows.filter((row) => (queued as { clientId: string }[]).some((item) => item.clientId === row.client_id)).reduce((sum, row) => sum + row.visits, 0),
        10 + 11 + 12 + 13 + 14,
      );
      console.log(`offline queue in Chromium: 5 tallies queued offline, 5 saved ${Math.round(syncMs)} ms after the connection came back, 5 resent and refused as duplicates`);
    });
  });

  it('saves one tally on a slow mobile connection (400 ms latency, 400 kbit/s) with the queue', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, phone, async (page) => {
      await page.context().addCookies([{ name: 'tv_session', value: cookie, url: `${harness.origin}/admin` }]);
      await page.goto(`${harness.origin}/admin/tilbud/nabo/optaelling`);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 });
      const times: number[] = [];
      for (const day of openDays.slice(5, 8)) {
        await page.getByLabel('Dag').fill(day);
        await page.getByLabel('Antal besøg').fill('8');
        const started = performance.now();
        await page.getByRole('button', { name: 'Gem optællingen' }).click();
        await page.getByText('1 optælling er gemt').waitFor();
        times.push(performance.now() - started);
        await page.evaluate(() => {
          document.getElementById('count-queue')!.textContent = '';
        });
      }
      console.log(`tally round trip at 400 ms latency and 400 kbit/s: ${times.map((ms) => Math.round(ms)).join(', ')} ms`);
      assert.ok(times.every((ms) => ms < 5000));
    });
  });

  it('keeps a period and its breakdowns in the queue, saves the good ones, and gives a refused one back to the form with every field as typed', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, phone, async (page) => {
      await page.context().addCookies([{ name: 'tv_session', value: cookie, url: `${harness.origin}/admin` }]);
      await page.goto(`${harness.origin}/admin/tilbud/nabo/optaelling/indstillinger`);
      await page.getByLabel('Hver åbningsperiode for sig').check();
      await page.getByLabel('Køn').check();
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.getByText('Indstillingerne er gemt').waitFor();
      await page.goto(`${harness.origin}/admin/tilbud/nabo/optaelling`);
      await page.context().setOffline(true);
      const [good, bad] = openDays.slice(8, 10) as [string, string];
      const periodOf = (day: string) => {
        const [first] = openOn(schedule, day).periods;
        return `${first!.opens}-${first!.closes}`;
      };
      const type = async (day: string, visits: string, women: string, men: string) => {
        await page.getByLabel('Dag').fill(day);
        await page.getByLabel('Åbningsperiode').selectOption(periodOf(day));
        await page.getByLabel('Antal besøg').fill(visits);
        await page.getByLabel('Kvinder').fill(women);
        await page.getByLabel('Mænd').fill(men);
        await page.getByRole('button', { name: 'Gem optællingen' }).click();
      };
      await type(good, '9', '4', '5');
      await type(bad, '6', '5', '4');
      await page.getByText('2 optællinger venter på forbindelse').waitFor();
      const key = await page.evaluate(() => Object.keys(localStorage).find((name) => name.startsWith('tilbudsvifte.optaelling.'))!);
      const queued = await page.evaluate((name) => JSON.parse(localStorage.getItem(name)!) as Record<string, string>[], key);
      assert.deepEqual(
        queued.map((item) => [item.unit, item.period, item.visits, item['b.gender.woman'], item['b.gender.man']]),
        [
          ['period', periodOf(good), '9', '4', '5'],
          ['period', periodOf(bad), '6', '5', '4'],
        ],
      );
      assert.ok(queued.every((item) => !('_csrf' in item)), 'the form token is not kept on the device');

      await page.context().setOffline(false);
      // The good tally is saved; the refused one comes back in the form, with the reason and every number as typed.
      await page.locator('.alert-error').waitFor();
      assert.match(await page.locator('.alert-error').innerText(), /Tallene for køn er tilsammen 9, men der var kun 6 besøg/);
      assert.equal(await page.getByLabel('Dag').inputValue(), bad);
      assert.equal(await page.getByLabel('Åbningsperiode').inputValue(), periodOf(bad));
      assert.equal(await page.getByLabel('Antal besøg').inputValue(), '6');
      assert.equal(await page.getByLabel('Kvinder').inputValue(), '5');
      assert.equal(await page.getByLabel('Mænd').inputValue(), '4');
      assert.equal(await page.evaluate((name) => localStorage.getItem(name), key), '[]');
      const rows = await harness.database.db
        .selectFrom('visit_tally')
        .select(['on_date', 'unit', 'period_opens', 'visits', 'breakdown'])
        .where('offering_id', '=', naboId)
        .where('on_date', 'in', [good, bad])
        .execute();
      assert.deepEqual(
        rows.map((row) => [row.on_date, row.unit, row.visits, typeof row.breakdown === 'string' ? JSON.parse(row.breakdown) : row.breakdown]),
        [[good, 'period', 9, { gender: { woman: 4, man: 5 } }]],
      );
      console.log('offline queue with periods and breakdowns: 2 tallies queued, 1 saved, 1 refused and given back to the form with all 5 fields as typed');
    });
  });
});
