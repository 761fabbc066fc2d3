import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scheduleFingerprint } from '../../app/edit-schedule.ts';
import { validateSchedule } from '../../domain/schedule/validate.ts';
import { fieldIdOf, readActivityForm, readDate, readScheduleForm, readTime } from './schedule-form.ts';

describe('The hours form read into a schedule', () => {
  it('reads times and dates the way people write them, and keeps anything else as typed for the validation to name', () => {
    assert.deepEqual(['9', '9.30', '9:30', '16:00', '24', 'ni', '9.3'].map(readTime), ['09:00', '09:30', '09:30', '16:00', '24:00', 'ni', '9.3']);
    assert.deepEqual(['2026-12-24', '24-12-2026', '1.6.2027', '24/12/2026', 'juleaften'].map(readDate), ['2026-12-24', '2026-12-24', '2027-06-01', '2026-12-24', 'juleaften']);
  });

  it('leaves out empty rows and rows marked for removal, and keeps ids of existing rows', () => {
    const id = '3f1c8a52-2b4e-4a43-9d0c-6b3f0f4c2a11';
    const { schedule, readAt, intent } = readScheduleForm({
      readAt: 'abc',
      'rules.0.id': id,
      'rules.0.weekday': '1',
      'rules.0.opens': '10',
      'rules.0.closes': '16',
      'rules.0.staffing': 'user_alone',
      'rules.0.recurrence': 'w2',
      'rules.0.recurrence.anchor': '23-11-2026',
      'rules.1.id': crypto.randomUUID(),
      'rules.1.weekday': '2',
      'rules.1.opens': '10:00',
      'rules.1.closes': '12:00',
      'rules.1.remove': 'ja',
      'rules.2.id': '',
      'rules.2.weekday': '',
      'rules.2.opens': '',
      'rules.2.closes': '',
      'rules.2.staffing': 'staff',
      'rules.2.recurrence': 'w1',
      handling: 'vis',
    });
    assert.equal(readAt, 'abc');
    assert.equal(intent, 'preview');
    assert.deepEqual(schedule.rules, [
      {
        id,
        weekday: 1,
        opens: '10:00',
        closes: '16:00',
        isUserRun: true,
        isStaffPresent: false,
        recurrence: { kind: 'weekly', interval: 2, anchor: '2026-11-23' },
        validFrom: null,
        validTo: null,
        description: null,
        isExample: false,
      },
    ]);
  });

  it('reads an exception of one day, weekday-specific periods, and the holidays with rules of their own', () => {
    const { schedule } = readScheduleForm({
      'exceptions.0.kind': 'hours',
      'exceptions.0.from': '2026-12-28',
      'exceptions.0.reason': 'Mellem jul og nytår',
      'exceptions.0.periods.0.opens': '10:00',
      'exceptions.0.periods.0.closes': '13:00',
      'exceptions.0.periods.0.weekdays.1': 'ja',
      'exceptions.0.periods.0.weekdays.3': 'ja',
      'exceptions.0.periods.1.opens': '',
      'exceptions.0.periods.1.closes': '',
      'exceptions.1.kind': 'closed',
      'exceptions.1.from': '',
      'holidays.standard': 'open',
      'holidays.juleaftensdag.kind': 'hours',
      'holidays.juleaftensdag.periods.0.opens': '14',
      'holidays.juleaftensdag.periods.0.closes': '20',
      'holidays.nytaarsaftensdag.kind': 'closed',
      'holidays.nytaarsaftensdag.periods.0.opens': '10:00',
      'holidays.juledag.kind': 'standard',
    });
    assert.equal(schedule.exceptions.length, 1);
    assert.deepEqual(schedule.exceptions[0]!.periods, [{ opens: '10:00', closes: '13:00', isUserRun: false, isStaffPresent: true, weekdays: [1, 3] }]);
    assert.equal(schedule.exceptions[0]!.to, '2026-12-28');
    assert.deepEqual(schedule.holidays, {
      standard: 'open',
      rules: [
        { holiday: 'juleaftensdag', kind: 'hours', periods: [{ opens: '14:00', closes: '20:00', isUserRun: false, isStaffPresent: true }] },
        { holiday: 'nytaarsaftensdag', kind: 'closed', periods: [] },
      ],
    });
    assert.deepEqual(validateSchedule(schedule), []);
  });

  it('puts each problem at the form element that holds it', () => {
    const { schedule } = readScheduleForm({
      'rules.0.weekday': '4',
      'rules.0.opens': '10:00',
      'rules.0.closes': '12:00',
      'rules.0.recurrence': 'w3',
      'holidays.juleaftensdag.kind': 'hours',
    });
    const at = validateSchedule(schedule).map((problem) => fieldIdOf(problem.field, schedule));
    assert.deepEqual(at, ['rules.0.recurrence.anchor', 'holidays.juleaftensdag.periods.0.opens']);
    assert.equal(fieldIdOf('rules.2.isStaffPresent', schedule), 'rules.2.staffing');
    assert.equal(fieldIdOf('rules.2.recurrence.interval', schedule), 'rules.2.recurrence');
  });

  it('gives the same fingerprint to the same schedule in any order, and another to any change', () => {
    const { schedule } = readScheduleForm({
      'rules.0.id': '3f1c8a52-2b4e-4a43-9d0c-6b3f0f4c2a11',
      'rules.0.weekday': '1',
      'rules.0.opens': '10:00',
      'rules.0.closes': '16:00',
      'rules.1.id': '3f1c8a52-2b4e-4a43-9d0c-6b3f0f4c2a12',
      'rules.1.weekday': '2',
      'rules.1.opens': '10:00',
      'rules.1.closes': '16:00',
    });
    const reversed = { ...schedule, rules: [...schedule.rules].reverse() };
    assert.equal(scheduleFingerprint(reversed), scheduleFingerprint(schedule));
    const later = { ...schedule, rules: schedule.rules.map((rule, index) => (index === 0 ? { ...rule, closes: '17:00' } : rule)) };
    assert.notEqual(scheduleFingerprint(later), scheduleFingerprint(schedule));
  });
});

