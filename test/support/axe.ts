import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { BrowserContextOptions, Page } from 'playwright-core';

/** WCAG 2.2 A and AA (axe tags each success criterion by the version that introduced it) plus best practice. */
export const ruleSet = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
export const phone: BrowserContextOptions = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };

function describeViolations(violations: Result[]): string {
  return violations
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`)
    .join('\n');
}

export async function assertNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(ruleSet).analyze();
  assert.ok(results.passes.length > 0, 'axe ran its rules');
  assert.equal(results.violations.length, 0, describeViolations(results.violations));
}
