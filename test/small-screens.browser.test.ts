/// <reference lib="dom" />
import { modelScenarioId } from '../src/db/seed/seed-scenarios.ts';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { type BrowserHarness, isChromiumAvailable, skipWithoutChromium, startBrowserHarness, withPage } from './support/browser.ts';

/**
 * WCAG 1.4.10 (reflow) and 2.5.8 (target size) on every public page: at 320 CSS px, and at 1280 px zoomed
 * to 400 %, which is the same 320 CSS px on a screen only 256 CSS px tall.
 */
const narrow: BrowserContextOptions = { viewport: { width: 320, height: 640 } };
const zoomed: BrowserContextOptions = { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 };

// Screenshots for a person to look at; not kept in the repository.
const screensDir = '/tmp/screens';

const note = 'Hej Sara. Spørg efter en medarbejder ved døren.\nVi ses tirsdag kl. 10.';
const list = `steder=nabo,kompasset,mamma-mia,milepaelen&note=${encodeURIComponent(note)}`;

const pages = [
  { name: 'the front page', file: 'front', path: '/', status: 200, text: 'Aktivitets- og samværstilbud i København' },
  { name: 'a search with filters and results', file: 'search', path: '/?q=vaerested&profil=socialt&naer=2300', status: 200, text: 'Nærmeste først' },
  { name: 'a search with "Flere valg" open', file: 'search-more', path: '/?interesse=musik&maalgruppe=unge', status: 200, text: 'passer' },
  { name: 'a search with no results', file: 'no-results', path: '/?q=xyzzy+qwerty', status: 200, text: 'Ingen steder passer' },
  { name: 'an offering page', file: 'offering', path: '/tilbud/nabo', status: 200, text: 'Åbningstider denne uge' },
  { name: "a closed offering's page", file: 'offering-closed', path: '/tilbud/milepaelen', status: 200, text: 'Steder der passer til de samme' },
  { name: 'the map', file: 'map', path: '/kort', status: 200, text: 'Stederne på kortet' },
  { name: 'the shortlist with places and a note', file: 'shortlist', path: `/liste?${list}`, status: 200, text: 'Note til dig' },
  { name: 'the print view of the shortlist', file: 'shortlist-print', path: `/liste/udskriv?${list}`, status: 200, text: 'Scan koden' },
  { name: 'the course catalogue', file: 'courses', path: '/forloeb', status: 200, text: 'Forløb og kurser' },
  { name: 'a course with its sign-up form', file: 'course', path: '/forloeb/eksempel-madlavning-paa-budget', status: 200, text: 'Meld dig til' },
  { name: 'the public figures', file: 'figures', path: '/tal', status: 200, text: 'Tal for brugen af tilbuddene' },
  { name: "a closing offering's page with its transition plan", file: 'offering-plan', path: '/tilbud/amadeus', status: 200, text: 'Plan for overgangen' },
  { name: 'the published planning scenarios', file: 'planning', path: '/planlaegning', status: 200, text: 'Planlægning af tilbudsviften' },
  { name: 'a published scenario before and after', file: 'scenario', path: `/planlaegning/${modelScenarioId}`, status: 200, text: 'Steder pr. bydel og profil' },
  { name: "a district's printed programme for a week", file: 'programme', path: '/program?bydel=amager-ost&uge=2026-W52', status: 200, text: 'Amager Øst' },
  { name: "a district's brochure with its new and closing places", file: 'brochure', path: '/brochure?bydel=amager-ost', status: 200, text: 'Steder der lukker' },
  { name: 'Gloria, the users\' magazine', file: 'gloria', path: '/gloria', status: 200, text: 'Gloria – brugernes blad' },
  { name: 'a Gloria article', file: 'gloria-article', path: '/gloria/saadan-skriver-du-til-gloria', status: 200, text: 'Tre gode råd' },
  { name: 'an error page', file: 'not-found', path: '/tilbud/findes-ikke', status: 404, text: 'Gå til forsiden' },
];

/**
 * What a person at this width would stumble on, as sentences: sideways scrolling, text or controls
 * running off the screen or cut off by a box, text lying over a control, and targets under 24×24 CSS px
 * without the spacing or inline exceptions of WCAG 2.5.8.
 */
