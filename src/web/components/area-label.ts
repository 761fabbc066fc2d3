import type { Location } from '../../domain/range.ts';
import { type Locale, messages } from '../i18n/index.ts';

/** What to call a location that is an area rather than an address, in words a citizen reads. */
export function areaLabel(location: Location, locale: Locale = 'da'): string {
  return location.isAddressPending ? messages[locale].area.pending : messages[locale].area.none;
}
