import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { openingRule, scheduleOf } from '../../../test/support/schedule.ts';
import { addDays, copenhagenWallClock } from '../time.ts';
import { holidayOn, holidaysIn } from './holidays.ts';
import {
  type Activity,
  everyWeek,
  type Period,
  type Recurrence,
  type Schedule,
  type ScheduleException,
} from './model.ts';
import {
  currentOrNextOpening,
  daysOf,
  expandActivities,
  expandSchedule,
  isOpenAt,
  Timetable,
} from './timetable.ts';

const staffed = { isUserRun: false, isStaffPresent: true };

const rule = openingRule;
const schedule = scheduleOf;

const weekdays = (opens: string, closes: string) => [1, 2, 3, 4, 5].map((day) => rule(day, opens, closes));
const at = (iso: string) => Date.parse(iso);
const hoursText = (s: Schedule, date: string) =>
  daysOf(s, date, date)[0]!.periods.map((period) => `${period.opens}-${period.closes}`).join(',') || 'lukket';

describe('Danish holidays, Easter included', () => {
  it('finds the Easter-dependent holidays of 2026, 2027 and 2028', () => {
    const easter = (year: number) =>
      holidaysIn(year)
        .filter((holiday) =>
          ['skaertorsdag', 'langfredag', 'paaskedag', 'anden_paaskedag', 'kristi_himmelfartsdag', 'pinsedag', 'anden_pinsedag'].includes(
            holiday.key,
          ),
        )
        .map((holiday) => holiday.date.slice(5));
    assert.deepEqual(easter(2026), ['04-02', '04-03', '04-05', '04-06', '05-14', '05-24', '05-25']);
    assert.deepEqual(easter(2027), ['03-25', '03-26', '03-28', '03-29', '05-06', '05-16', '05-17']);
    assert.deepEqual(easter(2028), ['04-13', '04-14', '04-16', '04-17', '05-25', '06-04', '06-05']);
  });

  it('knows Store Bededag until 2023 and not after it was abolished', () => {
    assert.equal(holidayOn('2023-05-05')?.key, 'store_bededag');
    assert.equal(holidaysIn(2026).some((holiday) => holiday.key === 'store_bededag'), false);
  });

  it('treats Christmas Eve and New Year’s Eve as holidays although they are not public ones', () => {
    assert.deepEqual(holidayOn('2026-12-24'), { date: '2026-12-24', key: 'juleaftensdag', name: 'Juleaftensdag', isPublic: false });
    assert.equal(holidayOn('2026-12-31')?.name, 'Nytårsaftensdag');
    assert.equal(holidayOn('2026-12-23'), null);
  });

  it('names 5 June 2028 after Whit Monday, the public holiday, not Constitution Day', () => {
    assert.equal(holidayOn('2028-06-05')?.key, 'anden_pinsedag');
  });
});

