import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { copenhagenDate, copenhagenWallTimeToInstant, formatDanishDate } from './time.ts';

describe('Copenhagen time, whatever the server zone', () => {
  it('late evening in UTC is already the next day in Copenhagen', () => {
    assert.equal(copenhagenDate(new Date('2026-06-30T22:30:00Z')), '2026-07-01');
    assert.equal(copenhagenDate(new Date('2026-12-31T22:59:00Z')), '2026-12-31');
    assert.equal(copenhagenDate(new Date('2026-12-31T23:00:00Z')), '2027-01-01');
  });

  it('wall time in winter is UTC+1 and in summer UTC+2', () => {
    assert.equal(copenhagenWallTimeToInstant(2026, 1, 15, 9, 0).toISOString(), '2026-01-15T08:00:00.000Z');
    assert.equal(copenhagenWallTimeToInstant(2026, 7, 15, 9, 0).toISOString(), '2026-07-15T07:00:00.000Z');
  });

  it('02:30 on the spring change does not exist and is read as 03:30 summer time', () => {
    assert.equal(copenhagenWallTimeToInstant(2026, 3, 29, 2, 30).toISOString(), '2026-03-29T01:30:00.000Z');
  });

  it('02:30 on the autumn change happens twice and the first is chosen', () => {
    assert.equal(copenhagenWallTimeToInstant(2026, 10, 25, 2, 30).toISOString(), '2026-10-25T00:30:00.000Z');
  });

  it('every wall time maps back to the same Copenhagen date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2040 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        (year, month, day, hour) => {
          const instant = copenhagenWallTimeToInstant(year, month, day, hour, 0);
          const expected = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          assert.equal(copenhagenDate(instant), expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('dates are written the Danish way', () => {
    assert.equal(formatDanishDate('2015-12-16'), '16. december 2015');
  });
});
