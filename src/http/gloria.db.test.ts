import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import type { Database } from '../db/database.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
});
after(() => database.close());

const plainText = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe(`Gloria's public pages and feeds (${databaseKind})`, () => {
  it('lists the latest texts and the theme issue on loneliness, marked as example data, filtered by district, with its feeds named in the head', async () => {
    const response = await app.request('/gloria');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<title>Gloria – brugernes blad – /);
    assert.match(html, /<link rel="alternate" type="application\/atom\+xml" href="http:\/\/127\.0\.0\.1:3000\/gloria\/feed\.atom"/);
    assert.match(html, /<link rel="alternate" type="application\/rss\+xml" href="http:\/\/127\.0\.0\.1:3000\/gloria\/feed\.rss"/);
    const text = plainText(html);
    assert.match(text, /Temanumre Ensomhed eksempeldata/);
    assert.match(text, /Når weekenden bliver lang eksempeldata Artikel · Gloria – hele byen · Hele byen · 16\. november 2026/);
    assert.match(text, /Kaffen var min vej ind eksempeldata Livshistorie · Fortalt anonymt/);
    assert.doesNotMatch(html, /Eksempelfortæller/, 'an anonymous storyteller is never named');

    const norrebro = plainText(await (await app.request('/gloria?bydel=norrebro')).text());
    assert.match(norrebro, /Nyeste tekster fra Nørrebro Gloria søger skribenter på Nørrebro/);
    assert.doesNotMatch(norrebro, /Sådan skriver du til Gloria|Når weekenden/);
    assert.match(plainText(await (await app.request('/gloria?bydel=atlantis')).text()), /Nyeste tekster Kaffen.*Gloria søger skribenter/, 'an unknown district shows everything');
  });

  it('shows a text and a theme issue, in Danish and English, and answers 404 for what is not published', async () => {
    const page = await app.request('/gloria/saadan-skriver-du-til-gloria');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<h2>Tre gode råd<\/h2>\s*<ul><li>Skriv det vigtigste først\.<\/li>/);
    assert.match(plainText(html), /Artikel · Gloria Valby · Valby · Udgivet 20\. oktober 2026/);
    const english = await (await app.request('/en/gloria/saadan-skriver-du-til-gloria')).text();
    assert.match(english, /<html lang="en"/);
    assert.match(english, /<h1 id="gloria-title" lang="da">Sådan skriver du til Gloria<\/h1>/);
    assert.match(plainText(english), /Article · Gloria Valby · Valby · Published 20 October 2026/);
    const theme = plainText(await (await app.request('/gloria/tema/ensomhed')).text());
    assert.match(theme, /Ensomhed eksempeldata Et temanummer om at være alene.*Tekster i temanummeret Når weekenden bliver lang.*Kaffen var min vej ind/);
    assert.equal((await app.request('/gloria/findes-ikke')).status, 404);
    assert.equal((await app.request('/gloria/tema/findes-ikke')).status, 404);
    assert.match(await (await app.request('/')).text(), /<a href="\/gloria">Gloria – brugernes blad<\/a>/, 'the footer links Gloria');
  });

  it('serves valid Atom and RSS with escaped text and absolute links', async () => {
    const atom = await app.request('/gloria/feed.atom');
    assert.equal(atom.status, 200);
    assert.match(atom.headers.get('content-type') ?? '', /^application\/atom\+xml/);
    const atomText = await atom.text();
    assert.match(atomText, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="da">/);
    assert.match(atomText, /<entry>\n {4}<title>Gloria søger skribenter på Nørrebro<\/title>\n {4}<id>http:\/\/127\.0\.0\.1:3000\/gloria\/gloria-soeger-skribenter-paa-noerrebro<\/id>/);
    assert.match(atomText, /<author><name>Fortalt anonymt<\/name><\/author>/);
    const rss = await app.request('/gloria/feed.rss');
    assert.match(rss.headers.get('content-type') ?? '', /^application\/rss\+xml/);
    const rssText = await rss.text();
    assert.match(rssText, /<guid isPermaLink="true">http:\/\/127\.0\.0\.1:3000\/gloria\/saadan-skriver-du-til-gloria<\/guid>/);
    assert.match(rssText, /<pubDate>Tue, 20 Oct 2026 09:00:00 GMT<\/pubDate>/);
    for (const xml of [atomText, rssText]) {
      // Every element closes in order and nothing unescaped is left in the text.
      const stack: string[] = [];
      for (const tag of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
        if (tag[3] === '/') continue;
        if (tag[1] === '/') assert.equal(stack.pop(), tag[2]);
        else stack.push(tag[2]!);
      }
      assert.deepEqual(stack, []);
      assert.doesNotMatch(xml.replace(/<[^>]+>/g, ''), /[<>]|&(?!amp;|lt;|gt;|quot;|apos;)/);
    }
  });
});
