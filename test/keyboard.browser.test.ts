/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { desktop } from './support/axe.ts';
import { type BrowserHarness, isChromiumAvailable, skipWithoutChromium, startBrowserHarness, withPage } from './support/browser.ts';

const noScript = { ...desktop, javaScriptEnabled: false };

/** What has focus, and whether a person can see it: an outline or a box shadow, on the control or where it is drawn, and in view. */
type Focused = { tag: string; id: string; name: string; href: string | null; inMain: boolean; onScreen: boolean; indicator: string | null };

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement instanceof HTMLElement ? document.activeElement : document.body;
    // DKFDS hides the real checkbox or radio (opacity 0) and draws it, and its focus ring, on the label's ::before.
    // (No named helpers in here: tsx would wrap them in a function the page does not have.)
    const drawnOnLabel = element instanceof HTMLInputElement && getComputedStyle(element).opacity === '0' ? element.labels?.[0] : undefined;
    const style = drawnOnLabel ? getComputedStyle(drawnOnLabel, '::before') : getComputedStyle(element);
    const indicator =
      style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0
        ? `outline ${style.outlineWidth} ${style.outlineStyle}`
        : style.boxShadow !== 'none'
          ? `box-shadow ${style.boxShadow}`
          : null;
    const box = element.getBoundingClientRect();
    const name = (element.getAttribute('aria-label') ?? (element instanceof HTMLInputElement ? element.labels?.[0]?.textContent : element.textContent) ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      name,
      href: element.getAttribute('href'),
      inMain: element.closest('main') !== null,
      // Wholly in view sideways, and at least 24 px of it (or all, if smaller) in view: Chromium scrolls a
      // text area only until its caret line shows.
      onScreen:
        box.width > 0 &&
        box.left >= 0 &&
        box.right <= window.innerWidth &&
        Math.min(box.bottom, window.innerHeight) - Math.max(box.top, 0) >= Math.min(box.height, 24) - 0.5,
      indicator,
    };
  });
}

/**
 * What has focus once it has settled: it waits, up to three seconds (a loaded CI machine is slow to scroll), for the focused element to come into view
 * (the skip link slides in; a page opened at a fragment may still be scrolling) and, unless told otherwise,
 * to show a focus ring. page.waitForFunction cannot be used: it needs JavaScript in the page.
 */
async function settledFocus(page: Page, { ring = true } = {}): Promise<Focused> {
  const deadline = Date.now() + 3000;
  let now = await focused(page);
  while (!((now.indicator || !ring) && now.onScreen) && Date.now() < deadline) now = await focused(page);
  return now;
}

/** Asserts that a person can see where focus is: a ring, and the element in view. */
async function assertVisibleFocus(page: Page): Promise<Focused> {
  const now = await settledFocus(page);
  assert.notEqual(now.tag, 'body', 'something has focus');
  assert.ok(now.indicator, `focus on <${now.tag}> «${now.name}» shows no outline or box shadow`);
  assert.ok(now.onScreen, `focus on <${now.tag}> «${now.name}» is on the screen`);
  return now;
}

/**
 * Presses a key (Tab by default) until the focused element matches, checking at every stop on the way
 * that focus is visible. Returns the element and how many presses it took.
 */
async function pressUntil(page: Page, matches: (element: Focused) => boolean, { key = 'Tab', limit = 20 } = {}) {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press(key);
    const now = await assertVisibleFocus(page);
    if (matches(now)) return { element: now, presses };
  }
  throw new Error(`Nothing that matched took focus in ${limit} presses of ${key}.`);
}

/** Presses a key on something that leads to another page and waits until that page has loaded. */
async function pressAndFollow(page: Page, key: string, url: RegExp) {
  await page.keyboard.press(key);
  await page.waitForURL(url, { waitUntil: 'load' });
}

/** The skip link is the first stop, shows when focused, and Enter sends the next Tab into the main content. */
async function useSkipLink(page: Page) {
  const skip = await pressUntil(page, () => true, { limit: 1 });
  assert.equal(skip.element.name, 'Gå til sidens indhold');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#main-content$/);
  await page.keyboard.press('Tab');
  // The front page's introduction links to the city calendar and the courses; the search field comes right after.
  let focused = await assertVisibleFocus(page);
  for (const introLink of ['Hvad sker der i dag? Se kalenderen', 'Forløb og kurser']) {
    if (focused.name !== introLink) continue;
    await page.keyboard.press('Tab');
    focused = await assertVisibleFocus(page);
  }
  return focused;
}

