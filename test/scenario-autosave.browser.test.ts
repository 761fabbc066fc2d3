import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { createScenario } from '../src/app/plan-scenarios.ts';
import { startSession } from '../src/app/staff-access.ts';
import { adminDepsFor } from '../src/boot.ts';
import { desktop } from './support/axe.ts';
import { type BrowserHarness, isChromiumAvailable, skipWithoutChromium, startBrowserHarness, withPage } from './support/browser.ts';

/**
 * A draft scenario's texts saved while typing (static/scenario-autosave.js, ADR 030): nothing is lost when
 * the page is left without pressing the button, and a save made by someone else meanwhile is not written over.
 */
describe('the scenario draft autosaves (Chromium)', () => {
  let harness: BrowserHarness;
  let cookie = '';
  let scenarioId = '';

  before(async () => {
    if (!isChromiumAvailable()) return;
    harness = await startBrowserHarness();
    const deps = adminDepsFor(harness.database.db, { baseUrl: harness.origin, logger: pino({ level: 'silent' }), logLinks: false, now: () => new Date() });
    const account = await deps.access.store.createAccount({ email: 'planner@kk.dk', name: 'Pia Planlægger' });
    await deps.access.store.addGrant(account, { role: 'planner', offeringId: null, organizationId: null });
    cookie = await startSession(deps.access, account);
    const created = await createScenario(
      { store: deps.planning.scenarios, now: new Date() },
      { title: 'Sydhavnen 2027', summary: '', startsOn: '2026-12-01' },
      { accountId: account, name: 'Pia Planlægger', grants: [{ role: 'planner', offeringId: null, organizationId: null }] },
      'test',
    );
    scenarioId = created.kind === 'created' ? created.id : '';
  });
  after(async () => {
    await harness?.close();
  });

  const stored = () => harness.database.db.selectFrom('planning_scenario').select(['summary', 'version']).where('id', '=', scenarioId).executeTakeFirstOrThrow();

  it('saves the description a moment after typing stops, and keeps a later save by someone else apart', async (t) => {
    if (skipWithoutChromium(t)) return;
    await withPage(harness, desktop, async (page) => {
      await page.context().addCookies([{ name: 'tv_session', value: cookie, url: `${harness.origin}/admin` }]);
      await page.goto(`${harness.origin}/admin/planlaegning/${scenarioId}`);
      await page.getByText('Kladden gemmes af sig selv, mens du skriver.').waitFor();
      await page.getByLabel('Beskrivelse').fill('Tre væresteder samles i et multihus.');
      await page.getByText(/Kladden er gemt kl\. \d\d[.:]\d\d\./).waitFor({ timeout: 10_000 });
      assert.deepEqual(await stored(), { summary: 'Tre væresteder samles i et multihus.', version: 2 });
      // Typing on after the first save is checked against the version that save returned.
      await page.getByLabel('Beskrivelse').fill('Tre væresteder samles i et multihus i Sydhavnen.');
      await page.getByText(/Kladden er gemt kl\./).waitFor({ timeout: 10_000 });
      await page.waitForFunction(() => (document.querySelector('input[name="version"]') as HTMLInputElement).value === '3');
      assert.equal((await stored()).version, 3);

      // Someone else saves; this page's next save is refused and says so, and nothing is written over.
      await harness.database.db.updateTable('planning_scenario').set({ summary: 'En andens tekst', version: 4 }).where('id', '=', scenarioId).execute();
      await page.getByLabel('Beskrivelse').fill('Min tekst');
      await page.getByText(/En anden har gemt scenariet/).waitFor({ timeout: 10_000 });
      assert.equal((await stored()).summary, 'En andens tekst');
      await page.getByRole('button', { name: 'Gem kladden' }).click();
      await page.getByText(/efter du åbnede det\. Din tekst står i felterne/).waitFor();
      assert.equal(await page.getByLabel('Beskrivelse').inputValue(), 'Min tekst');
    });
  });
});
