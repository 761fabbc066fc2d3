import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatListingLine, type ListingSpec, listingKinds, listingWindow, readListingLine, readListingLines } from './listing-spec.ts';

const read = (line: string) => {
  const result = readListingLine(line);
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.spec;
};
const message = (line: string) => {
  const result = readListingLine(line);
  assert.ok(!result.ok, `expected «${line}» to be refused`);
  return result.message;
};

describe('a listing line in an article', () => {
  it('reads the four kinds with a district, a period and a number of items', () => {
    assert.deepEqual(read('[[liste: aktiviteter bydel=norrebro uge=naeste]]'), {
      kind: 'aktiviteter',
      district: 'norrebro',
      period: { unit: 'uge', offset: 1 },
      max: 10,
    });
    assert.deepEqual(read('[[liste: forloeb]]'), { kind: 'forloeb', district: null, period: null, max: 10 });
    assert.deepEqual(read('[[liste: nye dage=90]]'), { kind: 'nye', district: null, period: { unit: 'dage', days: 90 }, max: 10 });
    assert.deepEqual(read('[[liste: lukker bydel=amager-ost maks=3]]'), { kind: 'lukker', district: 'amager-ost', period: null, max: 3 });
  });

  it('reads Danish letters and their ASCII folds as the same words, in any case and spacing', () => {
    assert.deepEqual(read('[[liste: forløb måned=næste]]'), read('[[liste: forloeb maaned=naeste]]'));
    assert.deepEqual(read('  [[ Liste :  FORLØB   Måned=Denne ]] '), { kind: 'forloeb', district: null, period: { unit: 'maaned', offset: 0 }, max: 10 });
    assert.equal(read('[[liste: aktiviteter bydel=Amager-Øst]]').district, 'amager-oest');
  });

  it('names the word it cannot read and the words it knows, in plain Danish', () => {
    assert.equal(message('[[liste: koncerter]]'), 'Vi kender ikke ordet «koncerter». Listen kan vise aktiviteter, forløb, nye eller lukker.');
    assert.equal(
      message('[[liste: nye periode=lang]]'),
      'Vi kender ikke ordet «periode=lang». Efter «nye» kan du skrive bydel=…, uge=…, måned=…, dage=… og maks=….',
    );
    assert.match(message('[[liste: aktiviteter uge=snart]]'), /^Vi kan ikke læse «uge=snart»\. Skriv uge=denne, uge=næste eller uge=forrige\.$/);
    assert.match(message('[[liste: nye dage=1000]]'), /Skriv dage som et tal fra 1 til 366/);
    assert.match(message('[[liste: forløb maks=0]]'), /Skriv maks som et tal fra 1 til 50/);
    assert.match(message('[[liste: nye dage=30 uge=denne]]'), /Skriv kun én periode/);
    assert.match(message('[[liste: nye bydel=]]'), /Skriv hvad «bydel» skal være, fx bydel=norrebro/);
    assert.match(message('[[liste: nye lukker]]'), /«lukker»\. En liste viser kun én slags ting/);
    assert.match(message('[[liste: ]]'), /Skriv hvad listen skal vise/);
    assert.match(message('liste: nye'), /Linjen er ikke en liste\. Skriv den sådan: \[\[liste: aktiviteter bydel=norrebro uge=naeste\]\]/);
  });

  it('refuses nonsense with a message and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        for (const line of [text, `[[liste: ${text}]]`, `[[liste: nye ${text}]]`]) {
          const result = readListingLine(line);
          if (!result.ok) assert.ok(result.message.length > 10 && result.message.length < 300);
        }
      }),
    );
  });

  it('writes a spec as a line that reads back to the same spec', () => {
    const spec = fc.record<ListingSpec>({
      kind: fc.constantFrom(...listingKinds),
      district: fc.option(fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,2}$/), { nil: null }),
      period: fc.option(
        fc.oneof(
          fc.record({ unit: fc.constantFrom('uge' as const, 'maaned' as const), offset: fc.constantFrom(-1 as const, 0 as const, 1 as const) }),
          fc.record({ unit: fc.constant('dage' as const), days: fc.integer({ min: 1, max: 366 }) }),
        ),
        { nil: null },
      ),
      max: fc.integer({ min: 1, max: 50 }),
    });
    // fast-check builds records without a prototype: compare as plain data.
    fc.assert(fc.property(spec, (value) => assert.deepEqual(read(formatListingLine(value)), JSON.parse(JSON.stringify(value)))));
    assert.equal(formatListingLine(read('[[liste: forloeb maaned=naeste]]')), '[[liste: forløb måned=næste]]');
  });

  it('finds the listing lines of an article', () => {
    const lines = readListingLines('Velkommen.\n[[liste: nye]]\nTekst\n[[liste: fodbold]]\n');
    assert.deepEqual(lines.map((item) => item.ok), [true, false]);
  });

  it('counts relative periods from the Copenhagen date: weeks from Monday, months whole, days back for new places', () => {
    const today = '2026-11-25'; // a Wednesday
    assert.deepEqual(listingWindow(read('[[liste: aktiviteter uge=naeste]]'), today), { from: '2026-11-30', to: '2026-12-06' });
    assert.deepEqual(listingWindow(read('[[liste: aktiviteter uge=denne]]'), today), { from: '2026-11-23', to: '2026-11-29' });
    assert.deepEqual(listingWindow(read('[[liste: aktiviteter måned=næste]]'), '2026-12-31'), { from: '2027-01-01', to: '2027-01-31' });
    assert.deepEqual(listingWindow(read('[[liste: aktiviteter]]'), today), { from: '2026-11-25', to: '2026-12-01' });
    assert.deepEqual(listingWindow(read('[[liste: nye dage=90]]'), today), { from: '2026-08-27', to: '2026-11-25' });
    assert.equal(listingWindow(read('[[liste: forløb]]'), today), null);
  });
});
