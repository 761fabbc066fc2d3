import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type Activity, datesFrom, emptySchedule, everyWeek, type Schedule } from '../schedule/model.ts';
import { checkMemberNumber, courseAttendanceFigure, luhnValid, memberHash, newMemberKey, uniqueMembersFigure, withCheckDigit } from './members.ts';
import { countWords, periodChoices, type StoredTally, validateCountSettings, validateTally, visitsFigure } from './tally.ts';

// Open Monday to Friday 10–13 and 17–21; 2026-11-23 is a Monday.
const rule = (weekday: number, opens: string, closes: string) => ({
  id: `r${weekday}${opens}`,
  weekday,
  recurrence: everyWeek,
  validFrom: null,
  validTo: null,
  opens,
  closes,
  isUserRun: false,
  isStaffPresent: true,
  description: null,
  isExample: false,
});
const schedule: Schedule = { ...emptySchedule, rules: [1, 2, 3, 4, 5].flatMap((weekday) => [rule(weekday, '10:00', '13:00'), rule(weekday, '17:00', '21:00')]) };
const activity = (id: string, name: string, when: Activity['when'], place: Activity['place'] = null): Activity => ({
  id,
  name,
  description: null,
  kind: 'dining',
  when,
  startsAt: '17:30',
  endsAt: '19:00',
  place,
  isUserRun: false,
  cancelledOn: [],
  isExample: true,
});
// Dinner on Thursdays at the place; a walk on Saturdays elsewhere (the place itself is closed then).
const activities = [
  activity('dinner', 'Fællesspisning', { kind: 'repeats', weekday: 4, recurrence: everyWeek, validFrom: null, validTo: null }),
  activity('walk', 'Gåtur', { kind: 'repeats', weekday: 6, recurrence: everyWeek, validFrom: null, validTo: null }, {
    name: 'Fælledparken',
    address: null,
    postcode: null,
    city: null,
    latitude: null,
    longitude: null,
  }),
];
const today = '2026-11-23';
const check = (input: Partial<Parameters<typeof validateTally>[0]>) =>
  validateTally({ date: '2026-11-20', visits: '12', openAnyway: false, clientId: 'abcdef12-3456', ...input }, { today, schedule, activities });
const messages = (result: ReturnType<typeof check>) => (result.ok ? [] : result.problems.map((problem) => `${problem.field}: ${problem.message}`));

describe('Tallies per opening period or per activity', () => {
  it('takes a period of that day, and names the day’s periods when another is chosen', () => {
    const ok = check({ unit: 'period', period: '17:00-21:00' });
    assert.ok(ok.ok);
    assert.deepEqual(ok.tally.period, { opens: '17:00', closes: '21:00' });
    assert.deepEqual(periodChoices(schedule), [
      { opens: '10:00', closes: '13:00' },
      { opens: '17:00', closes: '21:00' },
    ]);
    assert.match(messages(check({ unit: 'period', period: '12:00-16:00' }))[0]!, /^period: Stedet havde ikke åbent 12:00–16:00 .* 10:00–13:00 og 17:00–21:00/);
    assert.match(messages(check({ unit: 'period', period: '' }))[0]!, /^period: Vælg hvilken åbningsperiode/);
    // A closed day asks for «open anyway», as a day tally does.
    assert.match(messages(check({ unit: 'period', period: '10:00-13:00', date: '2026-11-22' }))[0]!, /^openAnyway:/);
    assert.ok(check({ unit: 'period', period: '11:00-15:00', date: '2026-11-22', openAnyway: true }).ok);
  });

  it('takes an activity on the day it was on the programme, also elsewhere on a day the place is closed, and refuses it on another day', () => {
    const dinner = check({ unit: 'activity', activity: 'dinner', date: '2026-11-19' });
    assert.ok(dinner.ok);
    assert.deepEqual(dinner.tally.activity, { id: 'dinner', name: 'Fællesspisning' });
    // Saturday: the place is closed, the walk elsewhere took place; no «open anyway» needed.
    assert.ok(check({ unit: 'activity', activity: 'walk', date: '2026-11-21' }).ok);
    const wrongDay = messages(check({ unit: 'activity', activity: 'dinner', date: '2026-11-20' }));
    assert.equal(wrongDay.length, 1);
    assert.match(wrongDay[0]!, /^activity: «Fællesspisning» var ikke på programmet den .*Der var ingen aktiviteter den dag/);
    assert.match(messages(check({ unit: 'activity', activity: 'dinner', date: '2026-11-21' }))[0]!, /Den dag var der «Gåtur»/);
    assert.match(messages(check({ unit: 'activity', activity: 'gone' }))[0]!, /findes ikke længere/);
    assert.match(messages(check({ unit: 'activity' }))[0]!, /Vælg hvilken aktivitet/);
    assert.match(messages(check({ unit: 'week' }))[0]!, /forældet/);
  });
});

