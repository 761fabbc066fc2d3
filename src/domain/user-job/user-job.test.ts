import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { holderDeleteAfterEnd, readHolder, readJob } from './user-job.ts';

describe('user jobs', () => {
  it('reads a job with its hours and how to apply, and says what is missing in plain Danish', () => {
    const read = readJob({ kind: 'cafe', title: 'Caféhjælper', description: 'Kaffe og kage om formiddagen.', hours: '6', seats: '', howToApply: 'Spørg i caféen.' });
    assert.ok(read.ok);
    assert.equal(read.job.seats, 1);
    const bad = readJob({ kind: 'x', title: '', description: '', hours: '60', seats: '0', howToApply: '' });
    assert.ok(!bad.ok);
    assert.deepEqual(bad.problems.map((problem) => problem.field), ['kind', 'title', 'description', 'hours', 'seats', 'howToApply']);
  });

  it('takes a holder by first name, without a contact, and keeps the record two years or a year after they stop', () => {
    const read = readHolder({ name: ' Ali ', contact: '', since: '' }, '2026-11-23');
    assert.ok(read.ok);
    assert.deepEqual(read.holder, { name: 'Ali', contact: null, since: '2026-11-23', deleteAfter: '2028-11-22' });
    assert.equal(holderDeleteAfterEnd('2026-11-23'), '2027-11-23');
    const future = readHolder({ name: 'Ali', contact: '', since: '2027-01-01' }, '2026-11-23');
    assert.ok(!future.ok);
    assert.match(future.problems[0]!.message, /ikke er kommet endnu/);
  });
});
