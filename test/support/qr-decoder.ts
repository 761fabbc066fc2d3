/**
 * A QR code reader for tests, written from the standard's tables without sharing code with the encoder
 * (src/web/qr/qr-code.ts): it finds the format word among the eight known level-M words, reads the
 * zigzag, removes the mask, checks every block's Reed–Solomon syndromes are zero and reads byte mode.
 * Versions 1–10 at level M only. It throws with a reason on anything it does not accept.
 */

/** Level M format words for masks 0–7 (ISO/IEC 18004 table C.1). */
export const levelMFormatWords = [
  0b101010000010010, 0b101000100100101, 0b101111001111100, 0b101101101001011, 0b100010111111001, 0b100000011001110,
  0b100111110010111, 0b100101010100000,
];

/** Version words for versions 7–10 (table D.1). */
export const versionWords: Record<number, number> = {
  7: 0b000111110010010100,
  8: 0b001000010110111100,
  9: 0b001001101010011001,
  10: 0b001010010011010011,
};

/** Alignment pattern centres (annex E). */
export const alignmentTable: Record<number, number[]> = {
  1: [],
  2: [6, 18],
  3: [6, 22],
  4: [6, 26],
  5: [6, 30],
  6: [6, 34],
  7: [6, 22, 38],
  8: [6, 24, 42],
  9: [6, 26, 46],
  10: [6, 28, 50],
};

/** Level M blocks (table 9): [count, total codewords, data codewords] per group. */
const levelMBlocks: Record<number, [number, number, number][]> = {
  1: [[1, 26, 16]],
  2: [[1, 44, 28]],
  3: [[1, 70, 44]],
  4: [[2, 50, 32]],
  5: [[2, 67, 43]],
  6: [[4, 43, 27]],
  7: [[4, 49, 31]],
  8: [
    [2, 60, 38],
    [2, 61, 39],
  ],
  9: [
    [3, 58, 36],
    [2, 59, 37],
  ],
  10: [
    [4, 69, 43],
    [1, 70, 44],
  ],
};

// GF(256) by log and antilog tables over x^8 + x^4 + x^3 + x^2 + 1.
const exp = new Array<number>(512);
const log = new Array<number>(256).fill(0);
for (let i = 0, value = 1; i < 255; i++) {
  exp[i] = value;
  log[value] = i;
  value <<= 1;
  if (value & 0x100) value ^= 0x11d;
}
for (let i = 255; i < 512; i++) exp[i] = exp[i - 255]!;
const multiply = (a: number, b: number) => (a === 0 || b === 0 ? 0 : exp[log[a]! + log[b]!]!);

/** The codeword polynomial evaluated at α^k for k < degree; all zero for a valid block. */
export function syndromes(block: readonly number[], degree: number): number[] {
  return Array.from({ length: degree }, (_, k) => block.reduce((sum, codeword) => multiply(sum, exp[k]!) ^ codeword, 0));
}

const maskConditions: ((row: number, column: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i + j) % 2) + ((i * j) % 3)) % 2 === 0,
];

const popcount = (value: number) => value.toString(2).replaceAll('0', '').length;

export type DecodedQr = { version: number; mask: number; text: string };

