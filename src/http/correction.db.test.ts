import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { createTestApp, testNow } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import { formClient } from '../../test/support/form-client.ts';
import { startSession } from '../app/staff-access.ts';
import { adminDepsFor } from '../boot.ts';
import type { Database } from '../db/database.ts';
import type { Role } from '../domain/access/policy.ts';

let database: Database;
/** The app's clock: a person takes some seconds to fill in a form. */
let clock = testNow;
const wait = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};
let app: ReturnType<typeof createTestApp>;
const deps = () => adminDepsFor(database.db, { baseUrl: 'http://127.0.0.1:3000', logger: pino({ level: 'silent' }), logLinks: false, now: () => clock });
const citizenEmail = 'borger.hansen@example.dk';

async function staffOf(slug: string, role: Role = 'offering_staff') {
  const offering = await database.db.selectFrom('offering').select(['id', 'centre_id']).where('slug', '=', slug).executeTakeFirstOrThrow();
  const access = deps().access;
  const name = `Medarbejder ${crypto.randomUUID().slice(0, 6)}`;
  const id = await access.store.createAccount({ email: `${name.replace(' ', '.')}@kk.dk`, name });
  await access.store.addGrant(id, {
    role,
    offeringId: role === 'offering_staff' ? offering.id : null,
    organizationId: role === 'centre_lead' ? offering.centre_id : null,
  });
  const client = formClient(app);
  client.jar.set('tv_session', await startSession(access, id));
  return { client, id, name };
}

const textOf = (html: string, id: string) => html.match(new RegExp(`<textarea[^>]*id="${id}"[^>]*>([^<]*)</textarea>`))?.[1];

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, () => clock);
});
after(() => database.close());

