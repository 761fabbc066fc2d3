import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { createTestApp, testNow } from '../../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { formFields } from '../../../test/support/forms.ts';
import { currentSession, startSession } from '../../app/staff-access.ts';
import { adminDepsFor } from '../../boot.ts';
import type { Database } from '../../db/database.ts';
import type { Grant } from '../../domain/access/policy.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
let nabo: { id: string; slug: string };
const deps = () => adminDepsFor(database.db, { baseUrl: 'http://127.0.0.1:3000', logger: pino({ level: 'silent' }), logLinks: false, now: () => testNow });
const hoursPath = '/admin/tilbud/nabo/aabningstider';
const activitiesPath = '/admin/tilbud/nabo/aktiviteter';

async function person(name: string, grant: Grant) {
  const access = deps().access;
  const id = await access.store.createAccount({ email: `${crypto.randomUUID()}@kk.dk`, name });
  await access.store.addGrant(id, grant);
  const token = await startSession(access, id);
  const csrf = (await currentSession(access, token))!.csrfToken;
  const headers = { cookie: `tv_session=${token}` };
  return {
    get: async (path: string) => {
      const response = await app.request(path, { headers });
      return { status: response.status, text: await response.text(), location: response.headers.get('location') };
    },
    post: async (path: string, fields: Record<string, string>) => {
      const response = await app.request(path, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...fields, _csrf: csrf }),
      });
      return { status: response.status, text: await response.text(), location: response.headers.get('location') };
    },
  };
}

const publicPage = async (slug = 'nabo') => (await app.request(`/tilbud/${slug}`)).text();
const ruleRows = async () => database.db.selectFrom('schedule').select(['weekday', 'opens_at', 'closes_at']).where('offering_id', '=', nabo.id).execute();
const auditActions = async () => (await deps().audit.search({ limit: 100, offset: 0 })).entries.map((entry) => entry.action);

/** The first empty row for a new opening period in the hours form. */
function newRow(fields: Record<string, string>): number {
  for (let row = 0; row < 100; row++) {
    if (`rules.${row}.weekday` in fields && fields[`rules.${row}.weekday`] === '') return row;
  }
  throw new Error('The form has no empty row');
}

/** The same text as on the page, with the word joiners of a time span. */
const span = (from: string, to: string) => `${from}\u2060–\u2060${to}`;

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  nabo = await database.db.selectFrom('offering').select(['id', 'slug']).where('slug', '=', 'nabo').executeTakeFirstOrThrow();
});
after(() => database.close());

