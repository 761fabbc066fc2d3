import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { signedInStaff } from '../../../test/support/staff.ts';
import type { Database } from '../../db/database.ts';
import { createUserJobStore } from '../../db/user-job-store.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
let staff: Awaited<ReturnType<typeof signedInStaff>>;

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  const nabo = await database.db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
  staff = await signedInStaff(app, database, { name: 'Søren Staff', grant: { role: 'offering_staff', offeringId: nabo.id, organizationId: null } });
});
after(() => database.close());

describe(`User jobs from the back office to the public list (${databaseKind})`, () => {
  let jobPath = '';

  it('lets the staff of Nabo describe a job with its hours, and refuses one without in plain Danish', async () => {
    const refused = await staff.post('/admin/tilbud/nabo/brugerjob', { kind: 'cafe', title: 'Caféhjælper', description: 'Kaffe og kage.', hours: '', seats: '1', howToApply: '' });
    assert.equal(refused.status, 400);
    assert.match(refused.text, /timer om ugen jobbet er/);
    assert.match(refused.text, /Kaffe og kage\./);
    const made = await staff.post('/admin/tilbud/nabo/brugerjob', { kind: 'cafe', title: 'Caféhjælper', description: 'Kaffe og kage om formiddagen.', hours: '6', seats: '1', howToApply: 'Spørg en medarbejder i caféen.' });
    assert.equal(made.status, 303);
    jobPath = made.location!;
  });

  it('lists an open job in public with how to apply, on /brugerjob and on the offering page', async () => {
    for (const path of ['/brugerjob', '/tilbud/nabo', '/en/brugerjob']) {
      const text = await (await app.request(path)).text();
      assert.match(text, /Caféhjælper/, path);
      assert.match(text, /Spørg en medarbejder i caféen\./, path);
    }
  });

  it('keeps who holds the job in the back office, and takes the job off the public list while the place is filled', async () => {
    const added = await staff.post(`${jobPath}/indehavere`, { name: 'Ali', contact: '', since: '' });
    assert.equal(added.status, 303);
    const page = await staff.get(jobPath);
    assert.match(page.text, /Ali \(træffes på stedet\)/);
    const list = await (await app.request('/brugerjob')).text();
    assert.doesNotMatch(list, /Caféhjælper|Ali/);
    const holder = await database.db.selectFrom('user_job_holder').select('id').executeTakeFirstOrThrow();
    assert.equal((await staff.post(`${jobPath}/indehavere/${holder.id}/slut`, {})).status, 303);
    assert.match(await (await app.request('/brugerjob')).text(), /Caféhjælper/);
    assert.equal((await staff.post(`${jobPath}/indehavere/${holder.id}/slut`, {})).status, 404);
  });

  it('keeps the jobs from staff elsewhere and anonymises a holder a year after they stopped', async () => {
    const other = await database.db.selectFrom('offering').select('id').where('slug', '=', 'amadeus').executeTakeFirstOrThrow();
    const elsewhere = await signedInStaff(app, database, { name: 'Anden', grant: { role: 'offering_staff', offeringId: other.id, organizationId: null } });
    assert.equal((await elsewhere.get(jobPath)).status, 403);
    const store = createUserJobStore(database.db);
    assert.equal(await store.anonymiseDue('2027-11-23', new Date()), 0);
    assert.equal(await store.anonymiseDue('2027-11-24', new Date()), 1);
    const entries = await database.db.selectFrom('audit_entry').select(['action', 'summary']).where('action', 'like', 'userjob.%').execute();
    assert.deepEqual(new Set(entries.map((entry) => entry.action)), new Set(['userjob.create', 'userjob.holder_add', 'userjob.holder_end', 'userjob.retention']));
    assert.doesNotMatch(JSON.stringify(entries), /Ali/);
  });
});
