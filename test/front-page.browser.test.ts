import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page, Response } from 'playwright-core';
import { listOfferingsByCentre } from '../src/app/list-offerings-by-centre.ts';
import { createRangeRepository } from '../src/db/range-repository.ts';
import { copenhagenDate } from '../src/domain/time.ts';
import { testNow } from './support/app.ts';
import { type BrowserHarness, isChromiumAvailable, screenshotPath, skipWithoutChromium, startBrowserHarness, withPage } from './support/browser.ts';

const desktop = { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } };
const phone = { javaScriptEnabled: false, viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };

/** The list item of the offering with this exact name. */
function offeringItem(page: Page, name: string) {
  return page.locator('.offering-list > li').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
}

/** Whether the element's top reaches the page within a second; DKFDS slides the skip link in over 0.2 s. */
async function comesIntoView(locator: Locator): Promise<boolean> {
  for (let attempt = 0; attempt < 20; attempt++) {
    if (((await locator.boundingBox())?.y ?? -1) >= 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

describe('the front page in a browser without JavaScript', () => {
  let harness: BrowserHarness;
  before(async () => {
    if (isChromiumAvailable()) harness = await startBrowserHarness();
  });
  after(() => harness?.close());

  it('has one h1, Danish language and a skip link to the main landmark', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, desktop, async (page) => {
      const response = await page.goto(`${harness.origin}/`);
      assert.equal(response?.status(), 200);
      assert.equal(await page.locator('html').getAttribute('lang'), 'da');
      assert.equal(await page.locator('h1').count(), 1);
      assert.equal(await page.getByRole('main').count(), 1);

      const skipLink = page.locator('a.skipnav');
      assert.equal(await skipLink.textContent(), 'Gå til sidens indhold');
      assert.ok(((await skipLink.boundingBox())?.y ?? 0) < 0, 'the skip link waits above the page');
      await page.keyboard.press('Tab');
      assert.equal(await page.locator('a.skipnav:focus').count(), 1, 'the skip link is the first thing Tab reaches');
      assert.ok(await comesIntoView(skipLink), 'the skip link comes into view when it has focus');
      await page.keyboard.press('Enter');
      await page.waitForURL(/#main-content$/);
      assert.equal(await page.locator('main:target').count(), 1, 'the skip link lands on <main>');
    });
  });

  it('groups the range under one h2 per centre, then the closed offerings', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, desktop, async (page) => {
      await page.goto(`${harness.origin}/`);
      const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
      assert.deepEqual(headings, [
        'Center Amager',
        'Center City',
        'Center Nordvest',
        'Center Nørrebro',
        'Uden for centrene',
        'Lukkede tilbud',
      ]);

      const closed = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: 'Lukkede tilbud' }) });
      assert.equal(await offeringItem(page, 'Milepælen').count(), 1, 'Milepælen is listed once');
      assert.equal(await closed.locator(offeringItem(page, 'Milepælen')).count(), 1, 'Milepælen is listed under Lukkede tilbud');

      const amadeus = offeringItem(page, 'Amadeus');
      assert.equal(await closed.locator(amadeus).count(), 0, 'Amadeus is still open');
      assert.match(
        (await amadeus.textContent()) ?? '',
        /Lukker .* og lægges sammen med Nyt aktivitets- og samværstilbud i Sydhavnen/,
      );

      assert.match((await offeringItem(page, 'Nabo Satellit').textContent()) ?? '', /Ingen fast adresse/);
    });
  });

  it('shows "eksempeldata" on everything that is example data', async (t) => {
    if (skipWithoutChromium(t)) return;
    const range = await listOfferingsByCentre({ range: createRangeRepository(harness.database.db), date: copenhagenDate(testNow), now: testNow });
    const withExampleHours = [...range.centres.flatMap((group) => group.offerings), ...range.closed].filter((item) =>
      item.offering.schedule.rules.some((hours) => hours.isExample),
    );
    assert.ok(withExampleHours.length > 0, 'the seed has example opening hours');
    await withPage(harness, desktop, async (page) => {
      await page.goto(`${harness.origin}/`);
      const marked = page.locator('[data-example]');
      assert.equal(await marked.count(), withExampleHours.length);
      for (const element of await marked.all()) {
        const badge = element.locator('.badge', { hasText: 'eksempeldata' }).first();
        assert.ok(await badge.isVisible(), `visible "eksempeldata" in ${await element.textContent()}`);
      }
    });
  });

  it('announces the addresses as GeoJSON in the head', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, desktop, async (page) => {
      await page.goto(`${harness.origin}/`);
      const link = page.locator('head link[rel="alternate"][type="application/geo+json"]');
      assert.equal(await link.count(), 1);
      const href = await link.getAttribute('href');
      assert.ok(href);
      const response = await page.request.get(new URL(href, page.url()).href);
      assert.equal(response.status(), 200);
      const body = await response.json();
      assert.equal(body.type, 'FeatureCollection');
      assert.ok(Array.isArray(body.features) && body.features.length > 0);
    });
  });

  it('loads the DKFDS stylesheet and its IBM Plex Sans font, cut down to what the page needs', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, desktop, async (page) => {
      const responses: Response[] = [];
      page.on('response', (response) => responses.push(response));
      await page.goto(`${harness.origin}/`, { waitUntil: 'networkidle' });
      const stylesheet = responses.find((response) => /^\/static\/dkfds\/dkfds\.[0-9a-f]{10}\.css$/.test(new URL(response.url()).pathname));
      assert.equal(stylesheet?.status(), 200);
      const fonts = responses.filter((response) => /\/(IBMPlexSans|TilbudsvifteSans)-[A-Za-z]+\.[0-9a-f]{10}\.woff2$/.test(response.url()));
      assert.ok(fonts.length > 0, 'at least one IBM Plex Sans file is requested');
      // Chromium fetches a web font only when text is drawn with it, so a loaded file means it is in use.
      assert.ok(fonts.every((response) => response.status() === 200));
      assert.deepEqual(
        fonts.filter((response) => !response.url().includes('/static/dkfds/fonts/')).map((response) => response.url()),
        [],
        'every letter on the front page is in the cut-down fonts: the complete ones are not fetched',
      );
      assert.equal(await page.evaluate(() => document.fonts.check('16px "Tilbudsvifte Sans"', 'Københavns tilbud')), true);
      await page.screenshot({ path: screenshotPath('front-page-desktop'), fullPage: true });
    });
  });

  it('fits a 360 px wide phone without sideways scrolling', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, phone, async (page) => {
      await page.goto(`${harness.origin}/`, { waitUntil: 'networkidle' });
      const scrollWidth = await page.locator('html').evaluate((html) => html.scrollWidth);
      assert.ok(scrollWidth <= 360, `scrollWidth is ${scrollWidth}`);
      await page.screenshot({ path: screenshotPath('front-page-phone'), fullPage: true });
    });
  });
});
