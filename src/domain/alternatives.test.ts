import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type OfferingWithStatus, needsAlternatives, suggestAlternatives } from './alternatives.ts';
import { noAccessInformation } from './place.ts';
import { emptySchedule } from './schedule/model.ts';
import type { Location, Offering } from './range.ts';
import type { OfferingState, PlannedChange, StatusOnDate } from './status.ts';
import type { Profile, TargetGroup } from './vocabulary.ts';

const updatedAt = new Date('2026-01-01T00:00:00Z');

type Place = {
  id: string;
  state?: OfferingState;
  profile?: Profile | null;
  groups?: TargetGroup[];
  district?: string | null;
  at?: [number, number] | null;
  planned?: PlannedChange | null;
};

/** An offering with its status, built from only what a test cares about. */
function place({ id, state = 'active', profile = null, groups = [], district = null, at = null, planned = null }: Place): OfferingWithStatus {
  const location: Location = {
    id: `${id}-location`,
    slug: `${id}-location`,
    kind: 'address',
    name: id,
    address1: `${id}vej 1`,
    postalCode: '2300',
    city: 'København S',
    municipality: 'København',
    district: district ? { id: district, slug: district, name: district } : null,
    neighbourhood: null,
    areaDescription: null,
      isAddressPending: false,
    latitude: at?.[0] ?? null,
    longitude: at?.[1] ?? null,
    coordinatePrecision: at ? 'approximate' : 'none',
    access: noAccessInformation,
    seedRefs: [],
    isExample: false,
    updatedAt,
  };
  const organization = {
    id: 'centre',
    slug: 'centre',
    name: 'Center',
    description: '',
    kind: 'centre' as const,
    ownership: 'municipal' as const,
    parentId: null,
    website: null,
    email: null,
    note: null,
    seedRefs: [],
    isExample: false,
    updatedAt,
    track: null,
  };
  const offering: Offering = {
    id,
    slug: id,
    name: id,
    alternateName: null,
    description: '',
    firstVisit: null,
    whoMeetsYou: null,
    hasQuietRoom: null,
    staffing: null,
    profile,
    profileBasis: null,
    provider: organization,
    operator: null,
    operatorNote: null,
    ownership: null,
    centre: organization,
    alsoServes: [],
    parent: null,
    email: null,
    phone: null,
    url: null,
    sourceNote: null,
    seedRefs: [],
    isExample: false,
    updatedAt,
    locations: [{ id: `${id}-sal`, offeringId: id, description: null, location, updatedAt }],
    terms: groups.map((code) => ({ id: code, taxonomyId: 'maalgruppe', taxonomySlug: 'maalgruppe', code, name: code, basis: null })),
    events: [],
    schedule: emptySchedule,
    activities: [],
    rooms: [],
    grantExpiries: [],
  };
  const status: StatusOnDate = { state, since: null, planned, lastEvent: null };
  return { offering, status };
}

const ids = (items: { offering: { id: string } }[]) => items.map((item) => item.offering.id);