describe('The activity form read into an activity', () => {
  it('reads one held elsewhere, and drops the place when «på stedet» is chosen', () => {
    const fields = {
      'activity.name': ' Strikkecafé ',
      'activity.kind': 'workshop',
      'activity.when.kind': 'repeats',
      'activity.when.weekday': '3',
      'activity.when.recurrence': 'm-1',
      'activity.startsAt': '17',
      'activity.endsAt': '',
      'activity.where': 'elsewhere',
      'activity.place.name': 'Sundby Bibliotek',
      'activity.place.postcode': '2300',
      'activity.isUserRun': 'ja',
    };
    const { activity } = readActivityForm(fields, 'id-1', null);
    assert.equal(activity.name, 'Strikkecafé');
    assert.deepEqual(activity.when, { kind: 'repeats', weekday: 3, recurrence: { kind: 'monthly', nth: -1 }, validFrom: null, validTo: null });
    assert.equal(activity.startsAt, '17:00');
    assert.equal(activity.endsAt, null);
    assert.equal(activity.place?.name, 'Sundby Bibliotek');
    assert.equal(activity.place?.address, null);
    assert.equal(activity.isUserRun, true);
    assert.equal(readActivityForm({ ...fields, 'activity.where': 'here' }, 'id-1', null).activity.place, null);
  });

  it('keeps the cancelled dates that are still ticked', () => {
    const existing = readActivityForm({ 'activity.name': 'Musik' }, 'id-2', null).activity;
    const withDates = { ...existing, cancelledOn: ['2026-12-01', '2026-12-08'] };
    const { activity } = readActivityForm({ 'activity.name': 'Musik', 'activity.cancelledOn.1': '2026-12-08' }, 'id-2', withDates);
    assert.deepEqual(activity.cancelledOn, ['2026-12-08']);
  });
});
