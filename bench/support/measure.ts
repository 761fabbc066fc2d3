// Small helpers shared by the benches: timing loops bounded in runs and time, percentiles, tables.
import os from 'node:os';

export type Sample = { runs: number; median: number; p95: number; min: number; max: number; values: number[] };

/** Nearest-rank percentile of a list of numbers (0 < p <= 100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(values: readonly number[]): Sample {
  return {
    runs: values.length,
    median: percentile(values, 50),
    p95: percentile(values, 95),
    min: Math.min(...values),
    max: Math.max(...values),
    values: [...values],
  };
}

/**
 * Run `task` `warmup` times unmeasured, then up to `runs` times measured, stopping early (after at least
 * `minRuns`) once `budgetMs` of measured time has passed, so a slow figure still ends by itself.
 */
export async function measure(
  task: () => unknown,
  options: { runs?: number; warmup?: number; budgetMs?: number; minRuns?: number } = {},
): Promise<Sample> {
  const { runs = 30, warmup = 3, budgetMs = 20_000, minRuns = 3 } = options;
  for (let index = 0; index < warmup; index++) await task();
  const values: number[] = [];
  const started = performance.now();
  while (values.length < runs) {
    const begin = performance.now();
    await task();
    values.push(performance.now() - begin);
    if (values.length >= minRuns && performance.now() - started > budgetMs) break;
  }
  return summarize(values);
}

export const ms = (value: number) =>
  Number.isNaN(value) ? '–' : value >= 100 ? `${Math.round(value)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`;

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A plain text table with the columns padded to their widest cell; numbers-looking cells right-aligned. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const numeric = (value: string) => /^[-+~≤≥<>]?\s?[\d.,]+\s?(ms|KB|MB|s|%|×|x)?$/.test(value);
  const line = (row: string[]) =>
    row.map((cell, column) => (numeric(cell) && column > 0 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ');
  return [line(cells[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `Node ${process.version}, ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM`;
}
