import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, testNow } from '../../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { signedInStaff } from '../../../test/support/staff.ts';
import type { Database } from '../../db/database.ts';
import { createVolunteerStore } from '../../db/volunteer-store.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
let clock = testNow;
let staff: Awaited<ReturnType<typeof signedInStaff>>;

const send = async (path: string, fields: Record<string, string>) => {
  const response = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
  return { status: response.status, text: await response.text(), location: response.headers.get('location') };
};

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, () => clock);
  const nabo = await database.db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
  staff = await signedInStaff(app, database, { name: 'Søren Staff', grant: { role: 'offering_staff', offeringId: nabo.id, organizationId: null } });
});
after(() => database.close());

describe(`Volunteers from «Bliv frivillig» to an assignment (${databaseKind})`, () => {
  let path = '';

  it('takes a volunteer through the public page with a phone number, refusing a number that cannot be one', async () => {
    const form = await (await app.request('/tilbud/nabo/frivillig')).text();
    const stamp = /name="stempel" value="([^"]+)"/.exec(form)![1]!;
    clock = new Date(clock.getTime() + 10_000);
    const bad = await send('/tilbud/nabo/frivillig', { stempel: stamp, efterlad_tom: '', name: 'Maja', contact: '123', interests: '' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /telefonnummer med 8 cifre/);
    const sent = await send('/tilbud/nabo/frivillig', { stempel: stamp, efterlad_tom: '', name: 'Maja', contact: '22 33 44 55', interests: 'Madlavning' });
    assert.equal(sent.status, 303);
    assert.equal(sent.location, '/tilbud/nabo/frivillig/tak');
    const row = await database.db.selectFrom('volunteer').select(['id', 'screening', 'delete_after']).executeTakeFirstOrThrow();
    assert.equal(row.screening, 'pending');
    assert.equal(String(row.delete_after), '2027-05-25', 'an application not followed up goes after half a year');
    path = `/admin/tilbud/nabo/frivillige/${row.id}`;
    assert.match(await (await app.request('/en/tilbud/nabo/frivillig')).text(), /<h1>Volunteer at Nabo<\/h1>/);
  });

  it('gives no assignment before the screening is approved and the insurance recorded, and says why', async () => {
    const refused = await staff.post(`${path}/opgaver`, { role: 'food_club', hours: '3', startsOn: '2026-12-01' });
    assert.equal(refused.status, 409);
    assert.match(refused.text, /først få en opgave, når der er registreret en godkendt screening og en bekræftet forsikring/);
    const screened = await staff.post(path, { version: '1', screening: 'approved', trainedOn: '2026-11-20', insuranceOn: '', agreement: 'Tavshedspligt aftalt.' });
    assert.equal(screened.status, 303);
    const stillRefused = await staff.post(`${path}/opgaver`, { role: 'food_club', hours: '3', startsOn: '2026-12-01' });
    assert.match(stillRefused.text, /en bekræftet forsikring/);
    assert.doesNotMatch(stillRefused.text, /godkendt screening og/);
    const stale = await staff.post(path, { version: '1', screening: 'approved', trainedOn: '2026-11-20', insuranceOn: '2026-11-21', agreement: '' });
    assert.equal(stale.status, 409, 'a form read before the last save');
    assert.equal((await staff.post(path, { version: '2', screening: 'approved', trainedOn: '2026-11-20', insuranceOn: '2026-11-21', agreement: 'Tavshedspligt aftalt.' })).status, 303);
    const assigned = await staff.post(`${path}/opgaver`, { role: 'food_club', hours: '3', startsOn: '2026-12-01' });
    assert.equal(assigned.status, 303);
    assert.match((await staff.get(path)).text, /Aftenmadklub, 3 timer om ugen/);
    assert.equal((await database.db.selectFrom('volunteer_assignment').select('id').execute()).length, 1);
  });

  it('keeps volunteers from staff elsewhere, audits without names and anonymises when the time is up', async () => {
    const other = await database.db.selectFrom('offering').select('id').where('slug', '=', 'amadeus').executeTakeFirstOrThrow();
    const elsewhere = await signedInStaff(app, database, { name: 'Anden', grant: { role: 'offering_staff', offeringId: other.id, organizationId: null } });
    const refused = await elsewhere.get(path);
    assert.equal(refused.status, 403);
    assert.doesNotMatch(refused.text, /Maja/);
    const entries = await database.db.selectFrom('audit_entry').select(['action', 'summary', 'detail']).where('action', 'like', 'volunteer.%').execute();
    assert.deepEqual(new Set(entries.map((entry) => entry.action)), new Set(['volunteer.apply', 'volunteer.status', 'volunteer.assign']));
    assert.doesNotMatch(JSON.stringify(entries), /Maja|22 33 44 55/);
    const store = createVolunteerStore(database.db);
    assert.equal(await store.anonymiseDue('2028-11-22', new Date()), 0, 'two years from the last change');
    assert.equal(await store.anonymiseDue('2028-11-23', new Date()), 1);
    assert.equal((await staff.get(path)).status, 404);
  });
});
