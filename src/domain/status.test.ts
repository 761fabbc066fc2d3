import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type StatusEvent, statusKinds, statusOn } from './status.ts';

const event = (overrides: Partial<StatusEvent>): StatusEvent => ({
  status: 'active',
  occursOn: null,
  recordedOn: null,
  isBaseline: false,
  relatedOfferingId: null,
  note: null,
  ...overrides,
});
const baselineActive = event({ status: 'active', isBaseline: true });

describe('status over time', () => {
  it('Milepælen is open, then closing in its transition period, then closed after 16 December 2015', () => {
    const events = [
      baselineActive,
      event({ status: 'closing', recordedOn: '2015-11-27', occursOn: '2015-12-16' }),
    ];
    assert.equal(statusOn(events, '2015-06-01').state, 'active');
    const transition = statusOn(events, '2015-12-01');
    assert.equal(transition.state, 'closing');
    assert.deepEqual(transition.planned, { kind: 'closing', on: '2015-12-16', relatedOfferingId: null });
    const after = statusOn(events, '2016-01-01');
    assert.equal(after.state, 'closed');
    assert.equal(after.since, '2015-12-16');
    assert.equal(after.planned, null);
  });

  it('a merger decided in the 2016 model without a date keeps the place open but closing, naming where it goes', () => {
    const events = [baselineActive, event({ status: 'merged_into', recordedOn: '2016-02-04', relatedOfferingId: 'multihus' })];
    assert.equal(statusOn(events, '2016-02-03').state, 'active');
    const now = statusOn(events, '2026-11-23');
    assert.equal(now.state, 'closing');
    assert.deepEqual(now.planned, { kind: 'merged_into', on: null, relatedOfferingId: 'multihus' });
  });

  it('a proposed offering is unknown before the proposal and proposed after it; a dated opening makes it active', () => {
    const events = [
      event({ status: 'proposed', recordedOn: '2016-02-04' }),
      event({ status: 'opens', recordedOn: '2016-06-01', occursOn: '2017-01-02' }),
    ];
    assert.equal(statusOn(events, '2016-01-01').state, 'unknown');
    assert.equal(statusOn(events, '2016-03-01').state, 'proposed');
    const planned = statusOn(events, '2016-08-01');
    assert.equal(planned.state, 'proposed');
    assert.equal(planned.planned?.kind, 'opens');
    assert.equal(statusOn(events, '2017-01-02').state, 'active');
  });

  it('an undated closure stated in a source counts as closed from the day it was recorded', () => {
    const events = [baselineActive, event({ status: 'closed', recordedOn: '2015-11-27' })];
    assert.equal(statusOn(events, '2015-11-26').state, 'active');
    assert.equal(statusOn(events, '2015-11-27').state, 'closed');
  });

  it('a planned move keeps the place active', () => {
    const events = [baselineActive, event({ status: 'moved', recordedOn: '2020-01-01', occursOn: '2020-06-01' })];
    assert.equal(statusOn(events, '2020-03-01').state, 'active');
    assert.equal(statusOn(events, '2020-03-01').planned?.kind, 'moved');
    assert.equal(statusOn(events, '2020-07-01').state, 'active');
  });

  const day = fc
    .date({ min: new Date('2010-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
  const anyEvent = fc.record({
    status: fc.constantFrom(...statusKinds),
    occursOn: fc.option(day, { nil: null }),
    recordedOn: fc.option(day, { nil: null }),
    isBaseline: fc.constant(false),
    relatedOfferingId: fc.option(fc.constantFrom('a', 'b'), { nil: null }),
    note: fc.constant(null),
  });

  it('the order events are stored in never changes the answer', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(anyEvent, { maxLength: 6 }), day, (hasBaseline, changes, date) => {
        const events = hasBaseline ? [baselineActive, ...changes] : changes;
        // Two things happening on the same day have no order but the stored one; only distinct days are compared.
        const days = changes.flatMap((item) => [item.occursOn, item.recordedOn]).filter((value) => value !== null);
        fc.pre(new Set(days).size === days.length);
        const forward = statusOn(events, date);
        const backward = statusOn([...events].reverse(), date);
        assert.equal(forward.state, backward.state);
        assert.equal(forward.since, backward.since);
      }),
      { numRuns: 300 },
    );
  });

  it('once a dated closure has taken effect, the place stays closed until something reopens it', () => {
    fc.assert(
      fc.property(day, day, day, (recorded, closes, later) => {
        const [first, second] = [recorded, closes].sort() as [string, string];
        const events = [baselineActive, event({ status: 'closing', recordedOn: first, occursOn: second })];
        const state = statusOn(events, later).state;
        if (later >= second) assert.equal(state, 'closed');
        else if (later >= first) assert.equal(state, 'closing');
        else assert.equal(state, 'active');
      }),
      { numRuns: 300 },
    );
  });

  it('with no events nothing is known', () => {
    assert.deepEqual(statusOn([], '2026-01-01'), { state: 'unknown', since: null, planned: null, lastEvent: null });
  });
});
