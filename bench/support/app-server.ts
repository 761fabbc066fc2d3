// The real app as `npm start` runs it (src/main.ts in its own process), on 127.0.0.1 and a free port.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type RunningServer = { origin: string; child: ChildProcess; output(): string; stop(): Promise<void> };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Start `script` (default src/main.ts) with `env`, optionally a module preloaded with --import and an IPC
 * channel, and wait until `readyPath` answers 200.
 */
export async function startServer(
  env: Record<string, string>,
  options: { script?: string; readyPath?: string; timeoutMs?: number; preload?: string; ipc?: boolean } = {},
): Promise<RunningServer> {
  const { script = 'src/main.ts', readyPath = '/healthz', timeoutMs = 120_000 } = options;
  const port = await freePort();
  const preload = options.preload ? ['--import', options.preload] : [];
  const child = spawn(process.execPath, ['--no-memory-protection-keys', '--import', 'tsx', ...preload, script], {
    cwd: root,
    env: { ...process.env, TZ: 'UTC', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${script} stopped (exit ${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${origin}${readyPath}`);
      await response.arrayBuffer();
      if (response.ok) return { origin, child, output: () => output, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`${script} did not answer ${readyPath} within ${timeoutMs / 1000} s:\n${output}`);
}
