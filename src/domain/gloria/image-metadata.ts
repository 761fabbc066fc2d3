import type { ImageMime } from './article.ts';

/**
 * What a photo carries besides the picture: a phone writes where and when it was taken (EXIF with GPS), the camera,
 * sometimes the owner's name, comments and XMP. A Gloria image is public, and a photo taken at home would tell where
 * a user lives, so everything but the picture, its colours and which way up it is goes before the image is saved
 * (ADR 037). Lossless: the picture's own bytes are copied as they are.
 *
 * Returns the cleaned bytes, or null when the file's structure cannot be followed (then it is not saved at all).
 */
export function withoutMetadata(bytes: Uint8Array, mime: ImageMime): Uint8Array | null {
  try {
    if (mime === 'image/jpeg') return cleanJpeg(bytes);
    if (mime === 'image/png') return cleanPng(bytes);
    return cleanWebp(bytes);
  } catch {
    return null;
  }
}

const concat = (parts: readonly Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

// JPEG segments kept: APP0 (JFIF), APP2 (the ICC colour profile) and APP14 (Adobe's colour transform), besides the
// picture's own (tables, frame, scan). APP1 (EXIF, XMP), APP3–APP13 (IPTC and makers' notes), APP15 and comments go.
const keptApp = new Set([0xe0, 0xe2, 0xee]);

function cleanJpeg(bytes: Uint8Array): Uint8Array | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let orientation: number | null = null;
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    while (bytes[at] === 0xff) at++;
    const marker = bytes[at]!;
    const start = at - 1;
    at++;
    if (marker === 0xd9) {
      parts.push(bytes.subarray(start, at));
      return withOrientation(parts, orientation);
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(bytes.subarray(start, at));
      continue;
    }
    if (at + 2 > bytes.length) return null;
    const length = (bytes[at]! << 8) | bytes[at + 1]!;
    if (length < 2 || at + length > bytes.length) return null;
    const end = at + length;
    if (marker === 0xda) {
      // The scan: the picture itself, to the end of the file.
      parts.push(bytes.subarray(start));
      return withOrientation(parts, orientation);
    }
    const isApp = marker >= 0xe0 && marker <= 0xef;
    if (marker === 0xe1) orientation ??= exifOrientation(bytes.subarray(at + 2, end));
    if (!(isApp && !keptApp.has(marker)) && marker !== 0xfe) parts.push(bytes.subarray(start, end));
    at = end;
  }
  return null;
}

/** The cleaned JPEG, with a new EXIF segment holding only the orientation when the photo needs turning. */
function withOrientation(parts: Uint8Array[], orientation: number | null): Uint8Array {
  if (orientation === null || orientation === 1) return concat(parts);
  // APP1: "Exif\0\0", a big-endian TIFF header, IFD0 with one entry (0x0112 Orientation, SHORT, 1) and no next IFD.
  const segment = new Uint8Array([
    0xff, 0xe1, 0x00, 0x22, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00, 0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00,
    0x00, 0x01, 0x00, orientation, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  ]);
  return concat([parts[0]!, segment, ...parts.slice(1)]);
}

/** The Orientation (1–8) in an APP1 EXIF payload, or null. */
export function exifOrientation(payload: Uint8Array): number | null {
  if (payload.length < 14 || String.fromCharCode(...payload.subarray(0, 4)) !== 'Exif') return null;
  const tiff = payload.subarray(6);
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return null;
  const count = view.getUint16(ifd, little);
  for (let index = 0; index < count; index++) {
    const entry = ifd + 2 + index * 12;
    if (entry + 12 > tiff.length) return null;
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

// PNG chunks that say nothing about the picture: EXIF, texts (author, comments, software), and when it was made.
const droppedPngChunks = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

function cleanPng(bytes: Uint8Array): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (end > bytes.length) return null;
    if (!droppedPngChunks.has(type)) parts.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') return concat(parts);
  }
  return null;
}

function cleanWebp(bytes: Uint8Array): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Uint8Array[] = [];
  let at = 12;
  while (at + 8 <= bytes.length) {
    const type = String.fromCharCode(...bytes.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    const end = at + 8 + size + (size % 2);
    if (at + 8 + size > bytes.length) return null;
    const chunk = bytes.slice(at, Math.min(end, bytes.length));
    // VP8X's flags say whether EXIF and XMP follow: cleared with them.
    if (type === 'VP8X' && chunk.length > 8) chunk[8] = chunk[8]! & ~0x0c;
    if (type !== 'EXIF' && type !== 'XMP ') chunks.push(chunk);
    at = end;
  }
  const body = concat(chunks);
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 4));
  new DataView(header.buffer).setUint32(4, body.length + 4, true);
  header.set(bytes.subarray(8, 12), 8);
  return concat([header, body]);
}
