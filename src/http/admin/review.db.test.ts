import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../../test/support/app.ts';
import { signedInStaff, testAdminDeps } from '../../../test/support/staff.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import type { Database } from '../../db/database.ts';
import type { Grant } from '../../domain/access/policy.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
let place: { id: string; slug: string; operatorId: string; centreId: string };
const deps = () => testAdminDeps(database);

const person = (name: string, grant: Grant) => signedInStaff(app, database, { name, grant });

async function textsNow() {
  const texts = (await deps().backOffice.offeringForEdit(place.slug))!;
  return { version: String(texts.version), ...texts.texts };
}

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  const row = await database.db
    .selectFrom('offering')
    .innerJoin('organization', 'organization.id', 'offering.operator_id')
    .select(['offering.id', 'offering.slug', 'offering.operator_id', 'offering.centre_id'])
    .where('organization.ownership', '=', 'self_governing')
    .where('offering.centre_id', 'is not', null)
    .executeTakeFirstOrThrow();
  place = { id: row.id, slug: row.slug, operatorId: row.operator_id!, centreId: row.centre_id! };
});
after(() => database.close());

describe(`Changes from a self-governing operator wait for the centre (${databaseKind})`, () => {
  it('holds an operator editor\'s change back, lets the centre lead reject it with a reason and approve the next, and keeps the history restorable', async () => {
    const editor = await person('Olga Operatør', { role: 'operator_editor', offeringId: null, organizationId: place.operatorId });
    const lead = await person('Carl Centerleder', { role: 'centre_lead', offeringId: null, organizationId: place.centreId });
    const publicBefore = await (await app.request(`/tilbud/${place.slug}`)).text();

    const form = await editor.get(`/admin/tilbud/${place.slug}`);
    assert.match(form.text, /bliver offentlige, når centret har godkendt dem/);
    const first = await editor.post(`/admin/tilbud/${place.slug}`, { ...(await textsNow()), phone: '11 22 33 44' });
    assert.equal(first.status, 303);
    assert.match(first.location!, /foreslaaet=1/);
    assert.doesNotMatch(await (await app.request(`/tilbud/${place.slug}`)).text(), /11 22 33 44/);
    assert.equal(publicBefore.includes('11 22 33 44'), false);

    const dashboard = await lead.get('/admin');
    assert.match(dashboard.text, /1 ændring venter/);
    const list = await lead.get('/admin/godkendelser');
    const proposal = list.text.match(/href="\/admin\/godkendelser\/([0-9a-f-]{36})"/)![1]!;
    const shown = await lead.get(`/admin/godkendelser/${proposal}`);
    assert.match(shown.text, /Telefon/);
    assert.match(shown.text, /11 22 33 44/);

    const noReason = await lead.post(`/admin/godkendelser/${proposal}`, { beslutning: 'afvis', reason: '' });
    assert.equal(noReason.status, 400);
    assert.match(noReason.text, /Skriv en begrundelse/);
    assert.equal((await lead.post(`/admin/godkendelser/${proposal}`, { beslutning: 'afvis', reason: 'Nummeret er centrets' })).status, 303);
    assert.match((await editor.get('/admin')).text, /afvist<\/a> – «Nummeret er centrets»/);
    assert.equal((await editor.post(`/admin/godkendelser/${proposal}`, { beslutning: 'godkend' })).status, 403);

    await editor.post(`/admin/tilbud/${place.slug}`, { ...(await textsNow()), phone: '33 66 33 66' });
    const second = (await lead.get('/admin/godkendelser')).text.match(/href="\/admin\/godkendelser\/([0-9a-f-]{36})"/)![1]!;
    assert.equal((await lead.post(`/admin/godkendelser/${second}`, { beslutning: 'godkend', reason: '' })).status, 303);
    assert.match(await (await app.request(`/tilbud/${place.slug}`)).text(), /33 66 33 66/);
    // Deciding twice changes nothing.
    assert.equal((await lead.post(`/admin/godkendelser/${second}`, { beslutning: 'afvis', reason: 'For sent' })).status, 303);
    assert.match((await lead.get(`/admin/godkendelser/${second}`)).text, /Status: godkendt af Carl Centerleder/);

    const history = await lead.get(`/admin/tilbud/${place.slug}/historik`);
    assert.match(history.text, /Offentliggjorde en godkendt ændring af telefon/);
    const entry = history.text.match(/name="post" value="(\d+)"/)![1]!;
    assert.equal((await editor.post(`/admin/tilbud/${place.slug}/gendan`, { post: entry })).status, 403);
    const restored = await lead.post(`/admin/tilbud/${place.slug}/gendan`, { post: entry });
    assert.equal(restored.status, 303);
    assert.doesNotMatch(await (await app.request(`/tilbud/${place.slug}`)).text(), /33 66 33 66/);

    const { entries } = await deps().audit.search({ limit: 20, offset: 0 });
    assert.deepEqual(
      entries.map((item) => item.action).reverse(),
      ['offering.propose', 'review.reject', 'offering.propose', 'review.approve', 'offering.edit', 'offering.edit'],
    );
  });
});
