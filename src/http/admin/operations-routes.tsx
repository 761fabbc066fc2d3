import { Hono } from 'hono';
import { site } from '../../domain/access/policy.ts';
import { OperationsPage } from '../../web/pages/admin/operations-page.tsx';
import { type AdminDeps, type AdminEnv, authorize } from './guard.ts';

/**
 * /admin/drift: the outbox's state and the background jobs for the system administrator (ADR 020).
 * Mounted inside the back office's routes, behind its session check. No mail's body or recipient is read.
 */
export function operationsRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  app.get('/drift', async (c) => {
    const session = authorize(c, 'operations.read', site);
    const now = deps.access.now();
    const [outbox, jobs] = await Promise.all([deps.operations.outbox.summary(50), deps.operations.jobs.states(now)]);
    return c.html(
      <OperationsPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        mail={deps.operations.mail}
        outbox={outbox}
        jobs={jobs.map((job) => ({ ...job, label: deps.operations.jobLabels[job.name] ?? job.name }))}
      />,
    );
  });
  return app;
}
