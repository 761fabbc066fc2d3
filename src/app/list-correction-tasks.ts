import { can, type OfferingScope, type Principal } from '../domain/access/policy.ts';
import type { CorrectionStore, CorrectionTask } from './correction-store.ts';

export type TaskWithOffering = CorrectionTask & { offering: OfferingScope & { slug: string; name: string } };

/** How long closed tasks stay on the list. */
export const closedTasksShownDays = 30;

/**
 * The corrections that reach the person: those on offerings their grants let them read corrections
 * for (staff, operator editors and centre leads of that offering; system administrators all). Open
 * first, oldest first; then the ones closed in the last 30 days, newest first.
 */
export async function listCorrectionTasks(options: {
  store: CorrectionStore;
  offerings: () => Promise<(OfferingScope & { slug: string; name: string })[]>;
  principal: Principal;
  now: Date;
}): Promise<{ open: TaskWithOffering[]; closed: TaskWithOffering[] }> {
  const [tasks, offerings] = await Promise.all([
    options.store.tasks(new Date(options.now.getTime() - closedTasksShownDays * 86_400_000)),
    options.offerings(),
  ]);
  const byId = new Map(offerings.map((offering) => [offering.id, offering]));
  const visible = tasks
    .map((task) => ({ ...task, offering: byId.get(task.offeringId)! }))
    .filter((task) => task.offering && can(options.principal, 'correction.read', task.offering));
  return {
    open: visible.filter((task) => task.status === 'open').sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    closed: visible
      .filter((task) => task.status === 'closed')
      .sort((a, b) => (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0)),
  };
}
