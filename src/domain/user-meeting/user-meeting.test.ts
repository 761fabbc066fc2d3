import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { movesUp, outcomeOf, placeFor, readMeeting, readRegistration, readTally, registrationDeleteAfter } from './user-meeting.ts';

describe('registering for the user meeting', () => {
  const base = { name: 'Maja', phone: '', meetsAtOffering: false, accessNeeds: '', interpreter: '' };

  it('asks for a phone or «meets at the offering», and takes either', () => {
    const neither = readRegistration(base);
    assert.equal(neither.ok, false);
    assert.match(neither.ok ? '' : neither.problems[0]!.message, /telefonnummer, eller sæt kryds/);
    assert.deepEqual(readRegistration({ ...base, meetsAtOffering: true }), { ok: true, registration: { name: 'Maja', phone: null, meetsAtOffering: true, accessNeeds: null, interpreter: null } });
    const phoned = readRegistration({ ...base, phone: '22 33 44 55', interpreter: ' arabisk ' });
    assert.equal(phoned.ok && phoned.registration.interpreter, 'arabisk');
  });

  it('refuses a phone that cannot be one and a missing name, in plain Danish', () => {
    const read = readRegistration({ ...base, name: '  ', phone: '123' });
    assert.equal(read.ok, false);
    assert.deepEqual(read.ok ? [] : read.problems.map((problem) => problem.field), ['name', 'phone']);
    assert.match(read.ok ? '' : read.problems[1]!.message, /8 cifre/);
  });

  it('is deleted a month after the meeting', () => {
    assert.equal(registrationDeleteAfter('2027-03-18'), '2027-04-17');
  });
});

describe('the waiting list', () => {
  it('gives a seat while there is one, then a place in line', () => {
    assert.equal(placeFor(199, 200), 'registered');
    assert.equal(placeFor(200, 200), 'waiting');
  });

  it('moves up those who waited longest, no more than the free seats', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 1000 })), fc.integer({ min: 0, max: 20 }), (positions, free) => {
        const moved = movesUp(positions.map((position) => ({ position })), free);
        assert.equal(moved.length, Math.min(free, positions.length));
        const cut = moved.at(-1)?.position ?? -Infinity;
        assert.ok(positions.filter((position) => position <= cut).length === moved.length, 'nobody who came earlier is passed over');
      }),
    );
  });
});

describe('the meeting and its votes', () => {
  it('reads a meeting and says what is wrong', () => {
    const read = readMeeting({ title: 'Brugermødet 2027', heldOn: '2027-02-30', startsAt: '25:00', place: 'Rådhuset', seats: '0', agenda: 'Velkomst' });
    assert.deepEqual(read.ok ? [] : read.problems.map((problem) => problem.field), ['heldOn', 'startsAt', 'seats']);
    assert.equal(readMeeting({ title: 'Brugermødet 2027', heldOn: '2027-03-18', startsAt: '13:00', place: 'Rådhuset', seats: '200', agenda: 'Velkomst' }).ok, true);
  });

  it('takes tallies counted in the room, no more votes than seats, and a tie is not adopted', () => {
    const read = readTally({ for: '120', against: '60', blank: '' }, 200);
    assert.deepEqual(read, { ok: true, tally: { for: 120, against: 60, blank: 0 } });
    const tooMany = readTally({ for: '150', against: '60', blank: '0' }, 200);
    assert.match(tooMany.ok ? '' : tooMany.problems[0]!.message, /210 stemmer, men kun 200 pladser/);
    assert.match((readTally({ for: 'mange', against: '0', blank: '0' }, 200) as { problems: { message: string }[] }).problems[0]!.message, /helt tal/);
    assert.equal(outcomeOf({ for: 10, against: 10, blank: 3 }), 'not_adopted');
    assert.equal(outcomeOf({ for: 11, against: 10, blank: 0 }), 'adopted');
  });
});
