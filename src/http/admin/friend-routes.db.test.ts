import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { signedInStaff } from '../../../test/support/staff.ts';
import type { Database } from '../../db/database.ts';
import { createFriendStore } from '../../db/friend-store.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
let staff: Awaited<ReturnType<typeof signedInStaff>>;
const volunteers: Record<string, string> = {};

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  const nabo = await database.db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
  staff = await signedInStaff(app, database, { name: 'Søren Staff', grant: { role: 'offering_staff', offeringId: nabo.id, organizationId: null } });
  for (const [name, screening, insured, interests] of [
    ['Maja', 'approved', true, 'brætspil fiskeri'],
    ['Omar', 'pending', false, 'brætspil fiskeri'],
  ] as const) {
    const id = crypto.randomUUID();
    volunteers[name] = id;
    await database.db
      .insertInto('volunteer')
      .values({ id, offering_id: nabo.id, display_name: name, contact: '22334455', interests, area: 'Nørrebro', languages: 'dansk', came_through: 'in_person', screening, insurance_confirmed_on: insured ? '2026-11-01' : null, purpose: 'Frivillig', delete_after: '2099-01-01', created_at: new Date() })
      .execute();
  }
});
after(() => database.close());

describe(`Network friends from the request to the end (${databaseKind})`, () => {
  let request = '';

  it('takes a request at the offering with as little as a first name', async () => {
    const refused = await staff.post('/admin/tilbud/nabo/netvaerksvenner', { name: '', contact: '', interests: 'Fiskeri', area: '', languages: '' });
    assert.equal(refused.status, 400);
    assert.match(refused.text, /Et fornavn er nok/);
    assert.equal((await staff.post('/admin/tilbud/nabo/netvaerksvenner', { name: 'Ib', contact: '', interests: 'Fiskeri', area: 'Nørrebro', languages: 'dansk' })).status, 303);
    request = (await database.db.selectFrom('friend_request').select('id').executeTakeFirstOrThrow()).id;
    const page = await staff.get('/admin/tilbud/nabo/netvaerksvenner');
    assert.match(page.text, /1 venter på en netværksven/);
    assert.match(page.text, /Maja – 5 fælles/);
    assert.doesNotMatch(page.text, /Omar –/, 'an unscreened volunteer is not offered');
  });

  it('refuses a match with an unscreened volunteer, and one without both yeses', async () => {
    const unscreened = await staff.post(`/admin/tilbud/nabo/netvaerksvenner/${request}/match`, { volunteer: volunteers.Omar!, userConsent: 'ja', volunteerConsent: 'ja' });
    assert.equal(unscreened.status, 409);
    assert.match(unscreened.text, /screenet, godkendt og forsikret/);
    const oneYes = await staff.post(`/admin/tilbud/nabo/netvaerksvenner/${request}/match`, { volunteer: volunteers.Maja!, userConsent: 'ja' });
    assert.equal(oneYes.status, 409);
    assert.match(oneYes.text, /Begge skal have sagt ja/);
    assert.equal((await database.db.selectFrom('friend_match').select('id').execute()).length, 0);
  });

  it('matches with both yeses, records the follow-ups, and lets either side end it', async () => {
    assert.equal((await staff.post(`/admin/tilbud/nabo/netvaerksvenner/${request}/match`, { volunteer: volunteers.Maja!, userConsent: 'ja', volunteerConsent: 'ja' })).status, 303);
    const again = await staff.post(`/admin/tilbud/nabo/netvaerksvenner/${request}/match`, { volunteer: volunteers.Maja!, userConsent: 'ja', volunteerConsent: 'ja' });
    assert.match(again.text, /allerede en netværksven/);
    const match = (await database.db.selectFrom('friend_match').select('id').executeTakeFirstOrThrow()).id;
    assert.match((await staff.get('/admin/tilbud/nabo/netvaerksvenner')).text, /1 venskaber i gang\. 0 venter/);
    assert.equal((await staff.post(`/admin/tilbud/nabo/netvaerksvenner/venskab/${match}/opfoelgning`, { which: '1' })).status, 303);
    assert.equal((await staff.post(`/admin/tilbud/nabo/netvaerksvenner/venskab/${match}/afslut`, { by: 'volunteer' })).status, 303);
    const row = await database.db.selectFrom('friend_match').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.ended_by, 'volunteer');
    assert.notEqual(row.followup_1_on, null);
    assert.equal((await staff.post(`/admin/tilbud/nabo/netvaerksvenner/venskab/${match}/afslut`, { by: 'user' })).status, 404);
  });

  it('keeps requests from staff elsewhere, audits without names and anonymises after two years', async () => {
    const other = await database.db.selectFrom('offering').select('id').where('slug', '=', 'amadeus').executeTakeFirstOrThrow();
    const elsewhere = await signedInStaff(app, database, { name: 'Anden', grant: { role: 'offering_staff', offeringId: other.id, organizationId: null } });
    assert.equal((await elsewhere.get('/admin/tilbud/nabo/netvaerksvenner')).status, 403);
    const entries = await database.db.selectFrom('audit_entry').select(['action', 'summary', 'detail']).where('action', 'like', 'friend.%').execute();
    assert.deepEqual(new Set(entries.map((entry) => entry.action)), new Set(['friend.request', 'friend.match', 'friend.follow_up', 'friend.end']));
    assert.doesNotMatch(JSON.stringify(entries), /Ib|Maja/);
    assert.equal(await createFriendStore(database.db).anonymiseDue('2028-11-23', new Date()), 1);
  });
});
