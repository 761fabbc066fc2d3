import pino from 'pino';
import { currentSession, startSession } from '../../src/app/staff-access.ts';
import { adminDepsFor } from '../../src/boot.ts';
import type { Database } from '../../src/db/database.ts';
import type { Grant } from '../../src/domain/access/policy.ts';
import type { createTestApp } from './app.ts';
import { testNow } from './app.ts';

/** The back office's stores and services on a test database, at the tests' fixed instant. */
export function testAdminDeps(database: Database, now: Date = testNow) {
  return adminDepsFor(database.db, { baseUrl: 'http://127.0.0.1:3000', logger: pino({ level: 'silent' }), logLinks: false, now: () => now });
}

export type Answer = { status: number; text: string; location: string | null };

/**
 * A member of staff signed in to the app in-process: an existing account, or a new one with one grant.
 * `post` sends a form with the session's CSRF token, as the pages do.
 */
export async function signedInStaff(
  app: ReturnType<typeof createTestApp>,
  database: Database,
  who: { accountId: string } | { name: string; grant: Grant },
) {
  const access = testAdminDeps(database).access;
  let accountId: string;
  if ('accountId' in who) accountId = who.accountId;
  else {
    accountId = await access.store.createAccount({ email: `${crypto.randomUUID()}@kk.dk`, name: who.name });
    await access.store.addGrant(accountId, who.grant);
  }
  const token = await startSession(access, accountId);
  const csrf = (await currentSession(access, token))!.csrfToken;
  const headers = { cookie: `tv_session=${token}` };
  const answer = async (response: Response): Promise<Answer> => ({
    status: response.status,
    text: await response.text(),
    location: response.headers.get('location'),
  });
  return {
    accountId,
    /** The session cookie and CSRF token, for a request the helpers do not make (a script's fetch). */
    cookie: headers.cookie,
    csrf,
    get: async (path: string) => answer(await app.request(path, { headers })),
    /** A field given as a list is sent once per value, as ticked checkboxes are. */
    post: async (path: string, fields: Record<string, string | string[]>) =>
      answer(
        await app.request(path, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams([['_csrf', csrf], ...Object.entries(fields).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((item) => [name, item]))]),
        }),
      ),
  };
}
