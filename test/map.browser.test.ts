import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoViolations, desktop, phone } from './support/axe.ts';
import { type BrowserHarness, isChromiumAvailable, screenshotPath, skipWithoutChromium, startBrowserHarness, withPage } from './support/browser.ts';

const noScript = { ...desktop, javaScriptEnabled: false };
const noScriptPhone = { ...phone, javaScriptEnabled: false };

/**
 * Waits until the page has fetched everything, fonts included: leaving it while a font still loads aborts
 * that request, which the harness rightly counts as noise.
 */
const settle = (page: Page) => page.waitForLoadState('networkidle');

/** Presses Tab until a marker on the map has focus; returns its href and how many presses it took. */
async function tabToFirstMarker(page: Page, limit = 15) {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    if ((await focused.getAttribute('class')) === 'range-map-marker') return { href: await focused.getAttribute('href'), presses };
  }
  throw new Error(`No marker took focus in ${limit} presses of Tab.`);
}

describe('the map page in a browser: without JavaScript, and with it for axe', () => {
  let harness: BrowserHarness;
  before(async () => {
    if (isChromiumAvailable()) harness = await startBrowserHarness();
  });
  after(() => harness?.close());

  it('every marker is a named link in the map group, reachable with Tab, and Enter opens the place', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, noScript, async (page) => {
      const response = await page.goto(`${harness.origin}/kort`);
      assert.equal(response?.status(), 200);
      const map = page.getByRole('group', { name: /^Kort med \d+ steder$/ });
      const markers = map.getByRole('link');
      const count = await page.locator('a.range-map-marker').count();
      assert.ok(count > 10);
      assert.equal(await markers.count(), count, 'each marker is exposed as a link');
      assert.equal(await map.getByRole('link', { name: 'Kompasset', exact: true }).count(), 1, 'named by its <title>');

      const { href, presses } = await tabToFirstMarker(page);
      assert.ok(presses <= 6, `the first marker is near the top of the tab order (${presses} presses)`);
      assert.equal(href, await page.locator('a.range-map-marker').first().getAttribute('href'));
      const focusedBox = await page.locator(':focus').boundingBox();
      if (focusedBox) {
        const clip = { x: Math.max(0, focusedBox.x - 120), y: Math.max(0, focusedBox.y - 80), width: 280, height: 200 };
        await page.screenshot({ path: screenshotPath('map-marker-focused'), clip });
      }
      await page.keyboard.press('Tab');
      const second = await page.locator('a.range-map-marker').nth(1).getAttribute('href');
      const name = await page.locator('a.range-map-marker').nth(1).locator('title').textContent();
      assert.equal(await page.locator(':focus').getAttribute('href'), second, 'Tab goes on to the next marker');
      await settle(page);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${harness.origin}${second}`);
      assert.equal(await page.locator('h1').textContent(), name);
    });
  });

  it('clicking a marker opens the place’s page', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, noScript, async (page) => {
      await page.goto(`${harness.origin}/kort?naer=2300`);
      await settle(page);
      await page.getByRole('group', { name: /^Kort med/ }).getByRole('link', { name: 'Nabo', exact: true }).click();
      await page.waitForURL(/\/tilbud\/nabo$/);
      assert.equal(await page.locator('h1').textContent(), 'Nabo');
    });
  });

  it('"Spring kortet over" takes a keyboard past every marker to the list', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, noScript, async (page) => {
      await page.goto(`${harness.origin}/kort`);
      const skip = page.getByRole('link', { name: 'Spring kortet over' });
      await skip.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      assert.equal(await focused.getAttribute('class'), null, 'not a marker');
      assert.equal(await focused.getAttribute('href'), await page.locator('#stederne-paa-kortet + ol a').first().getAttribute('href'));
    });
  });

  it('the list and the map keep the search: "Tilbage til listen" returns to the same results', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, noScript, async (page) => {
      await page.goto(`${harness.origin}/kort?maalgruppe=unge`);
      const onMap = await page.locator('#stederne-paa-kortet + ol a, #ikke-paa-kortet + ul a').allTextContents();
      await settle(page);
      await page.getByRole('link', { name: 'Tilbage til listen' }).click();
      await page.waitForURL(/\/\?maalgruppe=unge$/);
      assert.equal(await page.getByLabel('Unge').isChecked(), true);
      const inList = await page.locator('.offering-list > li h3').allTextContents();
      assert.deepEqual([...onMap].sort(), [...inList].sort());
    });
  });

  it('on a 360 px phone the map fits the screen and scales with it: no sideways scrolling', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, noScriptPhone, async (page) => {
      await page.goto(`${harness.origin}/kort?naer=2300`);
      const scrollWidth = await page.locator('html').evaluate((html) => html.scrollWidth);
      assert.ok(scrollWidth <= 360, `no sideways scrolling (scrollWidth ${scrollWidth})`);
      const box = await page.locator('svg.range-map-svg').boundingBox();
      assert.ok(box && box.width <= 360 && box.width > 300, `the map is as wide as the column (${box?.width})`);
      assert.ok(Math.abs(box.height - (box.width * 450) / 600) < 2, 'the viewBox keeps its proportions');
      await page.screenshot({ path: screenshotPath('map-naer-phone'), fullPage: true });
      await page.locator('figure.range-map').screenshot({ path: screenshotPath('map-naer-phone-figure') });
    });
  });

  for (const path of ['/kort', '/kort?naer=2300']) {
    for (const [device, options] of [
      ['desktop', desktop],
      ['phone', phone],
    ] as const) {
      // axe needs JavaScript in the page, so it runs with it on.
      it(`${path} (${device}) has no axe violations`, async (t) => {
        if (skipWithoutChromium(t)) return;
        await withPage(harness, options, async (page) => {
          const response = await page.goto(`${harness.origin}${path}`);
          assert.equal(response?.status(), 200);
          assert.match((await page.locator('h1').textContent()) ?? '', /Kort over stederne/);
          await page.screenshot({ path: screenshotPath(`map-${path.includes('naer') ? 'naer' : 'all'}-${device}`), fullPage: true });
          await assertNoViolations(page);
        });
      });
    }
  }
});
