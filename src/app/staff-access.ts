import type { Grant, Principal } from '../domain/access/policy.ts';
import { passwordProblem } from '../domain/access/passwords.ts';

/**
 * Signing staff in and out, sessions, and one-time links to set a password (ADR 012). Storage, the
 * password hash and the token maker are ports; src/db, src/security and the wiring supply them.
 */

export type StoredAccount = {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  isDisabled: boolean;
  /** The subject at the single sign-on provider, once the person has signed in that way (ADR 013). */
  oidcSubject: string | null;
};

export type StoredSession = { accountId: string; csrfToken: string; lastSeenAt: Date; expiresAt: Date };

export type AccessStore = {
  accountByEmail(email: string): Promise<StoredAccount | null>;
  accountById(id: string): Promise<StoredAccount | null>;
  accountBySubject(subject: string): Promise<StoredAccount | null>;
  createAccount(account: { email: string; name: string }): Promise<string>;
  linkSubject(accountId: string, subject: string): Promise<void>;
  setPasswordHash(accountId: string, hash: string): Promise<void>;
  grantsOf(accountId: string): Promise<Grant[]>;
  addGrant(accountId: string, grant: Grant): Promise<void>;
  createSession(session: StoredSession & { tokenHash: string; createdAt: Date }): Promise<void>;
  session(tokenHash: string): Promise<StoredSession | null>;
  touchSession(tokenHash: string, at: Date): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteSessionsOf(accountId: string): Promise<number>;
  createLink(link: { tokenHash: string; accountId: string; createdAt: Date; expiresAt: Date }): Promise<void>;
  /** Marks the link used and returns its account, or says why it cannot be used. */
  useLink(tokenHash: string, at: Date): Promise<{ accountId: string } | 'expired' | 'used' | 'unknown'>;
  /** Whether a link exists and can still be used, without using it. */
  linkState(tokenHash: string, at: Date): Promise<'valid' | 'expired' | 'used' | 'unknown'>;
  queueMail(mail: { recipient: string; subject: string; body: string; createdAt: Date }): Promise<void>;
};

export type PasswordHasher = { hash(password: string): Promise<string>; verify(hash: string, password: string): Promise<boolean> };

export type Tokens = {
  /** A new random token (URL-safe) and the hash that is stored instead of it. */
  create(): { token: string; hash: string };
  hashOf(token: string): string;
};

export type AccessDeps = { store: AccessStore; hasher: PasswordHasher; tokens: Tokens; now: () => Date };

/** A session lasts at most 12 hours, and ends after 2 hours without use. */
export const sessionHours = 12;
export const idleMinutes = 120;
/** A link to set a password can be used once, within 24 hours (60 minutes when asked for again). */
export const firstLinkHours = 24;
export const resetLinkMinutes = 60;

export type SignInOutcome =
  | { status: 'signed_in'; token: string; account: StoredAccount }
  | { status: 'wrong'; accountId: string | null }
  | { status: 'disabled'; accountId: string };

/**
 * Check an email and password. A wrong password and an unknown email give the same answer and take
 * the same time (the hash is verified against a stand-in), so the form does not reveal who has an account.
 */
export async function signIn(deps: AccessDeps, email: string, password: string): Promise<SignInOutcome> {
  const account = await deps.store.accountByEmail(email.trim());
  const ok = await deps.hasher.verify(account?.passwordHash ?? (await standInHash(deps.hasher)), password);
  if (!account?.passwordHash || !ok) return { status: 'wrong', accountId: account?.id ?? null };
  if (account.isDisabled) return { status: 'disabled', accountId: account.id };
  return { status: 'signed_in', token: await startSession(deps, account.id), account };
}

/** A new session for an account: always a new token, so a token known before sign-in is worth nothing. */
export async function startSession(deps: AccessDeps, accountId: string): Promise<string> {
  const now = deps.now();
  const { token, hash } = deps.tokens.create();
  await deps.store.createSession({
    tokenHash: hash,
    accountId,
    csrfToken: deps.tokens.create().token,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + sessionHours * 3_600_000),
  });
  return token;
}

export type CurrentSession = { principal: Principal; csrfToken: string; email: string };

/** The person behind a session token, or null when it is unknown, expired, idle too long or disabled. */
export async function currentSession(deps: AccessDeps, token: string): Promise<CurrentSession | null> {
  const hash = deps.tokens.hashOf(token);
  const session = await deps.store.session(hash);
  if (!session) return null;
  const now = deps.now();
  if (session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > idleMinutes * 60_000) {
    await deps.store.deleteSession(hash);
    return null;
  }
  const account = await deps.store.accountById(session.accountId);
  if (!account || account.isDisabled) return null;
  // Touch at most once a minute: a page with many requests should not write each time.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await deps.store.touchSession(hash, now);
  const grants = await deps.store.grantsOf(account.id);
  return { principal: { accountId: account.id, name: account.name, grants }, csrfToken: session.csrfToken, email: account.email };
}

