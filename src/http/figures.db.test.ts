import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { createTestApp } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import { addReview, addTallies } from '../../test/support/figures.ts';
import { signedInStaff } from '../../test/support/staff.ts';
import { figuresFor } from '../app/figures-report.ts';
import type { Database } from '../db/database.ts';
import { createFiguresReportStore } from '../db/figures-report-store.ts';
import { createVisitCountStore } from '../db/visit-count-store.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
let nabo: { id: string; name: string };
let kompasset: { id: string; name: string };

/** The files of a zip archive, read from its central directory, deflated ones inflated. */
function unzip(bytes: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50);
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataStart, dataStart + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extra;
  }
  return files;
}

/** A worksheet's cells by reference ('A1' -> text or number as text). */
function cellsOf(sheetXml: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const match of sheetXml.matchAll(/<c r="([A-Z]+\d+)"(?: t="inlineStr")?>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g)) {
    cells.set(match[1]!, (match[2] ?? match[3] ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'));
  }
  return cells;
}

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  const offering = (slug: string) => database.db.selectFrom('offering').select(['id', 'name']).where('slug', '=', slug).executeTakeFirstOrThrow();
  nabo = await offering('nabo');
  kompasset = await offering('kompasset');
  const db = database.db;
  await addTallies(db, { offeringId: nabo.id, from: '2026-09-01', to: '2026-09-10', visits: 12, by: 'Søren Staff' });
  await addTallies(db, { offeringId: nabo.id, from: '2026-10-05', to: '2026-10-05', visits: 3, by: 'Søren Staff' });
  await addTallies(db, { offeringId: nabo.id, from: '2026-11-02', to: '2026-11-05', visits: 10, by: 'Mette Dør' });
  await addTallies(db, { offeringId: nabo.id, from: '2025-09-01', to: '2025-09-08', visits: 10, by: 'Søren Staff' });
  await addReview(db, { offeringId: nabo.id, month: '2026-09', verdict: 'confirmed', visitsSeen: 120, by: 'Søren Staff', at: new Date('2026-10-02T08:00:00Z') });
  await addReview(db, { offeringId: nabo.id, month: '2026-10', verdict: 'disputed', visitsSeen: 3, comment: 'Vi talte 65 besøg i oktober', by: 'Søren Staff', at: new Date('2026-11-03T08:00:00Z') });
  await addTallies(db, { offeringId: kompasset.id, from: '2026-09-01', to: '2026-09-05', visits: 10, by: 'Ole Optæller' });
  await addTallies(db, { offeringId: kompasset.id, from: '2026-10-01', to: '2026-10-02', visits: 20, by: 'Ole Optæller' });
  // Kompasset confirmed 45 for September, then a tally came: September must be confirmed again.
  await addReview(db, { offeringId: kompasset.id, month: '2026-09', verdict: 'confirmed', visitsSeen: 45, by: 'Ole Optæller', at: new Date('2026-10-01T08:00:00Z') });
  await addReview(db, { offeringId: kompasset.id, month: '2026-10', verdict: 'confirmed', visitsSeen: 40, by: 'Ole Optæller', at: new Date('2026-11-01T08:00:00Z') });
});
after(() => database.close());

const planner = () => signedInStaff(app, database, { name: 'Pia Planlægger', grant: { role: 'planner', offeringId: null, organizationId: null } });
const csvRows = (text: string) => text.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(';'));

