import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cleanPastedText, lix, lixVerdict, parseBody } from './text.ts';

/** Pieces of text as Word leaves them: words, hidden characters, odd spaces, bullets and line ends. */
const wordish = fc.array(
  fc.constantFrom('[[liste: nye]]', 'Ensomhed', 'er', 'svært.', 'Vi', 'mødes', 'på', 'Nørrebro', '\u00AD', '\u200B', '\uFEFF', '\u00A0', '\t', ' ', '\r\n', '\n', '\n\n', '• ', '· ', '– ', '## ', '- ', '  '),
  { maxLength: 60 },
);

describe('text pasted from Word', () => {
  it('becomes clean text: no soft hyphens, zero-width or no-break spaces, tabs or Windows line ends, and cleaning twice changes nothing', () => {
    fc.assert(
      fc.property(wordish, (parts) => {
        const cleaned = cleanPastedText(parts.join(''));
        assert.doesNotMatch(cleaned, /\u00AD|\u200B|\u200C|\u200D|\u2060|\uFEFF|\u00A0|\u202F|\t|\r/);
        assert.doesNotMatch(cleaned, /\n\n\n/, 'at most one blank line between paragraphs');
        assert.doesNotMatch(cleaned, / \n| $/, 'no spaces at line ends');
        assert.equal(cleanPastedText(cleaned), cleaned);
      }),
    );
  });

  it('makes every line that began with a bullet a list item and keeps the words', () => {
    fc.assert(
      fc.property(fc.constantFrom('•', '·', '–', '▪'), fc.array(fc.constantFrom('kaffe', 'gåtur', 'fællesspisning', 'Brætspil om torsdagen'), { minLength: 1, maxLength: 6 }), (bullet, items) => {
        const pasted = items.map((item) => `${bullet}\t${item}`).join('\r\n');
        const blocks = parseBody(cleanPastedText(pasted));
        assert.deepEqual(blocks, [{ kind: 'list', items }]);
      }),
    );
  });

  it('joins a word Word hyphenated softly and turns a no-break space into a space', () => {
    assert.equal(cleanPastedText('Fælles\u00ADspisning\u00A0hver\u200B torsdag\r\n\r\n\r\n\tKom bare.'), 'Fællesspisning hver torsdag\n\nKom bare.');
  });
});

describe('the body format', () => {
  it('reads paragraphs, subheadings, list items and a live listing line', () => {
    const blocks = parseBody('Første linje\nfortsætter her.\n\n## Hvor\n- Nørrebro\n- Valby\n[[liste: bydel=valby]]\nSidste afsnit.');
    assert.deepEqual(blocks, [
      { kind: 'paragraph', text: 'Første linje fortsætter her.' },
      { kind: 'heading', text: 'Hvor' },
      { kind: 'list', items: ['Nørrebro', 'Valby'] },
      { kind: 'listing', source: '[[liste: bydel=valby]]' },
      { kind: 'paragraph', text: 'Sidste afsnit.' },
    ]);
    assert.deepEqual(parseBody('  [[ Liste : nye dage=30 ]]  '), [{ kind: 'listing', source: '[[ Liste : nye dage=30 ]]' }], 'read as readListingLine reads it');
  });
});

describe('LIX', () => {
  it('is words per sentence plus the percentage of words longer than six letters, leaving live listings out', () => {
    // 7 words, 2 sentences, 2 long words (fællesspisning, torsdagen): 3.5 + 28.6 = 32.
    const text = 'Vi holder fællesspisning om torsdagen. Alle kommer.';
    assert.deepEqual(lix(parseBody(text)), { score: 32, words: 7, sentences: 2, longWords: 2 });
    assert.deepEqual(lix(parseBody(`${text}\n\n[[liste: aktiviteter i Valby med mange lange ord]]`)), lix(parseBody(text)));
    assert.equal(lix(parseBody('[[liste: x]]')), null, 'no words, no LIX');
  });

  it('says in words whether a text meets the target of 35 for citizens', () => {
    assert.deepEqual(lixVerdict(29), { band: 'let at læse', meetsTarget: true });
    assert.deepEqual(lixVerdict(35), { band: 'middelsvær', meetsTarget: true });
    assert.deepEqual(lixVerdict(48), { band: 'svær at læse', meetsTarget: false });
  });

  it('rises with longer sentences and longer words', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), (n) => {
        const short = lix(parseBody('Vi ses. '.repeat(n)))!;
        const long = lix(parseBody(`${'Vi ses i fællesskabshuset '.repeat(n)}.`))!;
        assert.ok(long.score > short.score);
      }),
    );
  });
});

describe('the live LIX in the browser (static/gloria-lix.js)', () => {
  it('counts as the saved LIX does, on every cleaned text', async () => {
    const { readFileSync } = await import('node:fs');
    const { runInNewContext } = await import('node:vm');
    const sandbox: { gloriaLix?: (body: string) => number | null } = {};
    runInNewContext(readFileSync(new URL('../../web/static/gloria-lix.js', import.meta.url), 'utf8'), sandbox);
    const liveLix = sandbox.gloriaLix!;
    fc.assert(
      fc.property(wordish, (parts) => {
        const body = cleanPastedText(parts.join(''));
        assert.equal(liveLix(body), lix(parseBody(body))?.score ?? null);
      }),
      { numRuns: 300 },
    );
  });
});
