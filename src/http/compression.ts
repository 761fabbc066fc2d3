import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

export type Encoding = 'br' | 'gzip';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Below this a compressed body is hardly smaller, and the header costs as much as it saves. */
const threshold = 1024;

/** HTML, CSS, scripts, JSON (HSDS, GeoJSON, problems), iCalendar, SVG: text that shrinks. Fonts and images do not. */
export function isCompressible(contentType: string | null | undefined): boolean {
  return /^(text\/|application\/([\w.-]+\+)?(json|javascript|xml)\b|image\/svg\+xml)/i.test(contentType ?? '');
}

/**
 * The encoding to answer with for an Accept-Encoding header: Brotli where it is accepted, else gzip, else
 * none. A q of 0 refuses an encoding; `*` stands for any not named.
 */
export function chooseEncoding(acceptEncoding: string | null | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weightOf = (encoding: Encoding) => weights.get(encoding) ?? weights.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).filter((encoding) => weightOf(encoding) > 0).sort((a, b) => weightOf(b) - weightOf(a))[0];
  return best ?? null;
}

/** Adds Accept-Encoding to Vary: the answer depends on it, so a shared cache must keep one copy per encoding. */
export function varyOnEncoding(headers: Headers) {
  const vary = headers.get('vary');
  if (vary === '*' || (vary && /(^|,)\s*accept-encoding\s*(,|$)/i.test(vary))) return;
  headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

/**
 * `quality` 5 for what is made per request: Brotli at 5 takes about as long as gzip at 6 and makes a page
 * a few per cent smaller; 11 is for what is compressed once (static files).
 */
export function compress(body: Uint8Array, encoding: Encoding, quality: 'fast' | 'best'): Promise<Buffer> {
  if (encoding === 'gzip') return gzip(body, { level: quality === 'best' ? 9 : 6 });
  return brotli(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: quality === 'best' ? 11 : 5,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    },
  });
}

/**
 * Compresses pages, API answers and feeds as they leave, with what the client accepts. Responses that are
 * already encoded (the static files, compressed once) pass untouched.
 */
export function compressResponses(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const response = c.res;
    if (!response.body || response.headers.has('content-encoding') || c.req.method === 'HEAD') return;
    if (response.status === 204 || response.status === 206 || response.status === 304) return;
    if (!isCompressible(response.headers.get('content-type'))) return;
    if (/(^|,)\s*no-transform\s*(,|$)/i.test(response.headers.get('cache-control') ?? '')) return;
    const headers = new Headers(response.headers);
    varyOnEncoding(headers);
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    const body = new Uint8Array(await response.arrayBuffer());
    let sent = body;
    if (encoding && body.byteLength >= threshold) {
      sent = new Uint8Array(await compress(body, encoding, 'fast'));
      headers.set('content-encoding', encoding);
      const etag = headers.get('etag');
      if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
    }
    headers.set('content-length', String(sent.byteLength));
    // Cleared first: Hono would otherwise copy the old response's headers over the new ones.
    c.res = undefined;
    c.res = new Response(sent, { status: response.status, statusText: response.statusText, headers });
  };
}
