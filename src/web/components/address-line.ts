import type { Location, Offering } from '../../domain/range.ts';
import { areaLabel } from './area-label.ts';

/**
 * Where a place is, in one line: 'Nørrebrogade 20, 2200 København N · Nørrebro', or for an area
 * 'Ingen fast adresse: … · Amager Øst'. Null when the offering has no location yet. The first location
 * is the one shown, as on the front page.
 */
export function addressLine(offering: Offering): string | null {
  const location: Location | undefined = offering.locations[0]?.location;
  if (!location) return null;
  const where =
    location.kind === 'area'
      ? [areaLabel(location), location.areaDescription].filter(Boolean).join(': ')
      : [location.address1, [location.postalCode, location.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') ||
        'Adressen er ikke oplyst endnu.';
  return location.district ? `${where} · ${location.district.name}` : where;
}
