import type { Kysely, Selectable } from 'kysely';
import type { LetterStore } from '../app/log-letters.ts';
import type { Letter } from '../domain/planning/correspondence.ts';
import { auditRow } from './access-store.ts';
import type { DB, PlanningLetterTable } from './schema.ts';

const dateText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

function letterOf(row: Selectable<PlanningLetterTable>): Letter {
  return {
    id: row.id,
    caseNumber: row.case_number,
    scenarioId: row.scenario_id,
    receivedOn: dateText(row.received_on),
    senderKind: row.sender_kind,
    subject: row.subject,
    summary: row.summary,
    senderName: row.sender_name,
    senderContact: row.sender_contact,
    reply: row.reply_text !== null && row.replied_on !== null ? { text: row.reply_text, on: dateText(row.replied_on) } : null,
    forgetOn: dateText(row.forget_on),
    version: row.version,
    registeredByName: row.registered_by_name,
    registeredAt: new Date(row.registered_at),
  };
}

/** The correspondence log in `planning_letter` (ADR 035): every write in one transaction with its audit entry. */
export function createLetterStore(db: Kysely<DB>): LetterStore {
  return {
    async list({ scenarioId }) {
      let query = db.selectFrom('planning_letter').selectAll().orderBy('received_on', 'desc').orderBy('case_number').orderBy('registered_at', 'desc');
      if (scenarioId !== undefined) query = query.where('scenario_id', '=', scenarioId);
      return (await query.execute()).map(letterOf);
    },
    async get(id) {
      if (!/^[0-9a-f-]{36}$/.test(id)) return null;
      const row = await db.selectFrom('planning_letter').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? letterOf(row) : null;
    },
    async add(letter, audit) {
      return db.transaction().execute(async (trx) => {
        // The unique index (case number, date, subject) decides a duplicate, also between two people at once.
        const inserted = await trx
          .insertInto('planning_letter')
          .values({
            id: letter.id,
            case_number: letter.caseNumber,
            scenario_id: letter.scenarioId,
            received_on: letter.receivedOn,
            sender_kind: letter.senderKind,
            subject: letter.subject,
            summary: letter.summary,
            sender_name: letter.senderName,
            sender_contact: letter.senderContact,
            reply_text: letter.reply?.text ?? null,
            replied_on: letter.reply?.on ?? null,
            forget_on: letter.forgetOn,
            registered_by_name: letter.registeredByName,
            registered_at: letter.registeredAt,
            updated_at: letter.registeredAt,
          })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return 'duplicate' as const;
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'added' as const;
      });
    },
    async reply(id, reply, forgetOn, baseVersion, audit) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('planning_letter')
          .set((eb) => ({ reply_text: reply.text, replied_on: reply.on, forget_on: forgetOn, version: eb('version', '+', 1), updated_at: audit.at }))
          .where('id', '=', id)
          .where('version', '=', baseVersion)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) return 'stale' as const;
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'saved' as const;
      });
    },
    async forgetSenders(today, at) {
      return db.transaction().execute(async (trx) => {
        const rows = await trx
          .updateTable('planning_letter')
          .set({ sender_name: null, sender_contact: null })
          .where('forget_on', '<=', today)
          .where((eb) => eb.or([eb('sender_name', 'is not', null), eb('sender_contact', 'is not', null)]))
          .returning('id')
          .execute();
        if (rows.length) {
          const summary = `Navn og kontakt på afsenderen af ${rows.length} ${rows.length === 1 ? 'brev' : 'breve'} er slettet, fordi tiden er gået.`;
          await trx.insertInto('audit_entry').values(auditRow({ at, actorId: null, actorName: 'Tilbudsvifte', action: 'letter.retention', resourceType: 'planning_letter', resourceId: null, summary, source: null })).execute();
        }
        return rows.length;
      });
    },
  };
}
