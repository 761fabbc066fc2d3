import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import type { BrowserContextOptions, Page } from 'playwright-core';
import postcss from 'postcss';
import { startSession } from '../src/app/staff-access.ts';
import { adminDepsFor } from '../src/boot.ts';
import type { Role } from '../src/domain/access/policy.ts';
import { desktop, phone } from './support/axe.ts';
import { type BrowserHarness, isChromiumAvailable, skipWithoutChromium, startBrowserHarness, withPage } from './support/browser.ts';
import { testNow } from './support/clock.ts';

/**
 * The cut-down DKFDS stylesheet (ADR 017) must leave out only rules that apply to nothing on any page.
 * Every selector that is in the whole dkfds.min.css but not in the subset is tried on every page below
 * (with its state, hover or focus, taken away, so a rule for a state the page is not in counts too); none
 * may find an element. Whether a rule applies does not depend on the screen's width or on print, so one
 * load per page covers the phone, the desktop and the printout.
 */
const selectorsOf = (css: string) => {
  const selectors = new Set<string>();
  postcss.parse(css).walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/.test((rule.parent as postcss.AtRule).name)) return;
    for (const selector of rule.selectors) selectors.add(selector);
  });
  return selectors;
};
const whole = selectorsOf(fs.readFileSync(new URL('../node_modules/dkfds/dist/css/dkfds.min.css', import.meta.url), 'utf8'));
const kept = selectorsOf(fs.readFileSync(new URL('../src/web/static/dkfds/dkfds.css', import.meta.url), 'utf8'));
const leftOut = [...whole].filter((selector) => !kept.has(selector));

/** The selector without states, pseudo-elements and :not()/:is()/:has(), as the subset script reads it. */
function withoutState(selector: string): string {
  let bare = '';
  for (let index = 0; index < selector.length; index++) {
    const pseudo = /^::?[a-zA-Z-]+(\()?/.exec(selector.slice(index));
    if (!pseudo) {
      bare += selector[index];
      continue;
    }
    let end = index + pseudo[0].length - 1;
    if (pseudo[1]) {
      for (let depth = 0; end < selector.length; end++) {
        if (selector[end] === '(') depth++;
        else if (selector[end] === ')' && --depth === 0) break;
      }
    }
    index = end;
  }
  return bare.trim().replace(/[>+~]\s*$/, '').trim() || '*';
}

type PageState = { path: string; name?: string; options?: BrowserContextOptions; role?: Role; prepare?: (page: Page) => Promise<void> };

const openEveryPanel = async (page: Page) => {
  for (const summary of await page.locator('details > summary').all()) await summary.click();
};

const states: PageState[] = [
  { path: '/', prepare: openEveryPanel },
  { path: '/?aaben=nu&q=café' },
  { path: '/?aaben=tidspunkt&dag=2026-11-20&kl=10:00' },
  { path: '/?q=%C3%B8%C3%B8%C3%B8%C3%B8' },
  {
    path: '/?naer=2300',
    prepare: async (page) => {
      await page.getByRole('link', { name: 'Se stederne på et kort' }).click();
      await page.locator('#finder-map .range-map-svg').waitFor();
    },
  },
  { path: '/kort?naer=2300' },
  { path: '/kort?q=findes-ikke-noget' },
  { path: '/tilbud/nabo', prepare: openEveryPanel },
  { path: '/tilbud/amadeus' },
  { path: '/tilbud/milepaelen' },
  { path: '/tilbud/nabo-satellit' },
  { path: '/tilbud/findes-ikke' },
  { path: '/tilbud/nabo/ret' },
  {
    path: '/tilbud/nabo/ret',
    name: '/tilbud/nabo/ret sent empty',
    prepare: async (page) => {
      await page.locator('form button[type=submit]').last().click();
      await page.waitForLoadState('networkidle');
    },
  },
  { path: '/?q=a&side=2' },
  { path: '/liste?steder=nabo,kompasset&note=Hej' },
  { path: `/liste?steder=nabo&note=${'x'.repeat(600)}`, name: '/liste with a note that is too long' },
  { path: '/liste/udskriv?steder=nabo,kompasset' },
  { path: '/kalender' },
  { path: '/kalender?visning=uge&dato=2026-12-23' },
  { path: '/kalender/daekning' },
  { path: '/program?bydel=amager-ost&uge=2026-W52' },
  { path: '/program?bydel=bispebjerg&uge=2026-W50&papir=a3' },
  { path: '/brochure' },
  { path: '/findes-ikke' },
  { path: '/en', options: phone },
  { path: '/en/kort?naer=2300' },
  { path: '/en/kalender/daekning' },
  { path: '/planlaegning/daekning?dato=2016-03-01' },
  { path: '/planlaegning/budget', options: phone },
  // The back office uses the same stylesheet.
  { path: '/admin/log-ind' },
  {
    path: '/admin/log-ind',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.locator('.alert-error').waitFor();
    },
  },
  { path: '/admin/glemt-adgangskode' },
  { path: '/admin', role: 'system_admin' },
  { path: '/admin', role: 'offering_staff', options: phone },
  {
    path: '/admin/tilbud/nabo',
    role: 'offering_staff',
    prepare: async (page) => {
      await page.getByLabel('Telefon').fill('12');
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.locator('.alert-error').waitFor();
    },
  },
  { path: '/admin/tilbud/amadeus', role: 'offering_staff' },
  { path: '/admin/revision', role: 'system_admin' },
  { path: '/admin/planlaegning/budget', role: 'system_admin' },
];

describe('the DKFDS subset leaves out only rules that apply to nothing', () => {
  let harness: BrowserHarness;
  const cookies: Partial<Record<Role, string>> = {};
  before(async () => {
    if (!isChromiumAvailable()) return;
    harness = await startBrowserHarness();
    const deps = adminDepsFor(harness.database.db, { baseUrl: harness.origin, logger: pino({ level: 'silent' }), logLinks: false, now: () => new Date(testNow) });
    const nabo = await harness.database.db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
    for (const role of ['system_admin', 'offering_staff'] as const) {
      const id = await deps.access.store.createAccount({ email: `${role}@kk.dk`, name: role });
      await deps.access.store.addGrant(id, { role, offeringId: role === 'offering_staff' ? nabo.id : null, organizationId: null });
      cookies[role] = await startSession(deps.access, id);
    }
  });
  after(() => harness?.close());

  it('leaves out most of DKFDS', () => {
    assert.ok(leftOut.length > whole.size / 2, `${leftOut.length} of ${whole.size} selectors left out`);
  });

  for (const state of states) {
    it(`${state.name ?? state.path}${state.role ? ` as ${state.role}` : ''}${state.prepare ? ' (after a click)' : ''}`, async (t) => {
      if (skipWithoutChromium(t)) return;
      await withPage(harness, state.options ?? desktop, async (page) => {
        if (state.role) await page.context().addCookies([{ name: 'tv_session', value: cookies[state.role]!, url: `${harness.origin}/admin` }]);
        await page.goto(`${harness.origin}${state.path}`, { waitUntil: 'networkidle' });
        await state.prepare?.(page);
        const candidates = leftOut.map((selector) => ({ selector, bare: withoutState(selector) }));
        const applying = await page.evaluate(
          (list) =>
            list.flatMap(({ selector, bare }) => {
              try {
                const element = document.querySelector(bare);
                return element ? [`${selector} (${element.outerHTML.slice(0, 80)})`] : [];
              } catch {
                return [`${selector}: not a selector this test can try (${bare})`];
              }
            }),
          candidates,
        );
        assert.deepEqual(applying, [], 'rules left out of the subset that apply on this page');
      });
    });
  }
});
