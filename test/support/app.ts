import pino from 'pino';
import type { Database } from '../../src/db/database.ts';
import { createRangeRepository } from '../../src/db/range-repository.ts';
import { createFixtureGeocoder } from '../../src/geo/fixture-geocoder.ts';
import { createApp } from '../../src/wiring.ts';
import { adminDepsFor } from '../../src/boot.ts';

/** The fixed instant tests run at: a Monday in Copenhagen, after the 2016 model. */
export const testNow = new Date('2026-11-23T10:00:00Z');

/** The whole app on a test database, called in-process (no port). */
export function createTestApp(database: Database, now: Date = testNow) {
  const logger = pino({ level: 'silent' });
  return createApp({
    range: createRangeRepository(database.db),
    geocoder: createFixtureGeocoder(),
    logger,
    baseUrl: 'http://127.0.0.1:3000',
    now: () => now,
    admin: adminDepsFor(database.db, { baseUrl: 'http://127.0.0.1:3000', logger, logLinks: false, now: () => now }),
  });
}
