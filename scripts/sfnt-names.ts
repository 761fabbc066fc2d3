/**
 * Renames an OpenType font (TrueType outlines, uncompressed): a new `name` table with the family and full
 * names given, the copyright, version and licence records of the original kept. Used by subset-dkfds.ts,
 * because a subset of IBM Plex Sans may not carry the Reserved Font Name "Plex" (SIL OFL 1.1, condition 3),
 * and a browser refuses a font with no `name` table at all.
 */

/** Name IDs copied from the original: copyright, version, licence description, licence URL. */
const keptNameIds = [0, 5, 13, 14];
const windows = { platform: 3, encoding: 1, language: 0x409 };

function readTables(font: Buffer): { version: number; tables: Map<string, Buffer> } {
  const count = font.readUInt16BE(4);
  const tables = new Map<string, Buffer>();
  for (let index = 0; index < count; index++) {
    const record = 12 + index * 16;
    const offset = font.readUInt32BE(record + 8);
    tables.set(font.toString('latin1', record, record + 4), font.subarray(offset, offset + font.readUInt32BE(record + 12)));
  }
  return { version: font.readUInt32BE(0), tables };
}

function checksum(data: Buffer): number {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let offset = 0; offset < padded.length; offset += 4) sum = (sum + padded.readUInt32BE(offset)) >>> 0;
  return sum;
}

function writeFont(version: number, tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const entrySelector = Math.floor(Math.log2(tags.length));
  const header = Buffer.alloc(12 + tags.length * 16);
  header.writeUInt32BE(version, 0);
  header.writeUInt16BE(tags.length, 4);
  header.writeUInt16BE(16 * 2 ** entrySelector, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(tags.length * 16 - 16 * 2 ** entrySelector, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tags.forEach((tag, index) => {
    let data = tables.get(tag)!;
    // checkSumAdjustment is computed over the whole font with itself at zero.
    if (tag === 'head') data = Buffer.from(data).fill(0, 8, 12);
    const record = 12 + index * 16;
    header.write(tag, record, 'latin1');
    header.writeUInt32BE(checksum(data), record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(data.length, record + 12);
    const padding = Buffer.alloc((4 - (data.length % 4)) % 4);
    bodies.push(data, padding);
    offset += data.length + padding.length;
  });
  const font = Buffer.concat([header, ...bodies]);
  const head = font.readUInt32BE(12 + tags.indexOf('head') * 16 + 8);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, head + 8);
  return font;
}

/** The Windows (platform 3, Unicode) strings of a `name` table, by name ID. */
function readNames(table: Buffer): Map<number, string> {
  const names = new Map<number, string>();
  const count = table.readUInt16BE(2);
  const storage = table.readUInt16BE(4);
  for (let index = 0; index < count; index++) {
    const record = 6 + index * 12;
    if (table.readUInt16BE(record) !== windows.platform || table.readUInt16BE(record + 2) !== windows.encoding) continue;
    if (table.readUInt16BE(record + 4) !== windows.language) continue;
    const start = storage + table.readUInt16BE(record + 10);
    const text = Buffer.from(table.subarray(start, start + table.readUInt16BE(record + 8))).swap16().toString('utf16le');
    names.set(table.readUInt16BE(record + 6), text);
  }
  return names;
}

function writeNames(names: Map<number, string>): Buffer {
  const ids = [...names.keys()].sort((a, b) => a - b);
  const strings = ids.map((id) => Buffer.from(names.get(id)!, 'utf16le').swap16());
  const header = Buffer.alloc(6 + ids.length * 12);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(ids.length, 2);
  header.writeUInt16BE(header.length, 4);
  let offset = 0;
  ids.forEach((id, index) => {
    const record = 6 + index * 12;
    header.writeUInt16BE(windows.platform, record);
    header.writeUInt16BE(windows.encoding, record + 2);
    header.writeUInt16BE(windows.language, record + 4);
    header.writeUInt16BE(id, record + 6);
    header.writeUInt16BE(strings[index]!.length, record + 8);
    header.writeUInt16BE(offset, record + 10);
    offset += strings[index]!.length;
  });
  return Buffer.concat([header, ...strings]);
}

/** The font under `family`, its style (e.g. "SemiBold Italic") kept; the original's own names are gone. */
export function renameFont(font: Buffer, family: string, style: string): Buffer {
  const { version, tables } = readTables(font);
  const original = readNames(tables.get('name')!);
  const names = new Map<number, string>();
  for (const id of keptNameIds) if (original.has(id)) names.set(id, original.get(id)!);
  const postScript = `${family.replaceAll(' ', '')}-${style.replaceAll(' ', '')}`;
  names.set(1, family);
  names.set(2, style);
  names.set(3, `${original.get(5) ?? ''};${postScript}`);
  names.set(4, `${family} ${style}`);
  names.set(6, postScript);
  tables.set('name', writeNames(names));
  return writeFont(version, tables);
}
