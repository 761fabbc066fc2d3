import type { Context } from 'hono';
import { Hono } from 'hono';
import { getShortlist } from '../app/get-shortlist.ts';
import type { RangeRepository } from '../app/ports.ts';
import { copenhagenDate } from '../domain/time.ts';
import { ShortlistPage } from '../web/pages/shortlist-page.tsx';
import { ShortlistPrintPage } from '../web/pages/shortlist-print-page.tsx';
import { hrefIn, type Locale } from '../web/i18n/index.ts';
import { pageLanguage } from './page-language.ts';
import { parseShortlistQuery, shortlistHref, shortlistNotices } from './shortlist-query.ts';

export type ShortlistRouteDeps = { range: RangeRepository; now: () => Date; baseUrl: string };

/**
 * The link is the list: nothing is stored, so a shared cache must not keep a page with someone's note, and
 * search engines have no business with it.
 */
function keepPrivate(c: Context) {
  c.header('cache-control', 'private, no-store');
  c.header('x-robots-tag', 'noindex, nofollow');
}

/** /liste and its print view /liste/udskriv; a link that cannot be read is never an error page. */
export function shortlistRoutes({ range, now, baseUrl }: ShortlistRouteDeps, locale: Locale = 'da') {
  const app = new Hono();
  app.get('/liste', async (c) => {
    const query = parseShortlistQuery(c.req.queries());
    const list = await getShortlist({ range, slugs: query.slugs, date: copenhagenDate(now()) });
    const note = query.note.kind === 'note' ? query.note.text : null;
    keepPrivate(c);
    return c.html(
      <ShortlistPage
        list={list}
        query={query}
        notices={shortlistNotices(query.dropped, locale)}
        shareUrl={`${baseUrl}${hrefIn(locale, shortlistHref(query.slugs, note))}`}
        {...pageLanguage(c, locale)}
      />,
    );
  });
  app.get('/liste/udskriv', async (c) => {
    const query = parseShortlistQuery(c.req.queries());
    const list = await getShortlist({ range, slugs: query.slugs, date: copenhagenDate(now()) });
    keepPrivate(c);
    // The QR code leads to the live list without the note: the note is on the paper, not in the code.
    return c.html(
      <ShortlistPrintPage
        list={list}
        query={query}
        notices={shortlistNotices(query.dropped, locale)}
        liveUrl={`${baseUrl}${hrefIn(locale, shortlistHref(query.slugs))}`}
        {...pageLanguage(c, locale)}
      />,
    );
  });
  return app;
}
