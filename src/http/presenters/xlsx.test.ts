import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { columnName, workbookParts, xlsx } from './xlsx.ts';

describe('the minimal XLSX workbook', () => {
  it('names columns as a spreadsheet does', () => {
    assert.deepEqual([0, 25, 26, 27, 51, 52, 701, 702].map(columnName), ['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('writes text as inline strings without control characters, numbers as numbers, and names sheets Excel accepts', () => {
    const parts = new Map(workbookParts([{ name: 'Besøg: 2026/2027 [alle] og meget mere end 31 tegn', rows: [['Nabo & co <x>\u0007', 12.5, null]] }]));
    const sheet = parts.get('xl/worksheets/sheet1.xml')!;
    assert.match(sheet, /<c r="A1" t="inlineStr"><is><t xml:space="preserve">Nabo &amp; co &lt;x&gt;<\/t><\/is><\/c><c r="B1"><v>12.5<\/v><\/c><\/row>/);
    const name = /<sheet name="([^"]+)"/.exec(parts.get('xl/workbook.xml')!)![1]!;
    assert.ok(name.length <= 31 && !/[[\]:*?/\\]/.test(name), name);
  });

  it('is a zip whose entries inflate back to the parts, with the end record counting them', () => {
    const parts = workbookParts([{ name: 'Ark', rows: [['a']] }]);
    const bytes = xlsx([{ name: 'Ark', rows: [['a']] }], new Date('2026-12-06T12:00:00Z'));
    assert.equal(bytes.readUInt32LE(0), 0x04034b50);
    const end = bytes.length - 22;
    assert.equal(bytes.readUInt32LE(end), 0x06054b50);
    assert.equal(bytes.readUInt16LE(end + 10), parts.length);
    // The first entry, read from its local header.
    const nameLength = bytes.readUInt16LE(26);
    const size = bytes.readUInt32LE(18);
    assert.equal(bytes.subarray(30, 30 + nameLength).toString(), parts[0]![0]);
    assert.equal(inflateRawSync(bytes.subarray(30 + nameLength, 30 + nameLength + size)).toString(), parts[0]![1]);
  });
});
