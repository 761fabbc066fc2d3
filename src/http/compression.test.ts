import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import { Hono } from 'hono';
import { chooseEncoding, compressResponses, isCompressible } from './compression.ts';

const page = `<!doctype html><p>${'Værested på Nørrebro. '.repeat(200)}</p>`;

function app() {
  const hono = new Hono();
  hono.use('*', compressResponses());
  hono.get('/', (c) => c.html(page));
  hono.get('/small', (c) => c.text('ok'));
  hono.get('/json', (c) => c.json({ items: Array.from({ length: 100 }, (_, index) => ({ index, name: 'Kompasset' })) }));
  hono.get('/font', (c) => c.body(new Uint8Array(4096), 200, { 'content-type': 'font/woff2' }));
  return hono;
}

describe('compression', () => {
  it('chooses Brotli, then gzip, and respects q=0 and *', () => {
    assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(chooseEncoding('gzip, deflate'), 'gzip');
    assert.equal(chooseEncoding('br;q=0, gzip'), 'gzip');
    assert.equal(chooseEncoding('br;q=0.5, gzip;q=0.8'), 'gzip');
    assert.equal(chooseEncoding('*'), 'br');
    assert.equal(chooseEncoding('identity'), null);
    assert.equal(chooseEncoding(''), null);
    assert.equal(chooseEncoding(undefined), null);
  });

  it('knows text from binary', () => {
    for (const type of ['text/html; charset=UTF-8', 'application/json', 'application/geo+json', 'application/problem+json', 'text/calendar', 'image/svg+xml', 'text/javascript'])
      assert.equal(isCompressible(type), true, type);
    for (const type of ['font/woff2', 'image/png', 'application/octet-stream', '']) assert.equal(isCompressible(type), false, type);
  });

  it('sends a page with Brotli to a browser that accepts it, and says the answer varies with Accept-Encoding', async () => {
    const response = await app().request('/', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(response.headers.get('content-encoding'), 'br');
    assert.match(response.headers.get('vary') ?? '', /Accept-Encoding/);
    const body = Buffer.from(await response.arrayBuffer());
    assert.ok(body.length < page.length / 10, `compressed to ${body.length} bytes`);
    assert.equal(zlib.brotliDecompressSync(body).toString(), page);
    assert.equal(Number(response.headers.get('content-length')), body.length);
  });

  it('falls back to gzip, and to plain text for a client that asks for neither', async () => {
    const gzipped = await app().request('/json', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzipped.headers.get('content-encoding'), 'gzip');
    assert.equal(JSON.parse(zlib.gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString()).items.length, 100);
    const plain = await app().request('/');
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.match(plain.headers.get('vary') ?? '', /Accept-Encoding/);
    assert.equal(await plain.text(), page);
  });

  it('leaves small answers and fonts as they are', async () => {
    const small = await app().request('/small', { headers: { 'accept-encoding': 'br' } });
    assert.equal(small.headers.get('content-encoding'), null);
    assert.equal(await small.text(), 'ok');
    const font = await app().request('/font', { headers: { 'accept-encoding': 'br' } });
    assert.equal(font.headers.get('content-encoding'), null);
    assert.equal((await font.arrayBuffer()).byteLength, 4096);
  });
});
