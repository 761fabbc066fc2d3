import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { formFields } from '../../../test/support/forms.ts';
import { signedInStaff } from '../../../test/support/staff.ts';
import type { Database } from '../../db/database.ts';
import { seedIds } from '../../db/seed/seed-range.ts';
import { modelScenarioId } from '../../db/seed/seed-scenarios.ts';
import { createLetterStore } from '../../db/letter-store.ts';
import { letterRetentionJob } from '../../jobs/letter-retention.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
});
after(() => database.close());

const plainText = (html: string) => html.replace(/<svg[\s\S]*?<\/svg>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');
const staff = (role: 'planner', name: string) => signedInStaff(app, database, { name, grant: { role, offeringId: null, organizationId: null } });

const letter = {
  caseNumber: '2016-0028443',
  scenarioId: modelScenarioId,
  receivedOn: '2016-02-20',
  senderKind: 'user_council',
  subject: 'Bevar de små steder på Vesterbro',
  summary: 'Brugerrådet frygter at miste små, kendte steder tæt på.',
  senderName: 'Jens Jensen',
  senderContact: 'jens@example.dk',
  replyText: '',
  repliedOn: '',
};

describe(`the correspondence log (${databaseKind})`, () => {
  it('logs a letter under its case number, refuses the same letter twice and a bad case number in plain Danish, keeping what was typed', async () => {
    const person = await staff('planner', 'Planlægger Pia');
    const logged = await person.post('/admin/planlaegning/breve', letter);
    assert.equal(logged.status, 303);
    assert.match(logged.location!, /^\/admin\/planlaegning\/breve\/[0-9a-f-]{36}\?gemt=ny$/);
    const page = plainText((await person.get(logged.location!)).text);
    assert.match(page, /Brevet er logget\./);
    assert.match(page, /Sag 2016-0028443 Modtaget 20\. februar 2016 Fra Brugerråd Scenarie Modellen for 2016/);
    assert.match(page, /Afsender \(vises ikke offentligt\): Jens Jensen, jens@example\.dk\. Navn og kontakt slettes 19\. februar 2018\./);

    const twice = await person.post('/admin/planlaegning/breve', letter);
    assert.equal(twice.status, 400);
    assert.match(twice.text, /<title>Fejl: /);
    assert.match(plainText(twice.text), /Brevet er allerede logget: sag 2016-0028443 har et brev med samme emne fra 20\. februar 2016\./);
    // Another letter in the same case is welcome.
    assert.equal((await person.post('/admin/planlaegning/breve', { ...letter, receivedOn: '2016-03-02', subject: 'Opfølgning på mødet' })).status, 303);

    const wrong = await person.post('/admin/planlaegning/breve', { ...letter, caseNumber: '28443', subject: 'Et nyt emne' });
    assert.equal(wrong.status, 400);
    assert.match(plainText(wrong.text), /»28443« er ikke et sagsnummer\. Skriv årstallet, en bindestreg og syv cifre, fx 2016-0028443/);
    assert.match(wrong.text, /value="Et nyt emne"/, 'what was typed is kept');

    const list = plainText((await person.get('/admin/planlaegning/breve')).text);
    assert.match(list, /Logget \(7\)/, "the two logged here and the five the committee had in June 2015 (seeded)");
    assert.match(list, /2015-0135051-3 4\. juni 2015 Borger Henvendelse fra en gruppe brugere af Mamma Mia Modellen for 2016 Ikke endnu/);
    const rows = await database.db.selectFrom('planning_letter').select(['case_number']).where('case_number', '=', '2016-0028443').execute();
    assert.equal(rows.length, 2);
    const audit = await database.db.selectFrom('audit_entry').select(['summary']).where('action', '=', 'letter.log').execute();
    assert.equal(audit.length, 2);
    assert.doesNotMatch(JSON.stringify(audit), /Jens/, 'the audit log names no sender');
  });

  it('takes the reply and its date, refuses a reply dated before the letter, and shows the public the letters without personal data', async () => {
    const person = await staff('planner', 'Planlægger Per');
    const logged = await person.post('/admin/planlaegning/breve', { ...letter, caseNumber: '2016-0030001', senderKind: 'citizen', subject: 'Lukning af Café Offside', senderName: 'Karen Borger', senderContact: 'Nørrebrogade 1' });
    const url = logged.location!.replace(/\?.*$/, '');
    const early = await person.post(`${url}/svar`, { ...formFields((await person.get(url)).text, `${url}/svar`), replyText: 'Tak for dit brev.', repliedOn: '2016-02-01' });
    assert.equal(early.status, 400);
    assert.match(plainText(early.text), /Svaret kan ikke være sendt, før brevet kom \(20\. februar 2016\)\./);
    assert.match(early.text, /Tak for dit brev\./, 'the reply typed is kept');
    const form = formFields((await person.get(url)).text, `${url}/svar`);
    assert.equal((await person.post(`${url}/svar`, { ...form, replyText: 'Tak for dit brev.', repliedOn: '2016-03-10' })).status, 303);
    const stale = await person.post(`${url}/svar`, { ...form, replyText: 'Et andet svar.', repliedOn: '2016-03-11' });
    assert.equal(stale.status, 409, 'a reply saved on an old copy is refused, not written over the other');
    assert.match(stale.text, /Et andet svar\./);
    const page = plainText((await person.get(url)).text);
    assert.match(page, /Sendt 10\. marts 2016\. Tak for dit brev\./);
    assert.match(page, /slettes 10\. marts 2018/);

    // Staff at an offering read the log ('planning.read') but neither the sender nor a form to reply.
    const reader = await signedInStaff(app, database, { name: 'Mette', grant: { role: 'offering_staff', offeringId: seedIds.offering('nabo'), organizationId: null } });
    const read = await reader.get(url);
    assert.equal(read.status, 200);
    assert.match(plainText(read.text), /Lukning af Café Offside/);
    assert.doesNotMatch(read.text, /Karen Borger|Nørrebrogade 1|Gem svaret/, 'only those who write the log see the sender');
    assert.equal((await reader.post(`${url}/svar`, { replyText: 'x', repliedOn: '2016-03-12', version: '2' })).status, 403);

    const publicPage = await (await app.request(`/planlaegning/${modelScenarioId}`)).text();
    const publicText = plainText(publicPage);
    assert.match(publicText, /Breve og henvendelser \(\d+\)/);
    assert.match(publicText, /20\. februar 2016 Borger Lukning af Café Offside 10\. marts 2016/);
    assert.doesNotMatch(publicPage, /Karen|Nørrebrogade 1|Jens Jensen|jens@|Tak for dit brev|2016-0030001|frygter/);
    // Two years after the reply the sender's name and contact are gone; the letter and the reply stay.
    const job = letterRetentionJob({ letters: createLetterStore(database.db) });
    const on = (iso: string) => ({ now: new Date(iso), clock: () => new Date(iso), signal: new AbortController().signal });
    await job.run(on('2018-03-09T12:00:00Z'));
    assert.match((await person.get(url)).text, /Karen Borger/, 'kept until two years after the reply');
    assert.ok(((await job.run(on('2018-03-10T12:00:00Z')))?.senders ?? 0) >= 1);
    assert.deepEqual(await job.run(on('2018-03-10T12:00:00Z')), { senders: 0 }, 'running it again changes nothing');
    const forgotten = plainText((await person.get(url)).text);
    assert.match(forgotten, /Afsender \(vises ikke offentligt\): ikke oplyst\./);
    assert.match(forgotten, /Tak for dit brev\./);

    const report = await (await app.request(`/planlaegning/${modelScenarioId}/rapport`)).text();
    assert.match(plainText(report), /Breve og henvendelser \(\d+\)/);
    assert.doesNotMatch(report, /Karen|Nørrebrogade 1|Jens Jensen|jens@|Tak for dit brev/);
  });
});