export async function signOut(deps: AccessDeps, token: string): Promise<void> {
  await deps.store.deleteSession(deps.tokens.hashOf(token));
}

/** End every session of the account, on every device. */
export async function signOutEverywhere(deps: AccessDeps, accountId: string): Promise<number> {
  return deps.store.deleteSessionsOf(accountId);
}

/** A one-time link to set a password, for the account; returns the token to put in the link. */
export async function createPasswordLink(deps: AccessDeps, accountId: string, validMinutes: number): Promise<string> {
  const now = deps.now();
  const { token, hash } = deps.tokens.create();
  await deps.store.createLink({ tokenHash: hash, accountId, createdAt: now, expiresAt: new Date(now.getTime() + validMinutes * 60_000) });
  return token;
}

/**
 * "Forgot password": when the email has an account, a link is queued in the outbox. The answer is the
 * same either way. Returns the account (for the audit log) and the link's token (written to the log in
 * development), or null.
 */
export async function requestPasswordLink(
  deps: AccessDeps,
  email: string,
  linkTo: (token: string) => string,
): Promise<{ accountId: string; token: string } | null> {
  const account = await deps.store.accountByEmail(email.trim());
  if (!account || account.isDisabled) return null;
  const token = await createPasswordLink(deps, account.id, resetLinkMinutes);
  await deps.store.queueMail({
    recipient: account.email,
    subject: 'Vælg en ny adgangskode til Tilbudsvifte',
    body:
      `Hej ${account.name}\n\nNogen (forhåbentlig dig) har bedt om at vælge en ny adgangskode til Tilbudsvifte.\n` +
      `Brug linket inden for ${resetLinkMinutes} minutter; det virker én gang:\n\n${linkTo(token)}\n\n` +
      'Har du ikke bedt om det, kan du se bort fra denne mail. Din adgangskode er ikke ændret.',
    createdAt: deps.now(),
  });
  return { accountId: account.id, token };
}

export type SetPasswordOutcome =
  | { status: 'set'; accountId: string }
  | { status: 'invalid'; problem: string }
  | { status: 'link'; reason: 'expired' | 'used' | 'unknown' };

/**
 * Set a password through a one-time link. The password is checked before the link is used, so a
 * password that is refused does not spend the link. Every session of the account ends (a reset after
 * a lost laptop should lock the laptop out).
 */
export async function setPasswordWithLink(deps: AccessDeps, token: string, password: string, repeated: string): Promise<SetPasswordOutcome> {
  const hash = deps.tokens.hashOf(token);
  const state = await deps.store.linkState(hash, deps.now());
  if (state !== 'valid') return { status: 'link', reason: state };
  const problem = passwordProblem(password, repeated);
  if (problem) return { status: 'invalid', problem };
  const used = await deps.store.useLink(hash, deps.now());
  if (typeof used === 'string') return { status: 'link', reason: used };
  await deps.store.setPasswordHash(used.accountId, await deps.hasher.hash(password));
  await deps.store.deleteSessionsOf(used.accountId);
  return { status: 'set', accountId: used.accountId };
}

/**
 * The first system administrator, made from the command line: an account without a password and a
 * one-time link to choose one. There is never a default password.
 */
export async function createAdministrator(
  deps: AccessDeps,
  person: { email: string; name: string },
): Promise<{ status: 'created'; accountId: string; token: string } | { status: 'exists'; accountId: string }> {
  const existing = await deps.store.accountByEmail(person.email);
  if (existing) return { status: 'exists', accountId: existing.id };
  const accountId = await deps.store.createAccount(person);
  await deps.store.addGrant(accountId, { role: 'system_admin', offeringId: null, organizationId: null });
  const token = await createPasswordLink(deps, accountId, firstLinkHours * 60);
  return { status: 'created', accountId, token };
}

/** A hash of a password nobody has, verified when the email is unknown so that both answers take as long. */
const standIns = new WeakMap<PasswordHasher, Promise<string>>();
function standInHash(hasher: PasswordHasher): Promise<string> {
  let hash = standIns.get(hasher);
  if (!hash) {
    hash = hasher.hash(crypto.randomUUID());
    standIns.set(hasher, hash);
  }
  return hash;
}
