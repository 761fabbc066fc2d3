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
/** Open days by the schedule: one in November before the test clock's day, one in October. */
let openDay: string;
let octoberDay: string;
const path = () => `/admin/tilbud/${place.slug}/optaelling`;

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  const deps = testAdminDeps(database);
  const rows = await database.db.selectFrom('offering').select(['id', 'slug']).orderBy('slug').execute();
  for (const row of rows) {
    const schedule = (await deps.times.timesOf(row.id))?.schedule;
    if (!schedule || schedule.rules.length === 0) continue;
    const november = Array.from({ length: 14 }, (_, index) => addDays('2026-11-22', -index)).find((day) => openOn(schedule, day).open);
    const october = Array.from({ length: 20 }, (_, index) => addDays('2026-10-28', -index)).find((day) => openOn(schedule, day).open);
    if (november && october) {
      place = { id: row.id, slug: row.slug, schedule };
      openDay = november;
      octoberDay = october;
      break;
    }
  }
  assert.ok(place, 'the seed has a place with hours');
});
after(() => database.close());

const staff = (name = 'Mette Dør') => signedInStaff(app, database, { name, grant: { role: 'offering_staff', offeringId: place.id, organizationId: null } });
const versionsOf = (date: string) =>
  database.db.selectFrom('visit_tally').select(['id', 'visits', 'supersedes', 'withdrawn', 'reason']).where('offering_id', '=', place.id).where('on_date', '=', date).orderBy('registered_at').execute();
