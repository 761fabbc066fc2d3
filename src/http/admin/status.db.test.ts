import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../../test/support/app.ts';
import { signedInStaff, testAdminDeps } from '../../../test/support/staff.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import type { Database } from '../../db/database.ts';
import type { Grant } from '../../domain/access/policy.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
const deps = () => testAdminDeps(database);

async function person(grant: Grant) {
  const staff = await signedInStaff(app, database, { name: 'Carl Centerleder', grant });
  return staff.post;
}

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
});
after(() => database.close());

describe(`Recording that a place closes or merges (${databaseKind})`, () => {
  it('refuses a closing date before today, shows a closing on the public page with alternatives, and removes it again', async () => {
    const nabo = await database.db.selectFrom('offering').select(['id', 'centre_id']).where('slug', '=', 'nabo').executeTakeFirstOrThrow();
    const lead = await person({ role: 'centre_lead', offeringId: null, organizationId: nabo.centre_id });
    const staff = await person({ role: 'offering_staff', offeringId: nabo.id, organizationId: null });

    const past = await lead('/admin/tilbud/nabo/status', { kind: 'closing', occursOn: '2026-11-01', note: '' });
    assert.equal(past.status, 400);
    assert.match(past.text, /Lukkedatoen ligger før i dag/);
    assert.match(past.text, /value="2026-11-01"/);

    assert.equal((await staff('/admin/tilbud/nabo/status', { kind: 'closing', occursOn: '2027-03-31' })).status, 403);
    assert.equal((await lead('/admin/tilbud/nabo/status', { kind: 'closing', occursOn: '2027-03-31', note: 'Besluttet i Socialudvalget.' })).status, 303);
    const publicPage = await (await app.request('/tilbud/nabo')).text();
    assert.match(publicPage, /31\. marts 2027/);
    assert.match(publicPage, /Besluttet i Socialudvalget\./);

    const page = await (await app.request('/admin/tilbud/nabo/status', { headers: { cookie: '' } })).status;
    assert.equal(page, 303);
    const events = await deps().backOffice.statusEvents(nabo.id);
    const recorded = events.find((event) => !event.fromSources)!;
    assert.equal((await lead('/admin/tilbud/nabo/status/fjern', { event: recorded.id })).status, 303);
    assert.doesNotMatch(await (await app.request('/tilbud/nabo')).text(), /31\. marts 2027/);
    const fromSources = events.find((event) => event.fromSources)!;
    assert.equal((await lead('/admin/tilbud/nabo/status/fjern', { event: fromSources.id })).status, 404);
  });
});
