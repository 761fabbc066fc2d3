import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, testNow } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import type { Database } from '../db/database.ts';
import { createRangeRepository } from '../db/range-repository.ts';
import { getOfferingPage, weekOf } from './get-offering-page.ts';


/** The page's text without tags, with runs of white space made single. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('\u2060', '')
    .replaceAll('\u00a0', ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe(`the page of one offering on ${databaseKind}`, () => {
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
    return { html, text: textOf(html) };
  }

  it('knows the week from Monday to Sunday, across a month and a year', () => {
    assert.deepEqual(weekOf('2026-11-23'), ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    assert.deepEqual(weekOf('2026-11-29')[0], '2026-11-23');
    assert.deepEqual(weekOf('2027-01-01'), ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  });

  it('finds an offering by slug or id, in any case, and nothing for an unknown one', async () => {
    const bySlug = await getOfferingPage({ range, slugOrId: 'nabo', now: testNow });
    assert.equal(bySlug?.offering.name, 'Nabo');
    assert.equal((await getOfferingPage({ range, slugOrId: bySlug!.offering.id.toUpperCase(), now: testNow }))?.offering.slug, 'nabo');
    assert.equal((await getOfferingPage({ range, slugOrId: 'NABO', now: testNow }))?.offering.slug, 'nabo');
    assert.equal(await getOfferingPage({ range, slugOrId: 'findes-ikke', now: testNow }), null);
  });

  it('Amadeus is closing and names the Sydhavnen multihus first, as proposed, then open places nearby', async () => {
    const page = await getOfferingPage({ range, slugOrId: 'amadeus', now: testNow });
    assert.equal(page?.status.state, 'closing');
    const [first, ...rest] = page!.alternatives;
    assert.equal(first?.offering.slug, 'sydhavnen-multihus');
    assert.equal(first?.reason, 'successor');
    assert.equal(first?.status.state, 'proposed');
    assert.ok(rest.length > 0 && rest.length <= 2);
    for (const item of rest) assert.equal(item.status.state, 'active', `${item.offering.name} is open`);
    assert.equal(rest[0]?.offering.slug, 'kontaktcenteret', 'the open place in the same district comes first');

    const { html, text } = await getPage('/tilbud/amadeus');
    assert.match(html, /<title>Amadeus – Tilbudsvifte København<\/title>/);
    assert.match(html, /class="alert alert-warning"/);
    assert.match(text, /Lukker .* og lægges sammen med Nyt aktivitets- og samværstilbud i Sydhavnen \(multihus\)/);
    assert.match(text, /Steder der passer til de samme/);
    assert.match(text, /Foreslået tilbud: det er endnu ikke åbnet/);
    assert.match(html, /<a href="\/tilbud\/sydhavnen-multihus">/);
    assert.match(text, /Tilbuddet har ikke oplyst sine åbningstider endnu/);
    assert.match(text, /Driftsherren er ikke oplyst i kilderne/);
    assert.match(text, /4\. februar 2016 Besluttet at lægge stedet sammen med Nyt aktivitets/);
    assert.match(text, /Kilde: dokument 002\./);
  });

  it('Milepælen is closed and points to open places on Østerbro or nearby', async () => {
    const page = await getOfferingPage({ range, slugOrId: 'milepaelen', now: testNow });
    assert.equal(page?.status.state, 'closed');
    assert.equal(page?.alternatives.length, 3);
    for (const item of page!.alternatives) {
      assert.equal(item.status.state, 'active');
      assert.ok(item.isSameDistrict || (item.distanceKm !== null && item.distanceKm < 3), `${item.offering.name} is near`);
    }
    assert.equal(page!.alternatives[0]?.offering.locations[0]?.location.district?.name, 'Østerbro');

    const { html, text } = await getPage('/tilbud/milepaelen');
    assert.match(html, /class="alert alert-info"/);
    assert.match(text, /Lukket den 16\. december 2015/);
    assert.match(text, /Besluttet, at stedet lukker den 16\. december 2015/);
    assert.match(text, /Kilde: dokument 000\./);
    for (const item of page!.alternatives) assert.ok(html.includes(`href="/tilbud/${item.offering.slug}"`));
  });

  it('Nabo, open, shows this week’s example hours, its activities and no alternatives', async () => {
    const page = await getOfferingPage({ range, slugOrId: 'nabo', now: testNow });
    assert.equal(page?.status.state, 'active');
    assert.deepEqual(page?.alternatives, []);

    const { html, text } = await getPage('/tilbud/nabo');
    assert.doesNotMatch(html, /class="alert /, 'no status alert for an open place');
    assert.doesNotMatch(text, /Steder der passer til de samme/);
    const hours = html.slice(html.indexOf('id="aabningstider"'), html.indexOf('id="aktiviteter"'));
    assert.match(html, /<section aria-labelledby="aabningstider" data-example="åbningstider">/);
    assert.match(hours, /eksempeldata/);
    assert.match(textOf(hours), /Mandag 23\. november i dag 10:00–16:00 Personale til stede/);
    assert.match(textOf(hours), /Lørdag 28\. november Lukket/);
    assert.match(textOf(hours), /Søndag 29\. november 12:00–16:00 Brugerstyret, uden personale/);
    assert.match(text, /Helligdage og lukkedage er regnet med/);
    assert.match(text, /Fællesspisning: Hver tirsdag kl\. 12:00–13:30/);
    assert.match(text, /Læsekreds på biblioteket Mandag 23\. november kl\. 14:00–15:30 Sted: Sundby Bibliotek, Jemtelandsgade 3, 2300 København S/);
    assert.match(text, /Aften-madklub Torsdag 26\. november kl\. 17:00–20:00 På stedet Brugerstyret/);
    assert.match(html, /<link rel="alternate" type="text\/calendar" href="\/tilbud\/nabo\/kalender\.ics"/);
    assert.match(text, /Abonnér på stedets kalender/);
    assert.match(html, /<section aria-labelledby="aktiviteter" data-example="aktiviteter">/);
    assert.match(text, /Portugalsgade 10-12 2300 København S/);
    assert.match(text, /Bydel: Amager Øst/);
    assert.match(text, /Placeringen er omtrentlig/);
    assert.match(text, /Driftsherre We Shelter/);
    assert.match(html, /<link rel="alternate" type="application\/json" href="\/api\/hsds\/services\/[0-9a-f-]{36}"/);
    assert.match(html, /<nav class="breadcrumbs"[^>]*>.*<a class="breadcrumbs__link" href="\/">Alle tilbud<\/a>/s);
  });

  it('Nabo in Christmas week shows its special hours on Christmas Eve and closed on the public holidays', async () => {
    const page = await getOfferingPage({ range, slugOrId: 'nabo', now: new Date('2026-12-22T10:00:00Z') });
    const days = page!.days.map((day) => `${day.date.slice(8)} ${day.periods.map((period) => `${period.opens}-${period.closes}`).join(',') || 'lukket'}`);
    assert.deepEqual(days, ['21 10:00-16:00', '22 10:00-16:00', '23 10:00-16:00', '24 14:00-20:00', '25 lukket', '26 lukket', '27 12:00-16:00']);
    assert.equal(page!.opening?.isNow, true);
    assert.ok(page!.upcoming.some((item) => item.activity.name === 'Juleaftensmiddag' && item.date === '2026-12-24'));
  });

  it('a place that is closed for the weekend says when it opens next', async () => {
    const page = await getOfferingPage({ range, slugOrId: 'fountain-house', now: new Date('2026-11-28T12:00:00Z') });
    assert.equal(page!.opening?.isNow, false);
    assert.equal(page!.opening?.date, '2026-11-30');
  });

  it('Nabo Satellit, proposed, has no fixed address and links to Nabo', async () => {
    const { html, text } = await getPage('/tilbud/nabo-satellit');
    assert.match(html, /class="alert alert-info"/);
    assert.match(text, /Foreslået tilbud/);
    assert.match(text, /Ingen fast adresse Boligsociale områder på Amager, i lånte lokaler/);
    assert.doesNotMatch(text, /Placeringen er omtrentlig/);
    assert.match(html, /Satellit under <a href="\/tilbud\/nabo">Nabo<\/a>/);
    assert.doesNotMatch(text, /Steder der passer til de samme/);
  });

  it('answers the id with a permanent redirect to the slug', async () => {
    const page = await getOfferingPage({ range, slugOrId: 'nabo', now: testNow });
    const response = await app.request(`/tilbud/${page!.offering.id}`);
    assert.equal(response.status, 301);
    assert.equal(response.headers.get('location'), '/tilbud/nabo');
  });

  it('says plainly that an unknown place was not found and links to the front page', async () => {
    for (const path of ['/tilbud/findes-ikke', '/tilbud/%3Cscript%3E', `/tilbud/${'a'.repeat(300)}`]) {
      const response = await app.request(path);
      assert.equal(response.status, 404, path);
      const html = await response.text();
      assert.match(textOf(html), /Vi kan ikke finde det tilbud, du leder efter/);
      assert.match(html, /<a href="\/">Gå til forsiden<\/a>/);
    }
  });
});