describe(`Staff edit opening hours in the back office (${databaseKind})`, () => {
  it('saves changed hours, which the public page shows at once, with an audit entry holding before and after', async () => {
    const staff = await person('Søren Staff', { role: 'offering_staff', offeringId: nabo.id, organizationId: null });
    assert.equal((await publicPage()).includes(span('07:15', '08:45')), false);
    const form = await staff.get(hoursPath);
    assert.equal(form.status, 200);
    const fields = formFields(form.text, hoursPath);
    const row = newRow(fields);
    const sent = await staff.post(hoursPath, { ...fields, [`rules.${row}.weekday`]: '6', [`rules.${row}.opens`]: '7.15', [`rules.${row}.closes`]: '8:45', handling: 'gem' });
    assert.equal(sent.status, 303);
    assert.match(sent.location!, /^\/admin\/tilbud\/nabo\/aabningstider\?gemt=1&aendring=\d+$/);
    assert.match((await staff.get(sent.location!)).text, /Gemt\. De nye åbningstider står på den offentlige side nu/);
    assert.ok((await publicPage()).includes(span('07:15', '08:45')), 'Saturday 07:15–08:45 on the public page');
    const { entries } = await deps().audit.search({ text: 'åbningstiderne', limit: 5, offset: 0 });
    const entry = entries.find((item) => item.action === 'schedule.replace')!;
    assert.equal(entry.summary, 'Rettede åbningstiderne for Nabo');
    const detail = entry.detail as { before: { rules: unknown[] }; after: { rules: { opens: string }[] } };
    assert.equal(detail.after.rules.length, detail.before.rules.length + 1);
    assert.ok(detail.after.rules.some((rule) => rule.opens === '07:15'));
    // Saving counts as verifying the record (ADR 014).
    const offering = await database.db.selectFrom('offering').select(['verified_at']).where('id', '=', nabo.id).executeTakeFirstOrThrow();
    assert.equal(new Date(offering.verified_at!).getTime(), testNow.getTime());
  });

  it('refuses a closing time before the opening time, names the field, keeps what was typed and saves nothing', async () => {
    const staff = await person('Søren Staff', { role: 'offering_staff', offeringId: nabo.id, organizationId: null });
    const before = await ruleRows();
    const fields = formFields((await staff.get(hoursPath)).text, hoursPath);
    const row = newRow(fields);
    const sent = await staff.post(hoursPath, { ...fields, [`rules.${row}.weekday`]: '2', [`rules.${row}.opens`]: '18:00', [`rules.${row}.closes`]: '17:00', handling: 'gem' });
    assert.equal(sent.status, 400);
    assert.match(sent.text, /<title>Fejl: /);
    assert.match(sent.text, new RegExp(`<a href="#rules\\.${row}\\.closes">Åbningstid ${row + 1} \\(tirsdag\\): lukketiden 17:00 skal ligge efter åbningstiden 18:00`));
    const again = formFields(sent.text, hoursPath);
    assert.equal(again[`rules.${row}.opens`], '18:00');
    assert.equal(again[`rules.${row}.closes`], '17:00');
    assert.equal(again[`rules.${row}.weekday`], '2');
    assert.match(sent.text, new RegExp(`id="rules\\.${row}\\.closes" name="rules\\.${row}\\.closes" value="17:00" aria-describedby="rules\\.${row}\\.closes-hint rules\\.${row}\\.closes-error" aria-invalid="true"`));
    assert.deepEqual(await ruleRows(), before);
  });

  it('asks for a confirmation before removing every regular opening period, and then shows no hours publicly', async () => {
    const staff = await person('Søren Staff', { role: 'offering_staff', offeringId: nabo.id, organizationId: null });
    const fields = formFields((await staff.get(hoursPath)).text, hoursPath);
    const removeAll = Object.fromEntries(Object.keys(fields).filter((key) => /^rules\.\d+\.id$/.test(key) && fields[key]).map((key) => [key.replace(/\.id$/, '.remove'), 'ja']));
    assert.ok(Object.keys(removeAll).length >= 6);
    const asked = await staff.post(hoursPath, { ...fields, ...removeAll, handling: 'gem' });
    assert.equal(asked.status, 400);
    assert.match(asked.text, /Du er ved at fjerne alle faste åbningstider\. Så viser den offentlige side ingen åbningstider for stedet/);
    assert.match(asked.text, /registreres under <a href="\/admin\/tilbud\/nabo\/status">tilbuddets status<\/a>/);
    assert.match(asked.text, /<a href="#confirmNoHours">/);
    assert.ok((await ruleRows()).length >= 6, 'nothing removed yet');

    const confirmed = await staff.post(hoursPath, { ...formFields(asked.text, hoursPath), confirmNoHours: 'ja', handling: 'gem' });
    assert.equal(confirmed.status, 303);
    assert.deepEqual(await ruleRows(), []);
    assert.match(await publicPage(), /Tilbuddet har ikke oplyst sine åbningstider endnu/);
    const { entries } = await deps().audit.search({ text: 'Fjernede alle faste', limit: 5, offset: 0 });
    assert.equal(entries[0]?.action, 'schedule.replace');

    // Putting hours back needs no confirmation.
    const form = formFields((await staff.get(hoursPath)).text, hoursPath);
    const back = await staff.post(hoursPath, { ...form, 'rules.0.weekday': '1', 'rules.0.opens': '10:00', 'rules.0.closes': '16:00', handling: 'gem' });
    assert.equal(back.status, 303);
  });

  it('refuses a form read before someone else saved, showing both: theirs as text, this person\'s still in the form', async () => {
    const first = await person('Anna Første', { role: 'offering_staff', offeringId: nabo.id, organizationId: null });
    const second = await person('Bo Anden', { role: 'offering_staff', offeringId: nabo.id, organizationId: null });
    const annasForm = formFields((await first.get(hoursPath)).text, hoursPath);
    const bosForm = formFields((await second.get(hoursPath)).text, hoursPath);
    const row = newRow(bosForm);
    assert.equal((await second.post(hoursPath, { ...bosForm, [`rules.${row}.weekday`]: '6', [`rules.${row}.opens`]: '11:11', [`rules.${row}.closes`]: '12:12', handling: 'gem' })).status, 303);

    const stale = await first.post(hoursPath, { ...annasForm, [`rules.${row}.weekday`]: '7', [`rules.${row}.opens`]: '18:30', [`rules.${row}.closes`]: '21:00', handling: 'gem' });
    assert.equal(stale.status, 409);
    assert.match(stale.text, /En anden har gemt åbningstiderne, mens du rettede/);
    const theirs = stale.text.slice(stale.text.indexOf('Gemt af en anden'), stale.text.indexOf('</section>', stale.text.indexOf('Gemt af en anden')));
    assert.ok(theirs.includes(`Hver lørdag ${span('11:11', '12:12')}`), 'the saved version as text');
    const kept = formFields(stale.text, hoursPath);
    assert.equal(kept[`rules.${row}.opens`], '18:30');
    const rows = await ruleRows();
    assert.ok(rows.some((rule) => rule.opens_at.startsWith('11:11')));
    assert.ok(!rows.some((rule) => rule.opens_at.startsWith('18:30')));

    // The form now answers the saved version, so saving again is deliberate and keeps neither lost.
    const resent = await first.post(hoursPath, { ...kept, handling: 'gem' });
    assert.equal(resent.status, 303);
    assert.ok((await ruleRows()).some((rule) => rule.opens_at.startsWith('18:30')));
  });

  it('shows the week as it would look before saving, saving nothing', async () => {
    const staff = await person('Søren Staff', { role: 'offering_staff', offeringId: nabo.id, organizationId: null });
    const before = await ruleRows();
    const fields = formFields((await staff.get(hoursPath)).text, hoursPath);
    const row = newRow(fields);
    const shown = await staff.post(hoursPath, { ...fields, [`rules.${row}.weekday`]: '3', [`rules.${row}.opens`]: '19:05', [`rules.${row}.closes`]: '20:10', handling: 'vis' });
    assert.equal(shown.status, 200);
    const preview = shown.text.slice(shown.text.indexOf('Forhåndsvisning'), shown.text.indexOf('</table>', shown.text.indexOf('Forhåndsvisning')));
    assert.match(preview, /Onsdag 25\. november 2026/);
    assert.ok(preview.includes(span('19:05', '20:10')));
    assert.equal(formFields(shown.text, hoursPath)[`rules.${row}.opens`], '19:05');
    assert.deepEqual(await ruleRows(), before);
  });

  it('saves an exception and a holiday\'s special hours from the same form', async () => {
    const staff = await person('Søren Staff', { role: 'offering_staff', offeringId: nabo.id, organizationId: null });
    const fields = formFields((await staff.get(hoursPath)).text, hoursPath);
    const exception = Object.keys(fields).find((key) => /^exceptions\.\d+\.id$/.test(key) && fields[key] === '')!.replace(/\.id$/, '');
    const sent = await staff.post(hoursPath, {
      ...fields,
      [`${exception}.kind`]: 'closed',
      [`${exception}.from`]: '27.11.2026',
      [`${exception}.reason`]: 'Personaledag',
      'holidays.nytaarsaftensdag.kind': 'closed',
      handling: 'gem',
    });
    assert.equal(sent.status, 303);
    const page = await publicPage();
    assert.match(page, /Personaledag<\/span>: lukket|Personaledag: lukket/);
    const policy = await database.db.selectFrom('holiday_rule').select(['holiday_key', 'kind']).where('offering_id', '=', nabo.id).orderBy('holiday_key').execute();
    assert.deepEqual(policy, [
      { holiday_key: 'juleaftensdag', kind: 'hours' },
      { holiday_key: 'nytaarsaftensdag', kind: 'closed' },
    ]);
  });
});

