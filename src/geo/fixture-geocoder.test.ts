import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { seedDir } from '../db/seed/seed-files.ts';
import { createFixtureGeocoder, editDistance, loadAddressFixture } from './fixture-geocoder.ts';
import type { GeocodeOutcome, GeocodeResult } from './geocoder.ts';

const geocoder = createFixtureGeocoder();

async function best(text: string): Promise<GeocodeResult> {
  const outcome = await geocoder.search(text);
  assert.equal(outcome.status, 'found', `${text}: ${JSON.stringify(outcome)}`);
  return (outcome as Extract<GeocodeOutcome, { status: 'found' }>).best;
}

describe('the offline fixture geocoder', () => {
  it('a postcode, with or without its town, or the town alone, finds the postcode', async () => {
    const expected = await best('2200');
    assert.equal(expected.label, '2200 København N');
    assert.equal(expected.precision, 'postcode');
    assert.equal(expected.postcode, '2200');
    for (const text of ['2200 København N', 'København N', 'kobenhavn n', '  KØBENHAVN   N ', 'Kbh N', '2200 Kobenhavn N']) {
      assert.deepEqual(await best(text), expected, text);
    }
  });

  it('knows the postcodes the range uses', async () => {
    for (const postcode of ['1050', '2000', '2100', '2150', '2300', '2400', '2450', '2500', '2640', '2700', '2720']) {
      const result = await best(postcode);
      assert.equal(result.postcode, postcode);
      assert.equal(result.precision, 'postcode');
    }
  });

  it('a postcode in the K, V or Frederiksberg C ranges that is not listed gets the range point, as an area', async () => {
    const result = await best('1300');
    assert.equal(result.label, '1300 København K');
    assert.equal(result.precision, 'area');
  });

  it('a town shared by several postcodes offers the others as alternatives', async () => {
    const outcome = await geocoder.search('København V');
    assert.equal(outcome.status, 'found');
    if (outcome.status !== 'found') return;
    assert.equal(outcome.best.label, '1620 København V');
    assert.ok(outcome.alternatives.length >= 2 && outcome.alternatives.length <= 4);
    assert.ok(outcome.alternatives.every((a) => a.label.endsWith('København V')));
  });

  it('Danish letters or their ASCII forms find the same street', async () => {
    const expected = await best('Nørrebrogade');
    for (const text of ['Norrebrogade', 'Noerrebrogade', 'NØRREBROGADE', ' nørrebrogade ']) {
      assert.deepEqual(await best(text), expected, text);
    }
    assert.deepEqual(await best('Sundbygaardsvej 1'), await best('Sundbygårdsvej 1'));
    assert.deepEqual(await best('Skjulhoej Alle 2'), await best('Skjulhøj Allé 2'));
  });

  it('an address with or without its postcode finds the same placeholder point', async () => {
    const withPostcode = await best('Portugalsgade 10, 2300 København S');
    assert.deepEqual(await best('Portugalsgade 10'), withPostcode);
    assert.deepEqual(await best('portugalsgade 12 2300'), withPostcode);
    assert.equal(withPostcode.label, 'Portugalsgade 10-12, 2300 København S');
    assert.equal(withPostcode.latitude, 55.664);
    assert.equal(withPostcode.longitude, 12.61);
    assert.equal(withPostcode.precision, 'street', 'the seed coordinates are street-level placeholders');
  });

  it('a street without a number, or with one the file does not know, falls back to the street', async () => {
    const street = await best('Griffenfeldsgade');
    assert.equal(street.label, 'Griffenfeldsgade, 2200 København N');
    assert.equal(street.precision, 'street');
    assert.deepEqual(await best('Griffenfeldsgade, København N'), street);
    assert.equal((await best('Portugalsgade 99')).label, 'Portugalsgade, 2300 København S');
  });

  it('floor and door are ignored; a second house letter is understood', async () => {
    assert.equal((await best('Enghavevej 110, st.')).label, 'Enghavevej 110, 2450 København SV');
    assert.equal((await best('Enghavevej 110, 2. th')).label, 'Enghavevej 110, 2450 København SV');
    assert.equal((await best('Ruten 6F')).label, 'Ruten 6E og F, 2700 Brønshøj');
  });

  it('finds the well-known places', async () => {
    assert.equal((await best('Rådhuspladsen 1')).label, 'Rådhuspladsen 1, 1599 København V');
    assert.equal((await best('Raadhuspladsen 1, 1550 København V')).label, 'Rådhuspladsen 1, 1599 København V');
    assert.equal((await best('Nørreport Station')).label, 'Nørreport Station');
    assert.equal((await best('Norreport')).label, 'Nørreport Station');
    assert.equal((await best('Amagerbrogade 1')).postcode, '2300');
    assert.equal((await best('Frederikssundsvej 1')).postcode, '2400');
    const tingbjerg = await best('Tingbjerg');
    assert.equal(tingbjerg.precision, 'area');
    assert.equal(tingbjerg.postcode, '2700');
  });

  it('forgives a small typo or a name cut short', async () => {
    assert.equal((await best('Grifenfeldsgade')).label, 'Griffenfeldsgade, 2200 København N');
    assert.equal((await best('Tomsgårdsve 35')).label, 'Tomsgårdsvej 35, 2400 København NV');
    assert.equal((await best('Hørsholms')).label, 'Hørsholmsgade, 2200 København N');
  });

  it('a street in another town is not taken for the Copenhagen one', async () => {
    const outcome = await geocoder.search('Kapelvej 55, 4000 Roskilde');
    assert.equal(outcome.status, 'not_found');
  });

  it('not found says so in Danish and suggests what to try', async () => {
    const outcome = await geocoder.search('Blåbærvej 3');
    assert.deepEqual(outcome, {
      status: 'not_found',
      query: 'Blåbærvej 3',
      message: 'Vi kunne ikke finde «Blåbærvej 3».',
      suggestion: 'Tjek stavningen, eller prøv kun vejnavnet eller et postnummer, fx 2200.',
    });
    const words = await geocoder.search('Zyxw');
    assert.equal(words.status, 'not_found');
    if (words.status === 'not_found') {
      assert.equal(`${words.message} ${words.suggestion}`, 'Vi kunne ikke finde «Zyxw». Prøv et postnummer, fx 2200, eller en adresse med husnummer.');
    }
    assert.equal((await geocoder.search('2600')).status, 'not_found', 'a real postcode outside the file');
  });

  it('invalid text is refused before any matching', async () => {
    for (const text of ['', '!!!', '0800', 'x'.repeat(201)]) {
      assert.equal((await geocoder.search(text)).status, 'invalid', text);
    }
  });
});