export function decodeQr(modules: readonly (readonly boolean[])[]): DecodedQr {
  const n = modules.length;
  const version = (n - 17) / 4;
  if (!Number.isInteger(version) || !levelMBlocks[version]) throw new Error(`size ${n} is not a version 1–10 symbol`);
  if (modules.some((row) => row.length !== n)) throw new Error('not square');
  const dark = (row: number, column: number) => modules[row]![column]!;

  // Format word, first copy: row 8 left to right (columns 0–5, 7, 8), then column 8 upwards (rows 7, 5–0).
  const firstCells: [number, number][] = [
    ...[0, 1, 2, 3, 4, 5, 7, 8].map((column): [number, number] => [8, column]),
    ...[7, 5, 4, 3, 2, 1, 0].map((row): [number, number] => [row, 8]),
  ];
  // Second copy: column 8 from the bottom upwards (rows n−1 … n−7), then row 8 (columns n−8 … n−1).
  const secondCells: [number, number][] = [
    ...[1, 2, 3, 4, 5, 6, 7].map((k): [number, number] => [n - k, 8]),
    ...[8, 7, 6, 5, 4, 3, 2, 1].map((k): [number, number] => [8, n - k]),
  ];
  const read = (cells: [number, number][]) => cells.reduce((word, [row, column]) => (word << 1) | Number(dark(row, column)), 0);
  const first = read(firstCells);
  const second = read(secondCells);
  if (first !== second) throw new Error(`the format copies differ: ${first.toString(2)} / ${second.toString(2)}`);
  const mask = levelMFormatWords.indexOf(first);
  if (mask < 0) {
    const nearest = Math.min(...levelMFormatWords.map((word) => popcount(word ^ first)));
    throw new Error(`format word ${first.toString(2).padStart(15, '0')} is not level M (nearest is ${nearest} bits away)`);
  }
  if (!dark(n - 8, 8)) throw new Error('the dark module is light');

  if (version >= 7) {
    // Bottom-left block: 6 columns × 3 rows, read from the most significant bit (column 5, row n−9).
    let word = 0;
    for (let column = 5; column >= 0; column--) {
      for (let row = n - 9; row >= n - 11; row--) word = (word << 1) | Number(dark(row, column));
    }
    let transposed = 0;
    for (let row = 5; row >= 0; row--) {
      for (let column = n - 9; column >= n - 11; column--) transposed = (transposed << 1) | Number(dark(row, column));
    }
    if (word !== versionWords[version] || transposed !== word) throw new Error(`version word ${word.toString(2)} does not say ${version}`);
  }

  // Which modules are not data.
  const reserved = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  const reserve = (top: number, left: number, height: number, width: number) => {
    for (let row = top; row < top + height; row++) for (let column = left; column < left + width; column++) reserved[row]![column] = true;
  };
  reserve(0, 0, 9, 9);
  reserve(0, n - 8, 9, 8);
  reserve(n - 8, 0, 8, 9);
  reserve(6, 0, 1, n);
  reserve(0, 6, n, 1);
  const centres = alignmentTable[version]!;
  for (const row of centres) {
    for (const column of centres) {
      const overlapsFinder = (row < 9 && column < 9) || (row < 9 && column > n - 9) || (row > n - 9 && column < 9);
      if (!overlapsFinder) reserve(row - 2, column - 2, 5, 5);
    }
  }
  if (version >= 7) {
    reserve(0, n - 11, 6, 3);
    reserve(n - 11, 0, 3, 6);
  }

  // The zigzag: pairs of columns from the right, up then down, stepping over the timing column.
  const bits: number[] = [];
  let upward = true;
  for (let right = n - 1; right > 0; right -= 2) {
    if (right === 6) right--;
    for (let k = 0; k < n; k++) {
      const row = upward ? n - 1 - k : k;
      for (const column of [right, right - 1]) {
        if (reserved[row]![column]) continue;
        bits.push(Number(dark(row, column) !== maskConditions[mask]!(row, column)));
      }
    }
    upward = !upward;
  }
  const groups = levelMBlocks[version]!;
  const total = groups.reduce((sum, [count, length]) => sum + count * length, 0);
  if (Math.floor(bits.length / 8) !== total) throw new Error(`${bits.length} data modules, expected ${total} codewords`);
  const codewords = Array.from({ length: total }, (_, index) =>
    bits.slice(index * 8, index * 8 + 8).reduce((byte, value) => (byte << 1) | value, 0),
  );

  // De-interleave: data codewords column by column across blocks, then error correction the same way.
  const blocks = groups.flatMap(([count, length, data]) => Array.from({ length: count }, () => ({ length, data, words: [] as number[], ecc: [] as number[] })));
  let cursor = 0;
  const longestData = Math.max(...blocks.map((block) => block.data));
  for (let i = 0; i < longestData; i++) for (const block of blocks) if (i < block.data) block.words.push(codewords[cursor++]!);
  const eccLength = blocks[0]!.length - blocks[0]!.data;
  for (let i = 0; i < eccLength; i++) for (const block of blocks) block.ecc.push(codewords[cursor++]!);
  for (const [index, block] of blocks.entries()) {
    if (block.length - block.data !== eccLength) throw new Error('blocks disagree on error correction length');
    const bad = syndromes([...block.words, ...block.ecc], eccLength).filter((value) => value !== 0).length;
    if (bad > 0) throw new Error(`block ${index} has ${bad} non-zero syndromes`);
  }

  // Byte mode: 0100, the count, the bytes, a terminator, then the pad codewords 0xEC 0x11 ….
  const data = blocks.flatMap((block) => block.words);
  const stream = data.flatMap((byte) => Array.from({ length: 8 }, (_, k) => (byte >> (7 - k)) & 1));
  let position = 0;
  const take = (length: number) => {
    let value = 0;
    for (let k = 0; k < length; k++) value = (value << 1) | stream[position++]!;
    return value;
  };
  const mode = take(4);
  if (mode !== 0b0100) throw new Error(`mode ${mode.toString(2)} is not byte mode`);
  const count = take(version <= 9 ? 8 : 16);
  if (position + count * 8 > stream.length) throw new Error(`count ${count} is longer than the data`);
  const bytes = Uint8Array.from({ length: count }, () => take(8));
  const terminator = Math.min(4, stream.length - position);
  if (take(terminator) !== 0) throw new Error('the terminator is not zero');
  while (position % 8 !== 0) if (take(1) !== 0) throw new Error('the bits before the padding are not zero');
  for (let pad = 0; position < stream.length; pad++) {
    const expected = pad % 2 === 0 ? 0xec : 0x11;
    const byte = take(8);
    if (byte !== expected) throw new Error(`pad codeword ${byte} is not ${expected}`);
  }
  return { version, mask, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
}

/** The modules of an SVG drawn by QrCodeSvg, read back from its path (M x y h w v1 h −w z per run). */
export function modulesFromSvgPath(path: string, viewBoxSize: number, quietZone = 4): boolean[][] {
  const size = viewBoxSize - quietZone * 2;
  const modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  for (const match of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const x = Number(match[1]) - quietZone;
    const y = Number(match[2]) - quietZone;
    for (let k = 0; k < Number(match[3]); k++) modules[y]![x + k] = true;
  }
  return modules;
}
