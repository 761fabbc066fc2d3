import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import { type SearchResult, searchRange } from '../app/search-range.ts';
import type { Database } from '../db/database.ts';
import { createRangeRepository } from '../db/range-repository.ts';
import { emptyCriteria, type FinderCriteria } from '../domain/finder.ts';

const testNow = new Date('2026-11-23T10:00:00Z');

const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1]!);
/** The places drawn as markers, in drawing order. */
const markerSlugs = (html: string) => all(html, /<a class="range-map-marker" href="\/tilbud\/([^"]+)">/g);
/** The places in a section of the page, by the id of its heading. */
const sectionSlugs = (html: string, id: string) => {
  const start = html.indexOf(`<section aria-labelledby="${id}">`);
  if (start === -1) return [];
  return all(html.slice(start, html.indexOf('</section>', start)), /<a href="\/tilbud\/([^"]+)">/g);
};
/** The front page's results, in order. */
const frontPageSlugs = (html: string) => all(html, /<h3><a href="\/tilbud\/([^"]+)">/g);
/** The warnings a person reads at the top: unknown filters, an address that was not found. */
const warnings = (html: string) => all(html, /<div class="alert alert-warning" role="alert">.*?<p class="alert-text">(.*?)<\/p>/g);

const hasPoint = (result: SearchResult) =>
  result.offering.locations.some(({ location }) => location.latitude !== null && location.longitude !== null);

