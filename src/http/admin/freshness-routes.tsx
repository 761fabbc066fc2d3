import { Hono } from 'hono';
import { listDueOfferings } from '../../app/list-due-offerings.ts';
import { NotFoundError } from '../../app/errors.ts';
import { verifyOffering } from '../../app/verify-offering.ts';
import { site } from '../../domain/access/policy.ts';
import { DuePage } from '../../web/pages/admin/freshness-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, sourceOf } from './guard.ts';

/**
 * Freshness in the back office (ADR 014): the one-click verification and the overview of what is due.
 * Mounted inside the back office's routes, behind its session and CSRF check.
 */
export function freshnessRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();

  app.post('/tilbud/:slug/bekraeft', async (c) => {
    const slug = c.req.param('slug');
    const offering = /^[a-z0-9-]{1,120}$/.test(slug) ? await deps.backOffice.offeringForEdit(slug) : null;
    if (!offering) throw new NotFoundError('Tilbuddet findes ikke. Måske har det fået et nyt navn; se listen på forsiden.');
    const session = authorize(c, 'offering.verify', offering);
    const body = await c.req.parseBody();
    const version = Number(body.version);
    const outcome = Number.isInteger(version)
      ? await verifyOffering({
          store: deps.freshness,
          now: deps.access.now(),
          offering,
          version,
          principal: session.principal,
          source: sourceOf(c),
        })
      : 'conflict';
    if (outcome === 'not_found') throw new NotFoundError('Tilbuddet findes ikke længere.');
    return c.redirect(`/admin/tilbud/${offering.slug}?${outcome === 'verified' ? 'bekraeftet=1' : 'bekraeft=aendret'}`, 303);
  });

  app.get('/forfald', async (c) => {
    const session = authorize(c, 'admin.enter', site);
    const due = await listDueOfferings({ store: deps.freshness, now: deps.access.now(), principal: session.principal });
    return c.html(<DuePage signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }} due={due} />);
  });

  return app;
}
