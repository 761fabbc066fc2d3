import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { finderCutoff, freshnessOf, isListedInFinder, ownerOf, stateRank } from './freshness.ts';
import { copenhagenDate } from './time.ts';

const platformStart = new Date('2026-11-23T09:00:00Z');
const at = (iso: string) => new Date(iso);
const never = { verifiedAt: null, clockStart: platformStart };

describe('Freshness of a public record', () => {
  it('counts a record never verified from the day the platform started, so the seeded range starts fresh', () => {
    const today = freshnessOf(never, at('2026-11-23T12:00:00Z'));
    assert.equal(today.state, 'fresh');
    assert.equal(today.verifiedOn, null);
    assert.equal(today.countsFrom, '2026-11-23');
    assert.equal(isListedInFinder(never, at('2027-08-23T12:00:00Z')), true);
  });

  it('opens the reminder window 30 days before the warning, warns after about 6 months and leaves the finder after about 9', () => {
    const verified = { verifiedAt: at('2026-01-10T10:00:00Z'), clockStart: platformStart };
    const dates = freshnessOf(verified, at('2026-01-10T10:00:00Z'));
    assert.deepEqual([dates.remindOn, dates.warnOn, dates.expiresOn], ['2026-06-12', '2026-07-12', '2026-10-11']);
    assert.equal(freshnessOf(verified, at('2026-06-11T21:59:00Z')).state, 'fresh');
    // Midnight in Copenhagen (summer time, UTC+2) is where the day changes, not midnight UTC.
    assert.equal(freshnessOf(verified, at('2026-06-11T22:00:00Z')).state, 'due_soon');
    assert.equal(freshnessOf(verified, at('2026-07-12T08:00:00Z')).state, 'stale');
    assert.equal(freshnessOf(verified, at('2026-10-11T08:00:00Z')).state, 'expired');
    assert.equal(isListedInFinder(verified, at('2026-10-10T08:00:00Z')), true);
    assert.equal(isListedInFinder(verified, at('2026-10-11T08:00:00Z')), false);
  });

  it('uses the verification, not the clock start, once there is one', () => {
    const record = { verifiedAt: at('2027-05-01T10:00:00Z'), clockStart: platformStart };
    assert.equal(freshnessOf(record, at('2027-09-01T10:00:00Z')).state, 'fresh');
    assert.equal(freshnessOf(record, at('2027-09-01T10:00:00Z')).verifiedOn, '2027-05-01');
  });

  it('answers for a municipal offering with its centre and for a self-governing one with its operator', () => {
    const centre = { id: 'c', name: 'Center Amager' };
    const operator = { id: 'o', name: 'Fountain House' };
    assert.equal(ownerOf({ ownership: 'municipal', centre, operator }), centre);
    assert.equal(ownerOf({ ownership: 'self_governing', centre, operator }), operator);
    assert.equal(ownerOf({ ownership: 'self_governing', centre, operator: null }), centre);
    assert.equal(ownerOf({ ownership: null, centre: null, operator }), operator);
    assert.equal(ownerOf({ ownership: null, centre: null, operator: null }), null);
  });

  const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true });
  const record = fc.record({ verifiedAt: fc.option(instant, { nil: null }), clockStart: instant });

  it('never goes back to an earlier state as time passes (property)', () => {
    fc.assert(
      fc.property(record, instant, instant, (item, a, b) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        assert.ok(stateRank(freshnessOf(item, earlier).state) <= stateRank(freshnessOf(item, later).state));
      }),
    );
  });

  it('is fresh again the moment it is verified, whatever state it was in (property)', () => {
    fc.assert(
      fc.property(record, instant, (item, now) => {
        const verified = { ...item, verifiedAt: now };
        assert.equal(freshnessOf(verified, now).state, 'fresh');
        assert.equal(freshnessOf(verified, now).verifiedOn, copenhagenDate(now));
        assert.equal(isListedInFinder(verified, now), true);
      }),
    );
  });

  it('the finder cutoff date says the same as the rule for each record (property)', () => {
    fc.assert(
      fc.property(record, instant, (item, now) => {
        const countsFrom = freshnessOf(item, now).countsFrom;
        assert.equal(countsFrom > finderCutoff(now), isListedInFinder(item, now));
      }),
    );
  });
});
