import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openingRule, scheduleOf } from '../../../test/support/schedule.ts';
import { type Activity, everyWeek } from './model.ts';
import { diffActivity, diffSchedules } from './schedule-diff.ts';

const span = (from: string, to: string) => `${from}\u2060–\u2060${to}`;
const lines = (diff: ReturnType<typeof diffSchedules>) => diff.map((line) => `${line.what}: ${line.before ?? '–'} → ${line.after ?? '–'}`);

describe('What changed between two schedules, in the words the pages use', () => {
  it('names added, removed and changed periods by their id, and nothing when nothing visible changed', () => {
    const monday = openingRule(1, '10:00', '16:00', { id: 'a' });
    const tuesday = openingRule(2, '10:00', '16:00', { id: 'b' });
    const before = scheduleOf([monday, tuesday]);
    const after = scheduleOf([{ ...monday, closes: '15:00' }, openingRule(6, '11:00', '13:00', { id: 'c', isUserRun: true, isStaffPresent: false })]);
    assert.deepEqual(lines(diffSchedules(before, after)), [
      `Ændret fast åbningstid: Hver mandag ${span('10:00', '16:00')} → Hver mandag ${span('10:00', '15:00')}`,
      `Fjernet fast åbningstid: Hver tirsdag ${span('10:00', '16:00')} → –`,
      `Ny fast åbningstid: – → Hver lørdag ${span('11:00', '13:00')} (brugerstyret) – brugerstyret, uden personale`,
    ]);
    assert.deepEqual(diffSchedules(before, { ...before, rules: [{ ...monday, isExample: true }, tuesday] }), []);
  });

  it('names exceptions, the holiday standard and each holiday\'s own rule', () => {
    const before = scheduleOf([], { holidays: { standard: 'closed', rules: [{ holiday: 'juleaftensdag', kind: 'closed', periods: [] }] } });
    const after = scheduleOf([], {
      exceptions: [{ id: 'x', from: '2026-12-27', to: '2026-12-27', kind: 'closed', periods: [], reason: 'Personaledag', isExample: false }],
      holidays: { standard: 'open', rules: [{ holiday: 'nytaarsaftensdag', kind: 'closed', periods: [] }] },
    });
    assert.deepEqual(lines(diffSchedules(before, after)), [
      'Ny undtagelse: – → 27. december 2026: lukket – Personaledag',
      'Helligdage som udgangspunkt: Lukket på helligdage → Almindelige åbningstider på helligdage',
      'Juleaftensdag: lukket → som udgangspunkt (almindelige åbningstider)',
      'Nytårsaftensdag: som udgangspunkt (lukket) → lukket',
    ]);
  });
});

describe('What changed in an activity', () => {
  const dining: Activity = {
    id: 'd',
    name: 'Fællesspisning',
    description: null,
    kind: 'dining',
    when: { kind: 'repeats', weekday: 2, recurrence: everyWeek, validFrom: null, validTo: null },
    startsAt: '12:00',
    endsAt: '13:30',
    place: null,
    isUserRun: false,
    cancelledOn: [],
    isExample: false,
  };

  it('lists only the facts that differ, and every fact of a new or removed activity', () => {
    assert.deepEqual(diffActivity(dining, { ...dining, startsAt: '12:30', cancelledOn: ['2026-12-01'] }), [
      { what: 'Hvornår', before: `Hver tirsdag kl. ${span('12:00', '13:30')}`, after: `Hver tirsdag kl. ${span('12:30', '13:30')}` },
      { what: 'Aflyste datoer', before: 'Ingen', after: '1. december 2026' },
    ]);
    assert.equal(diffActivity(null, dining).length, 7);
    assert.ok(diffActivity(dining, null).every((line) => line.after === null));
    assert.deepEqual(diffActivity(null, null), []);
  });
});
