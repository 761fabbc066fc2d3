import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { signedInStaff, testAdminDeps } from '../../../test/support/staff.ts';
import { usageOf } from '../../app/register-visits.ts';
import type { Database } from '../../db/database.ts';
import { withCheckDigit } from '../../domain/counting/members.ts';
import { openOn } from '../../domain/counting/tally.ts';
import type { Activity, Schedule } from '../../domain/schedule/model.ts';
import { addDays } from '../../domain/time.ts';

/** Counting per period or activity, breakdowns, member numbers and course attendance (ADR 028). */
let database: Database;
let app: ReturnType<typeof createTestApp>;
let place: { id: string; slug: string; schedule: Schedule };
/** Open days before the test's day, newest first. */
let openDays: string[];
const dinnerId = crypto.randomUUID();
const path = () => `/admin/tilbud/${place.slug}/optaelling`;

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  const deps = testAdminDeps(database);
  const rows = await database.db.selectFrom('offering').select(['id', 'slug']).orderBy('slug').execute();
  for (const row of rows) {
    const schedule = (await deps.times.timesOf(row.id))?.schedule;
    if (!schedule || schedule.rules.length === 0) continue;
    const days = Array.from({ length: 60 }, (_, index) => addDays('2026-11-22', -index)).filter((day) => openOn(schedule, day).open);
    if (days.length >= 10) {
      place = { id: row.id, slug: row.slug, schedule };
      openDays = days;
      break;
    }
  }
  assert.ok(place, 'the seed has a place with hours');
  // A dinner planned for one open day only.
  const dinner: Activity = {
    id: dinnerId,
    name: 'Fællesspisning',
    description: null,
    kind: 'dining',
    when: { kind: 'once', date: openDays[2]! },
    startsAt: '17:30',
    endsAt: '19:00',
    place: null,
    isUserRun: false,
    cancelledOn: [],
    isExample: true,
  };
  await deps.times.update(place.id, (now) => ({
    result: null,
    write: {
      activities: [...now.activities, dinner],
      audit: { at: new Date(), actorId: null, actorName: 'Test', action: 'offering.activities', resourceType: 'offering', resourceId: place.id, summary: 'test', source: null },
    },
  }));
});
after(() => database.close());

const staff = (name = 'Mette Dør') => signedInStaff(app, database, { name, grant: { role: 'offering_staff', offeringId: place.id, organizationId: null } });
const talliesOn = (date: string) =>
  database.db.selectFrom('visit_tally').select(['visits', 'unit', 'period_opens', 'activity_name', 'breakdown']).where('offering_id', '=', place.id).where('on_date', '=', date).execute();
