import pino from 'pino';
import type { Database } from '../../src/db/database.ts';
import { createRangeRepository } from '../../src/db/range-repository.ts';
import { createFixtureGeocoder } from '../../src/geo/fixture-geocoder.ts';
import { createApp } from '../../src/wiring.ts';
import { adminDepsFor, publicDepsFor } from '../../src/boot.ts';

import { testNow } from './clock.ts';

export { testNow };

export type TestAppOptions = {
  /** Points the back office at a fake OpenID Connect provider (test/support/fake-openid-provider.ts). */
  singleSignOn?: Parameters<typeof adminDepsFor>[1]['singleSignOn'];
  /** The app's public address; a real server passes its own, so the provider can send the browser back. */
  baseUrl?: string;
};

/** The whole app on a test database, called in-process (no port); the clock is fixed unless a function is given. */
export function createTestApp(database: Database, at: Date | (() => Date) = testNow, options: TestAppOptions = {}) {
  const now = typeof at === 'function' ? at : () => at;
  const logger = pino({ level: 'silent' });
  const baseUrl = options.baseUrl ?? 'http://127.0.0.1:3000';
  return createApp({
    range: createRangeRepository(database.db),
    geocoder: createFixtureGeocoder(),
    logger,
    baseUrl,
    now,
    admin: adminDepsFor(database.db, { baseUrl, logger, logLinks: false, now, singleSignOn: options.singleSignOn }),
    ...publicDepsFor(database.db, { now }),
  });
}
