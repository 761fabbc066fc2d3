import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDeadline, checkResponse, publicResponse, summariseHearing } from './hearing.ts';

const form = { receivedOn: '2027-02-14', senderKind: 'user_council', organisation: 'Brugerrådet i Sydhavnen', summary: 'Vi ønsker et værested tæt på.', senderName: 'Jens Jensen', senderContact: 'jens@example.dk', caseNumber: '' };

describe('hearings', () => {
  it('wants a deadline after today', () => {
    assert.match(checkDeadline('2027-01-01', '2027-01-01')[0]!.message, /efter i dag, 1\. januar 2027/);
    assert.deepEqual(checkDeadline('2027-03-01', '2027-01-01'), []);
  });

  it('asks for the council or operator it is public under, and never lets a citizen be named in public', () => {
    assert.match(checkResponse({ ...form, organisation: ' ' }, '2027-02-20').problems[0]!.message, /navnet på brugerrådet eller driftsherren/);
    assert.match(checkResponse({ ...form, senderKind: 'citizen' }, '2027-02-20').problems[0]!.message, /En borger vises ikke med navn/);
    assert.match(checkResponse(form, '2027-02-10').problems[0]!.message, /en dag, der ikke er kommet endnu/);
    const { response } = checkResponse({ ...form, senderKind: 'citizen', organisation: '' }, '2027-02-20');
    const shown = publicResponse({ ...response!, id: 'x', registeredByName: 'Pia', registeredAt: new Date() });
    assert.deepEqual(Object.keys(shown).sort(), ['caseNumber', 'id', 'organisation', 'receivedOn', 'senderKind', 'summary']);
    assert.doesNotMatch(JSON.stringify(shown), /Jens|jens@/);
  });
});

describe("a hearing's summary", () => {
  it('counts the responses per kind of sender and those after the deadline', () => {
    const response = (senderKind: 'citizen' | 'operator', receivedOn: string) => ({ id: receivedOn, receivedOn, senderKind, organisation: null, summary: 'x', caseNumber: null });
    assert.deepEqual(summariseHearing([response('citizen', '2027-01-10'), response('citizen', '2027-01-20'), response('operator', '2027-01-15')], '2027-01-15'), {
      total: 3,
      bySenderKind: { user_council: 0, operator: 1, citizen: 2, other: 0 },
      late: 1,
    });
    assert.equal(summariseHearing([], '2027-01-15').total, 0);
  });
});
