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
  });
});