describe(`Staff edit activities in the back office (${databaseKind})`, () => {
  it('adds an activity at another place, which the public page shows with its address', async () => {
    const staff = await person('Søren Staff', { role: 'offering_staff', offeringId: nabo.id, organizationId: null });
    const form = formFields((await staff.get(`${activitiesPath}/ny`)).text, `${activitiesPath}/ny`);
    const sent = await staff.post(`${activitiesPath}/ny`, {
      ...form,
      'activity.name': 'Strikkecafé i kulturhuset',
      'activity.kind': 'workshop',
      'activity.when.kind': 'once',
      'activity.when.date': '2026-11-26',
      'activity.startsAt': '18:00',
      'activity.endsAt': '20:00',
      'activity.where': 'elsewhere',
      'activity.place.name': 'Kulturhuset Islands Brygge',
      'activity.place.address': 'Islands Brygge 18',
      'activity.place.postcode': '2300',
      'activity.place.city': 'København S',
    });
    assert.equal(sent.status, 303);
    assert.match(sent.location!, /^\/admin\/tilbud\/nabo\/aktiviteter\?tilfoejet=1&aendring=\d+$/);
    const list = await staff.get(sent.location!);
    assert.match(list.text, /Aktiviteten er tilføjet/);
    assert.match(list.text, /Strikkecafé i kulturhuset/);
    const page = await publicPage();
    assert.match(page, /Strikkecafé i kulturhuset/);
    assert.match(page, /Kulturhuset Islands Brygge, Islands Brygge 18, 2300 København S/);
    assert.ok((await auditActions()).includes('activity.add'));
  });

  it('refuses an activity without a name or with its end before its start, each at its field, keeping the rest', async () => {
    const staff = await person('Søren Staff', { role: 'offering_staff', offeringId: nabo.id, organizationId: null });
    const count = async () => (await database.db.selectFrom('activity').select('id').where('offering_id', '=', nabo.id).execute()).length;
    const before = await count();
    const form = formFields((await staff.get(`${activitiesPath}/ny`)).text, `${activitiesPath}/ny`);
    const sent = await staff.post(`${activitiesPath}/ny`, {
      ...form,
      'activity.name': '',
      'activity.when.weekday': '2',
      'activity.startsAt': '15:00',
      'activity.endsAt': '14:00',
      'activity.where': 'elsewhere',
      'activity.place.name': '',
      'activity.place.postcode': '23',
    });
    assert.equal(sent.status, 400);
    assert.match(sent.text, /<a href="#activity\.name">Skriv et navn på aktiviteten\.<\/a>/);
    assert.match(sent.text, /<a href="#activity\.endsAt">Aktiviteten: sluttidspunktet 14:00 skal ligge efter starttidspunktet 15:00\.<\/a>/);
    assert.match(sent.text, /<a href="#activity\.place\.name">Aktiviteten: skriv navnet på stedet/);
    assert.match(sent.text, /<a href="#activity\.place\.postcode">Aktiviteten: skriv postnummeret med fire cifre/);
    const kept = formFields(sent.text, `${activitiesPath}/ny`);
    assert.equal(kept['activity.startsAt'], '15:00');
    assert.equal(kept['activity.when.weekday'], '2');
    assert.equal(await count(), before);
  });

  it('edits an activity, cancels one date, refuses a date it does not happen on, and removes it only when confirmed', async () => {
    const staff = await person('Søren Staff', { role: 'offering_staff', offeringId: nabo.id, organizationId: null });
    const list = await staff.get(activitiesPath);
    const id = list.text.match(/href="\/admin\/tilbud\/nabo\/aktiviteter\/([0-9a-f-]{36})">Fællesspisning</)![1]!;
    const path = `${activitiesPath}/${id}`;
    const edited = await staff.post(path, { ...formFields((await staff.get(path)).text, path), 'activity.startsAt': '12:30' });
    assert.equal(edited.status, 303);
    assert.match(await publicPage(), /Fællesspisning/);
    assert.ok((await publicPage()).includes(span('12:30', '13:30')));

    const wrongDay = await staff.post(`${path}/aflys`, { date: '2026-11-26' });
    assert.equal(wrongDay.status, 400);
    assert.match(wrongDay.text, /«Fællesspisning» finder ikke sted 26\. november 2026/);
    assert.match(wrongDay.text, /id="cancel\.date" name="date" value="2026-11-26"/);
    const cancelled = await staff.post(`${path}/aflys`, { date: '2026-12-01' });
    assert.equal(cancelled.status, 303);
    assert.match((await staff.get(cancelled.location!)).text, /1\. december 2026/);

    const unconfirmed = await staff.post(`${path}/fjern`, {});
    assert.equal(unconfirmed.status, 400);
    assert.match(unconfirmed.text, /Sæt kryds for at bekræfte, at «Fællesspisning» skal fjernes\. Intet er fjernet\./);
    const removed = await staff.post(`${path}/fjern`, { confirm: 'ja' });
    assert.equal(removed.status, 303);
    assert.doesNotMatch(await publicPage(), /Fællesspisning/);
    const actions = await auditActions();
    for (const action of ['activity.edit', 'activity.cancel', 'activity.remove']) assert.ok(actions.includes(action), action);
  });

  it('refuses an edit of an activity someone else changed meanwhile, showing both', async () => {
    const first = await person('Anna Første', { role: 'offering_staff', offeringId: nabo.id, organizationId: null });
    const second = await person('Bo Anden', { role: 'offering_staff', offeringId: nabo.id, organizationId: null });
    const id = (await first.get(activitiesPath)).text.match(/href="\/admin\/tilbud\/nabo\/aktiviteter\/([0-9a-f-]{36})">Aften-madklub</)![1]!;
    const path = `${activitiesPath}/${id}`;
    const annas = formFields((await first.get(path)).text, path);
    assert.equal((await second.post(path, { ...formFields((await second.get(path)).text, path), 'activity.name': 'Madklub om aftenen' })).status, 303);
    const stale = await first.post(path, { ...annas, 'activity.endsAt': '21:00' });
    assert.equal(stale.status, 409);
    assert.match(stale.text, /Gemt af en anden[\s\S]*Madklub om aftenen/);
    assert.equal(formFields(stale.text, path)['activity.endsAt'], '21:00');
  });
});

