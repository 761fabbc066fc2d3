import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which of the back office bar's sections the signed-in person may open, for the request being answered. The
 * session middleware decides it once from the person's grants (`http/admin/guard.ts`), so every page's bar shows
 * only links that lead somewhere for them, without each of the pages passing it on.
 */
export type AdminNav = { planning: boolean; gloria: boolean };

const current = new AsyncLocalStorage<AdminNav>();

export function withAdminNav<T>(nav: AdminNav, work: () => T): T {
  return current.run(nav, work);
}

/** The bar's sections for this request; outside one (a page rendered on its own), only what everyone may open. */
export function adminNav(): AdminNav {
  return current.getStore() ?? { planning: false, gloria: false };
}
