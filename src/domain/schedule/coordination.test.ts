import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openingRule, scheduleOf } from '../../../test/support/schedule.ts';
import { bandInterval, coverageMatrix, isGap, isPileUp, timeBands } from './coordination.ts';
import type { OpeningRule, } from './model.ts';
import { Timetable } from './timetable.ts';

const rule = openingRule;
const schedule = (rules: OpeningRule[]) => scheduleOf(rules);

describe('the coordination matrix', () => {
  const week = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];
  const timetable = new Timetable(
    [
      { id: 'day', schedule: schedule([1, 2, 3, 4, 5].map((day) => rule(day, '10:00', '16:00'))), activities: [] },
      { id: 'evening', schedule: schedule([rule(7, '17:30', '21:00')]), activities: [] },
      { id: 'night', schedule: schedule([rule(6, '22:00', '24:00')]), activities: [] },
    ],
    week[0]!,
    8,
  );
  const places = [
    { index: 0, district: 'Amager Øst', isSocial: true },
    { index: 1, district: 'Amager Øst', isSocial: false },
    { index: 2, district: 'Nørrebro', isSocial: true },
  ];
  const rows = coverageMatrix(timetable, places, ['Amager Øst', 'Nørrebro'], week);
  const cell = (district: number, day: number, band: number) => rows[district]!.cells[day * timeBands.length + band]!;
  const byIndex = new Map(places.map((place) => [place.index, place]));

  it('counts a place in every band it is open in, even for part of it', () => {
    assert.deepEqual(cell(0, 0, 0).open, [0], 'Monday morning 10–12');
    assert.deepEqual(cell(0, 0, 1).open, [0], 'Monday afternoon 12–16');
    assert.deepEqual(cell(0, 0, 2).open, [], 'Monday evening');
    assert.deepEqual(cell(0, 6, 2).open, [1], 'Sunday evening 17:30–21');
    assert.deepEqual(cell(1, 5, 3).open, [2], 'Saturday night 22–24');
  });

  it('calls a day band without a social place a gap, but not a night, and three at once a pile-up', () => {
    assert.equal(isGap(cell(0, 6, 2), byIndex), true, 'Sunday evening on Amager has only a place that is not social');
    assert.equal(isGap(cell(0, 0, 0), byIndex), false);
    assert.equal(isGap(cell(1, 0, 3), byIndex), false, 'nights are shown but not called gaps');
    assert.equal(isPileUp(cell(0, 0, 0)), false);
    assert.equal(isPileUp({ date: week[0]!, band: 'morning', open: [1, 2, 3] }), true);
  });

  it('lets the night band run to six the next morning, also across the autumn clock change', () => {
    const night = timeBands[3];
    const { from, to } = bandInterval('2026-10-24', night);
    assert.equal(new Date(from).toISOString(), '2026-10-24T20:00:00.000Z');
    assert.equal((to - from) / 3_600_000, 9, 'the night the clocks go back is an hour longer');
  });
});
