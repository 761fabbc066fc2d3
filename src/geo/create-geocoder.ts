import type { Config } from '../config.ts';
import { createFixtureGeocoder } from './fixture-geocoder.ts';
import type { GeoLogger, Geocoder } from './geocoder.ts';
import { createGsearchGeocoder } from './gsearch-geocoder.ts';

/** The geocoder the settings ask for: the offline fixture by default, GSearch when GEOCODER=gsearch. */
export function createGeocoder(
  config: Pick<Config, 'geocoder' | 'gsearchToken'>,
  deps: { logger?: GeoLogger; fetch?: typeof globalThis.fetch } = {},
): Geocoder {
  if (config.geocoder === 'fixture') return createFixtureGeocoder();
  if (!config.gsearchToken) throw new Error('GEOCODER=gsearch needs GSEARCH_TOKEN; loadConfig should have stopped this.');
  return createGsearchGeocoder({ token: config.gsearchToken, ...deps });
}
