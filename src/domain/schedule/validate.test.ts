import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openingRule } from '../../../test/support/schedule.ts';
import { type Activity, everyWeek, type Schedule } from './model.ts';
import { validateActivity, validateSchedule } from './validate.ts';

const rule = openingRule;
const schedule = (extra: Partial<Schedule>): Schedule => ({
  rules: [],
  exceptions: [],
  holidays: { standard: 'closed', rules: [] },
  ...extra,
});
const problems = (s: Schedule) => validateSchedule(s).map((problem) => `${problem.field}: ${problem.message}`);

describe('A schedule that cannot be right is refused with the field named', () => {
  it('accepts ordinary hours with a lunch break and a user-run evening', () => {
    assert.deepEqual(
      problems(
        schedule({
          rules: [rule(1, '09:00', '12:00'), rule(1, '13:00', '16:00'), rule(1, '18:00', '24:00', { isUserRun: true, isStaffPresent: false })],
        }),
      ),
      [],
    );
  });

  it('refuses a closing time before the opening time', () => {
    assert.deepEqual(problems(schedule({ rules: [rule(2, '16:00', '10:00')] })), [
      'rules.0.closes: Åbningstid 1 (tirsdag): lukketiden 10:00 skal ligge efter åbningstiden 16:00. Åbent over midnat skrives som to tidsrum (fx 22:00–24:00 og 00:00–02:00 dagen efter).',
    ]);
  });

  it('refuses something that is not a time', () => {
    assert.match(problems(schedule({ rules: [rule(2, '9.30', '16:00')] }))[0]!, /^rules\.0\.opens: .*«9\.30» er ikke et klokkeslæt/);
  });

  it('refuses overlapping periods on the same day, but not every-other-week rules that never meet', () => {
    assert.match(problems(schedule({ rules: [rule(3, '10:00', '14:00'), rule(3, '13:00', '17:00')] }))[0]!, /^rules\.1\.opens: .*overlapper/);
    const odd = { kind: 'weekly' as const, interval: 2, anchor: '2026-11-23' };
    const even = { kind: 'weekly' as const, interval: 2, anchor: '2026-11-30' };
    assert.deepEqual(
      problems(schedule({ rules: [rule(3, '10:00', '14:00', { recurrence: odd }), rule(3, '12:00', '17:00', { recurrence: even })] })),
      [],
    );
  });

  it('refuses a pattern that never occurs in its season', () => {
    const fifthMondayInFebruary = rule(1, '10:00', '12:00', {
      recurrence: { kind: 'monthly', nth: 5 },
      validFrom: '2027-02-01',
      validTo: '2027-02-28',
    });
    assert.match(problems(schedule({ rules: [fifthMondayInFebruary] }))[0]!, /^rules\.0\.recurrence: .*falder aldrig/);
  });

  it('refuses an exception outside the period the hours are valid in', () => {
    const s = schedule({
      rules: [rule(1, '10:00', '12:00', { validFrom: '2026-01-01', validTo: '2026-06-30' })],
      exceptions: [{ id: 'e', from: '2026-12-24', to: '2026-12-24', kind: 'closed', periods: [], reason: null, isExample: false }],
    });
    assert.match(problems(s)[0]!, /^exceptions\.0\.from: .*efter åbningstiderne er ophørt/);
  });

  it('refuses two exceptions on the same day and an exception with hours but no periods', () => {
    const closed = { id: 'e', from: '2026-12-01', to: '2026-12-05', kind: 'closed' as const, periods: [], reason: null, isExample: false };
    const s = schedule({ exceptions: [closed, { ...closed, id: 'f', from: '2026-12-05', to: '2026-12-06', kind: 'hours' }] });
    assert.deepEqual(
      validateSchedule(s).map((problem) => problem.field),
      ['exceptions.1.periods'],
    );
    assert.deepEqual(
      validateSchedule(schedule({ exceptions: [closed, { ...closed, id: 'f', from: '2026-12-05', to: '2026-12-06' }] })).map(
        (problem) => problem.field,
      ),
      ['exceptions.1.from'],
    );
  });

  it('refuses a holiday rule for a day that is not a holiday', () => {
    const s = schedule({ holidays: { standard: 'closed', rules: [{ holiday: 'fastelavn' as never, kind: 'closed', periods: [] }] } });
    assert.deepEqual(problems(s), [
      'holidays.rules.0.holiday: Helligdag 1: «fastelavn» er ikke en helligdag. Brug en undtagelse for andre datoer.',
    ]);
  });

  it('refuses a date that does not exist', () => {
    assert.match(problems(schedule({ rules: [rule(1, '10:00', '12:00', { validFrom: '2026-02-30' })] }))[0]!, /^rules\.0\.validFrom: .*ikke en dato/);
  });
});

describe('An activity that cannot be right is refused', () => {
  const activity: Activity = {
    id: 'a',
    name: 'Gåtur',
    description: null,
    kind: 'excursion',
    when: { kind: 'repeats', weekday: 2, recurrence: everyWeek, validFrom: null, validTo: null },
    startsAt: '10:00',
    endsAt: '11:00',
    place: null,
    isUserRun: false,
    cancelledOn: [],
    isExample: false,
  };

  it('accepts a weekly walk and refuses one that ends before it starts or is held at a place without a name', () => {
    assert.deepEqual(validateActivity(activity), []);
    assert.deepEqual(
      validateActivity({
        ...activity,
        endsAt: '09:00',
        place: { name: ' ', address: null, postcode: null, city: null, latitude: null, longitude: null },
      }).map((problem) => problem.field),
      ['activity.endsAt', 'activity.place.name'],
    );
  });
});
