import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoViolations, desktop, phone } from './support/axe.ts';
import { type BrowserHarness, isChromiumAvailable, screenshotPath, skipWithoutChromium, startBrowserHarness, withPage } from './support/browser.ts';

const noScript = { ...desktop, javaScriptEnabled: false };

/** The places the map page (/kort) marks for a search, by their links: what the inline map must show too. */
async function markersOnMapPage(page: Page, origin: string, query: string): Promise<string[]> {
  return (await mapPage(page, origin, query)).markers;
}

/** The map page's markers, and the places it lists as not on the map (no address or point). */
async function mapPage(page: Page, origin: string, query: string) {
  const html = await (await page.request.get(`${origin}/kort${query}`)).text();
  const unplacedList = /<h2 id="ikke-paa-kortet">[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return {
    markers: [...html.matchAll(/<a class="range-map-marker" href="([^"]+)"/g)].map((match) => match[1]!).sort(),
    unplaced: [...unplacedList.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1]!),
  };
}

const markersShown = async (page: Page) =>
  (await page.locator('#finder-map a.range-map-marker').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))).sort();

describe('the map on the front page, opened in place', () => {
  let harness: BrowserHarness;
  before(async () => {
    if (isChromiumAvailable()) harness = await startBrowserHarness();
  });
  after(() => harness?.close());

  it('"Se stederne på et kort" shows the map of the same results above the list, without leaving the page', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, desktop, async (page) => {
      await page.goto(`${harness.origin}/?naer=2300`, { waitUntil: 'networkidle' });
      const listed = await page.locator('.offering-list > li h3 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      await page.getByRole('link', { name: 'Se stederne på et kort' }).click();

      const map = page.getByRole('group', { name: /^Kort med \d+ steder$/ });
      await map.waitFor();
      assert.equal(new URL(page.url()).pathname, '/', 'still the front page');
      assert.equal(new URL(page.url()).search, '?naer=2300');
      const heading = page.getByRole('heading', { level: 3, name: 'Kort over stederne' });
      assert.equal(await heading.evaluate((element) => element === document.activeElement), true, 'focus moves to the map');

      const shown = await markersShown(page);
      const onMapPage = await mapPage(page, harness.origin, '?naer=2300');
      assert.deepEqual(shown, onMapPage.markers, 'the same places as the map page: every result of the search');
      assert.ok(shown.length > 10);
      // The list under it shows the first page of the same results: each of them is on the map, or has no point.
      for (const href of listed.map((link) => link.replace(/\?.*$/, ''))) {
        assert.ok(shown.includes(href) || onMapPage.unplaced.includes(href), `${href} from the list is on the map`);
      }
      assert.equal(await map.getByRole('link').count(), shown.length, 'each marker is a link');

      const approximate = page.locator('#finder-map .range-map-summary');
      assert.match((await approximate.textContent()) ?? '', /Alle placeringer er omtrentlige/);
      assert.equal(await approximate.isVisible(), true);
      assert.equal(await page.locator('#finder-map').getByText('Ring: omtrentlig placering').isVisible(), true);

      // The list is still there, and still the page's main content after the map.
      assert.equal(await page.locator('.offering-list > li').count(), listed.length);
      const mapBottom = (await page.locator('#finder-map').boundingBox())!;
      const listTop = (await page.locator('.offering-list').boundingBox())!;
      assert.ok(mapBottom.y + mapBottom.height <= listTop.y, 'the map is above the list');
      await page.screenshot({ path: screenshotPath('finder-map-open-desktop'), fullPage: true });
      await assertNoViolations(page);
    });
  });

  it('"Skjul kortet" hides it and gives focus back to the link; the link shows it again', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, desktop, async (page) => {
      await page.goto(`${harness.origin}/?maalgruppe=unge`, { waitUntil: 'networkidle' });
      const link = page.getByRole('link', { name: 'Se stederne på et kort' });
      await link.focus();
      await page.keyboard.press('Enter');
      const map = page.getByRole('group', { name: /^Kort med \d+ steder?$/ });
      await map.waitFor();
      await page.getByRole('button', { name: 'Skjul kortet' }).click();
      assert.equal(await map.isVisible(), false);
      assert.equal(await link.evaluate((element) => element === document.activeElement), true, 'focus is back on the link');
      await page.keyboard.press('Enter');
      await map.waitFor();
      assert.deepEqual(await markersShown(page), await markersOnMapPage(page, harness.origin, '?maalgruppe=unge'));
    });
  });

  it('an open map follows the search when a choice changes', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, desktop, async (page) => {
      await page.goto(`${harness.origin}/?naer=2300`, { waitUntil: 'networkidle' });
      await page.getByRole('link', { name: 'Se stederne på et kort' }).click();
      await page.getByRole('group', { name: /^Kort med/ }).waitFor();
      const before = await markersShown(page);
      await page.getByLabel('Unge').check();
      await page.waitForURL(/maalgruppe=unge/);
      const expected = await markersOnMapPage(page, harness.origin, '?naer=2300&maalgruppe=unge');
      await page.waitForFunction((count) => document.querySelectorAll('#finder-map a.range-map-marker').length === count, expected.length);
      assert.notDeepEqual(expected, before);
      assert.deepEqual(await markersShown(page), expected);
    });
  });

  it('"Spring kortet over" takes a keyboard past the markers to the list', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, desktop, async (page) => {
      await page.goto(`${harness.origin}/?naer=2300`, { waitUntil: 'networkidle' });
      await page.getByRole('link', { name: 'Se stederne på et kort' }).click();
      await page.getByRole('group', { name: /^Kort med/ }).waitFor();
      await page.getByRole('link', { name: 'Spring kortet over' }).focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
      assert.equal(focused, await page.locator('.offering-list > li h3 a').first().getAttribute('href'));
    });
  });

  it('on a phone, in English, the map fits the screen and has no axe violations', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, phone, async (page) => {
      await page.goto(`${harness.origin}/en?naer=2300`, { waitUntil: 'networkidle' });
      await page.getByRole('link', { name: 'See the places on a map' }).click();
      await page.getByRole('group', { name: /^Map with \d+ places$/ }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/en');
      assert.equal(await page.getByRole('heading', { level: 3, name: 'Map of the places' }).isVisible(), true);
      assert.equal(await page.getByRole('button', { name: 'Hide the map' }).isVisible(), true);
      assert.match((await page.locator('#finder-map .range-map-summary').textContent()) ?? '', /approximate/);
      assert.ok((await markersShown(page)).every((href) => href.startsWith('/en/tilbud/')));
      const scrollWidth = await page.locator('html').evaluate((html) => html.scrollWidth);
      assert.ok(scrollWidth <= 360, `no sideways scrolling (scrollWidth ${scrollWidth})`);
      await page.screenshot({ path: screenshotPath('finder-map-open-phone-en'), fullPage: true });
      await assertNoViolations(page);
    });
  });

  it('without JavaScript the link opens the map page', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, noScript, async (page) => {
      await page.goto(`${harness.origin}/?naer=2300`);
      await page.getByRole('link', { name: 'Se stederne på et kort' }).click();
      await page.waitForURL(/\/kort\?naer=2300$/);
      assert.match((await page.locator('h1').textContent()) ?? '', /Kort over stederne/);
    });
  });
});
