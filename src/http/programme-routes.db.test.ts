import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { PDFDocument, PDFName, type PDFRawStream, type PDFArray, type PDFRef } from 'pdf-lib';
import { createTestApp, testNow } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import { getBrochure } from '../app/get-brochure.ts';
import { getProgramme, readMonth } from '../app/get-programme.ts';
import { saveSchedule } from '../app/save-schedule.ts';
import { createCourseStore } from '../db/course-store.ts';
import { emptyCriteria } from '../domain/finder.ts';
import { brochurePdf } from '../web/programme/brochure-pdf.ts';
import type { Database } from '../db/database.ts';
import { createRangeRepository } from '../db/range-repository.ts';
import { createScheduleStore, loadOfferingTimes } from '../db/schedule-store.ts';

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&')
    .replaceAll('\u00a0', ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The text a PDF draws, page by page: its content streams inflated, the hex strings pdf-lib writes decoded (WinAnsi ≈ Latin-1 for æøå). */
async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string[] }> {
  const doc = await PDFDocument.load(bytes);
  const text = doc.getPages().map((page) => {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents && 'asArray' in contents ? (contents as PDFArray).asArray() : [contents];
    return refs
      .map((ref) => doc.context.lookup(ref as PDFRef))
      .map((stream) => {
        const raw = stream as PDFRawStream;
        const data = raw.dict.get(PDFName.of('Filter')) ? inflateSync(raw.contents) : Buffer.from(raw.contents);
        return [...data.toString('latin1').matchAll(/<([0-9A-Fa-f]*)> Tj/g)]
          .map((match) => Buffer.from(match[1]!, 'hex').toString('latin1'))
          .join('\n');
      })
      .join('\n');
  });
  return { pages: doc.getPageCount(), text };
}

