import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type { ProviderAnswer, SingleSignOn } from '../app/sign-in-with-provider.ts';
import type { SingleSignOnSettings } from '../config.ts';

export type OpenIdOptions = {
  /** The address the provider sends the browser back to (registered at the provider). */
  redirectUri: string;
  logger: { warn(object: object, message: string): void };
  /** Seconds to wait for the provider before telling the person it does not answer. */
  timeoutSeconds?: number;
  /**
   * Tests only: the fake provider in a test speaks plain http on 127.0.0.1. The settings cannot ask for
   * this; OIDC_ISSUER must be https.
   */
  allowInsecureRequests?: boolean;
};

/**
 * The authorization code flow with PKCE, state and nonce through openid-client (ADR 013). The provider's
 * discovery document is fetched at the first sign-in, not at boot, so a provider that is down never stops
 * the server; once fetched it is kept, and a failure is tried again at the next sign-in.
 * Nothing personal and no token is ever logged: only what went wrong, in the library's own words.
 */
export function createOpenIdSignOn(settings: SingleSignOnSettings, options: OpenIdOptions): SingleSignOn {
  let discovered: Promise<client.Configuration> | null = null;
  const configuration = () => {
    discovered ??= client
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        timeout: options.timeoutSeconds ?? 10,
        execute: options.allowInsecureRequests ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    return discovered;
  };
  const problem = (error: unknown, step: string) => {
    const known = error instanceof Error ? error : new Error(String(error));
    const cause = known.cause instanceof Error ? known.cause : null;
    options.logger.warn(
      { step, error: known.name, code: (known as { code?: unknown }).code, reason: known.message, cause: cause?.message },
      'single sign-on: the provider could not be used',
    );
  };

  return {
    name: settings.name,
    async begin() {
      let config: client.Configuration;
      try {
        config = await configuration();
      } catch (error) {
        problem(error, 'discovery');
        return { status: 'unavailable' };
      }
      const flow = { codeVerifier: client.randomPKCECodeVerifier(), state: client.randomState(), nonce: client.randomNonce() };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: options.redirectUri,
        scope: 'openid email',
        code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
      return { status: 'ready', url: url.href, flow };
    },

    async finish(callback, flow): Promise<ProviderAnswer> {
      // The state is checked before anything else: an answer meant for another browser is not even read.
      if (!same(callback.searchParams.get('state'), flow.state)) return { status: 'wrong_state' };
      const error = callback.searchParams.get('error');
      if (error !== null) {
        options.logger.warn({ step: 'authorization', code: error.slice(0, 40) }, 'single sign-on: the provider refused');
        return { status: 'refused', isCancelled: error === 'access_denied' };
      }
      let config: client.Configuration;
      try {
        config = await configuration();
      } catch (cause) {
        problem(cause, 'discovery');
        return { status: 'unavailable' };
      }
      try {
        const tokens = await client.authorizationCodeGrant(config, callback, {
          pkceCodeVerifier: flow.codeVerifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims || typeof claims.sub !== 'string' || !claims.sub) return { status: 'invalid' };
        return {
          status: 'identified',
          identity: {
            subject: claims.sub,
            email: typeof claims.email === 'string' ? claims.email : null,
            isEmailVerified: isVerified(claims),
          },
        };
      } catch (cause) {
        problem(cause, 'token');
        return { status: isUnreachable(cause) ? 'unavailable' : 'invalid' };
      }
    },
  };
}

/**
 * Whether the provider vouches for the email. Entra ID sends no `email_verified` for work accounts; its
 * optional claim `xms_edov` (the email's domain is verified by the tenant) stands in when there is none.
 */
function isVerified(claims: Record<string, unknown>): boolean {
  if (claims.email_verified !== undefined) return claims.email_verified === true;
  return claims.xms_edov === true;
}

function same(given: string | null, expected: string): boolean {
  if (given === null || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** A network failure or a timeout, as opposed to an answer that was wrong. */
function isUnreachable(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current.name === 'TimeoutError' || current.name === 'AbortError') return true;
    if (current instanceof TypeError && current.message === 'fetch failed') return true;
  }
  return false;
}
