/**
 * The audit log: every change, and every read of personal data, with who, when, what and from where.
 * Entries are only appended; the system administrator searches them.
 */

export type AuditEntry = {
  at: Date;
  /** Null for someone not signed in (a failed sign-in, a public correction) or the system itself. */
  actorId: string | null;
  actorName: string;
  /** A stable word for the action: 'session.sign_in', 'offering.edit', … */
  action: string;
  resourceType: string;
  resourceId: string | null;
  /** One sentence in Danish, shown in the log. */
  summary: string;
  detail?: Record<string, unknown>;
  /** The address the request came from. */
  source: string | null;
};

export type StoredAuditEntry = AuditEntry & { id: string; detail: Record<string, unknown> };

export type AuditQuery = { text?: string | undefined; action?: string | undefined; from?: Date | undefined; to?: Date | undefined; limit: number; offset: number };

export type AuditLog = {
  append(entry: AuditEntry): Promise<void>;
  search(query: AuditQuery): Promise<{ entries: StoredAuditEntry[]; total: number }>;
};
