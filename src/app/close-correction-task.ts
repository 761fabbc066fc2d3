import type { Principal } from '../domain/access/policy.ts';
import { correctionLimits } from '../domain/correction.ts';
import type { CorrectionStore, CorrectionTask } from './correction-store.ts';

export type CloseOutcome = 'closed' | 'already_closed' | 'not_found' | { problem: string };

/**
 * Close a task with a note on what was done. Closing deletes the citizen's email (it was kept only to
 * answer this task) and is audited ('correction.close').
 */
export async function closeCorrectionTask(options: {
  store: CorrectionStore;
  now: Date;
  task: CorrectionTask;
  offeringName: string;
  note: string;
  principal: Principal;
  source: string | null;
}): Promise<CloseOutcome> {
  const note = options.note.trim();
  if (!note) return { problem: 'Skriv kort, hvad I har gjort, fx »Rettet telefonnummeret« eller »Oplysningerne var rigtige«.' };
  if (note.length > correctionLimits.maxNote) return { problem: `Noten må højst have ${correctionLimits.maxNote} tegn. Den har ${note.length}.` };
  return options.store.close(
    options.task.id,
    { by: options.principal.accountId, at: options.now, note },
    {
      at: options.now,
      actorId: options.principal.accountId,
      actorName: options.principal.name,
      action: 'correction.close',
      resourceType: 'correction_task',
      resourceId: options.task.id,
      summary: `Lukkede en rettelse til ${options.offeringName}${options.task.contactEmail ? '; borgerens e-mail er slettet' : ''}`,
      detail: { offeringId: options.task.offeringId, note },
      source: options.source,
    },
  );
}