describe('Opening hours on a date', () => {
  const place = schedule(weekdays('10:00', '16:00'));

  it('uses the weekday rules on an ordinary day and is closed on the weekend', () => {
    assert.equal(hoursText(place, '2026-11-23'), '10:00-16:00');
    assert.equal(hoursText(place, '2026-11-22'), 'lukket');
  });

  it('closes on public holidays by default, Easter Monday 2027 included', () => {
    assert.equal(hoursText(place, '2027-03-29'), 'lukket');
    assert.equal(daysOf(place, '2027-03-29', '2027-03-29')[0]!.source.kind, 'holiday');
  });

  it('keeps its usual hours on holidays when it chooses to, and special hours on Christmas Eve', () => {
    const open = schedule(weekdays('10:00', '16:00'), {
      holidays: {
        standard: 'open',
        rules: [{ holiday: 'juleaftensdag', kind: 'hours', periods: [{ opens: '12:00', closes: '20:00', ...staffed }] }],
      },
    });
    assert.equal(hoursText(open, '2026-12-25'), '10:00-16:00');
    assert.equal(hoursText(open, '2026-12-24'), '12:00-20:00');
  });

  it('opens every other week counted from the anchor week', () => {
    const biweekly = schedule([rule(3, '17:00', '21:00', { recurrence: { kind: 'weekly', interval: 2, anchor: '2026-11-25' } })]);
    assert.deepEqual(
      ['2026-11-18', '2026-11-25', '2026-12-02', '2026-12-09'].map((date) => hoursText(biweekly, date)),
      ['lukket', '17:00-21:00', 'lukket', '17:00-21:00'],
    );
  });

  it('opens on the first Thursday and the last Sunday of the month', () => {
    const monthly = schedule([
      rule(4, '19:00', '22:00', { recurrence: { kind: 'monthly', nth: 1 } }),
      rule(7, '12:00', '15:00', { recurrence: { kind: 'monthly', nth: -1 } }),
    ]);
    assert.equal(hoursText(monthly, '2026-12-03'), '19:00-22:00');
    assert.equal(hoursText(monthly, '2026-12-10'), 'lukket');
    assert.equal(hoursText(monthly, '2026-11-29'), '12:00-15:00');
    assert.equal(hoursText(monthly, '2026-11-22'), 'lukket');
  });

  it('keeps summer hours to their season', () => {
    const seasonal = schedule([
      rule(6, '10:00', '14:00', { validFrom: '2026-06-01', validTo: '2026-08-31' }),
      rule(6, '11:00', '15:00', { validFrom: '2026-09-01' }),
    ]);
    assert.equal(hoursText(seasonal, '2026-08-29'), '10:00-14:00');
    assert.equal(hoursText(seasonal, '2026-09-05'), '11:00-15:00');
    assert.equal(hoursText(seasonal, '2026-05-30'), 'lukket');
  });

  it('lets an exception close a day, change a day or reduce hours before a closure; the exception wins over a holiday', () => {
    const exceptions: ScheduleException[] = [
      { id: 'e1', from: '2026-12-01', to: '2026-12-01', kind: 'closed', periods: [], reason: 'Personaledag', isExample: false },
      {
        id: 'e2',
        from: '2026-12-24',
        to: '2026-12-24',
        kind: 'hours',
        periods: [{ opens: '14:00', closes: '18:00', ...staffed, weekdays: null }],
        reason: 'Juleaften',
        isExample: false,
      },
      {
        id: 'e3',
        from: '2027-01-04',
        to: '2027-01-31',
        kind: 'transition',
        periods: [{ opens: '10:00', closes: '13:00', ...staffed, weekdays: [1, 3] }],
        reason: 'Nedtrapning før lukning',
        isExample: false,
      },
    ];
    const s = schedule(weekdays('10:00', '16:00'), { exceptions });
    assert.equal(hoursText(s, '2026-12-01'), 'lukket');
    assert.equal(hoursText(s, '2026-12-24'), '14:00-18:00');
    assert.equal(hoursText(s, '2027-01-04'), '10:00-13:00');
    assert.equal(hoursText(s, '2027-01-05'), 'lukket');
    assert.equal(hoursText(s, '2027-02-01'), '10:00-16:00');
  });
});

describe('Open now and the next opening, across daylight saving', () => {
  const night = schedule([rule(7, '01:00', '04:00'), rule(6, '22:00', '24:00')]);

  it('is open at 02:30 on the autumn night in both the first and the repeated hour', () => {
    assert.equal(isOpenAt(night, at('2026-10-25T00:30:00Z')), true); // 02:30 summer time
    assert.equal(isOpenAt(night, at('2026-10-25T01:30:00Z')), true); // 02:30 winter time
    const [period] = expandSchedule(night, '2026-10-25', '2026-10-25');
    assert.equal(period!.end - period!.start, 4 * 3_600_000, 'three wall-clock hours last four hours that night');
    const [untilThree] = expandSchedule(schedule([rule(7, '01:00', '03:00')]), '2026-10-25', '2026-10-25');
    assert.equal(new Date(untilThree!.end).toISOString(), '2026-10-25T02:00:00.000Z', 'closes at 03:00 winter time');
  });

  it('is open two hours, not three, on the spring night, and opens when the clock jumps', () => {
    const [period] = expandSchedule(night, '2026-03-29', '2026-03-29');
    assert.equal(period!.end - period!.start, 2 * 3_600_000);
    const skipped = schedule([rule(7, '02:30', '05:00')]);
    assert.equal(new Date(expandSchedule(skipped, '2026-03-29', '2026-03-29')[0]!.start).toISOString(), '2026-03-29T01:00:00.000Z');
  });

  it('says when a place closed for the weekend opens next, in Copenhagen time on a UTC server', () => {
    const place = schedule(weekdays('10:00', '16:00'));
    const next = currentOrNextOpening(place, at('2026-11-21T12:00:00Z'));
    assert.equal(next?.date, '2026-11-23');
    assert.equal(new Date(next!.start).toISOString(), '2026-11-23T09:00:00.000Z');
  });

  it('skips the Christmas holidays when telling the next opening', () => {
    const place = schedule(weekdays('10:00', '16:00'));
    assert.equal(currentOrNextOpening(place, at('2026-12-24T08:00:00Z'))?.date, '2026-12-28');
  });

  it('knows no next opening for a place without hours', () => {
    assert.equal(currentOrNextOpening(schedule([]), at('2026-11-23T12:00:00Z')), null);
  });
});

