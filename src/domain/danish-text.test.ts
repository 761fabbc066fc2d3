import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { foldDanish, slugOf } from './danish-text.ts';

describe('Danish text folded for comparison', () => {
  it('spells the Danish letters as they are typed without them, in either case and either Unicode form', () => {
    assert.equal(foldDanish('Fællesspisning på Nørrebro'), 'faellesspisning paa noerrebro');
    assert.equal(foldDanish('ÆØÅ'), 'aeoeaa');
    assert.equal(foldDanish('Pa\u030Ale'), 'paale', 'å written as a + ring is the same å');
    assert.equal(foldDanish('Café Ünder'), 'cafe under');
  });

  it('gives the same key to a text and to its folded self', () => {
    fc.assert(fc.property(fc.string(), (text) => foldDanish(foldDanish(text)) === foldDanish(text)));
  });

  it('makes address words of titles, and a fallback of a title without letters', () => {
    assert.equal(slugOf('Hverdagsøkonomi for unge', 'forloeb'), 'hverdagsoekonomi-for-unge');
    assert.equal(slugOf('  ?!  ', 'forloeb'), 'forloeb');
    fc.assert(fc.property(fc.string(), (text) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slugOf(text, 'x', 40)) && slugOf(text, 'x', 40).length <= 40));
  });
});