describe('Breakdowns', () => {
  it('keeps numbers per category, blanks as not counted, and never more than the visits', () => {
    const ok = check({ visits: '12', breakdown: { 'b.age.under30': '3', 'b.age.from65': '4', 'b.gender.woman': '', 'b.returning.new': '12' } });
    assert.ok(ok.ok);
    assert.deepEqual(ok.tally.breakdown, { returning: { new: 12 }, age: { under30: 3, from65: 4 } });
    assert.deepEqual(messages(check({ visits: '12', breakdown: { 'b.age.under30': '8', 'b.age.from30to49': '6' } })), [
      'b-age-under30: Tallene for alder er tilsammen 14, men der var kun 12 besøg. Ret tallene, så de højst bliver 12; besøgende, I ikke ved det om, skrives ingen steder.',
    ]);
    assert.match(messages(check({ breakdown: { 'b.gender.man': '-2' } }))[0]!, /^b-gender-man: Skriv køn som hele tal/);
    assert.match(messages(check({ breakdown: { 'b.language.other': 'to' } }))[0]!, /^b-language-other:/);
  });

  it('never lets a breakdown add up to more than its tally (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 4, maxLength: 4 }), (visits, counts) => {
        const keys = ['b.age.under30', 'b.age.from30to49', 'b.age.from50to64', 'b.age.from65'];
        const result = check({ visits: String(visits), breakdown: Object.fromEntries(keys.map((key, index) => [key, String(counts[index])])) });
        const sum = counts.reduce((total, count) => total + count, 0);
        assert.equal(result.ok, sum <= visits);
      }),
    );
  });

  it('adds breakdowns over a period and says what the tallies covered', () => {
    const tally = (date: string, visits: number, extra: Partial<StoredTally>): StoredTally => ({
      id: date,
      clientId: date,
      date,
      visits,
      openAnyway: false,
      registeredByName: 'A',
      registeredAt: new Date(`${date}T15:00:00Z`),
      ...extra,
    });
    const figure = visitsFigure(
      'o',
      [
        tally('2026-11-02', 10, { breakdown: { gender: { woman: 4, man: 5 } } }),
        tally('2026-11-03', 6, { unit: 'period', period: { opens: '10:00', closes: '13:00' }, breakdown: { gender: { woman: 2 } } }),
        tally('2026-11-04', 7, {}),
      ],
      schedule,
      '2026-11-01',
      '2026-11-08',
      datesFrom,
    );
    assert.equal(figure.value, 23);
    assert.deepEqual(figure.countedBy, ['day', 'period']);
    assert.deepEqual(figure.breakdowns, { gender: { visits: 16, categories: { woman: 6, man: 5 } } });
  });

  it('takes settings from the fixed lists only', () => {
    assert.deepEqual(validateCountSettings({ unit: 'period', breakdowns: ['gender', 'age'], memberNumbers: true }), {
      ok: true,
      settings: { unit: 'period', breakdowns: ['age', 'gender'], memberNumbers: true },
    });
    assert.equal(validateCountSettings({ unit: 'hour', breakdowns: ['income'], memberNumbers: false }).ok, false);
  });
});

