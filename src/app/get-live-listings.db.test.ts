import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { testNow } from '../../test/support/clock.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import { createCourseStore } from '../db/course-store.ts';
import type { Database } from '../db/database.ts';
import { createRangeRepository } from '../db/range-repository.ts';
import { readListingLine, type ListingSpec } from '../domain/gloria/listing-spec.ts';
import { LiveListingView } from '../web/components/live-listing.tsx';
import type { CourseStore } from './course-store.ts';
import { getLiveListings, type LiveListing } from './get-live-listings.ts';
import type { RangeRepository } from './ports.ts';

const spec = (line: string): ListingSpec => {
  const result = readListingLine(line);
  if (!result.ok) throw new Error(result.message);
  return result.spec;
};
const textOf = (element: unknown) =>
  String(element)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const names = (listing: LiveListing) =>
  listing.items.map((item) => (item.kind === 'activity' ? `${item.date} ${item.name}` : item.kind === 'course' ? item.title : item.place.name));

describe(`live listings from the live range (${databaseKind})`, () => {
  let database: Database;
  let range: RangeRepository;
  let courses: CourseStore;
  const idOf = async (slug: string) => (await database.db.selectFrom('offering').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  const event = async (slug: string, status: 'opens' | 'closed', on: string) =>
    database.db
      .insertInto('status_event')
      .values({ id: randomUUID(), offering_id: await idOf(slug), status, occurs_on: on, recorded_on: on, is_baseline: false, seed_refs: [] })
      .execute();
  before(async () => {
    database = await createTestDatabase();
    range = createRangeRepository(database.db);
    courses = createCourseStore(database.db);
  });
  after(async () => {
    await database?.close();
  });

  it('an article’s listings are read with one search and one course query, one listing per line in order', async () => {
    const calls = { search: 0, courses: 0 };
    const counted: RangeRepository = {
      ...range,
      findFinderCandidates: (filter) => {
        calls.search++;
        return range.findFinderCandidates(filter);
      },
    };
    const countedCourses: CourseStore = {
      ...courses,
      listCourses: (filter) => {
        calls.courses++;
        return courses.listCourses(filter);
      },
    };
    const lines = ['[[liste: aktiviteter bydel=amager-vest uge=denne]]', '[[liste: forløb]]', '[[liste: forloeb bydel=amager-ost]]', '[[liste: lukker bydel=bispebjerg]]'];
    const listings = await getLiveListings(lines.map(spec), { range: counted, courses: countedCourses }, testNow);
    assert.deepEqual(calls, { search: 1, courses: 1 });
    assert.deepEqual(
      listings.map((item) => item.spec.kind),
      ['aktiviteter', 'forloeb', 'forloeb', 'lukker'],
    );
    const [activities, open, nabo, closing] = listings as [LiveListing, LiveListing, LiveListing, LiveListing];
    // This week counted from Monday 23 November in Copenhagen; nothing already over.
    assert.deepEqual(activities.period, { from: '2026-11-23', to: '2026-11-29' });
    assert.equal(activities.district?.name, 'Amager Vest');
    assert.ok(names(activities).includes('2026-11-24 Gåtur i Amager Fælled'), names(activities).join(', '));
    assert.ok(activities.items.every((item) => item.kind === 'activity' && item.place.slug === 'kompasset'));
    // Open courses only, the soonest first: a referred one is not for everyone to join.
    const slugs = open.items.map((item) => (item.kind === 'course' ? item.slug : ''));
    assert.ok(slugs.includes('eksempel-madlavning-paa-budget') && slugs.includes('eksempel-mitid-og-digital-post'), slugs.join(', '));
    assert.ok(!slugs.includes('eksempel-ung-og-i-gang') && !slugs.includes('eksempel-sundhedspakke-soevn-kost-motion'));
    assert.ok((await courses.listCourses({ notEndedOn: '2026-11-23', kind: 'open' })).every((item) => item.course.kind === 'open'), 'the store keeps the kind with the date');
    assert.ok(open.items.every((item) => item.kind === 'course' && item.nextDate !== null && item.nextDate >= '2026-11-23'));
    assert.ok(nabo.items.every((item) => item.kind === 'course' && item.place.slug === 'nabo'));
    assert.deepEqual(names(closing), ['Nordstjernen']);
    assert.deepEqual(closing.items[0], { kind: 'closing', on: null, place: { slug: 'nordstjernen', name: 'Nordstjernen' }, district: 'Bispebjerg', isExample: closing.items[0]!.isExample });
  });

  it('an activity cancelled on its day does not appear', async () => {
    const before = await getLiveListings([spec('[[liste: aktiviteter bydel=amager-vest uge=denne]]')], { range, courses }, testNow);
    assert.ok(names(before[0]!).includes('2026-11-24 Gåtur i Amager Fælled'));
    await database.db
      .updateTable('activity')
      .set({ cancelled_on: ['2026-11-24'] })
      .where('offering_id', '=', await idOf('kompasset'))
      .where('name', '=', 'Gåtur i Amager Fælled')
      .execute();
    const after = await getLiveListings([spec('[[liste: aktiviteter bydel=amager-vest uge=denne]]')], { range, courses }, testNow);
    assert.ok(!names(after[0]!).includes('2026-11-24 Gåtur i Amager Fælled'), names(after[0]!).join(', '));
    assert.ok(after[0]!.total < before[0]!.total);
  });

  it('a place opened lately is new; one opened and since closed is not', async () => {
    await event('ottilia', 'opens', '2026-10-01');
    await event('pinta', 'opens', '2026-10-01');
    await event('pinta', 'closed', '2026-11-10');
    const [recent, city, earlier] = await getLiveListings(
      [spec('[[liste: nye dage=90]]'), spec('[[liste: nye bydel=valby]]'), spec('[[liste: nye dage=30]]')],
      { range, courses },
      testNow,
    );
    assert.deepEqual(names(recent!), ['Ottilia']);
    assert.deepEqual(recent!.items[0], { kind: 'opened', on: '2026-10-01', place: { slug: 'ottilia', name: 'Ottilia' }, district: 'Valby', isExample: recent!.items[0]!.isExample });
    assert.deepEqual(names(city!), ['Ottilia']);
    assert.deepEqual(names(earlier!), [], 'opened more than 30 days ago');
    const html = String(LiveListingView({ listing: recent!, locale: 'da' }));
    assert.match(textOf(String(LiveListingView({ listing: city!, locale: 'da' }))), /Nye steder: Valby .*Ottilia , åbnede 1\. oktober 2026/);
    assert.match(textOf(html), /Ottilia \(Valby\), åbnede 1\. oktober 2026/);
  });

  it('an empty period gives an empty listing that says so, and an unknown district says the whole city is shown', async () => {
    const [empty, unknown] = await getLiveListings(
      [spec('[[liste: aktiviteter bydel=bispebjerg uge=naeste]]'), spec('[[liste: lukker bydel=atlantis]]')],
      { range, courses },
      testNow,
    );
    assert.deepEqual([empty!.items, empty!.total, empty!.period], [[], 0, { from: '2026-11-30', to: '2026-12-06' }]);
    const text = textOf(LiveListingView({ listing: empty!, locale: 'da' }));
    assert.match(text, /Der er ingen aktiviteter fra 30\. november 2026 til 6\. december 2026 \(Bispebjerg\)\./);
    assert.match(text, /Hentet fra Tilbudsviften 23\. november 2026 kl\. 11:00\./);
    assert.equal(unknown!.district, null);
    assert.ok(unknown!.items.length > 1, 'every closing place in the city');
    assert.match(textOf(LiveListingView({ listing: unknown!, locale: 'en' })), /We do not know the district “atlantis”, so the list shows the whole city\./);
    // A district written with its Danish letters is the same district, searched alone.
    const [folded] = await getLiveListings([spec('[[liste: aktiviteter bydel=Amager-Øst uge=næste]]')], { range, courses }, testNow);
    assert.equal(folded!.district?.slug, 'amager-ost');
    assert.ok(folded!.items.length > 0 && folded!.items.every((item) => item.place.slug === 'nabo'), names(folded!).join(', '));
    // A week wholly past has nothing coming.
    const [past] = await getLiveListings([spec('[[liste: aktiviteter uge=forrige]]')], { range, courses }, testNow);
    assert.deepEqual(past!.items, []);
  });
});
