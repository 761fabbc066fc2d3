/**
 * Preloaded into the real server by bench/finder.ts (`node --import tsx --import ./bench/support/server-tap.ts
 * src/main.ts`): on a message over the IPC channel it records every SQL statement the server sends to its
 * driver (PGlite's query() or pg's Client#query(), where Kysely hands them over) and profiles the CPU,
 * until told to stop. Nothing in src/ changes; the server does not know.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type ProfileSummary, startProfile } from './profile.ts';

export type TappedStatement = { sql: string; parameters: unknown[]; ms: number; rows: number };
export type TapReply = { statements: TappedStatement[]; profile: ProfileSummary };

let tapped: TappedStatement[] | null = null;
let stopProfile: ((top?: number) => Promise<ProfileSummary>) | null = null;

type Query = (this: unknown, ...args: unknown[]) => unknown;

function tap(owner: { query: unknown }) {
  const original = owner.query as Query;
  owner.query = function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args);
    if (!tapped || typeof args[0] !== 'string' || !(result instanceof Promise)) return result;
    const sink = tapped;
    const started = performance.now();
    return result.then((value: { rows?: unknown[] }) => {
      sink.push({ sql: args[0] as string, parameters: (args[1] as unknown[]) ?? [], ms: performance.now() - started, rows: value?.rows?.length ?? 0 });
      return value;
    });
  };
}

tap(PGlite.prototype as unknown as { query: unknown });
tap(pg.Client.prototype as unknown as { query: unknown });

process.on('message', async (message: { command: 'start' | 'stop' }) => {
  if (message.command === 'start') {
    tapped = [];
    stopProfile = await startProfile(1000);
    process.send?.({ ok: true });
  } else if (message.command === 'stop') {
    const statements = tapped ?? [];
    tapped = null;
    const profile = stopProfile ? await stopProfile(8) : { totalMs: 0, spots: [], origins: [] };
    stopProfile = null;
    process.send?.({ statements, profile } satisfies TapReply);
  }
});
