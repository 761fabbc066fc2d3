import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { testNow } from '../../test/support/clock.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import { createCourseStore } from '../db/course-store.ts';
import type { Database } from '../db/database.ts';
import { coursePhase } from '../domain/course/model.ts';
import { stableId } from '../domain/stable-id.ts';
import { addDays, copenhagenDate } from '../domain/time.ts';
import type { CourseStore } from './course-store.ts';
import { getCourseCatalogue } from './get-course-catalogue.ts';

const today = copenhagenDate(testNow);

/**
 * The catalogue, the calendar and the referral form ask the database for only the courses they need
 * (ADR 023). Whatever meetings a course has (past, future, cancelled, none), the catalogue shows exactly
 * the courses it would show had it read every course: none is lost to the narrower query.
 */
describe(`the course catalogue reads only the courses it shows (${databaseKind})`, () => {
  let database: Database;
  let store: CourseStore;
  before(async () => {
    database = await createTestDatabase();
    store = createCourseStore(database.db);
  });
  after(async () => {
    await database?.close();
  });

  const meeting = fc.record({ day: fc.integer({ min: -3, max: 3 }), cancelled: fc.boolean() });
  const course = fc.record({
    kind: fc.constantFrom('open' as const, 'referred' as const),
    cancelled: fc.boolean(),
    meetings: fc.array(meeting, { maxLength: 3 }),
    offering: fc.constantFrom('nabo', 'kompasset'),
  });

  it('shows the same courses as a reading of every course would, for any meetings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(course, { minLength: 1, maxLength: 6 }), async (courses) => {
        await database.db.deleteFrom('course').execute();
        for (const [index, item] of courses.entries()) {
          const id = crypto.randomUUID();
          await database.db
            .insertInto('course')
            .values({
              id,
              slug: `egenskab-${index}-${id.slice(0, 8)}`,
              title: `Hold ${index}`,
              kind: item.kind,
              track: 'health',
              purpose: 'p',
              target_group: 'Alle',
              offering_id: stableId(`offering:${item.offering}`),
              run_by: 'staff',
              capacity: 5,
              how_to_join: 'Her',
              goal: item.kind === 'referred' ? 'Et mål' : null,
              status: item.cancelled ? 'cancelled' : 'open',
              cancel_reason: item.cancelled ? 'Holdlederen er syg' : null,
              is_example: true,
            })
            .execute();
          for (const { day, cancelled } of item.meetings) {
            await database.db
              .insertInto('course_session')
              .values({ id: crypto.randomUUID(), course_id: id, on_date: addDays(today, day), starts_at: '10:00', ends_at: '12:00', is_cancelled: cancelled })
              .execute();
          }
        }
        const expected = (await store.listCourses())
          .filter(({ course }) => ['not_started', 'running', 'no_sessions'].includes(coursePhase(course, today)))
          .map(({ course }) => course.id)
          .sort();
        const shown = (await getCourseCatalogue(store, { text: null, kind: null, track: null }, today)).map((entry) => entry.course.id).sort();
        assert.deepEqual(shown, expected);
        const referred = (await getCourseCatalogue(store, { text: null, kind: 'referred', track: null }, today)).map((entry) => entry.course.id).sort();
        const nabo = (await store.listCourses({ offeringIds: [stableId('offering:nabo')] })).map(({ course }) => course.offering.slug);
        assert.ok(nabo.every((slug) => slug === 'nabo'));
        assert.ok(referred.every((id) => expected.includes(id)));
      }),
      { numRuns: 25 },
    );
  });
});
