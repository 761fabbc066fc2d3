import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, testNow } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import { formClient } from '../../test/support/form-client.ts';
import { createAccessStore } from '../db/access-store.ts';
import { createCourseStore } from '../db/course-store.ts';
import type { Database } from '../db/database.ts';
import { randomTokens } from '../security/tokens.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, testNow);
});
after(() => database.close());

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe(`Public course pages (${databaseKind})`, () => {
  it('lists the coming courses with kind, place, start and free places, marked as example data', async () => {
    const response = await app.request('/forloeb');
    assert.equal(response.status, 200);
    const page = text(await response.text());
    assert.match(page, /5 forløb/);
    assert.match(page, /Indkøb og madlavning på et budget eksempeldata Åbent forløb · Sundhed · Hos Nabo/);
    assert.match(page, /Starter 25\. november 2026 · 4 gange · 6 ledige pladser af 6/);
    assert.match(page, /Sundhedspakke: søvn, kost og motion eksempeldata Visiteret forløb/);
  });

  it('filters by kind, track and words, in the URL, and says plainly when nothing fits', async () => {
    assert.match(text(await (await app.request('/forloeb?slags=visiteret')).text()), /2 forløb/);
    assert.match(text(await (await app.request('/forloeb?spor=sundhed&slags=aaben')).text()), /1 forløb Indkøb og madlavning/);
    assert.match(text(await (await app.request(`/forloeb?q=${encodeURIComponent('pårørende')}`)).text()), /1 forløb Pårørendekursus/);
    assert.match(text(await (await app.request('/forloeb?q=madlavning')).text()), /1 forløb Indkøb og madlavning/);
    const none = text(await (await app.request('/forloeb?q=strikning')).text());
    assert.match(none, /Ingen forløb passer til det, du har valgt/);
  });

  it("a place's page lists the courses it runs, with free places", async () => {
    const page = text(await (await app.request('/tilbud/fountain-house')).text());
    assert.match(page, /Forløb her eksempeldata MitID og digital post – trin for trin · Åbent forløb · Starter 26\. november 2026 · 3 gange · 12 ledige pladser af 12/);
    assert.match(page, /Ung og i gang – afklaring af job og uddannelse · Visiteret forløb/);
    assert.doesNotMatch(text(await (await app.request('/tilbud/pinta')).text()), /Forløb her/);
  });

  it('a text search on the front page points to the courses about it', async () => {
    const page = text(await (await app.request('/?q=madlavning')).text());
    assert.match(page, /1 forløb handler om »madlavning«/);
  });

  it('signs up with only a first name, shows the personal page, and leaving is one click that frees the place', async () => {
    const citizen = formClient(app);
    await citizen.get('/forloeb/eksempel-mitid-og-digital-post');
    assert.match(citizen.page(), /Meld dig til/);
    const joined = await citizen.post('/forloeb/eksempel-mitid-og-digital-post/tilmeld', { navn: 'Jonas', kontakt: '' });
    assert.equal(joined.status, 303);
    const personal = joined.headers.get('location')!;
    assert.match(personal, /^\/forloeb\/tilmelding\/[A-Za-z0-9_-]{43}$/);
    const mine = await citizen.get(personal);
    assert.equal(mine.headers.get('cache-control'), 'no-store');
    assert.match(citizen.page(), /<meta name="robots" content="noindex"/);
    assert.match(text(citizen.page()), /Du er tilmeldt .* Tilmeldt som Jonas/);
    const left = await citizen.post(`${personal}/afmeld`, {});
    assert.equal(left.status, 303);
    await citizen.get(personal);
    assert.match(text(citizen.page()), /Du er meldt fra/);
  });

  it('keeps what was typed and explains a missing name, a bad contact and a name already on the course', async () => {
    const citizen = formClient(app);
    await citizen.get('/forloeb/eksempel-paaroerendekursus');
    const bad = await citizen.post('/forloeb/eksempel-paaroerendekursus/tilmeld', { navn: '', kontakt: 'ring til mig' });
    assert.equal(bad.status, 400);
    assert.match(citizen.page(), /Skriv et fornavn eller et kaldenavn/);
    assert.match(citizen.page(), /value="ring til mig"/);
    assert.match(citizen.page(), /<title>Fejl: /);
    await citizen.post('/forloeb/eksempel-paaroerendekursus/tilmeld', { navn: 'Hanne', kontakt: '' });
    const other = formClient(app);
    await other.get('/forloeb/eksempel-paaroerendekursus');
    const taken = await other.post('/forloeb/eksempel-paaroerendekursus/tilmeld', { navn: 'hanne', kontakt: '' });
    assert.equal(taken.status, 409);
    assert.match(other.page(), /Der er allerede en med det navn på holdet/);
  });

  it('a full course offers the waiting list and says how many are ahead', async () => {
    const store = createCourseStore(database.db);
    const course = (await store.courseBySlug('eksempel-madlavning-paa-budget'))!.course;
    for (let index = 0; index < 7; index += 1) {
      await store.enrol(
        { courseId: course.id, name: `Person ${index}`, contact: null, tokenHash: randomTokens.create().hash, at: testNow, today: '2026-11-23' },
        () => ({ at: testNow, actorId: null, actorName: 'test', action: 'course.join', resourceType: 'course', resourceId: course.id, summary: 'test', source: null }),
      );
    }
    const citizen = formClient(app);
    await citizen.get('/forloeb/eksempel-madlavning-paa-budget');
    assert.match(text(citizen.page()), /Holdet er fuldt\. 1 står på venteliste/);
    const joined = await citizen.post('/forloeb/eksempel-madlavning-paa-budget/tilmeld', { navn: 'Bo', kontakt: 'bo@example.org' });
    await citizen.get(joined.headers.get('location')!);
    assert.match(text(citizen.page()), /Du står på ventelisten .* Der står 1 foran dig\./);
  });

  it('a referred course explains how to be referred instead of a form; a cancelled or unknown link is a plain page', async () => {
    const page = text(await (await app.request('/forloeb/eksempel-ung-og-i-gang')).text());
    assert.match(page, /Dette forløb kræver en henvisning/);
    assert.doesNotMatch(page, /Meld mig til/);
    const unknown = await app.request('/forloeb/tilmelding/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
    assert.equal(unknown.status, 404);
    assert.match(text(await unknown.text()), /Vi kan ikke finde en tilmelding med dette link/);
  });

  it('is in English under /en with the course texts marked Danish', async () => {
    const page = await (await app.request('/en/forloeb/eksempel-mitid-og-digital-post')).text();
    assert.match(page, /<html lang="en">/);
    assert.match(text(page), /Sign up Your first name or a nickname/);
    assert.match(page, /<span lang="da">Vi gennemgår MitID/);
  });

  it("a citizen follows their referral by the personal link and can withdraw consent, which deletes their data and frees the place", async () => {
    const store = createCourseStore(database.db);
    const course = (await store.courseBySlug('eksempel-sundhedspakke-soevn-kost-motion'))!.course;
    const referrerId = await createAccessStore(database.db).createAccount({ email: 'mentor@region.dk', name: 'Mette Mentor' });
    const { token, hash } = randomTokens.create();
    const audit = () => ({ at: testNow, actorId: referrerId, actorName: 'Mette Mentor', action: 'referral.create', resourceType: 'referral', resourceId: null, summary: 'test', source: null });
    const referral = await store.createReferral(
      {
        courseId: course.id,
        referrerAccountId: referrerId,
        referrerName: 'Mette Mentor',
        referrerOrganisation: 'Udskrivningsmentor, Region Hovedstaden',
        citizenName: 'Lars',
        citizenContact: 'lars@example.org',
        consent: { shared: 'Navn og e-mail; at jeg har svært ved store grupper', sharedWith: 'Medarbejderne på Kompasset', until: '2027-06-30' },
        tokenHash: hash,
        at: testNow,
      },
      audit,
    );
    const moved = await store.moveReferral({ referralId: referral.id, to: 'accepted', from: 'sent', reason: null, byName: 'Kompasset', at: testNow }, () => [], audit());
    assert.equal(moved.kind, 'moved');
    const citizen = formClient(app);
    const page = await citizen.get(`/henvisning/${token}`);
    assert.equal(page.headers.get('cache-control'), 'no-store');
    assert.match(text(citizen.page()), /Du har fået en plads Henvist af Mette Mentor, Udskrivningsmentor, Region Hovedstaden/);
    assert.match(text(citizen.page()), /Hvad der deles Navn og e-mail; at jeg har svært ved store grupper/);
    const withdrawn = await citizen.post(`/henvisning/${token}/traek-samtykke`, {});
    assert.equal(withdrawn.status, 303);
    await citizen.get(`/henvisning/${token}`);
    assert.match(text(citizen.page()), /Du har trukket dit samtykke tilbage/);
    assert.match(text(citizen.page()), /Forløbet er stoppet/);
    const row = await database.db.selectFrom('referral').select(['citizen_name', 'citizen_contact', 'state']).where('id', '=', referral.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { citizen_name: null, citizen_contact: null, state: 'stopped' });
    const place = await database.db.selectFrom('course_participant').select(['state', 'display_name']).where('referral_id', '=', referral.id).executeTakeFirstOrThrow();
    assert.deepEqual(place, { state: 'removed', display_name: 'Anonym' });
  });
});

describe(`Courses in the calendar and the feeds (${databaseKind})`, () => {
  it('the city calendar lists the day’s course meetings, and the feeds carry each meeting with a link to the course', async () => {
    const day = text(await (await app.request('/kalender?dato=2026-11-26')).text());
    assert.match(day, /Forløb \(1\) 13:00\u2060–\u206014:30 MitID og digital post – trin for trin · Åbent forløb · Fountain House/);
    const feed = await (await app.request('/tilbud/fountain-house/kalender.ics')).text();
    const unfolded = feed.replace(/\r\n[ \t]/g, '');
    assert.match(unfolded, /SUMMARY:Forløb: MitID og digital post – trin for trin – Fountain House/);
    assert.match(unfolded, /URL:http:\/\/127\.0\.0\.1:3000\/forloeb\/eksempel-mitid-og-digital-post/);
    assert.match(unfolded, /DTSTART;TZID=Europe\/Copenhagen:20261126T130000|DTSTART:20261126T120000Z/);
    assert.equal((unfolded.match(/UID:course-session-/g) ?? []).length, 3 + 8, 'Fountain House runs two courses: 3 and 8 meetings');
  });
});
