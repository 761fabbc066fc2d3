import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import type { Database } from '../db/database.ts';

const textOf = (html: string) =>
  html
    .replace(/<(script|style|title)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('\u2060', '')
    .replaceAll('\u00a0', ' ')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ')
    .trim();

/** The page without the elements marked lang="da" (the places' own Danish texts); none of them nest. */
function withoutDanish(html: string): string {
  let previous = '';
  let rest = html.replace(/<head>[\s\S]*?<\/head>/, '');
  while (previous !== rest) {
    previous = rest;
    rest = rest.replace(/<(\w+)(?:\s[^>]*)?\slang="da"[^>]*>(?:(?!<\1[\s>])[\s\S])*?<\/\1>/g, ' ');
  }
  return rest;
}

/** The language switcher's markup: DKFDS's language-switcher block. */
const switcherOf = (html: string) => html.slice(html.indexOf('<div class="language-switcher">'), html.indexOf('<div class="solution-info">'));

const escaped = (href: string) => href.replaceAll('&', '&amp;').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const englishPages = [
  { path: '/en', title: 'Activity and community places in Copenhagen', heading: 'Activity and community places in Copenhagen' },
  { path: '/en?q=musik&aaben=nu', title: /Search: \d+ places?/, heading: /\d+ places? match|1 place matches|No places match/ },
  { path: '/en/tilbud/nabo', title: 'Nabo', heading: 'Opening hours this week' },
  { path: '/en/kort', title: 'Map of the places', heading: 'The places on the map' },
  { path: '/en/liste?steder=nabo,kompasset', title: 'Your list', heading: 'Add a note for the citizen' },
  { path: '/en/liste/udskriv?steder=nabo,kompasset', title: 'Print your list', heading: 'Your list' },
  { path: '/en/kalender', title: 'Calendar: Monday 23 November 2026', heading: 'Open places' },
  { path: '/en/kalender/daekning', title: 'Coverage in week 48', heading: 'Gaps: no social place open' },
  { path: '/en/program?bydel=amager-ost&uge=2026-W52', title: 'Programme for Amager Øst: Week 52, 21 December 2026 to 27 December 2026', heading: 'Programme for Amager Øst' },
  { path: '/en/brochure?bydel=bispebjerg', title: 'Brochure for Bispebjerg', heading: 'All activity and community services' },
  { path: '/en/brugermoede', title: 'The user meeting', heading: 'No date has been set for the next user meeting yet.' },
] as const;

describe(`the English pages under /en (${databaseKind})`, () => {
  let database: Database;
  let app: ReturnType<typeof createTestApp>;
  before(async () => {
    database = await createTestDatabase();
    app = createTestApp(database);
  });
  after(async () => {
    await database?.close();
  });

  const page = async (path: string, status = 200) => {
    const response = await app.request(path);
    assert.equal(response.status, status, path);
    const html = await response.text();
    return { html, text: textOf(html) };
  };

  for (const expected of englishPages) {
    it(`${expected.path} is in English: lang="en", an English title and headings, and the note that the places write in Danish`, async () => {
      const { html, text } = await page(expected.path);
      assert.match(html, /^<!doctype html><html lang="en">/);
      const title = /<title>(.*?) – Tilbudsvifte Copenhagen<\/title>/.exec(html)?.[1];
      assert.ok(title, `${expected.path} has a title that names the site in English`);
      if (typeof expected.title === 'string') assert.equal(title, expected.title);
      else assert.match(title, expected.title);
      if (typeof expected.heading === 'string') assert.ok(text.includes(expected.heading), `${expected.path}: «${expected.heading}»`);
      else assert.match(text, expected.heading);
      assert.equal(text.split('The places’ own names, descriptions and addresses are in Danish.').length - 1, 1, 'said once');
      assert.match(html, /<a class="skipnav" href="#main-content">Skip to main content<\/a>/);
    });
  }

  it('the finder form is in English and sends the search to the English front page', async () => {
    const { html, text } = await page('/en?aaben=nu');
    assert.match(html, /<form method="get" action="\/en#resultater" role="search" aria-label="Find a place"/);
    for (const label of ['What are you looking for?', 'Near an address or a postcode', 'District', 'What do you need?', 'When should the place be open?']) {
      assert.ok(text.includes(label), label);
    }
    assert.match(html, /<label class="form-label" for="profil-2">Safety and social community<\/label>/);
    assert.match(html, /<label class="form-label" for="maalgruppe-1">Young people<\/label>/);
    assert.match(html, /<summary class="details-summary">More choices<\/summary>/);
    assert.match(html, /<button type="submit" class="button button-primary">Search<\/button>/);
    // The query words stay Danish, so a shared link means the same in both languages.
    assert.match(html, /<input type="radio" id="aaben-2" name="aaben" class="form-radio" value="nu" checked=""/);
    assert.match(text, /Matches because: Open now until \d\d:\d\d/);
  });

  it('the language switcher (DKFDS) leads back to the same Danish page with the same query, and names both versions in the head', async () => {
    const cases = [
      ['/en', '/'],
      ['/en?q=musik&aaben=nu', '/?q=musik&aaben=nu'],
      ['/en/tilbud/nabo?steder=nabo', '/tilbud/nabo?steder=nabo'],
      ['/en/kort?profil=socialt&naer=2300', '/kort?profil=socialt&naer=2300'],
      ['/en/liste?steder=nabo&note=Hej', '/liste?steder=nabo&note=Hej'],
      ['/en/kalender?visning=uge&dato=2026-12-23', '/kalender?visning=uge&dato=2026-12-23'],
      ['/en/program?bydel=amager-ost&maaned=2026-12', '/program?bydel=amager-ost&maaned=2026-12'],
      ['/en/brochure?papir=a5', '/brochure?papir=a5'],
      ['/en/brugermoede?fra=raad', '/brugermoede?fra=raad'],
    ] as const;
    for (const [english, danish] of cases) {
      const { html } = await page(english);
      const switcher = switcherOf(html);
      assert.match(switcher, /<ul aria-label="Choose language">/, english);
      assert.match(
        switcher,
        /<ul aria-label="Choose language"><li><span class="language-switcher-current" lang="en" aria-current="true"><svg[^>]*>.*?<\/svg>English<\/span><\/li>/,
        `${english}: English is the current language, first, with the check mark`,
      );
      assert.match(switcher, new RegExp(`<li><a href="${escaped(danish)}" lang="da" hreflang="da">Dansk</a></li>`), `${english} -> ${danish}`);
      assert.match(html, new RegExp(`<link rel="alternate" hreflang="da" href="${escaped(danish)}"/>`));
      assert.match(html, new RegExp(`<link rel="alternate" hreflang="en" href="${escaped(english)}"/>`));
    }
  });

  it('every Danish page links to its English version, the same page with the same query', async () => {
    for (const danish of ['/', '/?q=musik', '/tilbud/nabo', '/kort?naer=2300', '/liste?steder=nabo', '/liste/udskriv?steder=nabo', '/kalender', '/kalender/daekning', '/planlaegning/daekning?dato=2016-03-01', '/planlaegning/budget', '/program?uge=2026-W50', '/brochure', '/brugermoede']) {
      const { html } = await page(danish);
      assert.match(html, /^<!doctype html><html lang="da">/);
      const english = danish === '/' ? '/en' : danish.startsWith('/?') ? `/en${danish.slice(1)}` : `/en${danish}`;
      const switcher = switcherOf(html);
      assert.match(switcher, /<ul aria-label="Vælg sprog">/);
      assert.match(switcher, /<span class="language-switcher-current" lang="da" aria-current="true">/, danish);
      assert.match(switcher, new RegExp(`<li><a href="${escaped(english)}" lang="en" hreflang="en">English</a></li>`), `${danish} -> ${english}`);
      assert.match(html, new RegExp(`<link rel="alternate" hreflang="en" href="${escaped(english)}"/>`));
    }
  });

  it('links inside an English page stay in English: results, list, map, calendar paging, breadcrumbs and footer', async () => {
    const paths = [
      '/en',
      '/en?naer=2300&profil=socialt',
      '/en?q=xyzzy',
      '/en/tilbud/nabo?steder=kompasset',
      '/en/tilbud/amadeus',
      '/en/kort?naer=2300',
      '/en/kort?q=xyzzy',
      '/en/liste?steder=nabo,kompasset&note=Hej',
      '/en/liste/udskriv?steder=nabo',
      '/en/kalender?visning=uge',
      '/en/kalender/daekning',
      '/en/program?bydel=amager-ost&uge=2026-W52',
      '/en/program?bydel=bispebjerg&uge=2026-W50',
      '/en/brochure?bydel=bispebjerg',
      '/en/brugermoede',
    ];
    for (const path of paths) {
      const { html } = await page(path);
      const body = html.slice(html.indexOf('<div class="solution-info">'));
      for (const [, href] of body.matchAll(/\s(?:href|action)="([^"]*)"/g)) {
        const isOwnPage = href === '/en' || /^\/en[/?#]/.test(href!);
        const isSameLanguageFree = /^(#|\/api\/|\/static\/|\/dkfds\/|https?:|tel:|mailto:)/.test(href!) || /\.ics(\?|$)/.test(href!);
        assert.ok(isOwnPage || isSameLanguageFree, `${path} links to ${href}`);
      }
    }
    const front = (await page('/en?steder=nabo')).html;
    assert.match(front, /<a href="\/en\/tilbud\/nabo\?steder=nabo" lang="da">Nabo<\/a>/);
    assert.match(front, /<a href="\/en\/liste\?steder=nabo">See your list \(1 place\)<\/a>/);
    assert.match(front, /<a href="\/en\/kalender">Calendar<\/a>/);
    const calendar = (await page('/en/kalender?bydel=amager-ost')).html;
    assert.match(calendar, /href="\/en\/kalender\?bydel=amager-ost&amp;dato=2026-11-24&amp;visning=dag">Next day/);
    const nabo = (await page('/en/tilbud/nabo')).html;
    assert.match(nabo, /<a class="breadcrumbs__link" href="\/en">All places<\/a>/);
    const list = (await page('/en/liste?steder=nabo')).html;
    assert.match(list, /value="http:\/\/127\.0\.0\.1:3000\/en\/liste\?steder=nabo"/, 'the link to copy is the English list');
  });

  it('the places’ own texts stay Danish and are marked lang="da"; nothing else on the page is Danish', async () => {
    const { html } = await page('/en/tilbud/nabo');
    assert.match(html, /<h1 lang="da">Nabo<\/h1>/);
    assert.match(html, /<p class="font-lead" lang="da">Selvejende værested/);
    assert.match(html, /<span lang="da">Nabo<\/span><\/li>/, 'the breadcrumb');
    for (const path of ['/en/tilbud/nabo', '/en/tilbud/milepaelen', '/en/tilbud/amadeus', '/en?q=amadeus', '/en/liste?steder=nabo,amadeus', '/en/liste/udskriv?steder=amadeus', '/en/kort?q=amadeus', '/en/kalender', '/en/kalender/daekning', '/en/findes-ikke', '/en/program?maaned=2026-12', '/en/brochure', '/en/brochure?bydel=bispebjerg', '/en/brugermoede']) {
      const rest = textOf(withoutDanish((await page(path, path.endsWith('findes-ikke') ? 404 : 200)).html));
      const danish = rest.match(/[^.:·]*[æøåÆØÅ«»][^.:·]*/g) ?? [];
      assert.deepEqual(danish, [], `${path}: Danish words outside lang="da"`);
    }
  });

  it('says the schedule in English: weekdays, holidays, dates and times, with en-GB dates in Copenhagen', async () => {
    const { text } = await page('/en/kalender?visning=uge&dato=2026-12-23');
    assert.match(text, /Week 52, 21 December 2026 to 27 December 2026/);
    const christmasEve = text.slice(text.indexOf('Thursday 24 December 2026'), text.indexOf('Friday 25 December 2026'));
    assert.match(christmasEve, /Christmas Eve Open places \(2\)/);
    assert.match(christmasEve, /Nabo ?: 14:00–20:00/);
    const nabo = (await page('/en/tilbud/nabo')).text;
    assert.match(nabo, /From Monday 23 November to Sunday 29 November 2026/);
    assert.match(nabo, /Monday 23 November today/);
    assert.match(nabo, /(Open now until \d\d:\d\d\.|Closed now\. Opens)/);
    assert.match(nabo, /Subscribe to the place’s calendar/);
    const holidays = (await page('/en?aaben=helligdage')).text;
    assert.match(holidays, /Open on holidays: Christmas Eve 14:00–20:00/);
  });

  it('explains in English what it could not use in a link', async () => {
    assert.match((await page('/en?profil=hemmelig&bydel=atlantis')).text, /We do not know the choice “hemmelig”, so it is not used in the search\./);
    assert.match((await page('/en?naer=99999')).text, /A postcode has four digits|The postcode|We could not find/);
    assert.match((await page('/en/kalender?dato=31-02-2026')).text, /We cannot read the date “31-02-2026”, so we show today\./);
    assert.match((await page('/en/liste?steder=nabo,NOT%20A%20SLUG')).text, /We cannot read “NOT A SLUG” as a place, so it is not on the list\./);
  });

  it('answers an unknown English address with the English 404 page, whose switcher leads to the front pages', async () => {
    for (const path of ['/en/findes-ikke', '/en/tilbud/findes-ikke']) {
      const { html, text } = await page(path, 404);
      assert.match(html, /^<!doctype html><html lang="en">/);
      assert.match(html, /<title>(Page not found|Not found) – Tilbudsvifte Copenhagen<\/title>/);
      assert.match(text, /Go to the front page/);
      assert.match(html, /<a href="\/en">Go to the front page<\/a>/);
      assert.match(switcherOf(html), /<a href="\/" lang="da" hreflang="da">Dansk<\/a>/);
      assert.doesNotMatch(html, /hreflang="da" href=/, 'an error has no other version to name in the head');
    }
    const response = await app.request('/en/?q=musik');
    assert.equal(response.status, 301);
    assert.equal(response.headers.get('location'), '/en?q=musik');
  });

  it('the open data and the calendar feeds stay where they are, in Danish', async () => {
    assert.equal((await app.request('/en/api/hsds/services')).status, 404);
    assert.equal((await app.request('/en/kalender.ics')).status, 404);
    assert.equal((await app.request('/kalender.ics')).status, 200);
  });
});