describe('the fixture file', () => {
  const fixture = loadAddressFixture();

  it('says at its top that every coordinate is an approximate placeholder, not geocoded', () => {
    const raw = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/copenhagen-addresses.json'), 'utf8');
    assert.match(raw, /^\{\n\s+"about": "[^"]*approximate placeholders[^"]*NOT geocoded/u);
  });

  it('marks every address as approximate and street-level at best', () => {
    for (const entry of fixture.addresses) {
      assert.equal(entry.approximate, true, entry.label);
      assert.notEqual(entry.precision, 'address', entry.label);
    }
    for (const place of fixture.places) {
      assert.equal(place.approximate, true, place.name);
      assert.notEqual(place.precision, 'address', place.name);
    }
  });

  it('holds every seed address with the seed coordinates unchanged, and finds each by its address', async () => {
    const portfolio = JSON.parse(fs.readFileSync(path.join(seedDir, 'portfolio-2016.json'), 'utf8')) as {
      offerings: { id: string; address: string | null; lat: number | null; lon: number | null }[];
    };
    const danish = JSON.parse(fs.readFileSync(path.join(seedDir, 'range-2016-da.json'), 'utf8')) as {
      offerings: Record<string, { postalCode?: string; city?: string }>;
    };
    const placed = portfolio.offerings.filter((o) => o.address && o.lat !== null && o.lon !== null);
    assert.ok(placed.length >= 20);
    for (const offering of placed) {
      const entry = fixture.addresses.find((a) => a.seedOfferings?.includes(offering.id));
      assert.ok(entry, `${offering.id} is in the fixture`);
      assert.equal(entry.seedAddress, offering.address);
      assert.equal(entry.latitude, offering.lat);
      assert.equal(entry.longitude, offering.lon);
      const { postalCode, city } = danish.offerings[offering.id]!;
      assert.equal(entry.postcode, postalCode);
      const result = await best(`${offering.address}, ${postalCode} ${city}`);
      assert.equal(result.latitude, offering.lat, offering.address!);
      assert.equal(result.longitude, offering.lon, offering.address!);
    }
  });
});

describe('edit distance', () => {
  it('counts insertions, deletions, changes and swaps, and gives up past the limit', () => {
    assert.equal(editDistance('gade', 'gade', 2), 0);
    assert.equal(editDistance('gade', 'gaade', 2), 1);
    assert.equal(editDistance('gade', 'gdae', 2), 1);
    assert.equal(editDistance('gade', 'vej', 1), 2);
  });
});