function findLayoutProblems(): string[] {
  const problems: string[] = [];
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth > width + 1) problems.push(`the page scrolls sideways: scrollWidth ${root.scrollWidth} > ${width}`);

  const label = (node: Node) => {
    const element = node instanceof Element ? node : node.parentElement!;
    const text = (node.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const id = element.id ? `#${element.id}` : '';
    const className = typeof element.className === 'string' && element.className ? `.${element.className.split(' ')[0]}` : '';
    return `<${element.tagName.toLowerCase()}${id}${className}> «${text}»`;
  };
  // Not in a closed <details>, not visibility: hidden; an input may itself be transparent (DKFDS draws
  // checkboxes and radios on their label).
  const isRendered = (element: Element) =>
    element.getClientRects().length > 0 &&
    element.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }) &&
    (element.parentElement?.checkVisibility({ opacityProperty: true }) ?? true);
  /** Visually hidden (sr-only, or a skip link waiting off screen for focus): a 1×1 clip, or placed above the page. */
  const isVisuallyHidden = (element: Element) => {
    for (let current: Element | null = element; current; current = current.parentElement) {
      const box = current.getBoundingClientRect();
      const style = getComputedStyle(current);
      if (box.width <= 1 && box.height <= 1) return true;
      if (style.clipPath.startsWith('inset(50%') || style.clip.startsWith('rect(0')) return true;
      if (box.bottom + window.scrollY <= 0) return true;
    }
    return false;
  };
  /** A box that scrolls on its own, such as DKFDS's responsive table: its content may be wider. */
  const scroller = (element: Element) => {
    for (let current = element.parentElement; current && current !== document.body; current = current.parentElement) {
      const overflow = getComputedStyle(current).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') return current;
    }
    return null;
  };

  const targetSelector =
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const targets = [...document.querySelectorAll(targetSelector)].filter((element) => isRendered(element) && !isVisuallyHidden(element));
  const boxes = targets.map((element) => element.getBoundingClientRect());

  targets.forEach((element, index) => {
    const box = boxes[index]!;
    if (!scroller(element) && (box.left < -1 || box.right > width + 1)) {
      problems.push(`${label(element)} runs off the screen (${Math.round(box.left)}–${Math.round(box.right)} px)`);
    }
  });

  // An inline link is measured line by line: its one box over two lines would cover the text beside it.
  const fragments = targets.map((element) => [...element.getClientRects()]);
  const intersects = (a: DOMRect, b: DOMRect, margin: number) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > margin && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > margin;
  /** WCAG 2.5.8's "inline" exception: a link in a sentence, whose size the line of text sets. A link alone on its line is not. */
  const isInSentence = (element: Element) => {
    if (!(element instanceof HTMLAnchorElement) || getComputedStyle(element).display !== 'inline') return false;
    let block = element.parentElement!;
    while (getComputedStyle(block).display.startsWith('inline')) block = block.parentElement!;
    const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
    return words(block.textContent) !== words(element.textContent);
  };
  const isBigEnough = (index: number) => (boxes[index]!.width >= 23.5 && boxes[index]!.height >= 23.5) || isInSentence(targets[index]!);
  // WCAG 2.5.8's "equivalent" exception: a map marker is small, but the same link is in the list of places.
  const hasEquivalent = (index: number) => {
    const href = targets[index]!.getAttribute('href');
    if (!href) return false;
    return targets.some((other, otherIndex) => otherIndex !== index && !other.closest('svg') && other.getAttribute('href') === href && isBigEnough(otherIndex));
  };
  const excused = targets.map((_, index) => !isBigEnough(index) && hasEquivalent(index));

  // 2.5.8: at least 24×24, or an inline link in a sentence, or spaced: a 24 px circle on its centre
  // touches no other target and no other small target's circle.
  const isSmall = (index: number) => boxes[index]!.width < 23.5 || boxes[index]!.height < 23.5;
  const centre = (box: DOMRect) => ({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
  targets.forEach((element, index) => {
    if (isBigEnough(index) || excused[index]) return;
    const box = boxes[index]!;
    const { x, y } = centre(box);
    const crowded = boxes.some((other, otherIndex) => {
      if (otherIndex === index || targets[otherIndex]!.contains(element) || element.contains(targets[otherIndex]!)) return false;
      const nearestX = Math.max(other.left, Math.min(x, other.right));
      const nearestY = Math.max(other.top, Math.min(y, other.bottom));
      if (Math.hypot(x - nearestX, y - nearestY) < 12) return true;
      const { x: otherX, y: otherY } = centre(other);
      return isSmall(otherIndex) && !excused[otherIndex] && Math.hypot(x - otherX, y - otherY) < 24;
    });
    if (crowded) problems.push(`${label(element)} is a ${Math.round(box.width)}×${Math.round(box.height)} target too close to another`);
  });

  // Two controls on top of each other (map markers that have their link in the list aside).
  targets.forEach((element, index) => {
    for (let otherIndex = index + 1; otherIndex < targets.length; otherIndex++) {
      const other = targets[otherIndex]!;
      if (element.contains(other) || other.contains(element) || (excused[index] && excused[otherIndex])) continue;
      if (fragments[index]!.some((a) => fragments[otherIndex]!.some((b) => intersects(a, b, 1)))) {
        problems.push(`${label(element)} and ${label(other)} overlap`);
      }
    }
  });

  // Text: off the screen, cut off by a box that hides overflow, or lying over a control it is not part of.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => ((node.textContent ?? '').trim() === '' ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement!;
    if (parent.closest('script, style, title, option, svg') || !isRendered(parent) || isVisuallyHidden(parent)) continue;
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width === 0 || rect.height === 0) continue;
      if (!scroller(parent) && (rect.left < -1 || rect.right > width + 1)) {
        problems.push(`text ${label(node)} runs off the screen (${Math.round(rect.left)}–${Math.round(rect.right)} px)`);
        break;
      }
      let clipped = false;
      for (let box = parent as Element | null; box && box !== document.body; box = box.parentElement) {
        const style = getComputedStyle(box);
        const hidesX = style.overflowX === 'hidden' || style.overflowX === 'clip';
        const hidesY = style.overflowY === 'hidden' || style.overflowY === 'clip';
        if (!hidesX && !hidesY) continue;
        const outer = box.getBoundingClientRect();
        if ((hidesX && (rect.left < outer.left - 1 || rect.right > outer.right + 1)) || (hidesY && (rect.top < outer.top - 1 || rect.bottom > outer.bottom + 1))) {
          problems.push(`text ${label(node)} is cut off by ${label(box)}`);
          clipped = true;
          break;
        }
      }
      if (clipped) break;
      const covered = targets.findIndex((target, index) => {
        if (target.contains(parent) || (target instanceof HTMLInputElement && target.labels && [...target.labels].some((label) => label.contains(parent)))) return false;
        return fragments[index]!.some((box) => intersects(rect, box, 2));
      });
      if (covered >= 0) {
        problems.push(`text ${label(node)} lies over ${label(targets[covered]!)}`);
        break;
      }
    }
  }
  return [...new Set(problems)];
}

