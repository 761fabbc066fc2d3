import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type Database = {
  db: Kysely<DB>;
  kind: 'embedded' | 'postgres';
  /** Run a script of several statements (migrations); outside any Kysely transaction. */
  execScript(sql: string): Promise<void>;
  close(): Promise<void>;
};

const DATE_OID = 1082;
const keepDateAsText = (value: string) => value;

/** The embedded database, in a data directory (persisted) or in memory (tests: `dataDir` undefined). */
export async function openEmbeddedDatabase(dataDir: string | undefined): Promise<Database> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const pglite = await PGlite.create({
      ...(dataDir ? { dataDir: path.join(dataDir, 'pglite') } : {}),
      parsers: { [DATE_OID]: keepDateAsText },
      extensions: { pg_trgm, unaccent },
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      kind: 'embedded',
      execScript: async (sql) => {
        try {
          await pglite.exec(sql);
        } catch (error) {
          // Leave the single connection usable for the next statement.
          await pglite.exec('rollback').catch(() => {});
          throw error;
        }
      },
      close: async () => {
        await db.destroy();
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export async function openPostgresDatabase(connectionString: string): Promise<Database> {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === DATE_OID ? keepDateAsText : pg.types.getTypeParser(oid, format),
  };
  const pool = new pg.Pool({ connectionString, max: 10, types });
  // Fail at boot with a clear message rather than on the first request.
  const client = await pool.connect();
  client.release();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    execScript: async (sql) => {
      const client = await pool.connect();
      try {
        await client.query(sql);
      } catch (error) {
        // Never hand a connection in an aborted transaction back to the pool.
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      await db.destroy();
      // Kysely ends the pool only if it ever ran a query; a pool used only for scripts is ended here.
      if (!pool.ended) await pool.end();
    },
  };
}

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Apply the SQL files in src/db/migrations that have not run yet, each in its own transaction. */
export async function migrate(database: Database): Promise<string[]> {
  await database.execScript(
    'create table if not exists schema_migration (name text primary key, applied_at timestamptz not null default now())',
  );
  const applied = new Set(
    (await database.db.selectFrom('schema_migration' as never).select('name' as never).execute()).map(
      (row) => (row as { name: string }).name,
    ),
  );
  const pending = fs
    .readdirSync(migrationsDir)
    .filter((file) => file.endsWith('.sql') && !applied.has(file))
    .sort();
  for (const file of pending) {
    const body = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
    await database.execScript(
      `begin;\n${body}\n;insert into schema_migration (name) values ('${file.replaceAll("'", "''")}');\ncommit;`,
    );
  }
  return pending;
}
