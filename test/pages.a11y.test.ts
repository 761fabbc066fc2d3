import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { Database } from '../src/db/database.ts';
import { modelScenarioId } from '../src/db/seed/seed-scenarios.ts';
import { assertNoViolations, desktop, phone } from './support/axe.ts';
import { addReview, addTallies } from './support/figures.ts';
import { type BrowserHarness, isChromiumAvailable, skipWithoutChromium, startBrowserHarness, withPage } from './support/browser.ts';
import { addExampleCouncil, addExampleFund, addExampleUserJob } from './support/councils.ts';
import { addExamplePeerCohort, addExampleUserMeeting } from './support/user-meeting.ts';
import { addWithdrawnStory } from './support/gloria.ts';

type PageState = {
  name: string;
  path: string;
  status: number;
  options: BrowserContextOptions;
  prepare?: (page: Page) => Promise<void>;
};

/** The harness's database, for the states that add data first. */
let harnessDatabase: Database;

/** Visitor figures on /tal (ADR 029): a confirmed month at Nabo, a disputed one at Kompasset. */
async function addPublicFigures(page: Page) {
  const db = harnessDatabase.db;
  const id = async (slug: string) => (await db.selectFrom('offering').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  const [nabo, kompasset] = [await id('nabo'), await id('kompasset')];
  await addTallies(db, { offeringId: nabo, from: '2026-09-01', to: '2026-09-10', visits: 12, by: 'Søren Staff' });
  await addReview(db, { offeringId: nabo, month: '2026-09', verdict: 'confirmed', visitsSeen: 120, by: 'Søren Staff', at: new Date('2026-10-02T08:00:00Z') });
  await addTallies(db, { offeringId: kompasset, from: '2026-10-01', to: '2026-10-03', visits: 9, by: 'Ole Optæller' });
  await addReview(db, { offeringId: kompasset, month: '2026-10', verdict: 'disputed', visitsSeen: 27, comment: 'Vi talte flere', by: 'Ole Optæller', at: new Date('2026-11-02T08:00:00Z') });
  await page.reload();
  assert.match(await page.locator('main').innerText(), /indsigelse/);
}

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
  { name: 'the brochure of a district with its live listings (new, closing)', path: '/brochure?bydel=bispebjerg', status: 200, options: desktop },
  { name: 'the printed programme in English, a district week', path: '/en/program?bydel=amager-ost&uge=2026-W52', status: 200, options: desktop },
  { name: 'the printed programme in English, an empty period with notices on a phone', path: '/en/program?bydel=bispebjerg&uge=2026-W50&papir=a3', status: 200, options: phone },
  { name: 'the brochure in English of a district with its live listings', path: '/en/brochure?bydel=bispebjerg', status: 200, options: desktop },
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
  // The public figures (ADR 029): empty first, then with a confirmed month and a dispute (the data is added in this state).
  { name: 'the public figures with nothing confirmed yet', path: '/tal', status: 200, options: desktop },
  { name: 'the public figures with a confirmed month and a dispute, on a phone', path: '/tal', status: 200, options: phone, prepare: addPublicFigures },
  { name: 'the English public figures with a dispute', path: '/en/tal', status: 200, options: desktop },
  { name: 'the published planning scenarios', path: '/planlaegning', status: 200, options: desktop },
  { name: 'the 2016 model, before and after', path: `/planlaegning/${modelScenarioId}`, status: 200, options: desktop },
  { name: 'the 2016 model against today on a phone', path: `/planlaegning/${modelScenarioId}?sammenlign=idag`, status: 200, options: phone },
  { name: 'the English 2016 model', path: `/en/planlaegning/${modelScenarioId}`, status: 200, options: desktop },
  { name: 'the committee report of the 2016 model', path: `/planlaegning/${modelScenarioId}/rapport`, status: 200, options: desktop },
  { name: 'the English committee report of the 2016 model on a phone', path: `/en/planlaegning/${modelScenarioId}/rapport`, status: 200, options: phone },
  // Councils (ADR 033): the list, an example council at Nabo with its meetings (added before the tests).
  { name: 'the councils', path: '/raad', status: 200, options: desktop },
  { name: 'a user council with its meetings', path: '/raad/eksempel-brugerraadet-paa-nabo', status: 200, options: desktop },
  { name: 'a user council on a phone', path: '/raad/eksempel-brugerraadet-paa-nabo', status: 200, options: phone },
  { name: 'a user council in English', path: '/en/raad/eksempel-brugerraadet-paa-nabo', status: 200, options: desktop },
  // The user fund (ADR 033): an example pool open for voting, with ideas in the vote, a rejected one and a grant.
  { name: 'the user funds', path: '/pulje', status: 200, options: desktop },
  { name: 'a user fund with its ideas', path: '/pulje/eksempel-brugerpuljen-2027', status: 200, options: desktop },
  { name: 'a user fund in English on a phone', path: '/en/pulje/eksempel-brugerpuljen-2027', status: 200, options: phone },
  { name: 'the idea form of a user fund in voting (closed for ideas)', path: '/pulje/eksempel-brugerpuljen-2027/forslag', status: 200, options: phone },
  { name: 'voting in a user fund on a phone', path: '/pulje/eksempel-brugerpuljen-2027/stem', status: 200, options: phone },
  { name: 'the idea form of a user fund on a phone', path: '/pulje/eksempel-brugerpuljen-2028/forslag', status: 200, options: phone },
  {
    // The harness's clock stands still, so the form always comes back as sent too fast: the page with a problem.
    name: 'the idea form sent back with a problem',
    path: '/pulje/eksempel-brugerpuljen-2028/forslag',
    status: 200,
    options: desktop,
    prepare: async (page) => {
      await page.getByLabel('Overskrift').fill('Tur til Bakken');
      await page.getByRole('button', { name: 'Send idéen' }).click();
      assert.match(await page.locator('#title-error').innerText(), /send den igen/);
      assert.equal(await page.getByLabel('Overskrift').inputValue(), 'Tur til Bakken');
    },
  },
  { name: 'the open user jobs', path: '/brugerjob', status: 200, options: desktop },
  { name: 'becoming a volunteer at Nabo on a phone', path: '/tilbud/nabo/frivillig', status: 200, options: phone },
  {
    // The harness's clock stands still, so the form comes back as sent too fast: the page with a problem.
    name: 'becoming a volunteer, sent back with a problem',
    path: '/tilbud/nabo/frivillig',
    status: 200,
    options: desktop,
    prepare: async (page) => {
      await page.getByLabel('Fornavn').fill('Maja');
      await page.getByRole('button', { name: 'Send' }).click();
      assert.match(await page.locator('#name-error').innerText(), /send den igen/);
    },
  },
  { name: 'the open user jobs in English on a phone', path: '/en/brugerjob', status: 200, options: phone },
  // The annual user meeting (ADR 036): full, with a proposal, its votes and the minutes (added before the tests).
  { name: 'the user meeting with its waiting list, votes and minutes', path: '/brugermoede', status: 200, options: desktop },
  {
    name: 'registering for the user meeting on a phone, sent without a phone or a tick',
    path: '/brugermoede',
    status: 200,
    options: phone,
    prepare: async (page) => {
      await page.getByLabel('Fornavn').fill('Maja');
      await page.getByRole('button', { name: 'Tilmeld' }).click();
      assert.match(await page.locator('#phone-error').innerText(), /Jeg kan træffes på mit tilbud/);
    },
  },
  { name: 'my registration for the user meeting', path: '/brugermoede/tilmelding/:meetingKey', status: 200, options: phone },
  { name: 'peer counsellors this year, a number only', path: '/peermedarbejdere', status: 200, options: phone },
  // Gloria (ADR 037): the seed's example texts and the theme issue on loneliness.
  { name: 'Gloria, the latest texts and theme issues', path: '/gloria', status: 200, options: desktop },
  { name: 'Gloria in English, one district, on a phone', path: '/en/gloria?bydel=norrebro', status: 200, options: phone },
  { name: 'a Gloria article with subheadings and a list, on a phone', path: '/gloria/saadan-skriver-du-til-gloria', status: 200, options: phone },
  { name: 'a Gloria theme issue', path: '/gloria/tema/ensomhed', status: 200, options: desktop },
  { name: 'an anonymous life story in English', path: '/en/gloria/kaffen-var-min-vej-ind', status: 200, options: phone },
  { name: 'a Gloria life story whose storyteller withdrew consent', path: '/gloria/en-trukket-historie', status: 410, options: phone },
  { name: 'an offering with its council and open user job (Nabo)', path: '/tilbud/nabo', status: 200, options: phone },
  // Issue 9's gaps: peer meetings in the calendar, applying for a user job, the co-creators' forms in English.
  { name: 'the city calendar on the day of a peer meeting, on a phone', path: '/kalender?dato=2026-12-03', status: 200, options: phone },
  { name: 'applying for a user job on a phone', path: '/brugerjob/:jobId/soeg', status: 200, options: phone },
  {
    // The harness's clock stands still, so the form comes back as sent too fast: the page with a problem.
    name: 'applying for a user job, sent back with a problem',
    path: '/brugerjob/:jobId/soeg',
    status: 200,
    options: desktop,
    prepare: async (page) => {
      await page.getByLabel('Fornavn').fill('Maja');
      await page.getByLabel('Jeg kommer forbi tilbuddet').check();
      await page.getByRole('button', { name: 'Send ansøgningen' }).click();
      assert.match(await page.locator('#name-error').innerText(), /send den igen/);
      assert.equal(await page.getByLabel('Fornavn').inputValue(), 'Maja');
    },
  },
  { name: 'the receipt for a user-job application', path: '/brugerjob/:jobId/tak?svar=forbi', status: 200, options: phone },
  { name: 'applying for a user job in English', path: '/en/brugerjob/:jobId/soeg', status: 200, options: desktop },
  { name: 'the idea form of a user fund in English on a phone', path: '/en/pulje/eksempel-brugerpuljen-2028/forslag', status: 200, options: phone },
  { name: 'becoming a volunteer at Nabo in English', path: '/en/tilbud/nabo/frivillig', status: 200, options: desktop },
  { name: 'peer counsellors in English on a phone', path: '/en/peermedarbejdere', status: 200, options: phone },
  {
    name: 'a vote with a code that is already used',
    path: '/pulje/eksempel-brugerpuljen-2027/stem',
    status: 200,
    options: phone,
    prepare: async (page) => {
      await page.getByLabel('Din kode').fill('abcde-fghjk');
      await page.getByLabel(/Tur til Bakken/).check();
      await page.getByRole('button', { name: 'Afgiv stemme' }).click();
      assert.match(await page.locator('#code-error').innerText(), /Koden er allerede brugt/);
    },
  },
  // The last co-creator pages in English: voting in the user fund and the annual user meeting.
  { name: 'voting in a user fund in English on a phone', path: '/en/pulje/eksempel-brugerpuljen-2027/stem', status: 200, options: phone },
  {
    name: 'a vote in English with a code that is already used',
    path: '/en/pulje/eksempel-brugerpuljen-2027/stem',
    status: 200,
    options: desktop,
    prepare: async (page) => {
      await page.getByLabel('Your code').fill('abcde-fghjk');
      await page.getByLabel(/Tur til Bakken/).check();
      await page.getByRole('button', { name: 'Cast your vote' }).click();
      assert.match(await page.locator('#code-error').innerText(), /The code has already been used/);
    },
  },
  { name: 'the user meeting in English', path: '/en/brugermoede', status: 200, options: desktop },
  {
    name: 'registering for the user meeting in English on a phone, sent without a phone or a tick',
    path: '/en/brugermoede',
    status: 200,
    options: phone,
    prepare: async (page) => {
      await page.getByLabel('First name').fill('Sam');
      await page.getByRole('button', { name: 'Register' }).click();
      assert.match(await page.locator('#phone-error').innerText(), /I can be reached at my offering/);
    },
  },
  { name: 'my registration for the user meeting in English', path: '/en/brugermoede/tilmelding/:meetingKey', status: 200, options: phone },
];

