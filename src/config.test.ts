import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig, publicSettings } from './config.ts';

describe('configuration', () => {
  it('works with nothing set: port 3000, embedded database in ./data', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.dataDir, path.resolve('./data'));
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.baseUrl, 'http://127.0.0.1:3000');
    assert.equal(config.logLevel, 'info');
    assert.equal(config.geocoder, 'fixture');
    assert.equal(config.gsearchToken, undefined);
    assert.equal(config.mapTileUrl, undefined, 'no map tiles unless asked for');
  });

  it('honours PORT, DATA_DIR, DATABASE_URL, BASE_URL and LOG_LEVEL', () => {
    const config = loadConfig({
      PORT: '4000',
      DATA_DIR: '/tmp/x',
      DATABASE_URL: 'postgres://u@h/db',
      BASE_URL: 'https://tilbud.example.dk/',
      LOG_LEVEL: 'warn',
    });
    assert.equal(config.port, 4000);
    assert.equal(config.dataDir, '/tmp/x');
    assert.equal(config.databaseUrl, 'postgres://u@h/db');
    assert.equal(config.baseUrl, 'https://tilbud.example.dk');
    assert.equal(config.logLevel, 'warn');
  });

  const wrong: [string, string][] = [
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '3.5'],
    ['BASE_URL', 'tilbud.kk.dk'],
    ['LOG_LEVEL', 'loud'],
    ['SEED', 'ja'],
    ['GEOCODER', 'dawa'],
  ];
  for (const [name, value] of wrong) {
    it(`a wrong ${name} (${value}) stops the server with one sentence naming the setting`, () => {
      assert.throws(
        () => loadConfig({ [name]: value }),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, new RegExp(`^Indstillingen ${name} `));
          assert.ok(error.message.includes(JSON.stringify(value)));
          assert.equal(error.message.split('\n').length, 1);
          return true;
        },
      );
    });
  }

  it('a wrong DATABASE_URL is named but never repeated, since it may hold a password', () => {
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://admin:hemmeligt@db/x' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /^Indstillingen DATABASE_URL skal begynde med postgres:\/\//);
        assert.ok(!error.message.includes('hemmeligt'));
        return true;
      },
    );
  });

  it('GEOCODER=gsearch with GSEARCH_TOKEN uses GSearch', () => {
    const config = loadConfig({ GEOCODER: 'gsearch', GSEARCH_TOKEN: 'abc123' });
    assert.equal(config.geocoder, 'gsearch');
    assert.equal(config.gsearchToken, 'abc123');
  });

  for (const token of [undefined, '']) {
    it(`GEOCODER=gsearch without GSEARCH_TOKEN (${JSON.stringify(token)}) stops the server with one sentence naming it`, () => {
      assert.throws(
        () => loadConfig({ GEOCODER: 'gsearch', GSEARCH_TOKEN: token }),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.equal(
            error.message,
            'Indstillingen GSEARCH_TOKEN skal være sat, når GEOCODER er gsearch (den er ikke sat).',
          );
          return true;
        },
      );
    });
  }

  it('a wrong GSEARCH_TOKEN is named but its value, a secret, is never repeated', () => {
    assert.throws(
      () => loadConfig({ GEOCODER: 'gsearch', GSEARCH_TOKEN: 'secret with spaces' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /^Indstillingen GSEARCH_TOKEN /);
        assert.ok(!error.message.includes('secret'));
        return true;
      },
    );
  });

  it('MAP_TILE_URL takes an https tile address with {z}, {x} and {y}', () => {
    const url = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
    assert.equal(loadConfig({ MAP_TILE_URL: url }).mapTileUrl, url);
    assert.equal(loadConfig({ MAP_TILE_URL: '' }).mapTileUrl, undefined);
  });

  for (const value of ['http://tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://tile.openstreetmap.org/{z}/{x}.png', 'tiles']) {
    it(`a wrong MAP_TILE_URL (${value}) stops the server with one plain Danish sentence naming it`, () => {
      assert.throws(
        () => loadConfig({ MAP_TILE_URL: value }),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.equal(
            error.message,
            `Indstillingen MAP_TILE_URL skal være en https-adresse med {z}, {x} og {y}, fx https://tile.openstreetmap.org/{z}/{x}/{y}.png (fik ${JSON.stringify(value)}).`,
          );
          return true;
        },
      );
    });
  }

  it('the token is not a public setting', () => {
    assert.ok(!(publicSettings as readonly string[]).includes('GSEARCH_TOKEN'));
    assert.ok(!(publicSettings as readonly string[]).includes('OIDC_CLIENT_SECRET'));
  });

  const sso = { OIDC_ISSUER: 'https://login.kk.dk/tilbud', OIDC_CLIENT_ID: 'tilbudsvifte', OIDC_CLIENT_SECRET: 'k1ient-hemmelighed' };

  it('single sign-on is off without OIDC_*, and on with all three, with the default button words', () => {
    assert.equal(loadConfig({}).singleSignOn, undefined);
    assert.deepEqual(loadConfig(sso).singleSignOn, {
      issuer: 'https://login.kk.dk/tilbud',
      clientId: 'tilbudsvifte',
      clientSecret: 'k1ient-hemmelighed',
      name: 'Log ind med din arbejdskonto',
    });
    assert.equal(loadConfig({ ...sso, OIDC_NAME: ' Log ind med KK-konto ' }).singleSignOn?.name, 'Log ind med KK-konto');
  });

  for (const missing of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) {
    it(`single sign-on without ${missing} stops the server, naming it and never the secret`, () => {
      assert.throws(
        () => loadConfig({ ...sso, [missing]: undefined }),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, new RegExp(`^Indstillingen ${missing} skal være sat, når .* er sat \\(log ind med arbejdskonto kræver OIDC_ISSUER, OIDC_CLIENT_ID og OIDC_CLIENT_SECRET\\) \\(den er ikke sat\\)\\.$`));
          assert.ok(!error.message.includes('k1ient-hemmelighed'));
          return true;
        },
      );
    });
  }

  it('OIDC_NAME alone is a mistake, not single sign-on turned off', () => {
    assert.throws(() => loadConfig({ OIDC_NAME: 'Log ind' }), /^Error: Indstillingen OIDC_ISSUER skal være sat, når OIDC_NAME er sat /);
  });

  for (const issuer of ['http://login.kk.dk', 'login.kk.dk']) {
    it(`OIDC_ISSUER must be https (${issuer})`, () => {
      assert.throws(
        () => loadConfig({ ...sso, OIDC_ISSUER: issuer }),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.equal(
            error.message,
            `Indstillingen OIDC_ISSUER skal være en https-adresse på log-ind-tjenesten, fx https://login.kk.dk (fik ${JSON.stringify(issuer)}).`,
          );
          return true;
        },
      );
    });
  }

  it('a wrong OIDC_CLIENT_SECRET is named but never repeated', () => {
    assert.throws(
      () => loadConfig({ ...sso, OIDC_CLIENT_SECRET: 'hemmelig med mellemrum' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.message, 'Indstillingen OIDC_CLIENT_SECRET må ikke indeholde mellemrum (værdien vises ikke).');
        return true;
      },
    );
  });
  const smtp = { SMTP_HOST: 'smtp.kk.dk', SMTP_FROM: 'Tilbudsvifte <tilbudsvifte@kk.dk>', SMTP_USER: 'tilbudsvifte', SMTP_PASSWORD: 'm4il-hemmelighed' };

  it('mail goes nowhere without SMTP_*, and through the server with host and sender, STARTTLS on 587 by default', () => {
    assert.equal(loadConfig({}).smtp, undefined);
    assert.deepEqual(loadConfig(smtp).smtp, {
      host: 'smtp.kk.dk',
      port: 587,
      security: 'starttls',
      auth: { user: 'tilbudsvifte', password: 'm4il-hemmelighed' },
      from: 'Tilbudsvifte <tilbudsvifte@kk.dk>',
    });
    assert.equal(loadConfig({ ...smtp, SMTP_SECURITY: 'tls' }).smtp?.port, 465);
    assert.deepEqual(loadConfig({ SMTP_HOST: '127.0.0.1', SMTP_PORT: '2525', SMTP_SECURITY: 'none', SMTP_FROM: 'tilbudsvifte@kk.dk' }).smtp, {
      host: '127.0.0.1',
      port: 2525,
      security: 'none',
      auth: undefined,
      from: 'tilbudsvifte@kk.dk',
    });
  });

  for (const [missing, given] of [
    ['SMTP_HOST', { SMTP_FROM: 'tilbudsvifte@kk.dk' }],
    ['SMTP_FROM', { SMTP_HOST: 'smtp.kk.dk', SMTP_PORT: '587' }],
    ['SMTP_HOST', { SMTP_USER: 'x', SMTP_PASSWORD: 'm4il-hemmelighed' }],
  ] as const) {
    it(`mail settings without ${missing} stop the server, naming it (${Object.keys(given).join(', ')} set) and never the password`, () => {
      assert.throws(
        () => loadConfig(given),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, new RegExp(`^Indstillingen ${missing} skal være sat, når .* er sat \\(mails sendes kun, når både SMTP_HOST og SMTP_FROM er sat\\) \\(den er ikke sat\\)\\.$`));
          assert.ok(!error.message.includes('m4il-hemmelighed'));
          return true;
        },
      );
    });
  }

  it('a mail user without a password, or the other way round, is a mistake', () => {
    assert.throws(() => loadConfig({ ...smtp, SMTP_PASSWORD: undefined }), /^Error: Indstillingen SMTP_PASSWORD skal være sat, når SMTP_USER er sat \(log ind på mailserveren kræver begge\)/);
    assert.throws(() => loadConfig({ ...smtp, SMTP_USER: undefined }), /^Error: Indstillingen SMTP_USER skal være sat, når SMTP_PASSWORD er sat/);
  });

  it('refuses a password sent unencrypted to another machine, a wrong sender and a wrong security word, never showing the password', () => {
    assert.throws(() => loadConfig({ ...smtp, SMTP_SECURITY: 'none' }), /^Error: Indstillingen SMTP_SECURITY må kun være none for en mailserver på denne maskine/);
    assert.ok(loadConfig({ ...smtp, SMTP_HOST: 'localhost', SMTP_SECURITY: 'none' }).smtp);
    assert.throws(() => loadConfig({ ...smtp, SMTP_FROM: 'Tilbudsvifte' }), /^Error: Indstillingen SMTP_FROM skal være en afsenderadresse/);
    assert.throws(() => loadConfig({ ...smtp, SMTP_SECURITY: 'ssl' }), /^Error: Indstillingen SMTP_SECURITY skal være starttls, tls eller none \(fik "ssl"\)/);
    assert.throws(() => loadConfig({ ...smtp, SMTP_PASSWORD: '' , SMTP_USER: 'x y' }), (error: unknown) => error instanceof ConfigError && !error.message.includes('m4il'));
    assert.ok(!(publicSettings as readonly string[]).includes('SMTP_PASSWORD'));
  });
});
