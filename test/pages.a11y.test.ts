import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { assertNoViolations, desktop, phone } from './support/axe.ts';
import { type BrowserHarness, isChromiumAvailable, skipWithoutChromium, startBrowserHarness, withPage } from './support/browser.ts';

type PageState = {
  name: string;
  path: string;
  status: number;
  options: BrowserContextOptions;
  prepare?: (page: Page) => Promise<void>;
};

const states: PageState[] = [
  { name: 'the front page', path: '/', status: 200, options: desktop },
  { name: 'the front page on a phone', path: '/', status: 200, options: phone },
  {
    name: 'the front page with every opening-hours panel open',
    path: '/',
    status: 200,
    options: desktop,
    prepare: async (page) => {
      for (const summary of await page.locator('details.details > summary').all()) await summary.click();
      assert.equal(await page.locator('details.details:not([open])').count(), 0);
    },
  },
  {
    name: 'the front page with the skip link focused',
    path: '/',
    status: 200,
    options: desktop,
    prepare: (page) => page.keyboard.press('Tab'),
  },
  { name: 'the finder with "open now" and a text on a phone', path: '/?aaben=nu&q=café', status: 200, options: phone },
  { name: 'the finder with a past day and time (notice)', path: '/?aaben=tidspunkt&dag=2026-11-20&kl=10:00', status: 200, options: desktop },
  { name: 'the city calendar, today, on a phone', path: '/kalender', status: 200, options: phone },
  { name: 'the city calendar, Christmas week', path: '/kalender?visning=uge&dato=2026-12-23', status: 200, options: desktop },
  { name: 'the coordination view', path: '/kalender/daekning', status: 200, options: desktop },
  { name: 'the printed programme, a district week', path: '/program?bydel=amager-ost&uge=2026-W52', status: 200, options: desktop },
  { name: 'the printed programme, the city month in large print on a phone', path: '/program?maaned=2026-12&skrift=stor', status: 200, options: phone },
  { name: 'the printed programme, an empty period with notices', path: '/program?bydel=bispebjerg&uge=2026-W50&papir=a3', status: 200, options: desktop },
  { name: 'the brochure of the whole range', path: '/brochure', status: 200, options: desktop },
  { name: 'the brochure of a district in large print on a phone', path: '/brochure?bydel=amager-ost&skrift=stor', status: 200, options: phone },
  { name: 'the coverage of the range', path: '/planlaegning/daekning?dato=2016-03-01', status: 200, options: desktop },
  { name: 'the coverage of the range on a phone, with notices', path: '/planlaegning/daekning?dato=i+morgen&behov=young', status: 200, options: phone },
  { name: 'the coverage of the range in English', path: '/en/planlaegning/daekning', status: 200, options: desktop },
  { name: 'the coverage of the range compared with an earlier date', path: '/planlaegning/daekning?dato=2016-01-01&sammenlign=2015-06-01&behov=all', status: 200, options: phone },
  { name: 'the budgets of the range', path: '/planlaegning/budget', status: 200, options: desktop },
  { name: 'the budgets of the range in English on a phone', path: '/en/planlaegning/budget', status: 200, options: phone },
  { name: 'the 404 page', path: '/findes-ikke', status: 404, options: desktop },
  { name: 'the 404 page on a phone', path: '/findes-ikke', status: 404, options: phone },
  { name: 'an open offering with example hours (Nabo)', path: '/tilbud/nabo', status: 200, options: desktop },
  { name: 'an open offering on a phone (Nabo)', path: '/tilbud/nabo', status: 200, options: phone },
  {
    name: 'an open offering with its fixed hours and activities unfolded (Nabo)',
    path: '/tilbud/nabo',
    status: 200,
    options: desktop,
    prepare: async (page) => {
      for (const summary of await page.locator('details.details > summary').all()) await summary.click();
    },
  },
  { name: 'a closing offering with alternatives (Amadeus)', path: '/tilbud/amadeus', status: 200, options: desktop },
  { name: 'a closing offering on a phone (Amadeus)', path: '/tilbud/amadeus', status: 200, options: phone },
  { name: 'a closed offering (Milepælen)', path: '/tilbud/milepaelen', status: 200, options: desktop },
  { name: 'a proposed offering without a fixed address (Nabo Satellit)', path: '/tilbud/nabo-satellit', status: 200, options: desktop },
  { name: 'an offering that is not found', path: '/tilbud/findes-ikke', status: 404, options: desktop },
  {
    name: 'the correction form unfolded on a place page (Nabo)',
    path: '/tilbud/nabo',
    status: 200,
    options: desktop,
    prepare: async (page) => {
      await page.getByText('Foreslå en rettelse').click();
      await page.getByLabel('Hvad er forkert?').fill('Telefonnummeret virker ikke.');
    },
  },
  {
    name: 'the correction form sent with problems, on a phone',
    path: '/tilbud/nabo/ret',
    status: 200,
    options: phone,
    prepare: async (page) => {
      await page.getByLabel('Din e-mail (frivilligt)').fill('ikke en mail');
      await page.getByRole('button', { name: 'Send rettelsen' }).click();
      await page.waitForURL(/\/ret$/);
      assert.match(await page.locator('.alert-error').innerText(), /problemer/);
    },
  },
  { name: 'the receipt for a correction', path: '/tilbud/nabo/ret/tak', status: 200, options: desktop },
  // Courses (ADR 023): the catalogue, a course with its form, problems, a personal page, a referred course.
  { name: 'the course catalogue on a phone', path: '/forloeb', status: 200, options: phone },
  { name: 'the course catalogue with nothing found', path: '/forloeb?q=strikning&slags=visiteret', status: 200, options: desktop },
  { name: 'a referred course', path: '/forloeb/eksempel-ung-og-i-gang', status: 200, options: desktop },
  {
    name: 'signing up for a course sent empty, on a phone',
    path: '/forloeb/eksempel-paaroerendekursus',
    status: 200,
    options: phone,
    prepare: async (page) => {
      await page.getByLabel('E-mail eller telefonnummer (frivilligt)').fill('ring');
      await page.getByRole('button', { name: 'Meld mig til' }).click();
      await page.waitForURL(/\/tilmeld$/);
      assert.match(await page.locator('.alert-error').innerText(), /fornavn/);
    },
  },
  {
    name: 'the personal page after signing up',
    path: '/forloeb/eksempel-mitid-og-digital-post',
    status: 200,
    options: desktop,
    prepare: async (page) => {
      await page.getByLabel('Dit fornavn eller et kaldenavn').fill(`Axe ${Date.now()}`);
      await page.getByRole('button', { name: 'Meld mig til' }).click();
      await page.waitForURL(/\/forloeb\/tilmelding\//);
      assert.match(await page.locator('h1').innerText(), /Du er tilmeldt/);
    },
  },
  // English (/en): the same pages with lang="en", the places' own Danish texts marked lang="da".
  { name: 'the English front page', path: '/en', status: 200, options: desktop },
  { name: 'the English finder with "open now" and a text on a phone', path: '/en?aaben=nu&q=café', status: 200, options: phone },
  { name: 'an English closing offering with alternatives (Amadeus)', path: '/en/tilbud/amadeus', status: 200, options: desktop },
  { name: 'the English map near a postcode on a phone', path: '/en/kort?naer=2300', status: 200, options: phone },
  { name: 'the English shortlist with a note on a phone', path: '/en/liste?steder=nabo,kompasset&note=Hej', status: 200, options: phone },
  {
    name: 'the English correction form sent empty',
    path: '/en/tilbud/kompasset/ret',
    status: 200,
    options: desktop,
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Send the correction' }).click();
      await page.waitForURL(/\/ret$/);
      assert.match(await page.locator('.alert-error').innerText(), /Write what is wrong/);
    },
  },
  { name: 'the English city calendar, Christmas week', path: '/en/kalender?visning=uge&dato=2026-12-23', status: 200, options: desktop },
  { name: 'the English course catalogue', path: '/en/forloeb', status: 200, options: desktop },
];

describe('accessibility (axe, WCAG 2.2 AA and best practice)', () => {
  let harness: BrowserHarness;
  before(async () => {
    if (isChromiumAvailable()) harness = await startBrowserHarness();
  });
  after(() => harness?.close());

  for (const state of states) {
    it(`${state.name} has no violations`, async (t) => {
      if (skipWithoutChromium(t)) return;
      await withPage(harness, state.options, async (page) => {
        const response = await page.goto(`${harness.origin}${state.path}`);
        assert.equal(response?.status(), state.status);
        await state.prepare?.(page);
        await assertNoViolations(page);
      });
    });
  }
});
