import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import { Hono } from 'hono';
import { compressResponses } from './compression.ts';
import { loadStaticAssets, serveStaticAssets } from './static-assets.ts';

const assets = loadStaticAssets();
const app = new Hono();
app.use('*', compressResponses());
app.use('*', serveStaticAssets(assets));
app.notFound((c) => c.text('Siden findes ikke', 404));

describe('static files', () => {
  it('links each file by a hashed address that is cached for a year', async () => {
    const href = assets.href('/static/site.css');
    assert.match(href, /^\/static\/site\.[0-9a-f]{10}\.css$/);
    const response = await app.request(href);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(response.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.equal(await response.text(), fs.readFileSync(new URL('../web/static/site.css', import.meta.url), 'utf8'));
  });

  it('still answers the plain address, to be checked again each time, with 304 when unchanged', async () => {
    const response = await app.request('/static/finder.js');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    const etag = response.headers.get('etag');
    assert.ok(etag);
    const again = await app.request('/static/finder.js', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
  });

  it('sends CSS and scripts compressed once with Brotli or gzip, fonts as they are', async () => {
    const href = assets.href('/static/dkfds/dkfds.css');
    const plain = await (await app.request(href)).text();
    const brotli = await app.request(href, { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(brotli.headers.get('content-encoding'), 'br');
    assert.match(brotli.headers.get('vary') ?? '', /Accept-Encoding/);
    const body = Buffer.from(await brotli.arrayBuffer());
    assert.ok(body.length < plain.length / 4, `${body.length} of ${plain.length} bytes`);
    assert.equal(zlib.brotliDecompressSync(body).toString(), plain);
    const gzipped = await app.request(href, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(zlib.gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString(), plain);
    const font = await app.request(assets.href('/static/dkfds/fonts/TilbudsvifteSans-Regular.woff2'), { headers: { 'accept-encoding': 'br' } });
    assert.equal(font.headers.get('content-type'), 'font/woff2');
    assert.equal(font.headers.get('content-encoding'), null);
  });

  it('points the stylesheet’s fonts and icons at hashed addresses that are served', async () => {
    const css = await (await app.request(assets.href('/static/dkfds/dkfds.css'))).text();
    const urls = [...css.matchAll(/url\(([^)]+)\)/g)].map((match) => match[1]!);
    assert.ok(urls.some((url) => url.includes('/static/dkfds/fonts/TilbudsvifteSans-Regular.')));
    assert.ok(urls.some((url) => url.includes('/dkfds/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-Regular.')), 'the complete font for other letters');
    for (const url of new Set(urls)) {
      assert.match(url, /\.[0-9a-f]{10}\.\w+$/, url);
      assert.equal((await app.request(url)).status, 200, url);
    }
  });

  it('serves nothing else from the dkfds package, and no path outside the folder', async () => {
    assert.equal((await app.request('/dkfds/css/dkfds.min.css')).status, 404);
    assert.equal((await app.request('/static/../package.json')).status, 404);
    assert.equal((await app.request('/static/findes-ikke.css')).status, 404);
    assert.throws(() => assets.href('/static/findes-ikke.css'), /no static file/);
  });
});
