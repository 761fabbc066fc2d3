import type { Location, Offering } from '../../domain/range.ts';
import { type Locale, messages } from '../i18n/index.ts';
import { areaLabel } from './area-label.ts';

/**
 * Where a place is, in one line: 'Nørrebrogade 20, 2200 København N · Nørrebro', or for an area
 * 'Ingen fast adresse: … · Amager Øst'. Null when the offering has no location yet. The first location
 * is the one shown, as on the front page.
 */
export function addressLine(offering: Offering, locale: Locale = 'da'): string | null {
  const location: Location | undefined = offering.locations[0]?.location;
  if (!location) return null;
  const where =
    location.kind === 'area'
      ? [areaLabel(location, locale), location.areaDescription].filter(Boolean).join(': ')
      : [location.address1, [location.postalCode, location.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') ||
        messages[locale].addressNotYet;
  return location.district ? `${where} · ${location.district.name}` : where;
}

/** Whether `addressLine` is all the place's own (Danish) words: a street address, not our words about an area. */
export function isAddressOnly(offering: Offering): boolean {
  const location = offering.locations[0]?.location;
  return location?.kind === 'address' && Boolean(location.address1 || location.postalCode || location.city);
}
