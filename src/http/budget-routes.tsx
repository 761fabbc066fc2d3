import { Hono } from 'hono';
import { getBudgetOverview, type BudgetStore } from '../app/plan-budget.ts';
import type { Locale } from '../web/i18n/index.ts';
import { PublicBudgetPage } from '../web/pages/budget-pages.tsx';
import { pageLanguage } from './page-language.ts';

/** /planlaegning/budget: the budgets, read-only and public (ADR 032). */
export function budgetRoutes({ budget, now }: { budget: BudgetStore; now: () => Date }, locale: Locale = 'da') {
  const app = new Hono();
  app.get('/planlaegning/budget', async (c) => {
    const overview = await getBudgetOverview(budget, now());
    return c.html(<PublicBudgetPage overview={overview} {...pageLanguage(c, locale)} />);
  });
  return app;
}
