import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { createTestApp, testNow } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import { domainOccurrences, feedOccurrences, parseFeed, physicalLines } from '../../test/support/ical.ts';
import type { Database } from '../db/database.ts';
import { createRangeRepository } from '../db/range-repository.ts';
import type { Offering } from '../domain/range.ts';
import { addDays, copenhagenDate, dayClock } from '../domain/time.ts';
import { feedHorizon } from './presenters/ical.ts';

const today = copenhagenDate(testNow);

/** Weeks where the calendar is most easily wrong, Monday to Sunday. */
const weeks = {
  'this week': ['2026-11-23', '2026-11-29'],
  'the Christmas week (Nabo: special hours on Christmas Eve, closed 25–26 December)': ['2026-12-21', '2026-12-27'],
  'between Christmas and New Year (Fountain House: other hours; Nabo: New Year’s Eve)': ['2026-12-28', '2027-01-03'],
  'Easter and summer time begins (28 March 2027)': ['2027-03-22', '2027-03-28'],
  'summer time ends (31 October 2027)': ['2027-10-25', '2027-10-31'],
  'Mamma Mia’s summer closure': ['2027-07-05', '2027-07-11'],
} as const;

const horizon = [addDays(today, -feedHorizon.daysBack), addDays(today, feedHorizon.daysAhead)] as const;