/** Links hidden until a keyboard reaches them (the skip links) must fit the screen once they show. */
async function findProblemsWhenFocused(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const skipLinks = page.locator('a.skipnav, a.range-map-skip');
  for (let index = 0; index < (await skipLinks.count()); index++) {
    const link = skipLinks.nth(index);
    await link.focus();
    const { box, width } = await link.evaluate((element) => ({ box: element.getBoundingClientRect().toJSON() as DOMRect, width: document.documentElement.clientWidth }));
    const name = (await link.textContent())?.trim();
    if (box.left < 0 || box.right > width + 1) problems.push(`the skip link «${name}» runs off the screen when focused`);
    if (box.width < 24 || box.height < 24) problems.push(`the skip link «${name}» is a ${Math.round(box.width)}×${Math.round(box.height)} target`);
  }
  return problems;
}

/**
 * tsx compiles named inner functions with a call to its `__name` helper, which does not exist in the page
 * that `findLayoutProblems` is sent to; this stands in for it.
 */
const nameHelper = 'globalThis.__name = (fn) => fn';

describe('every public page on a small screen', () => {
  let harness: BrowserHarness;
  before(async () => {
    if (isChromiumAvailable()) harness = await startBrowserHarness();
    mkdirSync(screensDir, { recursive: true });
  });
  after(() => harness?.close());

  for (const [mode, options, suffix] of [
    ['320 CSS px wide', narrow, '320'],
    ['1280 px at 400 % zoom (320 × 256 CSS px)', zoomed, '400pct'],
  ] as const) {
    for (const target of pages) {
      it(`${target.name}, at ${mode}, reads without sideways scrolling, nothing cut off or covered, and targets big enough to hit`, async (t) => {
        if (skipWithoutChromium(t)) return;
        await withPage(harness, options, async (page) => {
          await page.addInitScript(nameHelper);
          const response = await page.goto(`${harness.origin}${target.path}`);
          assert.equal(response?.status(), target.status);
          assert.match((await page.locator('main').textContent()) ?? '', new RegExp(target.text));
          await page.evaluate(() => document.fonts.ready);
          // At 400 % the pixels are 16 times as many; the 320 px pictures show the same layout.
          if (suffix === '320') await page.screenshot({ path: `${screensDir}/${target.file}-320.png`, fullPage: true });
          const problems = [...(await page.evaluate(findLayoutProblems)), ...(await findProblemsWhenFocused(page))];
          assert.deepEqual(problems, [], `${target.path} at ${mode}:\n  ${problems.join('\n  ')}`);
        });
      });
    }
  }
});
