import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { codeAlphabet, codeHash, makeCode, normaliseCode, readGrant, readKroner, readProposal, readScreening } from './fund.ts';

describe('the user fund', () => {
  it('reads kroner as people write them, and nothing else', () => {
    assert.equal(readKroner('5000'), 5000);
    assert.equal(readKroner('5.000 kr.'), 5000);
    assert.equal(readKroner('5 000'), 5000);
    for (const bad of ['', '0', '-5', '5,50', 'fem tusind']) assert.equal(readKroner(bad), null, bad);
  });

  it('reads an idea and says in plain Danish what is missing', () => {
    const read = readProposal({ title: '', description: '', amount: 'mange', contact: '' });
    assert.ok(!read.ok);
    assert.deepEqual(read.problems.map((problem) => problem.field), ['title', 'description', 'amount']);
    const good = readProposal({ title: 'Tur til Bakken', description: 'En dag i Dyrehavsbakken for alle brugere.', amount: '4.500', contact: ' ' });
    assert.ok(good.ok);
    assert.deepEqual(good.proposal, { title: 'Tur til Bakken', description: 'En dag i Dyrehavsbakken for alle brugere.', amountKr: 4500, contact: null });
  });

  it('makes codes that read back however they are typed, and only those (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.boolean(), (bytes, lower) => {
        let used = false;
        const code = makeCode((size) => {
          if (used) return randomBytes(size);
          used = true;
          return bytes.slice(0, size);
        });
        assert.match(code, /^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
        const typed = lower ? code.toLowerCase().replace('-', ' ') : code.replace('-', '');
        assert.equal(normaliseCode(typed), code.replace('-', ''));
      }),
    );
    assert.equal(normaliseCode('ABCDE-FGH1O'), null, 'letters that are not on a sheet');
    assert.equal(normaliseCode('ABCD'), null);
    assert.ok(![...'01OIL'].some((letter) => codeAlphabet.includes(letter)));
  });

  it('hashes a code with its round, so the same letters elsewhere are another code', () => {
    assert.notEqual(codeHash('a', 'ABCDEFGHJK'), codeHash('b', 'ABCDEFGHJK'));
    assert.equal(codeHash('a', 'ABCDEFGHJK'), codeHash('a', 'ABCDEFGHJK'));
  });

  it('screens with a reason, and grants only with a budget and someone responsible', () => {
    assert.ok(readScreening({ verdict: 'accepted', rejection: '', note: '' }).ok);
    assert.ok(!readScreening({ verdict: 'rejected', rejection: '', note: '' }).ok);
    assert.ok(!readScreening({ verdict: 'rejected', rejection: 'other', note: ' ' }).ok);
    assert.ok(readScreening({ verdict: 'rejected', rejection: 'personal_data', note: '' }).ok);
    const grant = readGrant({ granted: '', responsible: '', followUp: '' });
    assert.ok(!grant.ok);
    assert.deepEqual(grant.problems.map((problem) => problem.field), ['granted', 'responsible']);
  });
});
