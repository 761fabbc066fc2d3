import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testNow } from '../../test/support/clock.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import { createCourseStore } from '../db/course-store.ts';
import type { Database } from '../db/database.ts';
import { stableId } from '../domain/stable-id.ts';
import { addDays, copenhagenDate } from '../domain/time.ts';
import { randomTokens } from '../security/tokens.ts';
import type { CourseStore } from './course-store.ts';
import { joinCourse, leaveCourse } from './join-course.ts';

const today = copenhagenDate(testNow);

describe(`joining an open course (${databaseKind})`, () => {
  let database: Database;
  let store: CourseStore;
  before(async () => {
    database = await createTestDatabase();
    store = createCourseStore(database.db);
  });
  after(async () => {
    await database?.close();
  });

  /** A fresh open course at Nabo with the given number of places, meeting next week. */
  async function course(capacity: number, options: { cancelled?: boolean; pastOnly?: boolean } = {}) {
    const id = crypto.randomUUID();
    await database.db
      .insertInto('course')
      .values({
        id,
        slug: `test-${id.slice(0, 8)}`,
        title: 'Testhold',
        kind: 'open',
        track: 'health',
        purpose: 'At prøve tilmelding',
        target_group: 'Alle',
        offering_id: stableId('offering:nabo'),
        run_by: 'staff',
        capacity,
        how_to_join: 'Her',
        status: options.cancelled ? 'cancelled' : 'open',
        cancel_reason: options.cancelled ? 'Holdlederen er syg' : null,
      })
      .execute();
    await database.db
      .insertInto('course_session')
      .values({ id: crypto.randomUUID(), course_id: id, on_date: addDays(today, options.pastOnly ? -3 : 7), starts_at: '10:00', ends_at: '12:00' })
      .execute();
    return id;
  }

  const join = (courseId: string, name: string, token = randomTokens.create().token, contact = '') =>
    joinCourse({ store, tokens: randomTokens }, { courseId, courseTitle: 'Testhold', name, contact, token, now: testNow, source: '127.0.0.1' });

  it('200 people joining at once on 20 places: exactly 20 get a place and 180 wait in arrival order, none twice', async () => {
    const courseId = await course(20);
    const started = performance.now();
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, index) => join(courseId, `Deltager ${index + 1}`)));
    const elapsed = performance.now() - started;
    const joined = outcomes.map((outcome) => {
      assert.equal(outcome.kind, 'joined');
      return outcome.kind === 'joined' ? outcome.participant : null!;
    });
    const rows = await store.participants(courseId);
    assert.equal(rows.length, 200);
    assert.equal(rows.filter((row) => row.state === 'enrolled').length, 20);
    assert.equal(rows.filter((row) => row.state === 'waitlisted').length, 180);
    assert.deepEqual(
      rows.map((row) => row.position),
      Array.from({ length: 200 }, (_, index) => index + 1),
      'positions are 1..200 with no gaps and no duplicates',
    );
    // Arrival order is the order the course's lock was granted: places go to positions 1–20.
    assert.ok(rows.slice(0, 20).every((row) => row.state === 'enrolled'));
    assert.ok(rows.slice(20).every((row) => row.state === 'waitlisted'));
    assert.equal(new Set(rows.map((row) => row.displayName)).size, 200);
    // What each person was told is what was stored.
    for (const person of joined) assert.equal(rows.find((row) => row.id === person.id)?.state, person.state);
    console.log(`# ${databaseKind}: 200 concurrent enrolments on 20 places in ${elapsed.toFixed(0)} ms`);
  });

  it('a double click (the same form twice) gives the same answer and one row', async () => {
    const courseId = await course(2);
    const { token } = randomTokens.create();
    const [first, second] = await Promise.all([join(courseId, 'Mette', token), join(courseId, 'Mette', token)]);
    assert.equal(first.kind, 'joined');
    assert.equal(second.kind, 'joined');
    if (first.kind !== 'joined' || second.kind !== 'joined') return;
    assert.equal(first.participant.id, second.participant.id);
    assert.notEqual(first.again, second.again);
    assert.equal((await store.participants(courseId)).length, 1);
  });

  it('the same name twice on one course is refused with a way forward; another course is fine', async () => {
    const courseId = await course(5);
    assert.equal((await join(courseId, 'Ali')).kind, 'joined');
    assert.equal((await join(courseId, ' ali ')).kind, 'name_taken');
    assert.equal((await join(await course(5), 'Ali')).kind, 'joined');
  });

  it('a cancelled course and one that has ended take nobody', async () => {
    assert.deepEqual(await join(await course(5, { cancelled: true }), 'Kim'), { kind: 'closed', why: 'cancelled' });
    assert.deepEqual(await join(await course(5, { pastOnly: true }), 'Kim'), { kind: 'closed', why: 'ended' });
  });

  it('leaving frees the place for the first on the waiting list, who is told by email; leaving twice is harmless', async () => {
    const courseId = await course(1);
    const first = randomTokens.create().token;
    await join(courseId, 'Første', first);
    await join(courseId, 'Anden', undefined, 'anden@example.org');
    await join(courseId, 'Tredje');
    const outcome = await leaveCourse({ store, tokens: randomTokens }, { token: first, now: testNow, source: null });
    assert.equal(outcome.kind, 'left');
    if (outcome.kind !== 'left') return;
    assert.deepEqual(
      outcome.promoted.map((person) => person.displayName),
      ['Anden'],
    );
    const rows = await store.participants(courseId);
    assert.deepEqual(
      rows.map((row) => [row.displayName, row.state]),
      [
        ['Første', 'left'],
        ['Anden', 'enrolled'],
        ['Tredje', 'waitlisted'],
      ],
    );
    const mail = await database.db.selectFrom('outbox').select(['recipient', 'subject', 'body']).where('recipient', '=', 'anden@example.org').executeTakeFirst();
    assert.match(mail?.subject ?? '', /Du har fået en plads på Testhold/);
    assert.equal((await leaveCourse({ store, tokens: randomTokens }, { token: first, now: testNow, source: null })).kind, 'already_left');
  });

  it('a name or contact that cannot be used is explained, and nothing is saved', async () => {
    const courseId = await course(5);
    const outcome = await join(courseId, '  ', undefined, 'ikke en adresse');
    assert.equal(outcome.kind, 'invalid');
    if (outcome.kind !== 'invalid') return;
    assert.deepEqual(
      outcome.problems.map((problem) => problem.field),
      ['name', 'contact'],
    );
    assert.equal((await store.participants(courseId)).length, 0);
  });
});
