import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, testNow } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import { signedInStaff } from '../../test/support/staff.ts';
import { registerForMeeting } from '../app/run-user-meeting.ts';
import type { Database } from '../db/database.ts';
import { createPeerStore } from '../db/peer-store.ts';
import { createUserMeetingStore } from '../db/user-meeting-store.ts';
import { userMeetingRetentionJob } from '../jobs/user-meeting-retention.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
let admin: Awaited<ReturnType<typeof signedInStaff>>;
let meetingPath = '';

const register = async (fields: Record<string, string>) => {
  const form = await (await app.request('/brugermoede')).text();
  const key = /name="noegle" value="([^"]+)"/.exec(form)![1]!;
  const response = await app.request('/brugermoede', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ noegle: key, ...fields }) });
  return { status: response.status, text: await response.text(), location: response.headers.get('location'), key };
};

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  admin = await signedInStaff(app, database, { name: 'Anna Admin', grant: { role: 'system_admin', offeringId: null, organizationId: null } });
});
after(() => database.close());

describe(`The annual user meeting (${databaseKind})`, () => {
  it('says plainly when no meeting is set, and staff set one up', async () => {
    assert.match(await (await app.request('/brugermoede')).text(), /ikke sat en dato for næste brugermøde/);
    const bad = await admin.post('/admin/brugermoede', { title: 'Brugermødet 2027', heldOn: '2027-18-03', startsAt: '13:00', place: 'Rådhushallen', seats: '2', agenda: 'Velkomst' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /Skriv dagen for mødet, fx 2027-03-18/);
    const made = await admin.post('/admin/brugermoede', { title: 'Brugermødet 2027', heldOn: '2027-03-18', startsAt: '13:00', place: 'Rådhushallen, Rådhuspladsen 1', seats: '2', agenda: 'Velkomst\nForslag fra rådene\nEventuelt' });
    assert.equal(made.status, 303);
    meetingPath = made.location!;
    const page = await (await app.request('/brugermoede')).text();
    assert.match(page, /18\. marts 2027 kl\. 13:00/);
    assert.match(page, /2 pladser, 2 ledige/);
    assert.match(await (await app.request('/en/brugermoede')).text(), /18 March 2027 at 13:00/);
  });

  it('takes a first name with a phone or «meets at the offering», and refuses neither', async () => {
    const neither = await register({ name: 'Maja', phone: '' });
    assert.equal(neither.status, 400);
    assert.match(neither.text, /sæt kryds i «Jeg kan træffes på mit tilbud»/);
    assert.match(neither.text, /value="Maja"/, 'what was typed comes back');
    const first = await register({ name: 'Maja', phone: '22 33 44 55', interpreter: 'arabisk' });
    assert.equal(first.status, 303);
    const mine = await (await app.request(first.location!)).text();
    assert.match(mine, /Du har en plads på Brugermødet 2027/);
    assert.match(mine, /Tolk: arabisk/);
    assert.equal((await register({ name: 'Ali', meetsAtOffering: 'ja', accessNeeds: 'Kørestol' })).status, 303);
    assert.match(await (await app.request('/brugermoede')).text(), /Alle pladser er taget/);
  });

  let waitingKey = '';
  it('puts the next on the waiting list, first in first out, and moves the first up when a seat is freed', async () => {
    const third = await register({ name: 'Bo', phone: '33445566' });
    const fourth = await register({ name: 'Eva', meetsAtOffering: 'ja' });
    waitingKey = third.key;
    assert.match(await (await app.request(`/brugermoede/tilmelding/${third.key}`)).text(), /på ventelisten.*Du er den første/s);
    assert.match(await (await app.request(`/brugermoede/tilmelding/${fourth.key}`)).text(), /Der er 1 før dig/);
    const staffPage = await admin.get(meetingPath);
    assert.match(staffPage.text, /Venteliste \(2\)/);
    const rows = await database.db.selectFrom('user_meeting_registration').select(['id', 'display_name', 'state']).orderBy('position').execute();
    assert.deepEqual(rows.map((row) => row.state), ['registered', 'registered', 'waiting', 'waiting']);
    // Maja leaves by her own link.
    const maja = rows[0]!;
    const key = (await database.db.selectFrom('user_meeting_registration').select('token_hash').where('id', '=', maja.id).executeTakeFirstOrThrow()).token_hash;
    assert.ok(key.length > 20, 'only the hash of the key is stored');
    const left = await admin.post(`${meetingPath}/tilmeldinger/${maja.id}/afmeld`, {});
    assert.equal(left.status, 303);
    assert.match(left.location!, /gemt=rykket/);
    assert.match(await (await app.request(`/brugermoede/tilmelding/${waitingKey}`)).text(), /Du har en plads/);
    assert.match(await (await app.request(`/brugermoede/tilmelding/${fourth.key}`)).text(), /Du er den første/);
    assert.match((await admin.get(meetingPath)).text, /rykket op fra ventelisten – giv besked/);
    // Bo leaves by his link; Eva moves up.
    const bye = await app.request(`/brugermoede/tilmelding/${waitingKey}/afmeld`, { method: 'POST' });
    assert.equal(bye.status, 303);
    assert.match(await (await app.request(`/brugermoede/tilmelding/${waitingKey}`)).text(), /Du har meldt fra/);
    assert.match(await (await app.request(`/brugermoede/tilmelding/${fourth.key}`)).text(), /Du har en plads/);
    assert.equal((await app.request('/brugermoede/tilmelding/ikke-en-noegle')).status, 404);
    const audit = await database.db.selectFrom('audit_entry').select(['summary']).where('resource_type', '=', 'user_meeting').execute();
    assert.ok(!audit.some((entry) => /Maja|Bo\b|Eva|Ali|22 33/.test(entry.summary)), 'the audit log names no one');
  });

  it('never gives more seats than there are when many register at once', async () => {
    const store = createUserMeetingStore(database.db);
    const made = await admin.post('/admin/brugermoede', { title: 'Prøvemøde', heldOn: '2027-06-01', startsAt: '10:00', place: 'Salen', seats: '10', agenda: 'Prøve' });
    const meeting = (await store.meetingById(made.location!.split('/').at(-1)!))!;
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, index) => registerForMeeting(store, meeting, { name: `Nr${index}`, phone: '', meetsAtOffering: true, accessNeeds: '', interpreter: '' }, `hash-${index}`, testNow, { cameThrough: 'public_form', source: '127.0.0.1' })),
    );
    const kinds = outcomes.map((outcome) => (outcome.ok ? outcome.outcome.kind : 'invalid'));
    assert.equal(kinds.filter((kind) => kind === 'registered').length, 10);
    assert.equal(kinds.filter((kind) => kind === 'waiting').length, 20);
    const positions = (await store.registrations(meeting.id)).map((row) => row.position);
    assert.deepEqual(positions, Array.from({ length: 30 }, (_, index) => index + 1));
    const more = await admin.post(made.location!, { version: '1', title: 'Prøvemøde', heldOn: '2027-06-01', startsAt: '10:00', place: 'Salen', seats: '15', agenda: 'Prøve', minutes: '', registrationOpen: 'ja' });
    assert.equal(more.status, 303);
    const after = (await store.meetingById(meeting.id))!;
    assert.deepEqual([after.registered, after.waiting], [15, 15], 'more seats move five up from the waiting list');
    const stale = await admin.post(made.location!, { version: '1', title: 'Prøvemøde', heldOn: '2027-06-01', startsAt: '10:00', place: 'Salen', seats: '15', agenda: 'Prøve', minutes: '', registrationOpen: 'ja' });
    assert.equal(stale.status, 409);
  });

  it('puts a council proposal on, counts its votes, and publishes the minutes', async () => {
    const council = crypto.randomUUID();
    await database.db.insertInto('council').values({ id: council, slug: 'det-store-raad', offering_id: null, kind: 'city', name: 'Det fælles brugerråd', purpose: 'Byens råd.', how_to_join: 'Spørg.', created_at: testNow }).execute();
    assert.match((await admin.post(`${meetingPath}/forslag`, { council: '', title: 'Længere åbent', text: 'Åbent til kl. 22' })).text, /Vælg det råd/);
    assert.equal((await admin.post(`${meetingPath}/forslag`, { council, title: 'Længere åbent', text: 'Alle værestederne har åbent til kl. 22 om fredagen.' })).status, 303);
    const proposal = await database.db.selectFrom('user_meeting_proposal').select('id').executeTakeFirstOrThrow();
    const tooMany = await admin.post(`${meetingPath}/forslag/${proposal.id}/stemmer`, { for: '2', against: '1', blank: '0' });
    assert.equal(tooMany.status, 400);
    assert.match(tooMany.text, /3 stemmer, men kun 2 pladser/);
    assert.equal((await admin.post(`${meetingPath}/forslag/${proposal.id}/stemmer`, { for: '2', against: '0', blank: '0' })).status, 303);
    const fields = { title: 'Brugermødet 2027', heldOn: '2027-03-18', startsAt: '13:00', place: 'Rådhushallen, Rådhuspladsen 1', seats: '2', agenda: 'Velkomst', registrationOpen: 'ja' };
    assert.match((await admin.post(meetingPath, { ...fields, version: '1', minutes: '', publishMinutes: 'ja' })).text, /Skriv referatet, før det offentliggøres/);
    assert.equal((await admin.post(meetingPath, { ...fields, version: '1', minutes: 'Forslaget om længere åbent blev vedtaget.', publishMinutes: 'ja' })).status, 303);
    const page = await (await app.request('/brugermoede')).text();
    assert.match(page, /Det fælles brugerråd/);
    assert.match(page, /Vedtaget<\/strong>: 2 for, 0 imod/);
    assert.match(page, /Referat/);
  });

  it('keeps the back office to those who keep the city-wide councils', async () => {
    const nabo = await database.db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
    const staff = await signedInStaff(app, database, { name: 'Søren Staff', grant: { role: 'offering_staff', offeringId: nabo.id, organizationId: null } });
    assert.equal((await staff.get(meetingPath)).status, 403);
  });

  it('anonymises the registrations a month after the meeting, once', async () => {
    const job = userMeetingRetentionJob({ meetings: createUserMeetingStore(database.db), peer: createPeerStore(database.db) });
    const run = (at: Date) => job.run({ now: at, clock: () => at, signal: new AbortController().signal });
    assert.deepEqual(await run(new Date('2027-04-17T12:00:00Z')), { registrations: 0, peerCounsellors: 0 });
    assert.deepEqual(await run(new Date('2027-04-18T12:00:00Z')), { registrations: 4, peerCounsellors: 0 });
    assert.deepEqual(await run(new Date('2027-04-19T12:00:00Z')), { registrations: 0, peerCounsellors: 0 });
    const left = await database.db.selectFrom('user_meeting_registration').select(['display_name', 'phone']).where('anonymised_at', 'is not', null).execute();
    assert.ok(left.every((row) => row.display_name === null && row.phone === null));
  });
});
