import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pino from 'pino';
import { createTestApp, testNow } from '../../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { formClient } from '../../../test/support/form-client.ts';
import { queueFreshnessReminders } from '../../app/queue-freshness-reminders.ts';
import { startSession } from '../../app/staff-access.ts';
import { adminDepsFor } from '../../boot.ts';
import type { Database } from '../../db/database.ts';
import { createFreshnessStore } from '../../db/freshness-store.ts';
import type { Grant, Role } from '../../domain/access/policy.ts';

let database: Database;
const day = 86_400_000;
const later = (days: number) => new Date(testNow.getTime() + days * day);
const deps = () => adminDepsFor(database.db, { baseUrl: 'http://127.0.0.1:3000', logger: pino({ level: 'silent' }), logLinks: false, now: () => testNow });

type Ids = Record<string, { id: string; centreId: string | null; operatorId: string | null }>;
let ids: Ids;

/** A person with one grant and a browser signed in as them. */
async function signedIn(app: ReturnType<typeof createTestApp>, role: Role, scope: { offering?: string; organization?: string | null } = {}) {
  const access = deps().access;
  const name = `${role} ${crypto.randomUUID().slice(0, 6)}`;
  const id = await access.store.createAccount({ email: `${name.replace(' ', '-')}@kk.dk`, name });
  const grant: Grant = { role, offeringId: scope.offering ?? null, organizationId: scope.organization ?? null };
  await access.store.addGrant(id, grant);
  const client = formClient(app);
  client.jar.set('tv_session', await startSession(access, id));
  return { client, id, name, email: `${name.replace(' ', '-')}@kk.dk` };
}

/** Make a record's last verification lie `days` days before the test's day. */
async function verifiedDaysAgo(slug: string, days: number | null) {
  await database.db
    .updateTable('offering')
    .set({ verified_at: days === null ? null : new Date(testNow.getTime() - days * day), verified_by: null })
    .where('slug', '=', slug)
    .execute();
}

before(async () => {
  database = await createTestDatabase();
  // The platform started keeping records fresh on the test's day.
  await sql`update freshness_clock set started_at = ${testNow}`.execute(database.db);
  await sql`update offering set created_at = ${new Date(testNow.getTime() - 400 * day)}`.execute(database.db);
  const rows = await database.db.selectFrom('offering').select(['id', 'slug', 'centre_id', 'operator_id']).execute();
  ids = Object.fromEntries(rows.map((row) => [row.slug, { id: row.id, centreId: row.centre_id, operatorId: row.operator_id }]));
});
after(() => database.close());

