import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, testNow } from '../../../test/support/app.ts';
import { databaseKind, createTestDatabase } from '../../../test/support/database.ts';
import { formFields } from '../../../test/support/forms.ts';
import { signedInStaff, testAdminDeps } from '../../../test/support/staff.ts';
import { referralMailsFor } from '../../app/refer-citizen.ts';
import type { Database } from '../../db/database.ts';
import { randomTokens } from '../../security/tokens.ts';

/**
 * The closed loop between a referrer and the running offering, through the back office's pages (ADR 025):
 * refer with consent, the waiting list of a full course, a place freed by a withdrawn consent, started,
 * completed; the referrer follows each change and gets a mail that never names the citizen; nobody else
 * sees the referral, in lists or counts.
 */

let database: Database;
let app: ReturnType<typeof createTestApp>;
let clock = testNow;
const later = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

type Person = Awaited<ReturnType<typeof signedInStaff>>;
let courseId = '';
const courseTitle = 'Eksempel: Sammen om søvn';
let kompasset: { id: string; slug: string };
let nabo: { id: string; slug: string };
let staff: Person;
let otherStaff: Person;
let referrerA: Person;
let referrerB: Person;
let planner: Person;

const emailOf = async (person: Person) =>
  (await database.db.selectFrom('account').select('email').where('id', '=', person.accountId).executeTakeFirstOrThrow()).email;
const outboxTo = async (person: Person) =>
  database.db.selectFrom('outbox').select(['subject', 'body']).where('recipient', '=', await emailOf(person)).orderBy('created_at').execute();

/** A referral sent through the form as a referrer's browser would: returns its id and the personal link's token. */
async function refer(person: Person, citizenName: string) {
  const form = await person.get('/admin/henvisninger/ny');
  assert.equal(form.status, 200);
  const fields = formFields(form.text, '/admin/henvisninger/ny');
  const posted = {
    ...fields,
    course: courseId,
    citizenName,
    citizenContact: '',
    organisation: 'Regionspsykiatrien, Distriktspsykiatri Amager',
    consentGiven: 'ja',
    shared: 'Fornavn, og at borgeren har svært ved store grupper',
    sharedWith: 'Holdlederne på forløbet',
    until: '31.12.2027',
  };
  const sent = await person.post('/admin/henvisninger/ny', posted);
  assert.equal(sent.status, 200, sent.text);
  const token = /\/henvisning\/([A-Za-z0-9_-]{43})/.exec(sent.text)?.[1];
  assert.ok(token, 'the receipt shows the personal link');
  const row = await database.db.selectFrom('referral').select('id').where('token_hash', '=', randomTokens.hashOf(token)).executeTakeFirstOrThrow();
  return { id: row.id, token, fields: posted, receipt: sent.text };
}

async function move(id: string, to: string, reason = '') {
  const page = await staff.get(`/admin/henvisninger/${id}`);
  assert.equal(page.status, 200);
  return staff.post(`/admin/henvisninger/${id}`, { fra: formFields(page.text, `/admin/henvisninger/${id}`).fra!, til: to, reason });
}

const stateOf = async (id: string) => (await database.db.selectFrom('referral').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, () => clock);
  const offerings = await database.db.selectFrom('offering').select(['id', 'slug']).where('slug', 'in', ['kompasset', 'nabo']).execute();
  kompasset = offerings.find((row) => row.slug === 'kompasset')!;
  nabo = offerings.find((row) => row.slug === 'nabo')!;
  courseId = crypto.randomUUID();
  await database.db
    .insertInto('course')
    .values({
      id: courseId,
      slug: 'eksempel-sammen-om-soevn',
      title: courseTitle,
      kind: 'referred',
      track: 'health',
      purpose: 'Bedre søvn',
      target_group: 'Voksne med søvnproblemer',
      offering_id: kompasset.id,
      run_by: 'staff',
      capacity: 1,
      how_to_join: 'Henvisning fra din behandler',
      goal: 'At sove bedre',
      is_example: true,
    })
    .execute();
  await database.db
    .insertInto('course_session')
    .values(
      ['2026-11-23', '2026-11-30', '2026-12-07'].map((date) => ({ id: crypto.randomUUID(), course_id: courseId, on_date: date, starts_at: '10:00', ends_at: '12:00' })),
    )
    .execute();
  const grant = (role: 'offering_staff' | 'referrer' | 'planner', offeringId: string | null = null) => ({ role, offeringId, organizationId: null });
  staff = await signedInStaff(app, database, { name: 'Karin Kompasset', grant: grant('offering_staff', kompasset.id) });
  otherStaff = await signedInStaff(app, database, { name: 'Niels Nabo', grant: grant('offering_staff', nabo.id) });
  referrerA = await signedInStaff(app, database, { name: 'Amira Henviser', grant: grant('referrer') });
  referrerB = await signedInStaff(app, database, { name: 'Bo Henviser', grant: grant('referrer') });
  planner = await signedInStaff(app, database, { name: 'Pia Planlægger', grant: grant('planner') });
});
after(() => database.close());

