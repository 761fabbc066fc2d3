/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertNoViolations, desktop, phone } from './support/axe.ts';
import { type BrowserHarness, isChromiumAvailable, screenshotPath, skipWithoutChromium, startBrowserHarness, withPage } from './support/browser.ts';

const noScript = { ...desktop, javaScriptEnabled: false };

describe('the finder in a browser without JavaScript', () => {
  let harness: BrowserHarness;
  before(async () => {
    if (isChromiumAvailable()) harness = await startBrowserHarness();
  });
  after(() => harness?.close());

  it('a person can type, tick and search, and the result is a link that can be shared', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, noScript, async (page) => {
      await page.goto(`${harness.origin}/`);
      await page.getByLabel('Hvad leder du efter?').fill('vaerested');
      await page.getByRole('button', { name: 'Søg' }).click();
      await page.waitForURL(/q=vaerested/);
      const heading = page.getByRole('heading', { level: 2, name: /steder? passer/ });
      assert.match((await heading.textContent()) ?? '', /^\d+ steder? passer$/);
      const first = page.locator('.offering-list > li').first();
      assert.match((await first.textContent()) ?? '', /Passer, fordi: Navnet passer med «vaerested»/);

      // The same URL opened again shows the same result: it can be sent to someone.
      const shared = page.url();
      await page.goto(shared);
      assert.equal(await page.getByLabel('Hvad leder du efter?').inputValue(), 'vaerested');

      // Each result leads to the place's own page.
      await first.getByRole('link', { name: 'Værestedet Lyrskovgade', exact: true }).click();
      await page.waitForURL(/\/tilbud\/lyrskovgade$/);
      assert.equal(await page.locator('h1').textContent(), 'Værestedet Lyrskovgade');
    });
  });

  it('filters combine, keep their state in the form, and "Ryd søgningen" starts over', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, noScript, async (page) => {
      await page.goto(`${harness.origin}/`);
      await page.getByLabel('Unge').check();
      await page.getByLabel('Aktiviteter og forløb i det faglige spor').check();
      await page.getByRole('button', { name: 'Søg' }).click();
      await page.waitForURL(/maalgruppe=unge/);
      assert.match(page.url(), /profil=aktiviteter/);
      assert.equal(await page.getByLabel('Unge').isChecked(), true);
      const items = page.locator('.offering-list > li');
      assert.ok((await items.count()) > 0);
      for (const text of await items.allTextContents()) assert.match(text, /Særligt for: unge/);
      await page.screenshot({ path: screenshotPath('finder-filtered-desktop'), fullPage: true });
      await page.getByRole('link', { name: 'Ryd søgningen' }).click();
      await page.waitForURL(`${harness.origin}/`);
      assert.equal(await page.getByLabel('Unge').isChecked(), false);
    });
  });

  it('places found can be pinned to a shortlist, and searching again keeps the list', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, noScript, async (page) => {
      await page.goto(`${harness.origin}/?q=nabo`);
      const nabo = page.locator('.offering-list > li').filter({ has: page.getByRole('heading', { level: 3, name: 'Nabo', exact: true }) });
      await nabo.getByRole('link', { name: /Sæt .*på listen/ }).click();
      await page.waitForURL(/\/liste\?steder=nabo/);
      await page.goto(`${harness.origin}/?steder=nabo`);
      await page.getByLabel('Hvad leder du efter?').fill('kompasset');
      await page.getByRole('button', { name: 'Søg' }).click();
      await page.waitForURL(/q=kompasset/);
      assert.match(page.url(), /steder=nabo/, 'the list travels with the search');
      await page.getByRole('link', { name: /Se din liste \(1 sted\)/ }).waitFor();
    });
  });

  it('near a postcode, the nearest place comes first with its distance and walking time', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, noScript, async (page) => {
      await page.goto(`${harness.origin}/`);
      await page.getByLabel('Nær en adresse eller et postnummer').fill('2300');
      await page.getByRole('button', { name: 'Søg' }).click();
      await page.waitForURL(/naer=2300/);
      const first = page.locator('.offering-list > li').first();
      assert.match((await first.locator('h3').textContent()) ?? '', /Kompasset/);
      assert.match((await first.textContent()) ?? '', /i luftlinje · (ca\. \d+ min\.|under 1 min\.) gang/);
      assert.match((await page.locator('main').textContent()) ?? '', /Afstandene er omtrentlige/);
    });
  });

  it('with JavaScript, results follow the typing without a reload, and the count is announced while focus stays put', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, desktop, async (page) => {
      await page.goto(`${harness.origin}/`);
      await page.evaluate(() => {
        (window as unknown as { marker: string }).marker = 'same page';
      });
      const field = page.getByLabel('Hvad leder du efter?');
      await field.pressSequentially('vaerested', { delay: 20 });
      await page.waitForURL(/\?q=vaerested$/);
      await page.getByRole('heading', { level: 2, name: /steder passer/ }).waitFor();
      assert.equal(await page.evaluate(() => (window as unknown as { marker?: string }).marker), 'same page', 'no reload');
      assert.match((await page.locator('#finder-status').textContent()) ?? '', /^\d+ steder passer$/);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', 'focus stays in the search field');

      // Ticking a box updates at once; pressing Søg moves focus to the results for screen readers.
      await page.getByLabel('Unge').check();
      await page.waitForURL(/maalgruppe=unge/);
      await page.getByRole('button', { name: 'Søg' }).click();
      await page.waitForFunction(() => document.activeElement?.id === 'resultater');
      assert.equal(await page.evaluate(() => (window as unknown as { marker?: string }).marker), 'same page');
    });
  });

  it('"Brug min position" shares the position and lists the nearest places first', async (t) => {
    if (skipWithoutChromium(t)) return;
    const atNabo = { ...desktop, geolocation: { latitude: 55.662, longitude: 12.605 }, permissions: ['geolocation'] };
    await withPage(harness, atNabo, async (page) => {
      await page.goto(`${harness.origin}/`);
      await page.getByRole('button', { name: 'Brug min position' }).click();
      await page.waitForURL(/naer=55\.6620%2C12\.6050/);
      await page.getByText('Nærmeste først, målt fra din position').waitFor();
      assert.match((await page.locator('.finder-position-message').textContent()) ?? '', /Din position er brugt/);
      assert.equal(await page.locator('#resultater ~ * h3, #finder-results h3').first().textContent(), 'Nabo');
    });
  });

  // axe needs JavaScript in the page, so these states are checked with it on.
  const states = [
    { name: 'a text search', path: '/?q=vaerested', text: 'steder passer' },
    { name: 'no results', path: '/?q=xyzzy+qwerty', text: 'Ingen steder passer' },
    { name: 'near a postcode', path: '/?naer=2200', text: 'Nærmeste først' },
    { name: 'an address that cannot be found', path: '/?naer=Marsvej+99', text: 'Vi kunne ikke finde «Marsvej 99»' },
    { name: 'an unknown filter value from an old link', path: '/?profil=hemmelig&bydel=atlantis', text: 'Vi kender ikke' },
    { name: '"Flere valg" open because a choice in it is set', path: '/?interesse=musik', text: '1 sted passer' },
  ];
  for (const state of states) {
    for (const [device, options] of [
      ['desktop', desktop],
      ['phone', phone],
    ] as const) {
      it(`${state.name} (${device}) explains itself and has no axe violations`, async (t) => {
        if (skipWithoutChromium(t)) return;
        await withPage(harness, options, async (page) => {
          const response = await page.goto(`${harness.origin}${state.path}`);
          assert.equal(response?.status(), 200);
          assert.match((await page.locator('main').textContent()) ?? '', new RegExp(state.text));
          if (state.path.includes('interesse')) assert.equal(await page.locator('form details[open]').count(), 1);
          if (device === 'phone') {
            const scrollWidth = await page.locator('html').evaluate((html) => html.scrollWidth);
            assert.ok(scrollWidth <= 360, `no sideways scrolling (scrollWidth ${scrollWidth})`);
          }
          await assertNoViolations(page);
        });
      });
    }
  }
});
