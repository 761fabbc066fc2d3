import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutRangeMap, type MapPlace, outsideMapText, RangeMap } from './range-map.tsx';

const places: MapPlace[] = [
  { slug: 'kompasset', name: 'Kompasset', profile: 'both', point: { latitude: 55.6556, longitude: 12.5945 }, isApproximate: true },
  { slug: 'rantzausgade', name: 'Rantzausgade', profile: 'social', point: { latitude: 55.6875, longitude: 12.5475 }, isApproximate: false },
];

const render = async (tileUrlTemplate: string | null) =>
  String(await (<RangeMap layout={layoutRangeMap(places, null)} tileUrlTemplate={tileUrlTemplate} />).toString());

describe('the map drawing', () => {
  it('without a tile address: a plain background, no images, nothing from another host', async () => {
    const html = await render(null);
    assert.match(html, /<rect class="range-map-background"/);
    assert.doesNotMatch(html, /<image|https?:/);
  });

  it('with a tile address: tiles under the markers, hidden from screen readers, and the tile server credited', async () => {
    const html = await render('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    const tiles = [...html.matchAll(/<image class="range-map-tile" href="https:\/\/tile\.openstreetmap\.org\/(\d+)\/(\d+)\/(\d+)\.png"/g)];
    assert.ok(tiles.length > 0);
    assert.equal(new Set(tiles.map((tile) => tile[1])).size, 1, 'one zoom level');
    assert.ok(html.indexOf('<image') < html.indexOf('range-map-marker'), 'tiles are drawn first, under the markers');
    assert.match(html, /<svg class="range-map-ground" aria-hidden="true">/);
    assert.match(html, /Baggrundskort: © OpenStreetMap-bidragydere/);
  });

  it('exact places are filled, approximate ones hollow, and the legend explains both colours and rings', async () => {
    const html = await render(null);
    const marker = (slug: string) => html.slice(html.indexOf(`href="/tilbud/${slug}"`), html.indexOf('</a>', html.indexOf(`href="/tilbud/${slug}"`)));
    assert.match(marker('rantzausgade'), /<circle r="9" fill="#2563a8">/, 'exact: a filled blue disc');
    assert.match(marker('kompasset'), /<circle r="9" fill="#fff">.*stroke="#2563a8" stroke-width="3\.5".*stroke="#f2c200" stroke-width="3\.5"/, 'approximate: a hollow blue and yellow ring');
    assert.match(html, /Tryghed og socialt samvær/);
    assert.match(html, /Både socialt samvær og aktiviteter/);
    assert.match(html, /Ring: omtrentlig placering/);
    assert.doesNotMatch(html, /Aktiviteter og forløb i det faglige spor/, 'only profiles on the map are in the legend');
  });

  it('names the way to a place beyond the map in compass words', () => {
    assert.equal(outsideMapText(0), 'Ligger uden for kortet, mod nord.');
    assert.equal(outsideMapText(258), 'Ligger uden for kortet, mod vest.');
    assert.equal(outsideMapText(350), 'Ligger uden for kortet, mod nord.');
    assert.equal(outsideMapText(135), 'Ligger uden for kortet, mod sydøst.');
  });
});
