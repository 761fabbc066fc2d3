import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LiveListing } from '../../app/get-live-listings.ts';
import { LiveListingView } from './live-listing.tsx';

const at = (time: string) => Date.parse(`2026-11-24T${time}:00+01:00`);
const listing: LiveListing = {
  spec: { kind: 'aktiviteter', district: 'amager-vest', period: { unit: 'uge', offset: 0 }, max: 1 },
  district: { slug: 'amager-vest', name: 'Amager Vest' },
  unknownDistrict: null,
  period: { from: '2026-11-23', to: '2026-11-29' },
  items: [
    {
      kind: 'activity',
      date: '2026-11-24',
      start: at('10:00'),
      end: at('12:00'),
      name: 'Gåtur i Amager Fælled',
      activityKind: 'excursion',
      place: { slug: 'kompasset', name: 'Kompasset' },
      isExample: true,
    },
  ],
  total: 3,
  fetchedAt: new Date('2026-11-23T10:00:00Z'),
  today: '2026-11-23',
};
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('a live listing on a page', () => {
  it('is a region named by its heading, with the items linking to the place, how many in all, and when it was read', () => {
    const html = String(<LiveListingView listing={listing} locale="da" />);
    assert.match(html, /^<section class="live-listing" aria-labelledby="liste-aktiviteter-bydel-amager-vest-uge-denne-maks-1"><h2 id="liste-aktiviteter-bydel-amager-vest-uge-denne-maks-1">/);
    assert.match(html, /<a href="\/tilbud\/kompasset">Kompasset<\/a>/);
    assert.match(text(html), /^Aktiviteter: Amager Vest 23\. november 2026 til 29\. november 2026 Tirsdag 24\. november 2026 10:00–12:00 Gåtur i Amager Fælled \(udflugt\) hos Kompasset eksempeldata Viser 1 af 3\. Hentet fra Tilbudsviften 23\. november 2026 kl\. 11:00\.$/);
  });

  it('in English links to the English pages and marks the Danish names; empty, it says so', () => {
    const html = String(<LiveListingView listing={{ ...listing, items: [], total: 0 }} locale="en" headingLevel={3} />);
    assert.match(html, /<h3 id="[^"]+">Activities: <span lang="da">Amager Vest<\/span><\/h3>/);
    assert.match(text(html), /There are no activities from 23 November 2026 to 29 November 2026 \(Amager Vest\)\. Taken from Tilbudsviften on 23 November 2026 at 11:00\./);
    const full = String(<LiveListingView listing={listing} locale="en" />);
    assert.match(full, /<a href="\/en\/tilbud\/kompasset"><span lang="da">Kompasset<\/span><\/a>/);
  });
});
