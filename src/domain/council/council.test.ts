import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { meetingDeletionRefusal, memberDeleteAfter, namesMentioned, publicPresence, readDecisions, readMeeting, readMember } from './council.ts';

const member = (over: Partial<Parameters<typeof readMember>[0]> = {}) => ({ name: 'Hanne', contact: '', role: 'member', namedPublicly: 'nej', consentHow: 'in_person', consentGiven: true, ...over });
const meeting = (over: Partial<Parameters<typeof readMeeting>[0]> = {}) => ({ date: '2026-12-14', time: '', agenda: 'Sommerudflugt', minutes: '', decisions: '', present: [], ...over });

describe('council members', () => {
  it('takes a first name, no contact (met at the offering) and a recorded consent', () => {
    const read = readMember(member());
    assert.ok(read.ok);
    assert.deepEqual(read.member, { name: 'Hanne', contact: null, role: 'member', namedPublicly: false, consentHow: 'in_person' });
  });

  it('refuses a member without consent, without a naming choice or with a broken e-mail, in plain Danish', () => {
    const read = readMember(member({ consentGiven: false, namedPublicly: '', contact: 'hanne@', name: ' ' }));
    assert.ok(!read.ok);
    const fields = read.problems.map((problem) => problem.field).sort();
    assert.deepEqual(fields, ['consentGiven', 'contact', 'name', 'namedPublicly']);
    assert.match(read.problems.find((problem) => problem.field === 'consentGiven')!.message, /sagt ja/);
  });

  it('is deleted two years after consent, also from a leap day', () => {
    assert.equal(memberDeleteAfter('2026-12-06'), '2028-12-06');
    assert.equal(memberDeleteAfter('2028-02-29'), '2030-02-28');
  });

  it('is named in public only with their own yes and consent in force', () => {
    const base = { role: 'member' as const, withdrawnAt: null, anonymisedAt: null };
    const presence = publicPresence([
      { ...base, id: 'a', name: 'Hanne', namedPublicly: true },
      { ...base, id: 'b', name: 'Bo', namedPublicly: false },
      { ...base, id: 'c', name: null, namedPublicly: false, withdrawnAt: new Date(), anonymisedAt: new Date() },
    ]);
    assert.deepEqual(presence, { names: ['Hanne'], others: 2 });
  });
});

describe('council meetings', () => {
  it('reads decisions a line each, and those that become an activity or user-run hours', () => {
    assert.deepEqual(readDecisions('- Vi holder julefrokost\nAktivitet: Strikkecafé om torsdagen\n\nåbningstid: Brugerne åbner lørdag 10-14'), [
      { text: 'Vi holder julefrokost', becomes: null },
      { text: 'Strikkecafé om torsdagen', becomes: 'activity' },
      { text: 'Brugerne åbner lørdag 10-14', becomes: 'hours' },
    ]);
  });

  it('refuses minutes that name a member, whatever the case or Danish letters, and says how to fix it', () => {
    const read = readMeeting(meeting({ minutes: 'SØREN foreslog en tur.' }), [{ id: 'x', name: 'Søren' }]);
    assert.ok(!read.ok);
    assert.equal(read.problems[0]!.field, 'minutes');
    assert.match(read.problems[0]!.message, /Skriv ikke medlemmers navne/);
  });

  it('does not take a word that only contains a name for the name', () => {
    assert.deepEqual(namesMentioned('Bogklubben mødes', ['Bo']), []);
    assert.deepEqual(namesMentioned('Annette kom', ['Anne']), []);
  });

  it('finds any member name put anywhere in a text (property)', () => {
    const word = fc.stringMatching(/^[A-Za-zæøåÆØÅ]{3,10}$/);
    fc.assert(
      fc.property(word, fc.array(fc.constantFrom('Vi', 'talte', 'om', 'turen', 'og', 'kaffe.'), { maxLength: 12 }), fc.nat(12), (name, text, at) => {
        const words: string[] = [...text];
        words.splice(Math.min(at, words.length), 0, name.toUpperCase());
        assert.deepEqual(namesMentioned(words.join(' '), [name]), [name]);
      }),
    );
  });

  it('refuses an impossible date and a present member who is not on the list', () => {
    const read = readMeeting(meeting({ date: '2026-02-30', present: ['ukendt'] }), []);
    assert.ok(!read.ok);
    assert.deepEqual(read.problems.map((problem) => problem.field).sort(), ['date', 'present']);
  });

  it('lets a meeting without decisions be deleted, and refuses one with decisions in a plain sentence', () => {
    assert.equal(meetingDeletionRefusal({ decisions: 0 }), null);
    assert.match(meetingDeletionRefusal({ decisions: 2 })!, /^Mødet har 2 beslutninger, .* Ret mødet i stedet/);
  });
});
