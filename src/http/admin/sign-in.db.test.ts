import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, testNow } from '../../../test/support/app.ts';
import { formClient } from '../../../test/support/form-client.ts';
import { testAdminDeps } from '../../../test/support/staff.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { createAdministrator } from '../../app/staff-access.ts';
import type { Database } from '../../db/database.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
const deps = (now = testNow) => testAdminDeps(database, now);

/** A browser for the app under test (or another instance of it, for a limit of its own). */
const browser = (target: ReturnType<typeof createTestApp> = app) => formClient(target);

const password = 'heste spiser gulerødder';

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
});
after(() => database.close());

describe(`Signing in to the back office (${databaseKind})`, () => {
  let link = '';

  it('gives the first administrator a one-time link, refuses a short password without spending it, and accepts a good one once', async () => {
    const created = await createAdministrator(deps().access, { email: 'anna@kk.dk', name: 'Anna Admin' });
    assert.equal(created.status, 'created');
    link = `/admin/adgangskode/${created.status === 'created' ? created.token : ''}`;
    const person = browser();
    assert.equal((await person.get(link)).status, 200);
    const short = await person.post(link, { password: 'kort', repeated: 'kort' });
    assert.equal(short.status, 400);
    assert.match(person.page(), /mindst 12 tegn/);
    const set = await person.post(link, { password, repeated: password });
    assert.equal(set.status, 303);
    assert.equal(set.headers.get('location'), '/admin/log-ind?besked=adgangskode');
    assert.equal((await person.get(link)).status, 410);
    assert.match(person.page(), /allerede brugt/);
  });

  it('says the same about a wrong password and an unknown email, and stops guessing after five tries', async () => {
    // Its own app, so the limit it reaches does not hold for the other tests.
    const person = browser(createTestApp(database));
    await person.get('/admin/log-ind');
    const unknown = await person.post('/admin/log-ind', { email: 'ingen@kk.dk', password: 'et eller andet langt' });
    const unknownText = person.page();
    const wrong = await person.post('/admin/log-ind', { email: 'anna@kk.dk', password: 'et eller andet langt' });
    assert.equal(unknown.status, 401);
    assert.equal(wrong.status, 401);
    assert.match(person.page(), /E-mail eller adgangskode er forkert/);
    assert.equal(unknownText.match(/Fejl: <\/span>([^<]*)/)?.[1], person.page().match(/Fejl: <\/span>([^<]*)/)?.[1]);
    for (let attempt = 0; attempt < 4; attempt++) await person.post('/admin/log-ind', { email: 'anna@kk.dk', password: 'stadig forkert her' });
    const locked = await person.post('/admin/log-ind', { email: 'anna@kk.dk', password });
    assert.equal(locked.status, 429);
    assert.match(person.page(), /for mange forsøg/i);
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
  });

  it('refuses a sign-in form that did not come from the sign-in page', async () => {
    const response = await app.request('/admin/log-ind', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'anna@kk.dk', password }),
    });
    assert.equal(response.status, 403);
    assert.match(await response.text(), /Prøv igen/);
  });

  it('signs in with a new session cookie, returns to the page asked for, and signs out everywhere', async () => {
    const laptop = browser();
    laptop.jar.set('tv_session', 'a-token-planted-before-sign-in-aaaaaaaaaaaa');
    await laptop.get('/admin/log-ind?tilbage=%2Fadmin%2Frevision');
    const signedIn = await laptop.post('/admin/log-ind', { email: 'ANNA@kk.dk', password });
    assert.equal(signedIn.status, 303);
    assert.equal(signedIn.headers.get('location'), '/admin/revision');
    assert.notEqual(laptop.jar.get('tv_session'), 'a-token-planted-before-sign-in-aaaaaaaaaaaa');
    assert.match(signedIn.headers.get('set-cookie') ?? '', /HttpOnly/);
    assert.match(signedIn.headers.get('set-cookie') ?? '', /SameSite=Lax/);
    assert.equal((await laptop.get('/admin/revision')).status, 200);

    const phone = browser();
    await phone.get('/admin/log-ind');
    await phone.post('/admin/log-ind', { email: 'anna@kk.dk', password });
    assert.equal((await phone.get('/admin')).status, 200);
    await phone.post('/admin/log-ud-overalt', {});
    assert.equal((await laptop.get('/admin')).status, 303);
    assert.equal((await phone.get('/admin')).status, 303);
  });

  it('follows only addresses inside the back office after sign-in', async () => {
    const person = browser();
    await person.get('/admin/log-ind?tilbage=https%3A%2F%2Fevil.example%2F');
    assert.match(person.page(), /name="tilbage" value="\/admin"/);
  });

  it('keeps both versions when someone else saved meanwhile, undoes a save, and logs every step', async () => {
    const auditBefore = (await deps().audit.search({ limit: 1, offset: 0 })).total;
    const anna = browser();
    await anna.get('/admin/log-ind');
    await anna.post('/admin/log-ind', { email: 'anna@kk.dk', password });
    const bo = browser();
    await bo.get('/admin/log-ind');
    await bo.post('/admin/log-ind', { email: 'anna@kk.dk', password });

    await anna.get('/admin/tilbud/amadeus');
    const original = anna.page().match(/<textarea[^>]*name="description"[^>]*>([^<]*)<\/textarea>/)![1]!;
    await bo.get('/admin/tilbud/amadeus');
    const boSaves = await bo.post('/admin/tilbud/amadeus', { description: 'Bos beskrivelse.', phone: '33 17 33 17' });
    assert.equal(boSaves.status, 303);
    const annaSaves = await anna.post('/admin/tilbud/amadeus', { description: 'Annas beskrivelse.' });
    assert.equal(annaSaves.status, 409);
    assert.match(anna.page(), /En anden har gemt en ændring/);
    assert.match(anna.page(), /Bos beskrivelse\./);
    assert.match(anna.page(), /Annas beskrivelse\./);
    const again = await anna.post('/admin/tilbud/amadeus', { description: 'Annas beskrivelse.', phone: '33 17 33 17' });
    assert.equal(again.status, 303);
    await anna.get(again.headers.get('location')!);
    assert.match(anna.page(), /Fortryd ændringen/);
    const undo = await anna.post('/admin/tilbud/amadeus/fortryd', {
      aendring: anna.page().match(/name="aendring" value="(\d+)"/)![1]!,
    });
    assert.equal(undo.status, 303);
    assert.match(await (await app.request('/tilbud/amadeus')).text(), /Bos beskrivelse\./);
    assert.notEqual(original, 'Bos beskrivelse.');

    const log = await deps().audit.search({ limit: 50, offset: 0 });
    const written = log.total - auditBefore;
    // Two sign-ins, Bo's save, Anna's save and her undo.
    assert.equal(written, 5);
    assert.deepEqual(
      log.entries.slice(0, written).map((entry) => entry.action).reverse(),
      ['session.sign_in', 'session.sign_in', 'offering.edit', 'offering.edit', 'offering.edit'],
    );
    assert.match(log.entries[1]!.summary, /Rettede beskrivelse for Amadeus/);
  });

  it('previews a change as the public page will show it, saving nothing', async () => {
    const anna = browser();
    await anna.get('/admin/log-ind');
    await anna.post('/admin/log-ind', { email: 'anna@kk.dk', password });
    await anna.get('/admin/tilbud/nabo');
    const before = await deps().backOffice.offeringForEdit('nabo');
    const preview = await anna.post('/admin/tilbud/nabo', {
      description: before!.texts.description,
      whoMeetsYou: 'To medarbejdere og en frivillig tager imod.',
      handling: 'forhaandsvis',
    });
    assert.equal(preview.status, 200);
    assert.match(anna.page(), /Forhåndsvisning – ikke gemt/);
    assert.match(anna.page(), /To medarbejdere og en frivillig tager imod\./);
    const after = await deps().backOffice.offeringForEdit('nabo');
    assert.equal(after!.version, before!.version);
    assert.doesNotMatch(await (await app.request('/tilbud/nabo')).text(), /To medarbejdere og en frivillig/);
  });

  it('refuses a form far larger than any form here needs, with a plain page', async () => {
    const response = await app.request('/admin/log-ind', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=${'a'.repeat(300 * 1024)}`,
    });
    assert.equal(response.status, 413);
    assert.match(await response.text(), /Intet er gemt/);
  });
});