describe(`Who may change hours and activities (${databaseKind})`, () => {
  it('lets a planner see the hours but not change them, and gives an operator editor whose edits wait for review a form that proposes', async () => {
    const planner = await person('Pia Planlægger', { role: 'planner', offeringId: null, organizationId: null });
    const seen = await planner.get(hoursPath);
    assert.equal(seen.status, 200);
    assert.match(seen.text, /Du kan se, men ikke rette/);
    assert.doesNotMatch(seen.text, /name="readAt"/);
    const refused = await planner.post(hoursPath, { readAt: 'x', 'rules.0.weekday': '1', 'rules.0.opens': '10:00', 'rules.0.closes': '11:00' });
    assert.equal(refused.status, 403);
    assert.match(refused.text, /Du kan se dette tilbud, men ikke rette det/);
    assert.equal((await planner.post(`${activitiesPath}/ny`, { 'activity.name': 'Forsøg' })).status, 403);

    const place = await database.db
      .selectFrom('offering')
      .innerJoin('organization', 'organization.id', 'offering.operator_id')
      .select(['offering.slug', 'offering.operator_id'])
      .where('organization.ownership', '=', 'self_governing')
      .executeTakeFirstOrThrow();
    const editor = await person('Olga Operatør', { role: 'operator_editor', offeringId: null, organizationId: place.operator_id });
    const form = await editor.get(`/admin/tilbud/${place.slug}/aabningstider`);
    assert.equal(form.status, 200);
    assert.match(form.text, /bliver offentlige, når centret har godkendt dem/);
    assert.match(form.text, /Send åbningstiderne til godkendelse/);
    // Undo and restore write directly, so they are not for a person whose edits wait for review.
    const undo = await editor.post(`/admin/tilbud/${place.slug}/tider/fortryd`, { aendring: '1' });
    assert.equal(undo.status, 403);
    assert.match(undo.text, /kan ikke fortryde eller gendanne direkte/);
  });
});
