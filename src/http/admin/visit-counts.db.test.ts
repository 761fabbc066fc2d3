import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { signedInStaff, testAdminDeps } from '../../../test/support/staff.ts';
import { usageOf } from '../../app/register-visits.ts';
import type { Database } from '../../db/database.ts';
import { openOn } from '../../domain/counting/tally.ts';
import type { Schedule } from '../../domain/schedule/model.ts';
import { addDays } from '../../domain/time.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
let place: { id: string; slug: string; schedule: Schedule };
/** The last day before the test's day the place was open by its schedule, and the last it was closed. */
let openDay: string;
let closedDay: string;
const path = () => `/admin/tilbud/${place.slug}/optaelling`;

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  const deps = testAdminDeps(database);
  const rows = await database.db.selectFrom('offering').select(['id', 'slug']).orderBy('slug').execute();
  for (const row of rows) {
    const schedule = (await deps.times.timesOf(row.id))?.schedule;
    if (!schedule || schedule.rules.length === 0) continue;
    const days = Array.from({ length: 14 }, (_, index) => addDays('2026-11-22', -index));
    const open = days.find((day) => openOn(schedule, day).open);
    const closed = days.find((day) => !openOn(schedule, day).open);
    if (open && closed) {
      place = { id: row.id, slug: row.slug, schedule };
      openDay = open;
      closedDay = closed;
      break;
    }
  }
  assert.ok(place, 'the seed has a place with hours that is closed on some days');
});
after(() => database.close());

const staff = () => signedInStaff(app, database, { name: 'Mette Dør', grant: { role: 'offering_staff', offeringId: place.id, organizationId: null } });
const talliesOn = (date: string) =>
  database.db.selectFrom('visit_tally').select(['visits', 'client_id', 'registered_by_name']).where('offering_id', '=', place.id).where('on_date', '=', date).execute();

