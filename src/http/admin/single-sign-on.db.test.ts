import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, testNow } from '../../../test/support/app.ts';
import { testAdminDeps } from '../../../test/support/staff.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { startFakeOpenIdProvider, unusedAddress } from '../../../test/support/fake-openid-provider.ts';
import type { Database } from '../../db/database.ts';

const client = { clientId: 'tilbudsvifte', clientSecret: 'hemmelig-klientnoegle' };
let database: Database;
let provider: Awaited<ReturnType<typeof startFakeOpenIdProvider>>;
let app: ReturnType<typeof createTestApp>;

const settings = () => ({ issuer: provider.issuer, ...client, name: 'Log ind med KK-konto', allowInsecureRequests: true });
const deps = () => testAdminDeps(database);

/** A browser that keeps the app's cookies and follows the trip to the provider and back. */
function browser(target: ReturnType<typeof createTestApp> = app) {
  const jar = new Map<string, string>();
  const get = async (path: string) => {
    const response = await target.request(path, { headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') } });
    for (const cookie of response.headers.getSetCookie()) {
      const [name, value] = cookie.split(';')[0]!.split('=');
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/.test(cookie)) jar.delete(name!);
      else jar.set(name!, value!);
    }
    return response;
  };
  return {
    jar,
    get,
    /** Press the sign-in button and let the provider answer; returns the address it sends the browser back to. */
    async leaveForProvider(back = '/admin') {
      const start = await get(`/admin/sso?tilbage=${encodeURIComponent(back)}`);
      assert.equal(start.status, 303);
      const toProvider = new URL(start.headers.get('location')!);
      assert.equal(toProvider.origin, provider.issuer);
      const answer = await fetch(toProvider, { redirect: 'manual' });
      const callback = new URL(answer.headers.get('location')!);
      assert.equal(callback.origin, 'http://127.0.0.1:3000');
      return `${callback.pathname}${callback.search}`;
    },
  };
}

async function account(email: string, subject: string | null = null) {
  const access = deps().access;
  const id = await access.store.createAccount({ email, name: `Test ${email}` });
  await access.store.addGrant(id, { role: 'system_admin', offeringId: null, organizationId: null });
  if (subject) await access.store.linkSubject(id, subject);
  return id;
}

const lastAudit = async () => (await deps().audit.search({ limit: 1, offset: 0 })).entries[0]!;

before(async () => {
  database = await createTestDatabase();
  provider = await startFakeOpenIdProvider(client);
  app = createTestApp(database, testNow, { singleSignOn: settings() });
});
after(async () => {
  await provider.close();
  await database.close();
});

describe(`Single sign-on through OpenID Connect (${databaseKind})`, () => {
  it('shows no button and answers 404 when it is not set up', async () => {
    const plain = createTestApp(database);
    const page = await (await plain.request('/admin/log-ind')).text();
    assert.doesNotMatch(page, /\/admin\/sso/);
    for (const path of ['/admin/sso', '/admin/sso/callback?code=x&state=y']) {
      const response = await plain.request(path);
      assert.equal(response.status, 404);
      assert.match(await response.text(), /e-mail og adgangskode/);
    }
  });

  it('shows the button with its words, and asks the provider nothing until someone presses it', async () => {
    const page = await (await app.request('/admin/log-ind?tilbage=%2Fadmin%2Frevision')).text();
    assert.match(page, /<a class="button button-primary" href="\/admin\/sso\?tilbage=%2Fadmin%2Frevision">Log ind med KK-konto<\/a>/);
    assert.equal(provider.discoveries(), 0);
  });

  it('signs in a person whose subject is known, returns to the page asked for, and logs it', async () => {
    const id = await account('anna@kk.dk', 'subject-anna');
    provider.signInAs({ sub: 'subject-anna', email: 'anna.andersen@kk.dk', email_verified: true });
    const person = browser();
    const start = await person.get('/admin/sso?tilbage=%2Fadmin%2Frevision');
    const flowCookie = start.headers.getSetCookie().find((cookie) => cookie.startsWith('tv_sso='))!;
    assert.match(flowCookie, /HttpOnly/);
    assert.match(flowCookie, /SameSite=Lax/);
    assert.match(flowCookie, /Path=\/admin/);
    assert.match(flowCookie, /Max-Age=600/);
    const toProvider = new URL(start.headers.get('location')!);
    assert.equal(toProvider.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(toProvider.searchParams.get('state') && toProvider.searchParams.get('nonce'));
    const callback = new URL((await fetch(toProvider, { redirect: 'manual' })).headers.get('location')!);

    const back = await person.get(`${callback.pathname}${callback.search}`);
    assert.equal(back.status, 303);
    assert.equal(back.headers.get('location'), '/admin/revision');
    assert.ok(person.jar.has('tv_session'));
    assert.ok(!person.jar.has('tv_sso'), 'the flow cookie is gone after use');
    assert.equal((await person.get('/admin/revision')).status, 200);
    const entry = await lastAudit();
    assert.equal(entry.action, 'session.sign_in');
    assert.equal(entry.actorId, id);
    assert.match(entry.summary, /single sign-on/);
    assert.doesNotMatch(JSON.stringify(entry), /anna\.andersen/);
  });

  it('links the subject to the account with the same verified email, and finds it by subject after that', async () => {
    const id = await account('bo@kk.dk');
    provider.signInAs({ sub: 'subject-bo', email: 'Bo@KK.dk', email_verified: true });
    const first = browser();
    const signedIn = await first.get(await first.leaveForProvider());
    assert.equal(signedIn.status, 303);
    assert.equal(signedIn.headers.get('location'), '/admin');
    assert.equal((await first.get('/admin')).status, 200);
    const row = await database.db.selectFrom('account').select('oidc_subject').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.oidc_subject, 'subject-bo');
    assert.match((await lastAudit()).summary, /knyttet/);

    // The provider now sends another address (a renamed mailbox); the subject still finds Bo.
    provider.signInAs({ sub: 'subject-bo', email: 'bo.nielsen@kk.dk', email_verified: true });
    const second = browser();
    assert.equal((await second.get(await second.leaveForProvider())).status, 303);
    assert.ok(second.jar.has('tv_session'));
  });

  it('takes Entra ID\'s xms_edov as the email being verified when the provider sends no email_verified', async () => {
    const id = await account('hanne@kk.dk');
    provider.signInAs({ sub: 'subject-hanne', email: 'hanne@kk.dk', xms_edov: true });
    const person = browser();
    assert.equal((await person.get(await person.leaveForProvider())).status, 303);
    const row = await database.db.selectFrom('account').select('oidc_subject').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.oidc_subject, 'subject-hanne');
  });

  it('does not move an account that is linked to one subject over to another with the same email', async () => {
    await account('ida@kk.dk', 'subject-ida');
    provider.signInAs({ sub: 'subject-someone-else', email: 'ida@kk.dk', email_verified: true });
    const person = browser();
    const response = await person.get(await person.leaveForProvider());
    assert.equal(response.status, 403);
    assert.match(await response.text(), /knyttet til en anden arbejdskonto/);
    assert.ok(!person.jar.has('tv_session'));
  });

  for (const [what, person] of [
    ['an unknown person', { sub: 'subject-nobody', email: 'ny@kk.dk', email_verified: true }],
    ['a person whose email the provider has not verified', { sub: 'subject-carl', email: 'carl@kk.dk', email_verified: false, xms_edov: true }],
  ] as const) {
    it(`tells ${what} to ask for an account, and creates neither account nor session`, async () => {
      await account('carl@kk.dk').catch(() => undefined);
      const accountsBefore = await database.db.selectFrom('account').select(database.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
      provider.signInAs(person);
      const visitor = browser();
      const response = await visitor.get(await visitor.leaveForProvider());
      assert.equal(response.status, 403);
      const page = await response.text();
      assert.match(page, /Du har ingen konto i Tilbudsvifte endnu\. Bed en systemadministrator om at oprette dig\./);
      assert.match(page, /href="\/admin\/log-ind"/);
      assert.ok(!visitor.jar.has('tv_session'));
      const accountsAfter = await database.db.selectFrom('account').select(database.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(accountsAfter.n), Number(accountsBefore.n));
      const entry = await lastAudit();
      assert.equal(entry.action, 'session.sign_in_failed');
      assert.doesNotMatch(JSON.stringify(entry), /ny@kk\.dk|carl@kk\.dk/);
    });
  }

  it('refuses an answer whose state was changed, and does not sign in', async () => {
    await account('dorte@kk.dk', 'subject-dorte');
    provider.signInAs({ sub: 'subject-dorte' });
    const person = browser();
    const callback = new URL(await person.leaveForProvider(), 'http://127.0.0.1:3000');
    callback.searchParams.set('state', 'en-anden-state-end-den-browseren-fik');
    const response = await person.get(`${callback.pathname}${callback.search}`);
    assert.equal(response.status, 400);
    assert.match(await response.text(), /hørte ikke til det log-ind, du startede her/);
    assert.ok(!person.jar.has('tv_session'));
    assert.equal((await lastAudit()).action, 'session.sign_in_failed');
  });

  it('says so plainly when the person cancels at the provider (access_denied)', async () => {
    provider.signInAs('refuse');
    const person = browser();
    const response = await person.get(await person.leaveForProvider('/admin/revision'));
    assert.equal(response.status, 403);
    const page = await response.text();
    assert.match(page, /Log-ind blev afbrudt/);
    assert.match(page, /href="\/admin\/log-ind\?tilbage=%2Fadmin%2Frevision"/);
    assert.ok(!person.jar.has('tv_session'));
  });

  it('asks to start again when the flow cookie has expired or is missing', async () => {
    await account('erik@kk.dk', 'subject-erik');
    provider.signInAs({ sub: 'subject-erik' });
    const person = browser();
    const callback = await person.leaveForProvider();
    // The same browser comes back eleven minutes later, to a server whose clock says so.
    const later = createTestApp(database, new Date(testNow.getTime() + 11 * 60_000), { singleSignOn: settings() });
    const late = await later.request(callback, { headers: { cookie: `tv_sso=${person.jar.get('tv_sso')}` } });
    assert.equal(late.status, 400);
    assert.match(await late.text(), /Log-ind tog for lang tid/);
    const withoutCookie = await app.request(callback);
    assert.equal(withoutCookie.status, 400);
    assert.match(await withoutCookie.text(), /Start forfra/);
  });

  it('refuses a code that was already used', async () => {
    await account('frida@kk.dk', 'subject-frida');
    provider.signInAs({ sub: 'subject-frida' });
    const person = browser();
    const callback = await person.leaveForProvider();
    const flow = `tv_sso=${person.jar.get('tv_sso')}`;
    assert.equal((await person.get(callback)).status, 303);
    const replayed = await app.request(callback, { headers: { cookie: flow } });
    assert.equal(replayed.status, 400);
    assert.match(await replayed.text(), /kunne ikke godkendes/);
    assert.doesNotMatch(replayed.headers.get('set-cookie') ?? '', /tv_session=[^;]/);
  });

  it('fetched the provider\'s discovery document once for all these sign-ins', () => {
    assert.equal(provider.discoveries(), 1);
  });

  it('gives a plain page with a way back, not an error, when the provider is down, and works once it is back', async () => {
    const address = await unusedAddress();
    const down = createTestApp(database, testNow, { singleSignOn: { ...settings(), issuer: address } });
    const response = await down.request('/admin/sso?tilbage=%2Fadmin');
    assert.equal(response.status, 503);
    const page = await response.text();
    assert.match(page, /Log-ind-tjenesten svarer ikke/);
    assert.match(page, /href="\/admin\/log-ind"/);
    assert.equal(response.headers.get('set-cookie'), null, 'no flow is started');
    assert.equal((await lastAudit()).summary, 'Single sign-on: log-ind-tjenesten svarede ikke');

    const back = await startFakeOpenIdProvider(client, Number(new URL(address).port));
    try {
      assert.equal((await down.request('/admin/sso?tilbage=%2Fadmin')).status, 303, 'a failed discovery is not kept');
    } finally {
      await back.close();
    }
  });

  it('gives the same plain page when the provider goes down while the person is there', async () => {
    const flaky = await startFakeOpenIdProvider(client);
    const flakyApp = createTestApp(database, testNow, { singleSignOn: { ...settings(), issuer: flaky.issuer } });
    await account('gorm@kk.dk', 'subject-gorm');
    flaky.signInAs({ sub: 'subject-gorm' });
    const start = await flakyApp.request('/admin/sso');
    const flow = start.headers.getSetCookie().find((cookie) => cookie.startsWith('tv_sso='))!.split(';')[0]!;
    const callback = new URL((await fetch(start.headers.get('location')!, { redirect: 'manual' })).headers.get('location')!);
    await flaky.close();
    const response = await flakyApp.request(`${callback.pathname}${callback.search}`, { headers: { cookie: flow } });
    assert.equal(response.status, 503);
    assert.match(await response.text(), /Log-ind-tjenesten svarer ikke/);
  });
});
