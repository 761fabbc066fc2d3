import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import type { Database } from '../db/database.ts';

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('\u2060', '')
    .replaceAll('\u00a0', ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe(`the city calendar and the coordination view (${databaseKind})`, () => {
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

  it('shows today by default: the places open and the activities, and advertises the city feed', async () => {
    const { html, text } = await page('/kalender');
    assert.match(html, /<title>Kalender: Mandag 23\. november 2026 – Tilbudsvifte København<\/title>/);
    assert.match(text, /Åbne steder \(\d+\)/);
    assert.match(text, /Nabo ?: 10:00–16:00/);
    assert.match(text, /14:00–15:30 Læsekreds på biblioteket · Kulturaften · Nabo · Sted: Sundby Bibliotek/);
    assert.match(html, /<link rel="alternate" type="text\/calendar" href="\/kalender\.ics"/);
    assert.match(text, /Abonnér på kalenderen/);
    assert.match(text, /Alle tider og aktiviteter her er opdigtede eksempler/);
  });

  it('the week of Christmas shows the holidays and only the places that open on them', async () => {
    const { text } = await page('/kalender?visning=uge&dato=2026-12-23');
    assert.match(text, /Uge 52, 21\. december 2026 til 27\. december 2026/);
    const christmasEve = text.slice(text.indexOf('Torsdag 24. december 2026'), text.indexOf('Fredag 25. december 2026'));
    assert.match(christmasEve, /Juleaftensdag Åbne steder \(2\)/);
    assert.match(christmasEve, /Nabo ?: 14:00–20:00/);
    assert.match(christmasEve, /17:00–20:00 Juleaftensmiddag/);
    const christmasDay = text.slice(text.indexOf('Fredag 25. december 2026'), text.indexOf('Lørdag 26. december 2026'));
    assert.doesNotMatch(christmasDay, /Nabo ?:/);
  });

  it('filters like the finder and keeps the filter when paging to the next day', async () => {
    const { html, text } = await page('/kalender?bydel=amager-ost');
    assert.match(text, /Nabo ?: 10:00–16:00/);
    assert.doesNotMatch(text, /Fountain House ?: /);
    assert.match(html, /href="\/kalender\?bydel=amager-ost&amp;dato=2026-11-24&amp;visning=dag">Næste dag/);
  });

  it('explains a date it cannot read, a date too far away and an unknown view, and shows today', async () => {
    assert.match((await page('/kalender?dato=31-02-2026')).text, /Vi kan ikke læse datoen «31-02-2026», så vi viser i dag/);
    assert.match((await page('/kalender?dato=2030-01-01')).text, /Kalenderen går et år tilbage og et år frem/);
    assert.match((await page('/kalender?visning=maaned')).text, /Vi kender ikke visningen «maaned», så vi viser én dag/);
  });

  it('the coordination view counts open places per district and time band and names the gaps', async () => {
    const { html, text } = await page('/kalender/daekning');
    assert.match(html, /<title>Dækning i uge 48 – Tilbudsvifte København<\/title>/);
    assert.match(html, /<th scope="row">Amager Øst<\/th>/);
    assert.match(text, /Huller: intet socialt sted åbent/);
    assert.match(text, /Helligdage de næste to måneder/);
    assert.match(text, /Juleaftensdag 24\. december 2026/);
    assert.match(html, /<caption class="align-text-left">Antal åbne steder pr\. bydel, ugedag og tidsrum, uge 48<\/caption>/);
  });
});
