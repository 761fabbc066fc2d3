import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assignmentRefusal, readApplication, readStatus } from './volunteer.ts';

describe('volunteers', () => {
  it('takes an application by phone or e-mail, and says plainly what is wrong', () => {
    assert.ok(readApplication({ name: 'Maja', contact: '22 33 44 55', interests: '' }).ok);
    assert.ok(readApplication({ name: 'Maja', contact: 'maja@example.dk', interests: 'Madlavning' }).ok);
    const bad = readApplication({ name: '', contact: '123', interests: '' });
    assert.ok(!bad.ok);
    assert.deepEqual(bad.problems.map((problem) => problem.field), ['name', 'contact']);
  });

  it('gives no role before both an approved screening and the insurance are recorded (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('pending', 'approved', 'refused' as const), fc.option(fc.constant('2026-11-01')), fc.boolean(), (screening, insurance, anonymised) => {
        const refusal = assignmentRefusal({ screening, insuranceConfirmedOn: insurance, anonymised });
        assert.equal(refusal === null, screening === 'approved' && insurance !== null && !anonymised);
      }),
    );
    assert.match(assignmentRefusal({ screening: 'pending', insuranceConfirmedOn: null, anonymised: false })!, /godkendt screening og en bekræftet forsikring/);
  });

  it('refuses a training or insurance date in the future', () => {
    const read = readStatus({ screening: 'approved', trainedOn: '2027-01-01', insuranceOn: '', agreement: '' }, '2026-11-23');
    assert.ok(!read.ok);
    assert.equal(read.problems[0]!.field, 'trainedOn');
  });
});
