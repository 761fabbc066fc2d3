import { randomBytes } from 'node:crypto';
import { type Database, migrate, openEmbeddedDatabase, openPostgresDatabase } from '../../src/db/database.ts';
import { loadSeedFiles } from '../../src/db/seed/seed-files.ts';
import { seedRange } from '../../src/db/seed/seed-range.ts';
import { copenhagenDate } from '../../src/domain/time.ts';
import { testNow } from './clock.ts';

const scopedUrls = new WeakMap<Database, string>();

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or its own schema in the
 * PostgreSQL database named by TEST_DATABASE_URL (dropped again by `close`).
 */
export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  let database: Database;
  if (url) {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = await openPostgresDatabase(url);
    // Extensions belong to the database, not a schema: create them once, in public, under a lock so
    // two test files starting together do not race. The script runs as one transaction, so the lock
    // must be a transaction lock: a session lock released before the commit let the next file look
    // for the extension before it was committed, and fail on pg_extension's unique index.
    await admin.execScript(
      `select pg_advisory_xact_lock(104104); create extension if not exists pg_trgm with schema public; create extension if not exists unaccent with schema public; create schema ${schema}`,
    );
    await admin.close();
    const separator = url.includes('?') ? '&' : '?';
    const scopedUrl = `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema},public`)}`;
    const scoped = await openPostgresDatabase(scopedUrl);
    database = {
      ...scoped,
      close: async () => {
        await scoped.close();
        const cleanup = await openPostgresDatabase(url);
        await cleanup.execScript(`drop schema ${schema} cascade`);
        await cleanup.close();
      },
    };
    scopedUrls.set(database, scopedUrl);
  } else {
    database = await openEmbeddedDatabase(undefined);
  }
  await migrate(database);
  if (options.seed !== false) await seedRange(database.db, loadSeedFiles(), { today: copenhagenDate(testNow) });
  return database;
}

/**
 * A second, independent handle on the same test database, as a second server process would have: its
 * own pool on PostgreSQL; on PGlite the same handle, since one process owns an embedded database.
 */
export async function secondHandle(database: Database): Promise<Database> {
  const url = scopedUrls.get(database);
  if (!url) return { ...database, close: async () => {} };
  return openPostgresDatabase(url);
}

export const databaseKind = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
