/**
 * Page weight of the first visit to the finder (`/`, the Copenhagen seed, the normal app as `npm start`
 * runs it): every byte Chromium transfers for the HTML and each subresource it loads (stylesheets,
 * fonts referenced from CSS, scripts, icons, images), as the server sends them (compressed or not),
 * with JavaScript apart. Targets: ≤ 50 KB in total and ≤ 15 KB of JavaScript when the map is not opened.
 * The baseline, loaded in the same browser in the same run, is the bare Hono page of bench/cold-start.ts.
 * Next to each resource: what gzip (level 6) and Brotli (quality 11) would make of it, computed here; and
 * per type of resource, what went over the wire (compressed as sent) against what it unpacks to.
 * Then Lighthouse (mobile, performance and accessibility; target ≥ 95 and 100) a few times against the same
 * server, each run bounded in time; LIGHTHOUSE_RUNS=0 leaves it out, and it is skipped with the reason when
 * Lighthouse cannot be had (it is fetched by npm exec on first use, not a dependency).
 *
 *   npm run bench:weight
 *   LIGHTHOUSE_RUNS=5 npm run bench:weight
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { chromiumPath, isChromiumAvailable, launchChromium } from '../test/support/browser.ts';
import { startServer } from './support/app-server.ts';
import { type LighthouseRun, lighthouseVersion, runLighthouse } from './support/lighthouse.ts';
import { kb, machine, ms, percentile, table } from './support/measure.ts';

const totalTarget = 50 * 1024;
const scriptTarget = 15 * 1024;
const lighthouseRuns = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

type Resource = {
  url: string;
  type: string;
  status: number;
  encoding: string;
  headerBytes: number;
  bodyBytes: number;
  decodedBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  body: Buffer;
};

const compressible = new Set(['document', 'stylesheet', 'script', 'fetch', 'xhr', 'manifest']);

/** Load `url` in a fresh mobile context (empty cache) and record every response it took. */
async function firstVisit(browser: Browser, url: string): Promise<{ resources: Resource[]; acceptEncoding: string }> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
    locale: 'da-DK',
  });
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  const resources: Resource[] = [];
  let acceptEncoding = '';
  page.on('requestfinished', (request) =>
    pending.push(
      (async () => {
        const response = await request.response();
        if (!response) return;
        const sizes = await request.sizes();
        const body = await response.body().catch(() => Buffer.alloc(0));
        const headers = await response.allHeaders();
        if (request.isNavigationRequest()) acceptEncoding = (await request.allHeaders())['accept-encoding'] ?? '';
        const isSvg = (headers['content-type'] ?? '').includes('svg');
        const squeeze = compressible.has(request.resourceType()) || isSvg;
        resources.push({
          url: request.url(),
          type: isSvg ? 'image (svg)' : request.resourceType(),
          status: response.status(),
          encoding: headers['content-encoding'] ?? 'none',
          headerBytes: sizes.responseHeadersSize,
          bodyBytes: sizes.responseBodySize,
          decodedBytes: body.length,
          gzipBytes: squeeze ? zlib.gzipSync(body, { level: 6 }).length : sizes.responseBodySize,
          brotliBytes: squeeze
            ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length
            : sizes.responseBodySize,
          body,
        });
      })(),
    ),
  );
  page.on('requestfailed', (request) => console.log(`  failed: ${request.url()} (${request.failure()?.errorText})`));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  await context.close();
  return { resources, acceptEncoding };
}

/**
 * What opening the map in place costs: `/?naer=2300` loaded first (not counted), then every response from
 * the click on "Se stederne på et kort" until the map is drawn.
 */
async function mapOpening(browser: Browser, origin: string): Promise<{ count: number; bytes: number; scriptBytes: number; types: string[] }> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, locale: 'da-DK' });
  const page = await context.newPage();
  await page.goto(`${origin}/?naer=2300`, { waitUntil: 'networkidle' });
  const pending: Promise<{ bytes: number; type: string }>[] = [];
  page.on('requestfinished', (request) =>
    pending.push(request.sizes().then((sizes) => ({ bytes: sizes.responseHeadersSize + sizes.responseBodySize, type: request.resourceType() }))),
  );
  await page.getByRole('link', { name: 'Se stederne på et kort' }).click();
  await page.locator('#finder-map .range-map-svg').waitFor();
  await page.waitForLoadState('networkidle');
  const responses = await Promise.all(pending);
  await context.close();
  return {
    count: responses.length,
    bytes: responses.reduce((total, item) => total + item.bytes, 0),
    scriptBytes: responses.filter((item) => item.type === 'script').reduce((total, item) => total + item.bytes, 0),
    types: responses.map((item) => item.type),
  };
}

