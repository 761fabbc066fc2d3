import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSearchText, matchKey, type SearchText } from './search-text.ts';

function parts(text: string): Omit<SearchText, 'query'> {
  const checked = checkSearchText(text);
  assert.ok(checked.ok, `expected ${text} to be accepted`);
  const { query: _query, ...rest } = checked.search;
  return rest;
}

describe('reading what a citizen typed', () => {
  const cases: [string, Omit<SearchText, 'query'>][] = [
    ['2200', { words: null, houseNumber: null, postcode: '2200', town: null }],
    ['2200 København N', { words: null, houseNumber: null, postcode: '2200', town: 'København N' }],
    ['København N', { words: 'København N', houseNumber: null, postcode: null, town: null }],
    ['Portugalsgade 10', { words: 'Portugalsgade', houseNumber: '10', postcode: null, town: null }],
    [
      'Portugalsgade 10, 2300 København S',
      { words: 'Portugalsgade', houseNumber: '10', postcode: '2300', town: 'København S' },
    ],
    ['portugalsgade 10 2300', { words: 'portugalsgade', houseNumber: '10', postcode: '2300', town: null }],
    ['Portugalsgade 10 København S', { words: 'Portugalsgade', houseNumber: '10', postcode: null, town: 'København S' }],
    ['Enghavevej 110, st.', { words: 'Enghavevej', houseNumber: '110', postcode: null, town: null }],
    ['Enghavevej 110, 2. th., 2450', { words: 'Enghavevej', houseNumber: '110', postcode: '2450', town: null }],
    ['Ruten 6e og F', { words: 'Ruten', houseNumber: '6E', postcode: null, town: null }],
    ['Kapelvej55', { words: 'Kapelvej', houseNumber: '55', postcode: null, town: null }],
    ['Kirsten Walthers Vej 6', { words: 'Kirsten Walthers Vej', houseNumber: '6', postcode: null, town: null }],
    ['Griffenfeldsgade, København N', { words: 'Griffenfeldsgade', houseNumber: null, postcode: null, town: 'København N' }],
    ['Christian IX’s Gade 1', { words: 'Christian IX’s Gade', houseNumber: '1', postcode: null, town: null }],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}"`, () => assert.deepEqual(parts(text), expected));
  }

  it('collapses spaces in the text shown back', () => {
    const checked = checkSearchText('  Portugalsgade \t 10 ');
    assert.ok(checked.ok);
    assert.equal(checked.search.query, 'Portugalsgade 10');
  });
});

describe('refusing text that cannot be an address, with one Danish sentence', () => {
  const cases: [string, string, RegExp][] = [
    ['', 'empty', /^Skriv en adresse eller et postnummer/],
    ['   ', 'empty', /^Skriv en adresse eller et postnummer/],
    ['x'.repeat(201), 'too_long', /højst 200 tegn/],
    ['!?…–', 'no_letters_or_digits', /bogstaver eller tal/],
    ['0800', 'postcode_outside_denmark', /^Postnummeret 0800 findes ikke i Danmark/],
    ['9999', 'postcode_outside_denmark', /går fra 1000 til 9990/],
    ['Portugalsgade 10, 0300 København S', 'postcode_outside_denmark', /0300/],
    ['220', 'not_a_postcode', /fire cifre/],
    ['22000', 'not_a_postcode', /fire cifre/],
  ];
  for (const [text, reason, message] of cases) {
    it(`${JSON.stringify(text.length > 20 ? `${text.slice(0, 10)}…` : text)} is ${reason}`, () => {
      const checked = checkSearchText(text);
      assert.ok(!checked.ok);
      assert.equal(checked.outcome.status, 'invalid');
      if (checked.outcome.status !== 'invalid') return;
      assert.equal(checked.outcome.reason, reason);
      assert.match(checked.outcome.message, message);
      assert.equal(checked.outcome.message.split('\n').length, 1);
    });
  }

  it('200 characters are still accepted, counted as letters not bytes', () => {
    assert.ok(checkSearchText('ø'.repeat(200)).ok);
  });

  it('the edges of the Danish postcode range are accepted', () => {
    assert.ok(checkSearchText('1000').ok);
    assert.ok(checkSearchText('9990').ok);
  });
});

describe('forgiving comparison keys', () => {
  const same: [string, string][] = [
    ['Nørrebrogade', 'Norrebrogade'],
    ['Nørrebrogade', 'NOERREBROGADE'],
    ['Sundbygårdsvej', 'Sundbygaardsvej'],
    ['Sundbygårdsvej', 'sundbygardsvej'],
    ['Skjulhøj Allé', 'skjulhoej  alle'],
    ['Linnésgade', 'Linnesgade'],
    ['København N', 'Kbh. N'],
    ['Tomsgårdsvej', 'Tomsgaardsvej'],
  ];
  for (const [a, b] of same) {
    it(`"${a}" and "${b}" compare equal`, () => assert.equal(matchKey(a), matchKey(b)));
  }

  it('different streets stay different', () => {
    assert.notEqual(matchKey('Valby Langgade'), matchKey('Vanløse Allé'));
  });
});
