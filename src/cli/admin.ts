/**
 * The back office from the command line. The first system administrator is made here, never by a
 * default password: the command prints a one-time link (valid 24 hours) where the person chooses one.
 *
 *   npm run admin -- opret-administrator --email navn@kk.dk --navn "Navn Efternavn"
 *
 * It uses the same settings as the server (DATA_DIR or DATABASE_URL, BASE_URL). With the embedded
 * database, stop the server first: one process at a time may open a data directory.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { z } from 'zod';
import { createAdministrator } from '../app/staff-access.ts';
import { adminDepsFor } from '../boot.ts';
import { loadConfig } from '../config.ts';
import { migrate, openEmbeddedDatabase, openPostgresDatabase } from '../db/database.ts';

const usage = 'Brug: npm run admin -- opret-administrator --email navn@kk.dk --navn "Navn Efternavn"';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { positionals, values } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { email: { type: 'string' }, navn: { type: 'string' } } });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
})();
if (positionals[0] !== 'opret-administrator') fail(usage);
const email = z.email().max(254).safeParse(values.email?.trim());
if (!email.success) fail(`--email skal være en e-mail, fx navn@kk.dk.\n${usage}`);
const name = values.navn?.trim() ?? '';
if (name.length < 2 || name.length > 200) fail(`--navn skal være personens navn (2-200 tegn).\n${usage}`);

if (fs.existsSync('.env')) process.loadEnvFile('.env');
const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();
const database = await (config.databaseUrl ? openPostgresDatabase(config.databaseUrl) : openEmbeddedDatabase(config.dataDir)).catch((error: unknown) =>
  fail(error instanceof Error ? error.message : String(error)),
);
try {
  await migrate(database);
  const now = () => new Date();
  const deps = adminDepsFor(database.db, { baseUrl: config.baseUrl, logger: pino({ level: 'silent' }), logLinks: false, now });
  const outcome = await createAdministrator(deps.access, { email: email.data, name });
  if (outcome.status === 'exists') {
    fail(`Der er allerede en konto med ${email.data}. Brug "Glemt adgangskode" på ${config.baseUrl}/admin/log-ind, hvis adgangskoden mangler.`);
  }
  await deps.audit.append({
    at: now(),
    actorId: null,
    actorName: 'kommandolinjen',
    action: 'account.create_administrator',
    resourceType: 'account',
    resourceId: outcome.accountId,
    summary: `Oprettede systemadministrator ${name}`,
    source: 'kommandolinjen',
  });
  console.log(`Systemadministratoren ${name} er oprettet.`);
  console.log('Giv personen dette link. Det virker én gang inden for 24 timer, og her vælger personen sin adgangskode:');
  console.log(`${config.baseUrl}/admin/adgangskode/${outcome.token}`);
} finally {
  await database.close();
}