describe(`Freshness of the public records (${databaseKind})`, () => {
  it('shows who answers for a seeded record and says honestly that it was never verified, without a warning', async () => {
    const app = createTestApp(database);
    const nabo = await (await app.request('/tilbud/nabo')).text();
    assert.match(nabo, /Ansvarlig for oplysningerne/);
    assert.match(nabo, /We Shelter/);
    assert.match(nabo, /Ikke bekræftet på platformen endnu/);
    assert.doesNotMatch(nabo, /kan være forældede/);
    const kompasset = await (await app.request('/tilbud/kompasset')).text();
    assert.match(kompasset, /Ansvarlig for oplysningerne<\/th><td>Center Amager/);
    const english = await (await app.request('/en/tilbud/nabo')).text();
    assert.match(english, /Not verified on the platform yet/);
  });

  it('warns publicly after six months and says the place has left the search after nine, in Danish and English', async () => {
    await verifiedDaysAgo('kompasset', 200);
    const app = createTestApp(database);
    assert.match(await (await app.request('/tilbud/kompasset')).text(), /sidst bekræftet 7\. maj 2026, for over et halvt år siden\. De kan være forældede/);
    assert.match(await (await app.request('/en/tilbud/kompasset')).text(), /last verified on 7 May 2026, more than six months ago/);
    await verifiedDaysAgo('kompasset', 300);
    assert.match(await (await app.request('/tilbud/kompasset')).text(), /vises ikke i søgningen, før nogen har bekræftet dem/);
    // A never-verified record warns too, once the platform has kept it for six months without anyone verifying it.
    const halfYearOn = createTestApp(database, later(190));
    assert.match(await (await halfYearOn.request('/tilbud/nabo')).text(), /ikke bekræftet, siden de blev lagt ind for over et halvt år siden/);
    await verifiedDaysAgo('kompasset', null);
  });

  it('verifies in one click, shows it on the public page at once, and writes it to the audit log', async () => {
    const app = createTestApp(database);
    await verifiedDaysAgo('kompasset', 200);
    const staff = await signedIn(app, 'offering_staff', { offering: ids.kompasset!.id });
    await staff.client.get('/admin/tilbud/kompasset');
    assert.match(staff.client.page(), /Forældet: advarsel på siden/);
    const verified = await staff.client.post('/admin/tilbud/kompasset/bekraeft', {});
    assert.equal(verified.status, 303);
    await staff.client.get(verified.headers.get('location')!);
    assert.match(staff.client.page(), /Oplysningerne er bekræftet/);
    assert.match(staff.client.page(), new RegExp(`Sidst bekræftet 23\\. november 2026 af ${staff.name}`));
    const page = await (await app.request('/tilbud/kompasset')).text();
    assert.match(page, /Sidst bekræftet<\/th><td>23\. november 2026/);
    assert.doesNotMatch(page, /kan være forældede/);
    const log = await deps().audit.search({ action: 'offering.verify', limit: 5, offset: 0 });
    assert.equal(log.entries[0]?.actorId, staff.id);
    assert.match(log.entries[0]!.summary, /Kompasset stadig er rigtige/);
  });

  it('refuses a verification of details someone changed since the page was opened, and records nothing', async () => {
    const app = createTestApp(database);
    await verifiedDaysAgo('pinta', 200);
    const staff = await signedIn(app, 'centre_lead', { organization: ids.pinta!.centreId });
    await staff.client.get('/admin/tilbud/pinta');
    await database.db.updateTable('offering').set((eb) => ({ version: eb('version', '+', 1) })).where('slug', '=', 'pinta').execute();
    const refused = await staff.client.post('/admin/tilbud/pinta/bekraeft', {});
    assert.equal(refused.headers.get('location'), '/admin/tilbud/pinta?bekraeft=aendret');
    await staff.client.get(refused.headers.get('location')!);
    assert.match(staff.client.page(), /En anden har ændret oplysningerne/);
    const row = await database.db.selectFrom('offering').select('verified_at').where('slug', '=', 'pinta').executeTakeFirstOrThrow();
    assert.equal(new Date(row.verified_at!).getTime(), testNow.getTime() - 200 * day);
  });

  it('counts saving an edit as a verification', async () => {
    const app = createTestApp(database);
    await verifiedDaysAgo('kontakten', 250);
    const staff = await signedIn(app, 'offering_staff', { offering: ids.kontakten!.id });
    await staff.client.get('/admin/tilbud/kontakten');
    const description = staff.client.page().match(/<textarea[^>]*name="description"[^>]*>([^<]*)<\/textarea>/)![1]!;
    const saved = await staff.client.post('/admin/tilbud/kontakten', { description: `${description} Kaffen er gratis.`, phone: '33 17 33 17' });
    assert.equal(saved.status, 303);
    assert.match(await (await app.request('/tilbud/kontakten')).text(), /Sidst bekræftet<\/th><td>23\. november 2026/);
  });

  it("lists what is due for the person's own centre only, and the whole range for a planner, with a count on the front page", async () => {
    const app = createTestApp(database);
    await verifiedDaysAgo('kompasset', 160);
    await verifiedDaysAgo('nabo', 200);
    await verifiedDaysAgo('pinta', 300);
    const amager = await signedIn(app, 'centre_lead', { organization: ids.kompasset!.centreId });
    await amager.client.get('/admin/forfald');
    const page = amager.client.page();
    assert.match(page, /<h2[^>]*>Center Amager<\/h2>/);
    assert.match(page, /Kompasset<\/a>/);
    assert.match(page, /Nabo<\/a>/);
    assert.doesNotMatch(page, /Pinta/);
    assert.match(page, /2 tilbud skal bekræftes: 1 har en advarsel på den offentlige side, 1 skal snart bekræftes/);
    await amager.client.get('/admin');
    assert.match(amager.client.page(), /2 af dine tilbud skal bekræftes/);

    const planner = await signedIn(app, 'planner');
    await planner.client.get('/admin/forfald');
    assert.match(planner.client.page(), /Pinta<\/a>/);
    assert.match(planner.client.page(), /Udløbet: ikke med i søgningen/);
    assert.match(planner.client.page(), /<h2[^>]*>Center Nordvest<\/h2>/);

    const elsewhere = await signedIn(app, 'offering_staff', { offering: ids.ungehus!.id });
    await elsewhere.client.get('/admin/forfald');
    assert.match(elsewhere.client.page(), /er bekræftet for nylig/);
    assert.doesNotMatch(elsewhere.client.page(), /Kompasset|Pinta|Nabo/);
  });

  it('queues one reminder mail per person and stage to those who answer for the offerings, and nothing when run again', async () => {
    await sql`update offering set verified_at = ${testNow}`.execute(database.db);
    await verifiedDaysAgo('kompasset', 160);
    await verifiedDaysAgo('nabo', 200);
    await verifiedDaysAgo('milepaelen', 300);
    const app = createTestApp(database);
    const lead = await signedIn(app, 'centre_lead', { organization: ids.kompasset!.centreId });
    const naboStaff = await signedIn(app, 'offering_staff', { offering: ids.nabo!.id });
    await signedIn(app, 'system_admin');
    await database.db.deleteFrom('outbox').execute();
    const store = createFreshnessStore(database.db);
    const first = await queueFreshnessReminders({ store, now: testNow, baseUrl: 'https://tilbud.kk.dk' });
    const mails = await database.db.selectFrom('outbox').selectAll().execute();
    const toLead = mails.filter((mail) => mail.recipient === lead.email);
    const toStaff = mails.filter((mail) => mail.recipient === naboStaff.email);
    // Each earlier person with a grant over Amager gets theirs too; the system administrator is not mailed about everything.
    assert.equal(toLead.length, 1);
    assert.equal(toStaff.length, 1);
    assert.ok(mails.every((mail) => !/system_admin/.test(mail.recipient)));
    assert.match(toLead[0]!.subject, /Er oplysningerne om 2 tilbud stadig rigtige\?/);
    assert.match(toLead[0]!.body, /- Kompasset: Sidst bekræftet 16\. juni 2026\. Bekræft senest 16\. december 2026/);
    assert.match(toLead[0]!.body, /https:\/\/tilbud\.kk\.dk\/admin\/tilbud\/nabo/);
    assert.match(toStaff[0]!.subject, /Er oplysningerne om Nabo stadig rigtige\?/);
    assert.match(toStaff[0]!.body, /viser nu en advarsel/);
    // Milepælen has closed: it stays as history and nobody is asked to verify it.
    assert.ok(mails.every((mail) => !mail.body.includes('Milepælen')));
    assert.ok(first.reminders >= 2);

    const again = await queueFreshnessReminders({ store, now: testNow, baseUrl: 'https://tilbud.kk.dk' });
    assert.deepEqual([again.reminders, again.mails], [0, 0]);
    assert.equal((await database.db.selectFrom('outbox').select('id').execute()).length, mails.length);

    // A month later Kompasset has reached the next stage: one new mail about that, and none about Nabo again.
    const next = await queueFreshnessReminders({ store, now: later(30), baseUrl: 'https://tilbud.kk.dk' });
    assert.equal(next.reminders, 1);
    const newest = await database.db.selectFrom('outbox').selectAll().where('recipient', '=', lead.email).orderBy('created_at', 'desc').execute();
    assert.equal(newest.length, 2);
    assert.match(newest[0]!.subject, /Kompasset/);
  });
});