describe(`the map page /kort (${databaseKind})`, () => {
  let database: Database;
  let app: ReturnType<typeof createTestApp>;
  let search: (criteria: Partial<FinderCriteria>) => Promise<SearchResult[]>;

  before(async () => {
    database = await createTestDatabase();
    app = createTestApp(database);
    const range = createRangeRepository(database.db);
    search = async (criteria) => (await searchRange({ range, criteria: { ...emptyCriteria, ...criteria }, now: testNow })).results;
  });
  after(async () => {
    await database?.close();
  });

  async function getHtml(path: string) {
    const response = await app.request(path);
    assert.equal(response.status, 200, `${path} gave ${response.status}`);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    return response.text();
  }

  it('draws one marker link per place with a point, and lists the rest by name so nobody disappears', async () => {
    const html = await getHtml('/kort');
    const results = await search({});
    const located = results.filter(hasPoint).map((result) => result.offering.slug);
    const unplaced = results.filter((result) => !hasPoint(result)).map((result) => result.offering.slug);
    assert.ok(located.length > 10 && unplaced.length > 0, 'the seed has both kinds');

    assert.match(html, /<h1>Kort over stederne<\/h1>/);
    assert.match(html, /<svg class="range-map-svg" viewBox="0 0 \d+ \d+" width="100%" role="group" aria-label="Kort med \d+ steder">/);
    assert.deepEqual(markerSlugs(html), located);
    assert.deepEqual(sectionSlugs(html, 'stederne-paa-kortet'), located, 'the list holds the same places as the map');
    assert.deepEqual(sectionSlugs(html, 'ikke-paa-kortet'), unplaced);
    assert.ok(html.includes(`Kortet viser ${located.length} steder. ${unplaced.length} steder har ingen fast adresse eller kendt placering`));
    // Every marker is named by its title, the first thing in the link.
    for (const result of results.filter(hasPoint)) {
      assert.ok(html.includes(`href="/tilbud/${result.offering.slug}"><title>${escapeHtml(result.offering.name)}`), result.offering.name);
    }
    // The seed's points are all approximate: hollow markers, and the legend and the text say so.
    assert.match(html, /Ring: omtrentlig placering/);
    assert.match(html, /Alle placeringer er omtrentlige/);
    assert.match(html, /<a href="\/">Tilbage til listen<\/a>/);
  });

  it('asks no other host for anything: no tiles unless MAP_TILE_URL is set', async () => {
    const html = await getHtml('/kort');
    assert.doesNotMatch(html, /<image/);
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//);
  });

  it('a place far outside the city is pinned to the edge and says which way it lies', async () => {
    const html = await getHtml('/kort');
    assert.match(html, /<title>Gartneriet i Vadsby\. Ligger uden for kortet, mod vest\.<\/title>/);
    assert.match(html, /Ligger uden for kortet i pilens retning/);
  });

  it('?maalgruppe=unge shows exactly the places for young people, as the front page lists them', async () => {
    const html = await getHtml('/kort?maalgruppe=unge');
    const results = await search({ targetGroups: ['young'] });
    assert.ok(results.length > 0);
    assert.deepEqual(markerSlugs(html), results.filter(hasPoint).map((result) => result.offering.slug));
    const listed = [...sectionSlugs(html, 'stederne-paa-kortet'), ...sectionSlugs(html, 'ikke-paa-kortet')];
    assert.deepEqual(new Set(listed), new Set(results.map((result) => result.offering.slug)));
    const front = await getHtml('/?maalgruppe=unge');
    assert.deepEqual(new Set(listed), new Set(frontPageSlugs(front)));
    assert.match(html, /<a href="\/\?maalgruppe=unge">Tilbage til listen<\/a>/);
  });

  it('?naer=2300 draws the origin with its label and lists the places nearest first, as the front page does', async () => {
    const html = await getHtml('/kort?naer=2300');
    assert.match(html, /<g class="range-map-origin" transform="translate\([\d.]+ [\d.]+\)">/);
    assert.match(html, /<text class="range-map-text range-map-label"[^>]*>2300 København S<\/text>/);
    assert.match(html, /Udgangspunkt: 2300 København S/);
    assert.match(html, /Nærmeste først, målt fra 2300 København S/);
    const listed = sectionSlugs(html, 'stederne-paa-kortet');
    assert.equal(listed[0], 'kompasset');
    // The list shows a page at a time; read every page.
    const first = await getHtml('/?naer=2300');
    const pageCount = Number(/<span class="pagination-mobile">Side 1 af (\d+)<\/span>/.exec(first)?.[1] ?? 1);
    const front = frontPageSlugs(first);
    for (let page = 2; page <= pageCount; page++) front.push(...frontPageSlugs(await getHtml(`/?naer=2300&side=${page}`)));
    assert.deepEqual(listed, front.filter((slug) => listed.includes(slug)), 'the same order as the list');
    assert.match(html, /\d+ m i luftlinje · (ca\. \d+ min\.|under 1 min\.) gang/);
    assert.match(html, /<a href="\/\?naer=2300">Tilbage til listen<\/a>/);
  });

  it('without "near", there is no origin', async () => {
    const html = await getHtml('/kort?maalgruppe=unge');
    assert.doesNotMatch(html, /range-map-origin/);
    assert.doesNotMatch(html, /i luftlinje/);
  });

  for (const query of ['profil=hemmelig&bydel=atlantis', 'center=ingen-steder&maalgruppe=robotter&interesse=musik', 'naer=Marsvej+99', 'naer=99999']) {
    it(`unknown values (${query}) give the same Danish notices as the front page, and no error`, async () => {
      const map = warnings(await getHtml(`/kort?${query}`));
      const front = warnings(await getHtml(`/?${query}`));
      assert.ok(map.length > 0, 'there is something to tell');
      assert.deepEqual(map, front);
    });
  }

  it('the link back leaves out what the finder could not use, so the notice is not shown twice', async () => {
    const html = await getHtml('/kort?profil=hemmelig&bydel=atlantis&maalgruppe=unge');
    assert.match(html, /<a href="\/\?maalgruppe=unge">Tilbage til listen<\/a>/);
  });

  it('no results: says so, draws no empty map, and offers the whole map', async () => {
    const html = await getHtml('/kort?q=xyzzy+qwerty');
    assert.match(html, /Ingen steder passer med søgningen/);
    assert.doesNotMatch(html, /<svg class="range-map-svg"/);
    assert.match(html, /<a href="\/kort">Se alle steder på kortet<\/a>/);
  });

  it('one result is drawn on a map of the whole city', async () => {
    const html = await getHtml('/kort?interesse=musik');
    assert.equal(markerSlugs(html).length, 1);
    assert.match(html, /Kortet viser 1 sted\./);
  });
});

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
}
