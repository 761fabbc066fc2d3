/**
 * Printed programmes and the brochure as PDF (issue 10, ADR 034), at Copenhagen scale and at the national
 * benchmark scale (bench/support/national-range.ts: 20,000 offerings).
 *
 * Copenhagen (the seeded range, PGlite in memory), median and p95 after warm-up, bounded in runs
 * (BENCH_RUNS, default 10) and time (BENCH_BUDGET_MS per figure, default 10 s):
 *   - the baseline in the same run: the programme's data alone (getProgramme: search, schedule expansion),
 *     and the same programme as the HTML page through the app in-process;
 *   - the city-wide December programme as PDF (A4, A5, large print) and the brochure as PDF, with pages and bytes.
 * National (the PGlite data directory the other benches share, or BENCH_DATABASE_URL): the whole country's
 * December programme and brochure as the app serves them, that is, cut at one printout's bound
 * (maxPrintedEntries, maxBrochurePlaces), BENCH_NATIONAL_RUNS runs (default 3); then one brochure of
 * BENCH_NATIONAL_PLACES places (default 5,000) without that bound, to show what the bound saves.
 *
 * Page 1 of the Copenhagen programme and brochure is written to docs/screenshots/ as PNG with pdftoppm
 * (poppler-utils) when it is installed; without it the bench says so and goes on.
 *
 *   npm run bench:print
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { createTestApp, testNow } from '../test/support/app.ts';
import { getBrochure, maxBrochurePlaces } from '../src/app/get-brochure.ts';
import { getProgramme, maxPrintedEntries, readMonth } from '../src/app/get-programme.ts';
import { createCourseStore } from '../src/db/course-store.ts';
import { migrate, openEmbeddedDatabase } from '../src/db/database.ts';
import { createRangeRepository } from '../src/db/range-repository.ts';
import { loadSeedFiles } from '../src/db/seed/seed-files.ts';
import { seedRange } from '../src/db/seed/seed-range.ts';
import { emptyCriteria } from '../src/domain/finder.ts';
import { copenhagenDate } from '../src/domain/time.ts';
import type { ProgrammeLayout } from '../src/web/pages/programme-page.tsx';
import { brochurePdf } from '../src/web/programme/brochure-pdf.ts';
import { programmePdf } from '../src/web/programme/programme-pdf.ts';
import { kb, machine, measure, ms, table } from './support/measure.ts';
import { openNational, prepareNationalDatabase } from './support/national-range.ts';

const runs = Number(process.env.BENCH_RUNS ?? 10);
const budgetMs = Number(process.env.BENCH_BUDGET_MS ?? 10_000);
const nationalRuns = Number(process.env.BENCH_NATIONAL_RUNS ?? 3);
const nationalPlaces = Number(process.env.BENCH_NATIONAL_PLACES ?? 5000);
const baseUrl = 'https://tilbudsvifte.kk.dk';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const month = readMonth('2026-12')!;
const a4: ProgrammeLayout = { paper: 'a4', largePrint: false };
const variants: [string, ProgrammeLayout][] = [
  ['A4', a4],
  ['A5', { paper: 'a5', largePrint: false }],
  ['A4 large print', { paper: 'a4', largePrint: true }],
];
const mb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : kb(bytes));
const pagesOf = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPageCount();

console.log(`Printed programmes and the brochure — ${machine()}, load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}\n`);

// Copenhagen: the seeded range.
const embedded = await openEmbeddedDatabase(undefined);
await migrate(embedded);
await seedRange(embedded.db, loadSeedFiles(), { today: copenhagenDate(testNow) });
const range = createRangeRepository(embedded.db);
const courses = createCourseStore(embedded.db);
const app = createTestApp(embedded, testNow, { baseUrl });
const programmeOf = () => getProgramme({ range, courses, criteria: emptyCriteria, period: month, now: testNow });
const brochureOf = () => getBrochure({ range, criteria: emptyCriteria, now: testNow });

const sample = await programmeOf();
const brochure = await brochureOf();
console.log(
  `Copenhagen: ${sample.placeCount} places in the programme, ${sample.days.length} days, ` +
    `${sample.days.reduce((sum, day) => sum + day.places.length, 0)} places-on-a-day; ${brochure.placeCount} places in the brochure.\n`,
);
const rows: (string | number)[][] = [];
const add = (name: string, figure: { median: number; p95: number; runs: number }, pages: number | string = '', bytes: number | null = null) =>
  rows.push([name, ms(figure.median), ms(figure.p95), figure.runs, pages, bytes === null ? '' : mb(bytes)]);
const options = { runs, budgetMs, warmup: 2 };

add('baseline: programme data (getProgramme)', await measure(programmeOf, options));
let htmlBytes = 0;
add(
  'baseline: programme as HTML page (/program)',
  await measure(async () => {
    htmlBytes = (await (await app.request('/program?maaned=2026-12')).text()).length;
  }, options),
  '',
  htmlBytes,
);
const pdfs: Record<string, Uint8Array> = {};
for (const [name, layout] of variants) {
  let bytes: Uint8Array = new Uint8Array();
  const figure = await measure(async () => {
    bytes = await programmePdf(await programmeOf(), layout, `${baseUrl}/program?maaned=2026-12`);
  }, options);
  pdfs[`programme ${name}`] = bytes;
  add(`programme PDF, ${name}`, figure, await pagesOf(bytes), bytes.length);
}
for (const [name, layout] of variants) {
  let bytes: Uint8Array = new Uint8Array();
  const figure = await measure(async () => {
    bytes = await brochurePdf(await brochureOf(), layout, baseUrl);
  }, options);
  pdfs[`brochure ${name}`] = bytes;
  add(`brochure PDF, ${name}`, figure, await pagesOf(bytes), bytes.length);
}
console.log(table(['Copenhagen, December 2026', 'median', 'p95', 'runs', 'pages', 'size'], rows));
await embedded.close();

// Page 1 of each, as a person sees it.
const screenshots = path.join(root, 'docs/screenshots');
try {
  execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
  fs.mkdirSync(screenshots, { recursive: true });
  for (const [name, file] of [
    ['programme A4', 'program-hele-byen-2026-12-a4'],
    ['brochure A4', 'brochure-hele-byen-a4'],
  ] as const) {
    const pdfPath = path.join(os.tmpdir(), `${file}.pdf`);
    fs.writeFileSync(pdfPath, pdfs[name]!);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, path.join(screenshots, `${file}-side-1`)]);
  }
  console.log(`\nPage 1 of the programme and the brochure (A4, 80 dpi, pdftoppm) written to docs/screenshots/.`);
} catch {
  console.log('\npdftoppm (poppler-utils) is not installed: no PNG of page 1 written.');
}

// National: the benchmark range.
console.log('\nNational benchmark range:');
const prepared = await prepareNationalDatabase((line) => console.log(`  ${line}`));
const national = await openNational(prepared.target);
try {
  const nationalRange = createRangeRepository(national.db);
  const nationalCourses = createCourseStore(national.db);
  const nationalRows: (string | number)[][] = [];
  const few = { runs: nationalRuns, budgetMs: 60_000, warmup: 1, minRuns: 1 };
  let programme = await getProgramme({ range: nationalRange, courses: nationalCourses, criteria: emptyCriteria, period: month, now: testNow });
  const placesOnDays = programme.days.reduce((sum, day) => sum + day.places.length, 0);
  const dataFigure = await measure(async () => {
    programme = await getProgramme({ range: nationalRange, courses: nationalCourses, criteria: emptyCriteria, period: month, now: testNow });
  }, few);
  nationalRows.push([`baseline: programme data, ${programme.placeCount} places`, ms(dataFigure.median), ms(dataFigure.p95), dataFigure.runs, '', '']);
  let bytes: Uint8Array = new Uint8Array();
  const programmeFigure = await measure(async () => {
    const fresh = await getProgramme({ range: nationalRange, courses: nationalCourses, criteria: emptyCriteria, period: month, now: testNow });
    bytes = await programmePdf(fresh, a4, `${baseUrl}/program?maaned=2026-12`);
  }, few);
  nationalRows.push([
    `programme PDF, A4: ${programme.days.length} days, ${placesOnDays} places-on-a-day (${programme.cut ? `cut ${programme.cut.withinDay ? 'within' : 'after'} ${programme.cut.after}` : 'whole'}, bound ${maxPrintedEntries})`,
    ms(programmeFigure.median),
    ms(programmeFigure.p95),
    programmeFigure.runs,
    await pagesOf(bytes),
    mb(bytes.length),
  ]);
  const brochureFigure = await measure(async () => {
    bytes = await brochurePdf(await getBrochure({ range: nationalRange, criteria: emptyCriteria, now: testNow }), a4, baseUrl);
  }, few);
  nationalRows.push([
    `brochure PDF, A4: ${maxBrochurePlaces} places (the bound)`,
    ms(brochureFigure.median),
    ms(brochureFigure.p95),
    brochureFigure.runs,
    await pagesOf(bytes),
    mb(bytes.length),
  ]);
  const started = performance.now();
  const big = await getBrochure({ range: nationalRange, criteria: emptyCriteria, now: testNow, maxPlaces: nationalPlaces });
  bytes = await brochurePdf(big, a4, baseUrl);
  const bigMs = performance.now() - started;
  nationalRows.push([
    `brochure PDF, A4: ${big.placeCount} places without the bound (one run)`,
    ms(bigMs),
    '–',
    1,
    await pagesOf(bytes),
    mb(bytes.length),
  ]);
  console.log(table(['National (20,000 offerings), December 2026', 'median', 'p95', 'runs', 'pages', 'size'], nationalRows));
} finally {
  await national.close();
  await prepared.dispose();
}
