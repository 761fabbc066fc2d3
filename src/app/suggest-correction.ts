import { type CorrectionProblem, correctionProblems } from '../domain/correction.ts';
import type { CorrectionStore } from './correction-store.ts';

/**
 * A correction suggested on a public page becomes a task for those who answer for the offering. Only
 * what was written and, if given, an email are kept; the audit entry says a task was made, never the
 * email or the sender's address.
 */
export async function suggestCorrection(options: {
  store: CorrectionStore;
  now: Date;
  offering: { id: string; name: string };
  text: string;
  email: string;
}): Promise<{ status: 'saved'; id: string } | { status: 'invalid'; problems: CorrectionProblem[] }> {
  const text = options.text.trim();
  const email = options.email.trim();
  const problems = correctionProblems({ text, email });
  if (problems.length) return { status: 'invalid', problems };
  const id = await options.store.create(
    { offeringId: options.offering.id, text, contactEmail: email || null, createdAt: options.now },
    (taskId) => ({
      at: options.now,
      actorId: null,
      actorName: 'Borger (ikke logget ind)',
      action: 'correction.create',
      resourceType: 'correction_task',
      resourceId: taskId,
      summary: `Forslag til rettelse af ${options.offering.name}`,
      detail: { offeringId: options.offering.id, hasContactEmail: Boolean(email) },
      source: null,
    }),
  );
  return { status: 'saved', id };
}
