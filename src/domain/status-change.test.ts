import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statusChangeProblems } from './status-change.ts';

const context = { today: '2026-11-23', offeringId: 'a', state: 'active' as const, knownOfferings: new Set(['a', 'b']) };
const input = (values: Partial<{ kind: string; occursOn: string; relatedOfferingId: string; note: string }>) => ({
  kind: '',
  occursOn: '',
  relatedOfferingId: '',
  note: '',
  ...values,
});

describe('Recording a status change', () => {
  it('refuses a closing date before today and says what to choose instead', () => {
    const { problems } = statusChangeProblems(input({ kind: 'closing', occursOn: '2026-11-22' }), context);
    assert.equal(problems[0]?.field, 'occursOn');
    assert.match(problems[0]!.message, /før i dag.*«Er lukket»/);
  });

  it('accepts a closing from today on, and a closure that already happened', () => {
    assert.deepEqual(statusChangeProblems(input({ kind: 'closing', occursOn: '2026-11-23' }), context).problems, []);
    assert.deepEqual(statusChangeProblems(input({ kind: 'closed', occursOn: '2026-06-30' }), context).problems, []);
  });

  it('asks for the other offering of a merger, which must exist and not be this one', () => {
    assert.match(statusChangeProblems(input({ kind: 'merged_into' }), context).problems[0]!.message, /Vælg det tilbud/);
    assert.match(statusChangeProblems(input({ kind: 'merged_into', relatedOfferingId: 'a' }), context).problems[0]!.message, /et andet tilbud/);
    assert.match(statusChangeProblems(input({ kind: 'replaced_by', relatedOfferingId: 'x' }), context).problems[0]!.message, /findes ikke/);
    assert.equal(statusChangeProblems(input({ kind: 'merged_into', relatedOfferingId: 'b' }), context).change?.relatedOfferingId, 'b');
  });

  it('refuses a closure in the future, a date it cannot read, an unknown kind, and closing a closed place', () => {
    assert.match(statusChangeProblems(input({ kind: 'closed', occursOn: '2027-01-01' }), context).problems[0]!.message, /«Lukker på en dato»/);
    assert.match(statusChangeProblems(input({ kind: 'opens', occursOn: '1. januar' }), context).problems[0]!.message, /24-12-2026/);
    assert.equal(statusChangeProblems(input({ kind: 'active' }), context).problems[0]?.field, 'kind');
    assert.match(statusChangeProblems(input({ kind: 'closing', occursOn: '2027-01-01' }), { ...context, state: 'closed' }).problems[0]!.message, /allerede lukket/);
  });
});