describe('Activities', () => {
  const base: Omit<Activity, 'when' | 'place'> = {
    id: 'a1',
    name: 'Fællesspisning',
    description: null,
    kind: 'dining',
    startsAt: '12:00',
    endsAt: '13:00',
    isUserRun: false,
    cancelledOn: [],
    isExample: false,
  };
  const repeats = { kind: 'repeats', weekday: 4, recurrence: everyWeek, validFrom: null, validTo: null } as const;
  const place = schedule(weekdays('10:00', '16:00'), {
    exceptions: [{ id: 'x', from: '2026-12-03', to: '2026-12-03', kind: 'closed', periods: [], reason: null, isExample: false }],
  });

  it('skips a weekly activity on a day the offering is closed, but not one held elsewhere', () => {
    const here: Activity = { ...base, when: repeats, place: null };
    const away: Activity = {
      ...base,
      id: 'a2',
      when: repeats,
      place: { name: 'Sundby Bibliotek', address: null, postcode: null, city: null, latitude: null, longitude: null },
    };
    const dates = (activity: Activity) =>
      expandActivities(place, [activity], '2026-11-26', '2026-12-10').map((occurrence) => occurrence.date);
    assert.deepEqual(dates(here), ['2026-11-26', '2026-12-10']);
    assert.deepEqual(dates(away), ['2026-11-26', '2026-12-03', '2026-12-10']);
  });

  it('holds a one-off activity on its date, and leaves out a cancelled date', () => {
    const once: Activity = { ...base, when: { kind: 'once', date: '2026-12-24' }, place: null };
    assert.equal(expandActivities(place, [once], '2026-12-20', '2026-12-27').length, 1);
    const cancelled: Activity = { ...base, when: repeats, place: null, cancelledOn: ['2026-11-26'] };
    assert.deepEqual(
      expandActivities(place, [cancelled], '2026-11-26', '2026-11-26').map((item) => item.date),
      [],
    );
  });
});

// Random schedules for the property tests: periods on a 15-minute grid, every kind of recurrence.
const quarter = fc.integer({ min: 0, max: 96 });
const periodArb = fc
  .tuple(quarter, quarter, fc.boolean(), fc.boolean())
  .filter(([a, b]) => a !== b)
  .map(([a, b, userRun, staff]): Period => {
    const [from, to] = a < b ? [a, b] : [b, a];
    const time = (q: number) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
    return { opens: time(from), closes: time(to), isUserRun: userRun, isStaffPresent: staff || !userRun };
  });
const recurrenceArb: fc.Arbitrary<Recurrence> = fc.oneof(
  fc.constant(everyWeek),
  fc.record({ kind: fc.constant('weekly' as const), interval: fc.integer({ min: 2, max: 4 }), anchor: fc.constant('2026-01-05') }),
  fc.record({ kind: fc.constant('monthly' as const), nth: fc.constantFrom(1, 2, 3, 4, 5, -1) }),
);
const ruleArb = fc
  .tuple(fc.integer({ min: 1, max: 7 }), periodArb, recurrenceArb)
  .map(([weekday, period, recurrence]) => rule(weekday, period.opens, period.closes, { ...period, recurrence }));
// Sunday periods that start or end around 02:00-03:00, where the clock changes.
const aroundTheChange = fc
  .tuple(fc.integer({ min: 4, max: 14 }), fc.integer({ min: 1, max: 12 }))
  .map(([from, length]) => {
    const time = (q: number) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
    return rule(7, time(from), time(from + length));
  });
