import type { AuditEntry } from './audit.ts';

/** What the correction use cases need from storage (ADR 014). */

export type CorrectionTask = {
  id: string;
  offeringId: string;
  text: string;
  /** The citizen's email, if they gave one; deleted when the task is closed. */
  contactEmail: string | null;
  createdAt: Date;
  status: 'open' | 'closed';
  closedAt: Date | null;
  closedByName: string | null;
  resolutionNote: string | null;
};

export type CorrectionStore = {
  /** The offering a public form names, with who answers for it, or null. */
  offeringBySlug(slug: string): Promise<{ id: string; slug: string; name: string; ownerName: string | null } | null>;
  /** Save a new task and its audit entry in one transaction; returns its id. */
  create(task: { offeringId: string; text: string; contactEmail: string | null; createdAt: Date }, audit: (id: string) => AuditEntry): Promise<string>;
  /** The open tasks, and those closed since the date. */
  tasks(closedSince: Date): Promise<CorrectionTask[]>;
  task(id: string): Promise<CorrectionTask | null>;
  /** Close an open task: the note kept, the email deleted, the audit entry written, in one transaction. */
  close(id: string, closing: { by: string; at: Date; note: string }, audit: AuditEntry): Promise<'closed' | 'already_closed' | 'not_found'>;
};
