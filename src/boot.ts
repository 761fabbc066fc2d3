import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Config, SingleSignOnSettings } from './config.ts';
import { type Database, migrate, openEmbeddedDatabase, openPostgresDatabase } from './db/database.ts';
import { createRangeRepository } from './db/range-repository.ts';
import { loadSeedFiles } from './db/seed/seed-files.ts';
import { seedRange } from './db/seed/seed-range.ts';
import { copenhagenDate } from './domain/time.ts';
import { createGeocoder } from './geo/create-geocoder.ts';
import { createLogger } from './logger.ts';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { createAccessStore, createAuditLog } from './db/access-store.ts';
import { createBackOfficeStore } from './db/back-office-store.ts';
import { createTimeEditStore } from './db/schedule-store.ts';
import { createAccountAdminStore } from './db/account-admin-store.ts';
import { createCourseStore } from './db/course-store.ts';
import { createCorrectionStore, signingKey } from './db/correction-store.ts';
import { createFreshnessStore } from './db/freshness-store.ts';
import { correctionLimiter } from './http/correction-routes.tsx';
import { createFormStamps, newSecret } from './security/form-stamps.ts';
import { queueFreshnessReminders } from './app/queue-freshness-reminders.ts';
import type { DB } from './db/schema.ts';
import type { AdminDeps } from './http/admin/guard.ts';
import { argon2Hasher } from './security/passwords.ts';
import { createOpenIdSignOn } from './security/openid-connect.ts';
import { randomTokens } from './security/tokens.ts';
import { createApp } from './wiring.ts';

/** The back office's stores and services on a database. */
export function adminDepsFor(
  db: Kysely<DB>,
  options: {
    baseUrl: string;
    logger: Logger;
    logLinks: boolean;
    now: () => Date;
    /** OIDC_* (ADR 013); `allowInsecureRequests` only for a test's fake provider on http. */
    singleSignOn?: (SingleSignOnSettings & { allowInsecureRequests?: boolean }) | undefined;
  },
): AdminDeps {
  return {
    access: { store: createAccessStore(db), hasher: argon2Hasher, tokens: randomTokens, now: options.now },
    audit: createAuditLog(db),
    backOffice: createBackOfficeStore(db),
    times: createTimeEditStore(db),
    accounts: createAccountAdminStore(db),
    freshness: createFreshnessStore(db),
    corrections: createCorrectionStore(db),
    courses: createCourseStore(db),
    baseUrl: options.baseUrl,
    logLinks: options.logLinks,
    logger: options.logger,
    singleSignOn: options.singleSignOn
      ? createOpenIdSignOn(options.singleSignOn, {
          redirectUri: `${options.baseUrl}/admin/sso/callback`,
          logger: options.logger,
          allowInsecureRequests: options.singleSignOn.allowInsecureRequests === true,
        })
      : null,
  };
}

/** The public side of freshness and corrections on a database (ADR 014). */
export function publicDepsFor(db: Kysely<DB>, options: { now: () => Date }) {
  return {
    freshness: createFreshnessStore(db),
    corrections: {
      store: createCorrectionStore(db),
      stamps: createFormStamps(() => signingKey(db, 'public_forms', newSecret, options.now())),
      limiter: correctionLimiter(),
    },
  };
}

const dayMs = 24 * 3_600_000;

/**
 * Freshness reminders once at start and then every 24 hours, inside the server process (ADR 014: the
 * job runner cannot run on the embedded database). Returns a stop function that waits for a run in progress.
 */
export function scheduleReminders(run: () => Promise<unknown>, logger: Logger): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(run).catch((error: unknown) => logger.error({ err: error }, 'freshness reminders failed'));
  };
  tick();
  const timer = setInterval(tick, dayMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

export type RunningPlatform = { url: string; database: Database; close(): Promise<void> };

/** Open the database, bring it up to date, seed the Copenhagen range and start serving. */
export async function startPlatform(config: Config): Promise<RunningPlatform> {
  const logger = createLogger(config.logLevel);
  const database = config.databaseUrl
    ? await openPostgresDatabase(config.databaseUrl)
    : await openEmbeddedDatabase(config.dataDir);
  try {
    const applied = await migrate(database);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    if (config.seed) {
      const seeded = await seedRange(database.db, loadSeedFiles(), { today: copenhagenDate(new Date()) });
      logger.info(seeded, 'seed checked');
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  const app = createApp({
    range: createRangeRepository(database.db),
    geocoder: createGeocoder(config, { logger }),
    mapTileUrl: config.mapTileUrl,
    logger,
    baseUrl: config.baseUrl,
    now: () => new Date(),
    admin: adminDepsFor(database.db, {
      baseUrl: config.baseUrl,
      logger,
      logLinks: !config.baseUrl.startsWith('https://'),
      now: () => new Date(),
      singleSignOn: config.singleSignOn,
    }),
    ...publicDepsFor(database.db, { now: () => new Date() }),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const instance = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(instance));
    instance.once('error', reject);
  }).catch(async (error: NodeJS.ErrnoException) => {
    await database.close();
    if (error.code === 'EADDRINUSE') {
      throw new Error(`Porten ${config.port} er optaget. Stop det andet program, eller start med en anden PORT.`);
    }
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  const freshness = createFreshnessStore(database.db);
  const stopReminders = scheduleReminders(async () => {
    const outcome = await queueFreshnessReminders({ store: freshness, now: new Date(), baseUrl: config.baseUrl });
    logger.info({ reminders: outcome.reminders, mails: outcome.mails, withoutRecipient: outcome.withoutRecipient.length }, 'freshness reminders checked');
  }, logger);
  return {
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    database,
    close: async () => {
      await stopReminders();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
