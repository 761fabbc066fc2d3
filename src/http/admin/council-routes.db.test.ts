import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, testNow } from '../../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { formFields } from '../../../test/support/forms.ts';
import { signedInStaff } from '../../../test/support/staff.ts';
import { coCreatorRetentionJob } from '../../jobs/co-creator-retention.ts';
import { createFriendStore } from '../../db/friend-store.ts';
import { createVolunteerStore } from '../../db/volunteer-store.ts';
import { createUserJobStore } from '../../db/user-job-store.ts';
import { createFundStore } from '../../db/fund-store.ts';
import { createCouncilStore } from '../../db/council-store.ts';
import type { Database } from '../../db/database.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
let staff: Awaited<ReturnType<typeof signedInStaff>>;
let nabo: { id: string };

const page = async (path: string) => {
  const response = await app.request(path);
  return { status: response.status, text: await response.text() };
};

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  nabo = await database.db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
  staff = await signedInStaff(app, database, { name: 'Søren Staff', grant: { role: 'offering_staff', offeringId: nabo.id, organizationId: null } });
});
after(() => database.close());

describe(`Councils from the back office to the public pages (${databaseKind})`, () => {
  let councilPath = '';
  let slug = '';
  const members: Record<string, string> = {};

  it('lets the staff of Nabo make a user council, and refuses a council without a name in plain Danish', async () => {
    const refused = await staff.post('/admin/tilbud/nabo/raad', { kind: 'user', name: ' ', purpose: 'Vi taler om hverdagen på Nabo.', howToJoin: '' });
    assert.equal(refused.status, 400);
    assert.match(refused.text, /Giv rådet et navn/);
    assert.match(refused.text, /Vi taler om hverdagen på Nabo\./, 'what was typed comes back');
    const made = await staff.post('/admin/tilbud/nabo/raad', { kind: 'user', name: 'Brugerrådet på Nabo', purpose: 'Vi taler om hverdagen på Nabo.', howToJoin: 'Kom til næste møde, eller spørg en medarbejder.' });
    assert.equal(made.status, 303);
    councilPath = made.location!;
    assert.match(councilPath, /^\/admin\/tilbud\/nabo\/raad\/[0-9a-f-]{36}$/);
    const council = await database.db.selectFrom('council').select('slug').executeTakeFirstOrThrow();
    slug = council.slug;
    assert.equal(slug, 'brugerraadet-paa-nabo');
  });

  it('writes members up only with consent, one named in public and one not, by phone or in person', async () => {
    const noConsent = await staff.post(`${councilPath}/medlemmer`, { name: 'Hanne', contact: '', role: 'chair', namedPublicly: 'ja', consentHow: 'in_person' });
    assert.equal(noConsent.status, 400);
    assert.match(noConsent.text, /kun skrives op, når personen har sagt ja/);
    assert.equal((await database.db.selectFrom('council_member').select('id').execute()).length, 0);
    for (const [name, named, contact] of [
      ['Hanne', 'ja', ''],
      ['Bjarke', 'nej', '22 33 44 55'],
    ] as const) {
      const added = await staff.post(`${councilPath}/medlemmer`, { name, contact, role: name === 'Hanne' ? 'chair' : 'member', namedPublicly: named, consentHow: 'phone', consentGiven: 'ja' });
      assert.equal(added.status, 303);
    }
    for (const row of await database.db.selectFrom('council_member').select(['id', 'display_name', 'delete_after', 'purpose']).execute()) {
      members[row.display_name!] = row.id;
      assert.equal(String(row.delete_after), '2028-11-23', 'deleted two years after consent');
      assert.match(row.purpose, /Medlemskab af rådet/);
    }
    const admin = await staff.get(councilPath);
    assert.match(admin.text, /Bjarke/);
    assert.match(admin.text, /22 33 44 55/);
  });

  it('refuses minutes that name a member, keeping what was typed, and saves a meeting whose present members come from the list', async () => {
    const named = await staff.post(`${councilPath}/nyt-moede`, { date: '2026-11-20', time: '14:00', agenda: 'Julefrokost\nNye aktiviteter', minutes: 'Bjarke foreslog strikning.', decisions: '', present: members.Hanne! });
    assert.equal(named.status, 400);
    assert.match(named.text, /Teksten nævner «Bjarke»/);
    assert.match(named.text, /Bjarke foreslog strikning\./);
    assert.equal((await database.db.selectFrom('council_meeting').select('id').execute()).length, 0);
    const body = new URLSearchParams({ _csrf: staff.csrf, date: '2026-11-20', time: '14:00', agenda: 'Julefrokost\nNye aktiviteter', minutes: 'Et medlem foreslog strikning. Alle var enige.', decisions: 'Vi holder julefrokost den 18. december\nAktivitet: Strikkecafé om torsdagen\nÅbningstid: Søndagscafé uden personale' });
    body.append('present', members.Hanne!);
    body.append('present', members.Bjarke!);
    const saved = await app.request(`${councilPath}/nyt-moede`, { method: 'POST', headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body });
    assert.equal(saved.status, 303);
    const meetingPage = await staff.get(saved.headers.get('location')!);
    assert.match(meetingPage.text, /Mødet 20\. november 2026 er gemt/);
    const link = /href="(\/admin\/tilbud\/nabo\/aktiviteter\/ny\?[^"]+)">opret aktiviteten/.exec(meetingPage.text);
    assert.ok(link, 'the decision links to a new activity');
    // One click: the form comes filled in from the decision; the person adds the day and time and saves.
    const form = formFields((await staff.get(link[1]!.replaceAll('&amp;', '&'))).text, '/admin/tilbud/nabo/aktiviteter/ny');
    assert.equal(form['activity.name'], 'Strikkecafé om torsdagen');
    assert.equal(form['activity.description'], 'Besluttet af brugerrådet den 20. november 2026.');
    assert.equal(form['activity.isUserRun'], 'ja');
    const created = await staff.post('/admin/tilbud/nabo/aktiviteter/ny', { ...form, 'activity.when.kind': 'repeats', 'activity.when.weekday': '4', 'activity.when.recurrence': 'w1', 'activity.startsAt': '14:00', 'activity.endsAt': '16:00' });
    assert.equal(created.status, 303);
    const activity = await database.db.selectFrom('activity').select(['description', 'is_user_run']).where('offering_id', '=', nabo.id).where('name', '=', 'Strikkecafé om torsdagen').executeTakeFirstOrThrow();
    assert.equal(activity.description, 'Besluttet af brugerrådet den 20. november 2026.');
    assert.equal(activity.is_user_run, true);
    assert.match((await page('/tilbud/nabo')).text, /Strikkecafé om torsdagen/);

    // Opening hours decided by the council: the first new row of the hours form is user-run with the decision as note.
    const hoursLink = /href="(\/admin\/tilbud\/nabo\/aabningstider\?[^"]+)">sæt åbningstiden på/.exec(meetingPage.text);
    assert.ok(hoursLink, 'the decision links to the opening hours');
    const hoursForm = formFields((await staff.get(hoursLink[1]!.replaceAll('&amp;', '&'))).text, '/admin/tilbud/nabo/aabningstider');
    const note = 'Søndagscafé uden personale – besluttet af brugerrådet den 20. november 2026';
    const row = Object.keys(hoursForm).find((key) => key.endsWith('.description') && hoursForm[key] === note)?.replace(/\.description$/, '');
    assert.ok(row, 'a new row carries the decision as its note');
    assert.equal(hoursForm[`${row}.staffing`], 'user_alone');
    const hoursSaved = await staff.post('/admin/tilbud/nabo/aabningstider', { ...hoursForm, [`${row}.weekday`]: '7', [`${row}.opens`]: '17:00', [`${row}.closes`]: '19:00' });
    assert.equal(hoursSaved.status, 303);
    const rule = await database.db.selectFrom('schedule').select(['weekday', 'is_user_run', 'is_staff_present']).where('offering_id', '=', nabo.id).where('description', '=', note).executeTakeFirstOrThrow();
    assert.deepEqual({ ...rule }, { weekday: 7, is_user_run: true, is_staff_present: false });
  });

  it('publishes the council on its own page and the offering page, naming only the member who chose so', async () => {
    const published = await page(`/raad/${slug}`);
    assert.equal(published.status, 200);
    assert.match(published.text, /Hanne \(formand\) og 1 medlem, der ikke står med navn/);
    assert.match(published.text, /Et medlem foreslog strikning/);
    assert.match(published.text, /Strikkecafé om torsdagen<\/span> \(Bliver en aktivitet\)/);
    assert.doesNotMatch(published.text, /Bjarke|22 33 44 55/);
    assert.match((await page('/raad')).text, new RegExp(`href="/raad/${slug}"`));
    assert.match((await page('/tilbud/nabo')).text, new RegExp(`href="/raad/${slug}"`));
    const english = await page(`/en/raad/${slug}`);
    assert.equal(english.status, 200);
    assert.match(english.text, /Hanne \(chair\) and 1 member not named/);
    assert.equal((await page('/raad/findes-ikke')).status, 404);
  });

  it('removes a member who withdraws consent from every published page at once', async () => {
    const withdrawn = await staff.post(`${councilPath}/medlemmer/${members.Hanne}/traek-tilbage`, {});
    assert.equal(withdrawn.status, 303);
    const published = await page(`/raad/${slug}`);
    assert.doesNotMatch(published.text, /Hanne/);
    assert.match(published.text, /Til stede:<\/strong> 2 medlemmer, der ikke står med navn/);
    const row = await database.db.selectFrom('council_member').selectAll().where('id', '=', members.Hanne!).executeTakeFirstOrThrow();
    assert.equal(row.display_name, null);
    assert.equal(row.contact, null);
    assert.equal((await staff.post(`${councilPath}/medlemmer/${members.Hanne}/traek-tilbage`, {})).status, 404, 'a second withdrawal finds no one');
  });

  it('keeps a meeting changed by someone else since the form was read, and says so', async () => {
    const meeting = await database.db.selectFrom('council_meeting').select(['id', 'version']).executeTakeFirstOrThrow();
    const path = `${councilPath}/moeder/${meeting.id}`;
    const first = await staff.post(path, { version: String(meeting.version), date: '2026-11-20', agenda: 'Julefrokost', minutes: 'Referat, første udgave.', decisions: '' });
    assert.equal(first.status, 303);
    const late = await staff.post(path, { version: String(meeting.version), date: '2026-11-20', agenda: 'Julefrokost', minutes: 'Min egen udgave.', decisions: '' });
    assert.equal(late.status, 409);
    assert.match(late.text, /ændret af en anden/);
    assert.match(late.text, /Min egen udgave\./);
    assert.match((await page(`/raad/${slug}`)).text, /Referat, første udgave\./);
  });

  it('deletes a meeting entered by mistake after a confirmation, and refuses one with decisions in a plain sentence', async () => {
    const decided = await staff.post(`${councilPath}/nyt-moede`, { date: '2026-11-10', time: '', agenda: 'Udflugt', minutes: '', decisions: 'Vi tager på udflugt i maj.' });
    assert.equal(decided.status, 303);
    const decidedPath = decided.location!.replace(/\?.*$/, '');
    assert.match((await staff.get(decidedPath)).text, new RegExp(`href="${decidedPath}/slet">Slet mødet 10\\. november 2026`));
    const refused = await staff.get(`${decidedPath}/slet`);
    assert.match(refused.text, /Mødet har en beslutning, som står på rådets offentlige side/);
    assert.match(refused.text, /Ret mødet i stedet/);
    assert.equal((await staff.post(`${decidedPath}/slet`, {})).status, 409);
    const planned = await staff.post(`${councilPath}/nyt-moede`, { date: '2026-12-15', time: '', agenda: 'Julefrokost (forkert dato)', minutes: '', decisions: '' });
    const plannedPath = planned.location!.replace(/\?.*$/, '');
    const confirm = await staff.get(`${plannedPath}/slet`);
    assert.match(confirm.text, /<h1>Slet mødet 15\. december 2026 i /);
    assert.match(confirm.text, /Ja, slet mødet/);
    const deleted = await staff.post(`${plannedPath}/slet`, {});
    assert.equal(deleted.status, 303);
    assert.match((await staff.get(deleted.location!)).text, /Mødet er slettet\./);
    assert.equal((await staff.get(plannedPath)).status, 404);
    assert.doesNotMatch((await page(`/raad/${slug}`)).text, /forkert dato/);
    const audit = await database.db.selectFrom('audit_entry').select('summary').where('action', '=', 'council.meeting_delete').execute();
    assert.equal(audit.length, 1);
    assert.match(audit[0]!.summary, /Mødet 2026-12-15 i «.+» er slettet\./);
  });

  it('keeps the councils from staff elsewhere and the city-wide councils from all but the administration', async () => {
    const other = await database.db.selectFrom('offering').select('id').where('slug', '=', 'amadeus').executeTakeFirstOrThrow();
    const elsewhere = await signedInStaff(app, database, { name: 'Anden Staff', grant: { role: 'offering_staff', offeringId: other.id, organizationId: null } });
    const refused = await elsewhere.get(councilPath);
    assert.equal(refused.status, 403);
    assert.doesNotMatch(refused.text, /Bjarke/);
    assert.equal((await staff.get('/admin/raad')).status, 403);
    const admin = await signedInStaff(app, database, { name: 'Anna Admin', grant: { role: 'system_admin', offeringId: null, organizationId: null } });
    const city = await admin.post('/admin/raad', { name: 'Det byomfattende brugerråd', purpose: '', howToJoin: '' });
    assert.equal(city.status, 303);
    const row = await database.db.selectFrom('council').select(['kind', 'offering_id']).where('slug', '=', 'det-byomfattende-brugerraad').executeTakeFirstOrThrow();
    assert.deepEqual(row, { kind: 'city', offering_id: null });
    assert.equal((await admin.get(`/admin/raad/${councilPath.split('/').at(-1)}`)).status, 404, "an offering's council is not reached as a city-wide one");
  });

  it('audits every change and every read of the member list without naming a member', async () => {
    const entries = await database.db.selectFrom('audit_entry').select(['action', 'summary', 'detail']).where('action', 'like', 'council.%').execute();
    const actions = new Set(entries.map((entry) => entry.action));
    for (const action of ['council.create', 'council.member_add', 'council.member_withdraw', 'council.meeting_add', 'council.meeting_edit', 'council.members_read']) assert.ok(actions.has(action), action);
    assert.doesNotMatch(JSON.stringify(entries), /Hanne|Bjarke|22 33 44 55/);
  });

  it('anonymises members whose consent has run out, once', async () => {
    const store = createCouncilStore(database.db);
    const job = coCreatorRetentionJob({ councils: store, fund: createFundStore(database.db), userJobs: createUserJobStore(database.db), volunteers: createVolunteerStore(database.db), friends: createFriendStore(database.db) });
    assert.deepEqual(await job.run({ now: testNow, clock: () => testNow, signal: new AbortController().signal }), { members: 0, contacts: 0, jobHolders: 0, volunteers: 0, friendRequests: 0, jobApplications: 0 });
    const later = new Date('2028-11-24T10:00:00Z');
    assert.deepEqual(await job.run({ now: later, clock: () => later, signal: new AbortController().signal }), { members: 1, contacts: 0, jobHolders: 0, volunteers: 0, friendRequests: 0, jobApplications: 0 });
    assert.deepEqual(await job.run({ now: later, clock: () => later, signal: new AbortController().signal }), { members: 0, contacts: 0, jobHolders: 0, volunteers: 0, friendRequests: 0, jobApplications: 0 });
    assert.equal((await database.db.selectFrom('council_member').select('id').where('display_name', 'is not', null).execute()).length, 0);
  });
});
