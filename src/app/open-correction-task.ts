import type { Principal } from '../domain/access/policy.ts';
import type { AuditLog } from './audit.ts';
import type { CorrectionTask } from './correction-store.ts';

/**
 * Show a task to someone allowed to read it. A task that still holds the citizen's email is personal
 * data, so every read of it is written to the audit log ('correction.read').
 */
export async function openCorrectionTask(options: {
  audit: AuditLog;
  now: Date;
  task: CorrectionTask;
  offeringName: string;
  principal: Principal;
  source: string | null;
}): Promise<CorrectionTask> {
  if (options.task.contactEmail) {
    await options.audit.append({
      at: options.now,
      actorId: options.principal.accountId,
      actorName: options.principal.name,
      action: 'correction.read',
      resourceType: 'correction_task',
      resourceId: options.task.id,
      summary: `Læste en rettelse til ${options.offeringName} med borgerens e-mail`,
      source: options.source,
    });
  }
  return options.task;
}
