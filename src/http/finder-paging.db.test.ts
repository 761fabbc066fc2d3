import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import type { Database } from '../db/database.ts';

const textOf = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('\u2060', '')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ')
    .trim();
const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1]!);
/** The results listed, in order (the links to the places, with or without /en and a shortlist). */
const resultSlugs = (html: string) => all(html, /<h3><a href="(?:\/en)?\/tilbud\/([^"?]+)[^"]*"/g);
const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
const countOf = (html: string) => /<h2 id="resultater" tabindex="-1">([^<]*)<\/h2>/.exec(html)?.[1] ?? '';
/** A link of the pagination by its aria-label ('Næste side', 'Side 2'), with &amp; read as &. */
const pagerLink = (html: string, label: string) => {
  const nav = html.slice(html.indexOf('<nav class="pagination"'), html.indexOf('</nav>', html.indexOf('<nav class="pagination"')));
  const tag = [...nav.matchAll(/<a [^>]*>/g)].map((match) => match[0]).find((item) => item.includes(`aria-label="${label}"`));
  return tag ? /href="([^"]*)"/.exec(tag)![1]!.replaceAll('&amp;', '&') : null;
};
const warnings = (html: string) => all(html, /<div class="alert alert-warning" role="alert">.*?<p class="alert-text">(.*?)<\/p>/g);

describe(`the finder's results in pages (${databaseKind})`, () => {
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
    assert.equal(response.status, 200, `${path} gave ${response.status}`);
    return response.text();
  };

  it('shows 20 places a page, says which ones, and page 2 (from its link) shows the next ones under the same count', async () => {
    const first = await page('/?naer=2300');
    const count = countOf(first);
    const total = Number(/^(\d+) steder passer$/.exec(count)?.[1]);
    assert.ok(total > 20, `the seeded range near 2300 fills more than one page (${count})`);
    assert.equal(resultSlugs(first).length, 20);
    assert.match(textOf(first), new RegExp(`Viser 1–20 af ${total}\\.`));
    assert.match(first, /<nav class="pagination" aria-label="Sider med resultater"/);
    assert.match(first, /<a href="[^"]*" class="button current-page" aria-label="Side 1" aria-current="page">1<\/a>/);

    const next = pagerLink(first, 'Næste side');
    assert.equal(next, '/?naer=2300&side=2#resultater');
    const second = await page(next!.replace(/#.*/, ''));
    assert.equal(countOf(second), count, 'the count is the whole search, not the page');
    assert.match(titleOf(second), new RegExp(`^Søgning: ${total} steder, side 2 af \\d+`));
    const onSecond = resultSlugs(second);
    assert.ok(onSecond.length > 0);
    assert.deepEqual(
      onSecond.filter((slug) => resultSlugs(first).includes(slug)),
      [],
      'page 2 repeats nothing from page 1',
    );
    assert.match(textOf(second), new RegExp(`Viser 21–${20 + onSecond.length} af ${total}\\.`));
    assert.equal(pagerLink(second, 'Forrige side'), '/?naer=2300#resultater', 'page 1 is the search itself');
  });

  it('every page link keeps the search and the shortlist', async () => {
    const html = await page('/?naer=2300&steder=nabo,kompasset');
    assert.equal(pagerLink(html, 'Side 2'), '/?naer=2300&side=2&steder=nabo,kompasset#resultater');
    assert.equal(pagerLink(html, 'Næste side'), '/?naer=2300&side=2&steder=nabo,kompasset#resultater');
  });

  it('a search with few results has no pagination', async () => {
    const html = await page('/?q=Kompasset');
    assert.ok(resultSlugs(html).length <= 20);
    assert.doesNotMatch(html, /class="pagination"/);
    assert.doesNotMatch(textOf(html), /Viser \d+–\d+ af/);
  });

  it('a page past the last shows the last page with a plain-Danish notice, not an error', async () => {
    const first = await page('/?naer=2300');
    const pageCount = Number(/<span class="pagination-mobile">Side 1 af (\d+)<\/span>/.exec(first)?.[1]);
    const html = await page('/?naer=2300&side=99');
    assert.deepEqual(warnings(html), [`Der er ingen side 99. Søgningen har ${pageCount} sider, så vi viser den sidste.`]);
    assert.match(html, new RegExp(`aria-label="Side ${pageCount}" aria-current="page">${pageCount}</a>`));
    assert.equal(countOf(html), countOf(first));
  });

  it('a page number that is not a number is explained, and page 1 is shown', async () => {
    const html = await page('/?naer=2300&side=to');
    assert.deepEqual(warnings(html), ['Vi kan ikke læse sidetallet «to», så vi viser side 1.']);
    assert.match(html, /aria-label="Side 1" aria-current="page">1<\/a>/);
    assert.deepEqual(warnings(await page('/?q=Kompasset&side=4')), ['Der er ingen side 4. Alle stederne står på én side, og den ser du her.']);
  });

  it('in English: the words, the notice and the links under /en', async () => {
    const html = await page('/en?naer=2300&side=2');
    assert.match(html, /<nav class="pagination" aria-label="Pages of results"/);
    assert.match(html, /<span class="pagination-mobile">Page 2 of \d+<\/span>/);
    assert.equal(pagerLink(html, 'Previous page'), '/en?naer=2300#resultater');
    assert.match(titleOf(html), /^Search: \d+ places, page 2 of \d+/);
    assert.deepEqual(warnings(await page('/en?naer=2300&side=99')).length, 1);
    assert.match(warnings(await page('/en?naer=2300&side=99'))[0]!, /^There is no page 99\. The search has \d+ pages, so we show the last one\.$/);
  });

  it('the map shows every place whatever the page, and says nothing about pages', async () => {
    const html = await page('/kort?naer=2300&side=to');
    assert.deepEqual(warnings(html), []);
    assert.doesNotMatch(html, /class="pagination"/);
  });
});
