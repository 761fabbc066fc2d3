import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import type { Database } from '../../src/db/database.ts';
import { createTestApp, type TestAppOptions, testNow } from './app.ts';
import { createTestDatabase } from './database.ts';

// CHROMIUM_PATH is for trying another build, or a missing one to see the tests skip.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function isChromiumAvailable(): boolean {
  return existsSync(chromiumPath);
}

/** Skips the test, with the install command, on a machine without Chromium. Returns true when skipped. */
export function skipWithoutChromium(t: TestContext): boolean {
  if (isChromiumAvailable()) return false;
  t.skip('Chromium mangler: apt-get install -y chromium');
  return true;
}

export type RunningTestServer = { origin: string; database: Database; close(): Promise<void> };

/** The real app with a seeded test database, listening on 127.0.0.1 on a free port. */
export async function startTestServer(options: TestAppOptions = {}): Promise<RunningTestServer> {
  const database = await createTestDatabase();
  let app = createTestApp(database, testNow, options);
  const server = await new Promise<Server>((resolve, reject) => {
    const instance = serve({ fetch: (request) => app.fetch(request), port: 0, hostname: '127.0.0.1' }, () => resolve(instance as Server));
    instance.once('error', reject);
  }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  // With single sign-on the provider sends the browser back to BASE_URL, which must then be this server.
  if (options.singleSignOn) app = createTestApp(database, testNow, { ...options, baseUrl: `http://127.0.0.1:${port}` });
  return {
    origin: `http://127.0.0.1:${port}`,
    database,
    close: async () => {
      // Chromium keeps connections alive; without this, close() waits for them to time out.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

export type BrowserHarness = { origin: string; database: Database; browser: Browser; close(): Promise<void> };

/** The app and one Chromium for a whole test file. */
export async function startBrowserHarness(options: TestAppOptions = {}): Promise<BrowserHarness> {
  const server = await startTestServer(options);
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  return {
    origin: server.origin,
    database: server.database,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  return new URL(url).hostname === '127.0.0.1';
}

/**
 * Runs `use` with a fresh page in its own browser context. Every request that does not go to
 * 127.0.0.1 is blocked, and the run fails afterwards if there was any noise: a console error, an
 * uncaught page error, a blocked or failed request, or an error status on anything but the page itself
 * (the test checks the page's own status).
 */
export async function withPage<T>(
  harness: BrowserHarness,
  options: BrowserContextOptions,
  use: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await harness.browser.newContext(options);
  const noise: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    noise.push(`blokeret kald ud af huset: ${url}`);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const pageErrorUrls = new Set<string>();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs the page's own error status (a 404 page) as a console error; the test checks that status.
    if (message.text().startsWith('Failed to load resource') && pageErrorUrls.has(message.location().url)) return;
    noise.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => noise.push(`sidefejl: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A font or stylesheet still loading when the test clicks on to the next page is cancelled by the
    // browser (net::ERR_ABORTED); that is navigation, not a fault of the page.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    if (isLocal(request.url())) noise.push(`fejlet kald: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    const request = response.request();
    const isThePage = request.isNavigationRequest() && request.frame() === page.mainFrame();
    if (response.status() < 400) return;
    if (isThePage) pageErrorUrls.add(response.url());
    else noise.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  try {
    const result = await use(page);
    if (noise.length > 0) throw new Error(`Støj i browseren:\n${noise.join('\n')}`);
    return result;
  } finally {
    await context.close();
  }
}

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** Where a screenshot goes: test-results/ at the project root (gitignored). */
export function screenshotPath(name: string): string {
  mkdirSync(resultsDir, { recursive: true });
  return `${resultsDir}${name}.png`;
}