const sum = (items: Resource[], key: 'headerBytes' | 'bodyBytes' | 'decodedBytes' | 'gzipBytes' | 'brotliBytes') =>
  items.reduce((total, item) => total + item[key], 0);
const transferred = (items: Resource[]) => sum(items, 'headerBytes') + sum(items, 'bodyBytes');

if (!isChromiumAvailable()) {
  console.log('Chromium is missing (apt-get install -y chromium): page weight not measured.');
  process.exit(0);
}

console.log(`Page weight, first visit to / — ${machine()}, Chromium (playwright-core), mobile viewport 412×823, empty cache`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilbudsvifte-weight-'));
const browser = await launchChromium();
let app: Awaited<ReturnType<typeof firstVisit>>;
let baseline: Awaited<ReturnType<typeof firstVisit>>;
let lighthouse: Awaited<ReturnType<typeof runLighthouse>> = { runs: [], stopped: 'LIGHTHOUSE_RUNS=0' };
let map: Awaited<ReturnType<typeof mapOpening>>;
try {
  const bare = await startServer({}, { script: 'bench/support/bare-server.ts', readyPath: '/' });
  try {
    baseline = await firstVisit(browser, `${bare.origin}/`);
  } finally {
    await bare.stop();
  }
  const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' }, { readyPath: '/' });
  try {
    app = await firstVisit(browser, `${server.origin}/`);
    map = await mapOpening(browser, server.origin);
    await browser.close();
    if (lighthouseRuns > 0) {
      console.log(`Lighthouse ${lighthouseVersion}, ${lighthouseRuns} runs …`);
      lighthouse = await runLighthouse(`${server.origin}/`, { runs: lighthouseRuns, chromiumPath });
    }
  } finally {
    await server.stop();
  }
} finally {
  await browser.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const name = (url: string) => {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`.replace(/^\/dkfds\/fonts\/IBMPlexSans\/[^/]+\/[^/]+\//, '/dkfds/fonts/…/');
};
const rows = app.resources
  .sort((a, b) => b.bodyBytes - a.bodyBytes)
  .map((item) => [
    name(item.url),
    item.type,
    String(item.status),
    item.encoding,
    kb(item.headerBytes + item.bodyBytes),
    kb(item.decodedBytes),
    kb(item.gzipBytes),
    kb(item.brotliBytes),
  ]);
const scripts = app.resources.filter((item) => item.type === 'script');
rows.push(['total', '', '', '', kb(transferred(app.resources)), kb(sum(app.resources, 'decodedBytes')), kb(sum(app.resources, 'gzipBytes')), kb(sum(app.resources, 'brotliBytes'))]);
console.log(table(['resource', 'type', 'status', 'encoding', 'transferred', 'decoded', 'gzip -6', 'br -11'], rows));
console.log(
  `\nThe server compresses: ${app.resources.some((item) => item.encoding !== 'none') ? 'yes' : 'no'} ` +
    `(Chromium asked with Accept-Encoding: ${app.acceptEncoding || '?'}). "transferred" is headers + body as sent; gzip/br are what they would be.`,
);

const byType = new Map<string, Resource[]>();
for (const item of app.resources) byType.set(item.type, [...(byType.get(item.type) ?? []), item]);
console.log(
  `\n${table(
    ['type', 'files', 'transferred', 'of which headers', 'decoded', 'encodings'],
    [...byType]
      .sort(([, a], [, b]) => transferred(b) - transferred(a))
      .map(([type, items]) => [
        type,
        `${items.length} ×`,
        kb(transferred(items)),
        kb(sum(items, 'headerBytes')),
        kb(sum(items, 'decodedBytes')),
        [...new Set(items.map((item) => item.encoding))].join(', '),
      ]),
  )}`,
);

const total = transferred(app.resources);
const js = transferred(scripts);
const headers = sum(app.resources, 'headerBytes');
const estimate = (key: 'gzipBytes' | 'brotliBytes', items: Resource[]) => sum(items, key) + sum(items, 'headerBytes');
console.log(
  `\n${table(
    ['figure', 'measured', 'if gzip', 'if br', 'target', 'met'],
    [
      ['baseline: bare Hono page, total transferred', kb(transferred(baseline.resources)), '', '', '', ''],
      [`finder /, total transferred (${app.resources.length} responses)`, kb(total), kb(estimate('gzipBytes', app.resources)), kb(estimate('brotliBytes', app.resources)), '≤ 50 KB', total <= totalTarget ? 'yes' : 'no'],
      [`finder /, JavaScript (${scripts.length} files)`, kb(js), kb(estimate('gzipBytes', scripts)), kb(estimate('brotliBytes', scripts)), '≤ 15 KB', js <= scriptTarget ? 'yes' : 'no'],
      ['  of which response headers', kb(headers), '', '', '', ''],
      [`opening the map in place on /?naer=2300 (${map.count} responses: ${map.types.join(', ')})`, kb(map.bytes), '', '', '', ''],
      ['  of which JavaScript', kb(map.scriptBytes), '', '', '', ''],
    ],
  )}`,
);

// What the HTML and CSS reference, next to what Chromium actually fetched (fonts load only when used).
const html = app.resources.find((item) => item.type === 'document')?.body.toString('utf8') ?? '';
const referenced = [...html.matchAll(/<(link|script|img)\b([^>]*)>/g)].flatMap((match) => {
  const url = /\b(?:href|src)="([^"]+)"/.exec(match[2]!)?.[1];
  const rel = /\brel="([^"]+)"/.exec(match[2]!)?.[1];
  return url ? [`${url}${rel && rel !== 'stylesheet' ? ` (rel=${rel})` : ''}`] : [];
});
const css = app.resources.filter((item) => item.type === 'stylesheet');
const fontUrls = new Set(
  css.flatMap((sheet) =>
    [...sheet.body.toString('utf8').matchAll(/@font-face\{[^}]*\}/g)].flatMap((face) =>
      [...face[0].matchAll(/url\(([^)]+)\)/g)].map((match) => new URL(match[1]!.replace(/["']/g, ''), sheet.url).pathname),
    ),
  ),
);
const fetchedFonts = app.resources.filter((item) => item.type === 'font');
console.log(
  `\nThe HTML references ${referenced.length} URLs (${referenced.join(', ')}); the stylesheets' @font-face rules name ${fontUrls.size} font files, ` +
    `of which Chromium fetched ${fetchedFonts.length}: ${fetchedFonts.map((item) => `${path.basename(new URL(item.url).pathname)} ${kb(item.bodyBytes)}`).join(', ') || 'none'}.`,
);

const median = (runs: LighthouseRun[], pick: (run: LighthouseRun) => number) => percentile(runs.map(pick), 50);
if (lighthouse.runs.length > 0) {
  const { runs } = lighthouse;
  const range = (pick: (run: LighthouseRun) => number) => `${Math.min(...runs.map(pick))}–${Math.max(...runs.map(pick))}`;
  console.log(
    `\n${table(
      ['Lighthouse (mobile, simulated throttling)', 'median', 'range', 'target', 'met'],
      [
        [`performance (${runs.length} runs)`, median(runs, (run) => run.performance), range((run) => run.performance), '≥ 95', median(runs, (run) => run.performance) >= 95 ? 'yes' : 'no'],
        [`accessibility (${runs.length} runs)`, median(runs, (run) => run.accessibility), range((run) => run.accessibility), '100', runs.every((run) => run.accessibility === 100) ? 'yes' : 'no'],
        ['first contentful paint', ms(median(runs, (run) => run.metrics.fcp)), '', '', ''],
        ['largest contentful paint', ms(median(runs, (run) => run.metrics.lcp)), '', '', ''],
        ['total blocking time', ms(median(runs, (run) => run.metrics.tbt)), '', '', ''],
        ['speed index', ms(median(runs, (run) => run.metrics.speedIndex)), '', '', ''],
        ['cumulative layout shift', median(runs, (run) => run.metrics.cls).toFixed(3), '', '', ''],
      ],
    )}`,
  );
}
if (lighthouse.stopped) console.log(`\nLighthouse: ${lighthouse.runs.length > 0 ? 'stopped early' : 'not run'} (${lighthouse.stopped}).`);
