import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../../test/support/app.ts';
import { signedInStaff, testAdminDeps } from '../../../test/support/staff.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import type { Database } from '../../db/database.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
const deps = () => testAdminDeps(database);

const signedIn = (accountId: string) => signedInStaff(app, database, { accountId });

let admin: Awaited<ReturnType<typeof signedIn>>;
let adminId: string;

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  adminId = await deps().access.store.createAccount({ email: 'anna@kk.dk', name: 'Anna Admin' });
  await deps().access.store.addGrant(adminId, { role: 'system_admin', offeringId: null, organizationId: null });
  admin = await signedIn(adminId);
});
after(() => database.close());

describe(`The system administrator keeps the accounts (${databaseKind})`, () => {
  it('refuses a role without what it must cover, keeps what was typed, and says which kind of scope to choose', async () => {
    const refused = await admin.post('/admin/konti', { name: 'Søren Staff', email: 'soren@kk.dk', role: 'offering_staff', scope: '' });
    assert.equal(refused.status, 400);
    assert.match(refused.text, /Medarbejder på et tilbud skal dække et tilbud/);
    assert.match(refused.text, /value="soren@kk\.dk"/);
    const planner = await admin.post('/admin/konti', { name: 'Pia Plan', email: 'pia@kk.dk', role: 'planner', scope: 'centre:x' });
    assert.match(planner.text, /dækker hele tilbudsviften/);
  });

  it('invites a member of staff with a one-time link by mail, and the link lets them in to their offering only', async () => {
    const nabo = await database.db.selectFrom('offering').select(['id', 'slug']).where('slug', '=', 'nabo').executeTakeFirstOrThrow();
    const invited = await admin.post('/admin/konti', { name: 'Søren Staff', email: 'soren@kk.dk', role: 'offering_staff', scope: `offering:${nabo.id}` });
    assert.equal(invited.status, 303);
    const mail = await database.db.selectFrom('outbox').selectAll().where('recipient', '=', 'soren@kk.dk').executeTakeFirstOrThrow();
    const link = mail.body.match(/http:\/\/127\.0\.0\.1:3000(\/admin\/adgangskode\/[\w-]+)/)![1]!;
    assert.equal((await app.request(link)).status, 200);
    const list = await admin.get('/admin/konti');
    assert.match(list.text, /Søren Staff/);
    assert.match(list.text, /har ikke valgt adgangskode/);
    const again = await admin.post('/admin/konti', { name: 'Søren S', email: 'SOREN@kk.dk', role: 'planner', scope: '' });
    assert.equal(again.status, 409);
    assert.match(again.text, /allerede en konto/);
  });

  it('gives and removes roles, closes an account so its sessions end, and will not close its own', async () => {
    const soren = (await deps().access.store.accountByEmail('soren@kk.dk'))!;
    const sorenBrowser = await signedIn(soren.id);
    assert.equal((await sorenBrowser.get('/admin')).status, 200);
    const page = await admin.get(`/admin/konti/${soren.id}`);
    assert.match(page.text, /Medarbejder på et tilbud – Nabo/);
    const centre = await database.db.selectFrom('organization').select('id').where('kind', '=', 'centre').executeTakeFirstOrThrow();
    assert.equal((await admin.post(`/admin/konti/${soren.id}/rolle`, { role: 'centre_lead', scope: `centre:${centre.id}` })).status, 303);
    const grants = await deps().accounts.account(soren.id);
    assert.equal(grants!.grants.length, 2);
    assert.equal((await admin.post(`/admin/konti/${soren.id}/rolle/fjern`, { grant: grants!.grants[1]!.id })).status, 303);
    assert.equal((await deps().accounts.account(soren.id))!.grants.length, 1);

    assert.equal((await admin.post(`/admin/konti/${soren.id}/luk`, {})).status, 303);
    assert.equal((await sorenBrowser.get('/admin')).status, 303);
    assert.match((await admin.get(`/admin/konti/${soren.id}`)).text, /Kontoen er lukket/);
    assert.equal((await admin.post(`/admin/konti/${adminId}/luk`, {})).status, 404);

    const { entries } = await deps().audit.search({ text: 'Søren', limit: 50, offset: 0 });
    const actions = new Set(entries.map((entry) => entry.action));
    for (const action of ['account.create', 'account.grant', 'account.revoke', 'account.close', 'account.read']) assert.ok(actions.has(action), action);
  });
});
