import type { Locale } from '../domain/locale.ts';

/** Distances between two points and how long the walk takes, in the words a Danish (or English) page shows. */

export type GeoPoint = { latitude: number; longitude: number };

/** Mean Earth radius; the same one geokdbush uses, so both agree on which place is nearest. */
export const earthRadiusMetres = 6_371_000;

/** Assumed walking pace of an adult on city pavement. */
export const walkingSpeedKmPerHour = 4.5;

/** Streets are not straight lines: a walk in Copenhagen is taken to be 1.3 times the straight distance. */
export const detourFactor = 1.3;

const radians = Math.PI / 180;

/** Great-circle (haversine) distance in metres. */
export function distanceMetres(from: GeoPoint, to: GeoPoint): number {
  const dLat = (to.latitude - from.latitude) * radians;
  const dLon = (to.longitude - from.longitude) * radians;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(from.latitude * radians) * Math.cos(to.latitude * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusMetres * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Whole minutes to walk a straight-line distance, rounded up. An estimate without a route network:
 * the straight line times the detour factor at walking speed, so a canal or railway in the way is not seen.
 */
export function walkingMinutes(metres: number): number {
  assertDistance(metres);
  const metresPerMinute = (walkingSpeedKmPerHour * 1000) / 60;
  return Math.ceil((metres * detourFactor) / metresPerMinute);
}

/** "350 m" under a kilometre (to the nearest 10 m), "1,2 km" under 10 km, "12 km" beyond. */
export function formatDistanceDa(metres: number): string {
  assertDistance(metres);
  const roundedMetres = Math.round(metres / 10) * 10;
  if (roundedMetres < 1000) return `${roundedMetres} m`;
  const tenths = Math.round(metres / 100) / 10;
  if (tenths < 10) return `${tenths.toFixed(1).replace('.', ',')} km`;
  return `${Math.round(metres / 1000)} km`;
}

/** "ca. 6 min. gang"; over an hour "ca. 1 t. 20 min. gang". */
export function formatWalkDa(minutes: number): string {
  assertDistance(minutes);
  const whole = Math.ceil(minutes);
  if (whole < 1) return 'under 1 min. gang';
  if (whole <= 60) return `ca. ${whole} min. gang`;
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `ca. ${hours} t. gang` : `ca. ${hours} t. ${rest} min. gang`;
}

/** "350 m", "1.2 km", "12 km": the English page's decimal point. */
export function formatDistance(metres: number, locale: Locale): string {
  const danish = formatDistanceDa(metres);
  return locale === 'da' ? danish : danish.replace(',', '.');
}

/** "about 6 min walk"; over an hour "about 1 h 20 min walk". */
export function formatWalk(minutes: number, locale: Locale): string {
  if (locale === 'da') return formatWalkDa(minutes);
  assertDistance(minutes);
  const whole = Math.ceil(minutes);
  if (whole < 1) return 'under 1 min walk';
  if (whole <= 60) return `about ${whole} min walk`;
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `about ${hours} h walk` : `about ${hours} h ${rest} min walk`;
}

function assertDistance(value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`Expected a distance or duration ≥ 0, got ${value}.`);
}
