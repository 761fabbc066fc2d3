import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('works with nothing set: port 3000, embedded database in ./data', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.dataDir, path.resolve('./data'));
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.baseUrl, 'http://127.0.0.1:3000');
    assert.equal(config.logLevel, 'info');
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
    ['DATABASE_URL', 'mysql://x'],
    ['BASE_URL', 'tilbud.kk.dk'],
    ['LOG_LEVEL', 'loud'],
    ['SEED', 'ja'],
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
});
