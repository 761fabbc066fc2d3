import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type BrowserHarness, isChromiumAvailable, screenshotPath, skipWithoutChromium, startBrowserHarness, withPage } from './support/browser.ts';
import { decodeQr, modulesFromSvgPath } from './support/qr-decoder.ts';

const desktop = { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } };
const phone = { javaScriptEnabled: false, viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };
const baseUrl = 'http://127.0.0.1:3000';

const twelve = [
  'fountain-house',
  'kontaktcenteret',
  'ottilia',
  'amadeus',
  'griffenfeldsgade',
  'horsholmsgade',
  'thorupgaarden',
  'rantzausgade',
  'kompasset',
  'nabo',
  'mamma-mia',
  'pinta',
];
const note = 'Hej Sara. Du kan komme uden at ringe først. Spørg efter en medarbejder ved døren.\nVi ses tirsdag kl. 10.';

async function scrollWidth(page: Page): Promise<number> {
  return page.locator('html').evaluate((html) => html.scrollWidth);
}

/** What the print view's QR code says, read back from the SVG on the page. */
async function readQr(page: Page): Promise<string> {
  const svg = page.locator('figure.handout-qr svg');
  const viewBox = (await svg.getAttribute('viewBox'))!;
  const path = (await svg.locator('path').getAttribute('d'))!;
  return decodeQr(modulesFromSvgPath(path, Number(viewBox.split(' ')[2]))).text;
}

/** Clicks something that leads to another page and waits until that page has loaded. */
async function follow(page: Page, target: ReturnType<Page['getByRole']>) {
  const before = page.url();
  await target.click();
  await page.waitForURL((url) => url.href !== before, { waitUntil: 'load' });
}

