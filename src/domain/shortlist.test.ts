import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addToShortlist, normaliseShortlist, noteLimit, readNote, removeFromShortlist, shortlistLimit } from './shortlist.ts';

const slugs = Array.from({ length: 14 }, (_, index) => `sted-${index + 1}`);

describe('normaliseShortlist', () => {
  it('keeps slugs in the order given, each once', () => {
    assert.deepEqual(normaliseShortlist('nabo,kompasset,mamma-mia,nabo'), {
      slugs: ['nabo', 'kompasset', 'mamma-mia'],
      dropped: [{ value: 'nabo', reason: 'duplicate' }],
    });
  });

  it('reads a repeated parameter, spaces, capitals and a trailing comma', () => {
    assert.deepEqual(normaliseShortlist([' Nabo , kompasset,', 'mamma-mia']).slugs, ['nabo', 'kompasset', 'mamma-mia']);
    assert.deepEqual(normaliseShortlist(undefined), { slugs: [], dropped: [] });
    assert.deepEqual(normaliseShortlist(',,'), { slugs: [], dropped: [] });
  });

  it('drops what cannot be a slug and says so', () => {
    const { slugs: kept, dropped } = normaliseShortlist(['nabo,../etc,æblehaven', `${'a'.repeat(61)},<b>`]);
    assert.deepEqual(kept, ['nabo']);
    assert.deepEqual(
      dropped.map((item) => item.reason),
      ['invalid', 'invalid', 'invalid', 'invalid'],
    );
    assert.equal(dropped[2]!.value.length, 60, 'a long value is shortened before it can be shown');
  });

  it(`keeps the first ${shortlistLimit} and names the rest as over the limit`, () => {
    const result = normaliseShortlist(slugs.join(','));
    assert.deepEqual(result.slugs, slugs.slice(0, shortlistLimit));
    assert.deepEqual(result.dropped, [
      { value: 'sted-13', reason: 'over_limit' },
      { value: 'sted-14', reason: 'over_limit' },
    ]);
  });

  it('adds at the end and removes one without touching the rest', () => {
    assert.deepEqual(addToShortlist(['nabo'], 'kompasset'), ['nabo', 'kompasset']);
    assert.deepEqual(addToShortlist(['nabo'], 'nabo'), ['nabo']);
    assert.deepEqual(addToShortlist(slugs.slice(0, shortlistLimit), 'nabo'), slugs.slice(0, shortlistLimit));
    assert.deepEqual(removeFromShortlist(['nabo', 'kompasset', 'mamma-mia'], 'kompasset'), ['nabo', 'mamma-mia']);
  });

  const anyItem = fc.oneof(
    fc.constantFrom(...slugs, 'nabo', 'NABO', ' kompasset ', '', 'ikke/et/slug', 'æble'),
    fc.stringMatching(/^[a-z0-9-]{1,8}$/),
    fc.string({ maxLength: 12 }),
  );
  const anyInput = fc.array(fc.array(anyItem, { maxLength: 20 }).map((items) => items.join(',')), { maxLength: 3 });

  it('is idempotent, never longer than the limit, and keeps the order of first occurrences (property)', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const once = normaliseShortlist(input);
        assert.deepEqual(normaliseShortlist(once.slugs.join(',')), { slugs: once.slugs, dropped: [] });
        assert.deepEqual(normaliseShortlist(once.slugs).slugs, once.slugs);
        assert.ok(once.slugs.length <= shortlistLimit);
        assert.equal(new Set(once.slugs).size, once.slugs.length);
        const valid = input
          .flatMap((value) => value.split(','))
          .map((value) => value.trim().toLowerCase())
          .filter((value) => /^[a-z0-9-]{1,60}$/.test(value));
        const firstOccurrences = valid.filter((value, index) => valid.indexOf(value) === index);
        assert.deepEqual(once.slugs, firstOccurrences.slice(0, shortlistLimit));
      }),
    );
  });
});

describe('readNote', () => {
  it('is none when empty or only spaces', () => {
    assert.deepEqual(readNote(undefined), { kind: 'none' });
    assert.deepEqual(readNote('  \r\n '), { kind: 'none' });
  });

  it('keeps line breaks as one character each and removes other control characters', () => {
    assert.deepEqual(readNote(' Tirsdag kl. 10\r\nvi mødes\u0007 ved døren '), { kind: 'note', text: 'Tirsdag kl. 10\nvi mødes ved døren' });
  });

  it(`allows ${noteLimit} characters, counting a form's CR LF as one`, () => {
    assert.equal(readNote('a'.repeat(noteLimit)).kind, 'note');
    assert.equal(readNote(`${'a'.repeat(noteLimit - 2)}\r\nb`).kind, 'note');
    assert.deepEqual(readNote('a'.repeat(noteLimit + 1)), { kind: 'too_long', text: 'a'.repeat(noteLimit + 1), length: noteLimit + 1 });
  });
});
