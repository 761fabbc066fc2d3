/**
 * A QR code encoder (ISO/IEC 18004) for one job: a link on a printed handout. Byte mode (UTF-8), error
 * correction level M (15 % of the symbol can be lost), the smallest version 1–40 that fits, and the mask
 * with the lowest penalty score. Written here rather than taken from npm; see the tests for the vectors.
 */

export type QrCode = {
  version: number;
  /** Modules per side, without the quiet zone: 17 + 4 × version. */
  size: number;
  mask: number;
  /** modules[y][x]: true is dark. */
  modules: boolean[][];
};

// Level M, by version (index 0 unused): error-correction codewords per block and number of blocks.
// ISO/IEC 18004:2015 table 9.
const eccPerBlock = [
  -1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28,
  28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
];
const blockCount = [
  -1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33,
  35, 37, 38, 40, 43, 45, 47, 49,
];

/** Level M's two format bits (L = 01, M = 00, Q = 11, H = 10). */
const levelMBits = 0b00;

/** Modules available for data and error correction, after all function patterns. */
export function rawDataModules(version: number): number {
  let result = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const alignments = Math.floor(version / 7) + 2;
    result -= (25 * alignments - 10) * alignments - 55;
    if (version >= 7) result -= 36;
  }
  return result;
}

export function dataCodewords(version: number): number {
  return Math.floor(rawDataModules(version) / 8) - eccPerBlock[version]! * blockCount[version]!;
}

/** Centres of the alignment patterns along one axis. */
export function alignmentPositions(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const step = Math.floor((version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2;
  const result = [6];
  for (let position = version * 4 + 10; result.length < count; position -= step) result.splice(1, 0, position);
  return result;
}

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
function gfMultiply(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z;
}

/** The generator polynomial (x − α^0)(x − α^1)…(x − α^(degree−1)), leading 1 left out, highest first. */
function reedSolomonDivisor(degree: number): number[] {
  const result = new Array<number>(degree).fill(0);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = gfMultiply(result[j]!, root);
      if (j + 1 < degree) result[j]! ^= result[j + 1]!;
    }
    root = gfMultiply(root, 0x02);
  }
  return result;
}

/** Reed–Solomon error-correction codewords for one block of data codewords. */
export function reedSolomonRemainder(data: readonly number[], degree: number): number[] {
  const divisor = reedSolomonDivisor(degree);
  const result = new Array<number>(degree).fill(0);
  for (const byte of data) {
    const factor = byte ^ result.shift()!;
    result.push(0);
    divisor.forEach((coefficient, index) => {
      result[index]! ^= gfMultiply(coefficient, factor);
    });
  }
  return result;
}

/** 15 format bits: level and mask, BCH(15,5) protected, XOR-masked so they are never all light. */
export function formatBits(mask: number): number {
  const data = (levelMBits << 3) | mask;
  let remainder = data;
  for (let i = 0; i < 10; i++) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
  return ((data << 10) | remainder) ^ 0x5412;
}

/** 18 version bits for versions 7 and up, BCH(18,6) protected. */
export function versionBits(version: number): number {
  let remainder = version;
  for (let i = 0; i < 12; i++) remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1f25);
  return (version << 12) | remainder;
}

const bit = (value: number, index: number) => ((value >>> index) & 1) !== 0;

function characterCountBits(version: number): number {
  return version <= 9 ? 8 : 16;
}

/** The data codewords: mode, count, the bytes, terminator and padding, for `version`. */
function dataCodewordsFor(bytes: Uint8Array, version: number): number[] {
  const bits: number[] = [];
  const append = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  append(0b0100, 4);
  append(bytes.length, characterCountBits(version));
  for (const byte of bytes) append(byte, 8);
  const capacity = dataCodewords(version) * 8;
  append(0, Math.min(4, capacity - bits.length));
  append(0, (8 - (bits.length % 8)) % 8);
  for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) append(pad, 8);
  const codewords: number[] = [];
  for (let i = 0; i < bits.length; i += 8) codewords.push(bits.slice(i, i + 8).reduce((byte, value) => (byte << 1) | value, 0));
  return codewords;
}

