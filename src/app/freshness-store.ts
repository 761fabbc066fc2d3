import type { AuditEntry } from './audit.ts';
import type { Grant, OfferingScope } from '../domain/access/policy.ts';
import type { FreshnessRecord, FreshnessState } from '../domain/freshness.ts';
import type { StatusEvent } from '../domain/status.ts';

/**
 * What the freshness use cases need from storage (ADR 014): each offering's verification facts with
 * what the access rules need to know, the verification itself, and the reminders already queued.
 */

export type FreshnessItem = OfferingScope & {
  slug: string;
  name: string;
  version: number;
  centreName: string | null;
  operatorName: string | null;
  record: FreshnessRecord;
  /** Its status events, so a closed place (kept as history) is not asked to be verified. */
  events: StatusEvent[];
};

export type ReminderStage = Exclude<FreshnessState, 'fresh'>;

export type Reminder = { offeringId: string; cycleStart: Date; stage: ReminderStage; recipients: number };

export type Mail = { recipient: string; subject: string; body: string; createdAt: Date };

export type FreshnessStore = {
  /** Every offering with its freshness facts. */
  items(): Promise<FreshnessItem[]>;
  /** One offering's facts for its pages, with the name of the person who verified it last. */
  recordOf(offeringId: string): Promise<{ record: FreshnessRecord; verifiedByName: string | null } | null>;
  /**
   * Mark the offering verified now if its texts are still at `expectedVersion`, with the audit entry,
   * in one transaction.
   */
  verify(offeringId: string, expectedVersion: number, entry: AuditEntry): Promise<'verified' | 'conflict' | 'not_found'>;
  /** Accounts that are not disabled, with their grants: who a reminder can go to. */
  activeAccounts(): Promise<{ id: string; name: string; email: string; grants: Grant[] }[]>;
  /**
   * Record the reminders that were not recorded before, and queue the mails made from those, in one
   * transaction; returns the new ones. Running it again with the same reminders queues nothing.
   */
  recordReminders(reminders: Reminder[], at: Date, mailsFor: (fresh: Reminder[]) => Mail[]): Promise<{ reminders: Reminder[]; mails: number }>;
};
