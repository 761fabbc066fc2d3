import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  changedPlaceFields,
  hasAccessInformation,
  needsGeocoding,
  noAccessInformation,
  normalisePlace,
  type PlaceDetails,
  placeProblems,
  roomProblems,
} from './place.ts';

const district = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const address: PlaceDetails = {
  kind: 'address',
  name: 'Svendborggade 3',
  address1: 'Svendborggade 3',
  postalCode: '2100',
  city: 'København Ø',
  areaDescription: '',
  districtId: district,
  isAddressPending: false,
  access: noAccessInformation,
};
const area: PlaceDetails = { ...address, kind: 'area', name: 'Tingbjerg', address1: '', postalCode: '', city: '', areaDescription: 'Lånte lokaler i Tingbjerg' };
const districts = new Set([district]);
const fields = (details: PlaceDetails) => placeProblems(details, districts).map((problem) => problem.field);

describe('a place as staff edit it', () => {
  it('accepts an address with street, postcode and city, and an area with a description', () => {
    assert.deepEqual(placeProblems(address, districts), []);
    assert.deepEqual(placeProblems(area, districts), []);
  });

  it('names each missing or wrong field of an address, in Danish', () => {
    assert.deepEqual(fields({ ...address, name: '', address1: '', postalCode: '', city: '' }), ['name', 'address1', 'postalCode', 'city']);
    const [postcode] = placeProblems({ ...address, postalCode: '0999' }, districts);
    assert.equal(postcode?.message, '«0999» er ikke et dansk postnummer. Et postnummer har fire cifre, fx 2100.');
    assert.deepEqual(fields({ ...address, postalCode: '21000' }), ['postalCode']);
  });

  it('asks an area where to find it, refuses an unknown district, a long text and a link that is not one', () => {
    assert.deepEqual(fields({ ...area, areaDescription: '' }), ['areaDescription']);
    assert.deepEqual(fields({ ...address, districtId: 'nowhere' }), ['districtId']);
    assert.deepEqual(fields({ ...address, access: { ...noAccessInformation, description: 'x'.repeat(2001) } }), ['accessDescription']);
    assert.deepEqual(fields({ ...address, access: { ...noAccessInformation, url: 'vores hjemmeside' } }), ['accessUrl']);
    assert.deepEqual(fields({ ...address, access: { ...noAccessInformation, url: 'https://kk.dk/adgang' } }), []);
  });

  it('stores an address without area text and an area without an address; only an area can be pending', () => {
    assert.deepEqual(normalisePlace({ ...address, areaDescription: 'rest', isAddressPending: true }), address);
    assert.deepEqual(normalisePlace({ ...area, address1: 'Tingbjerg Allé 1', isAddressPending: true }), { ...area, isAddressPending: true });
  });

  it('looks an address up again only when it is new, changed, or has no point', () => {
    const point = { latitude: 55.7, longitude: 12.5, precision: 'approximate' as const };
    assert.equal(needsGeocoding(address, address, point), false);
    assert.equal(needsGeocoding(address, { ...address, address1: 'SVENDBORGGADE  3' }, point), false, 'a change of case or spaces');
    assert.equal(needsGeocoding(address, { ...address, address1: 'Svendborggade 5' }, point), true);
    assert.equal(needsGeocoding(area, address, { latitude: null, longitude: null, precision: 'none' }), true);
    assert.equal(needsGeocoding(address, address, { latitude: null, longitude: null, precision: 'none' }), true);
    assert.equal(needsGeocoding(address, area, point), false, 'an area has no point');
  });

  it('lists the fields that changed, access facts included', () => {
    assert.deepEqual(changedPlaceFields(address, { ...address, name: 'Huset', access: { ...noAccessInformation, lift: false } }), ['name', 'lift']);
    assert.equal(hasAccessInformation(noAccessInformation), false);
    assert.equal(hasAccessInformation({ ...noAccessInformation, hearingLoop: false }), true, '"no" is information');
  });
});

describe('a room', () => {
  it('needs a name of its own among the offering\'s rooms there', () => {
    assert.deepEqual(roomProblems({ name: 'Stillerummet', description: '', isQuiet: true }, ['Første sal']), []);
    assert.deepEqual(
      roomProblems({ name: '', description: '', isQuiet: false }, []).map((problem) => problem.field),
      ['name'],
    );
    assert.match(roomProblems({ name: 'første  sal', description: '', isQuiet: false }, ['Første sal'])[0]!.message, /allerede et rum/);
    assert.deepEqual(
      roomProblems({ name: 'Rum', description: 'x'.repeat(1001), isQuiet: false }, []).map((problem) => problem.field),
      ['description'],
    );
  });
});