describe(`Public corrections (${databaseKind})`, () => {
  it('takes a correction from the form on a place page, with a receipt that says where it went', async () => {
    const citizen = formClient(app);
    await citizen.get('/tilbud/kompasset');
    assert.match(citizen.page(), /Foreslå en rettelse/);
    assert.match(citizen.page(), /sletter den, når rettelsen er behandlet/);
    wait(40);
    const sent = await citizen.post('/tilbud/kompasset/ret', { tekst: 'Telefonnummeret står forkert. Det er 33 17 00 00.', email: citizenEmail });
    assert.equal(sent.status, 303);
    assert.equal(sent.headers.get('location'), '/tilbud/kompasset/ret/tak');
    await citizen.get(sent.headers.get('location')!);
    assert.match(citizen.page(), /<h1>Tak for rettelsen<\/h1>/);
    assert.match(citizen.page(), /dem, der har ansvaret for oplysningerne \(Center Amager\)/);
    const task = await database.db.selectFrom('correction_task').selectAll().executeTakeFirstOrThrow();
    assert.equal(task.status, 'open');
    assert.equal(task.contact_email, citizenEmail);
    const log = await deps().audit.search({ action: 'correction.create', limit: 5, offset: 0 });
    assert.equal(log.total, 1);
    assert.equal(log.entries[0]!.source, null);
    assert.ok(!JSON.stringify(log.entries).includes(citizenEmail), 'the audit log never holds the email');
  });

  it('refuses a form sent within seconds, a filled trap field and an old page, each time keeping what was typed', async () => {
    const bot = formClient(app);
    await bot.get('/tilbud/kompasset');
    const fast = await bot.post('/tilbud/kompasset/ret', { tekst: 'Køb billige ure', email: '' });
    assert.equal(fast.status, 400);
    assert.match(bot.page(), /<title>Fejl: Ret en fejl om Kompasset/);
    assert.match(bot.page(), /sendt få sekunder efter, at siden blev vist/);
    assert.equal(textOf(bot.page(), 'rettelse-tekst'), 'Køb billige ure');
    wait(10);
    const trapped = await bot.post('/tilbud/kompasset/ret', { tekst: 'Køb billige ure', efterlad_tom: 'http://spam.example' });
    assert.equal(trapped.status, 400);
    assert.match(bot.page(), /Din tekst står stadig i feltet/);
    const person = formClient(app);
    await person.get('/tilbud/kompasset/ret');
    wait(25 * 3600);
    const old = await person.post('/tilbud/kompasset/ret', { tekst: 'Åbningstiden om fredagen er forkert.' });
    assert.equal(old.status, 400);
    assert.match(person.page(), /Siden havde ligget åben for længe/);
    assert.equal(textOf(person.page(), 'rettelse-tekst'), 'Åbningstiden om fredagen er forkert.');
    // The refreshed page gives a new stamp, so sending again a little later goes through.
    wait(20);
    assert.equal((await person.post('/tilbud/kompasset/ret', { tekst: 'Åbningstiden om fredagen er forkert.' })).status, 303);
    assert.equal((await database.db.selectFrom('correction_task').select('id').execute()).length, 2);
  });

  it('says plainly what is wrong with an empty text, a bad email, too many links or too much text, in Danish and English', async () => {
    const person = formClient(app);
    await person.get('/tilbud/nabo/ret');
    wait(30);
    await person.post('/tilbud/nabo/ret', { tekst: '   ', email: 'ikke en mail' });
    assert.match(person.page(), /Der er 2 problemer/);
    assert.match(person.page(), /Skriv, hvad der er forkert\./);
    assert.match(person.page(), /Skriv en e-mail som navn@eksempel\.dk/);
    assert.match(person.page(), /value="ikke en mail"/);
    wait(30);
    await person.post('/tilbud/nabo/ret', { tekst: 'Se http://a.dk http://b.dk http://c.dk http://d.dk' });
    assert.match(person.page(), /Skriv højst 3 links/);
    wait(30);
    await person.post('/tilbud/nabo/ret', { tekst: 'x'.repeat(2001) });
    assert.match(person.page(), /Skriv højst 2000 tegn\. Teksten har 2001\./);

    const english = formClient(app);
    await english.get('/en/tilbud/nabo');
    assert.match(english.page(), /Suggest a correction/);
    wait(30);
    const refused = await english.post('/en/tilbud/nabo/ret', { tekst: '', email: 'nope' });
    assert.equal(refused.status, 400);
    assert.match(english.page(), /<html lang="en">/);
    assert.match(english.page(), /There are 2 problems/);
    assert.match(english.page(), /Write what is wrong\./);
    wait(30);
    const sent = await english.post('/en/tilbud/nabo/ret', { tekst: 'The phone number is wrong.' });
    assert.equal(sent.headers.get('location'), '/en/tilbud/nabo/ret/tak');
    await english.get('/en/tilbud/nabo/ret/tak');
    assert.match(english.page(), /Thank you for the correction/);
    assert.match(english.page(), /\(We Shelter\)/);
  });

  it('lets one address send five corrections an hour, then asks it to wait, keeping the text', async () => {
    const limited = createTestApp(database, () => clock);
    const person = formClient(limited);
    let last = 0;
    for (let attempt = 1; attempt <= 6; attempt++) {
      await person.get('/tilbud/pinta');
      wait(5);
      last = (await person.post('/tilbud/pinta/ret', { tekst: `Rettelse nummer ${attempt}` })).status;
      if (attempt <= 5) assert.equal(last, 303);
    }
    assert.equal(last, 429);
    assert.match(person.page(), /Der er sendt mange rettelser herfra på kort tid\. Vent \d+ minutter/);
    assert.equal(textOf(person.page(), 'rettelse-tekst'), 'Rettelse nummer 6');
  });

  it("brings the task to the offering's own staff and its centre, not to others, and logs each read of the email", async () => {
    const staff = await staffOf('kompasset');
    await staff.client.get('/admin');
    assert.match(staff.client.page(), /Der er 2 åbne rettelser fra borgere/);
    await staff.client.get('/admin/opgaver');
    assert.match(staff.client.page(), /Åbne \(2\)/);
    assert.match(staff.client.page(), /Telefonnummeret står forkert/);
    assert.doesNotMatch(staff.client.page(), /Nabo|Pinta/);
    const lead = await staffOf('kompasset', 'centre_lead');
    await lead.client.get('/admin/opgaver');
    // Center Amager answers for Kompasset, Nabo and the Nabo satellite.
    assert.match(lead.client.page(), /Åbne \(3\)/);
    const other = await staffOf('pinta');
    await other.client.get('/admin/opgaver');
    assert.doesNotMatch(other.client.page(), /Kompasset/);
    const planner = await staffOf('kompasset', 'planner');
    await planner.client.get('/admin/opgaver');
    assert.match(planner.client.page(), /Dine roller giver ikke adgang til rettelser/);

    const task = await database.db
      .selectFrom('correction_task')
      .select('id')
      .where('contact_email', '=', citizenEmail)
      .executeTakeFirstOrThrow();
    assert.equal((await other.client.get(`/admin/opgaver/${task.id}`)).status, 403);
    assert.equal((await planner.client.get(`/admin/opgaver/${task.id}`)).status, 403);
    const before = (await deps().audit.search({ action: 'correction.read', limit: 1, offset: 0 })).total;
    await staff.client.get(`/admin/opgaver/${task.id}`);
    assert.match(staff.client.page(), new RegExp(`mailto:${citizenEmail}`));
    const reads = await deps().audit.search({ action: 'correction.read', limit: 5, offset: 0 });
    assert.equal(reads.total, before + 1);
    assert.equal(reads.entries[0]!.actorId, staff.id);
    assert.ok(!JSON.stringify(reads.entries).includes(citizenEmail));
  });

  it('closes a task with a note, deletes the email, logs it, and tells the next person it was already closed', async () => {
    const task = await database.db
      .selectFrom('correction_task')
      .select('id')
      .where('contact_email', '=', citizenEmail)
      .executeTakeFirstOrThrow();
    const anna = await staffOf('kompasset');
    const bo = await staffOf('kompasset', 'centre_lead');
    await anna.client.get(`/admin/opgaver/${task.id}`);
    await bo.client.get(`/admin/opgaver/${task.id}`);
    const empty = await anna.client.post(`/admin/opgaver/${task.id}`, { note: '  ' });
    assert.equal(empty.status, 400);
    assert.match(anna.client.page(), /Skriv kort, hvad I har gjort/);
    const closed = await anna.client.post(`/admin/opgaver/${task.id}`, { note: 'Rettet telefonnummeret.' });
    assert.equal(closed.status, 303);
    const row = await database.db.selectFrom('correction_task').selectAll().where('id', '=', task.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'closed');
    assert.equal(row.contact_email, null);
    assert.equal(row.resolution_note, 'Rettet telefonnummeret.');
    await anna.client.get(closed.headers.get('location')!);
    assert.match(anna.client.page(), /Opgaven er lukket/);
    assert.doesNotMatch(anna.client.page(), /mailto:/);
    const log = await deps().audit.search({ action: 'correction.close', limit: 5, offset: 0 });
    assert.match(log.entries[0]!.summary, /Lukkede en rettelse til Kompasset; borgerens e-mail er slettet/);

    const late = await bo.client.post(`/admin/opgaver/${task.id}`, { note: 'Jeg rettede det også.' });
    assert.equal(late.status, 409);
    assert.match(bo.client.page(), /En anden har lukket opgaven/);
    assert.match(bo.client.page(), new RegExp(`af ${anna.name}`));
    await bo.client.get('/admin/opgaver');
    assert.match(bo.client.page(), /Lukket de sidste 30 dage \(1\)/);
  });
});
