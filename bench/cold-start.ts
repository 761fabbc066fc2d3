/**
 * Cold start to first served page on the embedded database: first run (empty data directory, so
 * initdb + migrations + seed) and restart (same directory). The baseline, measured in the same run,
 * is a bare Hono server started the same way, so the figures show what the platform itself adds.
 *
 *   npm run bench
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
let nextPort = 4310;

async function timeToFirstPage(script: string, env: Record<string, string>): Promise<{ ms: number; child: ChildProcess }> {
  const port = nextPort++;
  const started = performance.now();
  const child = spawn(process.execPath, ['--no-memory-protection-keys', '--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, TZ: 'UTC', LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: 'ignore',
  });
  const deadline = started + 120_000;
  while (performance.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      await response.arrayBuffer();
      if (response.status === 200) return { ms: performance.now() - started, child };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  child.kill('SIGKILL');
  throw new Error(`${script} served no page within 120 s`);
}

async function stop(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const baseline: number[] = [];
const firstRun: number[] = [];
const restart: number[] = [];
for (let round = 0; round < rounds; round++) {
  const bare = await timeToFirstPage('bench/support/bare-server.ts', {});
  baseline.push(bare.ms);
  await stop(bare.child);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilbudsvifte-bench-'));
  try {
    const first = await timeToFirstPage('src/main.ts', { DATA_DIR: dataDir });
    firstRun.push(first.ms);
    await stop(first.child);
    const again = await timeToFirstPage('src/main.ts', { DATA_DIR: dataDir });
    restart.push(again.ms);
    await stop(again.child);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const row = (label: string, values: number[]) =>
  `${label.padEnd(44)} median ${String(Math.round(median(values))).padStart(6)} ms   (${values.map((v) => Math.round(v)).join(', ')})`;
console.log(`Cold start to first page, ${rounds} rounds, Node ${process.version}, ${os.cpus().length} cores`);
console.log(row('baseline: bare Hono server', baseline));
console.log(row('platform, first run (empty data directory)', firstRun));
console.log(row('platform, restart (same data directory)', restart));
console.log(
  `platform adds ${Math.round(median(firstRun) - median(baseline))} ms on first run, ${Math.round(median(restart) - median(baseline))} ms on restart`,
);
