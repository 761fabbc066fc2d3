import type { Offering } from '../../domain/range.ts';
import { type OfferingState, statusOn } from '../../domain/status.ts';

/** RFC 7946 GeoJSON of every offering that has a point. Approximate points say so in each feature. */
export function presentLocationsGeoJson(offerings: Offering[], today: string, baseUrl: string) {
  const features = offerings.flatMap((offering) => {
    const state: OfferingState = statusOn(offering.events, today).state;
    return offering.locations
      .filter((item) => item.location.latitude !== null && item.location.longitude !== null)
      .map((item) => ({
        type: 'Feature' as const,
        id: item.id,
        geometry: { type: 'Point' as const, coordinates: [item.location.longitude!, item.location.latitude!] },
        properties: {
          service_id: offering.id,
          name: offering.name,
          address: item.location.address1,
          district: item.location.district?.name ?? null,
          profile: offering.profile,
          state,
          coordinate_precision: item.location.coordinatePrecision,
          coordinate_note:
            item.location.coordinatePrecision === 'approximate'
              ? 'Omtrentlig placering sat i hånden på gadeniveau; kan afvige flere hundrede meter.'
              : null,
          url: `${baseUrl}/api/hsds/services/${offering.id}`,
        },
      }));
  });
  return { type: 'FeatureCollection' as const, features };
}
