import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testNow } from '../../test/support/clock.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import { createAccessStore } from '../db/access-store.ts';
import { createCourseStore } from '../db/course-store.ts';
import type { Database } from '../db/database.ts';
import { stableId } from '../domain/stable-id.ts';
import { addDays, copenhagenDate } from '../domain/time.ts';
import { randomTokens } from '../security/tokens.ts';
import { courseRetentionJob } from '../jobs/course-retention.ts';
import { anonymiseCourseData } from './anonymise-course-data.ts';
import { consentExpiredMailsFor } from './refer-citizen.ts';
import type { CourseStore } from './course-store.ts';

const today = copenhagenDate(testNow);
const audit = () => ({ at: testNow, actorId: null, actorName: 'test', action: 'test', resourceType: 'course', resourceId: null, summary: 'test', source: null });

describe(`anonymising course data after the retention time (${databaseKind})`, () => {
  let database: Database;
  let store: CourseStore;
  let referrerId: string;
  before(async () => {
    database = await createTestDatabase();
    store = createCourseStore(database.db);
    referrerId = await createAccessStore(database.db).createAccount({ email: 'henviser@region.dk', name: 'Henviser Hansen' });
  });
  after(async () => {
    await database?.close();
  });

  /** An open course whose last meeting was `lastDaysAgo` days ago, with two participants and a referral. */
  async function courseEnded(lastDaysAgo: number, consentUntil = addDays(today, 365)) {
    const id = crypto.randomUUID();
    await database.db
      .insertInto('course')
      .values({ id, slug: `slut-${id.slice(0, 8)}`, title: 'Afsluttet hold', kind: 'open', track: 'health', purpose: 'p', target_group: 'Alle', offering_id: stableId('offering:nabo'), run_by: 'staff', capacity: 5, how_to_join: 'Her' })
      .execute();
    await database.db
      .insertInto('course_session')
      .values([
        { id: crypto.randomUUID(), course_id: id, on_date: addDays(today, -lastDaysAgo - 7), starts_at: '10:00', ends_at: '12:00' },
        { id: crypto.randomUUID(), course_id: id, on_date: addDays(today, -lastDaysAgo), starts_at: '10:00', ends_at: '12:00' },
      ])
      .execute();
    for (const [name, contact] of [
      ['Karin', 'karin@example.org'],
      ['Said', '12345678'],
    ] as const) {
      await database.db
        .insertInto('course_participant')
        .values({ id: crypto.randomUUID(), course_id: id, position: name === 'Karin' ? 1 : 2, display_name: name, contact, state: 'enrolled', token_hash: randomTokens.create().hash, joined_at: testNow })
        .execute();
    }
    await store.createReferral(
      {
        courseId: id,
        referrerAccountId: referrerId,
        referrerName: 'Henviser Hansen',
        referrerOrganisation: 'Region Hovedstadens Psykiatri',
        citizenName: 'Birgitte',
        citizenContact: 'birgitte@example.org',
        consent: { shared: 'Navn og e-mail', sharedWith: 'Holdlederne', until: consentUntil },
        tokenHash: randomTokens.create().hash,
        at: testNow,
      },
      audit,
    );
    return id;
  }

  const people = async (courseId: string) =>
    database.db.selectFrom('course_participant').select(['display_name', 'contact', 'anonymised_at']).where('course_id', '=', courseId).orderBy('position').execute();
  const referralOf = async (courseId: string) =>
    database.db.selectFrom('referral').select(['citizen_name', 'citizen_contact', 'consent_shared', 'anonymised_at', 'referrer_name']).where('course_id', '=', courseId).executeTakeFirstOrThrow();

  it('anonymises a course that ended more than the retention time ago, keeps a recent one, and reports what it removed', async () => {
    const old = await courseEnded(91);
    const recent = await courseEnded(89);
    const expiredConsent = await courseEnded(-30, addDays(today, -1));
    const expiredReferral = await database.db.selectFrom('referral').select('id').where('course_id', '=', expiredConsent).executeTakeFirstOrThrow();
    await store.moveReferral({ referralId: expiredReferral.id, from: 'sent', to: 'accepted', reason: null, byName: 'Nabo', at: testNow }, () => [], audit());
    const report = await anonymiseCourseData({ store, consentExpiredMails: consentExpiredMailsFor('http://127.0.0.1:3000') }, { now: testNow, retentionDays: 90 });
    console.log(`# ${databaseKind}: the retention job anonymised ${report.participants} participants and ${report.referrals} referrals`);
    assert.deepEqual(report, { participants: 3, referrals: 2 });
    assert.deepEqual(
      (await people(old)).map((row) => [row.display_name, row.contact, row.anonymised_at !== null]),
      [
        ['Anonym', null, true],
        ['Anonym', null, true],
      ],
    );
    const oldReferral = await referralOf(old);
    assert.equal(oldReferral.citizen_name, null);
    assert.equal(oldReferral.citizen_contact, null);
    assert.equal(oldReferral.consent_shared, null);
    assert.equal(oldReferral.referrer_name, 'Henviser Hansen', "the referrer's own name is staff data and stays");
    assert.deepEqual(
      (await people(recent)).map((row) => row.display_name),
      ['Karin', 'Said'],
    );
    assert.equal((await referralOf(recent)).citizen_name, 'Birgitte');
    // A running course whose referral's consent ran out yesterday: the citizen's data goes now.
    assert.equal((await referralOf(expiredConsent)).citizen_name, null);
    assert.deepEqual(
      (await people(expiredConsent)).map((row) => row.display_name),
      ['Karin', 'Said', 'Henvist borger'],
      "the referred citizen keeps the place but not the name they shared",
    );
    // Its referrer is told once, without the citizen's name, and the referral's history says why.
    const mails = await database.db.selectFrom('outbox').select(['subject', 'body']).where('recipient', '=', 'henviser@region.dk').execute();
    assert.deepEqual(
      mails.map((mail) => mail.subject),
      ['Samtykket er udløbet: din henvisning til Afsluttet hold'],
    );
    assert.doesNotMatch(mails[0]!.body, /Birgitte/);
    assert.match(mails[0]!.body, /henvis igen med et nyt samtykke/);
    const history = await database.db.selectFrom('referral_event').select(['state', 'reason']).where('referral_id', '=', expiredReferral.id).orderBy('id').execute();
    assert.deepEqual(history.at(-1), { state: 'accepted', reason: 'Samtykket udløb, og borgerens oplysninger er slettet.' });
    const entry = await database.db.selectFrom('audit_entry').select(['summary', 'actor_name']).where('action', '=', 'course.retention').executeTakeFirstOrThrow();
    assert.match(entry.summary, /Anonymiserede 3 deltagere og 2 henvisninger/);
    assert.deepEqual(await anonymiseCourseData({ store }, { now: testNow, retentionDays: 90 }), { participants: 0, referrals: 0 });
    // The daily background job runs the same rule, with the days from COURSE_RETENTION_DAYS.
    const job = courseRetentionJob({ store, retentionDays: 0, baseUrl: 'http://127.0.0.1:3000' });
    const controller = new AbortController();
    assert.deepEqual(await job.run({ now: testNow, clock: () => testNow, signal: controller.signal }), { participants: 2, referrals: 1 });
  });
});
