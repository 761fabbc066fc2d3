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
});