/** Splits the data into blocks, adds each block's error correction and interleaves them. */
function withErrorCorrection(data: readonly number[], version: number): number[] {
  const blocks = blockCount[version]!;
  const ecc = eccPerBlock[version]!;
  const raw = Math.floor(rawDataModules(version) / 8);
  const shortBlocks = blocks - (raw % blocks);
  const shortLength = Math.floor(raw / blocks);
  const all: number[][] = [];
  for (let i = 0, offset = 0; i < blocks; i++) {
    const length = shortLength - ecc + (i < shortBlocks ? 0 : 1);
    const block = data.slice(offset, offset + length);
    offset += length;
    const remainder = reedSolomonRemainder(block, ecc);
    // A placeholder keeps short and long blocks aligned while interleaving; it is skipped below.
    if (i < shortBlocks) block.push(-1);
    all.push([...block, ...remainder]);
  }
  const result: number[] = [];
  for (let i = 0; i < all[0]!.length; i++) {
    for (const block of all) if (block[i] !== -1) result.push(block[i]!);
  }
  return result;
}

const masks: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

class QrSymbol {
  readonly size: number;
  readonly modules: boolean[][];
  readonly isFunction: boolean[][];

  constructor(readonly version: number) {
    this.size = version * 4 + 17;
    this.modules = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.isFunction = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.drawFunctionPatterns();
  }

  private set(x: number, y: number, dark: boolean) {
    this.modules[y]![x] = dark;
    this.isFunction[y]![x] = true;
  }

  private drawFunctionPatterns() {
    const { size } = this;
    for (let i = 0; i < size; i++) {
      this.set(6, i, i % 2 === 0);
      this.set(i, 6, i % 2 === 0);
    }
    this.drawFinder(3, 3);
    this.drawFinder(size - 4, 3);
    this.drawFinder(3, size - 4);
    const positions = alignmentPositions(this.version);
    const last = positions.length - 1;
    for (const [i, x] of positions.entries()) {
      for (const [j, y] of positions.entries()) {
        // Not where a finder pattern already is.
        const isFinderCorner = (i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0);
        if (!isFinderCorner) this.drawAlignment(x, y);
      }
    }
    // Reserve the format areas now; the bits are drawn once the mask is chosen.
    this.drawFormat(0);
    this.drawVersion();
  }

  private drawFinder(cx: number, cy: number) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        if (x < 0 || y < 0 || x >= this.size || y >= this.size) continue;
        const distance = Math.max(Math.abs(dx), Math.abs(dy));
        this.set(x, y, distance !== 2 && distance !== 4);
      }
    }
  }

  private drawAlignment(cx: number, cy: number) {
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) this.set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    }
  }

  drawFormat(mask: number) {
    const bits = formatBits(mask);
    const { size } = this;
    for (let i = 0; i <= 5; i++) this.set(8, i, bit(bits, i));
    this.set(8, 7, bit(bits, 6));
    this.set(8, 8, bit(bits, 7));
    this.set(7, 8, bit(bits, 8));
    for (let i = 9; i < 15; i++) this.set(14 - i, 8, bit(bits, i));
    for (let i = 0; i < 8; i++) this.set(size - 1 - i, 8, bit(bits, i));
    for (let i = 8; i < 15; i++) this.set(8, size - 15 + i, bit(bits, i));
    // The dark module, always dark.
    this.set(8, size - 8, true);
  }

  private drawVersion() {
    if (this.version < 7) return;
    const bits = versionBits(this.version);
    for (let i = 0; i < 18; i++) {
      const a = this.size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      this.set(a, b, bit(bits, i));
      this.set(b, a, bit(bits, i));
    }
  }

  /** Places the codewords in the two-module-wide zigzag from the bottom right, skipping function modules. */
  drawCodewords(codewords: readonly number[]) {
    const { size } = this;
    let index = 0;
    for (let right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      const isUpward = ((right + 1) & 2) === 0;
      for (let step = 0; step < size; step++) {
        const y = isUpward ? size - 1 - step : step;
        for (let j = 0; j < 2; j++) {
          const x = right - j;
          if (this.isFunction[y]![x] || index >= codewords.length * 8) continue;
          this.modules[y]![x] = bit(codewords[index >>> 3]!, 7 - (index & 7));
          index++;
        }
      }
    }
  }

  applyMask(mask: number) {
    const test = masks[mask]!;
    for (let y = 0; y < this.size; y++) {
      for (let x = 0; x < this.size; x++) {
        if (!this.isFunction[y]![x] && test(x, y)) this.modules[y]![x] = !this.modules[y]![x];
      }
    }
  }
}

