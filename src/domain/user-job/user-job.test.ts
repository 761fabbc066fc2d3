import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applicationDeleteAfter, holderDeleteAfterEnd, jobDeletionRefusal, readHolder, readJob, readJobApplication } from './user-job.ts';

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

  it('reads an application: a first name and a phone or «I come by», nothing else required', () => {
    assert.deepEqual(readJobApplication({ name: ' Mette ', phone: '', comesBy: true, message: '' }), { ok: true, application: { name: 'Mette', phone: null, comesBy: true, message: null } });
    const neither = readJobApplication({ name: 'Mette', phone: '', comesBy: false, message: '' });
    assert.ok(!neither.ok);
    assert.match(neither.problems[0]!.message, /Skriv et telefonnummer, eller sæt kryds/);
    const english = readJobApplication({ name: '', phone: '123', comesBy: false, message: 'x'.repeat(501) }, 'en');
    assert.ok(!english.ok);
    assert.deepEqual(english.problems.map((problem) => problem.field), ['name', 'phone', 'message']);
    assert.match(english.problems[1]!.message, /phone number with 8 digits/);
    assert.equal(applicationDeleteAfter('2026-11-23'), '2027-02-21');
  });

  it('refuses to delete a job someone holds or an application waits on', () => {
    assert.equal(jobDeletionRefusal({ holding: 0, unanswered: 0 }), null);
    assert.match(jobDeletionRefusal({ holding: 2, unanswered: 1 })!, /^2 brugere har jobbet nu\. Skriv dem ud/);
    assert.match(jobDeletionRefusal({ holding: 0, unanswered: 3 })!, /^Der er 3 ubesvarede ansøgninger/);
  });
});
