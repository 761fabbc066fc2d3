import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Config, SingleSignOnSettings } from './config.ts';
import { type Database, migrate, openEmbeddedDatabase, openPostgresDatabase } from './db/database.ts';
import { createCourseStore } from './db/course-store.ts';
import { createRangeRepository } from './db/range-repository.ts';
import { loadSeedFiles } from './db/seed/seed-files.ts';
import { seedRange } from './db/seed/seed-range.ts';
import { copenhagenDate } from './domain/time.ts';
import { enrolmentLimiter } from './http/course-routes.tsx';
import { createGeocoder } from './geo/create-geocoder.ts';
import { createLogger } from './logger.ts';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { createAccessStore, createAuditLog } from './db/access-store.ts';
import { createBackOfficeStore } from './db/back-office-store.ts';
import { createTimeEditStore } from './db/schedule-store.ts';
import { createPlaceEditStore } from './db/place-store.ts';
import { createAccountAdminStore } from './db/account-admin-store.ts';
import { createCorrectionStore, signingKey } from './db/correction-store.ts';
import { createFreshnessStore } from './db/freshness-store.ts';
import { correctionLimiter } from './http/correction-routes.tsx';
import { createFormStamps, newSecret } from './security/form-stamps.ts';
import { createJobStore } from './db/job-store.ts';
import { createFiguresReportStore } from './db/figures-report-store.ts';
import { createCouncilStore } from './db/council-store.ts';
import { createFundStore } from './db/fund-store.ts';
import { createUserJobStore } from './db/user-job-store.ts';
import { createVolunteerStore } from './db/volunteer-store.ts';
import { createFriendStore } from './db/friend-store.ts';
import { createUserMeetingStore } from './db/user-meeting-store.ts';
import { createPeerStore } from './db/peer-store.ts';
import { createGloriaStore } from './db/gloria-store.ts';
import { fundLimiters } from './http/fund-routes.tsx';
import { createVisitCountStore } from './db/visit-count-store.ts';
import { createBudgetStore } from './db/budget-store.ts';
import { createLetterStore } from './db/letter-store.ts';
import { createScenarioStore } from './db/scenario-store.ts';
import { createOutboxStore } from './db/outbox-store.ts';
import { jobLabels, platformJobs } from './jobs/platform-jobs.ts';
import { startJobRunner } from './jobs/runner.ts';
import { createMailTransport, type MailRoute } from './mail/create-mail-transport.ts';
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
    /** Where mail goes, for /admin/drift (ADR 020); the log when not given. */
    mail?: MailRoute;
    /** OIDC_* (ADR 013); `allowInsecureRequests` only for a test's fake provider on http. */
    singleSignOn?: (SingleSignOnSettings & { allowInsecureRequests?: boolean }) | undefined;
  },
): AdminDeps {
  return {
    access: { store: createAccessStore(db), hasher: argon2Hasher, tokens: randomTokens, now: options.now },
    audit: createAuditLog(db),
    backOffice: createBackOfficeStore(db),
    times: createTimeEditStore(db),
    places: createPlaceEditStore(db),
    accounts: createAccountAdminStore(db),
    freshness: createFreshnessStore(db),
    corrections: createCorrectionStore(db),
    operations: { outbox: createOutboxStore(db), jobs: createJobStore(db), jobLabels, mail: options.mail ?? { kind: 'log' } },
    courses: createCourseStore(db),
    counts: createVisitCountStore(db),
    budget: createBudgetStore(db),
    figures: createFiguresReportStore(db),
    planning: { scenarios: createScenarioStore(db), range: createRangeRepository(db), letters: createLetterStore(db) },
    councils: createCouncilStore(db),
    fund: createFundStore(db),
    userJobs: createUserJobStore(db),
    volunteers: createVolunteerStore(db),
    friends: createFriendStore(db),
    meetings: createUserMeetingStore(db),
    peer: createPeerStore(db),
    gloria: createGloriaStore(db),
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
    courses: { store: createCourseStore(db), limiter: enrolmentLimiter() },
    figures: { counts: createVisitCountStore(db), figures: createFiguresReportStore(db) },
    scenarios: createScenarioStore(db),
    councils: createCouncilStore(db),
    fund: { store: createFundStore(db), ...fundLimiters() },
    userJobs: createUserJobStore(db),
    volunteers: createVolunteerStore(db),
    meetings: createUserMeetingStore(db),
    peer: createPeerStore(db),
    gloria: createGloriaStore(db),
  };
}

export type RunningPlatform = { url: string; database: Database; close(): Promise<void> };

/** Open the database, bring it up to date, seed the Copenhagen range and start serving. */
export async function startPlatform(config: Config): Promise<RunningPlatform> {
  const logger = createLogger(config.logLevel);
  const mail = createMailTransport(config, logger);
  if (mail.route.kind === 'none') logger.warn({}, 'SMTP_HOST and SMTP_FROM are not set: mails wait in the outbox and are not sent');
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
      // In development without a mail server the link is needed from the log; with one, it is in the mail.
      logLinks: mail.route.kind === 'log',
      now: () => new Date(),
      mail: mail.route,
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
  // Background jobs (ADR 020): freshness reminders and course retention daily, the outbox every ten seconds.
  const jobs = startJobRunner(platformJobs({ db: database.db, baseUrl: config.baseUrl, transport: mail.transport, logger, courseRetentionDays: config.courseRetentionDays }), {
    store: createJobStore(database.db),
    now: () => new Date(),
    logger,
  });
  return {
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    database,
    close: async () => {
      await jobs.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await mail.transport?.close();
      await database.close();
    },
  };
}
