import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { exifOrientation, withoutMetadata } from './image-metadata.ts';

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));
const u16 = (value: number) => [value >> 8, value & 0xff];
const u32 = (value: number) => [value >>> 24, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
const le32 = (value: number) => [value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, value >>> 24];
const has = (haystack: Uint8Array, needle: string) => Buffer.from(haystack).includes(Buffer.from(needle, 'latin1'));

/** A phone's EXIF: little-endian, IFD0 with the orientation, the camera's make and a pointer to GPS data. */
function phoneExif(orientation: number) {
  const entries = [
    [0x0112, 3, 1, orientation],
    [0x010f, 2, 4, 0x0050484f], // Make "PHO" inline
    [0x8825, 4, 1, 62], // GPSInfo IFD offset
  ];
  const ifd = [...[entries.length & 0xff, 0], ...entries.flatMap(([tag, type, count, value]) => [tag! & 0xff, tag! >> 8, type!, 0, ...le32(count!), ...le32(value!)]), 0, 0, 0, 0];
  const gps = bytes('GPS 55.6761N 12.5683E');
  const payload = bytes('Exif\0\0', 'II', [0x2a, 0], le32(8), ifd, [...gps]);
  return bytes([0xff, 0xe1], u16(payload.length + 2), [...payload]);
}

/** A JPEG segment: its marker, then its length (which counts itself) and its data. */
const segment = (marker: number, ...data: (number[] | string)[]) => {
  const payload = bytes(...data);
  return [...bytes([0xff, marker], u16(payload.length + 2), [...payload])];
};

function jpeg(orientation: number) {
  const scan = bytes(segment(0xda, [1, 2, 3, 4]), [9, 8, 0xff, 0x00, 7, 6], [0xff, 0xd9]);
  return bytes(
    [0xff, 0xd8],
    segment(0xe0, 'JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0]),
    [...phoneExif(orientation)],
    segment(0xfe, 'Taget hjemme hos Mette'),
    segment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>'),
    segment(0xdb, [0, 1, 2, 3, 4]),
    [...scan],
  );
}

describe("A Gloria image's metadata", () => {
  it('takes a JPEG from a phone without where it was taken, the camera, comments or XMP, keeping the picture and which way up it is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), (orientation) => {
        const original = jpeg(orientation);
        const clean = withoutMetadata(original, 'image/jpeg')!;
        assert.ok(clean);
        assert.equal(has(clean, 'GPS 55.6761N'), false, 'no position');
        assert.equal(has(clean, 'Mette'), false, 'no comment');
        assert.equal(has(clean, 'ns.adobe.com/xap'), false, 'no XMP');
        assert.ok(has(clean, 'JFIF'), 'JFIF stays');
        // The tables and the scan, byte for byte.
        const tail = original.subarray(original.indexOf(0xdb) - 1);
        assert.deepEqual(clean.subarray(clean.length - tail.length), tail);
        const app1 = clean.indexOf(0xe1, 2);
        const kept = orientation === 1 ? null : exifOrientation(clean.subarray(app1 + 3, app1 + 3 + 32));
        assert.equal(kept, orientation === 1 ? null : orientation, 'a turned photo stays turned');
        assert.equal(orientation === 1 ? has(clean, 'Exif') : true, orientation !== 1);
      }),
    );
  });

  it('takes a PNG without its texts, EXIF and time, and a WebP without EXIF and XMP and their flags', () => {
    const chunk = (type: string, data: number[]) => bytes(u32(data.length), type, data, [0, 0, 0, 0]);
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [...chunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0])], [...chunk('tEXt', [...Buffer.from('Author\0Mette')])], [...chunk('eXIf', [1, 2])], [...chunk('IDAT', [1, 2, 3])], [...chunk('IEND', [])]);
    const cleanPng = withoutMetadata(png, 'image/png')!;
    assert.equal(has(cleanPng, 'Mette'), false);
    assert.equal(has(cleanPng, 'eXIf'), false);
    assert.ok(has(cleanPng, 'IDAT') && has(cleanPng, 'IEND'));

    const riff = (type: string, data: number[]) => bytes(type, le32(data.length), data, data.length % 2 ? [0] : []);
    const body = bytes('WEBP', [...riff('VP8X', [0x0c | 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0])], [...riff('VP8L', [1, 2, 3])], [...riff('EXIF', [...Buffer.from('GPS here')])], [...riff('XMP ', [...Buffer.from('<x/>')])]);
    const webp = bytes('RIFF', le32(body.length), [...body]);
    const cleanWebp = withoutMetadata(webp, 'image/webp')!;
    assert.equal(has(cleanWebp, 'GPS here'), false);
    assert.equal(has(cleanWebp, '<x/>'), false);
    assert.equal(cleanWebp[20]! & 0x0c, 0, 'VP8X no longer promises EXIF or XMP');
    assert.equal(cleanWebp[20]! & 0x10, 0x10, 'its other flags stay');
    assert.equal(Buffer.from(cleanWebp).readUInt32LE(4), cleanWebp.length - 8, 'the RIFF size fits');
  });

  it('refuses a file whose structure it cannot follow, rather than save what it could not clean', () => {
    assert.equal(withoutMetadata(jpeg(6).subarray(0, 30), 'image/jpeg'), null);
    assert.equal(withoutMetadata(bytes([0xff, 0xd8, 0x12, 0x34]), 'image/jpeg'), null);
    assert.equal(withoutMetadata(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], u32(99), 'IHDR'), 'image/png'), null);
  });
});
