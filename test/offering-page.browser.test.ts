import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type BrowserHarness, isChromiumAvailable, screenshotPath, skipWithoutChromium, startBrowserHarness, withPage } from './support/browser.ts';

const desktop = { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } };
const phone = { javaScriptEnabled: false, viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };

const pages = [
  { slug: 'nabo', name: 'Nabo' },
  { slug: 'amadeus', name: 'Amadeus' },
  { slug: 'milepaelen', name: 'Milepælen' },
  { slug: 'nabo-satellit', name: 'Nabo Satellit' },
];

async function scrollWidth(page: Page): Promise<number> {
  return page.locator('html').evaluate((html) => html.scrollWidth);
}

describe('the page of one offering in a browser without JavaScript', () => {
  let harness: BrowserHarness;
  before(async () => {
    if (isChromiumAvailable()) harness = await startBrowserHarness();
  });
  after(() => harness?.close());

  it('has one h1 with the name, Danish language, a breadcrumb home and a skip link to the main landmark', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, desktop, async (page) => {
      const response = await page.goto(`${harness.origin}/tilbud/nabo`);
      assert.equal(response?.status(), 200);
      assert.equal(await page.locator('html').getAttribute('lang'), 'da');
      assert.equal(await page.title(), 'Nabo – Tilbudsvifte København');
      assert.deepEqual(await page.locator('h1').allTextContents(), ['Nabo']);
      assert.equal(await page.getByRole('main').count(), 1);
      const breadcrumb = page.getByRole('navigation', { name: 'Brødkrumme' });
      assert.equal(await breadcrumb.getByRole('link', { name: 'Alle tilbud' }).getAttribute('href'), '/');

      await page.keyboard.press('Tab');
      assert.equal(await page.locator('a.skipnav:focus').count(), 1, 'the skip link is the first thing Tab reaches');
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('main:target').count(), 1, 'the skip link lands on <main>');
    });
  });

  it('shows the sections in order, with "eksempeldata" visible on example hours and activities', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, desktop, async (page) => {
      await page.goto(`${harness.origin}/tilbud/nabo`);
      assert.deepEqual(await page.getByRole('heading', { level: 2 }).allTextContents(), [
        'Sådan er det at komme første gang',
        'Hvem møder dig',
        'Åbningstider denne uge eksempeldata',
        'Aktiviteter eksempeldata',
        'Forløb her eksempeldata',
        'Adresse og vej',
        'Adgang for dig med handicap',
        'Kontakt',
        'Hvem driver stedet',
        'Status og historik',
        'Er oplysningerne rigtige?',
      ]);
      const marked = page.locator('[data-example]');
      assert.equal(await marked.count(), 2);
      for (const element of await marked.all()) {
        assert.ok(await element.locator('.badge', { hasText: 'eksempeldata' }).first().isVisible());
      }
      const rows = page.locator('section[aria-labelledby="aabningstider"] tbody tr');
      assert.equal(await rows.count(), 7, 'Monday to Sunday');
      assert.equal(await page.locator('tr[aria-current="date"]').count(), 1, 'today is marked');
    });
  });

  it('leads from a closing place to where it goes, and from an id to the slug', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, desktop, async (page) => {
      await page.goto(`${harness.origin}/tilbud/amadeus`);
      const alternatives = page.locator('section[aria-labelledby="alternativer"]');
      const names = await alternatives.getByRole('heading', { level: 3 }).allTextContents();
      assert.equal(names[0], 'Nyt aktivitets- og samværstilbud i Sydhavnen (multihus)');
      assert.ok(names.length >= 2 && names.length <= 3);
      await page.getByRole('link', { name: 'Se steder, der passer til de samme' }).click();
      assert.equal(new URL(page.url()).hash, '#alternativer');
      await alternatives.getByRole('link', { name: names[1]! }).click();
      assert.equal(await page.locator('h1').textContent(), names[1]);

      await page.goto(`${harness.origin}/tilbud/amadeus`);
      const alternate = await page.locator('head link[rel="alternate"][type="application/json"]').getAttribute('href');
      const id = alternate?.match(/\/api\/hsds\/services\/([0-9a-f-]{36})$/)?.[1];
      assert.ok(id, `the open-data link names the id: ${alternate}`);
      assert.equal((await page.request.get(`${harness.origin}${alternate}`)).status(), 200);
      const response = await page.goto(`${harness.origin}/tilbud/${id}`);
      assert.equal(response?.status(), 200);
      assert.equal(new URL(page.url()).pathname, '/tilbud/amadeus');
    });
  });

  it('tells a visitor plainly when a place is not found, with a way home', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, phone, async (page) => {
      const response = await page.goto(`${harness.origin}/tilbud/findes-ikke`);
      assert.equal(response?.status(), 404);
      assert.equal(await page.locator('h1').count(), 1);
      assert.match((await page.getByRole('main').textContent()) ?? '', /Vi kan ikke finde det tilbud, du leder efter/);
      await page.getByRole('link', { name: 'Gå til forsiden' }).click();
      assert.equal(new URL(page.url()).pathname, '/');
    });
  });

  for (const { slug, name } of pages) {
    it(`${name} fits a 360 px wide phone without sideways scrolling`, async (t) => {
      if (skipWithoutChromium(t)) return;
      await withPage(harness, phone, async (page) => {
        await page.goto(`${harness.origin}/tilbud/${slug}`, { waitUntil: 'networkidle' });
        const width = await scrollWidth(page);
        assert.ok(width <= 360, `scrollWidth is ${width}`);
        for (const region of await page.locator('.table--responsive-scroll').all()) {
          const [scroll, client] = await region.evaluate((element) => [element.scrollWidth, element.clientWidth]);
          assert.ok(scroll! <= client!, `a table in ${name} scrolls sideways (${scroll} > ${client})`);
        }
        if (slug === 'nabo' || slug === 'amadeus') await page.screenshot({ path: screenshotPath(`offering-${slug}-phone`), fullPage: true });
      });
    });
  }

  for (const slug of ['nabo', 'amadeus']) {
    it(`takes a screenshot of ${slug} on a desktop`, async (t) => {
      if (skipWithoutChromium(t)) return;
      await withPage(harness, desktop, async (page) => {
        await page.goto(`${harness.origin}/tilbud/${slug}`, { waitUntil: 'networkidle' });
        assert.ok((await scrollWidth(page)) <= 1280);
        await page.screenshot({ path: screenshotPath(`offering-${slug}-desktop`), fullPage: true });
      });
    });
  }
});