describe('alternatives to a place that is closing or closed', () => {
  it('are needed for closing, closed and unknown places, not for open or proposed ones', () => {
    const needs = (state: OfferingState) => needsAlternatives({ state, since: null, planned: null, lastEvent: null });
    assert.deepEqual(
      (['active', 'proposed', 'closing', 'closed', 'unknown'] as const).map(needs),
      [false, false, true, true, true],
    );
  });

  it('name the place it is merged into first, with its own status even when only proposed', () => {
    const amadeus = place({
      id: 'amadeus',
      state: 'closing',
      district: 'vesterbro',
      at: [55.65, 12.534],
      planned: { kind: 'merged_into', on: null, relatedOfferingId: 'multihus' },
    });
    const multihus = place({ id: 'multihus', state: 'proposed', district: 'vesterbro' });
    const kontaktcenteret = place({ id: 'kontaktcenteret', profile: 'both', district: 'vesterbro', at: [55.67, 12.55] });
    const ottilia = place({ id: 'ottilia', district: 'valby', at: [55.6635, 12.506] });
    const kompasset = place({ id: 'kompasset', district: 'amager-vest', at: [55.6556, 12.5945] });
    const result = suggestAlternatives(amadeus, [amadeus, kompasset, ottilia, multihus, kontaktcenteret]);
    assert.deepEqual(ids(result), ['multihus', 'kontaktcenteret', 'ottilia']);
    assert.equal(result[0]?.reason, 'successor');
    assert.equal(result[0]?.status.state, 'proposed');
    assert.ok(result[2]?.distanceKm !== null && result[2]!.distanceKm > 1 && result[2]!.distanceKm < 4);
  });

  it('leave out the successor when it has closed too, and every place that is not open', () => {
    const target = place({ id: 'target', state: 'closed', planned: { kind: 'replaced_by', on: null, relatedOfferingId: 'gone' } });
    const candidates = [
      place({ id: 'gone', state: 'closed' }),
      place({ id: 'closing', state: 'closing' }),
      place({ id: 'proposed', state: 'proposed' }),
      place({ id: 'unknown', state: 'unknown' }),
      place({ id: 'open' }),
    ];
    assert.deepEqual(ids(suggestAlternatives(target, candidates)), ['open']);
  });

  it('prefer places for the same target group, then places for everyone with a fitting profile', () => {
    const target = place({ id: 'target', state: 'closing', profile: 'social', groups: ['over_40'], district: 'norrebro' });
    const candidates = [
      place({ id: 'young', profile: 'social', groups: ['young'], district: 'norrebro' }),
      place({ id: 'development', profile: 'development', district: 'norrebro' }),
      place({ id: 'both', profile: 'both' }),
      place({ id: 'social', profile: 'social', district: 'norrebro' }),
      place({ id: 'over-40-far', profile: 'development', groups: ['over_40', 'relatives'] }),
    ];
    assert.deepEqual(ids(suggestAlternatives(target, candidates)), ['over-40-far', 'social', 'both']);
  });

  it('take the same district first, then the nearest, then the rest by Danish name', () => {
    const target = place({ id: 'target', state: 'closed', district: 'osterbro', at: [55.711, 12.56] });
    const candidates = [
      place({ id: 'Ågade', district: 'norrebro' }),
      place({ id: 'Bgade', district: 'norrebro' }),
      place({ id: 'far', district: 'valby', at: [55.6635, 12.506] }),
      place({ id: 'near', district: 'norrebro', at: [55.6975, 12.544] }),
      place({ id: 'same-district-far-away', district: 'osterbro', at: [55.6, 12.4] }),
    ];
    assert.deepEqual(ids(suggestAlternatives(target, candidates, 5)), ['same-district-far-away', 'near', 'far', 'Bgade', 'Ågade']);
  });

  const stateArbitrary = fc.constantFrom<OfferingState>('active', 'active', 'proposed', 'closing', 'closed', 'unknown');
  const placeArbitrary = (id: string) =>
    fc.record({
      state: stateArbitrary,
      profile: fc.constantFrom<Profile | null>(null, 'social', 'development', 'both'),
      groups: fc.subarray<TargetGroup>(['young', 'over_40', 'ethnic_minority', 'relatives', 'substance_abuse'], { maxLength: 2 }),
      district: fc.constantFrom(null, 'amager-ost', 'norrebro', 'osterbro'),
      at: fc.option(fc.tuple(fc.double({ min: 55.6, max: 55.75, noNaN: true }), fc.double({ min: 12.45, max: 12.65, noNaN: true })), { nil: null }),
    }).map((fields) => place({ id, ...fields }));
  const rangeArbitrary = fc
    .integer({ min: 1, max: 12 })
    .chain((size) => fc.tuple(...Array.from({ length: size }, (_, index) => placeArbitrary(`place-${index}`))))
    .chain((places) =>
      fc.record({
        places: fc.constant(places),
        targetIndex: fc.nat({ max: places.length - 1 }),
        successorIndex: fc.option(fc.nat({ max: places.length - 1 }), { nil: null }),
        limit: fc.nat({ max: 5 }),
      }),
    );

  it('never suggest the place itself, a closed place, a place twice or more than the limit (property)', () => {
    fc.assert(
      fc.property(rangeArbitrary, ({ places, targetIndex, successorIndex, limit }) => {
        const base = places[targetIndex]!;
        const successor = successorIndex === null ? null : places[successorIndex]!.offering.id;
        const target = {
          ...base,
          status: { ...base.status, planned: successor ? { kind: 'merged_into' as const, on: null, relatedOfferingId: successor } : null },
        };
        const result = suggestAlternatives(target, places, limit);
        assert.ok(result.length <= limit);
        assert.ok(!ids(result).includes(target.offering.id));
        assert.equal(new Set(ids(result)).size, result.length);
        for (const item of result) {
          assert.notEqual(item.status.state, 'closed');
          if (item.reason === 'same-people') assert.equal(item.status.state, 'active');
          else assert.equal(item.offering.id, successor);
        }
        assert.ok(result.every((item, index) => item.reason === 'same-people' || index === 0), 'the successor comes first');
        // A place for everyone with the broadest profile fits anyone, so there is always somewhere to go.
        const fitsAnyone = places.some(
          (item) => item !== base && item.status.state === 'active' && item.offering.profile === 'both' && item.offering.terms.length === 0,
        );
        if (fitsAnyone && limit > 0) assert.ok(result.length > 0, 'not a dead end');
      }),
    );
  });
});
