import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, testNow } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import type { Database } from '../db/database.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
const cohort = crypto.randomUUID();
const meeting = crypto.randomUUID();

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  const nabo = await database.db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
  await database.db.insertInto('peer_cohort').values({ id: cohort, name: 'Peerhold 2026', year: 2026, target_min: 10, target_max: 12, course_id: null, created_at: testNow }).execute();
  await database.db.insertInto('peer_counsellor').values({ id: crypto.randomUUID(), cohort_id: cohort, display_name: 'Lone', phone: '22334455', course_participant_id: null, purpose: 'x', delete_after: '2028-11-23', created_at: testNow }).execute();
  const session = (id: string, kind: 'peer_meeting' | 'supervision', offering: string | null, date: string, starts: string, ends: string) =>
    database.db.insertInto('peer_session').values({ id, cohort_id: cohort, kind, offering_id: offering, on_date: date, starts_at: starts, ends_at: ends, created_at: testNow }).execute();
  await session(meeting, 'peer_meeting', nabo.id, '2026-11-25', '14:00', '15:30');
  await session(crypto.randomUUID(), 'peer_meeting', nabo.id, '2026-11-18', '14:00', '15:30');
  await session(crypto.randomUUID(), 'supervision', null, '2026-11-25', '09:00', '11:00');
});
after(() => database.close());

describe(`Peer meetings on the offering page and in the calendar (${databaseKind})`, () => {
  it('lists the peer meetings to come on the offering page, in Danish and English, with no one named', async () => {
    const page = await (await app.request('/tilbud/nabo')).text();
    const section = page.slice(page.indexOf('id="peermoeder"'));
    assert.match(section, /Peermøder her/);
    assert.match(section, /25\. november 2026 kl\. 14:00\u2060–\u206015:30/);
    assert.doesNotMatch(section, /18\. november/, 'a meeting that has been is not listed');
    assert.doesNotMatch(page, /Lone|22334455|Supervision/);
    const english = await (await app.request('/en/tilbud/nabo')).text();
    assert.match(english, /Peer meetings here/);
    assert.match(english, /25 November 2026 at 14:00/);
    const other = await (await app.request('/tilbud/amadeus')).text();
    assert.doesNotMatch(other, /id="peermoeder"/, 'only the offering the meeting is at');
  });

  it('shows the day’s peer meetings in the city calendar and the week, linked to the offering', async () => {
    const day = await (await app.request('/kalender?dato=2026-11-25')).text();
    assert.match(day, /Peermøder \(1\)/);
    assert.match(day, /14:00\u2060–\u206015:30 Peermøde<\/strong> · <a href="\/tilbud\/nabo"/);
    assert.doesNotMatch(day, /Lone|Supervision/);
    assert.doesNotMatch(await (await app.request('/kalender?dato=2026-11-26')).text(), /Peermøde/);
    assert.match(await (await app.request('/kalender?dato=2026-11-25&visning=uge')).text(), /Peermøder \(1\)/);
    assert.match(await (await app.request('/en/kalender?dato=2026-11-25')).text(), /Peer meetings \(1\)/);
  });

  it('puts each peer meeting in the iCalendar feeds as an event of its own', async () => {
    for (const feed of ['/kalender.ics', '/tilbud/nabo/kalender.ics']) {
      const body = await (await app.request(feed)).text();
      const event = body.slice(body.indexOf(`UID:peer-session-${meeting}`));
      assert.ok(body.includes(`UID:peer-session-${meeting}@tilbudsvifte`), feed);
      assert.match(event, /DTSTART;TZID=Europe\/Copenhagen:20261125T140000/);
      assert.match(event, /SUMMARY:Peermøde – Nabo/);
      assert.doesNotMatch(body, /Lone|Supervision/);
    }
  });
});