describe(`Referrals between the referrer and the running offering (${databaseKind})`, () => {
  const ids: Record<'mira' | 'olga' | 'sune', string> = { mira: '', olga: '', sune: '' };
  let miraToken = '';

  it('refuses a referral without the citizen\'s consent, saying why at each field and keeping what was typed', async () => {
    const form = await referrerA.get('/admin/henvisninger/ny');
    assert.match(form.text, new RegExp(courseTitle));
    const sent = await referrerA.post('/admin/henvisninger/ny', {
      ...formFields(form.text, '/admin/henvisninger/ny'),
      course: courseId,
      citizenName: 'Mira',
      citizenContact: 'mira@example.dk',
      organisation: 'Bostøtten i Valby',
      shared: '',
      sharedWith: 'Holdlederne',
      until: '31.02.2027',
    });
    assert.equal(sent.status, 400);
    assert.match(sent.text, /<title>Fejl: /);
    assert.match(sent.text, /Borgeren skal have givet samtykke/);
    assert.match(sent.text, /href="#shared"/);
    assert.match(sent.text, /Skriv den dato, samtykket gælder til/);
    assert.match(sent.text, /value="Mira"/);
    assert.match(sent.text, /value="mira@example.dk"/);
    assert.match(sent.text, /value="Bostøtten i Valby"/);
    const saved = await database.db.selectFrom('referral').select('id').execute();
    assert.equal(saved.length, 0);
  });

  it('shows the personal link once, stores only its hash, and makes one referral of a form sent twice', async () => {
    const first = await refer(referrerA, 'Mira');
    ids.mira = first.id;
    miraToken = first.token;
    assert.match(first.receipt, /Linket vises kun her/);
    assert.match(first.receipt, /<svg[^>]*role="img"/);
    const row = await database.db.selectFrom('referral').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(row).includes(first.token), 'the token itself is not stored');
    const again = await referrerA.post('/admin/henvisninger/ny', first.fields);
    assert.equal(again.status, 200);
    assert.match(again.text, /allerede sendt/);
    assert.equal((await database.db.selectFrom('referral').select('id').execute()).length, 1);
    // The receipt is not a page to come back to: the list and the referral never show the link.
    const mine = await referrerA.get('/admin/henvisninger');
    assert.ok(!mine.text.includes(first.token));
    assert.ok(!(await referrerA.get(`/admin/henvisninger/${first.id}`)).text.includes(first.token));
    later(5);
    ids.olga = (await refer(referrerA, 'Olga')).id;
    later(5);
    ids.sune = (await refer(referrerB, 'Sune')).id;
  });

  it('lets the running offering accept, refuses a full course with a way to the waiting list, and explains a stale move', async () => {
    const inbox = await staff.get(`/admin/tilbud/${kompasset.slug}/henvisninger`);
    assert.equal(inbox.status, 200);
    assert.match(inbox.text, /Nye \(3\)/);
    for (const name of ['Mira', 'Olga', 'Sune']) assert.match(inbox.text, new RegExp(name));
    later(10);
    const accepted = await move(ids.mira, 'accepted');
    assert.equal(accepted.status, 303);
    assert.equal(await stateOf(ids.mira), 'accepted');
    later(1);
    const full = await move(ids.olga, 'accepted');
    assert.equal(full.status, 409);
    assert.match(full.text, /Forløbet er fuldt \(1 af 1 pladser er taget\)/);
    assert.match(full.text, /Sæt henvisningen på ventelisten/);
    assert.equal(await stateOf(ids.olga), 'sent');
    // Staff read the page at 'sent'; a colleague puts it on the waiting list meanwhile.
    const page = await staff.get(`/admin/henvisninger/${ids.olga}`);
    later(1);
    assert.equal((await move(ids.olga, 'waitlisted')).status, 303);
    const stale = await staff.post(`/admin/henvisninger/${ids.olga}`, { ...formFields(page.text, `/admin/henvisninger/${ids.olga}`), til: 'declined', reason: 'Passer ikke' });
    assert.equal(stale.status, 409);
    assert.match(stale.text, /Karin Kompasset har ændret henvisningen til »På venteliste«/);
    assert.match(stale.text, /Dit valg er ikke gemt/);
    assert.equal(await stateOf(ids.olga), 'waitlisted');
    later(1);
    assert.equal((await move(ids.sune, 'waitlisted')).status, 303);
    later(1);
    const noReason = await move(ids.sune, 'declined');
    assert.equal(noReason.status, 400);
    assert.match(noReason.text, /Skriv en kort begrundelse/);
  });

  it('frees the place when a citizen withdraws consent mid-course, moves the next referral up and tells its referrer', async () => {
    // The course's first meeting is today: the citizen has started when they withdraw.
    later(10);
    assert.equal((await move(ids.mira, 'started')).status, 303);
    later(10);
    const store = testAdminDeps(database, clock).courses;
    const withdrawn = await store.withdrawConsent(
      randomTokens.hashOf(miraToken),
      clock,
      (referral) => ({ at: clock, actorId: null, actorName: 'Borgeren', action: 'referral.withdraw', resourceType: 'referral', resourceId: referral.id, summary: 'Samtykke trukket tilbage', source: null }),
      referralMailsFor({ title: courseTitle }, 'http://127.0.0.1:3000'),
    );
    assert.equal(withdrawn?.state, 'stopped');
    assert.equal(withdrawn?.citizenName, null);
    assert.equal(await stateOf(ids.olga), 'accepted', 'the first on the waiting list got the place');
    assert.equal(await stateOf(ids.sune), 'waitlisted');
    const page = await staff.get(`/admin/henvisninger/${ids.mira}`);
    assert.match(page.text, /Borgeren trak sit samtykke tilbage/);
    assert.ok(!page.text.includes('Mira'), 'the citizen\'s name is gone');
    assert.ok(!page.text.includes('Hvad sker der nu?'), 'a withdrawn referral cannot be moved');
    const inbox = await staff.get(`/admin/tilbud/${kompasset.slug}/henvisninger`);
    assert.match(inbox.text, /Samtykket er trukket tilbage; oplysningerne er slettet/);
  });

  it('takes the promoted referral through started and completed, and declines the last with a reason', async () => {
    later(10);
    assert.equal((await move(ids.olga, 'started')).status, 303);
    later(10);
    const completed = await move(ids.olga, 'completed');
    assert.equal(completed.status, 303);
    assert.equal(completed.location, `/admin/henvisninger/${ids.olga}?flyttet=completed`);
    later(1);
    assert.equal((await move(ids.sune, 'declined', 'Forløbet er slut; prøv næste hold i foråret')).status, 303);
    const shown = await staff.get(`/admin/henvisninger/${ids.olga}?flyttet=completed`);
    assert.match(shown.text, /Henvisningen er nu »Gennemført«/);
  });

  it('lets the referrer follow each change in their own list and by mail, never naming the citizen in a mail', async () => {
    const mine = await referrerA.get('/admin/henvisninger');
    assert.equal(mine.status, 200);
    assert.match(mine.text, /Olga/);
    assert.ok(!mine.text.includes('Sune'), 'another referrer\'s referral is not in the list');
    const olga = await referrerA.get(`/admin/henvisninger/${ids.olga}`);
    assert.equal(olga.status, 200);
    const history = [...olga.text.matchAll(/<td>(Sendt|Optaget|På venteliste|Afvist|I gang|Gennemført|Stoppet)<\/td>/g)].map((match) => match[1]);
    assert.deepEqual(history, ['Sendt', 'På venteliste', 'Optaget', 'I gang', 'Gennemført']);
    assert.match(olga.text, /Fik en ledig plads fra ventelisten/);
    assert.ok(!olga.text.includes('Hvad sker der nu?'), 'the referrer follows, the offering moves');
    assert.equal((await referrerA.post(`/admin/henvisninger/${ids.olga}`, { fra: 'completed', til: 'stopped', reason: 'x' })).status, 403);

    // The withdrawal's two mails share an instant, so the order is compared as a list sorted by subject.
    const mails = await outboxTo(referrerA);
    assert.deepEqual(
      mails.map((mail) => mail.subject).sort(),
      [
        `Din henvisning til ${courseTitle}: optaget`,
        `Din henvisning til ${courseTitle}: på venteliste`,
        `Din henvisning til ${courseTitle}: i gang`,
        `Din henvisning til ${courseTitle}: stoppet`,
        `Din henvisning til ${courseTitle}: optaget`,
        `Din henvisning til ${courseTitle}: i gang`,
        `Din henvisning til ${courseTitle}: gennemført`,
      ].sort(),
    );
    for (const mail of mails) {
      assert.ok(!/Mira|Olga/.test(mail.subject + mail.body), 'no citizen name in a mail');
      assert.match(mail.body, /http:\/\/127\.0\.0\.1:3000\/admin\/henvisninger\/[0-9a-f-]{36}/);
    }
    const toB = await outboxTo(referrerB);
    assert.deepEqual(toB.map((mail) => mail.subject), [`Din henvisning til ${courseTitle}: på venteliste`, `Din henvisning til ${courseTitle}: afvist`]);
    assert.ok(!toB.some((mail) => mail.body.includes('foråret')), 'the reason stays in the back office');
  });

  it('shows a referral to nobody else: another offering\'s staff, another referrer, a planner (403, and not in lists or counts)', async () => {
    for (const person of [otherStaff, referrerB, planner]) {
      const page = await person.get(`/admin/henvisninger/${ids.olga}`);
      assert.equal(page.status, 403);
      assert.match(page.text, /Du har ikke adgang|ser kun medarbejderne/);
      assert.ok(!page.text.includes('Olga'));
    }
    assert.equal((await otherStaff.get(`/admin/tilbud/${kompasset.slug}/henvisninger`)).status, 403);
    assert.equal((await otherStaff.post(`/admin/henvisninger/${ids.sune}`, { fra: 'declined', til: 'accepted' })).status, 403);
    const own = await otherStaff.get(`/admin/tilbud/${nabo.slug}/henvisninger`);
    assert.equal(own.status, 200);
    assert.match(own.text, /Nye \(0\)/);
    assert.ok(!/Olga|Sune/.test(own.text));
    for (const person of [otherStaff, planner, referrerB]) {
      const dashboard = await person.get('/admin');
      assert.ok(!/Olga|Sune|Mira/.test(dashboard.text));
    }
    const staffDashboard = await staff.get('/admin');
    assert.match(staffDashboard.text, /Henvisninger til Kompasset<\/a> – ingen nye/);
    assert.ok(!(await otherStaff.get('/admin')).text.includes('Henvisninger til Kompasset'));
    assert.match((await referrerA.get('/admin')).text, /Mine henvisninger \(2\)/);
    const mineB = await referrerB.get('/admin/henvisninger');
    assert.match(mineB.text, /Sune/);
    assert.ok(!/Olga|Mira/.test(mineB.text));
    // Staff elsewhere cannot refer to Kompasset's course: it is not on their form, and sending it anyway is refused.
    const form = await otherStaff.get('/admin/henvisninger/ny');
    assert.ok(!form.text.includes(courseTitle));
    assert.match(form.text, /ingen forløb, du kan henvise til/);
    const forced = await otherStaff.post('/admin/henvisninger/ny', { henvisning: randomTokens.create().token, course: courseId, citizenName: 'Eva', organisation: 'Nabo', consentGiven: 'ja', shared: 'Fornavn', sharedWith: 'Holdlederne', until: '31.12.2027' });
    assert.equal(forced.status, 403);
  });

  it('writes every read and change to the audit log without the citizen\'s data', async () => {
    const entries = await database.db.selectFrom('audit_entry').select(['action', 'summary', 'detail', 'actor_name']).where('resource_type', '=', 'referral').execute();
    const count = (action: string) => entries.filter((entry) => entry.action === action).length;
    assert.equal(count('referral.create'), 3);
    assert.equal(count('referral.move'), 7);
    assert.ok(count('referral.read') >= 10);
    assert.ok(entries.some((entry) => entry.action === 'referral.read' && entry.actor_name === 'Amira Henviser'));
    assert.ok(entries.some((entry) => entry.action === 'referral.read' && entry.actor_name === 'Karin Kompasset'));
    assert.ok(!entries.some((entry) => /Mira|Olga|Sune/.test(entry.summary + JSON.stringify(entry.detail))));
  });

  it('gives a freed place to the first in line, and tells the referrer whose referral moves up when the offering stops another', async () => {
    const store = testAdminDeps(database, clock).courses;
    const created = async (by: Person, name: string) =>
      (
        await store.createReferral(
          {
            courseId,
            referrerAccountId: by.accountId,
            referrerName: 'Henviser',
            referrerOrganisation: 'Voksenenheden',
            citizenName: name,
            citizenContact: null,
            consent: { shared: 'Fornavn', sharedWith: 'Holdlederne', until: '2027-06-30' },
            tokenHash: randomTokens.create().hash,
            at: clock,
          },
          (id) => ({ at: clock, actorId: by.accountId, actorName: 'Henviser', action: 'referral.create', resourceType: 'referral', resourceId: id, summary: 'test', source: null }),
        )
      ).id;
    // Olga's completed referral still holds the course's one place, so both new ones wait, in order.
    const first = await created(referrerB, 'Freja');
    const second = await created(referrerA, 'Gorm');
    later(1);
    assert.equal((await move(first, 'waitlisted')).status, 303);
    later(1);
    assert.equal((await move(second, 'waitlisted')).status, 303);
    const full = await move(first, 'accepted');
    assert.equal(full.status, 409, 'a waiting referral is not accepted past the course\'s places');
    assert.match(full.text, /står på ventelisten og rykker selv op/);
    // Olga, who completed, withdraws her consent: her place goes to the first in line.
    const olga = await database.db.selectFrom('referral').select('token_hash').where('id', '=', ids.olga).executeTakeFirstOrThrow();
    later(1);
    await store.withdrawConsent(olga.token_hash, clock, (referral) => ({ at: clock, actorId: null, actorName: 'Borgeren', action: 'referral.withdraw', resourceType: 'referral', resourceId: referral.id, summary: 'x', source: null }));
    assert.equal(await stateOf(first), 'accepted', 'the first in line got the place');
    assert.equal(await stateOf(second), 'waitlisted');
    const before = (await outboxTo(referrerB)).length;
    later(1);
    assert.equal((await move(first, 'stopped', 'Flyttet til et andet forløb')).status, 303);
    assert.equal(await stateOf(second), 'accepted', 'stopping a referral gives its place to the next in line');
    const toA = await outboxTo(referrerA);
    assert.equal(toA.at(-1)?.subject, `Din henvisning til ${courseTitle}: optaget`);
    assert.ok(!toA.some((mail) => /Gorm|Freja/.test(mail.subject + mail.body)));
    assert.equal((await outboxTo(referrerB)).length, before + 1, 'Freja\'s referrer heard that it stopped');
  });

  it('closes the open referrals when the course is cancelled and tells each referrer, without naming the citizen', async () => {
    const open = await database.db.selectFrom('referral').select(['id', 'state']).where('course_id', '=', courseId).where('state', 'in', ['sent', 'waitlisted', 'accepted', 'started']).execute();
    assert.ok(open.some((row) => row.state === 'accepted'), 'Gorm holds the place');
    const sent = await refer(referrerB, 'Hilda');
    const mailsBefore = { a: (await outboxTo(referrerA)).length, b: (await outboxTo(referrerB)).length };
    later(1);
    const cancelled = await staff.post(`/admin/tilbud/kompasset/forloeb/${courseId}/aflys`, { reason: 'Holdlederen er stoppet' });
    assert.equal(cancelled.status, 303);
    for (const row of open) assert.equal(await stateOf(row.id), 'stopped', 'a referral that held a place is stopped');
    assert.equal(await stateOf(sent.id), 'declined', 'a referral not yet answered is declined');
    const toA = await outboxTo(referrerA);
    const toB = await outboxTo(referrerB);
    assert.equal(toA.length, mailsBefore.a + 1);
    assert.equal(toB.length, mailsBefore.b + 1);
    assert.equal(toB.at(-1)?.subject, `Din henvisning til ${courseTitle}: afvist`);
    assert.ok(![...toA, ...toB].some((mail) => /Gorm|Hilda|Holdlederen/.test(mail.subject + mail.body)), 'the mail names neither the citizen nor the reason');
    const page = await referrerB.get(`/admin/henvisninger/${sent.id}`);
    assert.match(page.text, /Forløbet er aflyst: Holdlederen er stoppet/);
  });
});
