import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { startSession } from '../src/app/staff-access.ts';
import { scheduleFingerprint } from '../src/app/edit-schedule.ts';
import { addDays, copenhagenDate } from '../src/domain/time.ts';
import { adminDepsFor } from '../src/boot.ts';
import type { Role } from '../src/domain/access/policy.ts';
import { modelScenarioId } from '../src/db/seed/seed-scenarios.ts';
import { assertNoViolations, desktop, phone } from './support/axe.ts';
import { type BrowserHarness, isChromiumAvailable, screenshotPath, skipWithoutChromium, startBrowserHarness, withPage } from './support/browser.ts';
import { testNow } from './support/clock.ts';
import { addExampleCouncil, addExampleFriends, addExampleFund, addExampleUserJob, addExampleVolunteer } from './support/councils.ts';
import { addExamplePeerCohort, addExampleUserMeeting } from './support/user-meeting.ts';
import { addExampleGloria } from './support/gloria.ts';
import { startFakeOpenIdProvider } from './support/fake-openid-provider.ts';
import { addReview, addTallies } from './support/figures.ts';

/** The back office in Chromium: every page and state through axe, with a screenshot of each (single sign-on set up). */
describe('the back office (axe, WCAG 2.2 AA and best practice)', () => {
  let harness: BrowserHarness;
  let provider: Awaited<ReturnType<typeof startFakeOpenIdProvider>> | undefined;
  const cookies: Partial<Record<Role, string>> = {};
  let proposal = '';
  let staffAccount = '';
  let task = '';
  let closedTask = '';
  let timesProposal = '';
  /** A self-governing operator's offering, whose editor proposes changes (ADR 022). */
  let reviewed = '';
  let referral = '';
  /** A referred course at Nabo with a meeting held yesterday, one to come and two participants. */
  const course = { id: '', held: '', participant: '' };
  /** An example user council at Nabo with a meeting (ADR 033). */
  let council = { council: '', meeting: '', slug: '' };
  /** An example user fund open for voting (ADR 033). */
  let fund = { round: '', slug: '', usedCode: '' };
  /** An example user job at Nabo (ADR 033). */
  let userJob = '';
  /** An example volunteer at Nabo, screened but not insured (ADR 033). */
  let volunteer = '';
  let userMeeting = '';
  let peerCohort = '';
  /** Issue 9: a peer meeting that has been held (for its tick list) and a cohort with nothing that counts (deletable). */
  let peerSession = '';
  let emptyCohort = '';
  /** Gloria (ADR 037): the administrator edits and the staff member writes on the city-wide team. */
  let gloria = { article: '', theme: '' };

  before(async () => {
    if (!isChromiumAvailable()) return;
    // Single sign-on is set up, so the sign-in page has its button; the fake provider signs in a person without an account.
    const client = { clientId: 'tilbudsvifte', clientSecret: 'hemmelig-klientnoegle' };
    provider = await startFakeOpenIdProvider(client);
    provider.signInAs({ sub: 'subject-ny', email: 'ny@kk.dk', email_verified: true });
    harness = await startBrowserHarness({
      singleSignOn: { issuer: provider.issuer, ...client, name: 'Log ind med din arbejdskonto', allowInsecureRequests: true },
    });
    const deps = adminDepsFor(harness.database.db, { baseUrl: harness.origin, logger: pino({ level: 'silent' }), logLinks: false, now: () => new Date(testNow) });
    const nabo = await harness.database.db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
    const names = { system_admin: 'Anna Admin', offering_staff: 'Søren Staff', planner: 'Pia Planlægger', referrer: 'Rikke Henviser' };
    for (const role of ['system_admin', 'offering_staff', 'planner', 'referrer'] as const) {
      const id = await deps.access.store.createAccount({ email: `${role}@kk.dk`, name: names[role] });
      await deps.access.store.addGrant(id, { role, offeringId: role === 'offering_staff' ? nabo.id : null, organizationId: null });
      cookies[role] = await startSession(deps.access, id);
    }
    const selfGoverning = await harness.database.db
      .selectFrom('offering')
      .innerJoin('organization', 'organization.id', 'offering.operator_id')
      .select(['offering.slug', 'offering.operator_id'])
      .where('organization.ownership', '=', 'self_governing')
      .orderBy('offering.slug')
      .executeTakeFirstOrThrow();
    reviewed = selfGoverning.slug;
    const olga = await deps.access.store.createAccount({ email: 'operator_editor@kk.dk', name: 'Olga Operatør' });
    await deps.access.store.addGrant(olga, { role: 'operator_editor', offeringId: null, organizationId: selfGoverning.operator_id });
    cookies.operator_editor = await startSession(deps.access, olga);
    const current = (await deps.backOffice.offeringForEdit('nabo'))!;
    const by = { id: (await deps.access.store.accountByEmail('offering_staff@kk.dk'))!.id, name: 'Søren Staff' };
    staffAccount = by.id;
    // A proposed change of Nabo's hours: Saturday mornings added, one weekday period removed.
    const times = (await deps.times.timesOf(nabo.id))!;
    const [, ...kept] = times.schedule.rules;
    const proposed = { ...times.schedule, rules: [...kept, { ...times.schedule.rules[0]!, id: crypto.randomUUID(), weekday: 6, opens: '09:00', closes: '12:00' }] };
    timesProposal = await deps.times.propose(
      { offeringId: nabo.id, change: { kind: 'schedule', schedule: proposed, confirmedNoHours: false, base: times.schedule }, baseFingerprint: scheduleFingerprint(times.schedule), summary: 'Ændring af åbningstiderne', by, at: new Date(testNow) },
      { at: new Date(testNow), actorId: by.id, actorName: by.name, action: 'times.propose', resourceType: 'offering', resourceId: nabo.id, summary: 'Forslag', source: null },
    );
    proposal = await deps.backOffice.propose(
      { offeringId: nabo.id, baseVersion: current.version, baseTexts: current.texts, texts: { ...current.texts, phone: '33 17 33 17' }, by },
      { at: new Date(testNow), actorId: by.id, actorName: by.name, action: 'offering.propose', resourceType: 'offering', resourceId: nabo.id, summary: 'Forslag', source: null },
    );
    // Freshness: Kompasset is past its warning, Nabo due soon; two corrections from citizens for Nabo, one closed.
    const day = 86_400_000;
    await harness.database.db.updateTable('offering').set({ verified_at: new Date(testNow.getTime() - 200 * day) }).where('slug', '=', 'kompasset').execute();
    await harness.database.db.updateTable('offering').set({ verified_at: new Date(testNow.getTime() - 160 * day) }).where('slug', '=', 'nabo').execute();
    const citizen = (id: string) => ({ at: new Date(testNow), actorId: null, actorName: 'Borger', action: 'correction.create', resourceType: 'correction_task', resourceId: id, summary: 'Rettelse', source: null });
    task = await deps.corrections.create(
      { offeringId: nabo.id, text: 'Åbningstiden om fredagen står forkert.\nDer er lukket kl. 14.', contactEmail: 'borger@example.dk', createdAt: new Date(testNow) },
      citizen,
    );
    closedTask = await deps.corrections.create({ offeringId: nabo.id, text: 'Telefonnummeret virker ikke.', contactEmail: null, createdAt: new Date(testNow) }, citizen);
    // The outbox: one mail sent, one waiting for another attempt, one given up; and the jobs' schedule.
    const mail = (subject: string, extra: object) => ({ id: crypto.randomUUID(), recipient: 'x@kk.dk', subject, body: '', created_at: new Date(testNow), ...extra });
    await harness.database.db
      .insertInto('outbox')
      .values([
        mail('Vælg en adgangskode til Tilbudsvifte', { sent_at: new Date(testNow), attempts: 1 }),
        mail('Tilbudsvifte: Er oplysningerne om Nabo stadig rigtige?', { attempts: 2, last_error: 'Connection timeout', next_attempt_at: new Date(testNow.getTime() + 300_000) }),
        mail('Vælg en adgangskode til Tilbudsvifte', { attempts: 1, failed_at: new Date(testNow), last_error: '550 5.1.1 [adresse]: Recipient address rejected' }),
      ])
      .execute();
    await harness.database.db
      .insertInto('job_schedule')
      .values([
        { name: 'freshness-reminders', next_run_at: new Date(testNow.getTime() + 86_400_000), last_started_at: new Date(testNow), last_finished_at: new Date(testNow) },
        { name: 'outbox-delivery', next_run_at: new Date(testNow), last_started_at: new Date(testNow), last_finished_at: new Date(testNow), last_error: 'Connection refused', failures: 3 },
      ])
      .execute();
    // Visitor figures for the reports (ADR 029): a month with a small count, a dispute, last year to compare with.
    const kompasset = await harness.database.db.selectFrom('offering').select('id').where('slug', '=', 'kompasset').executeTakeFirstOrThrow();
    await addTallies(harness.database.db, { offeringId: nabo.id, from: '2026-09-01', to: '2026-09-10', visits: 12, by: 'Søren Staff' });
    await addTallies(harness.database.db, { offeringId: nabo.id, from: '2026-10-05', to: '2026-10-05', visits: 3, by: 'Søren Staff' });
    await addTallies(harness.database.db, { offeringId: nabo.id, from: '2025-09-01', to: '2025-09-08', visits: 10, by: 'Søren Staff' });
    await addTallies(harness.database.db, { offeringId: kompasset.id, from: '2026-09-01', to: '2026-09-05', visits: 10, by: 'Ole Optæller' });
    await addReview(harness.database.db, { offeringId: nabo.id, month: '2026-09', verdict: 'disputed', visitsSeen: 120, comment: 'Vi talte flere', by: 'Søren Staff', at: new Date('2026-10-02T08:00:00Z') });
    council = await addExampleCouncil(harness.database.db);
    fund = await addExampleFund(harness.database.db);
    userJob = await addExampleUserJob(harness.database.db);
    volunteer = await addExampleVolunteer(harness.database.db);
    userMeeting = (await addExampleUserMeeting(harness.database.db)).meeting;
    peerCohort = await addExamplePeerCohort(harness.database.db);
    await addExampleFriends(harness.database.db);
    peerSession = crypto.randomUUID();
    await harness.database.db.insertInto('peer_session').values({ id: peerSession, cohort_id: peerCohort, kind: 'peer_meeting', offering_id: nabo.id, on_date: '2026-11-20', starts_at: '14:00', ends_at: '15:30', created_at: new Date(testNow) }).execute();
    emptyCohort = crypto.randomUUID();
    await harness.database.db.insertInto('peer_cohort').values({ id: emptyCohort, name: 'Eksempel: Peerhold oprettet ved en fejl', year: 2027, target_min: 10, target_max: 12, course_id: null, created_at: new Date(testNow) }).execute();
    await harness.database.db
      .insertInto('user_job_application')
      .values({ id: crypto.randomUUID(), job_id: userJob, display_name: 'Maja', phone: null, comes_by: true, message: 'Jeg kan om tirsdagen.', purpose: 'Ansøgning om brugerjob', delete_after: '2027-02-21', created_at: new Date(testNow) })
      .execute();
    gloria = await addExampleGloria(harness.database.db, { editor: (await deps.access.store.accountByEmail('system_admin@kk.dk'))!.id, writer: staffAccount });
    // A referred course at Nabo a week ahead, and a referral to it from a partner (ADR 025).
    const courseId = crypto.randomUUID();
    const inAWeek = addDays(copenhagenDate(new Date(testNow)), 7);
    await harness.database.db
      .insertInto('course')
      .values({ id: courseId, slug: 'eksempel-trivsel-i-hverdagen', title: 'Eksempel: Trivsel i hverdagen', kind: 'referred', track: 'life_skills', purpose: 'Trivsel', target_group: 'Voksne', offering_id: nabo.id, run_by: 'staff', capacity: 8, how_to_join: 'Henvisning', goal: 'Bedre trivsel', is_example: true })
      .execute();
    await harness.database.db.insertInto('course_session').values({ id: crypto.randomUUID(), course_id: courseId, on_date: inAWeek, starts_at: '10:00', ends_at: '12:00' }).execute();
    const referrer = (await deps.access.store.accountByEmail('referrer@kk.dk'))!.id;
    referral = (
      await deps.courses.createReferral(
        {
          courseId,
          referrerAccountId: referrer,
          referrerName: 'Rikke Henviser',
          referrerOrganisation: 'Regionspsykiatrien',
          citizenName: 'Mira',
          citizenContact: '12345678',
          consent: { shared: 'Fornavn og telefonnummer', sharedWith: 'Holdlederne', until: addDays(inAWeek, 180) },
          tokenHash: 'a11y-referral',
          at: new Date(testNow),
        },
        (id) => ({ at: new Date(testNow), actorId: referrer, actorName: 'Rikke Henviser', action: 'referral.create', resourceType: 'referral', resourceId: id, summary: 'Henvisning', source: null }),
      )
    ).id;
    await deps.corrections.close(closedTask, { by: by.id, at: new Date(testNow), note: 'Rettet telefonnummeret.' }, { ...citizen(closedTask), action: 'correction.close' });
    const made = await deps.courses.createCourse(
      nabo.id,
      {
        title: 'Styr på hverdagen',
        kind: 'referred',
        track: 'life_skills',
        purpose: 'Struktur på ugen og overblik over post og regninger.',
        targetGroup: 'Voksne, der er henvist af Socialforvaltningen',
        runBy: 'staff_and_peer',
        format: 'group',
        capacity: 2,
        language: 'dansk',
        price: null,
        howToJoin: 'Din kontaktperson henviser dig.',
        goal: 'Jeg har overblik over min uge',
      },
      new Date(testNow),
      (created) => ({ ...citizen(created.id), actorName: by.name, action: 'course.create', resourceType: 'course' }),
    );
    course.id = made.id;
    const today = copenhagenDate(new Date(testNow));
    for (const date of [addDays(today, -1), addDays(today, 6)]) {
      await deps.courses.addSession({ courseId: made.id, fields: { date, startsAt: '13:00', endsAt: '14:30', placeNote: null }, at: new Date(testNow) }, () => ({
        ...citizen(made.id),
        action: 'course.session.add',
        resourceType: 'course',
      }));
    }
    course.held = (await deps.courses.courseById(made.id))!.course.sessions[0]!.id;
    const people = [
      { name: 'Mette', contact: 'mette@example.dk', state: 'enrolled' },
      { name: 'Jonas', contact: null, state: 'enrolled' },
      { name: 'Fatima', contact: '22 33 44 55', state: 'waitlisted' },
    ] as const;
    for (const [index, item] of people.entries()) {
      const id = crypto.randomUUID();
      if (index === 0) course.participant = id;
      await harness.database.db
        .insertInto('course_participant')
        .values({ id, course_id: made.id, position: index + 1, display_name: item.name, contact: item.contact, state: item.state, token_hash: crypto.randomUUID(), joined_at: new Date(testNow) })
        .execute();
    }
  });
  after(async () => {
    await harness?.close();
    await provider?.close();
  });

  async function signedInAs(page: Page, role: Role) {
    await page.context().addCookies([{ name: 'tv_session', value: cookies[role]!, url: `${harness.origin}/admin` }]);
  }

  /** Fills the first empty row of the hours form with a new opening period. */
  async function fillNewRule(page: Page, weekday: string, opens: string, closes: string) {
    const select = page.locator('select[name^="rules."][name$=".weekday"]:has(option[value=""]:checked)').first();
    const row = (await select.getAttribute('name'))!.split('.')[1];
    await select.selectOption(weekday);
    await page.locator(`[id="rules.${row}.opens"]`).fill(opens);
    await page.locator(`[id="rules.${row}.closes"]`).fill(closes);
  }

  const states: { name: string; path: string; status: number; role?: Role; onPhone?: boolean; prepare?: (page: Page) => Promise<void> }[] = [
    { name: 'sign-in', path: '/admin/log-ind', status: 200 },
    { name: 'sign-in on a phone', path: '/admin/log-ind', status: 200, onPhone: true },
    {
      name: 'sign-in sent empty',
      path: '/admin/log-ind',
      status: 200,
      prepare: async (page) => {
        await page.getByRole('button', { name: 'Log ind' }).click();
        await page.waitForURL(/log-ind/);
        assert.match(await page.locator('.alert-error').innerText(), /Skriv din e-mail/);
      },
    },
    {
      name: 'single sign-on for a person without an account',
      path: '/admin/log-ind',
      status: 200,
      prepare: async (page) => {
        await page.getByRole('link', { name: 'Log ind med din arbejdskonto' }).click();
        await page.waitForURL(/\/admin\/sso\/callback/);
        assert.match(await page.locator('main').innerText(), /Du har ingen konto i Tilbudsvifte endnu/);
      },
    },
    { name: 'single sign-on that must start again', path: '/admin/sso/callback?code=x&state=y', status: 400 },
    { name: 'forgot password', path: '/admin/glemt-adgangskode', status: 200 },
    { name: 'a link that does not work', path: `/admin/adgangskode/${'x'.repeat(43)}`, status: 410 },
    { name: 'the administrator\'s front page', path: '/admin', status: 200, role: 'system_admin' },
    { name: 'the front page of staff at Nabo on a phone', path: '/admin', status: 200, role: 'offering_staff', onPhone: true },
    { name: 'editing Nabo', path: '/admin/tilbud/nabo', status: 200, role: 'offering_staff' },
    {
      name: 'editing Nabo with two problems',
      path: '/admin/tilbud/nabo',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByLabel('Beskrivelse').fill('');
        await page.getByLabel('Telefon').fill('12');
        await page.getByRole('button', { name: 'Gem' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /2 problemer/);
      },
    },
    {
      name: 'after a save, with undo',
      path: '/admin/tilbud/nabo',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByLabel('Første gang du kommer').fill('Ring på, så lukker vi op. Du må gerne bare sidde og se an.');
        await page.getByRole('button', { name: 'Gem' }).click();
        await page.getByRole('button', { name: 'Fortryd ændringen' }).waitFor();
      },
    },
    { name: 'an offering outside the person\'s roles (403)', path: '/admin/tilbud/amadeus', status: 403, role: 'offering_staff' },
    { name: 'the audit log', path: '/admin/revision', status: 200, role: 'system_admin' },
    { name: 'the accounts', path: '/admin/konti', status: 200, role: 'system_admin' },
    { name: 'mails and background jobs', path: '/admin/drift', status: 200, role: 'system_admin' },
    { name: 'mails and background jobs on a phone', path: '/admin/drift', status: 200, role: 'system_admin', onPhone: true },
    {
      name: 'the accounts with an invitation missing its scope',
      path: '/admin/konti',
      status: 200,
      role: 'system_admin',
      prepare: async (page) => {
        await page.locator('#name').fill('Olga Operatør');
        await page.locator('#email').fill('olga@kk.dk');
        await page.locator('#role').selectOption('operator_editor');
        await page.getByRole('button', { name: 'Opret og send link' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /skal dække en selvejende organisation/);
      },
    },
    { name: 'one account', path: '/admin/konti/:staff', status: 200, role: 'system_admin' },
    { name: 'the budgets for a planner', path: '/admin/planlaegning/budget', status: 200, role: 'planner' },
    {
      name: 'the budgets with a transfer that does not balance',
      path: '/admin/planlaegning/budget',
      status: 200,
      role: 'planner',
      onPhone: true,
      prepare: async (page) => {
        await page.locator('#overfoersel-fra').selectOption('1613');
        await page.locator('#overfoersel-til').selectOption('1616');
        await page.locator('#overfoersel-tages').fill('3.400');
        await page.locator('#overfoersel-gives').fill('3.000');
        await page.locator('#overfoersel-foerste-aar').fill('2017');
        await page.locator('#overfoersel-prisniveau').fill('2013');
        await page.locator('#overfoersel-begrundelse').fill('Prøver en overførsel, der ikke går op.');
        await page.getByRole('button', { name: 'Gem overførslen' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /Overførslen går ikke op/);
      },
    },
    { name: 'the status of Amadeus (closing)', path: '/admin/tilbud/amadeus/status', status: 200, role: 'system_admin' },
    {
      name: 'a closing date before today',
      path: '/admin/tilbud/nabo/status',
      status: 200,
      role: 'system_admin',
      prepare: async (page) => {
        await page.locator('#kind-closing').check();
        await page.locator('#occursOn').fill('2020-01-01');
        await page.getByRole('button', { name: 'Registrér' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /før i dag/);
      },
    },
    { name: 'the history of Nabo', path: '/admin/tilbud/nabo/historik', status: 200, role: 'system_admin' },
    { name: 'the visitor tally of Nabo on a phone', path: '/admin/tilbud/nabo/optaelling', status: 200, role: 'offering_staff', onPhone: true },
    { name: 'the visitor tally of Nabo for a planner, who may only read', path: '/admin/tilbud/nabo/optaelling', status: 200, role: 'planner' },
    {
      name: 'a visitor tally with a negative count (sent through the queue, shown by the form)',
      path: '/admin/tilbud/nabo/optaelling',
      status: 200,
      role: 'offering_staff',
      onPhone: true,
      prepare: async (page) => {
        await page.getByLabel('Antal besøg').fill('-3');
        await page.getByRole('button', { name: 'Gem optællingen' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /under 0/);
      },
    },
    {
      name: 'a dispute of last month’s visits without a comment',
      path: '/admin/tilbud/nabo/optaelling',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByLabel('Nej, vi er uenige i tallet').check();
        await page.getByRole('button', { name: 'Send' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /Skriv hvad der er forkert/);
      },
    },
    {
      name: 'a visitor tally saved through the queue',
      path: '/admin/tilbud/nabo/optaelling',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByLabel('Antal besøg').fill('0');
        await page.getByRole('button', { name: 'Gem optællingen' }).click();
        await page.getByText('1 optælling er gemt').waitFor();
      },
    },
    {
      name: 'correcting a visitor tally without a reason (ADR 028)',
      path: '/admin/tilbud/nabo/optaelling',
      status: 200,
      role: 'offering_staff',
      onPhone: true,
      prepare: async (page) => {
        await page.getByLabel('Antal besøg').fill('0');
        await page.getByRole('button', { name: 'Gem optællingen' }).click();
        await page.getByText('1 optælling er gemt').waitFor();
        await page.reload();
        await page.getByRole('link', { name: /^Ret optællingen/ }).first().click();
        await page.getByLabel('Antal besøg').fill('3');
        await page.getByRole('button', { name: 'Gem rettelsen' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /Skriv hvorfor/);
      },
    },
    { name: 'how Amadeus counts (ADR 028)', path: '/admin/tilbud/amadeus/optaelling/indstillinger', status: 200, role: 'system_admin' },
    {
      name: 'the tally of Amadeus per period with breakdowns and member cards, a card number typed wrong',
      path: '/admin/tilbud/amadeus/optaelling/indstillinger',
      status: 200,
      role: 'system_admin',
      onPhone: true,
      prepare: async (page) => {
        await page.getByLabel('Hver åbningsperiode for sig').check();
        await page.getByLabel('Alder').check();
        await page.getByLabel('Køn').check();
        await page.getByLabel('Vi registrerer medlemskort').check();
        await page.getByRole('button', { name: 'Gem' }).click();
        await page.getByText('Indstillingerne er gemt').waitFor();
        await page.getByRole('link', { name: /^Optælling af besøg/ }).click();
        await page.getByLabel('Medlemsnummer').fill('1234 5675');
        await page.getByRole('button', { name: 'Registrér kortet' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /Nummeret passer ikke/);
      },
    },
    {
      name: 'a tally of Amadeus whose breakdown adds up to more than its visits',
      path: '/admin/tilbud/amadeus/optaelling/indstillinger',
      status: 200,
      role: 'system_admin',
      prepare: async (page) => {
        await page.getByLabel('Hele dagen').check();
        await page.getByLabel('Køn').check();
        await page.getByRole('button', { name: 'Gem' }).click();
        await page.getByText('Indstillingerne er gemt').waitFor();
        await page.getByRole('link', { name: /^Optælling af besøg/ }).click();
        await page.getByLabel('Antal besøg').fill('2');
        await page.getByLabel('Kvinder').fill('3');
        await page.getByRole('button', { name: 'Gem optællingen' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /tilsammen 3, men der var kun 2/);
      },
    },
    { name: 'changes waiting for approval', path: '/admin/godkendelser', status: 200, role: 'system_admin' },
    { name: 'a proposed change', path: '/admin/godkendelser/:proposal', status: 200, role: 'system_admin' },
    {
      name: 'a proposed change rejected without a reason',
      path: '/admin/godkendelser/:proposal',
      status: 200,
      role: 'system_admin',
      prepare: async (page) => {
        await page.getByRole('button', { name: 'Afvis' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /begrundelse/);
      },
    },
    { name: 'a proposed change of the hours', path: '/admin/tilbud/nabo/tider/forslag/:timesProposal', status: 200, role: 'system_admin' },
    {
      name: 'a proposed change of the hours rejected without a reason',
      path: '/admin/tilbud/nabo/tider/forslag/:timesProposal',
      status: 200,
      role: 'system_admin',
      prepare: async (page) => {
        await page.getByRole('button', { name: 'Afvis' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /begrundelse/);
      },
    },
    { name: 'the hours of Nabo', path: '/admin/tilbud/nabo/aabningstider', status: 200, role: 'offering_staff' },
    { name: 'the hours of Nabo on a phone', path: '/admin/tilbud/nabo/aabningstider', status: 200, role: 'offering_staff', onPhone: true },
    { name: 'the hours of Nabo for a planner, who may only look', path: '/admin/tilbud/nabo/aabningstider', status: 200, role: 'planner' },
    {
      name: 'the hours with a closing time before the opening time',
      path: '/admin/tilbud/nabo/aabningstider',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await fillNewRule(page, '2', '18:00', '17:00');
        await page.getByRole('button', { name: 'Gem åbningstiderne' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /lukketiden 17:00 skal ligge efter åbningstiden 18:00/);
      },
    },
    {
      name: 'the hours asking before every regular period is removed',
      path: '/admin/tilbud/nabo/aabningstider',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        for (const box of await page.getByRole('checkbox', { name: /^Fjern åbningstid/ }).all()) await box.check();
        await page.getByRole('button', { name: 'Gem åbningstiderne' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /ingen faste åbningstider/);
        await page.getByRole('checkbox', { name: 'Ja, gem uden faste åbningstider' }).waitFor();
      },
    },
    {
      name: 'the hours previewed before saving',
      path: '/admin/tilbud/nabo/aabningstider',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await fillNewRule(page, '6', '10:00', '14:00');
        await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
        await page.getByRole('heading', { name: 'Forhåndsvisning – intet er gemt' }).waitFor();
      },
    },
    {
      name: 'the hours after someone else saved first',
      path: '/admin/tilbud/nabo/aabningstider',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        const other = await page.context().newPage();
        await other.goto(page.url());
        await fillNewRule(other, '6', '11:00', '13:00');
        await other.getByRole('button', { name: 'Gem åbningstiderne' }).click();
        await other.getByText('Gemt. De nye åbningstider').waitFor();
        await other.close();
        await fillNewRule(page, '7', '18:00', '21:00');
        await page.getByRole('button', { name: 'Gem åbningstiderne' }).click();
        await page.getByRole('heading', { name: 'Gemt af en anden' }).waitFor();
      },
    },
    {
      name: 'the hours just saved, with undo',
      path: '/admin/tilbud/nabo/aabningstider',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await fillNewRule(page, '6', '14:00', '15:00');
        await page.getByRole('button', { name: 'Gem åbningstiderne' }).click();
        await page.getByRole('button', { name: 'Fortryd ændringen' }).waitFor();
      },
    },
    {
      name: 'an undo refused because someone changed the hours since',
      path: '/admin/tilbud/nabo/aabningstider',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await fillNewRule(page, '6', '06:00', '06:30');
        await page.getByRole('button', { name: 'Gem åbningstiderne' }).click();
        await page.getByRole('button', { name: 'Fortryd ændringen' }).waitFor();
        const other = await page.context().newPage();
        await other.goto(`${harness.origin}/admin/tilbud/nabo/aabningstider`);
        await fillNewRule(other, '7', '06:00', '06:30');
        await other.getByRole('button', { name: 'Gem åbningstiderne' }).click();
        await other.getByText('Gemt. De nye åbningstider').waitFor();
        await other.close();
        await page.getByRole('button', { name: 'Fortryd ændringen' }).click();
        await page.getByRole('heading', { name: 'Ændringen kan ikke fortrydes' }).waitFor();
      },
    },
    {
      name: 'a proposed change of the hours whose base changed since',
      path: '/admin/tilbud/nabo/tider/forslag/:timesProposal',
      status: 200,
      role: 'system_admin',
      prepare: async (page) => {
        await page.getByRole('heading', { name: 'Ændret siden forslaget' }).waitFor();
      },
    },
    { name: 'the history of the hours and activities of Nabo', path: '/admin/tilbud/nabo/tider/historik', status: 200, role: 'offering_staff' },
    { name: 'the hours for an editor whose changes wait for review', path: '/admin/tilbud/:reviewed/aabningstider', status: 200, role: 'operator_editor' },
    {
      name: 'the hours just sent for review',
      path: '/admin/tilbud/:reviewed/aabningstider',
      status: 200,
      role: 'operator_editor',
      onPhone: true,
      prepare: async (page) => {
        await fillNewRule(page, '6', '08:00', '09:00');
        await page.getByRole('button', { name: 'Send åbningstiderne til godkendelse' }).click();
        await page.getByText('Dine åbningstider er sendt til centret').waitFor();
      },
    },
    { name: 'the activities of Nabo', path: '/admin/tilbud/nabo/aktiviteter', status: 200, role: 'offering_staff' },
    {
      name: 'a new activity with problems',
      path: '/admin/tilbud/nabo/aktiviteter/ny',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.locator('[id="activity.startsAt"]').fill('15:00');
        await page.locator('[id="activity.endsAt"]').fill('14:00');
        await page.getByRole('radio', { name: 'Et andet sted' }).check();
        await page.getByRole('button', { name: 'Tilføj aktiviteten' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /4 problemer/);
      },
    },
    {
      name: 'an activity to change, cancel a date of or remove',
      path: '/admin/tilbud/nabo/aktiviteter',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByRole('link', { name: 'Fællesspisning' }).click();
        await page.getByRole('heading', { name: 'Aflys en dato' }).waitFor();
      },
    },
    {
      name: 'an activity removed without the confirmation',
      path: '/admin/tilbud/nabo/aktiviteter',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByRole('link', { name: 'Fællesspisning' }).click();
        await page.getByRole('button', { name: 'Fjern aktiviteten' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /Intet er fjernet/);
      },
    },
    { name: 'the places and rooms of Nabo', path: '/admin/tilbud/nabo/steder', status: 200, role: 'offering_staff' },
    { name: 'the places of Nabo for a planner, who may only look', path: '/admin/tilbud/nabo/steder', status: 200, role: 'planner' },
    {
      name: 'a place with three problems',
      path: '/admin/tilbud/nabo/steder',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByRole('link', { name: 'Ret stedet og adgangsforholdene' }).click();
        await page.locator('#name').fill('');
        await page.locator('#postalCode').fill('21');
        await page.locator('#accessUrl').fill('vores side');
        await page.getByRole('button', { name: 'Gem', exact: true }).click();
        assert.match(await page.locator('.alert-error').innerText(), /3 problemer/);
      },
    },
    {
      name: 'a place previewed before saving',
      path: '/admin/tilbud/nabo/steder',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByRole('link', { name: 'Ret stedet og adgangsforholdene' }).click();
        await page.locator('#stepFreeEntrance').check();
        await page.locator('#accessDescription').fill('Ring på ved døren til venstre; der er en rampe.');
        await page.getByRole('button', { name: 'Forhåndsvis' }).click();
        await page.getByRole('heading', { name: 'Forhåndsvisning – ikke gemt' }).waitFor();
      },
    },
    {
      name: 'a place saved at an address the map cannot find, with undo',
      path: '/admin/tilbud/nabo/steder',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByRole('link', { name: 'Ret stedet og adgangsforholdene' }).click();
        await page.locator('#address1').fill('Opdigtetvej 99');
        await page.getByRole('button', { name: 'Gem', exact: true }).click();
        await page.getByRole('button', { name: 'Fortryd ændringen' }).waitFor();
        assert.match(await page.locator('.alert-warning').first().innerText(), /kunne ikke finde adressen/);
      },
    },
    {
      name: 'a shared place, asking whom the change is for',
      path: '/admin/tilbud/videnscenter/steder',
      status: 200,
      role: 'system_admin',
      prepare: async (page) => {
        await page.getByRole('link', { name: 'Ret stedet og adgangsforholdene' }).click();
        await page.getByRole('button', { name: 'Gem', exact: true }).click();
        assert.match(await page.locator('.alert-error').innerText(), /Vælg, om ændringen gælder alle tilbud på stedet/);
      },
    },
    {
      name: 'a new room without a name',
      path: '/admin/tilbud/nabo/steder',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByRole('button', { name: 'Tilføj rummet' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /Skriv rummets navn/);
      },
    },
    {
      name: 'a room removed without the confirmation',
      path: '/admin/tilbud/nabo/steder',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByLabel('Rummets navn').fill('Stillerummet');
        await page.getByLabel('Et stille rum, man kan trække sig tilbage til').check();
        await page.getByRole('button', { name: 'Tilføj rummet' }).click();
        await page.getByRole('link', { name: 'Stillerummet' }).click();
        await page.getByRole('button', { name: 'Fjern rummet' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /Intet er fjernet/);
      },
    },
    { name: 'what is due, for the administrator', path: '/admin/forfald', status: 200, role: 'system_admin' },
    { name: 'what is due for staff at Nabo on a phone', path: '/admin/forfald', status: 200, role: 'offering_staff', onPhone: true },
    {
      name: 'Nabo just verified in one click',
      path: '/admin/tilbud/nabo',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByRole('button', { name: 'Oplysningerne er stadig rigtige' }).click();
        assert.match(await page.locator('.alert-success').innerText(), /Oplysningerne er bekræftet/);
      },
    },
    { name: 'corrections from citizens', path: '/admin/opgaver', status: 200, role: 'system_admin' },
    { name: "a correction with the citizen's email", path: '/admin/opgaver/:task', status: 200, role: 'offering_staff' },
    {
      name: 'a correction closed without a note',
      path: '/admin/opgaver/:task',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByRole('button', { name: 'Luk opgaven' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /Skriv kort, hvad I har gjort/);
      },
    },
    { name: 'a closed correction on a phone', path: '/admin/opgaver/:closed', status: 200, role: 'offering_staff', onPhone: true },
    { name: 'the front page of a referrer', path: '/admin', status: 200, role: 'referrer' },
    { name: 'the referral form', path: '/admin/henvisninger/ny', status: 200, role: 'referrer' },
    {
      name: 'a referral without the citizen\'s consent',
      path: '/admin/henvisninger/ny',
      status: 200,
      role: 'referrer',
      prepare: async (page) => {
        await page.getByLabel('Forløb').selectOption((await page.locator('option', { hasText: 'Trivsel i hverdagen' }).getAttribute('value'))!);
        await page.getByLabel('Borgerens fornavn').fill('Olga');
        await page.getByRole('button', { name: 'Send henvisningen' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /Borgeren skal have givet samtykke/);
      },
    },
    {
      name: 'a referral sent, with the personal link to hand over',
      path: '/admin/henvisninger/ny',
      status: 200,
      role: 'referrer',
      onPhone: true,
      prepare: async (page) => {
        await page.getByLabel('Forløb').selectOption((await page.locator('option', { hasText: 'Trivsel i hverdagen' }).getAttribute('value'))!);
        await page.getByLabel('Borgerens fornavn').fill('Olga');
        await page.getByLabel('Du henviser fra').fill('Bostøtten i Valby');
        await page.getByLabel(/Borgeren har givet samtykke/).check();
        await page.getByLabel('Hvad deles').fill('Fornavn');
        await page.getByLabel('Med hvem').fill('Holdlederne');
        await page.getByLabel('Samtykket gælder til og med').fill('31.12.2099');
        await page.getByRole('button', { name: 'Send henvisningen' }).click();
        await page.getByRole('heading', { name: 'Borgerens personlige link' }).waitFor();
      },
    },
    { name: 'my referrals on a phone', path: '/admin/henvisninger', status: 200, role: 'referrer', onPhone: true },
    { name: 'a referral for its referrer', path: '/admin/henvisninger/:referral', status: 200, role: 'referrer' },
    { name: 'the referrals to Nabo', path: '/admin/tilbud/nabo/henvisninger', status: 200, role: 'offering_staff' },
    { name: 'a referral for the running offering', path: '/admin/henvisninger/:referral', status: 200, role: 'offering_staff' },
    {
      name: 'a referral declined without a reason',
      path: '/admin/henvisninger/:referral',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByRole('radio', { name: 'Afvis henvisningen' }).check();
        await page.getByRole('button', { name: 'Gem' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /Skriv en kort begrundelse/);
      },
    },
    { name: 'a referral for a planner (403)', path: '/admin/henvisninger/:referral', status: 403, role: 'planner' },
    { name: 'the courses of Nabo', path: '/admin/tilbud/nabo/forloeb', status: 200, role: 'offering_staff' },
    {
      name: 'a new course sent empty',
      path: '/admin/tilbud/nabo/forloeb/nyt',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByRole('button', { name: 'Opret forløbet' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /Skriv forløbets titel/);
      },
    },
    { name: 'a course with its meetings', path: '/admin/tilbud/nabo/forloeb/:course', status: 200, role: 'offering_staff' },
    {
      name: 'a meeting moved without a start time',
      path: '/admin/tilbud/nabo/forloeb/:course',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        const details = page.locator('details.details').first();
        await details.locator('summary').click();
        await details.getByLabel('Begynder').fill('');
        await details.getByRole('button', { name: 'Flyt mødet' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /Skriv, hvornår mødet begynder/);
      },
    },
    { name: 'the participants of a course', path: '/admin/tilbud/nabo/forloeb/:course/deltagere', status: 200, role: 'offering_staff' },
    {
      name: 'taking a participant off the list asks first',
      path: '/admin/tilbud/nabo/forloeb/:course/deltagere',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByRole('button', { name: 'Tag af listen (Jonas)' }).click();
        await page.getByRole('heading', { name: 'Tag Jonas af listen?' }).waitFor();
      },
    },
    { name: 'attendance on a phone', path: '/admin/tilbud/nabo/forloeb/:course/moeder/:held/fremmoede', status: 200, role: 'offering_staff', onPhone: true },
    {
      name: 'attendance sent without a choice on a phone',
      path: '/admin/tilbud/nabo/forloeb/:course/moeder/:held/fremmoede',
      status: 200,
      role: 'offering_staff',
      onPhone: true,
      prepare: async (page) => {
        await page.getByRole('button', { name: 'Gem fremmødet' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /Vælg «Kom» eller «Kom ikke»/);
      },
    },
    { name: 'a self-rating recorded with the citizen', path: '/admin/tilbud/nabo/forloeb/:course/deltagere/:participant/vurdering', status: 200, role: 'offering_staff' },
    { name: "a course's figures, for a planner", path: '/admin/tilbud/nabo/forloeb/:course/tal', status: 200, role: 'planner' },
    { name: 'courses delivered against the yearly target', path: '/admin/forloeb/tal', status: 200, role: 'planner' },
    // Reports on use (ADR 029): by month with a suppressed cell and a dispute, and by district for the year on a phone.
    { name: 'visitor figures by offering and month, with a dispute', path: '/admin/tal', status: 200, role: 'planner' },
    { name: 'visitor figures by district for the year, on a phone', path: '/admin/tal?efter=bydel&periode=aar', status: 200, role: 'planner', onPhone: true },
    { name: 'the planning scenarios', path: '/admin/planlaegning', status: 200, role: 'planner' },
    { name: 'the 2016 model, published, in the back office', path: '/admin/planlaegning/:model', status: 200, role: 'planner' },
    { name: 'the criteria of the 2016 model with weights', path: '/admin/planlaegning/:model/kriterier?vaegt-location=1&vaegt-use=2', status: 200, role: 'planner' },
    { name: 'the criteria of the 2016 model on a phone', path: '/admin/planlaegning/:model/kriterier', status: 200, role: 'planner', onPhone: true },
    { name: 'the transition plans of the 2016 model', path: '/admin/planlaegning/:model/overgange', status: 200, role: 'planner' },
    { name: 'the committee report of the 2016 model in the back office', path: '/admin/planlaegning/:model/rapport', status: 200, role: 'planner' },
    {
      name: 'the correspondence log sent empty',
      path: '/admin/planlaegning/breve',
      status: 200,
      role: 'planner',
      prepare: async (page) => {
        await page.getByRole('button', { name: 'Log brevet' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /Skriv sagsnummeret/);
      },
    },
    {
      name: 'a logged letter, with a reply dated before it',
      path: '/admin/planlaegning/breve',
      status: 200,
      role: 'planner',
      prepare: async (page) => {
        await page.getByLabel('Sagsnummer').fill('2016-0028443');
        await page.getByLabel('Modtaget').fill('2016-02-20');
        await page.getByLabel('Afsender er').selectOption('user_council');
        await page.getByLabel('Emne').fill('Bevar de små steder');
        await page.getByLabel('Resumé af brevet').fill('Brugerrådet frygter at miste små steder tæt på.');
        await page.getByRole('button', { name: 'Log brevet' }).click();
        await page.getByText('Brevet er logget.').waitFor();
        await assertNoViolations(page);
        await page.getByLabel('Svaret', { exact: true }).fill('Tak for brevet.');
        await page.getByLabel('Svaret sendt').fill('2016-02-01');
        await page.getByRole('button', { name: 'Gem svaret' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /før brevet kom/);
      },
    },
    {
      name: 'the hearing of the 2016 model, with a response sent empty',
      path: '/admin/planlaegning/:model/hoering',
      status: 200,
      role: 'planner',
      prepare: async (page) => {
        await page.getByLabel('Høringsfrist').fill('2099-01-31');
        await page.getByRole('button', { name: 'Send scenariet i høring' }).click();
        await page.getByText('Scenariet er sendt i høring.').waitFor();
        await assertNoViolations(page);
        await page.getByRole('button', { name: 'Registrer svaret' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /Vælg, hvem svaret er fra/);
      },
    },
    {
      name: 'a new scenario sent empty',
      path: '/admin/planlaegning',
      status: 200,
      role: 'planner',
      prepare: async (page) => {
        await page.getByRole('button', { name: 'Opret kladden' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /Skriv en titel/);
      },
    },
    {
      name: 'a draft scenario, and a closing sent empty',
      path: '/admin/planlaegning',
      status: 200,
      role: 'planner',
      prepare: async (page) => {
        await page.getByLabel('Titel').fill('Sydhavnen 2027');
        await page.getByRole('button', { name: 'Opret kladden' }).click();
        await page.getByRole('heading', { level: 1, name: 'Sydhavnen 2027' }).waitFor();
        await assertNoViolations(page);
        await page.getByRole('link', { name: /^Kriterierne side om side/ }).click();
        await page.getByLabel('Karakter for lokalerne').first().selectOption('4');
        await page.getByRole('button', { name: 'Gem vurderingen' }).click();
        await page.getByText('Vurderingen af lokalerne er gemt.').waitFor();
        await assertNoViolations(page);
        await page.getByRole('link', { name: 'Sydhavnen 2027' }).click();
        await page.getByRole('link', { name: 'Lukning' }).click();
        await page.getByLabel('Sted', { exact: true }).selectOption({ label: 'Nabo (Amager Øst)' });
        await page.getByLabel('Dato').fill('2027-06-30');
        await page.getByLabel('Begrundelse').fill('Lejemålet udløber.');
        await page.getByRole('button', { name: 'Tilføj ændringen' }).click();
        await page.getByText('Ændringen er tilføjet.').waitFor();
        await page.getByRole('link', { name: /^Overgangsplaner/ }).click();
        await page.getByLabel('Færre timer fra (valgfri)').fill('2027-08-01');
        await page.getByLabel('Åbningstider i perioden').fill('Tirsdag 10–14');
        await page.getByRole('button', { name: 'Gem overgangsplanerne' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /før lukningen/);
        await assertNoViolations(page);
        await page.getByRole('link', { name: 'Sydhavnen 2027' }).click();
        await page.getByRole('link', { name: 'Lukning' }).click();
        await page.getByRole('button', { name: 'Tilføj ændringen' }).click();
        assert.match(await page.locator('.alert-error').innerText(), /Vælg et sted fra listen/);
      },
    },
    { name: "Nabo's councils", path: '/admin/tilbud/nabo/raad', status: 200, role: 'offering_staff' },
    {
      name: 'a council sent without a name',
      path: '/admin/tilbud/nabo/raad',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByRole('button', { name: 'Opret rådet' }).click();
        assert.match(await page.locator('#name-error').innerText(), /Giv rådet et navn/);
      },
    },
    { name: "a council's members and meetings on a phone", path: '/admin/tilbud/nabo/raad/:council', status: 200, role: 'offering_staff', onPhone: true },
    {
      name: 'a council member written up without consent',
      path: '/admin/tilbud/nabo/raad/:council',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByLabel('Navn', { exact: true }).fill('Mette');
        await page.getByRole('button', { name: 'Skriv medlemmet op' }).click();
        assert.match(await page.locator('#consentGiven-error').innerText(), /sagt ja/);
      },
    },
    { name: "a council meeting's minutes and decisions", path: '/admin/tilbud/nabo/raad/:council/moeder/:meeting', status: 200, role: 'offering_staff' },
    {
      name: "a council meeting's minutes naming a member",
      path: '/admin/tilbud/nabo/raad/:council/moeder/:meeting',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByLabel('Referat (efter mødet)').fill('Bjarke foreslog en tur.');
        await page.getByRole('button', { name: 'Gem mødet' }).click();
        assert.match(await page.locator('#minutes-error').innerText(), /Bjarke/);
      },
    },
    { name: 'the city-wide councils', path: '/admin/raad', status: 200, role: 'system_admin' },
    { name: 'the user funds', path: '/admin/pulje', status: 200, role: 'system_admin' },
    { name: "a user fund's ideas, screening and grants", path: '/admin/pulje/:round', status: 200, role: 'system_admin' },
    {
      name: 'a rejection without a reason',
      path: '/admin/pulje/:round',
      status: 200,
      role: 'system_admin',
      prepare: async (page) => {
        await page.locator('#verdict-4').selectOption('rejected');
        await page.getByRole('button', { name: 'Gem gennemgangen' }).nth(3).click();
        assert.match(await page.locator('#rejection-4-error').innerText(), /hvorfor/);
      },
    },
    { name: 'voting codes at Nabo', path: '/admin/tilbud/nabo/pulje', status: 200, role: 'offering_staff' },
    { name: "Nabo's user jobs", path: '/admin/tilbud/nabo/brugerjob', status: 200, role: 'offering_staff' },
    {
      name: 'a user job sent without hours',
      path: '/admin/tilbud/nabo/brugerjob',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByRole('button', { name: 'Opret jobbet' }).click();
        assert.match(await page.locator('#hours-error').innerText(), /timer om ugen/);
      },
    },
    { name: 'who holds a user job, on a phone', path: '/admin/tilbud/nabo/brugerjob/:userJob', status: 200, role: 'offering_staff', onPhone: true },
    { name: "Nabo's volunteers", path: '/admin/tilbud/nabo/frivillige', status: 200, role: 'offering_staff' },
    { name: 'network friends at Nabo on a phone', path: '/admin/tilbud/nabo/netvaerksvenner', status: 200, role: 'offering_staff', onPhone: true },
    {
      name: 'a network friend match without both yeses',
      path: '/admin/tilbud/nabo/netvaerksvenner',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByRole('button', { name: /Gem matchet/ }).first().click();
        assert.match(await page.locator('.alert-error').first().innerText(), /Begge skal have sagt ja/);
      },
    },
    { name: 'a volunteer on a phone', path: '/admin/tilbud/nabo/frivillige/:volunteer', status: 200, role: 'offering_staff', onPhone: true },
    {
      name: 'a volunteer refused an assignment before the insurance is recorded',
      path: '/admin/tilbud/nabo/frivillige/:volunteer',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByLabel('Opgave').selectOption('food_club');
        await page.getByLabel('Timer om ugen').fill('3');
        await page.getByRole('button', { name: 'Giv opgaven' }).click();
        assert.match(await page.locator('.alert-error').first().innerText(), /bekræftet forsikring/);
      },
    },
    // The annual user meeting (ADR 036).
    { name: 'the user meetings', path: '/admin/brugermoede', status: 200, role: 'system_admin' },
    { name: 'a user meeting with its waiting list, proposals and minutes', path: '/admin/brugermoede/:userMeeting', status: 200, role: 'system_admin' },
    {
      name: 'a tally with more votes than seats',
      path: '/admin/brugermoede/:userMeeting',
      status: 200,
      role: 'system_admin',
      onPhone: true,
      prepare: async (page) => {
        await page.getByLabel('For', { exact: true }).fill('5');
        await page.getByRole('button', { name: 'Gem stemmerne' }).click();
        assert.match(await page.locator('.alert-error').first().innerText(), /men kun 2 pladser/);
      },
    },
    // Peer counsellors (ADR 036).
    { name: 'peer counsellors per year against the target', path: '/admin/peermedarbejdere', status: 200, role: 'system_admin' },
    { name: 'the peer network: certified counsellors across cohorts', path: '/admin/peermedarbejdere/netvaerk', status: 200, role: 'system_admin' },
    { name: 'a peer cohort with modules, progress and assignments', path: '/admin/peermedarbejdere/:peerCohort', status: 200, role: 'system_admin' },
    {
      name: 'a certification refused while a module is missing, on a phone',
      path: '/admin/peermedarbejdere/:peerCohort',
      status: 200,
      role: 'system_admin',
      onPhone: true,
      prepare: async (page) => {
        await page.getByRole('button', { name: 'Certificér' }).click();
        assert.match(await page.locator('.alert-error').first().innerText(), /mangler modulet «Samtalen»/);
      },
    },
    // Issue 9's gaps: attendance at peer meetings, applications for a user job, deleting with a confirmation.
    { name: 'who came to a peer meeting, as a tick list, on a phone', path: '/admin/peermedarbejdere/:peerCohort/moeder/:peerSession/fremmoede', status: 200, role: 'system_admin', onPhone: true },
    { name: 'a peer cohort that cannot be deleted, with closing offered', path: '/admin/peermedarbejdere/:peerCohort/slet', status: 200, role: 'system_admin' },
    { name: 'deleting a peer cohort set up by mistake: the confirmation, on a phone', path: '/admin/peermedarbejdere/:emptyCohort/slet', status: 200, role: 'system_admin', onPhone: true },
    { name: 'a user job that cannot be deleted while someone holds it', path: '/admin/tilbud/nabo/brugerjob/:userJob/slet', status: 200, role: 'offering_staff' },
    { name: 'a user job with an application from the website', path: '/admin/tilbud/nabo/brugerjob/:userJob', status: 200, role: 'offering_staff' },
    { name: 'a council meeting that cannot be deleted, with its decisions', path: '/admin/tilbud/nabo/raad/:council/moeder/:meeting/slet', status: 200, role: 'offering_staff' },
    // Gloria (ADR 037).
    { name: "Gloria: my teams' texts by state", path: '/admin/gloria', status: 200, role: 'system_admin' },
    { name: 'Gloria: a life story in review, for its editor', path: '/admin/gloria/tekster/:gloriaArticle', status: 200, role: 'system_admin' },
    { name: 'Gloria: the review queue', path: '/admin/gloria/gennemsyn', status: 200, role: 'system_admin' },
    { name: 'Gloria: a theme issue', path: '/admin/gloria/temaer/:gloriaTheme', status: 200, role: 'system_admin', onPhone: true },
    { name: 'Gloria: the editorial teams', path: '/admin/gloria/redaktioner', status: 200, role: 'system_admin' },
    {
      name: 'Gloria: a new text sent without a body, on a phone',
      path: '/admin/gloria/ny',
      status: 200,
      role: 'offering_staff',
      onPhone: true,
      prepare: async (page) => {
        await page.getByLabel('Overskrift').fill('Ny café');
        await page.getByRole('button', { name: 'Gem som kladde' }).click();
        assert.match(await page.locator('#body-error').innerText(), /Skriv selve teksten/);
        assert.equal(await page.getByLabel('Overskrift').inputValue(), 'Ny café');
        // With JavaScript the LIX is counted again while typing (static/gloria-lix.js).
        await page.getByLabel('Brødtekst').fill('Vi ses i morgen. Kom bare forbi.');
        await page.waitForFunction(() => /Mens du skriver: LIX 4, meget let at læse\./.test(document.getElementById('lix-live')?.textContent ?? ''));
      },
    },
    {
      name: 'a printed sheet of voting codes',
      path: '/admin/tilbud/nabo/pulje',
      status: 200,
      role: 'offering_staff',
      prepare: async (page) => {
        await page.getByLabel('Antal koder').fill('6');
        await page.getByRole('button', { name: 'Lav arket' }).click();
        assert.equal(await page.locator('li strong').count(), 6);
      },
    },
  ];

  for (const state of states) {
    it(`${state.name} has no violations`, async (t) => {
      if (skipWithoutChromium(t)) return;
      await withPage(harness, state.onPhone ? phone : desktop, async (page) => {
        if (state.role) await signedInAs(page, state.role);
        const response = await page.goto(
          `${harness.origin}${state.path
            .replace(':timesProposal', timesProposal)
            .replace(':proposal', proposal)
            .replace(':reviewed', reviewed)
            .replace(':staff', staffAccount)
            .replace(':task', task)
            .replace(':closed', closedTask)
            .replace(':referral', referral)
            .replace(':course', course.id)
            .replace(':held', course.held)
            .replace(':participant', course.participant)
            .replace(':model', modelScenarioId)
            .replace(':council', council.council)
            .replace(':meeting', council.meeting)
            .replace(':round', fund.round)
            .replace(':userJob', userJob)
            .replace(':volunteer', volunteer)
            .replace(':userMeeting', userMeeting)
            .replace(':peerCohort', peerCohort)
            .replace(':peerSession', peerSession)
            .replace(':emptyCohort', emptyCohort)
            .replace(':gloriaArticle', gloria.article)
            .replace(':gloriaTheme', gloria.theme)}`,
        );
        assert.equal(response?.status(), state.status);
        await state.prepare?.(page);
        await assertNoViolations(page);
        await page.screenshot({ path: screenshotPath(`admin-${state.name.replace(/[^a-zæøå0-9]+/gi, '-')}`), fullPage: true });
      });
    });
  }
});