describe(`Visitor tallies (${databaseKind})`, () => {
  it('counts a day with the plain form, audited, and shows it with who counted', async () => {
    const person = await staff();
    const page = await person.get(path());
    assert.equal(page.status, 200);
    const clientId = /name="clientId" value="([^"]+)"/.exec(page.text)?.[1];
    assert.ok(clientId);
    const saved = await person.post(path(), { clientId, date: openDay, visits: '23' });
    assert.equal(saved.status, 200);
    assert.match(saved.text, /23 besøg den .* er gemt/);
    assert.match(saved.text, /Mette Dør/);
    assert.deepEqual((await talliesOn(openDay)).map((row) => row.visits), [23]);
    const audit = await database.db.selectFrom('audit_entry').select('summary').where('action', '=', 'count.register').execute();
    assert.equal(audit.length, 1);
    // The browser sends the same form again (refresh, double tap): it is not counted twice.
    const again = await person.post(path(), { clientId, date: openDay, visits: '23' });
    assert.equal(again.status, 200);
    assert.match(again.text, /allerede gemt/);
    assert.deepEqual((await talliesOn(openDay)).map((row) => row.visits), [23]);
    assert.equal((await database.db.selectFrom('audit_entry').select('id').where('action', '=', 'count.register').execute()).length, 1);
  });

  it('refuses a future date, a negative, absurd or broken count, and keeps what was typed', async () => {
    const person = await staff();
    const cases: [Record<string, string>, RegExp][] = [
      [{ date: addDays('2026-11-23', 1), visits: '5' }, /Dagen er ikke kommet endnu/],
      [{ date: openDay, visits: '-3' }, /kan ikke være under 0/],
      [{ date: openDay, visits: '10000' }, /10000 besøg på én dag er mere/],
      [{ date: openDay, visits: 'tolv' }, /helt tal/],
      [{ date: '2026-02-30', visits: '4' }, /år-måned-dag/],
      [{ date: openDay, visits: '' }, /Skriv 0, hvis ingen kom/],
    ];
    for (const [fields, message] of cases) {
      const answer = await person.post(path(), { clientId: crypto.randomUUID(), ...fields });
      assert.equal(answer.status, 400, JSON.stringify(fields));
      assert.match(answer.text, message);
      assert.match(answer.text, /class="alert alert-error"/);
      if (fields.visits) assert.ok(answer.text.includes(`value="${fields.visits}"`), 'the count as typed is still in the form');
    }
    const answer = await person.post(path(), { clientId: 'x', date: openDay, visits: '4' });
    assert.equal(answer.status, 400);
    assert.match(answer.text, /løbenummer/);
    assert.equal((await talliesOn(openDay)).length, 1);
  });

  it('asks for confirmation on a day the schedule has the place closed, and saves it once confirmed', async () => {
    const person = await staff();
    const clientId = crypto.randomUUID();
    const refused = await person.post(path(), { clientId, date: closedDay, visits: '7' });
    assert.equal(refused.status, 400);
    assert.match(refused.text, /havde stedet lukket/);
    assert.match(refused.text, /id="openAnyway"/);
    assert.equal((await talliesOn(closedDay)).length, 0);
    const saved = await person.post(path(), { clientId, date: closedDay, visits: '7', openAnyway: 'ja' });
    assert.equal(saved.status, 200);
    assert.match(saved.text, /åbent uden for åbningstiderne/);
    assert.deepEqual((await talliesOn(closedDay)).map((row) => row.visits), [7]);
  });

  it('adds two devices’ tallies of the same day and lists both with who sent them', async () => {
    const first = await staff();
    const second = await signedInStaff(app, database, { name: 'Ali Aften', grant: { role: 'offering_staff', offeringId: place.id, organizationId: null } });
    const day = addDays(openDay, -7);
    await first.post(path(), { clientId: crypto.randomUUID(), date: day, visits: '10' });
    await second.post(path(), { clientId: crypto.randomUUID(), date: day, visits: '4' });
    const rows = await talliesOn(day);
    assert.deepEqual(rows.map((row) => row.visits).sort(), [10, 4].sort());
    assert.deepEqual(rows.map((row) => row.registered_by_name).sort(), ['Ali Aften', 'Mette Dør']);
  });

  it('syncs an offline queue: every tally sent twice, and a second device resending them, counts each once', async () => {
    const person = await staff();
    const device = await signedInStaff(app, database, { name: 'Anden enhed', grant: { role: 'offering_staff', offeringId: place.id, organizationId: null } });
    const days = Array.from({ length: 31 }, (_, index) => addDays('2026-10-31', -index)).filter((day) => openOn(place.schedule, day).open);
    const queue = days.map((date, index) => ({ clientId: crypto.randomUUID(), date, visits: String(index + 1) }));
    const outcomes = { added: 0, duplicate: 0, other: 0 };
    const send = async (who: typeof person, item: Record<string, string>) => {
      const response = await app.request(path(), {
        method: 'POST',
        headers: { cookie: who.cookie, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: who.csrf, ...item }),
      });
      const answer = (await response.json()) as { outcome: string };
      if (answer.outcome === 'added' || answer.outcome === 'duplicate') outcomes[answer.outcome]++;
      else outcomes.other++;
    };
    // The connection came back: the queue is sent, the answers are lost, the queue is sent again, and a
    // second device that had the same tallies sends them too.
    for (const item of queue) await send(person, item);
    for (const item of queue) await send(person, item);
    await Promise.all(queue.map((item) => send(device, item)));
    assert.deepEqual(outcomes, { added: queue.length, duplicate: queue.length * 2, other: 0 });
    const stored = await database.db.selectFrom('visit_tally').select(['visits']).where('client_id', 'in', queue.map((item) => item.clientId)).execute();
    assert.equal(stored.length, queue.length);
    assert.equal(
      stored.reduce((sum, row) => sum + row.visits, 0),
      queue.reduce((sum, item) => sum + Number(item.visits), 0),
    );
    console.log(`offline sync: ${queue.length} tallies queued, ${queue.length * 3} sends, ${outcomes.added} saved, ${outcomes.duplicate} duplicates refused`);

    // The planning's query: the month's visits with method, coverage and who registered them.
    const deps = testAdminDeps(database);
    const [figure] = await usageOf({ store: deps.counts, scheduleOf: async (id) => (await deps.times.timesOf(id))?.schedule ?? null }, [place.id], { from: '2026-10-01', to: '2026-10-31' });
    assert.ok(figure);
    assert.equal(figure.method, 'tally');
    assert.equal(figure.measure, 'visits');
    assert.equal(figure.value, queue.reduce((sum, item) => sum + Number(item.visits), 0));
    assert.deepEqual(figure.coverage, { daysCounted: queue.length, daysOpen: queue.length });
    assert.deepEqual(figure.registeredBy, ['Mette Dør']);
  });

  it('answers the queue with the problems of a bad tally as JSON (nothing saved), and lets other roles read but not count', async () => {
    const person = await staff();
    const response = await app.request(path(), {
      method: 'POST',
      headers: { cookie: person.cookie, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: person.csrf, clientId: crypto.randomUUID(), date: openDay, visits: '-1' }),
    });
    assert.equal(response.status, 200);
    const answer = (await response.json()) as { outcome: string; problems: { field: string }[] };
    assert.equal(answer.outcome, 'invalid');
    assert.deepEqual(answer.problems.map((problem) => problem.field), ['visits']);
    const planner = await signedInStaff(app, database, { name: 'Planlægger', grant: { role: 'planner', offeringId: null, organizationId: null } });
    const page = await planner.get(path());
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, /Gem optællingen/);
    assert.match(page.text, /Metode: optælling/);
    assert.equal((await planner.post(path(), { clientId: crypto.randomUUID(), date: openDay, visits: '2' })).status, 403);
  });

  it('lets the staff confirm or dispute last month’s figure, keeps every verdict as history, and shows when the figure changed since', async () => {
    const person = await staff();
    const month = `${path()}/maaned`;
    const withoutVerdict = await person.post(month, { month: '2026-10', verdict: '', comment: '' });
    assert.equal(withoutVerdict.status, 400);
    assert.match(withoutVerdict.text, /Vælg om tallet er rigtigt/);
    const withoutComment = await person.post(month, { month: '2026-10', verdict: 'disputed', comment: '  ' });
    assert.equal(withoutComment.status, 400);
    assert.match(withoutComment.text, /Skriv hvad der er forkert/);
    assert.match(withoutComment.text, /value="disputed" checked/);
    const notEnded = await person.post(month, { month: '2026-11', verdict: 'confirmed', comment: '' });
    assert.equal(notEnded.status, 400);
    assert.match(notEnded.text, /Måneden er ikke slut endnu/);

    const disputed = await person.post(month, { month: '2026-10', verdict: 'disputed', comment: 'Vi talte 300 besøg i oktober.' });
    assert.equal(disputed.status, 200);
    assert.match(disputed.text, /Tallet er bestridt af Mette Dør .*»Vi talte 300 besøg i oktober.«/s);
    const confirmed = await person.post(month, { month: '2026-10', verdict: 'confirmed', comment: '' });
    assert.match(confirmed.text, /Bekræftet af Mette Dør .*\(253 besøg\)/s);
    assert.match(confirmed.text, /bestridt af Mette Dør \(253 besøg\) – »Vi talte 300 besøg i oktober.«/);
    const rows = await database.db.selectFrom('visit_month_review').select(['verdict', 'visits_seen']).where('offering_id', '=', place.id).orderBy('reviewed_at').execute();
    assert.deepEqual(rows.map((row) => row.verdict).sort(), ['confirmed', 'disputed']);
    const audit = await database.db.selectFrom('audit_entry').select('action').where('action', 'in', ['count.confirm', 'count.dispute']).execute();
    assert.equal(audit.length, 2);

    // A tally for October arrives after the confirmation: the page says the figure changed and must be confirmed again.
    const late = (Array.from({ length: 31 }, (_, index) => addDays('2026-10-31', -index)).find((day) => !openOn(place.schedule, day).open))!;
    await person.post(path(), { clientId: crypto.randomUUID(), date: late, visits: '2', openAnyway: 'ja' });
    assert.match((await person.get(path())).text, /Tallet er ændret siden: nu 255 besøg/);

    const planner = await signedInStaff(app, database, { name: 'Planlægger 2', grant: { role: 'planner', offeringId: null, organizationId: null } });
    assert.equal((await planner.post(month, { month: '2026-10', verdict: 'confirmed', comment: '' })).status, 403);
  });
});
