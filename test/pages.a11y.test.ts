import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { type BrowserHarness, isChromiumAvailable, skipWithoutChromium, startBrowserHarness, withPage } from './support/browser.ts';

/** WCAG 2.2 A and AA (axe tags each success criterion by the version that introduced it) plus best practice. */
const ruleSet = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const phone: BrowserContextOptions = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };

function describeViolations(violations: Result[]): string {
  return violations
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`)
    .join('\n');
}

async function assertNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(ruleSet).analyze();
  assert.ok(results.passes.length > 0, 'axe ran its rules');
  assert.equal(results.violations.length, 0, describeViolations(results.violations));
}

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
  { name: 'the 404 page', path: '/findes-ikke', status: 404, options: desktop },
  { name: 'the 404 page on a phone', path: '/findes-ikke', status: 404, options: phone },
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
