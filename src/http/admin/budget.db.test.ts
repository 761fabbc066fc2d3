import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { signedInStaff } from '../../../test/support/staff.ts';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
});
after(() => database.close());

const transfers = () => database.db.selectFrom('budget_transfer').selectAll().orderBy('first_year').execute();
const balanced = { fra: '1616', til: '1613', tages: '1.200', gives: '1200', foerste_aar: '2017', sidste_aar: '2018', prisniveau: '2013', begrundelse: 'Et midlertidigt tilskud til overgangen.' };

describe(`budgets (${databaseKind})`, () => {
  it('holds the seeded appropriations and the 3.4 million DKK a year moved from 1613 to 1616, once', async () => {
    const appropriations = await database.db.selectFrom('appropriation').select(['number', 'name']).orderBy('number').execute();
    assert.deepEqual(appropriations, [
      { number: '1613', name: 'Borgere med sindslidelse' },
      { number: '1616', name: 'Udsatte voksne' },
    ]);
    const seeded = await transfers();
    assert.equal(seeded.length, 1);
    assert.deepEqual(
      { from: seeded[0]!.from_appropriation, to: seeded[0]!.to_appropriation, first: seeded[0]!.first_year, last: seeded[0]!.last_year, amount: Number(seeded[0]!.amount_thousand_dkk), level: seeded[0]!.price_level },
      { from: '1613', to: '1616', first: 2013, last: null, amount: 3400, level: 2013 },
    );
  });

  it('gives a database seeded before migration 0018 the same transfer from its budget lines', async () => {
    const [seeded] = await transfers();
    const script = fs.readFileSync(new URL('../../db/migrations/0018_budgets.sql', import.meta.url), 'utf8');
    const backfill = script.slice(script.indexOf('insert into budget_transfer'));
    await sql`delete from budget_transfer`.execute(database.db);
    await database.execScript(backfill);
    await database.execScript(backfill);
    const [again, ...more] = await transfers();
    assert.equal(more.length, 0);
    assert.deepEqual({ ...again, created_at: null }, { ...seeded, created_at: null });
  });

  it('shows the public page read-only: the transfer, its effect per year, and grants that expired, in Danish and English', async () => {
    const response = await app.request('/planlaegning/budget');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<h1>Budgetter for tilbudsviften<\/h1>/);
    assert.match(html, /Fra 2013, varigt/);
    assert.match(html, /<td>-3\.400<\/td>/);
    assert.match(html, /<td>3\.400<\/td>/);
    assert.match(html, /Milepælen: bevillingen udløb 31\. december 2015 og er ikke fornyet\./);
    assert.match(html, /det er ikke registreret, om den er fornyet/);
    assert.doesNotMatch(html, /<form method="post"/);
    const english = await (await app.request('/en/planlaegning/budget')).text();
    assert.match(english, /Transfers between appropriations/);
  });

  it('lets a planner record a balanced transfer, audited, and refuses one that does not balance, keeping what was typed', async () => {
    const planner = await signedInStaff(app, database, { name: 'Planlægger', grant: { role: 'planner', offeringId: null, organizationId: null } });
    const refused = await planner.post('/admin/planlaegning/budget/overfoersler', { ...balanced, gives: '1.000' });
    assert.equal(refused.status, 400);
    assert.match(refused.text, /Overførslen går ikke op: der tages 1\.200 \(1\.000 kr\.\) om året fra 1616, men gives 1\.000 til 1613\./);
    assert.match(refused.text, /value="1\.000"/);
    assert.match(refused.text, /Et midlertidigt tilskud til overgangen\./);
    assert.equal((await transfers()).length, 1);
    const itself = await planner.post('/admin/planlaegning/budget/overfoersler', { ...balanced, til: '1616' });
    assert.equal(itself.status, 400);
    assert.match(itself.text, /to forskellige bevillinger/);

    const saved = await planner.post('/admin/planlaegning/budget/overfoersler', balanced);
    assert.equal(saved.status, 303);
    assert.equal(saved.location, '/admin/planlaegning/budget?gemt=1');
    const all = await transfers();
    assert.equal(all.length, 2);
    const added = all.find((row) => row.first_year === 2017)!;
    assert.equal(Number(added.amount_thousand_dkk), 1200);
    assert.equal(added.created_by_name, 'Planlægger');
    const audit = await database.db.selectFrom('audit_entry').select(['summary']).where('action', '=', 'budget.transfer').execute();
    assert.match(audit[0]!.summary, /Overførte 1200 \(1\.000 kr\.\) om året fra bevilling 1616 til 1613 fra 2017 til 2018\./);
    assert.match((await planner.get('/admin')).text, /<a href="\/admin\/planlaegning\/budget">Budgetter<\/a>/);
    const page = await planner.get('/admin/planlaegning/budget?gemt=1');
    assert.match(page.text, /Overførslen er gemt\./);
    assert.match(page.text, /2017–2018/);
  });

  it('shows an editor the budgets without the form and refuses their transfer; sends staff of a place to the public page', async () => {
    const editor = await signedInStaff(app, database, { name: 'Redaktør', grant: { role: 'editor', offeringId: null, organizationId: null } });
    const page = await editor.get('/admin/planlaegning/budget');
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, /Registrér en overførsel/);
    const denied = await editor.post('/admin/planlaegning/budget/overfoersler', balanced);
    assert.equal(denied.status, 403);
    assert.match(denied.text, /Kun planlæggere og systemadministratoren/);
    const place = await database.db.selectFrom('offering').select('id').limit(1).executeTakeFirstOrThrow();
    const staff = await signedInStaff(app, database, { name: 'Medarbejder', grant: { role: 'offering_staff', offeringId: place.id, organizationId: null } });
    const refused = await staff.get('/admin/planlaegning/budget');
    assert.equal(refused.status, 403);
    assert.match(refused.text, /kan læses af alle på \/planlaegning\/budget/);
    assert.doesNotMatch((await staff.get('/admin')).text, /planlaegning\/budget/);
    assert.equal((await transfers()).length, 2);
  });
});
