import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { AppError } from '../app/errors.ts';
import { localeOfPath, messages } from '../web/i18n/index.ts';
import { ErrorPage } from '../web/pages/error-page.tsx';

/**
 * The one place errors become responses: a JSON problem (RFC 9457) under /api, a plain page elsewhere, in
 * the language of the address (English under /en, Danish elsewhere and in the API). Nothing internal is
 * shown; unexpected errors are logged with the request id.
 */
export function respondToError(error: unknown, c: Context, logger: Logger) {
  const t = messages[c.req.path.startsWith('/api/') ? 'da' : localeOfPath(c.req.path)].errors;
  let status = 500;
  let title = t.serverTitle;
  let detail = t.serverDetail;
  let parameter: string | undefined;
  if (error instanceof AppError) {
    status = error.status;
    title = status === 404 ? t.notFound : status === 403 ? t.forbidden : status === 400 ? t.badRequest : title;
    if (status < 500) detail = error.message;
    if ('parameter' in error && typeof error.parameter === 'string') parameter = error.parameter;
    if (error.isReportable) logger.error({ err: error, path: c.req.path }, 'request failed');
  } else if (error instanceof HTTPException && error.status < 500) {
    status = error.status;
    title = t.badRequest;
    detail = error.message || t.unreadable;
  } else {
    logger.error({ err: error, path: c.req.path }, 'request failed');
  }
  return problemResponse(c, status, title, detail, parameter);
}

export function problemResponse(c: Context, status: number, title: string, detail: string, parameter?: string) {
  if (c.req.path.startsWith('/api/')) {
    c.header('access-control-allow-origin', '*');
    return c.body(
      JSON.stringify({ type: 'about:blank', title, status, detail, ...(parameter ? { parameter } : {}) }),
      status as 400,
      { 'content-type': 'application/problem+json; charset=utf-8' },
    );
  }
  return c.html(<ErrorPage title={title} detail={detail} locale={localeOfPath(c.req.path)} />, status as 400);
}
