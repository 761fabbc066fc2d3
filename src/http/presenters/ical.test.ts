import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { domainOccurrences, feedOccurrences, parseFeed, physicalLines } from '../../../test/support/ical.ts';
import type { Offering } from '../../domain/range.ts';
import type { Activity, OpeningRule, Period, Schedule } from '../../domain/schedule/model.ts';
import type { StatusEvent } from '../../domain/status.ts';
import { addDays } from '../../domain/time.ts';
import { escapeText, feedHorizon, foldLine, octets, presentCalendar, unfold, visitableSpan } from './ical.ts';

const noControls = (text: string) => !/[\p{Cc}]/u.test(text);
/** Any code point, astral ones included. */
const anyCharacter = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });

describe('iCalendar content lines', () => {
  it('folds at 75 octets, continuation lines starting with a space', () => {
    assert.equal(foldLine('a'.repeat(75)), 'a'.repeat(75));
    assert.equal(foldLine('a'.repeat(76)), `${'a'.repeat(75)}\r\n a`);
    assert.equal(foldLine('a'.repeat(150)), `${'a'.repeat(75)}\r\n ${'a'.repeat(74)}\r\n a`);
    // 'æ' is two octets: 37 of them fill 74 octets, and a 38th would not fit in 75.
    assert.equal(foldLine('æ'.repeat(40)), `${'æ'.repeat(37)}\r\n ${'æ'.repeat(3)}`);
    // A four-octet character is never split, even where only three octets are left.
    assert.equal(foldLine(`${'a'.repeat(72)}😀b`), `${'a'.repeat(72)}\r\n 😀b`);
  });

  it('unfolding a folded line gives the original, and every physical line is at most 75 octets of whole characters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.oneof(fc.constantFrom('æ', 'ø', 'å', '–', '€', '😀', ' ', '\\', ','), anyCharacter), maxLength: 400 }),
        (text) => {
          const line = text.replace(/[\r\n]/g, '');
          const folded = foldLine(line);
          assert.equal(unfold(folded), line);
          const physical = folded.split('\r\n');
          for (const [index, part] of physical.entries()) {
            assert.ok(octets(part) <= 75, `${octets(part)} octets`);
            // Whole characters: the line survives a round trip through UTF-8 bytes on its own.
            assert.equal(Buffer.from(part, 'utf8').toString('utf8'), part);
            if (index > 0) assert.ok(part.startsWith(' ') && part.length > 1);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('escapes TEXT: backslash, semicolon, comma and newline; drops other control characters', () => {
    assert.equal(escapeText('a\\b;c,d\ne'), 'a\\\\b\\;c\\,d\\ne');
    assert.equal(escapeText('linje 1\r\nlinje 2\rlinje 3'), 'linje 1\\nlinje 2\\nlinje 3');
    assert.equal(escapeText('bip\u0007 og\ttab'), 'bip og\ttab');
  });

  it('reads back through ical.js as the text it was, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('\\', ';', ',', '\n', ':', '"', 'ø', '😀'), anyCharacter) }), (text) => {
        fc.pre(noControls(text.replace(/\n/g, '')));
        const line = foldLine(`SUMMARY:${escapeText(text)}`);
        const calendar = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//DA\r\nBEGIN:VEVENT\r\nUID:x\r\n${line}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
        const event = parseFeed(calendar).getFirstSubcomponent('vevent')!;
        assert.equal(event.getFirstPropertyValue('summary'), text);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Schedules the seed does not have: the nights the clocks change, a closure, an opening ahead.

const now = new Date('2026-11-23T10:00:00Z');
const today = '2026-11-23';
const horizon = [addDays(today, -feedHorizon.daysBack), addDays(today, feedHorizon.daysAhead)] as const;
const updatedAt = new Date('2026-11-01T00:00:00Z');

const staff: Pick<Period, 'isUserRun' | 'isStaffPresent'> = { isUserRun: false, isStaffPresent: true };

let ids = 0;
function rule(weekday: number, opens: string, closes: string, extra: Partial<OpeningRule> = {}): OpeningRule {
  return {
    id: `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    weekday,
    opens,
    closes,
    ...staff,
    recurrence: { kind: 'weekly', interval: 1, anchor: null },
    validFrom: null,
    validTo: null,
    description: null,
    isExample: false,
    ...extra,
  };
}

function activity(name: string, when: Activity['when'], startsAt: string, endsAt: string | null, extra: Partial<Activity> = {}): Activity {
  return {
    id: `00000000-0000-4000-9000-${String(++ids).padStart(12, '0')}`,
    name,
    description: null,
    kind: 'other',
    when,
    startsAt,
    endsAt,
    place: null,
    isUserRun: false,
    cancelledOn: [],
    isExample: false,
    ...extra,
  };
}

const weekly = (weekday: number, extra: Partial<Extract<Activity['when'], { kind: 'repeats' }>> = {}): Activity['when'] => ({
  kind: 'repeats',
  weekday,
  recurrence: { kind: 'weekly', interval: 1, anchor: null },
  validFrom: null,
  validTo: null,
  ...extra,
});

const event = (status: StatusEvent['status'], occursOn: string | null, recordedOn: string | null, isBaseline = false) => ({
  id: `${status}-${occursOn}`,
  status,
  occursOn,
  recordedOn,
  isBaseline,
  relatedOfferingId: null,
  note: null,
  relatedOfferingName: null,
  seedRefs: [],
});

function offering(slug: string, schedule: Partial<Schedule>, activities: Activity[], events: Offering['events']): Offering {
  const organization = {
    id: 'centre',
    slug: 'centre',
    name: 'Center',
    description: '',
    kind: 'centre' as const,
    ownership: 'municipal' as const,
    parentId: null,
    website: null,
    email: null,
    note: null,
    seedRefs: [],
    isExample: false,
    updatedAt,
    track: null,
  };
  return {
    id: `${slug}-id`,
    slug,
    name: `Sted; ${slug}, med komma`,
    alternateName: null,
    description: '',
    firstVisit: null,
    whoMeetsYou: null,
    hasQuietRoom: null,
    staffing: null,
    profile: null,
    profileBasis: null,
    provider: organization,
    operator: null,
    operatorNote: null,
    ownership: null,
    centre: organization,
    alsoServes: [],
    parent: null,
    email: null,
    phone: null,
    url: null,
    sourceNote: null,
    seedRefs: [],
    isExample: false,
    updatedAt,
    locations: [],
    terms: [],
    events,
    schedule: { rules: [], exceptions: [], holidays: { standard: 'closed', rules: [] }, ...schedule },
    activities,
    rooms: [],
    grantExpiries: [],
  };
}

const nightCafe = offering(
  'natcafe',
  {
    rules: [
      rule(7, '02:30', '05:00', { isUserRun: true, isStaffPresent: false }),
      rule(7, '01:00', '02:15', { recurrence: { kind: 'monthly', nth: -1 } }),
      rule(6, '22:00', '24:00', { recurrence: { kind: 'weekly', interval: 2, anchor: '2026-11-28' } }),
      rule(4, '10:00', '14:00', { recurrence: { kind: 'monthly', nth: 1 }, validFrom: '2027-01-01', validTo: '2027-06-30' }),
      rule(1, '09:00', '15:00'),
      // Its first occurrence is the night summer time begins.
      rule(7, '01:00', '04:00', { validFrom: '2027-03-28', validTo: '2027-04-30' }),
      // Every third week, but with no week to count from: every week, as the domain reads it.
      rule(3, '12:00', '13:00', { recurrence: { kind: 'weekly', interval: 3, anchor: null } }),
    ],
    exceptions: [
      { id: 'exc-closed', from: '2027-02-01', to: '2027-02-07', kind: 'closed', periods: [], reason: 'Vinterferie', isExample: false },
      {
        id: 'exc-hours',
        from: '2027-04-12',
        to: '2027-04-18',
        kind: 'hours',
        periods: [
          { opens: '10:00', closes: '12:00', ...staff, weekdays: [1, 3] },
          { opens: '13:00', closes: '14:00', ...staff, weekdays: null },
        ],
        reason: null,
        isExample: false,
      },
      {
        id: 'exc-transition',
        from: '2027-08-16',
        to: '2027-08-31',
        kind: 'transition',
        periods: [{ opens: '10:00', closes: '12:00', ...staff, weekdays: null }],
        reason: 'Før lukningen',
        isExample: false,
      },
    ],
    holidays: {
      standard: 'open',
      rules: [
        {
          holiday: 'juleaftensdag',
          kind: 'hours',
          periods: [
            { opens: '10:00', closes: '12:00', ...staff },
            { opens: '13:00', closes: '15:00', ...staff },
          ],
        },
        { holiday: 'langfredag', kind: 'closed', periods: [] },
        { holiday: 'juledag', kind: 'closed', periods: [] },
      ],
    },
  },
  [
    activity('Natteravne', weekly(7), '02:45', null),
    activity('Spil', weekly(3), '17:00', '19:00', { cancelledOn: ['2026-12-02', '2027-01-13'] }),
    activity('Nattevandring', { kind: 'once', date: '2027-03-28' }, '02:30', '03:30'),
    activity('Aflyst', { kind: 'once', date: '2027-01-20' }, '10:00', '11:00', { cancelledOn: ['2027-01-20'] }),
    activity('Udflugt', weekly(7, { recurrence: { kind: 'monthly', nth: -1 } }), '10:00', '12:00', {
      place: { name: 'Museet', address: 'Vej 1', postcode: '2300', city: 'København S', latitude: null, longitude: null },
    }),
  ],
  [event('active', null, null, true), event('closing', '2027-09-01', '2026-06-01')],
);

const opensLater = offering(
  'nyt-sted',
  { rules: [rule(1, '10:00', '16:00')] },
  [activity('Frokost', weekly(2), '12:00', '13:00')],
  [event('proposed', null, '2026-10-01'), event('opens', '2027-01-15', '2026-10-01')],
);

const closed = offering(
  'lukket',
  { rules: [rule(1, '10:00', '16:00')] },
  [activity('Frokost', weekly(2), '12:00', '13:00')],
  [event('active', null, null, true), event('closed', '2026-01-01', '2025-06-01')],
);

const present = (offerings: Offering[]) =>
  presentCalendar({ name: 'Prøve', description: 'Prøve', offerings, now, baseUrl: 'https://tilbud.example/' });

describe('feeds of schedules the seed does not have', () => {
  it('give the domain’s occurrences on every day of the horizon, the nights the clocks change included', () => {
    const offerings = [nightCafe, opensLater, closed];
    const text = present(offerings);
    const expected = domainOccurrences(offerings, ...horizon);
    // The cases are really there: the autumn night, the spring night, the day before the closure.
    for (const needle of ['natcafe åbent 2026-10-25T00:30', 'natcafe åbent 2027-03-28T01:00', 'natcafe aktivitet 2027-03-28', 'nyt-sted åbent 2027-01-18']) {
      assert.ok(expected.some((line) => line.startsWith(needle)), needle);
    }
    assert.ok(!expected.some((line) => line.startsWith('natcafe åbent 2027-09-01')));
    assert.deepEqual(feedOccurrences(text, ...horizon), expected);
  });

  it('ends a closing place’s series the day before it closes, starts a new place’s on its opening day, and gives a closed place none', () => {
    const calendar = parseFeed(present([nightCafe, opensLater, closed]));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const monday = events.find((item) => item.uid === `${nightCafe.schedule.rules[4]!.id}@tilbudsvifte`)!;
    assert.equal(monday.component.getFirstProperty('rrule')!.toICALString(), 'RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;WKST=MO;UNTIL=20270831T215959Z');
    const firstThursday = events.find((item) => item.uid === `${nightCafe.schedule.rules[3]!.id}@tilbudsvifte`)!;
    assert.equal(firstThursday.startDate.toString(), '2027-01-07T10:00:00');
    assert.match(firstThursday.component.getFirstProperty('rrule')!.toICALString(), /FREQ=MONTHLY;BYDAY=1TH;UNTIL=20270630T215959Z/);
    const newPlace = events.filter((item) => item.component.getFirstPropertyValue('url') === 'https://tilbud.example/tilbud/nyt-sted');
    assert.deepEqual(newPlace.map((item) => item.startDate.toString()).sort(), ['2027-01-18T10:00:00', '2027-01-19T12:00:00']);
    assert.ok(!events.some((item) => String(item.component.getFirstPropertyValue('url')).endsWith('/lukket')));
    const summaries = events.map((item) => item.summary);
    assert.ok(summaries.includes('Åbent: Sted; natcafe, med komma'));
    assert.ok(summaries.includes('Udflugt – Sted; natcafe, med komma'));
  });

  it('writes an empty but valid calendar when nothing can be visited', () => {
    const text = present([closed]);
    assert.equal(parseFeed(text).getAllSubcomponents('vevent').length, 0);
    const { lines, bareLineFeeds, endsWithCrlf } = physicalLines(text);
    assert.ok(endsWithCrlf && bareLineFeeds === 0);
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    assert.equal(lines.at(-1), 'END:VCALENDAR');
  });
});

describe('the span a place can be visited', () => {
  const active = event('active', null, null, true);
  it('is open-ended for a place open since before the sources', () => {
    assert.deepEqual(visitableSpan([active], today), { from: null, to: null });
  });
  it('ends the day before a dated closure, and is nothing once closed', () => {
    const closing = [active, event('closing', '2027-09-01', '2026-06-01')];
    assert.deepEqual(visitableSpan(closing, today), { from: null, to: '2027-08-31' });
    assert.equal(visitableSpan(closing, '2027-09-01'), null);
  });
  it('starts on the opening day of a proposed place, and is nothing without one', () => {
    assert.deepEqual(visitableSpan([event('proposed', null, '2026-10-01'), event('opens', '2027-01-15', '2026-10-01')], today), {
      from: '2027-01-15',
      to: null,
    });
    assert.equal(visitableSpan([event('proposed', null, '2026-10-01')], today), null);
  });
  it('starts when a place opened, not before', () => {
    assert.deepEqual(visitableSpan([event('opens', '2026-09-01', '2026-05-01')], today), { from: '2026-09-01', to: null });
  });
});
