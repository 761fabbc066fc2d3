import type { MiddlewareHandler } from 'hono';

/**
 * Strict headers on every response: a content security policy without inline scripts or styles (the
 * pages load their scripts and styles from this site only), no framing, no sniffing, and HSTS when the
 * site is served over https. Map tiles, when configured, are the one other origin allowed (images).
 */
export function securityHeaders(options: { baseUrl: string; mapTileUrl?: string | undefined }): MiddlewareHandler {
  const tileOrigin = options.mapTileUrl ? new URL(options.mapTileUrl.replace(/\{[xyzs]\}/g, '0')).origin : '';
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data:${tileOrigin ? ` ${tileOrigin}` : ''}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const https = options.baseUrl.startsWith('https://');
  return async (c, next) => {
    await next();
    c.header('content-security-policy', policy);
    c.header('x-content-type-options', 'nosniff');
    c.header('x-frame-options', 'DENY');
    c.header('referrer-policy', c.res.headers.get('referrer-policy') ?? 'same-origin');
    c.header('cross-origin-opener-policy', 'same-origin');
    c.header('permissions-policy', 'geolocation=(self), camera=(), microphone=()');
    if (https) c.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  };
}

/**
 * Forms are only accepted from this site's own pages: a POST whose browser says it came from another
 * site (Sec-Fetch-Site, or Origin where that is missing) is refused before any handler runs.
 */
export function sameOriginForms(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS') {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      const own = new URL(c.req.url).origin;
      const foreign = site ? site === 'cross-site' || site === 'same-site' : origin !== undefined && origin !== 'null' && origin !== own;
      if (foreign) {
        return c.text('Formularen kom fra en anden hjemmeside, så vi har ikke taget imod den. Intet er gemt.', 403);
      }
    }
    await next();
  };
}