const scheduleArb: fc.Arbitrary<Schedule> = fc
  .tuple(fc.array(fc.oneof(ruleArb, aroundTheChange), { maxLength: 6 }), fc.constantFrom('closed', 'open' as const), fc.option(periodArb))
  .map(([rules, standard, christmas]) =>
    schedule(rules, {
      holidays: {
        standard: standard as 'closed' | 'open',
        rules: christmas ? [{ holiday: 'juleaftensdag', kind: 'hours', periods: [christmas] }] : [],
      },
    }),
  );
// Schedules with seasons and exceptions, and activities of every kind, for comparing the timetable with
// the per-offering expansion.
const dayIn = fc.integer({ min: 0, max: 30 }).map((offset) => addDays('2026-10-15', offset * 7 + (offset % 5)));
const seasonalRuleArb = fc
  .tuple(ruleArb, fc.option(dayIn), fc.option(dayIn))
  .map(([item, validFrom, validTo]) => ({ ...item, validFrom, validTo: validFrom && validTo && validTo < validFrom ? validFrom : validTo }));
const exceptionArb: fc.Arbitrary<ScheduleException> = fc
  .tuple(dayIn, fc.integer({ min: 0, max: 9 }), fc.constantFrom('closed', 'hours', 'transition' as const), fc.array(periodArb, { maxLength: 2 }), fc.option(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 })))
  .map(([from, length, kind, periods, weekdays]) => ({
    id: `e-${from}-${length}`,
    from,
    to: addDays(from, length),
    kind: kind as ScheduleException['kind'],
    periods: kind === 'closed' ? [] : periods.map((period) => ({ ...period, weekdays })),
    reason: null,
    isExample: false,
  }));
const fullScheduleArb: fc.Arbitrary<Schedule> = fc
  .tuple(scheduleArb, fc.array(seasonalRuleArb, { maxLength: 4 }), fc.option(exceptionArb))
  .map(([base, seasonal, exception]) => ({ ...base, rules: [...base.rules, ...seasonal], exceptions: exception ? [exception] : [] }));
let activityNumber = 0;
const activityArb: fc.Arbitrary<Activity> = fc
  .tuple(
    fc.oneof(
      dayIn.map((date) => ({ kind: 'once' as const, date })),
      fc.tuple(fc.integer({ min: 1, max: 7 }), recurrenceArb, fc.option(dayIn)).map(([weekday, recurrence, validFrom]) => ({
        kind: 'repeats' as const,
        weekday,
        recurrence,
        validFrom,
        validTo: null,
      })),
    ),
    periodArb,
    fc.boolean(),
    fc.boolean(),
    fc.array(dayIn, { maxLength: 2 }),
  )
  .map(([when, period, elsewhere, open, cancelledOn]) => ({
    id: `a${activityNumber++}`,
    name: 'Fællesspisning',
    description: null,
    kind: 'dining',
    when,
    startsAt: period.opens,
    endsAt: open ? null : period.closes,
    place: elsewhere ? { name: 'Biblioteket', address: null, postcode: null, city: null, latitude: null, longitude: null } : null,
    isUserRun: period.isUserRun,
    cancelledOn,
    isExample: false,
  }));
// Instants from 2026 to 2028, biased towards the daylight-saving nights and Christmas.
const specialDays = ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31', '2026-12-24', '2027-03-29'];
const instantArb = fc.oneof(
  fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2028-12-31T00:00:00Z') }),
  fc
    .tuple(fc.constantFrom(...specialDays), fc.integer({ min: -2 * 3_600_000, max: 26 * 3_600_000 }))
    .map(([day, offset]) => at(`${day}T00:00:00Z`) + offset),
);

/**
 * The reference the engine is checked against, built without its clock arithmetic: read the
 * Copenhagen clock every quarter of an hour through the day (every boundary in these schedules and
 * every clock change falls on a quarter) and let each period run from the first reading that shows
 * its opening time to the first that shows its closing time.
 */
