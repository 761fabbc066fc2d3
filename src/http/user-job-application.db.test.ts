import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, testNow } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import { signedInStaff } from '../../test/support/staff.ts';
import { deleteDueJobApplications } from '../app/run-user-jobs.ts';
import type { Database } from '../db/database.ts';
import { createUserJobStore } from '../db/user-job-store.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
let clock = testNow;
let staff: Awaited<ReturnType<typeof signedInStaff>>;
let job = '';

const send = async (path: string, fields: Record<string, string>) => {
  const response = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
  return { status: response.status, text: await response.text(), location: response.headers.get('location') };
};
const stampOf = async (path: string) => {
  const form = await (await app.request(path)).text();
  clock = new Date(clock.getTime() + 10_000);
  return /name="stempel" value="([^"]+)"/.exec(form)![1]!;
};

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, () => clock);
  const nabo = await database.db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
  staff = await signedInStaff(app, database, { name: 'Søren Staff', grant: { role: 'offering_staff', offeringId: nabo.id, organizationId: null } });
  const made = await staff.post('/admin/tilbud/nabo/brugerjob', { kind: 'cafe', title: 'Caféhjælper', description: 'Kaffe og kage om formiddagen.', hours: '6', seats: '1', howToApply: 'Spørg i caféen.' });
  job = made.location!.split('/').at(-1)!;
});
after(() => database.close());