/** The example user meeting's personal link (its key is made when the meeting is added). */
let meetingKey = '';
/** The example user job's id, for its application form. */
let jobId = '';

describe('accessibility (axe, WCAG 2.2 AA and best practice)', () => {
  let harness: BrowserHarness;
  before(async () => {
    if (isChromiumAvailable()) {
      harness = await startBrowserHarness();
      harnessDatabase = harness.database;
      // The 2016 model in hearing with one response, so its page shows the hearing too.
      await harness.database.db.insertInto('planning_hearing').values({ scenario_id: modelScenarioId, deadline: '2099-01-31', opened_at: new Date(), opened_by_name: 'Pia' }).execute();
      await harness.database.db
        .insertInto('planning_hearing_response')
        .values({ id: crypto.randomUUID(), scenario_id: modelScenarioId, received_on: '2026-11-20', sender_kind: 'user_council', organisation: 'Brugerrådet', summary: 'Bevar de små steder.', registered_by_name: 'Pia', registered_at: new Date() })
        .execute();
      await addExampleCouncil(harness.database.db);
      await addExampleFund(harness.database.db);
      jobId = await addExampleUserJob(harness.database.db);
      meetingKey = (await addExampleUserMeeting(harness.database.db)).key;
      await addExamplePeerCohort(harness.database.db);
      await addWithdrawnStory(harness.database.db);
    }
  });
  after(() => harness?.close());

  for (const state of states) {
    it(`${state.name} has no violations`, async (t) => {
      if (skipWithoutChromium(t)) return;
      await withPage(harness, state.options, async (page) => {
        const response = await page.goto(`${harness.origin}${state.path.replace(':meetingKey', meetingKey).replace(':jobId', jobId)}`);
        assert.equal(response?.status(), state.status);
        await state.prepare?.(page);
        await assertNoViolations(page);
      });
    });
  }
});