const settle = async (person: Awaited<ReturnType<typeof staff>>, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams({ _csrf: person.csrf });
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
  return app.request(`${path()}/indstillinger`, { method: 'POST', headers: { cookie: person.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body });
};

describe(`Counting per period or activity, with breakdowns and member numbers (${databaseKind})`, () => {
  it('lets those who count choose how the place counts, audited; others may not', async () => {
    const person = await staff();
    const page = await person.get(`${path()}/indstillinger`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Hver åbningsperiode for sig/);
    const saved = await settle(person, { unit: 'period', breakdowns: ['gender', 'returning'] });
    assert.equal(saved.status, 200);
    assert.match(await saved.text(), /Indstillingerne er gemt/);
    const row = await database.db.selectFrom('visit_count_setting').selectAll().where('offering_id', '=', place.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.unit, row.breakdowns, row.member_numbers], ['period', ['returning', 'gender'], false]);
    const key = row.member_key;
    assert.equal((await settle(person, { unit: 'period', breakdowns: ['gender', 'returning'], memberNumbers: 'ja' })).status, 200);
    assert.equal((await database.db.selectFrom('visit_count_setting').select('member_key').where('offering_id', '=', place.id).executeTakeFirstOrThrow()).member_key, key, 'the key is kept');
    assert.equal((await database.db.selectFrom('audit_entry').select('id').where('action', '=', 'count.settings').execute()).length, 2);
    const refused = await settle(person, { unit: 'week' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Vælg om I tæller hele dagen/);

    const tally = await person.get(path());
    assert.match(tally.text, /<select[^>]*id="period"/);
    assert.match(tally.text, /id="b-gender-woman"/);
    assert.match(tally.text, /id="memberNumber"/);
    const planner = await signedInStaff(app, database, { name: 'Planlægger', grant: { role: 'planner', offeringId: null, organizationId: null } });
    assert.equal((await planner.get(`${path()}/indstillinger`)).status, 403);
    assert.equal((await planner.post(`${path()}/indstillinger`, { unit: 'day' })).status, 403);
  });

  it('counts per opening period, refuses a period the place did not have that day, and never mixes a day and its periods', async () => {
    const person = await staff();
    const day = openDays[0]!;
    const [period] = openOn(place.schedule, day).periods;
    const value = `${period!.opens}-${period!.closes}`;
    const saved = await person.post(path(), { clientId: crypto.randomUUID(), unit: 'period', date: day, period: value, visits: '9' });
    assert.equal(saved.status, 200);
    assert.match(saved.text, new RegExp(`kl. ${period!.opens}–${period!.closes}`));
    assert.deepEqual((await talliesOn(day)).map((row) => [row.unit, row.period_opens, row.visits]), [['period', period!.opens, 9]]);

    const wrong = await person.post(path(), { clientId: crypto.randomUUID(), unit: 'period', date: day, period: '03:00-04:00', visits: '2' });
    assert.equal(wrong.status, 400);
    assert.match(wrong.text, /Stedet havde ikke åbent 03:00–04:00/);
    // A day tally from an old queue for a day already counted per period: refused, said plainly, nothing saved.
    const mixed = await person.post(path(), { clientId: crypto.randomUUID(), date: day, visits: '30' });
    assert.equal(mixed.status, 400);
    assert.match(mixed.text, /er allerede talt pr. åbningsperiode. En dag tælles kun på én måde/);
    assert.equal((await talliesOn(day)).length, 1);
  });

  it('refuses breakdowns that add up to more than the visits, keeps what was typed, and stores only numbers', async () => {
    const person = await staff();
    const day = openDays[1]!;
    const [period] = openOn(place.schedule, day).periods;
    const fields = { unit: 'period', date: day, period: `${period!.opens}-${period!.closes}`, visits: '10', 'b.gender.woman': '7', 'b.gender.man': '6' };
    const refused = await person.post(path(), { clientId: crypto.randomUUID(), ...fields });
    assert.equal(refused.status, 400);
    assert.match(refused.text, /Tallene for køn er tilsammen 13, men der var kun 10 besøg/);
    assert.match(refused.text, /id="b-gender-man" name="b.gender.man" value="6"/);
    const json = await app.request(path(), {
      method: 'POST',
      headers: { cookie: person.cookie, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: person.csrf, clientId: crypto.randomUUID(), ...fields }),
    });
    assert.deepEqual(((await json.json()) as { problems: { field: string }[] }).problems.map((problem) => problem.field), ['b-gender-woman']);
    const saved = await person.post(path(), { clientId: crypto.randomUUID(), ...fields, 'b.gender.man': '3', 'b.returning.new': '2' });
    assert.equal(saved.status, 200);
    const [row] = await talliesOn(day);
    const breakdown = typeof row!.breakdown === 'string' ? JSON.parse(row!.breakdown) : row!.breakdown;
    assert.deepEqual(breakdown, { returning: { new: 2 }, gender: { woman: 7, man: 3 } });
  });

  it('counts per activity on the day it was on the programme, and says so when it was not', async () => {
    const person = await staff();
    await settle(person, { unit: 'activity', breakdowns: [], memberNumbers: 'ja' });
    const page = await person.get(path());
    assert.match(page.text, /Fællesspisning/);
    const wrong = await person.post(path(), { clientId: crypto.randomUUID(), unit: 'activity', date: openDays[3]!, activity: dinnerId, visits: '12' });
    assert.equal(wrong.status, 400);
    assert.match(wrong.text, /«Fællesspisning» var ikke på programmet den/);
    const saved = await person.post(path(), { clientId: crypto.randomUUID(), unit: 'activity', date: openDays[2]!, activity: dinnerId, visits: '12' });
    assert.equal(saved.status, 200);
    assert.deepEqual((await talliesOn(openDays[2]!)).map((row) => [row.unit, row.activity_name, row.visits]), [['activity', 'Fællesspisning', 12]]);
    assert.match(saved.text, /«Fællesspisning»/);
  });

  it('registers member cards as a keyed hash, catches a mistyped number, and counts each card once per period as different members', async () => {
    const person = await staff();
    const number = withCheckDigit('2026117');
    const typo = `${number.slice(0, -2)}${(Number(number.at(-2)) + 1) % 10}${number.at(-1)}`;
    const wrong = await person.post(`${path()}/medlem`, { memberDate: openDays[0]!, memberNumber: typo });
    assert.equal(wrong.status, 400);
    assert.match(wrong.text, /Nummeret passer ikke: et ciffer er tastet forkert/);
    assert.ok(wrong.text.includes(`value="${typo}"`), 'the number as typed stays in the form to be corrected');
    for (const date of [openDays[0]!, openDays[1]!, openDays[1]!]) {
      const answer = await person.post(`${path()}/medlem`, { memberDate: date, memberNumber: number });
      assert.equal(answer.status, 200);
    }
    const other = await person.post(`${path()}/medlem`, { memberDate: openDays[1]!, memberNumber: withCheckDigit('555') });
    assert.match(other.text, /Kortet er registreret/);
    assert.doesNotMatch(other.text, new RegExp(number), 'the number is not shown back');
    const rows = await database.db.selectFrom('member_visit').select(['member_hash', 'on_date']).where('offering_id', '=', place.id).execute();
    assert.equal(rows.length, 3, 'the same card on the same day is one row');
    assert.ok(rows.every((row) => /^[0-9a-f]{64}$/.test(row.member_hash) && !row.member_hash.includes(number)));
    const audit = await database.db.selectFrom('audit_entry').select(['summary', 'detail']).where('action', '=', 'count.member').execute();
    assert.equal(audit.length, 3);
    assert.ok(audit.every((entry) => !`${entry.summary}${JSON.stringify(entry.detail)}`.includes(number)), 'the number is not in the log');

    const deps = testAdminDeps(database);
    const figures = await usageOf({ store: deps.counts, scheduleOf: async (id) => (await deps.times.timesOf(id))?.schedule ?? null }, [place.id], {
      from: openDays.at(-1)!,
      to: openDays[0]!,
    });
    const members = figures.find((figure) => figure.measure === 'unique-members');
    assert.equal(members?.value, 2);
    assert.equal(members?.method, 'member-numbers');
    assert.deepEqual(members?.registeredBy, ['Mette Dør']);
    const visits = figures.find((figure) => figure.measure === 'visits');
    assert.equal(visits?.value, 9 + 10 + 12);
    assert.deepEqual(visits?.countedBy, ['period', 'activity']);
    assert.deepEqual(visits?.breakdowns, { returning: { visits: 10, categories: { new: 2 } }, gender: { visits: 10, categories: { woman: 7, man: 3 } } });
    const page = await person.get(path());
    assert.match(page.text, /2 forskellige medlemmer/);
    assert.match(page.text, /Køn \(opgjort for 10 besøg\): Kvinder 7, Mænd 3/);
  });

  it('refuses member numbers where the place does not use them', async () => {
    const person = await staff();
    await settle(person, { unit: 'activity' });
    const answer = await person.post(`${path()}/medlem`, { memberDate: openDays[0]!, memberNumber: withCheckDigit('1234') });
    assert.equal(answer.status, 400);
    assert.match(answer.text, /Stedet bruger ikke medlemsnumre/);
  });

  it('gives course attendances from the course register in usageOf, with who recorded them', async () => {
    const course = crypto.randomUUID();
    await database.db
      .insertInto('course')
      .values({ id: course, slug: `taelle-${course.slice(0, 8)}`, title: 'Hold', kind: 'open', track: 'health', purpose: 'x', target_group: 'x', offering_id: place.id, run_by: 'staff', capacity: 9, how_to_join: 'x', goal: null })
      .execute();
    const sessions = ['2026-10-06', '2026-10-13', '2026-10-20'].map((date) => ({ id: crypto.randomUUID(), course_id: course, on_date: date, starts_at: '10:00', ends_at: '12:00' }));
    await database.db.insertInto('course_session').values(sessions).execute();
    const people = [1, 2, 3].map((position) => ({
      id: crypto.randomUUID(),
      course_id: course,
      position,
      display_name: `Deltager ${position}`,
      contact: null,
      state: 'enrolled' as const,
      token_hash: crypto.randomUUID(),
      joined_at: new Date('2026-10-01T10:00:00Z'),
    }));
    await database.db.insertInto('course_participant').values(people).execute();
    const at = new Date('2026-10-13T12:00:00Z');
    await database.db
      .insertInto('course_attendance')
      .values([
        ...people.map((person) => ({ session_id: sessions[0]!.id, participant_id: person.id, present: true, recorded_at: at })),
        ...people.map((person, index) => ({ session_id: sessions[1]!.id, participant_id: person.id, present: index > 0, recorded_at: at })),
      ])
      .execute();
    await database.db
      .insertInto('audit_entry')
      .values({ at, actor_id: null, actor_name: 'Kaja Kursus', action: 'course.attendance', resource_type: 'course', resource_id: course, summary: 'x', detail: '{}', source: null })
      .execute();
    const deps = testAdminDeps(database);
    const figures = await usageOf({ store: deps.counts, scheduleOf: async (id) => (await deps.times.timesOf(id))?.schedule ?? null }, [place.id], { from: '2026-10-01', to: '2026-10-31' });
    const attendance = figures.find((figure) => figure.method === 'course-register');
    assert.ok(attendance);
    assert.equal(attendance.measure, 'course-attendances');
    assert.equal(attendance.value, 5);
    assert.deepEqual(attendance.coverage, { daysCounted: 2, daysOpen: 3 });
    assert.deepEqual(attendance.registeredBy, ['Kaja Kursus']);
    assert.equal(attendance.lastRegisteredAt?.toISOString(), at.toISOString());
  });
});