const figureOf = async (from: string, to: string) => {
  const deps = testAdminDeps(database);
  const [figure] = await usageOf({ store: deps.counts, scheduleOf: async (id) => (await deps.times.timesOf(id))?.schedule ?? null }, [place.id], { from, to });
  return figure?.value ?? 0;
};
const clientIdIn = (html: string) => /name="clientId" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe(`Correcting a visitor tally (${databaseKind})`, () => {
  let first: string;

  it('corrects 45 to 4 with a reason: the original row stays, the figure counts the new version, the list shows the history, audited', async () => {
    const person = await staff();
    await person.post(path(), { clientId: crypto.randomUUID(), date: openDay, visits: '45' });
    const [original] = await versionsOf(openDay);
    assert.ok(original);
    first = original.id;
    const list = await person.get(path());
    assert.ok(list.text.includes(`href="${path()}/${first}/ret"`), 'the tally has a link to correct it');
    const form = await person.get(`${path()}/${first}/ret`);
    assert.equal(form.status, 200);
    assert.ok(form.text.includes('value="45"'));
    const clientId = clientIdIn(form.text);

    // The same checks as a new tally, and a reason.
    const cases: [Record<string, string>, RegExp][] = [
      [{ date: openDay, visits: '4', reason: ' ' }, /Skriv hvorfor optællingen rettes/],
      [{ date: openDay, visits: '4000', reason: 'tastefejl' }, /4000 besøg på én dag er mere/],
      [{ date: addDays('2026-11-23', 1), visits: '4', reason: 'tastefejl' }, /Dagen er ikke kommet endnu/],
      [{ date: openDay, visits: '45', reason: 'tastefejl' }, /Du har ikke ændret noget/],
    ];
    for (const [fields, message] of cases) {
      const answer = await person.post(`${path()}/${first}/ret`, { clientId, action: 'correct', ...fields });
      assert.equal(answer.status, 400, JSON.stringify(fields));
      assert.match(answer.text, message);
      assert.ok(answer.text.includes(`value="${fields.visits}"`), 'what was typed is kept');
    }
    assert.equal((await versionsOf(openDay)).length, 1);

    const saved = await person.post(`${path()}/${first}/ret`, { clientId, action: 'correct', date: openDay, visits: '4', reason: 'Tastet 45 for 4' });
    assert.equal(saved.status, 200);
    assert.match(saved.text, /Rettelsen er gemt/);
    assert.match(saved.text, /Rettet fra 45 til 4 besøg af Mette Dør den .*: Tastet 45 for 4/);
    const rows = await versionsOf(openDay);
    assert.deepEqual(
      rows.map((row) => [row.visits, row.supersedes, row.withdrawn]),
      [
        [45, null, false],
        [4, first, false],
      ],
    );
    assert.equal(await figureOf(openDay, openDay), 4);
    const audit = await database.db.selectFrom('audit_entry').select('summary').where('action', '=', 'count.correct').execute();
    assert.equal(audit.length, 1);
    assert.match(audit[0]!.summary, /45 besøg .* rettet til 4 besøg .*Tastet 45 for 4/);

    // The same correction sent again (refresh) is not a second correction.
    const again = await person.post(`${path()}/${first}/ret`, { clientId, action: 'correct', date: openDay, visits: '4', reason: 'Tastet 45 for 4' });
    assert.equal(again.status, 200);
    assert.match(again.text, /Rettelsen var allerede gemt/);
    assert.equal((await versionsOf(openDay)).length, 2);
  });

  it('answers a stale correction with 409, showing the latest version and what was typed, and writes nothing', async () => {
    const other = await staff('Ali Aften');
    // Ali's form was drawn before Mette's correction: it still points at the 45.
    const stale = await other.post(`${path()}/${first}/ret`, { clientId: crypto.randomUUID(), action: 'correct', date: openDay, visits: '5', reason: 'Vi var fem' });
    assert.equal(stale.status, 409);
    assert.match(stale.text, /rettet, siden du hentede siden/);
    assert.match(stale.text, /Nu: 4 besøg den .*rettet af Mette Dør/s);
    assert.match(stale.text, /Din rettelse er ikke gemt: 5 besøg/);
    assert.ok(stale.text.includes('value="5"'), 'the typed correction is still in the form');
    assert.equal((await versionsOf(openDay)).length, 2);
    assert.equal(await figureOf(openDay, openDay), 4);
  });

  it('withdraws a tally with a reason: it no longer counts, stays in the list as withdrawn, and cannot be corrected', async () => {
    const person = await staff();
    const [, latest] = await versionsOf(openDay);
    const withoutReason = await person.post(`${path()}/${latest!.id}/ret`, { clientId: crypto.randomUUID(), action: 'withdraw', date: openDay, visits: '4', reason: '' });
    assert.equal(withoutReason.status, 400);
    const withdrawn = await person.post(`${path()}/${latest!.id}/ret`, { clientId: crypto.randomUUID(), action: 'withdraw', date: openDay, visits: '4', reason: 'Talt to gange' });
    assert.equal(withdrawn.status, 200);
    assert.match(withdrawn.text, /trukket tilbage og tæller ikke længere med/);
    assert.match(withdrawn.text, /Trukket tilbage af Mette Dør den .*: Talt to gange/);
    assert.equal(await figureOf(openDay, openDay), 0);
    const rows = await versionsOf(openDay);
    assert.deepEqual(rows.map((row) => row.withdrawn), [false, false, true]);
    const again = await person.post(`${path()}/${rows[2]!.id}/ret`, { clientId: crypto.randomUUID(), action: 'correct', date: openDay, visits: '4', reason: 'fortrudt' });
    assert.equal(again.status, 400);
    assert.match(again.text, /trukket tilbage. Skal den tælle med igen/);
    // A new tally of the day counts again, on its own.
    await person.post(path(), { clientId: crypto.randomUUID(), date: openDay, visits: '6' });
    assert.equal(await figureOf(openDay, openDay), 6);
  });

  it('a corrected month that was confirmed says it must be confirmed again', async () => {
    const person = await staff();
    await person.post(path(), { clientId: crypto.randomUUID(), date: octoberDay, visits: '30' });
    const confirmed = await person.post(`${path()}/maaned`, { month: '2026-10', verdict: 'confirmed', comment: '' });
    assert.match(confirmed.text, /Bekræftet af Mette Dør .*\(30 besøg\)/s);
    const [tally] = await versionsOf(octoberDay);
    const form = await person.get(`${path()}/${tally!.id}/ret`);
    await person.post(`${path()}/${tally!.id}/ret`, { clientId: clientIdIn(form.text), action: 'correct', date: octoberDay, visits: '20', reason: 'Talt forkert' });
    assert.match((await person.get(path())).text, /Tallet er ændret siden: nu 20 besøg. Det skal bekræftes igen./);
    assert.equal(await figureOf('2026-10-01', '2026-10-31'), 20);
  });

  it('lets only those who count correct: a planner may read the list, not correct', async () => {
    const planner = await signedInStaff(app, database, { name: 'Planlægger', grant: { role: 'planner', offeringId: null, organizationId: null } });
    const list = await planner.get(path());
    assert.equal(list.status, 200);
    assert.doesNotMatch(list.text, /\/ret"/);
    assert.equal((await planner.get(`${path()}/${first}/ret`)).status, 403);
    assert.equal((await planner.post(`${path()}/${first}/ret`, { clientId: crypto.randomUUID(), action: 'correct', date: openDay, visits: '1', reason: 'x' })).status, 403);
    const person = await staff();
    assert.equal((await person.get(`${path()}/00000000-0000-0000-0000-000000000000/ret`)).status, 404);
  });
});