const clockReadings = new Map<string, { instant: number; date: string; minutes: number }[]>();
function calendarByReadingTheClock(s: Schedule, date: string): { start: number; end: number }[] {
  let readings = clockReadings.get(date);
  if (!readings) {
    readings = [];
    for (let instant = at(`${date}T00:00:00Z`) - 3 * 3_600_000; instant <= at(`${date}T00:00:00Z`) + 24 * 3_600_000; instant += 900_000) {
      readings.push({ instant, ...copenhagenWallClock(instant) });
    }
    clockReadings.set(date, readings);
  }
  const firstShowing = (minutes: number) =>
    readings.find((reading) => (reading.date === date && reading.minutes >= minutes) || reading.date > date)!.instant;
  const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  return daysOf(s, date, date)[0]!
    .periods.map((period) => ({ start: firstShowing(minutesOf(period.opens)), end: firstShowing(minutesOf(period.closes)) }))
    .filter((interval) => interval.end > interval.start);
}

describe('Properties of the schedule engine', () => {
  it('"open now" agrees with the calendar expanded by reading the clock, for random schedules and instants, DST nights included', () => {
    fc.assert(
      fc.property(scheduleArb, instantArb, (s, instant) => {
        const date = copenhagenWallClock(instant).date;
        const inCalendar = [addDays(date, -1), date, addDays(date, 1)]
          .flatMap((day) => calendarByReadingTheClock(s, day))
          .some((interval) => interval.start <= instant && instant < interval.end);
        assert.equal(isOpenAt(s, instant), inCalendar);
        const expanded = expandSchedule(s, addDays(date, -1), addDays(date, 1));
        assert.equal(expanded.some((interval) => interval.start <= instant && instant < interval.end), inCalendar);
      }),
      { numRuns: 3000 },
    );
  });

  it('the city timetable answers "open now" the same as each offering alone', () => {
    fc.assert(
      fc.property(fc.array(scheduleArb, { minLength: 1, maxLength: 8 }), fc.constantFrom(...specialDays), fc.integer({ min: 0, max: 24 * 60 - 1 }), (schedules, day, minute) => {
        const timetable = new Timetable(
          schedules.map((s, index) => ({ id: `o${index}`, schedule: s, activities: [] })),
          addDays(day, -1),
          3,
        );
        const instant = at(`${day}T00:00:00Z`) + minute * 60_000 - 3_600_000;
        const expected = new Set(schedules.flatMap((s, index) => (isOpenAt(s, instant) ? [`o${index}`] : [])));
        assert.deepEqual(timetable.openAt(instant), expected);
      }),
      { numRuns: 500 },
    );
  });

  it('the city timetable holds the same periods and activities as each offering expanded alone', () => {
    const windowStarts = ['2026-12-21', '2027-03-25', '2026-10-22', '2027-05-10', '2026-11-23'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fullScheduleArb, fc.array(activityArb, { maxLength: 5 })), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...windowStarts),
        fc.integer({ min: 1, max: 10 }),
        (offerings, from, days) => {
          const to = addDays(from, days - 1);
          const timetable = new Timetable(
            offerings.map(([s, activities], index) => ({ id: `o${index}`, schedule: s, activities })),
            from,
            days,
          );
          const periods = offerings.flatMap(([s], index) => expandSchedule(s, from, to).map((interval) => `${index} ${interval.start} ${interval.end}`));
          const held = Array.from(timetable.periodStart, (start, position) => `${timetable.periodOffering[position]} ${start} ${timetable.periodEnd[position]}`);
          assert.deepEqual([...held].sort(), [...periods].sort());
          assert.deepEqual([...timetable.periodStart], [...timetable.periodStart].sort((a, b) => a - b));
          const occurrences = offerings.flatMap(([s, activities], index) =>
            expandActivities(s, activities, from, to).map((item) => `${index} ${item.activity.id} ${item.date} ${item.start} ${item.end}`),
          );
          const window = timetable.activitiesBetween(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
          assert.deepEqual(
            window.map((item) => `${item.offering} ${item.activity.id} ${item.date} ${item.start} ${item.end}`).sort(),
            [...occurrences].sort(),
          );
          assert.deepEqual(window.map((item) => item.start), window.map((item) => item.start).sort((a, b) => a - b));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the next opening is never in the past and the place is open in it', () => {
    fc.assert(
      fc.property(scheduleArb, instantArb, (s, instant) => {
        const next = currentOrNextOpening(s, instant);
        if (!next) return;
        assert.ok(next.end > instant);
        const probe = Math.max(instant, next.start);
        assert.equal(isOpenAt(s, probe), true);
      }),
      { numRuns: 1000 },
    );
  });
});
