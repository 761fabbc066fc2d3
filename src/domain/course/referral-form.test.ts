import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDanishDate, readMove, readReferralForm } from './referral-form.ts';

const filled = {
  course: '0b6c1d52-8f0e-4a53-9a4e-6f1f3c1d2e3f',
  citizenName: '  Mira  ',
  citizenContact: '+45 12 34 56 78',
  organisation: 'Voksenenheden',
  consentGiven: true,
  shared: 'Fornavn og telefonnummer',
  sharedWith: 'Holdlederne',
  until: '31.12.2027',
};

describe('the referral form', () => {
  it('reads a filled form: the name trimmed, the phone as eight digits, the date as a Copenhagen date', () => {
    const read = readReferralForm(filled, '2026-11-23');
    assert.ok('referral' in read);
    assert.equal(read.referral.citizenName, 'Mira');
    assert.equal(read.referral.citizenContact, '12345678');
    assert.deepEqual(read.referral.consent, { shared: 'Fornavn og telefonnummer', sharedWith: 'Holdlederne', until: '2027-12-31' });
  });

  it('refuses a referral without consent, naming every field that is missing', () => {
    const read = readReferralForm({ ...filled, course: '', citizenName: '', organisation: '', consentGiven: false, shared: '', until: '' }, '2026-11-23');
    assert.ok('problems' in read);
    assert.deepEqual(read.problems.map((problem) => problem.field).sort(), ['citizenName', 'consentGiven', 'course', 'organisation', 'shared', 'until']);
    assert.match(read.problems.find((problem) => problem.field === 'consentGiven')!.message, /samtykke/);
  });

  it('refuses a consent that has run out, an impossible date and a contact that is neither email nor phone', () => {
    const past = readReferralForm({ ...filled, until: '22.11.2026' }, '2026-11-23');
    assert.ok('problems' in past && past.problems[0]!.message.includes('overskredet'));
    const impossible = readReferralForm({ ...filled, until: '31.02.2027' }, '2026-11-23');
    assert.ok('problems' in impossible && impossible.problems[0]!.field === 'until');
    const contact = readReferralForm({ ...filled, citizenContact: 'ring til mig' }, '2026-11-23');
    assert.ok('problems' in contact && contact.problems[0]!.field === 'citizenContact');
  });

  it('reads dates as people write them', () => {
    assert.equal(readDanishDate('1.2.2027'), '2027-02-01');
    assert.equal(readDanishDate('01/02-2027'), '2027-02-01');
    assert.equal(readDanishDate('2027-02-01'), '2027-02-01');
    assert.equal(readDanishDate('29.02.2027'), null);
    assert.equal(readDanishDate('i morgen'), null);
  });

  it('needs a move the state allows, and a reason to decline or stop', () => {
    assert.deepEqual(readMove({ to: 'accepted', reason: '' }, ['accepted', 'waitlisted', 'declined']), { to: 'accepted', reason: null });
    const noReason = readMove({ to: 'declined', reason: ' ' }, ['accepted', 'waitlisted', 'declined']);
    assert.ok('problems' in noReason && noReason.problems[0]!.field === 'reason');
    const notAllowed = readMove({ to: 'completed', reason: '' }, ['accepted', 'waitlisted', 'declined']);
    assert.ok('problems' in notAllowed && notAllowed.problems[0]!.field === 'to');
  });
});
