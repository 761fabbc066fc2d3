import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkLetter, checkReply, type LetterForm, publicLetter } from './correspondence.ts';

const scenario = '4733a1d1-e01c-5fe0-8ecc-411255707acf';
const form: LetterForm = {
  caseNumber: '2016-0028443',
  scenarioId: scenario,
  receivedOn: '2016-02-20',
  senderKind: 'user_council',
  subject: 'Bevar Café Rose',
  summary: 'Brugerrådet frygter at miste et lille, kendt sted tæt på.',
  senderName: 'Jens Jensen',
  senderContact: 'jens@example.dk',
  replyText: '',
  repliedOn: '',
};
const today = '2026-11-23';
const messages = (input: Partial<LetterForm>) => checkLetter({ ...form, ...input }, today, new Set([scenario])).problems.map((problem) => problem.message).join(' ');

describe('the correspondence log', () => {
  it('takes a letter under a case number, linked to a scenario, and keeps the sender for two years', () => {
    const { letter, problems } = checkLetter(form, today, new Set([scenario]));
    assert.deepEqual(problems, []);
    assert.equal(letter!.caseNumber, '2016-0028443');
    assert.equal(letter!.forgetOn, '2018-02-19');
    assert.equal(checkLetter({ ...form, scenarioId: '' }, today, new Set()).letter!.scenarioId, null, 'a letter need not concern a scenario');
  });

  it('refuses a case number in another form, with an example', () => {
    assert.match(messages({ caseNumber: '28443' }), /»28443« er ikke et sagsnummer\. Skriv årstallet, en bindestreg og syv cifre, fx 2016-0028443, og eventuelt brevets nummer i sagen, fx 2015-0135051-3\./);
    assert.equal(messages({ caseNumber: '2015-0135051-3', receivedOn: '2015-06-04' }), '', "a document's number in the case is part of it");
    assert.match(messages({ caseNumber: '2016-00284430' }), /er ikke et sagsnummer/);
    assert.match(messages({ caseNumber: '' }), /Skriv sagsnummeret, fx 2016-0028443\./);
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const ok = /^\d{4}-\d{7}(-\d{1,4})?$/.test(text.trim());
        const { problems } = checkLetter({ ...form, caseNumber: text, receivedOn: '2026-11-01' }, today, new Set([scenario]));
        return ok || problems.some((problem) => problem.field === 'caseNumber');
      }),
    );
  });

  it('refuses a reply dated before the letter, a reply without its date, and dates to come', () => {
    assert.match(messages({ replyText: 'Tak for brevet.', repliedOn: '2016-02-19' }), /Svaret kan ikke være sendt, før brevet kom \(20\. februar 2016\)\./);
    assert.match(messages({ replyText: 'Tak for brevet.' }), /Skriv den dato, svaret blev sendt/);
    assert.match(messages({ repliedOn: '2016-03-01' }), /Skriv svaret, eller lad også datoen/);
    assert.match(messages({ receivedOn: '2026-12-01' }), /en dag, der ikke er kommet endnu/);
    assert.match(messages({ senderKind: 'x', subject: ' ' }), /Vælg, hvem brevet er fra.*Skriv brevets emne/);
    assert.match(messages({ scenarioId: 'f00' }), /Det valgte scenarie findes ikke længere/);
    const replied = checkReply({ replyText: 'Tak.', repliedOn: '2016-03-01' }, '2016-02-20', today);
    assert.deepEqual(replied, { reply: { text: 'Tak.', on: '2016-03-01' }, problems: [] });
    assert.equal(checkLetter({ ...form, replyText: 'Tak.', repliedOn: '2016-03-01' }, today, new Set([scenario])).letter!.forgetOn, '2018-03-01');
  });

  it('shows the public nothing that names the sender, nor the letter or the reply', () => {
    const { letter } = checkLetter({ ...form, replyText: 'Kære Jens, tak.', repliedOn: '2016-03-01' }, today, new Set([scenario]));
    const shown = publicLetter({ ...letter!, id: 'x', version: 1, registeredByName: 'Pia', registeredAt: new Date(0) });
    assert.deepEqual(Object.keys(shown).sort(), ['id', 'receivedOn', 'repliedOn', 'senderKind', 'subject']);
    assert.doesNotMatch(JSON.stringify(shown), /Jens|jens@|frygter/);
  });
});
