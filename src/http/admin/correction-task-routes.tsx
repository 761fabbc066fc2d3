import { type Context, Hono } from 'hono';
import { closeCorrectionTask } from '../../app/close-correction-task.ts';
import type { CorrectionTask } from '../../app/correction-store.ts';
import { NotFoundError } from '../../app/errors.ts';
import { listCorrectionTasks } from '../../app/list-correction-tasks.ts';
import { openCorrectionTask } from '../../app/open-correction-task.ts';
import { can, policies, site } from '../../domain/access/policy.ts';
import { correctionLimits } from '../../domain/correction.ts';
import { CorrectionTaskPage, CorrectionTasksPage } from '../../web/pages/admin/correction-task-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, sourceOf } from './guard.ts';

/**
 * Corrections from the public pages as tasks (ADR 014): the list, one task (a read of personal data
 * while it holds an email) and closing it. Mounted inside the back office's routes, behind its session
 * and CSRF check.
 */
export function correctionTaskRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();

  app.get('/opgaver', async (c) => {
    const session = authorize(c, 'admin.enter', site);
    const { open, closed } = await listCorrectionTasks({
      store: deps.corrections,
      offerings: deps.backOffice.offeringList,
      principal: session.principal,
      now: deps.access.now(),
    });
    const mayRead = session.principal.grants.some((grant) => policies['correction.read'].includes(grant.role));
    return c.html(
      <CorrectionTasksPage signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }} open={open} closed={closed} mayRead={mayRead} />,
    );
  });

  const load = async (id: string) => {
    const task = await deps.corrections.task(id);
    const offering = task ? (await deps.backOffice.offeringList()).find((item) => item.id === task.offeringId) : undefined;
    if (!task || !offering) throw new NotFoundError('Rettelsen findes ikke. Måske er tilbuddet slettet; se listen over rettelser.');
    return { task, offering };
  };

  const page = async (
    c: Context<AdminEnv>,
    loaded: Awaited<ReturnType<typeof load>>,
    state: { task: CorrectionTask; note: string; problem: string | null; justClosed: boolean; closedByOther: boolean },
    status: 200 | 400 | 409,
  ) => {
    const session = authorize(c, 'correction.read', loaded.offering);
    const task = await openCorrectionTask({
      audit: deps.audit,
      now: deps.access.now(),
      task: state.task,
      offeringName: loaded.offering.name,
      principal: session.principal,
      source: sourceOf(c),
    });
    return c.html(
      <CorrectionTaskPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        task={task}
        offering={loaded.offering}
        canClose={can(session.principal, 'correction.close', loaded.offering)}
        canEdit={can(session.principal, 'offering.edit', loaded.offering)}
        note={state.note}
        problem={state.problem}
        justClosed={state.justClosed}
        closedByOther={state.closedByOther}
      />,
      status,
    );
  };

  app.get('/opgaver/:id', async (c) => {
    const loaded = await load(c.req.param('id'));
    return page(c, loaded, { task: loaded.task, note: '', problem: null, justClosed: c.req.query('lukket') === '1', closedByOther: false }, 200);
  });

  app.post('/opgaver/:id', async (c) => {
    const loaded = await load(c.req.param('id'));
    const session = authorize(c, 'correction.close', loaded.offering);
    const body = await c.req.parseBody();
    const note = typeof body.note === 'string' ? body.note.slice(0, correctionLimits.maxNote * 5) : '';
    const outcome = await closeCorrectionTask({
      store: deps.corrections,
      now: deps.access.now(),
      task: loaded.task,
      offeringName: loaded.offering.name,
      note,
      principal: session.principal,
      source: sourceOf(c),
    });
    if (outcome === 'not_found') throw new NotFoundError('Rettelsen findes ikke længere.');
    if (outcome === 'closed') return c.redirect(`/admin/opgaver/${loaded.task.id}?lukket=1`, 303);
    if (outcome === 'already_closed') {
      const current = (await deps.corrections.task(loaded.task.id)) ?? loaded.task;
      return page(c, loaded, { task: current, note, problem: null, justClosed: false, closedByOther: true }, 409);
    }
    return page(c, loaded, { task: loaded.task, note, problem: outcome.problem, justClosed: false, closedByOther: false }, 400);
  });

  return app;
}
