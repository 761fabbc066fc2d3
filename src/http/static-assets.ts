import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MiddlewareHandler } from 'hono';
import { chooseEncoding, compress, type Encoding, isCompressible, varyOnEncoding } from './compression.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const staticDir = path.join(root, 'src/web/static');
const dkfdsDist = path.join(root, 'node_modules/dkfds/dist');

const contentTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

type Asset = {
  body: Buffer;
  contentType: string;
  /** The address with the content's hash in its name, cached for a year. */
  hashedPath: string;
  /** Weak: the same for the compressed and the plain bytes, which mean the same file. */
  etag: string;
  /** Compressed once, on the first request that accepts each encoding. */
  encoded: Map<Encoding, Promise<Buffer>>;
};

export type StaticAssets = {
  /** The hashed address of a file, from its plain one ('/static/site.css' -> '/static/site.1a2b3c4d.css'). */
  href(plainPath: string): string;
  find(requestPath: string): { asset: Asset; isHashed: boolean } | undefined;
};

function withHash(plainPath: string, body: Buffer): string {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const extension = path.extname(plainPath);
  return `${plainPath.slice(0, -extension.length)}.${hash}${extension}`;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

/**
 * Everything under src/web/static at /static/…, and the DKFDS files the stylesheets point at (icons, the
 * complete fonts) at /dkfds/…, read once. Stylesheets are served with their url()s turned into hashed
 * addresses, so a changed icon or font changes the stylesheet's address too.
 */
export function loadStaticAssets(): StaticAssets {
  const byPlainPath = new Map<string, Asset>();
  const byHashedPath = new Map<string, Asset>();
  const add = (plainPath: string, body: Buffer) => {
    const contentType = contentTypes[path.extname(plainPath)];
    if (!contentType) throw new Error(`No content type for static file ${plainPath}`);
    const hashedPath = withHash(plainPath, body);
    const asset: Asset = { body, contentType, hashedPath, etag: `W/"${path.basename(hashedPath)}"`, encoded: new Map() };
    byPlainPath.set(plainPath, asset);
    byHashedPath.set(hashedPath, asset);
    return asset;
  };
  const load = (plainPath: string): Asset => {
    const known = byPlainPath.get(plainPath);
    if (known) return known;
    if (plainPath.startsWith('/dkfds/')) {
      const file = path.join(dkfdsDist, plainPath.slice('/dkfds/'.length));
      if (!file.startsWith(`${dkfdsDist}${path.sep}`) || !fs.existsSync(file)) throw new Error(`A stylesheet points at ${plainPath}, which dkfds does not have.`);
      return add(plainPath, fs.readFileSync(file));
    }
    throw new Error(`A stylesheet points at ${plainPath}, which is not a static file.`);
  };
  const files = filesUnder(staticDir).map((file) => ({ plainPath: `/static/${path.relative(staticDir, file).split(path.sep).join('/')}`, file }));
  for (const { plainPath, file } of files.filter((item) => !item.file.endsWith('.css'))) add(plainPath, fs.readFileSync(file));
  for (const { plainPath, file } of files.filter((item) => item.file.endsWith('.css'))) {
    const css = fs
      .readFileSync(file, 'utf8')
      .replace(/url\((\/(?:static|dkfds)\/[^)"']+)\)/g, (_match, target: string) => `url(${load(target).hashedPath})`);
    add(plainPath, Buffer.from(css));
  }
  return {
    href(plainPath) {
      const asset = byPlainPath.get(plainPath);
      if (!asset) throw new Error(`There is no static file ${plainPath}.`);
      return asset.hashedPath;
    },
    find(requestPath) {
      const hashed = byHashedPath.get(requestPath);
      if (hashed) return { asset: hashed, isHashed: true };
      const plain = byPlainPath.get(requestPath);
      return plain ? { asset: plain, isHashed: false } : undefined;
    },
  };
}

let loaded: StaticAssets | undefined;

/** The site's static files, read on first use. */
export function staticAssets(): StaticAssets {
  loaded ??= loadStaticAssets();
  return loaded;
}

/** The address a page links a static file with: hashed, so the browser may keep it for a year. */
export function assetHref(plainPath: string): string {
  return staticAssets().href(plainPath);
}

/**
 * Serves the static files from memory. A hashed address never changes content, so it is cached for a
 * year; the plain address (old links, hand-typed) is revalidated each time. CSS, scripts and SVG go out
 * compressed with Brotli or gzip, as the client accepts.
 */
export function serveStaticAssets(assets: StaticAssets = staticAssets()): MiddlewareHandler {
  return async (c, next) => {
    const found = c.req.method === 'GET' || c.req.method === 'HEAD' ? assets.find(c.req.path) : undefined;
    if (!found) return next();
    const { asset, isHashed } = found;
    const headers = new Headers({
      'content-type': asset.contentType,
      'cache-control': isHashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag: asset.etag,
    });
    const compressible = isCompressible(asset.contentType);
    if (compressible) varyOnEncoding(headers);
    if (c.req.header('if-none-match')?.split(/\s*,\s*/).includes(asset.etag)) return new Response(null, { status: 304, headers });
    const encoding = compressible ? chooseEncoding(c.req.header('accept-encoding')) : null;
    let body = asset.body;
    if (encoding) {
      let encoded = asset.encoded.get(encoding);
      if (!encoded) {
        encoded = compress(asset.body, encoding, 'best');
        asset.encoded.set(encoding, encoded);
      }
      const smaller = await encoded;
      if (smaller.byteLength < body.byteLength) {
        body = smaller;
        headers.set('content-encoding', encoding);
      }
    }
    headers.set('content-length', String(body.byteLength));
    return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
