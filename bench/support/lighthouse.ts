// Lighthouse (mobile) against a running server, a bounded number of runs, each with its own time limit.
// Lighthouse is fetched by `npm exec` on first use and kept in npm's cache: it is 176 MB and no dependency
// of the project. Without Chromium, or where it cannot be had, the runs are skipped with the reason.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const lighthouseVersion = '13.5.0';

export type LighthouseRun = {
  performance: number;
  accessibility: number;
  metrics: { fcp: number; lcp: number; tbt: number; cls: number; speedIndex: number };
};

type Report = {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
  runtimeError?: { message: string };
};

function once(url: string, chromiumPath: string, timeoutMs: number): Promise<LighthouseRun> {
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tilbudsvifte-lighthouse-')), 'report.json');
  return new Promise((resolve, reject) => {
    const child = spawn(
      'npm',
      [
        'exec',
        '--yes',
        `--package=lighthouse@${lighthouseVersion}`,
        '--',
        'lighthouse',
        url,
        '--chrome-flags=--headless --no-sandbox --disable-gpu',
        '--form-factor=mobile',
        '--only-categories=performance,accessibility',
        '--max-wait-for-load=30000',
        '--output=json',
        `--output-path=${output}`,
        '--quiet',
      ],
      { env: { ...process.env, CHROME_PATH: chromiumPath }, stdio: ['ignore', 'ignore', 'pipe'], detached: true },
    );
    let stderr = '';
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
    });
    // The whole group: npm, Lighthouse and the Chromium it started.
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      try {
        if (code !== 0) throw new Error(signal === 'SIGKILL' ? `no answer within ${timeoutMs / 1000} s` : `exit ${code}: ${stderr.trim().split('\n').at(-1)}`);
        const report = JSON.parse(fs.readFileSync(output, 'utf8')) as Report;
        if (report.runtimeError) throw new Error(report.runtimeError.message);
        const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
        const value = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
        resolve({
          performance: score('performance'),
          accessibility: score('accessibility'),
          metrics: {
            fcp: value('first-contentful-paint'),
            lcp: value('largest-contentful-paint'),
            tbt: value('total-blocking-time'),
            cls: value('cumulative-layout-shift'),
            speedIndex: value('speed-index'),
          },
        });
      } catch (error) {
        reject(error);
      } finally {
        fs.rmSync(path.dirname(output), { recursive: true, force: true });
      }
    });
  });
}

/** Up to `runs` Lighthouse runs of `url`; stops at the first failure and says why. */
export async function runLighthouse(
  url: string,
  options: { runs: number; chromiumPath: string; timeoutMs?: number },
): Promise<{ runs: LighthouseRun[]; stopped?: string }> {
  const runs: LighthouseRun[] = [];
  for (let index = 0; index < options.runs; index++) {
    try {
      runs.push(await once(url, options.chromiumPath, options.timeoutMs ?? 180_000));
    } catch (error) {
      return { runs, stopped: (error as Error).message };
    }
  }
  return { runs };
}
