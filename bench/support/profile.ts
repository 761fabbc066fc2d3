// Where the time goes: V8's sampling profiler in this process (node:inspector), summed by function and
// by origin (a source file of the app, an npm package, PGlite's WebAssembly, Node itself, GC).
import { Session } from 'node:inspector/promises';
import path from 'node:path';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export type Hotspot = { name: string; selfMs: number; share: number };
export type ProfileSummary = { totalMs: number; spots: Hotspot[]; origins: Hotspot[] };

/** Start V8's sampling profiler in this process; the returned function stops it and sums the self time. */
export async function startProfile(intervalMicros = 500): Promise<(top?: number) => Promise<ProfileSummary>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalMicros });
  await session.post('Profiler.start');
  return async (top = 8) => {
    const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
    session.disconnect();
    return summarizeProfile(profile, top);
  };
}

/** Run `task` under the CPU profiler (sampling every `intervalMicros`) and sum the self time. */
export async function hotspots(task: () => Promise<unknown> | unknown, top = 8, intervalMicros = 500): Promise<ProfileSummary> {
  const stop = await startProfile(intervalMicros);
  let failure: unknown = null;
  try {
    await task();
  } catch (error) {
    failure = error;
  }
  const summary = await stop(top);
  if (failure) throw failure;
  return summary;
}

function originOf(url: string, functionName: string): string {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (url.startsWith('wasm://')) return 'PGlite: PostgreSQL in WebAssembly';
  if (url.startsWith('node:') || (!url && functionName !== '')) return 'Node.js internals and builtins';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    const name = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    return name === '@electric-sql/pglite' ? 'PGlite: JavaScript side (protocol, row parsing)' : `npm ${name}`;
  }
  const src = url.indexOf('/src/');
  return src >= 0 ? url.slice(src + 1).split('?')[0]! : path.basename(url.split('?')[0]!) || '(other)';
}

function summarizeProfile(profile: Profile, top: number): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const origins = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const frame = byId.get(id)?.callFrame;
    // Idle time, and the profiler's own work when it stops, are not the task's.
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)' || frame.url === 'node:inspector') return;
    total += delta;
    const file = frame.url ? path.basename(frame.url.split('?')[0]!) : '';
    const name = frame.url.startsWith('wasm://') ? 'PostgreSQL (WebAssembly)' : `${frame.functionName || '(anonymous)'}${file ? ` (${file})` : ''}`;
    self.set(name, (self.get(name) ?? 0) + delta);
    const origin = originOf(frame.url, frame.functionName);
    origins.set(origin, (origins.get(origin) ?? 0) + delta);
  });
  const list = (map: Map<string, number>, count: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => ({ name, selfMs: micros / 1000, share: total > 0 ? micros / total : 0 }));
  return { totalMs: total / 1000, spots: list(self, top), origins: list(origins, 6) };
}

export function formatHotspots(spots: Hotspot[], indent = '  '): string {
  return spots
    .map((spot) => `${indent}${(spot.share * 100).toFixed(1).padStart(5)} %  ${spot.selfMs.toFixed(0).padStart(7)} ms  ${spot.name}`)
    .join('\n');
}
