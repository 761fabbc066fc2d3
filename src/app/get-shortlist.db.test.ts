import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, testNow } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import { decodeQr, modulesFromSvgPath } from '../../test/support/qr-decoder.ts';
import type { Database } from '../db/database.ts';
import { createRangeRepository } from '../db/range-repository.ts';
import { copenhagenDate } from '../domain/time.ts';
import { getShortlist } from './get-shortlist.ts';

const today = copenhagenDate(testNow);
const baseUrl = 'http://127.0.0.1:3000';

/** The page's text without tags, with runs of white space made single. */
const textOf = (html: string) =>
  html
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('\u2060', '')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ')
    .trim();

const twelve = [
  'fountain-house',
  'kontaktcenteret',
  'ottilia',
  'amadeus',
  'griffenfeldsgade',
  'horsholmsgade',
  'thorupgaarden',
  'rantzausgade',
  'kompasset',
  'nabo',
  'mamma-mia',
  'pinta',
];

describe(`the shortlist on ${databaseKind}`, () => {
  let database: Database;
  let app: ReturnType<typeof createTestApp>;
  let range: ReturnType<typeof createRangeRepository>;

  before(async () => {
    database = await createTestDatabase();
    app = createTestApp(database);
    range = createRangeRepository(database.db);
  });
  after(async () => {
    await database.close();
  });

  async function getPage(path: string) {
    const response = await app.request(path);
    const html = await response.text();
    assert.equal(response.status, 200, `${path} gave ${response.status}`);
    return { html, text: textOf(html), response };
  }

  it('finds the places in the order of the list, with their status, and null for an unknown slug', async () => {
    const list = await getShortlist({ range, slugs: ['kompasset', 'findes-ikke', 'nabo', 'milepaelen'], date: today });
    assert.equal(list.date, '2026-11-23');
    assert.deepEqual(
      list.entries.map((entry) => [entry.slug, entry.place?.offering.name ?? null, entry.place?.status.state ?? null]),
      [
        ['kompasset', 'Kompasset', 'active'],
        ['findes-ikke', null, null],
        ['nabo', 'Nabo', 'active'],
        ['milepaelen', 'Milepælen', 'closed'],
      ],
    );
  });

  it('reads nothing for an empty list', async () => {
    const unused = { ...range, findOfferings: () => Promise.reject(new Error('should not be called')) };
    assert.deepEqual(await getShortlist({ range: unused, slugs: [], date: today }), { date: today, entries: [] });
  });

  it('/liste with places: names linking to their pages, status, address, hours, a way to remove each', async () => {
    const { html, text, response } = await getPage('/liste?steder=nabo,kompasset,milepaelen,nabo');
    assert.equal(response.headers.get('cache-control'), 'private, no-store');
    assert.equal(response.headers.get('x-robots-tag'), 'noindex, nofollow');
    assert.match(html, /<title>Din liste – Tilbudsvifte København<\/title>/);
    assert.match(text, /3 steder på listen/);
    assert.match(html, /<a href="\/tilbud\/nabo\?steder=nabo,kompasset,milepaelen">Nabo<\/a>/);
    assert.match(text, /Portugalsgade 10-12, 2300 København S · Amager Øst/);
    assert.match(text, /Åbningstider: mandag–torsdag 09:00–16:00; fredag 09:00–13:00 \(brugerstyret\) eksempeldata/);
    assert.match(text, /Lukket den 16\. december 2015\./);
    assert.match(html, /href="\/liste\?steder=kompasset,milepaelen">Fjern<span class="sr-only"> Nabo fra listen<\/span>/);
    assert.ok(html.includes(`value="${baseUrl}/liste?steder=nabo,kompasset,milepaelen"`), 'the link to copy is absolute and clean');
    assert.match(html, /<input type="hidden" name="steder" value="nabo,kompasset,milepaelen"\/>/);
    assert.match(html, /href="\/liste\/udskriv\?steder=nabo,kompasset,milepaelen"/);
    assert.doesNotMatch(html, /class="alert /, 'a repeated place is shown once without a notice');
  });

  it('/liste shows an unknown place as gone, and never an error', async () => {
    const { html, text } = await getPage('/liste?steder=findes-ikke,nabo');
    assert.match(text, /2 steder på listen/);
    assert.match(text, /Et sted på listen findes ikke længere\./);
    assert.match(html, /href="\/liste\?steder=nabo">Fjern<span class="sr-only"> stedet, der ikke findes længere, fra listen/);
  });

  it('/liste keeps the first 12 places and says so; it drops what cannot be a place', async () => {
    const { html, text } = await getPage(`/liste?steder=${[...twelve, 'pegasus', 'cafe-rose'].join(',')}`);
    assert.match(text, /12 steder på listen/);
    assert.match(text, /Der kan højst være 12 steder på en liste\. Vi har beholdt de første 12, så 2 steder er ikke med\./);
    assert.doesNotMatch(html, /Pegasus/);
    const odd = await getPage('/liste?steder=nabo,%3Cscript%3E');
    assert.match(odd.html, /Vi kan ikke læse «&lt;script&gt;» som et sted, så det er ikke med på listen\./, 'shown as text, never as markup');
  });

  it('/liste when empty explains how to add places', async () => {
    const { html, text } = await getPage('/liste');
    assert.match(text, /Din liste er tom\./);
    assert.match(text, /vælg «Sæt på listen»/);
    assert.match(html, /<a href="\/">Find steder på forsiden<\/a>/);
    assert.doesNotMatch(html, /<form/);
  });

  it('/liste shows the note as plain text, keeps it in every link that stays on the list, and can remove it', async () => {
    const note = 'Spørg efter Lise <b>ved døren</b>\r\nTirsdag & torsdag';
    const { html, text } = await getPage(`/liste?steder=nabo,kompasset&note=${encodeURIComponent(note)}`);
    assert.match(html, /<p class="shortlist-note-text">Spørg efter Lise &lt;b&gt;ved døren&lt;\/b&gt;\nTirsdag &amp; torsdag<\/p>/);
    assert.match(html, /<textarea[^>]*>Spørg efter Lise &lt;b&gt;ved døren&lt;\/b&gt;\nTirsdag &amp; torsdag<\/textarea>/);
    const encoded = encodeURIComponent('Spørg efter Lise <b>ved døren</b>\nTirsdag & torsdag');
    assert.ok(html.includes(`href="/liste?steder=kompasset&amp;note=${encoded}"`), 'removing a place keeps the note');
    assert.ok(html.includes(`value="${baseUrl}/liste?steder=nabo,kompasset&amp;note=${encoded}"`));
    assert.ok(html.includes(`href="/liste/udskriv?steder=nabo,kompasset&amp;note=${encoded}"`));
    assert.match(html, /<a href="\/liste\?steder=nabo,kompasset">Fjern noten<\/a>/);
    assert.match(text, /Du har 4\d\d tegn tilbage/);
    assert.match(text, /Noten er med i linket\./);
  });

  it('/liste refuses a note over 500 characters with the form-error pattern, and keeps the text to shorten', async () => {
    const long = 'a'.repeat(501);
    const { html, text } = await getPage(`/liste?steder=nabo&note=${long}`);
    assert.match(html, /<title>Fejl: Din liste – Tilbudsvifte København<\/title>/);
    assert.match(html, /<a href="#note">Noten er for lang: 501 tegn\. Den må højst være 500 tegn\.<\/a>/);
    assert.ok(html.indexOf('class="alert alert-error"') < html.indexOf('<h1>'), 'the error summary comes first');
    assert.match(html, /class="form-group form-limit form-error"/);
    assert.match(html, /aria-describedby="note-hint note-error note-limit-message"/);
    assert.ok(html.includes(`>${long}</textarea>`));
    assert.match(text, /Du har 1 tegn for meget/);
    assert.doesNotMatch(html, /class="shortlist-note"/, 'a refused note is not shown as the note');
    assert.ok(html.includes(`value="${baseUrl}/liste?steder=nabo"`), 'nor put in the link');
  });

  it('/liste/udskriv: date, note, places with profile, and a QR code for the live list without the note', async () => {
    const { html, text, response } = await getPage('/liste/udskriv?steder=nabo,findes-ikke,amadeus&note=Vi%20ses%20tirsdag');
    assert.equal(response.headers.get('cache-control'), 'private, no-store');
    assert.match(html, /<link rel="stylesheet" href="\/static\/print\.[0-9a-f]{10}\.css"\/>/);
    assert.match(text, /Din liste Udskrevet den 23\. november 2026/);
    assert.match(text, /Note til dig Vi ses tirsdag/);
    assert.match(text, /Nabo Portugalsgade 10-12, 2300 København S · Amager Øst Hovedvægt: både socialt samvær og aktiviteter Åbningstider:/);
    assert.match(text, /Amadeus Lukker .* og lægges sammen med/);
    assert.match(text, /Et sted på listen findes ikke længere\./);
    assert.match(text, /Listen på nettet: http:\/\/127\.0\.0\.1:3000\/liste\?steder=nabo,findes-ikke,amadeus Åbningstider markeret eksempeldata/);

    const svg = html.match(/<svg[^>]*viewBox="0 0 (\d+) \1"[^>]*aria-label="QR-kode til listen på nettet"[^>]*>[\s\S]*?<path d="([^"]+)"/);
    assert.ok(svg, 'an inline SVG QR code');
    const decoded = decodeQr(modulesFromSvgPath(svg[2]!, Number(svg[1])));
    assert.equal(decoded.text, `${baseUrl}/liste?steder=nabo,findes-ikke,amadeus`);
  });

  it('/liste/udskriv leaves out a note that is too long, and says so on screen', async () => {
    const { html, text } = await getPage(`/liste/udskriv?steder=nabo&note=${'b'.repeat(600)}`);
    assert.match(text, /Noten er for lang \(600 tegn, højst 500\), så den er ikke med på udskriften\./);
    assert.doesNotMatch(html, /Note til dig/);
  });

  it('/liste/udskriv of an empty list has no QR code', async () => {
    const { html, text } = await getPage('/liste/udskriv');
    assert.match(text, /Listen er tom\./);
    assert.doesNotMatch(html, /<svg[^>]*role="img"/);
  });
});
