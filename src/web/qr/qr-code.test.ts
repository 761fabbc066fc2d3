import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { alignmentTable, decodeQr, levelMFormatWords, modulesFromSvgPath, syndromes, versionWords } from '../../../test/support/qr-decoder.ts';
import { alignmentPositions, dataCodewords, encodeQr, formatBits, penaltyScore, reedSolomonRemainder, versionBits } from './qr-code.ts';
import { qrPath } from './qr-svg.tsx';

/** Level M byte-mode capacity per version (ISO/IEC 18004 table 7). */
const byteCapacity: Record<number, number> = { 1: 14, 2: 26, 3: 42, 4: 62, 5: 84, 6: 106, 7: 122, 8: 152, 9: 180, 10: 213, 40: 2331 };

const byteLength = (text: string) => new TextEncoder().encode(text).length;

describe('the QR encoder: known vectors from the standard', () => {
  it('computes Reed–Solomon codewords for "HELLO WORLD" at 1-M', () => {
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    const ecc = reedSolomonRemainder(data, 10);
    assert.deepEqual(ecc, [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
    assert.deepEqual(syndromes([...data, ...ecc], 10), new Array(10).fill(0));
  });

  it('writes the format word for level M and each mask', () => {
    assert.deepEqual(
      Array.from({ length: 8 }, (_, mask) => formatBits(mask)),
      levelMFormatWords,
    );
  });

  it('writes the version word for versions 7–10', () => {
    for (const version of [7, 8, 9, 10]) assert.equal(versionBits(version), versionWords[version], `version ${version}`);
  });

  it('puts the alignment patterns where annex E says', () => {
    for (const [version, positions] of Object.entries(alignmentTable)) assert.deepEqual(alignmentPositions(Number(version)), positions);
    assert.deepEqual(alignmentPositions(32), [6, 34, 60, 86, 112, 138]);
    assert.deepEqual(alignmentPositions(40), [6, 30, 58, 86, 114, 142, 170]);
  });

  it('holds as many bytes as table 7 says, and picks the smallest version', () => {
    for (const [version, capacity] of Object.entries(byteCapacity)) {
      const count = version === '10' || version === '40' ? 16 : 8;
      assert.equal(Math.floor((dataCodewords(Number(version)) * 8 - 4 - count) / 8), capacity, `version ${version}`);
      assert.equal(encodeQr('a'.repeat(capacity)).version, Number(version));
      if (version !== '40') assert.equal(encodeQr('a'.repeat(capacity + 1)).version, Number(version) + 1);
    }
    assert.throws(() => encodeQr('a'.repeat(2332)), RangeError);
  });
});

/**
 * "https://tilbud.kk.dk/liste?steder=nabo" as this encoder draws it (version 3, mask 2), checked once by
 * hand with zbarimg (zbar-tools), an independent reader. A change here must be read by a real reader again.
 */
const readByZbar = [
  '#######..#.#....#####.#######',
  '#.....#..##.##.##.#...#.....#',
  '#.###.#.###.#..#....#.#.###.#',
  '#.###.#.#.######.#.#..#.###.#',
  '#.###.#.#.##.#..#..##.#.###.#',
  '#.....#.##..####.##.#.#.....#',
  '#######.#.#.#.#.#.#.#.#######',
  '........#.#.#.#.#..##........',
  '#.#####...#......#.#..#####..',
  '.##..#..###.##..#..#..###...#',
  '#.#.#.#.#.#..####...#........',
  '##.#......##.#.##.##....##.#.',
  '...#.##.###...#.##.#.....##..',
  '...##..####.#.....#######...#',
  '.#...##.##.....#........###..',
  '######....###.#.....##.#...#.',
  '...##.#..####..####..#...##..',
  '##.###...#...##.##.######.#.#',
  '#.....#.####.#####....###.#..',
  '#...#..#....##.##..####....#.',
  '#..#.##.##..#.##.#.######.###',
  '........#.###...#...#...#####',
  '#######..###...#.####.#.###..',
  '#.....#.#.#.#.###...#...#..##',
  '#.###.#.###.#..#.#..#####.#..',
  '#.###.#.##..###.#..##....####',
  '#.###.#.##.######...########.',
  '#.....#....##.###.#.###.##.#.',
  '#######.#..##.##.#.#..#####..',
];

describe('the QR encoder: a symbol read by an independent reader', () => {
  it('draws exactly the symbol zbarimg read', () => {
    const code = encodeQr('https://tilbud.kk.dk/liste?steder=nabo');
    assert.deepEqual(
      code.modules.map((row) => row.map((dark) => (dark ? '#' : '.')).join('')),
      readByZbar,
    );
    assert.equal(decodeQr(code.modules).text, 'https://tilbud.kk.dk/liste?steder=nabo');
  });
});

describe('the QR encoder: what it draws decodes back', () => {
  const links = [
    'http://127.0.0.1:3000/liste?steder=nabo',
    'https://tilbud.kk.dk/liste?steder=nabo,kompasset,mamma-mia',
    `https://tilbud.kk.dk/liste?steder=${['fountain-house', 'sydhavnen-multihus', 'kontaktcenteret', 'svendborggade', 'ottilia', 'amadeus', 'pegasus', 'cafe-rose', 'lyrskovgade', 'griffenfeldsgade', 'horsholmsgade', 'fremtidsfabrikken'].join(',')}`,
    'Værested på Østerbro – åbent i dag',
    'a',
  ];

  for (const link of links) {
    it(`${link.slice(0, 60)}… (${byteLength(link)} bytes)`, () => {
      const code = encodeQr(link);
      const decoded = decodeQr(code.modules);
      assert.equal(decoded.text, link);
      assert.equal(decoded.version, code.version);
      assert.equal(decoded.mask, code.mask);
    });
  }

  it('reads back with each of the eight masks, and chooses the one with the lowest penalty', () => {
    for (const text of links) {
      const chosen = encodeQr(text);
      for (let mask = 0; mask < 8; mask++) {
        const code = encodeQr(text, { mask });
        assert.deepEqual(decodeQr(code.modules), { version: chosen.version, mask, text });
        assert.ok(penaltyScore(chosen.modules) <= penaltyScore(code.modules), `mask ${mask} scores lower than ${chosen.mask}`);
      }
    }
  });

  it('round-trips any text up to version 10 (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 70 }).filter((text) => byteLength(text) <= 213),
        (text) => {
          const code = encodeQr(text);
          assert.ok(code.version <= 10);
          assert.equal(decodeQr(code.modules).text, text);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('draws the same modules as an SVG path', () => {
    const code = encodeQr(links[1]!);
    assert.deepEqual(modulesFromSvgPath(qrPath(code), code.size + 8), code.modules);
  });
});