describe(`Reports on use in the back office (${databaseKind})`, () => {
  it('shows each offering by month with its provenance, last year, hours open and the open dispute', async () => {
    const person = await planner();
    const page = await person.get('/admin/tal?efter=tilbud&periode=maaned&aar=2026');
    assert.equal(page.status, 200);
    assert.match(page.text, /<h1>Tal for brug af tilbuddene<\/h1>/);
    assert.match(page.text, /role="img"/);
    assert.match(page.text, /<title id="tabel-0-chart-title">/);
    assert.match(page.text, /Vi talte 65 besøg i oktober/);
    assert.match(page.text, /registreret af Mette Dør, Søren Staff/);
    assert.match(page.text, /under 5/);
    assert.match(page.text, /Besøg pr. åbningstime/);
    // Nabo had 80 visits in the same period of 2025: +104 %.
    assert.match(page.text, /80 \+104 %/);
  });

  it('exports the same table as CSV with small counts as «under 5» and the row totals whole', async () => {
    const person = await planner();
    const answer = await app.request('/admin/tal/eksport.csv?efter=tilbud&periode=maaned&aar=2026', { headers: { cookie: person.cookie } });
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(answer.headers.get('content-disposition') ?? '', /tal-2026-maaned-pr-tilbud\.csv/);
    const rows = csvRows(await answer.text());
    assert.equal(rows[0]![0], 'Mål: besøg');
    const header = rows[1]!;
    const oct = header.indexOf('okt. 2026');
    const total = header.indexOf('I alt (besøg)');
    const naboRow = rows.find((row) => row[0] === nabo.name)!;
    assert.equal(naboRow[oct], 'under 5');
    assert.equal(naboRow[total], '163');
    assert.equal(rows.find((row) => row[0] === kompasset.name)![total], '90');
    // No month of any row or the totals shows a count from 1 to 4.
    for (const row of rows.slice(2)) for (const cell of row.slice(1, total)) assert.doesNotMatch(cell, /^[1-4]$/, `${row[0]}: ${cell}`);
    assert.match(naboRow.join(';'), /Vi talte 65 besøg i oktober/);
  });

  it('exports an XLSX workbook whose cells read back as the CSV', async () => {
    const person = await planner();
    const query = 'efter=tilbud&periode=maaned&aar=2026';
    const answer = await app.request(`/admin/tal/eksport.xlsx?${query}`, { headers: { cookie: person.cookie } });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const files = unzip(Buffer.from(await answer.arrayBuffer()));
    assert.deepEqual([...files.keys()].sort(), ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    assert.match(files.get('xl/workbook.xml')!, /<sheet name="Besøg 2026"/);
    const cells = cellsOf(files.get('xl/worksheets/sheet1.xml')!);
    const csv = csvRows(await (await app.request(`/admin/tal/eksport.csv?${query}`, { headers: { cookie: person.cookie } })).text()).slice(1);
    const columns = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const [r, row] of csv.entries()) {
      for (const [c, cell] of row.entries()) {
        const name = c < 26 ? columns[c]! : `A${columns[c - 26]}`;
        const expected = /^\d+,\d+$/.test(cell) ? cell.replace(',', '.') : cell.replace(/^"|"$/g, '');
        assert.equal(cells.get(`${name}${r + 1}`) ?? '', expected, `${name}${r + 1}`);
      }
    }
    assert.equal(cells.get('A1'), 'Tilbud');
  });

  it('groups by district for the whole year, and reads unknown words as the defaults', async () => {
    const person = await planner();
    const year = await person.get('/admin/tal?efter=bydel&periode=aar&aar=2026');
    assert.equal(year.status, 200);
    assert.match(year.text, /<th scope="col">Bydel<\/th>/);
    assert.match(year.text, /okt\. 2026: »Vi talte 65 besøg i oktober«/);
    const csv = csvRows(await (await app.request('/admin/tal/eksport.csv?efter=bydel&periode=aar&aar=2026', { headers: { cookie: person.cookie } })).text());
    assert.equal(csv[1]![1], '2026');
    assert.equal(csv.at(-1)![1], '253');
    const odd = await person.get('/admin/tal?efter=planet&periode=uge&aar=1999');
    assert.equal(odd.status, 200);
    assert.match(odd.text, /<th scope="col">Tilbud<\/th>/);
  });

  it('shows the staff of one offering only the figures of their own', async () => {
    const person = await signedInStaff(app, database, { name: 'Søren Staff', grant: { role: 'offering_staff', offeringId: nabo.id, organizationId: null } });
    const page = await person.get('/admin/tal');
    assert.equal(page.status, 200);
    assert.match(page.text, new RegExp(nabo.name));
    assert.doesNotMatch(page.text, new RegExp(kompasset.name));
    const csv = await app.request('/admin/tal/eksport.csv', { headers: { cookie: person.cookie } });
    assert.doesNotMatch(await csv.text(), new RegExp(kompasset.name));
  });

  it('gives planning each offering’s use with provenance and its open disputes (figuresFor)', async () => {
    const uses = await figuresFor(
      { counts: createVisitCountStore(database.db), figures: createFiguresReportStore(database.db) },
      { offeringIds: [nabo.id, kompasset.id, crypto.randomUUID()] },
      { from: '2026-09-01', to: '2026-10-31' },
    );
    assert.equal(uses.length, 2);
    const naboUse = uses.find((use) => use.offeringId === nabo.id)!;
    assert.equal(naboUse.figures[0]!.value, 123);
    assert.equal(naboUse.figures[0]!.method, 'tally');
    assert.deepEqual(naboUse.figures[0]!.registeredBy, ['Søren Staff']);
    assert.deepEqual(naboUse.openDisputes, ['2026-10']);
    assert.equal(naboUse.confirmedThroughout, false);
    const kompassetUse = uses.find((use) => use.offeringId === kompasset.id)!;
    assert.deepEqual(
      kompassetUse.months.map((month) => [month.month, month.review.state]),
      [
        ['2026-09', 'changed'],
        ['2026-10', 'confirmed'],
      ],
    );
  });
});

describe(`The public figures (${databaseKind})`, () => {
  it('shows only confirmed months, says which are not, and shows the open dispute', async () => {
    const answer = await app.request('/tal?aar=2026');
    assert.equal(answer.status, 200);
    const text = await answer.text();
    assert.match(text, /Tallene gælder til og med oktober 2026/);
    // Nabo's September (120) and Kompasset's October (40): 160. Kompasset's changed September and Nabo's disputed October are not in it.
    assert.match(text, /160 besøg i 2 tilbud med bekræftede tal/);
    assert.match(text, /Bekræftet: september\. Ikke bekræftet: oktober\./);
    assert.match(text, /Bekræftet: oktober\. Ikke bekræftet: september\./);
    assert.match(text, /oktober 2026: indsigelse siden/);
    // The comment and the staff's names stay in the back office.
    assert.doesNotMatch(text, /Vi talte 65|Søren Staff|Ole Optæller/);
    assert.match(text, /Registreret af én person fra tilbuddet/);
    assert.match(text, /role="img"/);
    assert.match(text, /href="\/tal"/);
  });

  it('is in English at /en/tal, and says so when a year has nothing confirmed', async () => {
    const english = await (await app.request('/en/tal')).text();
    assert.match(english, /<html lang="en">/);
    assert.match(english, /160 visits in 2 offerings with confirmed figures/);
    assert.match(english, /disputed since/);
    const other = await createTestDatabase();
    try {
      const empty = await (await createTestApp(other).request('/tal')).text();
      assert.match(empty, /Der er endnu ingen besøgstal for 2026, som tilbuddene har bekræftet/);
    } finally {
      await other.close();
    }
  });
});