describe('Member numbers', () => {
  it('catches every single mistyped digit and every swap of two different neighbouring digits (Luhn)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{5,10}$/), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const number = withCheckDigit(body);
        assert.ok(luhnValid(number));
        assert.ok(checkMemberNumber(number).ok);
        const index = at % number.length;
        const typo = number.slice(0, index) + String((Number(number[index]) + delta) % 10) + number.slice(index + 1);
        assert.equal(checkMemberNumber(typo).ok, false);
        const swapAt = at % (number.length - 1);
        const [a, b] = [number[swapAt]!, number[swapAt + 1]!];
        // Luhn misses only the swap of 0 and 9.
        if (a !== b && `${a}${b}` !== '09' && `${a}${b}` !== '90') {
          const swapped = number.slice(0, swapAt) + b + a + number.slice(swapAt + 2);
          assert.equal(checkMemberNumber(swapped).ok, false);
        }
      }),
    );
  });

  it('explains a number typed wrong in plain words, and reads one written as on the card', () => {
    assert.deepEqual(checkMemberNumber(' 1234 5674 '), { ok: true, number: '12345674' });
    assert.match((checkMemberNumber('12345675') as { message: string }).message, /Nummeret passer ikke: et ciffer er tastet forkert/);
    assert.match((checkMemberNumber('12a4') as { message: string }).message, /kun af tal/);
    assert.match((checkMemberNumber('12') as { message: string }).message, /4 til 12 cifre; der er tastet 2/);
    assert.match((checkMemberNumber('') as { message: string }).message, /Skriv nummeret/);
  });

  it('stores a keyed hash: the same number gives unrelated values at two places, and never the number', () => {
    const [a, b] = [newMemberKey(), newMemberKey()];
    assert.notEqual(a, b);
    assert.equal(memberHash(a, '12345674'), memberHash(a, '12345674'));
    assert.notEqual(memberHash(a, '12345674'), memberHash(b, '12345674'));
    assert.match(memberHash(a, '12345674'), /^[0-9a-f]{64}$/);
    assert.ok(!memberHash(a, '12345674').includes('12345674'));
  });

  it('counts different members once per period, as its own measure and never as visits', () => {
    const seen = (date: string, hash: string) => ({ date, memberHash: hash.repeat(64), registeredByName: 'A', registeredAt: new Date(`${date}T12:00:00Z`) });
    const figure = uniqueMembersFigure('o', [seen('2026-11-02', 'a'), seen('2026-11-03', 'a'), seen('2026-11-03', 'b'), seen('2026-10-01', 'c')], schedule, '2026-11-01', '2026-11-30', datesFrom);
    assert.equal(figure.value, 2);
    assert.equal(figure.measure, 'unique-members');
    assert.equal(figure.method, 'member-numbers');
    assert.deepEqual(figure.coverage, { daysCounted: 2, daysOpen: 21 });
    assert.notEqual(countWords.measure[figure.measure], countWords.visits);
    assert.doesNotMatch(countWords.uniqueMembers, /besøg/);
  });

  it('gives course attendances from the course register, with coverage, and no figure without attendance recorded', () => {
    const registered = { by: ['Kursusleder', 'Kursusleder'], last: new Date('2026-11-10T12:00:00Z') };
    const figure = courseAttendanceFigure(
      'o',
      [
        { date: '2026-11-03', present: 6, marked: true },
        { date: '2026-11-10', present: 5, marked: true },
        { date: '2026-11-17', present: 0, marked: false },
      ],
      registered,
      '2026-11-01',
      '2026-11-30',
    );
    assert.deepEqual(
      { value: figure?.value, measure: figure?.measure, method: figure?.method, coverage: figure?.coverage, by: figure?.registeredBy },
      { value: 11, measure: 'course-attendances', method: 'course-register', coverage: { daysCounted: 2, daysOpen: 3 }, by: ['Kursusleder'] },
    );
    assert.equal(courseAttendanceFigure('o', [{ date: '2026-11-17', present: 0, marked: false }], registered, '2026-11-01', '2026-11-30'), null);
  });
});
