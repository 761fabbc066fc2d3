import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyProposal, editableFields, type OfferingTexts } from './edit-offering.ts';

const texts = (values: Partial<OfferingTexts> = {}): OfferingTexts => ({
  description: 'Et værested.',
  firstVisit: '',
  whoMeetsYou: '',
  email: '',
  phone: '',
  url: '',
  ...values,
});

describe('Approving a proposed change', () => {
  it('changes only the fields the proposer changed, keeping a change someone made meanwhile', () => {
    const base = texts();
    const proposal = { baseTexts: base, texts: texts({ phone: '33 17 33 17' }) };
    const meanwhile = texts({ firstVisit: 'Ring på.' });
    assert.deepEqual(applyProposal(meanwhile, proposal), texts({ firstVisit: 'Ring på.', phone: '33 17 33 17' }));
  });

  it('gives the proposed texts when nothing changed meanwhile, and the current texts when the proposal changes nothing', () => {
    const field = fc.string({ maxLength: 20 });
    const textsArb = fc.record(Object.fromEntries(editableFields.map((name) => [name, field])) as Record<keyof OfferingTexts, fc.Arbitrary<string>>, {
      noNullPrototype: true,
    });
    fc.assert(
      fc.property(textsArb, textsArb, textsArb, (base, proposed, current) => {
        assert.deepEqual(applyProposal(base, { baseTexts: base, texts: proposed }), proposed);
        assert.deepEqual(applyProposal(current, { baseTexts: base, texts: base }), current);
      }),
    );
  });
});