const isNamed = (name: string) => (element: Focused) => element.name === name;

describe('a citizen using only the keyboard', () => {
  let harness: BrowserHarness;
  before(async () => {
    if (isChromiumAvailable()) harness = await startBrowserHarness();
  });
  after(() => harness?.close());

  it('with JavaScript: skips to the content, searches, picks a filter with the arrow keys, lands on the results, opens a place, pins it and opens the print view', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, desktop, async (page) => {
      await page.goto(`${harness.origin}/`);

      // The skip link passes the header: the next Tab is the search field.
      const field = await useSkipLink(page);
      assert.equal(field.id, 'q');
      assert.equal(field.inMain, true, 'the field is in <main>');

      // Typing updates the results without a reload; focus stays in the field.
      await page.keyboard.type('vaerested', { delay: 20 });
      await page.waitForURL(/\?q=vaerested$/);
      await page.getByRole('heading', { level: 2, name: /steder passer/ }).waitFor();
      assert.equal((await assertVisibleFocus(page)).id, 'q');

      // Tab reaches the radio group at its checked choice; an arrow key picks the next one, at once.
      const radio = await pressUntil(page, (element) => element.id.startsWith('profil-'), { limit: 4 });
      assert.equal(radio.element.name, 'Vis alle');
      await page.keyboard.press('ArrowDown');
      await page.waitForURL(/profil=socialt/);
      assert.equal((await assertVisibleFocus(page)).name, 'Tryghed og socialt samvær');
      assert.equal(await page.getByLabel('Tryghed og socialt samvær').isChecked(), true, 'the arrow key picks the choice');

      // Space ticks a box.
      await pressUntil(page, isNamed('Unge'), { limit: 12 });
      await page.keyboard.press('Space');
      await page.waitForURL(/maalgruppe=unge/);
      assert.equal(await page.getByLabel('Unge').isChecked(), true, 'Space ticks the box');
      await page.keyboard.press('Space');
      await page.waitForURL((url) => !url.search.includes('maalgruppe'));

      // "Flere valg" opens with Enter, and Søg moves focus to the result heading.
      const more = await pressUntil(page, isNamed('Flere valg'), { limit: 12 });
      assert.equal(more.element.tag, 'summary');
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('form details').getAttribute('open'), '');
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('form details').getAttribute('open'), null, 'Enter closes it again');
      await pressUntil(page, isNamed('Søg'), { limit: 4 });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'resultater');
      // DKFDS draws no focus ring on a heading (it is not a control); it must be in view.
      const heading = await settledFocus(page, { ring: false });
      assert.match(heading.name, /^\d+ steder passer$/);
      assert.equal(heading.onScreen, true, 'the result heading is scrolled into view');

      // The first result is two stops on; Shift+Tab goes back.
      const firstName = (await page.locator('#finder-results .offering-list > li h3 a').first().textContent())!;
      const first = await pressUntil(page, (element) => element.href?.startsWith('/tilbud/') ?? false, { limit: 3 });
      assert.equal(first.element.name, firstName);
      assert.equal(first.presses, 2, 'the map link, then the first place');
      await page.keyboard.press('Shift+Tab');
      assert.equal((await assertVisibleFocus(page)).name, 'Se stederne på et kort');
      await page.keyboard.press('Tab');
      const link = await assertVisibleFocus(page);
      assert.equal(link.name, firstName);

      // Enter opens the place; its pin link is the first thing after the breadcrumb (and the status alert's
      // link, for a closing place). The header has the language switcher's one link before them.
      await pressAndFollow(page, 'Enter', new RegExp(`${link.href}$`));
      assert.equal(await page.locator('h1').textContent(), firstName);
      const pin = await pressUntil(page, isNamed(`Sæt på listen (${firstName})`), { limit: 6 });
      assert.equal(pin.element.inMain, true, 'the pin link is in <main>');
      await pressAndFollow(page, 'Enter', /\/liste\?steder=/);
      assert.equal(await page.locator('h1').textContent(), 'Din liste');

      // The list: the place, then on to the print view.
      const place = await pressUntil(page, isNamed(firstName), { limit: 5 });
      assert.equal(place.element.href?.startsWith(`${link.href}?steder=`), true, 'the place keeps the list in its link');
      await pressUntil(page, isNamed('Åbn udskriften'), { limit: 12 });
      await pressAndFollow(page, 'Enter', /\/liste\/udskriv\?steder=/);
      await pressUntil(page, isNamed('Tilbage til listen'), { limit: 4 });
      await page.keyboard.press('Tab');
      assert.equal((await assertVisibleFocus(page)).name, 'Udskriv', 'the print button, shown with JavaScript');
    });
  });

  it('without JavaScript: the same walk, with Space to search and focus on the results after the reload', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, noScript, async (page) => {
      await page.goto(`${harness.origin}/`);
      assert.equal((await useSkipLink(page)).id, 'q');
      await page.keyboard.type('vaerested');
      const radio = await pressUntil(page, (element) => element.id.startsWith('profil-'), { limit: 4 });
      assert.equal(radio.element.name, 'Vis alle');
      await page.keyboard.press('ArrowDown');
      assert.equal((await assertVisibleFocus(page)).name, 'Tryghed og socialt samvær');
      assert.equal(await page.getByLabel('Tryghed og socialt samvær').isChecked(), true, 'the arrow key picks the choice');
      assert.equal(new URL(page.url()).search, '', 'nothing is sent before Søg');

      await pressUntil(page, isNamed('Søg'), { limit: 20 });
      await pressAndFollow(page, 'Space', /\?q=vaerested&.*profil=socialt/);
      assert.equal(await page.getByLabel('Hvad leder du efter?').inputValue(), 'vaerested');

      // The form sends the search to #resultater: the page opens at the result heading, in view and with focus.
      const heading = await settledFocus(page, { ring: false });
      assert.equal(heading.id, 'resultater');
      assert.match(heading.name, /^\d+ steder passer$/);
      assert.equal(heading.onScreen, true, 'the result heading is scrolled into view');
      const firstName = (await page.locator('.offering-list > li h3 a').first().textContent())!;
      const first = await pressUntil(page, (element) => element.href?.startsWith('/tilbud/') ?? false, { limit: 3 });
      assert.equal(first.element.name, firstName);
      assert.equal(first.presses, 2, 'the map link, then the first place');

      await pressAndFollow(page, 'Enter', new RegExp(`${first.element.href}$`));
      await pressUntil(page, isNamed(`Sæt på listen (${firstName})`), { limit: 6 });
      await pressAndFollow(page, 'Enter', /\/liste\?steder=/);
      await pressUntil(page, isNamed(firstName), { limit: 5 });
      await pressUntil(page, isNamed('Åbn udskriften'), { limit: 12 });
      await pressAndFollow(page, 'Enter', /\/liste\/udskriv\?steder=/);
      await pressUntil(page, isNamed('Tilbage til listen'), { limit: 4 });
      await pressAndFollow(page, 'Enter', /\/liste\?steder=/);
      assert.equal(await page.locator('h1').textContent(), 'Din liste');
    });
  });

  it('at 400 % zoom, every stop in the Tab order of the results, a place and the list is visible and on the screen', async (t) => {
    if (skipWithoutChromium(t)) return;
    // 1280 px at 400 %: 320 × 256 CSS px.
    await withPage(harness, { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 }, async (page) => {
      for (const [path, stops] of [
        ['/?q=vaerested', 24],
        ['/tilbud/milepaelen', 12],
        ['/liste?steder=nabo,kompasset', 14],
      ] as const) {
        await page.goto(`${harness.origin}${path}`);
        const seen = new Set<string>();
        for (let press = 0; press < stops; press++) {
          await page.keyboard.press('Tab');
          const now = await assertVisibleFocus(page);
          seen.add(`${now.tag} ${now.name}`);
        }
        assert.ok(seen.size > stops / 2, `${path}: Tab moves on (${[...seen].join(', ')})`);
      }
    });
  });
});
