import type { AuditEntry } from './audit.ts';
import type { OfferingScope } from '../domain/access/policy.ts';

/**
 * Staff keep an offering's own texts and contact details current. A form carries the version it was
 * read at; saving over someone else's newer save is refused with both versions shown, so neither is lost.
 * Every save is written to the audit log with the values before and after, which is also what "undo"
 * puts back.
 */

export const editableFields = ['description', 'firstVisit', 'whoMeetsYou', 'email', 'phone', 'url'] as const;
export type EditableField = (typeof editableFields)[number];
export type OfferingTexts = Record<EditableField, string>;

export type OfferingForEdit = OfferingScope & { slug: string; name: string; version: number; updatedAt: Date; texts: OfferingTexts };

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
  /** The audit entry of a save (for undo), if it is one. */
  savedChange(auditId: string): Promise<{ offeringId: string; before: OfferingTexts; after: OfferingTexts; version: number } | null>;
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
