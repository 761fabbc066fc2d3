import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startPlatform } from '../src/boot.ts';
import { loadConfig } from '../src/config.ts';

type ServicePage = { total_items: number; contents: { id: string }[] };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tempDirs: string[] = [];
const freshDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilbudsvifte-'));
  tempDirs.push(dir);
  return dir;
};
const configFor = (dataDir: string) => ({ ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), port: 0 });

// A child started with the test runner's own variables would report to it instead of running.
const withoutTestRunner = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('NODE_TEST')));

after(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the embedded database on a fresh machine', () => {
  it('starts empty, seeds the Copenhagen range, and keeps what was saved across a restart', async () => {
    const dataDir = freshDir();
    const first = await startPlatform(configFor(dataDir));
    const page = await fetch(`${first.url}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Fountain House/);
    await first.database.db.updateTable('offering').set({ phone: '+45 12 34 56 78' }).where('slug', '=', 'nabo').execute();
    const before = (await (await fetch(`${first.url}/api/hsds/services?per_page=100`)).json()) as ServicePage;
    await first.close();

    const second = await startPlatform(configFor(dataDir));
    try {
      const afterRestart = (await (await fetch(`${second.url}/api/hsds/services?per_page=100`)).json()) as ServicePage;
      assert.equal(afterRestart.total_items, 30);
      assert.deepEqual(
        afterRestart.contents.map((item) => item.id),
        before.contents.map((item) => item.id),
      );
      const nabo = await second.database.db.selectFrom('offering').select('phone').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
      assert.equal(nabo.phone, '+45 12 34 56 78');
    } finally {
      await second.close();
    }
  });

  it('refuses a second server on the same data directory with a clear message, and leaves the first one running', async () => {
    const dataDir = freshDir();
    const first = await startPlatform(configFor(dataDir));
    try {
      await assert.rejects(startPlatform(configFor(dataDir)), /Datamappen .* bruges allerede af en anden server/);
      const health = await fetch(`${first.url}/healthz`);
      assert.equal(health.status, 200);
      await health.body?.cancel();
    } finally {
      await first.close();
    }
    // Once the first has stopped, the directory is free again.
    const again = await startPlatform(configFor(dataDir));
    await again.close();
  });

  it('a wrong setting stops `npm start` with one Danish sentence naming it', async () => {
    const child = spawn(process.execPath, ['--no-memory-protection-keys', '--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { ...withoutTestRunner(process.env), PORT: 'abc', DATA_DIR: freshDir() },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 1);
    assert.equal(stderr.trim(), 'Indstillingen PORT skal være et helt tal mellem 1 og 65535 (fik "abc").');
  });
});