describe(`the printed programme (${databaseKind})`, () => {
  let database: Database;
  let app: ReturnType<typeof createTestApp>;
  before(async () => {
    database = await createTestDatabase();
    app = createTestApp(database);
  });
  after(async () => {
    await database?.close();
  });

  const page = async (path: string) => {
    const response = await app.request(path);
    assert.equal(response.status, 200, path);
    const html = await response.text();
    return { html, text: textOf(html) };
  };

  it('a district week is laid out day by day with hours, holidays, activities and a QR code back to the page', async () => {
    const { html, text } = await page('/program?bydel=amager-ost&uge=2026-W52');
    assert.match(html, /<title>Program for Amager Øst: Uge 52, 21\. december 2026 til 27\. december 2026 – Tilbudsvifte København<\/title>/);
    const christmasEve = text.slice(text.indexOf('Torsdag 24. december 2026'), text.indexOf('Søndag 27. december 2026'));
    assert.match(christmasEve, /Juleaftensdag Nabo Åbent 14:00–20:00/);
    assert.match(christmasEve, /17:00–20:00 Juleaftensmiddag/);
    // Christmas Day and Boxing Day have nothing in Amager Øst: they are left out, not printed empty.
    assert.doesNotMatch(text, /Fredag 25\. december 2026/);
    assert.match(text, /Søndag 27\. december 2026 Nabo Åbent 12:00–16:00 \(brugerstyret, uden personale\)/);
    assert.match(text, /eksempeldata Alle tider og aktiviteter i dette program er eksempeldata/);
    assert.match(html, /<svg[^>]*role="img"[^>]*aria-label="QR-kode til programmet på nettet"/);
    assert.match(text, /Programmet på nettet: http:\/\/127\.0\.0\.1:3000\/program\?bydel=amager-ost&uge=2026-W52/);
    assert.match(html, /href="\/program\.pdf\?bydel=amager-ost&amp;uge=2026-W52">Hent som PDF \(A4\)/);
    assert.match(html, /href="\/program\?bydel=amager-ost&amp;uge=2026-W53">Næste uge/);
  });

  it('the calendar links to its week as a programme, and the Danish footer to the programme', async () => {
    const { html } = await page('/kalender?bydel=amager-ost&visning=uge&dato=2026-12-23');
    assert.match(html, /<a href="\/program\?bydel=amager-ost&amp;uge=2026-W52">Udskriv ugen som program/);
    assert.match(html, /<a href="\/program">Program og brochure til udskrift<\/a>/);
    assert.match((await page('/en/kalender')).html, /href="\/en\/program/);
  });

  it('the city-wide month lists every district’s places, and the print variants are chosen by URL words', async () => {
    const { html, text } = await page('/program?maaned=2026-12&papir=a5&skrift=stor');
    assert.match(html, /<title>Program for hele byen: December 2026 – Tilbudsvifte København<\/title>/);
    assert.match(html, /<article class="programme programme-a5 programme-large"/);
    assert.match(text, /Tirsdag 1\. december 2026 Fountain House Åbent 09:00–16:00/);
    assert.match(text, /Torsdag 31\. december 2026/);
    assert.match(html, /href="\/program\.pdf\?maaned=2026-12&amp;papir=a5&amp;skrift=stor">Hent som PDF \(A5\)/);
  });

  it('explains a week, month, paper or type it cannot read, and a period out of reach, and shows this week', async () => {
    assert.match((await page('/program?uge=2026-W60')).text, /Vi kan ikke læse ugen «2026-W60»\. Skriv den som år og ugenummer, fx 2026-W50\. Vi viser denne uge\. .*Uge 48, 23\. november 2026/);
    assert.match((await page('/program?maaned=13-2026')).text, /Vi kan ikke læse måneden «13-2026»/);
    assert.match((await page('/program?maaned=2030-01')).text, /Programmet går et år tilbage og et år frem/);
    assert.match((await page('/program?bydel=findes-ikke')).text, /Vi kender ikke bydelen «findes-ikke», så vi viser hele byen/);
    assert.match((await page('/brochure?bydel=findes-ikke')).text, /Vi kender ikke bydelen «findes-ikke», så vi viser hele byen/);
    assert.match((await page('/program?papir=a3&skrift=lille')).text, /Vi kender ikke papiret «a3», så vi bruger A4\. .*Vi kender ikke skriften «lille»/);
  });

  it('a district with nothing on says so and offers no empty page, and the PDF sends the reader to that page', async () => {
    const { html, text } = await page('/program?bydel=bispebjerg&uge=2026-W50');
    assert.match(html, /<title>Program for Bispebjerg: Uge 50, 7\. december 2026 til 13\. december 2026 \(intet program\)/);
    assert.match(text, /Der er ingen åbningstider, aktiviteter eller forløb i uge 50 \(7\. december 2026 til 13\. december 2026\) \(Bispebjerg\)/);
    assert.match(text, /Vi har ingen aktiviteter inden for et år herfra\. Vælg en anden bydel, eller se hele byen\. Se hele byen/);
    assert.doesNotMatch(html, /Hent som PDF/);
    const pdf = await app.request('/program.pdf?bydel=bispebjerg&uge=2026-W50');
    assert.equal(pdf.status, 303);
    assert.equal(pdf.headers.get('location'), '/program?bydel=bispebjerg&uge=2026-W50');
  });

  it('the PDF holds the same programme: its pages, the places, the Danish letters and the QR code’s link', async () => {
    const response = await app.request('/program.pdf?maaned=2026-12');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.match(response.headers.get('content-disposition') ?? '', /filename="program-hele-byen-2026-12\.pdf"/);
    const { pages, text } = await pdfText(new Uint8Array(await response.arrayBuffer()));
    assert.ok(pages >= 3, `a month of the city is several pages, got ${pages}`);
    const all = text.join('\n');
    for (const name of ['Fountain House', 'Nabo', 'Kompasset', 'Mamma Mia', 'Juleaftensmiddag']) assert.ok(all.includes(name), name);
    assert.match(all, /Tirsdag 1\. december 2026/);
    assert.match(all, /Torsdag 24\. december 2026 · Juleaftensdag/);
    assert.match(all, /Øst|ø|å|æ/);
    assert.ok(all.includes('Amager Øst') && all.includes('Brønshøj') && all.includes('Vanløse'));
    assert.match(text[0]!, /Program for hele byen/);
    assert.match(text.at(-1)!, /Programmet på nettet: http:\/\/127\.0\.0\.1:3000\/program\?maaned=2026-12/);
    assert.match(text.at(-1)!, new RegExp(`Side ${pages} af ${pages}`));

    const large = await pdfText(new Uint8Array(await (await app.request('/program.pdf?maaned=2026-12&skrift=stor&papir=a5')).arrayBuffer()));
    assert.ok(large.pages > pages, 'large print on A5 takes more pages');
    const a5 = await PDFDocument.load(new Uint8Array(await (await app.request('/program.pdf?maaned=2026-12&papir=a5')).arrayBuffer()));
    assert.deepEqual(a5.getPage(0).getSize(), { width: 419.53, height: 595.28 }, 'A5');
    assert.equal(a5.getTitle(), 'Program for hele byen: December 2026');
    assert.equal(String(a5.catalog.get(PDFName.of('Lang'))), '(da-DK)');
  });

  it('the brochure lists every open place by district with address, hours, the first visit, contact and a QR code each', async () => {
    const { html, text } = await page('/brochure');
    assert.match(html, /<title>Brochure over hele tilbudsviften – Tilbudsvifte København<\/title>/);
    assert.match(text, /Amager Øst \(1 sted\) Nabo Både socialt samvær og aktiviteter/);
    assert.match(text, /Adresse Portugalsgade 10-12, 2300 København S · Amager Øst Åbent mandag–fredag 10:00–16:00; søndag 12:00–16:00 \(brugerstyret\) eksempeldata Første gang/);
    assert.match(text, /Nordstjernen Lukker på en dato, der ikke er fastsat endnu/);
    assert.match(html, /aria-label="QR-kode til siden om Nabo"/);
    assert.match((await page('/brochure?bydel=amager-ost')).html, /<title>Brochure for Amager Øst – Tilbudsvifte København<\/title>/);
  });

  it('the brochure PDF holds the same places, on A4 and as large print on A5', async () => {
    const response = await app.request('/brochure.pdf');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-disposition') ?? '', /filename="brochure-hele-byen\.pdf"/);
    const { pages, text } = await pdfText(new Uint8Array(await response.arrayBuffer()));
    const all = text.join('\n');
    for (const name of ['Kompasset', 'Nabo', 'Nordstjernen', 'Fountain House', 'Første gang', 'Brønshøj-Husum (2 steder)']) assert.ok(all.includes(name), name);
    assert.ok(all.includes('Adresse: Portugalsgade 10-12, 2300 København S'));
    assert.match(text.at(-1)!, new RegExp(`Side ${pages} af ${pages}`));
    const large = await pdfText(new Uint8Array(await (await app.request('/brochure.pdf?papir=a5&skrift=stor')).arrayBuffer()));
    assert.ok(large.pages > pages * 2, `large print on A5: ${large.pages} pages against ${pages}`);
  });

  it('a programme or brochure larger than one printout stops at a whole day or place and says so', async () => {
    const range = createRangeRepository(database.db);
    const month = readMonth('2026-12')!;
    const programme = await getProgramme({ range, courses: createCourseStore(database.db), criteria: emptyCriteria, period: month, now: testNow, maxEntries: 30 });
    assert.equal(programme.days.length, 2);
    assert.deepEqual(programme.cut, { after: '2026-12-02', withinDay: false });
    const short = await getProgramme({ range, courses: createCourseStore(database.db), criteria: emptyCriteria, period: month, now: testNow, maxEntries: 5 });
    assert.deepEqual([short.days.length, short.days[0]!.places.length, short.cut], [1, 5, { after: '2026-12-01', withinDay: true }]);
    const brochure = await getBrochure({ range, criteria: emptyCriteria, now: testNow, maxPlaces: 3 });
    assert.equal(brochure.placeCount, 3);
    assert.ok(brochure.leftOut > 0);
    const pdf = await pdfText(await brochurePdf(brochure, { paper: 'a4', largePrint: false }, 'http://127.0.0.1:3000'));
    assert.match(pdf.text[0]!, new RegExp(`Brochuren viser de første 3 steder; ${brochure.leftOut} flere er ikke med`));
  });

  it('a week closed by an exception is not printed: the nearest week with activities is offered', async () => {
    const { items } = await createRangeRepository(database.db).findOfferings({}, 'all');
    const naboId = items.find((item) => item.slug === 'nabo')!.id;
    const schedule = (await loadOfferingTimes(database.db, [naboId])).get(naboId)!.schedule;
    const closed = {
      id: '5a1e0c3e-2b7d-4f63-8f0e-00000000c105',
      from: '2027-07-26',
      to: '2027-08-01',
      kind: 'closed' as const,
      periods: [],
      reason: 'Lukket for sommerferie',
      isExample: true,
    };
    const saved = await saveSchedule({ store: createScheduleStore(database.db), offeringId: naboId, schedule: { ...schedule, exceptions: [...schedule.exceptions, closed] } });
    assert.deepEqual(saved, { status: 'saved' });
    const { html, text } = await page('/program?bydel=amager-ost&uge=2027-W30');
    assert.match(text, /Der er ingen åbningstider, aktiviteter eller forløb i uge 30 \(26\. juli 2027 til 1\. august 2027\) \(Amager Øst\)/);
    assert.match(text, /Det nærmeste med aktiviteter er uge 31 \(2\. august 2027 til 8\. august 2027\)/);
    assert.match(html, /href="\/program\?bydel=amager-ost&amp;uge=2027-W31">Vis programmet for Uge 31/);
  });

  it('the programme and brochure in English: /en/program, /en/brochure and their PDFs, with the language switcher pairing them', async () => {
    const { html, text } = await page('/en/program?bydel=amager-ost&uge=2026-W52');
    assert.match(html, /<html lang="en"/);
    assert.match(html, /<title>Programme for Amager Øst: Week 52, 21 December 2026 to 27 December 2026 – /);
    assert.match(text, /Thursday 24 December 2026 · Christmas Eve Nabo Open 14:00–20:00/);
    assert.match(text, /The programme online: http:\/\/127\.0\.0\.1:3000\/en\/program\?bydel=amager-ost&uge=2026-W52/);
    assert.match(html, /href="\/en\/program\.pdf\?bydel=amager-ost&amp;uge=2026-W52">Download as PDF \(A4\)/);
    assert.match(html, /href="\/program\?bydel=amager-ost&amp;uge=2026-W52"[^>]*>Dansk|hreflang="da" href="\/program\?bydel=amager-ost&amp;uge=2026-W52"/);
    assert.match((await page('/program?uge=2026-W52')).html, /href="\/en\/program\?uge=2026-W52"/);
    assert.match((await page('/en/program?uge=2026-W60')).text, /We cannot read the week “2026-W60”/);
    const calendar = (await page('/en/kalender?bydel=amager-ost&visning=uge&dato=2026-12-23')).html;
    assert.match(calendar, /<a href="\/en\/program\?bydel=amager-ost&amp;uge=2026-W52">Print the week as a programme/);
    assert.match(calendar, /<a href="\/en\/program">Printed programme and brochure<\/a>/);
    const empty = await app.request('/en/program.pdf?bydel=bispebjerg&uge=2026-W50');
    assert.equal(empty.headers.get('location'), '/en/program?bydel=bispebjerg&uge=2026-W50');

    const pdf = await app.request('/en/program.pdf?maaned=2026-12');
    assert.equal(pdf.status, 200);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    const doc = await PDFDocument.load(bytes);
    assert.equal(doc.getTitle(), 'Programme for the whole city: December 2026');
    assert.equal(String(doc.catalog.get(PDFName.of('Lang'))), '(en-GB)');
    const { pages, text: pdfPages } = await pdfText(bytes);
    assert.match(pdfPages[0]!, /Tuesday 1 December 2026/);
    assert.ok(pdfPages.join('\n').includes('Amager Øst'), 'the Danish names keep their letters');
    assert.match(pdfPages.at(-1)!, new RegExp(`Page ${pages} of ${pages}`));

    const brochure = await page('/en/brochure');
    assert.match(brochure.html, /<title>Brochure of the whole range – /);
    assert.match(brochure.text, /Amager Øst \(1 place\) Nabo Both social community and activities/);
    assert.match(brochure.html, /href="\/en\/tilbud\/nabo"/);
    const brochurePdf = await pdfText(new Uint8Array(await (await app.request('/en/brochure.pdf')).arrayBuffer()));
    assert.ok(brochurePdf.text.join('\n').includes('Address: Portugalsgade 10-12, 2300 København S'));
  });

  it('a district’s brochure shows its new places and those closing, read live, in either language', async () => {
    const danish = await page('/brochure?bydel=bispebjerg');
    assert.match(danish.html, /<section class="live-listing" aria-labelledby="liste-lukker-bydel-bispebjerg">/);
    assert.match(danish.text, /Steder der lukker: Bispebjerg Nordstjernen ?, lukker, dato ikke fastsat/);
    assert.match(danish.text, /Nye steder: Bispebjerg Ingen steder er åbnet fra 25\. august 2026 til 23\. november 2026 \(Bispebjerg\)\./);
    assert.match(danish.text, /Hentet fra Tilbudsviften 23\. november 2026 kl\. 11:00\./);
    const english = await page('/en/brochure?bydel=bispebjerg');
    assert.match(english.text, /Places that are closing: Bispebjerg Nordstjernen ?, closing, no date set yet/);
    assert.match(english.html, /href="\/en\/tilbud\/nordstjernen"/);
    assert.doesNotMatch((await page('/brochure')).html, /live-listing/, 'the whole city’s brochure is long enough');
  });
});