describe(`Applying for a user job online (${databaseKind})`, () => {
  it('links each open job to its form, and refuses a form without a phone or «I come by», keeping what was written', async () => {
    assert.match(await (await app.request('/brugerjob')).text(), new RegExp(`href="/brugerjob/${job}/soeg">Søg «Caféhjælper» her på siden`));
    const page = await (await app.request(`/brugerjob/${job}/soeg`)).text();
    assert.match(page, /<title>Søg brugerjobbet «Caféhjælper»/);
    const stamp = await stampOf(`/brugerjob/${job}/soeg`);
    const trapped = await send(`/brugerjob/${job}/soeg`, { stempel: stamp, efterlad_tom: 'spam', name: 'Mette', phone: '22334455' });
    assert.equal(trapped.status, 400);
    const neither = await send(`/brugerjob/${job}/soeg`, { stempel: stamp, efterlad_tom: '', name: 'Mette', phone: '', message: 'Jeg kan om tirsdagen.' });
    assert.equal(neither.status, 400);
    assert.match(neither.text, /Skriv et telefonnummer, eller sæt kryds i «Jeg kommer forbi tilbuddet»/);
    assert.match(neither.text, /value="Mette"/);
    assert.match(neither.text, /Jeg kan om tirsdagen\./);
    assert.equal((await database.db.selectFrom('user_job_application').select('id').execute()).length, 0);
  });

  it('saves a first name and a phone, and the receipt says who calls and by when, and when it is deleted', async () => {
    const stamp = await stampOf(`/brugerjob/${job}/soeg`);
    const sent = await send(`/brugerjob/${job}/soeg`, { stempel: stamp, efterlad_tom: '', name: 'Mette', phone: '22 33 44 55', message: 'Jeg kan om tirsdagen.' });
    assert.equal(sent.status, 303);
    assert.equal(sent.location, `/brugerjob/${job}/tak?svar=telefon`);
    const receipt = await (await app.request(sent.location!)).text();
    assert.match(receipt, /Personalet på Nabo ringer til dig senest 30\. november 2026\./);
    assert.match(receipt, /Vi sletter din ansøgning 21\. februar 2027\./);
    assert.doesNotMatch(receipt, /Mette|22 33 44 55/, 'nothing personal on the receipt or in its address');
    const row = await database.db.selectFrom('user_job_application').selectAll().executeTakeFirstOrThrow();
    assert.equal(String(row.delete_after), '2027-02-21');
    assert.equal(row.comes_by, false);
  });

  it('takes an application in English from someone who comes by instead of a phone', async () => {
    const stamp = await stampOf(`/en/brugerjob/${job}/soeg`);
    const sent = await send(`/en/brugerjob/${job}/soeg`, { stempel: stamp, efterlad_tom: '', name: 'Ali', phone: '', comesBy: 'ja', message: '' });
    assert.equal(sent.status, 303);
    assert.equal(sent.location, `/en/brugerjob/${job}/tak?svar=forbi`);
    const receipt = await (await app.request(sent.location!)).text();
    assert.match(receipt, /Come by Nabo when it suits you and ask the staff about the job\. They have your application and will answer you by 30 November 2026\./);
    assert.match(receipt, /<html lang="en"/);
  });

  it('shows the applications on the job’s admin page, where the staff mark them answered; the audit log names no one', async () => {
    const page = await staff.get(`/admin/tilbud/nabo/brugerjob/${job}`);
    assert.match(page.text, /Ansøgninger fra hjemmesiden \(2 ubesvarede\)/);
    assert.match(page.text, /<strong>Mette<\/strong>, telefon 22 33 44 55, søgte 23\. november 2026\./);
    assert.match(page.text, /<strong>Ali<\/strong>, kommer forbi tilbuddet/);
    assert.match((await staff.get('/admin/tilbud/nabo/brugerjob')).text, /<strong> – 2 ubesvarede ansøgninger<\/strong>/);
    const mette = await database.db.selectFrom('user_job_application').select('id').where('display_name', '=', 'Mette').executeTakeFirstOrThrow();
    const answered = await staff.post(`/admin/tilbud/nabo/brugerjob/${job}/ansoegninger/${mette.id}/besvaret`, {});
    assert.equal(answered.status, 303);
    const after = await staff.get(answered.location!);
    assert.match(after.text, /Ansøgningen er markeret som besvaret/);
    assert.match(after.text, /Besvaret 23\. november 2026 af Søren Staff\./);
    assert.match(after.text, /\(1 ubesvarede\)/);
    assert.equal((await staff.post(`/admin/tilbud/nabo/brugerjob/${job}/ansoegninger/${mette.id}/besvaret`, {})).status, 404);
    const audit = await database.db.selectFrom('audit_entry').select(['action', 'summary']).where('action', 'like', 'userjob.appl%').execute();
    assert.equal(audit.length, 3);
    assert.ok(!audit.some((entry) => /Mette|Ali|22 33/.test(entry.summary)));
    const other = await database.db.selectFrom('offering').select('id').where('slug', '!=', 'nabo').orderBy('slug').executeTakeFirstOrThrow();
    const outsider = await signedInStaff(app, database, { name: 'Olga Other', grant: { role: 'offering_staff', offeringId: other.id, organizationId: null } });
    assert.equal((await outsider.get(`/admin/tilbud/nabo/brugerjob/${job}`)).status, 403);
  });

  it('stops many applications from one address, and deletes applications on their date', async () => {
    let limited = null as null | { status: number; text: string };
    for (let attempt = 0; attempt < 6 && !limited; attempt++) {
      const stamp = await stampOf(`/brugerjob/${job}/soeg`);
      const sent = await send(`/brugerjob/${job}/soeg`, { stempel: stamp, efterlad_tom: '', name: `Prøve${attempt}`, phone: '', comesBy: 'ja' });
      if (sent.status === 429) limited = sent;
    }
    assert.ok(limited, 'the limit per address answers 429');
    assert.match(limited.text, /Der er sendt mange formularer herfra på kort tid/);
    const store = createUserJobStore(database.db);
    const count = (await database.db.selectFrom('user_job_application').select('id').execute()).length;
    assert.equal(await deleteDueJobApplications(store, new Date('2027-02-21T12:00:00Z')), 0);
    assert.equal(await deleteDueJobApplications(store, new Date('2027-02-22T12:00:00Z')), count);
    assert.equal((await database.db.selectFrom('user_job_application').select('id').execute()).length, 0);
  });

  it('closes the form once the job is taken', async () => {
    assert.equal((await staff.post(`/admin/tilbud/nabo/brugerjob/${job}/indehavere`, { name: 'Mette', contact: '', since: '2026-11-23' })).status, 303);
    const closed = await app.request(`/brugerjob/${job}/soeg`);
    assert.equal(closed.status, 404);
    assert.match(await closed.text(), /Jobbet er ikke ledigt længere/);
    assert.equal((await app.request(`/brugerjob/${job}/tak?svar=telefon`)).status, 200, 'a receipt still answers');
  });

  it('deletes a job only when no one holds it and no application waits, after a confirmation, with an audit entry', async () => {
    const path = `/admin/tilbud/nabo/brugerjob/${job}`;
    assert.match((await staff.get(path)).text, new RegExp(`href="${path}/slet"`));
    const held = await staff.get(`${path}/slet`);
    assert.equal(held.status, 200);
    assert.match(held.text, /<title>Kan ikke slettes: brugerjobbet «Caféhjælper»/);
    assert.match(held.text, /En bruger har jobbet nu\. Skriv vedkommende ud af jobbet først/);
    assert.doesNotMatch(held.text, /Ja, slet/);
    assert.equal((await staff.post(`${path}/slet`, {})).status, 409);
    const holder = await database.db.selectFrom('user_job_holder').select('id').where('job_id', '=', job).executeTakeFirstOrThrow();
    assert.equal((await staff.post(`${path}/indehavere/${holder.id}/slut`, {})).status, 303);
    await database.db.insertInto('user_job_application').values({ id: crypto.randomUUID(), job_id: job, display_name: 'Kim', phone: null, comes_by: true, message: null, purpose: 'x', delete_after: '2027-02-21', created_at: testNow }).execute();
    const waiting = await staff.post(`${path}/slet`, {});
    assert.equal(waiting.status, 409);
    assert.match(waiting.text, /Der er en ubesvaret ansøgning på jobbet\. Giv ansøgeren svar/);
    const kim = await database.db.selectFrom('user_job_application').select('id').where('display_name', '=', 'Kim').executeTakeFirstOrThrow();
    assert.equal((await staff.post(`${path}/ansoegninger/${kim.id}/besvaret`, {})).status, 303);
    const confirm = await staff.get(`${path}/slet`);
    assert.match(confirm.text, /<h1>Slet brugerjobbet «Caféhjælper»\?<\/h1>/);
    assert.match(confirm.text, /Oplysningerne om den, der har haft jobbet, slettes med det\./);
    assert.match(confirm.text, /Den besvarede ansøgning slettes med det\./);
    const deleted = await staff.post(`${path}/slet`, {});
    assert.equal(deleted.status, 303);
    assert.equal(deleted.location, '/admin/tilbud/nabo/brugerjob?gemt=slettet');
    assert.match((await staff.get(deleted.location!)).text, /Jobbet er slettet\./);
    assert.equal((await staff.get(path)).status, 404);
    assert.equal((await database.db.selectFrom('user_job_holder').select('id').where('job_id', '=', job).execute()).length, 0);
    const audit = await database.db.selectFrom('audit_entry').select(['summary', 'actor_name']).where('action', '=', 'userjob.delete').execute();
    assert.deepEqual(audit, [{ summary: 'Brugerjobbet «Caféhjælper» på Nabo er slettet.', actor_name: 'Søren Staff' }]);
  });
});
