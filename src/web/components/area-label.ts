import type { Location } from '../../domain/range.ts';

/** What to call a location that is an area rather than an address, in words a citizen reads. */
export function areaLabel(location: Location): string {
  return location.isAddressPending ? 'Adressen er ikke fastlagt endnu' : 'Ingen fast adresse';
}