/** Counts the pages of a PDF by its page objects (/Type /Page, not /Type /Pages). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

describe('the shortlist in a browser', () => {
  let harness: BrowserHarness;
  before(async () => {
    if (isChromiumAvailable()) harness = await startBrowserHarness();
  });
  after(() => harness?.close());

  it('without JavaScript: a list, remove a place, add a note, open the print view', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, desktop, async (page) => {
      const response = await page.goto(`${harness.origin}/liste?steder=nabo,kompasset,mamma-mia,milepaelen`);
      assert.equal(response?.status(), 200);
      assert.deepEqual(await page.locator('h1').allTextContents(), ['Din liste']);
      const places = page.locator('.shortlist-places > li h3');
      assert.deepEqual(await places.allTextContents(), ['Nabo', 'Kompasset', 'Mamma Mia', 'Milepælen']);

      await follow(page, page.getByRole('link', { name: 'Fjern Milepælen fra listen' }));
      assert.equal(new URL(page.url()).search, '?steder=nabo,kompasset,mamma-mia');
      assert.deepEqual(await places.allTextContents(), ['Nabo', 'Kompasset', 'Mamma Mia']);

      await page.getByLabel('Note til borgeren', { exact: true }).fill(note);
      await follow(page, page.getByRole('button', { name: 'Tilføj noten' }));
      assert.equal(new URL(page.url()).searchParams.get('steder'), 'nabo,kompasset,mamma-mia', 'the hidden field kept the list');
      assert.equal(await page.locator('.shortlist-note-text').innerText(), note);
      assert.equal(await page.getByLabel('Note til borgeren', { exact: true }).inputValue(), note);
      assert.equal(await page.getByRole('button', { name: 'Kopiér linket' }).isVisible(), false, 'no copy button without JavaScript');
      const shareUrl = await page.getByLabel('Link til listen').inputValue();
      assert.equal(shareUrl, `${baseUrl}/liste?steder=nabo,kompasset,mamma-mia&note=${encodeURIComponent(note)}`);

      await follow(page, page.getByRole('link', { name: 'Åbn udskriften' }));
      assert.equal(new URL(page.url()).pathname, '/liste/udskriv');
      assert.equal(await page.locator('.handout-note-text').innerText(), note);
      assert.deepEqual(await page.locator('.handout-places h2').allTextContents(), ['Nabo', 'Kompasset', 'Mamma Mia']);
      assert.equal(await page.locator('figure.handout-qr svg').count(), 1, 'the QR code is inline SVG');
      assert.equal(await readQr(page), `${baseUrl}/liste?steder=nabo,kompasset,mamma-mia`, 'the QR code leads to the list without the note');

      await follow(page, page.getByRole('link', { name: 'Tilbage til listen' }));
      assert.equal(await page.locator('.shortlist-note-text').innerText(), note, 'back on the list, the note is still there');
    });
  });

  it('prints only the sheet: no header, footer, navigation or links', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, desktop, async (page) => {
      await page.goto(`${harness.origin}/liste/udskriv?steder=nabo,kompasset,mamma-mia&note=${encodeURIComponent(note)}`);
      assert.equal(await page.getByRole('link', { name: 'Tilbage til listen' }).isVisible(), true, 'on screen, a way back');
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['body > header', 'body > footer', '.skipnav', '.handout-tools']) {
        assert.equal(await page.locator(selector).isVisible(), false, `${selector} is not printed`);
      }
      const visibleLinks = await page.locator('a:visible').count();
      assert.equal(visibleLinks, 0, 'no links on paper');
      for (const selector of ['h1', '.handout-note-text', 'figure.handout-qr svg', '.handout-places']) {
        assert.equal(await page.locator(selector).isVisible(), true, `${selector} is printed`);
      }
      assert.ok(await page.locator('.badge-example').first().isVisible(), 'the example-data marking is printed');
      await page.screenshot({ path: screenshotPath('shortlist-print-paper'), fullPage: true });
    });
  });

  it('printing /liste itself leaves out the forms and the site around it', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, desktop, async (page) => {
      await page.goto(`${harness.origin}/liste?steder=nabo,kompasset&note=Hej`);
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['body > header', 'body > footer', '.breadcrumbs', 'form', '#liste-link']) {
        assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} is not printed`);
      }
      assert.ok(await page.locator('.shortlist-places').isVisible());
    });
  });

  it('twelve places and the longest note fit on at most two A4 pages', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, desktop, async (page) => {
      const longNote = `${'Vi ses ved døren. '.repeat(27)}Ring hvis noget.`.slice(0, 500);
      await page.goto(`${harness.origin}/liste/udskriv?steder=${twelve.join(',')}&note=${encodeURIComponent(longNote)}`, { waitUntil: 'networkidle' });
      assert.equal(await page.locator('.handout-places > li').count(), 12);
      assert.equal(await readQr(page), `${baseUrl}/liste?steder=${twelve.join(',')}`);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      writeFileSync(screenshotPath('shortlist-print-twelve').replace(/\.png$/, '.pdf'), pdf);
      const pages = pdfPageCount(pdf);
      assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.screenshot({ path: screenshotPath('shortlist-print-twelve-paper'), fullPage: true });
    });
  });

  it('with JavaScript: "Kopiér linket" copies the link and says so; the note counts characters as you type', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, { viewport: { width: 1280, height: 900 } }, async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.origin });
      await page.goto(`${harness.origin}/liste?steder=nabo,kompasset`, { waitUntil: 'networkidle' });
      const button = page.getByRole('button', { name: 'Kopiér linket' });
      assert.equal(await button.isVisible(), true);
      await button.click();
      await page.getByRole('status').filter({ hasText: 'Linket er kopieret.' }).waitFor();
      assert.equal(await page.evaluate('navigator.clipboard.readText()'), `${baseUrl}/liste?steder=nabo,kompasset`);

      const field = page.getByLabel('Note til borgeren', { exact: true });
      await field.fill('Hej');
      assert.equal(await page.locator('.character-limit').textContent(), 'Du har 497 tegn tilbage');
      await field.fill('x'.repeat(503));
      assert.equal(await page.locator('.character-limit').textContent(), 'Du har 3 tegn for meget');
      assert.match((await field.getAttribute('class')) ?? '', /form-limit-error/);
      await follow(page, page.getByRole('button', { name: 'Tilføj noten' }));
      assert.match(await page.title(), /^Fejl: /);
      await page.getByRole('link', { name: /Noten er for lang: 503 tegn/ }).click();
      assert.equal(await page.evaluate('document.activeElement.id'), 'note', 'the error summary leads to the field');
    });
  });

  it('the print view has a print button with JavaScript', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, { viewport: { width: 1280, height: 900 } }, async (page) => {
      await page.goto(`${harness.origin}/liste/udskriv?steder=nabo`, { waitUntil: 'networkidle' });
      assert.equal(await page.getByRole('button', { name: 'Udskriv' }).isVisible(), true);
    });
  });

  for (const [name, options] of [
    ['desktop', desktop],
    ['phone', phone],
  ] as const) {
    it(`fits a ${name} and takes screenshots of the list with a note and of the print view`, async (t) => {
      if (skipWithoutChromium(t)) return;
      await withPage(harness, options, async (page) => {
        await page.goto(`${harness.origin}/liste?steder=nabo,kompasset,mamma-mia&note=${encodeURIComponent(note)}`, { waitUntil: 'networkidle' });
        assert.ok((await scrollWidth(page)) <= options.viewport.width, 'no sideways scrolling on /liste');
        await page.screenshot({ path: screenshotPath(`shortlist-${name}`), fullPage: true });
        await page.goto(`${harness.origin}/liste/udskriv?steder=nabo,kompasset,mamma-mia&note=${encodeURIComponent(note)}`, { waitUntil: 'networkidle' });
        assert.ok((await scrollWidth(page)) <= options.viewport.width, 'no sideways scrolling on /liste/udskriv');
        await page.screenshot({ path: screenshotPath(`shortlist-print-${name}`), fullPage: true });
      });
    });
  }

  it('an empty list and a list with a place that is gone', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, phone, async (page) => {
      await page.goto(`${harness.origin}/liste`);
      await follow(page, page.getByRole('link', { name: 'Find steder på forsiden' }));
      assert.equal(new URL(page.url()).pathname, '/');
      const response = await page.goto(`${harness.origin}/liste?steder=findes-ikke,nabo`);
      assert.equal(response?.status(), 200);
      assert.equal(await page.getByText('Et sted på listen findes ikke længere.').count(), 1);
      await follow(page, page.getByRole('link', { name: 'Fjern stedet, der ikke findes længere, fra listen' }));
      assert.equal(new URL(page.url()).search, '?steder=nabo');
      await page.screenshot({ path: screenshotPath('shortlist-after-removing-gone-phone'), fullPage: true });
    });
  });
});
