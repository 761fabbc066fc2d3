import {
  type Appropriation,
  type BudgetEffect,
  type BudgetLine,
  type BudgetTransfer,
  budgetEffect,
  checkTransfer,
  type Grant,
  type GrantWarning,
  grantWarnings,
  type TransferInput,
  type TransferProblem,
  transferChanges,
} from '../domain/planning/budget.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { AuditEntry } from './audit.ts';

/** What the budget pages need from storage (ADR 032). */
export type BudgetStore = {
  appropriations(): Promise<Appropriation[]>;
  lines(): Promise<BudgetLine[]>;
  transfers(): Promise<BudgetTransfer[]>;
  grants(): Promise<Grant[]>;
  /** The transfer and its audit entry in one transaction; returns its id. */
  addTransfer(transfer: Omit<BudgetTransfer, 'id' | 'seedRefs'>, by: { id: string; name: string }, audit: AuditEntry): Promise<string>;
};

export type BudgetOverview = {
  today: string;
  appropriations: Appropriation[];
  lines: BudgetLine[];
  transfers: BudgetTransfer[];
  /** The transfers' effect per appropriation over the years the lines and transfers span (at most ten years shown). */
  effect: BudgetEffect;
  warnings: GrantWarning[];
  grants: Grant[];
};

export async function getBudgetOverview(store: BudgetStore, now: Date): Promise<BudgetOverview> {
  const today = copenhagenDate(now);
  const [appropriations, lines, transfers, grants] = await Promise.all([store.appropriations(), store.lines(), store.transfers(), store.grants()]);
  const first = Math.min(...lines.map((line) => line.year), ...transfers.map((item) => item.firstYear), Number(today.slice(0, 4)));
  const last = Math.max(...lines.map((line) => line.year), ...transfers.map((item) => item.lastYear ?? item.firstYear), Number(today.slice(0, 4)));
  const years = Array.from({ length: Math.min(10, last - first + 1) }, (_, index) => first + index);
  return {
    today,
    appropriations,
    lines,
    transfers,
    effect: budgetEffect(transfers.flatMap(transferChanges), years),
    warnings: grantWarnings(grants, today),
    grants,
  };
}

/** A transfer from the back office's form: checked (it must balance), stored with its audit entry. */
export async function addBudgetTransfer(
  store: BudgetStore,
  input: TransferInput,
  by: { id: string; name: string },
  context: { now: Date; source: string | null },
): Promise<{ saved: string; problems: [] } | { saved: null; problems: TransferProblem[] }> {
  const checked = checkTransfer(input, await store.appropriations());
  if (!checked.transfer) return { saved: null, problems: checked.problems };
  const { transfer } = checked;
  const id = await store.addTransfer(transfer, by, {
    at: context.now,
    actorId: by.id,
    actorName: by.name,
    action: 'budget.transfer',
    resourceType: 'budget_transfer',
    resourceId: null,
    summary: `Overførte ${transfer.amountThousandDkk} (1.000 kr.) om året fra bevilling ${transfer.from} til ${transfer.to} fra ${transfer.firstYear}${transfer.lastYear === null ? ', varigt' : ` til ${transfer.lastYear}`}.`,
    detail: { ...transfer },
    source: context.source,
  });
  return { saved: id, problems: [] };
}