const finderLike = [
  [true, false, true, true, true, false, true, false, false, false, false],
  [false, false, false, false, true, false, true, true, true, false, true],
];

/** The penalty score of ISO/IEC 18004 7.8.3: lower is easier for a reader. */
export function penaltyScore(modules: readonly (readonly boolean[])[]): number {
  const size = modules.length;
  const at = (x: number, y: number, isColumn: boolean) => (isColumn ? modules[x]![y]! : modules[y]![x]!);
  let score = 0;
  for (const isColumn of [false, true]) {
    for (let y = 0; y < size; y++) {
      // Rule 1: five or more in a row of the same colour.
      let run = 1;
      for (let x = 1; x <= size; x++) {
        if (x < size && at(x, y, isColumn) === at(x - 1, y, isColumn)) {
          run++;
          continue;
        }
        if (run >= 5) score += 3 + (run - 5);
        run = 1;
      }
      // Rule 3: 1:1:3:1:1 finder-like patterns with four light modules on one side.
      for (let x = 0; x + 11 <= size; x++) {
        for (const pattern of finderLike) {
          if (pattern.every((dark, k) => at(x + k, y, isColumn) === dark)) score += 40;
        }
      }
    }
  }
  // Rule 2: 2×2 blocks of one colour.
  for (let y = 0; y + 1 < size; y++) {
    for (let x = 0; x + 1 < size; x++) {
      const colour = modules[y]![x];
      if (modules[y]![x + 1] === colour && modules[y + 1]![x] === colour && modules[y + 1]![x + 1] === colour) score += 3;
    }
  }
  // Rule 4: how far the share of dark modules is from half, in steps of 5 %.
  const dark = modules.reduce((sum, row) => sum + row.filter(Boolean).length, 0);
  const total = size * size;
  score += Math.floor(Math.abs(dark * 20 - total * 10) / total) * 10;
  return score;
}

/**
 * The smallest level-M QR code that holds `text` as UTF-8 bytes, with the best mask unless one is given.
 * Throws a RangeError when the text cannot fit.
 */
export function encodeQr(text: string, options: { mask?: number } = {}): QrCode {
  const bytes = new TextEncoder().encode(text);
  let version = 1;
  while (version <= 40 && 4 + characterCountBits(version) + bytes.length * 8 > dataCodewords(version) * 8) version++;
  if (version > 40) throw new RangeError(`${bytes.length} bytes do not fit in a QR code at level M.`);
  const codewords = withErrorCorrection(dataCodewordsFor(bytes, version), version);
  const symbol = new QrSymbol(version);
  symbol.drawCodewords(codewords);
  let best: { mask: number; score: number } | null = null;
  for (const mask of options.mask === undefined ? [0, 1, 2, 3, 4, 5, 6, 7] : [options.mask]) {
    symbol.applyMask(mask);
    symbol.drawFormat(mask);
    const score = penaltyScore(symbol.modules);
    if (best === null || score < best.score) best = { mask, score };
    // Masking twice with the same pattern undoes it.
    symbol.applyMask(mask);
  }
  symbol.applyMask(best!.mask);
  symbol.drawFormat(best!.mask);
  return { version, size: symbol.size, mask: best!.mask, modules: symbol.modules };
}
