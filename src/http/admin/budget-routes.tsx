import { type Context, Hono } from 'hono';
import { addBudgetTransfer, getBudgetOverview } from '../../app/plan-budget.ts';
import { can, site } from '../../domain/access/policy.ts';
import type { TransferInput, TransferProblem } from '../../domain/planning/budget.ts';
import { AdminBudgetPage, emptyTransferForm } from '../../web/pages/budget-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sourceOf } from './guard.ts';

/** /admin/planlaegning/budget (ADR 032): 'budget.read' to see, 'budget.edit' to record a transfer. */
export function adminBudgetRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  const signedIn = requireSession();

  const page = async (c: Context<AdminEnv>, form: TransferInput, problems: TransferProblem[], saved: boolean, status: 200 | 400) => {
    const session = authorize(c, 'budget.read', site);
    const overview = await getBudgetOverview(deps.budget, deps.access.now());
    return c.html(
      <AdminBudgetPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        overview={overview}
        canEdit={can(session.principal, 'budget.edit', site)}
        form={form}
        problems={problems}
        saved={saved}
      />,
      status,
    );
  };

  app.get('/budget', signedIn, (c) => page(c, emptyTransferForm, [], c.req.query('gemt') === '1', 200));

  app.post('/budget/overfoersler', signedIn, async (c) => {
    const session = authorize(c, 'budget.edit', site);
    const body = await c.req.parseBody();
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, 2000) : '');
    const form: TransferInput = {
      from: text('fra'),
      to: text('til'),
      firstYear: text('foerste_aar'),
      lastYear: text('sidste_aar'),
      amountOut: text('tages'),
      amountIn: text('gives'),
      priceLevel: text('prisniveau'),
      reason: text('begrundelse'),
    };
    const result = await addBudgetTransfer(deps.budget, form, { id: session.principal.accountId, name: session.principal.name }, { now: deps.access.now(), source: sourceOf(c) });
    if (result.saved === null) return page(c, form, result.problems, false, 400);
    return c.redirect('/admin/planlaegning/budget?gemt=1', 303);
  });
  return app;
}
