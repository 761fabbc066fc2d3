import type { AuditEntry } from './audit.ts';
import type { OfferingScope } from '../domain/access/policy.ts';
import type { StatusEvent } from '../domain/status.ts';
import type { StatusChange } from '../domain/status-change.ts';

/**
 * Staff keep an offering's own texts and contact details current. A form carries the version it was
 * read at; saving over someone else's newer save is refused with both versions shown, so neither is lost.
 * Every save is written to the audit log with the values before and after, which is also what "undo"
 * puts back.
 */

export const editableFields = ['description', 'firstVisit', 'whoMeetsYou', 'email', 'phone', 'url'] as const;
export type EditableField = (typeof editableFields)[number];
export type OfferingTexts = Record<EditableField, string>;

export type OfferingForEdit = OfferingScope & {
  slug: string;
  name: string;
  version: number;
  updatedAt: Date;
  texts: OfferingTexts;
  /** The operator's edits wait for the centre's approval (ADR 012). */
  operatorNeedsReview: boolean;
};

/** A change an operator's editor proposed, waiting for (or given) the centre's decision. */
export type ProposedChange = {
  id: string;
  offering: { id: string; slug: string; name: string };
  texts: OfferingTexts;
  /** The texts the proposal was written against. */
  baseTexts: OfferingTexts;
  baseVersion: number;
  proposedBy: { id: string; name: string };
  createdAt: Date;
  status: 'pending' | 'approved' | 'rejected';
  decidedByName: string | null;
  decidedAt: Date | null;
  reason: string | null;
};

/** One saved change of an offering's texts, from the audit log: the history a record can be restored from. */
export type SavedChange = { auditId: string; at: Date; actorName: string; summary: string; before: OfferingTexts; after: OfferingTexts };

export type OfferingListItem = OfferingScope & { slug: string; name: string; updatedAt: Date };

export type SaveOutcome =
  | { status: 'saved'; version: number; auditId: string }
  | { status: 'conflict'; current: OfferingForEdit }
  | { status: 'unchanged' }
  | { status: 'not_found' };

export type BackOfficeStore = {
  /** Every offering with what the access rules need to know (its parents, operator and centre). */
  offeringList(): Promise<OfferingListItem[]>;
  offeringForEdit(slug: string): Promise<OfferingForEdit | null>;
  /**
   * Write the texts if the offering is still at `expectedVersion`, and the audit entry, in one
   * transaction; otherwise change nothing and return the offering as it is now.
   */
  saveTexts(
    id: string,
    expectedVersion: number,
    texts: OfferingTexts,
    audit: (before: OfferingTexts, version: number) => AuditEntry,
  ): Promise<SaveOutcome>;
  /** Record a proposed change (and its audit entry); the offering itself is not changed. */
  propose(
    change: { offeringId: string; baseVersion: number; baseTexts: OfferingTexts; texts: OfferingTexts; by: { id: string; name: string } },
    audit: AuditEntry,
  ): Promise<string>;
  proposals(filter: { offeringId?: string; status?: ProposedChange['status'] }): Promise<(ProposedChange & { scope: OfferingScope })[]>;
  proposal(id: string): Promise<(ProposedChange & { scope: OfferingScope }) | null>;
  /**
   * Approve (apply the proposed texts on top of the offering as it is now, as a new version) or reject,
   * with the audit entries, in one transaction. 'decided' when someone decided first.
   */
  decide(
    id: string,
    decision: { status: 'approved' | 'rejected'; by: { id: string; name: string }; reason: string | null; at: Date },
    audit: (before: OfferingTexts | null) => AuditEntry[],
  ): Promise<'done' | 'decided' | 'not_found'>;
  /** The saved changes of an offering's texts, newest first. */
  history(offeringId: string): Promise<SavedChange[]>;
  /** The offering's status events, the seeds' and those recorded on the platform, oldest first. */
  statusEvents(offeringId: string): Promise<RecordedStatusEvent[]>;
  /** Add a status change and its audit entry in one transaction. */
  addStatusEvent(offeringId: string, change: StatusChange, recordedOn: string, audit: AuditEntry): Promise<void>;
  /** Remove a status change recorded on the platform (never one from the sources); false when there is none. */
  removeStatusEvent(offeringId: string, eventId: string, audit: (event: RecordedStatusEvent) => AuditEntry): Promise<boolean>;
  /** The audit entry of a save (for undo), if it is one. */
  savedChange(auditId: string): Promise<{ offeringId: string; before: OfferingTexts; after: OfferingTexts; version: number } | null>;
};

/**
 * The texts a proposal leads to on top of the offering as it is now: the fields the proposer changed,
 * and everything else as it is, so a change someone made meanwhile to another field is kept.
 */
export function applyProposal(current: OfferingTexts, proposal: { baseTexts: OfferingTexts; texts: OfferingTexts }): OfferingTexts {
  const result = { ...current };
  for (const field of changedFields(proposal.baseTexts, proposal.texts)) result[field] = proposal.texts[field];
  return result;
}

export type RecordedStatusEvent = StatusEvent & {
  id: string;
  relatedOfferingName: string | null;
  /** From the source documents (seeded); these stay, and only what staff recorded can be removed. */
  fromSources: boolean;
};

/** The fields that differ between two versions of the texts. */
export function changedFields(before: OfferingTexts, after: OfferingTexts): EditableField[] {
  return editableFields.filter((field) => before[field] !== after[field]);
}

export const fieldLabels: Record<EditableField, string> = {
  description: 'Beskrivelse',
  firstVisit: 'Første gang du kommer',
  whoMeetsYou: 'Hvem møder dig',
  email: 'E-mail',
  phone: 'Telefon',
  url: 'Hjemmeside',
};