describe(`calendar feeds (${databaseKind})`, () => {
  let database: Database;
  let app: ReturnType<typeof createTestApp>;
  let offerings: Offering[];

  /** Each feed fetched once for the comparisons, which only read it. */
  const texts = new Map<string, string>();

  before(async () => {
    database = await createTestDatabase();
    app = createTestApp(database);
    offerings = (await createRangeRepository(database.db).findOfferings({}, 'all')).items;
    for (const { path } of feeds()) texts.set(path, (await getFeed(path)).text);
  });
  after(async () => {
    await database?.close();
  });

  async function getFeed(path: string) {
    const response = await app.request(path);
    assert.equal(response.status, 200, `${path} gave ${response.status}`);
    assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
    return { text: await response.text(), headers: response.headers };
  }

  const feeds = () => [
    { path: '/tilbud/nabo/kalender.ics', offerings: offerings.filter((item) => item.slug === 'nabo') },
    {
      path: '/centre/center-amager/kalender.ics',
      offerings: offerings.filter((item) =>
        [item.centre, ...item.alsoServes].some((organization) => organization?.slug === 'center-amager'),
      ),
    },
    { path: '/kalender.ics', offerings },
  ];

  for (const [name, [from, to]] of Object.entries(weeks)) {
    it(`gives the domain's occurrences in ${name}, as ical.js expands them`, async () => {
      for (const feed of feeds()) {
        const text = texts.get(feed.path)!;
        const expected = domainOccurrences(feed.offerings, from, to);
        assert.ok(expected.length > 0, `${feed.path}: the seed has hours in ${from}–${to}`);
        assert.deepEqual(feedOccurrences(text, from, to), expected, feed.path);
      }
    });
  }

  it('gives the domain’s occurrences on every day of the horizon, for every place', async () => {
    const text = texts.get('/kalender.ics')!;
    const expected = domainOccurrences(offerings, ...horizon);
    assert.ok(expected.length > 1000);
    assert.deepEqual(feedOccurrences(text, ...horizon), expected);
  });

  it('shows Nabo’s Christmas as the offering page does: 14–20 on Christmas Eve, closed 25 and 26 December', async () => {
    const { text } = await getFeed('/tilbud/nabo/kalender.ics');
    const opening = (date: string) => feedOccurrences(text, date, date).filter((line) => line.includes(' åbent '));
    assert.deepEqual(opening('2026-12-24'), ['nabo åbent 2026-12-24T13:00:00.000Z–2026-12-24T19:00:00.000Z']);
    assert.deepEqual(opening('2026-12-25'), []);
    assert.deepEqual(opening('2026-12-26'), []);
    assert.deepEqual(opening('2026-12-23'), ['nabo åbent 2026-12-23T09:00:00.000Z–2026-12-23T15:00:00.000Z']);
    // Summer time: 10:00 in Copenhagen is 08:00 UTC after 28 March 2027.
    assert.deepEqual(opening('2027-03-31'), ['nabo åbent 2027-03-31T08:00:00.000Z–2027-03-31T14:00:00.000Z']);
  });

  it('reads back as RFC 5545: the calendar properties, a VTIMEZONE that agrees with the clock, Danish summaries', async () => {
    const { text } = await getFeed('/tilbud/nabo/kalender.ics');
    const calendar = parseFeed(text);
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    assert.equal(calendar.getFirstPropertyValue('prodid'), '-//Tilbudsvifte//Kalender//DA');
    assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), 'Nabo');
    assert.equal(calendar.getFirstPropertyValue('x-wr-timezone'), 'Europe/Copenhagen');
    assert.equal(String(calendar.getFirstPropertyValue('x-published-ttl')), 'PT12H');

    // The feed's own zone, read by ical.js, gives the same offset as the platform's clock every day for years.
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
    for (let date = '2026-01-01'; date < '2031-01-01'; date = addDays(date, 1)) {
      const noon = ICAL.Time.fromData({ year: +date.slice(0, 4), month: +date.slice(5, 7), day: +date.slice(8, 10), hour: 12 }, zone);
      assert.equal(noon.toUnixTime() * 1000, dayClock(date).toInstant(12 * 60), date);
    }

    const events = calendar
      .getAllSubcomponents('vevent')
      .map((component) => new ICAL.Event(component))
      .filter((event) => !event.uid.startsWith('course-session-'));
    const summaries = new Set(events.map((event) => event.summary));
    assert.ok(summaries.has('Åbent: Nabo'));
    assert.ok(summaries.has('Fællesspisning – Nabo'));
    for (const event of events) {
      assert.match(event.uid, /^[0-9a-f-]+(-[a-z_]+)?(-\d{8}(-\d{4})?)?@tilbudsvifte$/, event.uid);
      assert.equal(event.component.getFirstPropertyValue('url'), 'http://127.0.0.1:3000/tilbud/nabo');
      // Every time in the seed's schedule is invented, and the feed says so.
      assert.match(event.description, /eksempeldata/);
      assert.equal(event.component.getFirstPropertyValue('dtstamp')?.toString(), '2026-11-23T10:00:00Z');
      if (event.summary.startsWith('Åbent:')) {
        assert.equal(event.component.getFirstPropertyValue('transp'), 'TRANSPARENT');
        assert.equal(event.location, 'Nabo, Portugalsgade 10-12, 2300 København S');
      }
    }
    const library = events.find((event) => event.summary.startsWith('Læsekreds'));
    assert.equal(library?.location, 'Sundby Bibliotek, Jemtelandsgade 3, 2300 København S');
    const christmasEve = events.find((event) => !event.isRecurring() && event.startDate.toString() === '2026-12-24T14:00:00');
    assert.match(christmasEve?.description ?? '', /^Juleaftensdag: særlige åbningstider/);
  });

  it('keeps every UID across requests and a later day; no UID is used twice in a feed', async () => {
    const uids = (text: string) =>
      parseFeed(text)
        .getAllSubcomponents('vevent')
        .map((component) => String(component.getFirstPropertyValue('uid')));
    const first = uids((await getFeed('/kalender.ics')).text);
    const second = uids((await getFeed('/kalender.ics')).text);
    assert.deepEqual(second, first);
    assert.equal(new Set(first).size, first.length);
    const tomorrow = createTestApp(database, new Date(testNow.getTime() + 86_400_000));
    const later = uids(await (await tomorrow.request('/kalender.ics')).text());
    assert.deepEqual(later, first);
  });

  it('ends every line with CRLF and folds every line to at most 75 octets', async () => {
    for (const { path } of feeds()) {
      const { text } = await getFeed(path);
      const { lines, bareLineFeeds, endsWithCrlf } = physicalLines(text);
      assert.ok(endsWithCrlf, path);
      assert.equal(bareLineFeeds, 0, path);
      for (const line of lines) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${path}: ${line}`);
      assert.ok(lines.some((line) => line.startsWith(' ')), 'some lines are folded');
      // Folding never splits a character: each physical line is valid UTF-8 on its own.
      for (const line of lines) assert.equal(Buffer.from(line, 'utf8').toString('utf8'), line);
    }
  });

  it('names the file, caches modestly and answers a matching ETag with 304', async () => {
    const { headers } = await getFeed('/tilbud/nabo/kalender.ics');
    assert.equal(headers.get('content-disposition'), 'attachment; filename="nabo.ics"');
    assert.match(headers.get('cache-control') ?? '', /^public, max-age=\d+$/);
    const etag = headers.get('etag')!;
    assert.match(etag, /^W\/".+"$/);
    const again = await app.request('/tilbud/nabo/kalender.ics', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal((await getFeed('/centre/center-amager/kalender.ics')).headers.get('content-disposition'), 'attachment; filename="center-amager.ics"');
    assert.equal((await getFeed('/kalender.ics')).headers.get('content-disposition'), 'attachment; filename="tilbudsvifte.ics"');
  });

  it('gives a closed place no events, and its feed still parses', async () => {
    const { text } = await getFeed('/tilbud/milepaelen/kalender.ics');
    assert.equal(parseFeed(text).getAllSubcomponents('vevent').length, 0);
    assert.equal(parseFeed(text).getAllSubcomponents('vtimezone').length, 1);
  });

  it('redirects an id to the slug, and answers an unknown place or centre with the plain Danish 404', async () => {
    const nabo = offerings.find((item) => item.slug === 'nabo')!;
    const redirect = await app.request(`/tilbud/${nabo.id}/kalender.ics`);
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/tilbud/nabo/kalender.ics');

    const page = await app.request('/tilbud/findes-ikke');
    assert.equal(page.status, 404);
    const pageHtml = await page.text();
    for (const path of ['/tilbud/findes-ikke/kalender.ics', '/tilbud/%C3%A6%C3%B8/kalender.ics']) {
      const response = await app.request(path);
      assert.equal(response.status, 404, path);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(await response.text(), pageHtml, 'the same page as the offering page’s 404');
    }
    for (const path of ['/centre/findes-ikke/kalender.ics', '/centre/fountain-house/kalender.ics']) {
      const response = await app.request(path);
      assert.equal(response.status, 404, path);
      assert.match(await response.text(), /Vi kan ikke finde det center, du leder efter/);
    }
  });
});
