import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import { getRangeCoverage } from '../app/get-range-coverage.ts';
import type { Database } from '../db/database.ts';
import { createRangeRepository } from '../db/range-repository.ts';
import { compareCoverage } from '../domain/planning/coverage.ts';
import { copenhagenGrid } from '../domain/planning/population-grid.ts';

const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1]!);
const infoNotices = (html: string) => all(html, /<div class="alert alert-info">.*?<p class="alert-text">(.*?)<\/p>/g);

describe(`the coverage page /planlaegning/daekning (${databaseKind})`, () => {
  let database: Database;
  let app: ReturnType<typeof createTestApp>;

  before(async () => {
    database = await createTestDatabase();
    app = createTestApp(database);
  });
  after(async () => {
    await database?.close();
  });

  async function getHtml(path: string) {
    const response = await app.request(path);
    assert.equal(response.status, 200, `${path} gave ${response.status}`);
    return response.text();
  }

  it('shows the distances per district for every need, the hours, and says the population is approximate', async () => {
    const html = await getHtml('/planlaegning/daekning?dato=2016-03-01');
    assert.match(html, /<h1>Dækning af tilbudsviften 1\. marts 2016<\/h1>/);
    assert.match(html, /Tallene er omtrentlige/);
    assert.match(html, /afrundede tilnærmelser af de offentlige bydelstal/);
    assert.match(html, /Danmarks Statistiks kvadratnet/);
    assert.match(html, /Stedernes placering er omtrentlig/);
    for (const district of ['Indre By', 'Amager Øst', 'Brønshøj-Husum', 'Vanløse']) assert.ok(html.includes(`<th scope="row">${district}</th>`), district);
    assert.match(html, /Et socialt sted \(tryghed og samvær\) for alle/);
    assert.match(html, /Et sted for alle eller for unge/);
    assert.match(html, /Over 3 km/);
    assert.match(html, /Åbningstimer pr\. bydel: sociale steder for alle/);
    assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby="daekning-kort-titel daekning-kort-beskrivelse"/);
    assert.deepEqual(infoNotices(html).filter((text) => !text.includes('eksempeldata')), []);
  });

  it('explains a date it cannot read, or one out of reach, and an unknown need, and shows today instead', async () => {
    const unreadable = await getHtml('/planlaegning/daekning?dato=i+morgen&behov=hunde');
    const notices = infoNotices(unreadable);
    assert.ok(notices.some((text) => text.includes('Vi kunne ikke læse datoen &quot;i morgen&quot;')), notices.join(' | '));
    assert.ok(notices.some((text) => text.includes('Vi kender ikke behovet &quot;hunde&quot;')), notices.join(' | '));
    const far = await getHtml('/planlaegning/daekning?dato=1999-01-01');
    assert.ok(infoNotices(far).some((text) => text.includes('uden for de år')));
  });

  it('compares the range on two dates: the places no longer included, and the change in residents beyond 1 km', async () => {
    const html = await getHtml('/planlaegning/daekning?dato=2016-01-01&sammenlign=2015-06-01&behov=all');
    assert.match(html, /<h2>Ændring fra 1\. juni 2015 til 1\. januar 2016<\/h2>/);
    assert.match(html, /Ikke længere med: <span>[^<]+<\/span>/);
    assert.doesNotMatch(html, /Nye siden:/);
    const cityRow = html.slice(html.indexOf('<tfoot>', html.indexOf('Ændring for: Et hvilket som helst sted for alle')));
    assert.match(cityRow.slice(0, cityRow.indexOf('</tfoot>')), /<td>\+\d+ point<\/td>/);
    assert.match(html, /id="daekning-sammenlign"[^>]*value="2015-06-01"/);
    const same = await getHtml('/planlaegning/daekning?dato=2016-01-01');
    assert.doesNotMatch(same, /Ændring fra/);
    const unreadable = await getHtml('/planlaegning/daekning?dato=2016-01-01&sammenlign=sidste+år');
    assert.ok(infoNotices(unreadable).some((text) => text.includes('Vi kunne ikke bruge &quot;sidste år&quot; som dato at sammenligne med')));
    assert.doesNotMatch(unreadable, /Ændring fra/);
  });

  it('is in English under /en, with the same figures', async () => {
    const html = await getHtml('/en/planlaegning/daekning?dato=2016-03-01&behov=young');
    assert.match(html, /<h1>Coverage of the range on 1 March 2016<\/h1>/);
    assert.match(html, /The figures are approximate/);
    assert.match(html, /<option value="young" selected="">A place for everyone or for young people<\/option>/);
  });

  it('shows what the closings of 2015 did: a place fewer, more residents beyond 1 km of any place, no district better off', async () => {
    const range = createRangeRepository(database.db);
    const grid = await copenhagenGrid();
    const summer2015 = await getRangeCoverage({ range, grid, date: '2015-06-01' });
    const newYear2016 = await getRangeCoverage({ range, grid, date: '2016-01-01' });
    const ids = (coverage: typeof summer2015) => new Set(coverage.places.map((place) => place.offeringId));
    const opened = [...ids(newYear2016)].filter((id) => !ids(summer2015).has(id));
    const closed = [...ids(summer2015)].filter((id) => !ids(newYear2016).has(id));
    assert.deepEqual(opened, []);
    assert.ok(closed.length > 0);
    const diff = compareCoverage(summer2015.report, newYear2016.report);
    assert.ok(diff.all.city.beyond[0] > 0, 'more residents beyond 1 km');
    for (const row of diff.all.districts) assert.ok(row.beyond.every((change) => change >= 0), row.slug);
    assert.equal(diff.all.city.before.residents, diff.all.city.after.residents);
  });
});
