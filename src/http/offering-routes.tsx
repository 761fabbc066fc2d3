import { Hono } from 'hono';
import { parseShortlistQuery } from './shortlist-query.ts';
import { z } from 'zod';
import { NotFoundError } from '../app/errors.ts';
import { getOfferingPage } from '../app/get-offering-page.ts';
import type { RangeRepository } from '../app/ports.ts';
import { OfferingPage } from '../web/pages/offering-page.tsx';

export type OfferingRouteDeps = { range: RangeRepository; now: () => Date };

/** A slug ('nabo') or a UUID; anything else cannot name an offering. */
const slugOrIdSchema = z.string().max(100).regex(/^[a-z0-9][a-z0-9-]*$/i);

const notFound = () =>
  new NotFoundError(
    'Vi kan ikke finde det tilbud, du leder efter. Måske er adressen skrevet forkert, eller stedet har fået et nyt navn. Du kan se alle tilbud på forsiden.',
  );

/** The public page of one offering at /tilbud/{slug}; its id answers with a permanent redirect to the slug. */
export function offeringRoutes({ range, now }: OfferingRouteDeps) {
  const app = new Hono();
  app.get('/tilbud/:slugOrId', async (c) => {
    const parsed = slugOrIdSchema.safeParse(c.req.param('slugOrId'));
    if (!parsed.success) throw notFound();
    const page = await getOfferingPage({ range, slugOrId: parsed.data, now: now() });
    if (!page) throw notFound();
    if (parsed.data !== page.offering.slug) {
      const query = new URL(c.req.url).search;
      return c.redirect(`/tilbud/${encodeURIComponent(page.offering.slug)}${query}`, 301);
    }
    return c.html(<OfferingPage page={page} shortlist={parseShortlistQuery(c.req.queries()).slugs} />);
  });
  return app;
}
