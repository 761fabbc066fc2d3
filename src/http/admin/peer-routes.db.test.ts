import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, testNow } from '../../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { signedInStaff } from '../../../test/support/staff.ts';
import type { Database } from '../../db/database.ts';
import { createPeerStore } from '../../db/peer-store.ts';
import { createUserMeetingStore } from '../../db/user-meeting-store.ts';
import { userMeetingRetentionJob } from '../../jobs/user-meeting-retention.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
let admin: Awaited<ReturnType<typeof signedInStaff>>;
const course = crypto.randomUUID();
const session = crypto.randomUUID();
const participant = crypto.randomUUID();

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  admin = await signedInStaff(app, database, { name: 'Anna Admin', grant: { role: 'system_admin', offeringId: null, organizationId: null } });
  const nabo = await database.db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
  await database.db
    .insertInto('course')
    .values({ id: course, slug: 'peeruddannelsen', title: 'Peeruddannelsen', kind: 'referred', track: 'health', purpose: 'x', target_group: 'x', offering_id: nabo.id, run_by: 'staff', capacity: 12, how_to_join: 'x', goal: 'x' })
    .execute();
  await database.db.insertInto('course_session').values({ id: session, course_id: course, on_date: '2026-11-02', starts_at: '10:00', ends_at: '16:00' }).execute();
  await database.db.insertInto('course_participant').values({ id: participant, course_id: course, position: 1, display_name: 'Lone', contact: null, state: 'enrolled', token_hash: crypto.randomUUID(), joined_at: testNow }).execute();
  await database.db.insertInto('course_attendance').values({ session_id: session, participant_id: participant, present: true, recorded_at: testNow }).execute();
});
after(() => database.close());

