import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContextOptions } from 'playwright-core';
import { assertNoViolations, desktop, phone } from './support/axe.ts';
import { type BrowserHarness, isChromiumAvailable, skipWithoutChromium, startBrowserHarness, withPage } from './support/browser.ts';

const note = encodeURIComponent('Hej Sara. Spørg efter en medarbejder ved døren.\nVi ses tirsdag kl. 10.');

const states: { name: string; path: string }[] = [
  { name: 'an empty list', path: '/liste' },
  { name: 'a list with places', path: '/liste?steder=nabo,kompasset,mamma-mia,amadeus' },
  { name: 'a list with a place that no longer exists', path: '/liste?steder=findes-ikke,nabo' },
  { name: 'a list with a note', path: `/liste?steder=nabo,kompasset,mamma-mia&note=${note}` },
  { name: 'a list with notices and a note that is too long', path: `/liste?steder=nabo,%3Cx%3E&note=${'a'.repeat(501)}` },
  { name: 'the print view', path: `/liste/udskriv?steder=nabo,kompasset,mamma-mia,findes-ikke&note=${note}` },
  { name: 'the print view of an empty list', path: '/liste/udskriv' },
];

const sizes: [string, BrowserContextOptions][] = [
  ['desktop', desktop],
  ['phone', phone],
];

describe('accessibility of the shortlist (axe, WCAG 2.2 AA and best practice, JavaScript on)', () => {
  let harness: BrowserHarness;
  before(async () => {
    if (isChromiumAvailable()) harness = await startBrowserHarness();
  });
  after(() => harness?.close());

  for (const state of states) {
    for (const [size, options] of sizes) {
      it(`${state.name} on a ${size} has no violations`, async (t) => {
        if (skipWithoutChromium(t)) return;
        await withPage(harness, options, async (page) => {
          const response = await page.goto(`${harness.origin}${state.path}`, { waitUntil: 'networkidle' });
          assert.equal(response?.status(), 200);
          await assertNoViolations(page);
        });
      });
    }
  }
});
