import { type AccessDeps, type StoredAccount, startSession } from './staff-access.ts';

/**
 * Single sign-on through the organisation's OpenID Connect provider (ADR 013). The provider is a port:
 * src/security/openid-connect.ts speaks the protocol; this file decides who the person is here.
 */

/** Who the provider says the person is: its stable subject, and the email if it sent one. */
export type ProviderIdentity = { subject: string; email: string | null; isEmailVerified: boolean };

/** What the browser carries between leaving for the provider and coming back, in a short-lived cookie. */
export type SignOnFlow = { codeVerifier: string; state: string; nonce: string };

export type ProviderAnswer =
  | { status: 'identified'; identity: ProviderIdentity }
  /** The answer belongs to another sign-in than the one started in this browser. */
  | { status: 'wrong_state' }
  /** The provider said no, or the person cancelled (`access_denied`). */
  | { status: 'refused'; isCancelled: boolean }
  /** The provider could not be reached, or took too long. */
  | { status: 'unavailable' }
  /** The provider answered, but the answer did not hold up (a code already used, a bad ID token). */
  | { status: 'invalid' };

export type SingleSignOn = {
  /** The words on the sign-in page's button. */
  name: string;
  /** Where to send the browser, and what it must bring back; 'unavailable' when the provider cannot be reached. */
  begin(): Promise<{ status: 'ready'; url: string; flow: SignOnFlow } | { status: 'unavailable' }>;
  /** Check the provider's answer (the callback address) against the flow, and redeem the code. */
  finish(callback: URL, flow: SignOnFlow): Promise<ProviderAnswer>;
};

export type ProviderSignInOutcome =
  | { status: 'signed_in'; token: string; account: StoredAccount; isNewlyLinked: boolean }
  | { status: 'no_account' }
  | { status: 'linked_elsewhere'; accountId: string }
  | { status: 'disabled'; accountId: string };

/**
 * Find the account for a person the provider vouches for: first by the provider's subject; otherwise by
 * a verified email, whose account then gets the subject linked for next time. No account is ever
 * created here, so nobody gets a role just by having a work account.
 */
export async function signInWithProvider(deps: AccessDeps, identity: ProviderIdentity): Promise<ProviderSignInOutcome> {
  const bySubject = await deps.store.accountBySubject(identity.subject);
  if (bySubject) {
    if (bySubject.isDisabled) return { status: 'disabled', accountId: bySubject.id };
    return { status: 'signed_in', token: await startSession(deps, bySubject.id), account: bySubject, isNewlyLinked: false };
  }
  // An unverified email could be anyone's, so it never opens an account.
  if (!identity.email || !identity.isEmailVerified) return { status: 'no_account' };
  const byEmail = await deps.store.accountByEmail(identity.email.trim());
  if (!byEmail) return { status: 'no_account' };
  if (byEmail.isDisabled) return { status: 'disabled', accountId: byEmail.id };
  // An account already linked to another subject keeps it: a reused address must not take it over.
  if (byEmail.oidcSubject !== null) return { status: 'linked_elsewhere', accountId: byEmail.id };
  await deps.store.linkSubject(byEmail.id, identity.subject);
  return { status: 'signed_in', token: await startSession(deps, byEmail.id), account: byEmail, isNewlyLinked: true };
}