describe(`Peer counsellors from training to an assignment (${databaseKind})`, () => {
  let cohortPath = '';
  let lone = '';
  it('sets up a cohort with a target of 10–12 and modules, one of them a meeting of the course', async () => {
    const wrong = await admin.post('/admin/peermedarbejdere', { name: 'Peerhold 2026', year: '2026', targetMin: '12', targetMax: '10', course });
    assert.equal(wrong.status, 400);
    assert.match(wrong.text, /mindst 12/);
    const made = await admin.post('/admin/peermedarbejdere', { name: 'Peerhold 2026', year: '2026', targetMin: '10', targetMax: '12', course });
    assert.equal(made.status, 303);
    cohortPath = made.location!;
    assert.equal((await admin.post(`${cohortPath}/moduler`, { title: 'Recovery og egen historie', hours: '6', session })).status, 303);
    assert.equal((await admin.post(`${cohortPath}/moduler`, { title: 'Samtalen', hours: '4', session: '' })).status, 303);
    assert.match((await admin.post(`${cohortPath}/moduler`, { title: 'Supervision', hours: '0', session: '' })).text, /helt tal fra 1 til 100/);
    assert.equal((await admin.post(`${cohortPath}/deltagere`, { name: 'Lone', phone: '', participant })).status, 303);
    assert.equal((await admin.post(`${cohortPath}/deltagere`, { name: 'Kim', phone: '22334455', participant: '' })).status, 303);
    lone = (await database.db.selectFrom('peer_counsellor').select('id').where('display_name', '=', 'Lone').executeTakeFirstOrThrow()).id;
  });

  it('reads attendance from the course system, refuses certification while a module is missing, and certifies when done', async () => {
    const page = await admin.get(cohortPath);
    assert.match(page.text, /6 af 10 timer/, "Lone's course meeting counts");
    const refused = await admin.post(`${cohortPath}/deltagere/${lone}/certificer`, {});
    assert.equal(refused.status, 409);
    assert.match(refused.text, /mangler modulet «Samtalen»/);
    const early = await admin.post(`${cohortPath}/deltagere/${lone}/opgaver`, { offering: '', course: '', since: '2026-12-01' });
    assert.equal(early.status, 409, 'no assignment before certification');
    assert.match(early.text, /først opgaver, når vedkommende er certificeret/);
    const module = await database.db.selectFrom('peer_module').select('id').where('title', '=', 'Samtalen').executeTakeFirstOrThrow();
    assert.equal((await admin.post(`${cohortPath}/deltagere/${lone}/fremmoede`, { module: module.id })).status, 303);
    assert.equal((await admin.post(`${cohortPath}/deltagere/${lone}/certificer`, {})).status, 303);
    assert.match((await admin.get(cohortPath)).text, /Certificeret 23\. november 2026/);
  });

  it('assigns a certified counsellor to an offering and a course, and counts the year against the target', async () => {
    const nabo = await database.db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
    assert.match((await admin.post(`${cohortPath}/deltagere/${lone}/opgaver`, { offering: '', course: '', since: '2026-12-01' })).text, /Vælg et tilbud/);
    assert.equal((await admin.post(`${cohortPath}/deltagere/${lone}/opgaver`, { offering: nabo.id, course, since: '2026-12-01' })).status, 303);
    assert.match((await admin.get(cohortPath)).text, /forløbet Peeruddannelsen fra 1\. december 2026/);
    const list = await admin.get('/admin/peermedarbejdere');
    assert.match(list.text, /<td>2026<\/td><td>1<\/td><td>10–12<\/td><td>under målet<\/td>/);
    const figure = await (await app.request('/peermedarbejdere')).text();
    assert.match(figure, /I 2026 er 1 peermedarbejder certificeret/);
    assert.match(figure, /Målet er 10–12/);
    assert.doesNotMatch(figure, /Lone|Kim/, 'a number only');
    const audit = await database.db.selectFrom('audit_entry').select('summary').where('resource_type', '=', 'peer_cohort').execute();
    assert.equal(audit.length, 8, 'a cohort, two modules, two counsellors, one attendance, one certification, one assignment');
    assert.ok(!audit.some((entry) => /Lone|Kim/.test(entry.summary)), 'the audit log names no one');
  });

  it('puts a peer meeting at an offering in public, where and when only, and supervision on the cohort', async () => {
    const nabo = await database.db.selectFrom('offering').select(['id', 'name']).where('slug', '=', 'nabo').executeTakeFirstOrThrow();
    const bad = await admin.post(`${cohortPath}/moeder`, { kind: 'peer_meeting', offering: '', date: '2026-12-03', startsAt: '14:00', endsAt: '13:00' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /Et peermøde holdes på et tilbud/);
    assert.match(bad.text, /efter det begynder/);
    assert.equal((await admin.post(`${cohortPath}/moeder`, { kind: 'peer_meeting', offering: nabo.id, date: '2026-12-03', startsAt: '14:00', endsAt: '15:30' })).status, 303);
    assert.equal((await admin.post(`${cohortPath}/moeder`, { kind: 'supervision', offering: '', date: '2026-12-10', startsAt: '09:00', endsAt: '11:00' })).status, 303);
    assert.match((await admin.get(cohortPath)).text, /Supervision 10\. december 2026 kl\. 09:00–11:00/);
    const figure = await (await app.request('/peermedarbejdere')).text();
    assert.match(figure, new RegExp(`3\\. december 2026 kl\\. 14:00–15:30, <a href="/tilbud/nabo">${nabo.name}</a>`));
    assert.doesNotMatch(figure, /Supervision/);
  });

  it('registers who of the cohort came to a peer meeting or supervision as a tick list, and counts them in the year', async () => {
    const nabo = await database.db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
    assert.equal((await admin.post(`${cohortPath}/moeder`, { kind: 'peer_meeting', offering: nabo.id, date: '2026-11-20', startsAt: '14:00', endsAt: '15:30' })).status, 303);
    const sessions = await database.db.selectFrom('peer_session').select(['id', 'on_date', 'kind']).orderBy('on_date').execute();
    const held = sessions.find((item) => String(item.on_date) === '2026-11-20')!;
    const future = sessions.find((item) => String(item.on_date) === '2026-12-03')!;
    const kim = (await database.db.selectFrom('peer_counsellor').select('id').where('display_name', '=', 'Kim').executeTakeFirstOrThrow()).id;
    assert.match((await admin.get(cohortPath)).text, new RegExp(`href="${cohortPath}/moeder/${held.id}/fremmoede">Registrér fremmøde`));

    const early = await admin.post(`${cohortPath}/moeder/${future.id}/fremmoede`, { present: lone });
    assert.equal(early.status, 400);
    assert.match(early.text, /Mødet er ikke holdt endnu/);
    const form = await admin.get(`${cohortPath}/moeder/${held.id}/fremmoede`);
    assert.equal(form.status, 200);
    assert.match(form.text, /<title>Fremmøde: Peermøde 20\. november 2026 kl\. 14:00–15:30 på Nabo – Peerhold 2026/);
    assert.match(form.text, /type="checkbox"[^>]*name="present"[^>]*value="[^"]+"/);
    assert.match((await admin.post(`${cohortPath}/moeder/${held.id}/fremmoede`, { present: crypto.randomUUID() })).text, /Sæt kun kryds ved peermedarbejdere på listen/);

    const saved = await admin.post(`${cohortPath}/moeder/${held.id}/fremmoede`, { present: [lone, kim] });
    assert.equal(saved.status, 303);
    assert.match((await admin.get(saved.location!)).text, /Fremmødet er gemt/);
    assert.match((await admin.get(cohortPath)).text, /Fremmøde: 2 af 2/);
    assert.equal((await admin.post(`${cohortPath}/moeder/${held.id}/fremmoede`, { present: kim })).status, 303, 'unticking Lone');
    const again = await admin.get(`${cohortPath}/moeder/${held.id}/fremmoede`);
    assert.match(again.text, new RegExp(`value="${kim}" checked`));
    assert.doesNotMatch(again.text, new RegExp(`value="${lone}" checked`));
    const list = await admin.get('/admin/peermedarbejdere');
    assert.match(list.text, /<td>2026<\/td><td>1<\/td><td>10–12<\/td><td>under målet<\/td><td>1 \(1 fremmøde\)<\/td><td>–<\/td>/);
    const figure = await (await app.request('/peermedarbejdere')).text();
    assert.match(figure, /Der er holdt 1 peermøde i år\./);
    assert.doesNotMatch(figure, /Lone|Kim/);
    const audit = await database.db.selectFrom('audit_entry').select('summary').where('action', '=', 'peer.session_attendance').orderBy('id').execute();
    assert.deepEqual(audit.map((entry) => entry.summary), ['Fremmødet til Peermøde 2026-11-20 på Nabo er gemt for Peerhold 2026: 2 af 2.', 'Fremmødet til Peermøde 2026-11-20 på Nabo er gemt for Peerhold 2026: 1 af 2.']);
  });

  it('shows the city-wide peer network: in public the offerings where a counsellor works today, no one named; in the back office everyone certified with their assignments', async () => {
    const other = await database.db.selectFrom('offering').select(['id', 'name', 'slug']).where('slug', '!=', 'nabo').orderBy('slug').executeTakeFirstOrThrow();
    const before = await (await app.request('/peermedarbejdere')).text();
    assert.match(before, /Peernetværket i byen/);
    assert.match(before, /Der er ingen peermedarbejdere på tilbuddene endnu/, 'the assignment at Nabo begins on 1 December');
    assert.equal((await admin.post(`${cohortPath}/deltagere/${lone}/opgaver`, { offering: other.id, course: '', since: '2026-11-23' })).status, 303);
    const figure = await (await app.request('/peermedarbejdere')).text();
    const network = figure.slice(figure.indexOf('Peernetværket i byen'));
    assert.match(network, new RegExp(`<a href="/tilbud/${other.slug}">`));
    assert.doesNotMatch(network, /href="\/tilbud\/nabo"/);
    assert.doesNotMatch(figure, /Lone|Kim/);

    const second = await admin.post('/admin/peermedarbejdere', { name: 'Peerhold 2027', year: '2027', targetMin: '10', targetMax: '12', course: '' });
    const page = await admin.get('/admin/peermedarbejdere/netvaerk');
    assert.equal(page.status, 200);
    assert.match(page.text, /1 certificeret peermedarbejder/);
    assert.match(page.text, /<td>Lone<\/td>/);
    assert.match(page.text, /Peerhold 2026/);
    assert.doesNotMatch(page.text, /Kim/, 'only the certified');
    assert.match(page.text, /Nabo \(Peeruddannelsen\) fra 1\. december 2026/);
    assert.match(page.text, new RegExp(`${other.name} fra 23\\. november 2026`));
    assert.equal(second.status, 303);
    const read = await database.db.selectFrom('audit_entry').select('summary').where('action', '=', 'peer.network_read').execute();
    assert.deepEqual(read.map((entry) => entry.summary), ['Listen over peernetværket er læst (1 certificerede).']);
    const staff = await signedInStaff(app, database, { name: 'Søren Staff', grant: { role: 'offering_staff', offeringId: other.id, organizationId: null } });
    assert.equal((await staff.get('/admin/peermedarbejdere/netvaerk')).status, 403);
  });

  it('deletes a cohort set up by mistake, and refuses one whose figures count, offering to close it instead', async () => {
    const empty = await database.db.selectFrom('peer_cohort').select('id').where('name', '=', 'Peerhold 2027').executeTakeFirstOrThrow();
    const emptyPath = `/admin/peermedarbejdere/${empty.id}`;
    assert.match((await admin.get(emptyPath)).text, new RegExp(`href="${emptyPath}/slet"`));
    const confirm = await admin.get(`${emptyPath}/slet`);
    assert.match(confirm.text, /<h1>Slet peerholdet «Peerhold 2027»\?<\/h1>/);
    assert.match(confirm.text, /Holdets 0 moduler og 0 peermedarbejdere/);
    const deleted = await admin.post(`${emptyPath}/slet`, {});
    assert.equal(deleted.status, 303);
    assert.match((await admin.get(deleted.location!)).text, /Holdet er slettet\./);
    assert.equal((await admin.get(emptyPath)).status, 404);

    const refused = await admin.get(`${cohortPath}/slet`);
    assert.match(refused.text, /<title>Kan ikke slettes: peerholdet «Peerhold 2026»/);
    assert.match(refused.text, /Holdet har en certificeret peermedarbejder og et møde med registreret fremmøde, som tæller med i årets tal\. Luk holdet i stedet/);
    assert.match(refused.text, new RegExp(`action="${cohortPath}/luk"`));
    assert.doesNotMatch(refused.text, /Ja, slet/);
    assert.equal((await admin.post(`${cohortPath}/slet`, {})).status, 409);
    const closed = await admin.post(`${cohortPath}/luk`, {});
    assert.equal(closed.status, 303);
    const page = await admin.get(closed.location!);
    assert.match(page.text, /Holdet er lukket 23\. november 2026\./);
    assert.doesNotMatch(page.text, new RegExp(`action="${cohortPath}/moduler"`), 'no form to add modules');
    const late = await admin.post(`${cohortPath}/moduler`, { title: 'Ekstra', hours: '2', session: '' });
    assert.equal(late.status, 400);
    assert.match(late.text, /Holdet er lukket, så der kan ikke føjes mere til det/);
    const again = await admin.get(`${cohortPath}/slet`);
    assert.match(again.text, /Holdet er allerede lukket; det bliver stående, så tallene passer\./);
    assert.doesNotMatch(again.text, /Luk holdet i stedet/);
    assert.match((await admin.get('/admin/peermedarbejdere')).text, /Peerhold 2026<\/a> – 2026, 2 peermedarbejdere, 1 certificeret, lukket 23\. november 2026/);
    assert.match(await (await app.request('/peermedarbejdere')).text(), /I 2026 er 1 peermedarbejder certificeret/);
    const audit = await database.db.selectFrom('audit_entry').select(['action', 'summary']).where('action', 'in', ['peer.cohort_delete', 'peer.cohort_close']).orderBy('action').execute();
    assert.deepEqual(audit, [
      { action: 'peer.cohort_close', summary: 'Peerholdet «Peerhold 2026» er lukket.' },
      { action: 'peer.cohort_delete', summary: 'Peerholdet «Peerhold 2027» (2027) er slettet med 0 peermedarbejdere, 0 moduler og 0 møder.' },
    ]);
  });

  it('anonymises counsellors two years after they joined, and keeps the year counted', async () => {
    const job = userMeetingRetentionJob({ meetings: createUserMeetingStore(database.db), peer: createPeerStore(database.db) });
    const run = (at: Date) => job.run({ now: at, clock: () => at, signal: new AbortController().signal });
    assert.deepEqual(await run(new Date('2028-11-22T12:00:00Z')), { registrations: 0, peerCounsellors: 0 });
    assert.deepEqual(await run(new Date('2028-11-23T12:00:00Z')), { registrations: 0, peerCounsellors: 2 });
    assert.deepEqual(await run(new Date('2028-11-24T12:00:00Z')), { registrations: 0, peerCounsellors: 0 });
    assert.match(await (await app.request('/peermedarbejdere')).text(), /I 2026 er 1 peermedarbejder certificeret/);
  });
});
