import { createHash, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakePerson = { sub: string; email?: string; email_verified?: boolean; xms_edov?: boolean };

/**
 * A tiny OpenID Connect provider on 127.0.0.1 for tests: a discovery document, its signing key (JWKS),
 * an authorization endpoint that signs in whoever `signInAs` chose (or refuses, like a person pressing
 * "Cancel"), and a token endpoint that checks the client secret, the redirect address and PKCE before
 * it issues an ID token signed with RS256.
 */
export async function startFakeOpenIdProvider(client: { clientId: string; clientSecret: string }, port = 0) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-key';
  const codes = new Map<string, { person: FakePerson; nonce: string; challenge: string; redirectUri: string }>();
  let person: FakePerson | 'refuse' = 'refuse';
  let discoveries = 0;
  let origin = '';

  const sign = (claims: object) => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const input = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part(claims)}`;
    return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    const json = (status: number, body: object) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      discoveries++;
      return json(200, {
        issuer: origin,
        authorization_endpoint: `${origin}/authorize`,
        token_endpoint: `${origin}/token`,
        jwks_uri: `${origin}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] });
    if (url.pathname === '/authorize') {
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      if (person === 'refuse' || url.searchParams.get('client_id') !== client.clientId) {
        back.searchParams.set('error', 'access_denied');
      } else {
        const code = randomBytes(16).toString('base64url');
        codes.set(code, {
          person,
          nonce: url.searchParams.get('nonce') ?? '',
          challenge: url.searchParams.get('code_challenge') ?? '',
          redirectUri: url.searchParams.get('redirect_uri') ?? '',
        });
        back.searchParams.set('code', code);
      }
      response.writeHead(302, { location: back.href });
      return response.end();
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        const form = new URLSearchParams(body);
        const basic = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
        const [id, secret] = basic ? basic.split(':').map(decodeURIComponent) : [form.get('client_id'), form.get('client_secret')];
        if (id !== client.clientId || secret !== client.clientSecret) return json(401, { error: 'invalid_client' });
        const issued = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        if (
          !issued ||
          form.get('grant_type') !== 'authorization_code' ||
          form.get('redirect_uri') !== issued.redirectUri ||
          createHash('sha256').update(verifier).digest('base64url') !== issued.challenge
        ) {
          return json(400, { error: 'invalid_grant' });
        }
        const now = Math.floor(Date.now() / 1000);
        const idToken = sign({ iss: origin, aud: client.clientId, iat: now, exp: now + 300, nonce: issued.nonce, ...issued.person });
        return json(200, { access_token: randomBytes(16).toString('base64url'), token_type: 'Bearer', expires_in: 300, id_token: idToken });
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer: origin,
    /** Who the provider signs in next; 'refuse' answers access_denied. */
    signInAs(next: FakePerson | 'refuse') {
      person = next;
    },
    /** How many times the discovery document was fetched. */
    discoveries: () => discoveries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An address on 127.0.0.1 where nothing answers: a provider that is down. */
export async function unusedAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
