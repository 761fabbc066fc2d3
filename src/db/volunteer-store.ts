import type { Kysely } from 'kysely';
import type { Volunteer, VolunteerStore } from '../app/run-volunteers.ts';
import { audited, auditRow } from './access-store.ts';
import type { DB } from './schema.ts';

/** Volunteers in `volunteer` and `volunteer_assignment` (migration 0021, ADR 033). */
export function createVolunteerStore(db: Kysely<DB>): VolunteerStore {
  const load = async (offeringId: string, id?: string): Promise<Volunteer[]> => {
    let query = db.selectFrom('volunteer').selectAll().where('offering_id', '=', offeringId).where('anonymised_at', 'is', null);
    if (id) query = query.where('id', '=', id);
    const rows = await query.orderBy('created_at').orderBy('id').execute();
    const ids = rows.map((row) => row.id);
    const assignments = ids.length ? await db.selectFrom('volunteer_assignment').selectAll().where('volunteer_id', 'in', ids).orderBy('starts_on').execute() : [];
    return rows.map((row) => ({
      id: row.id,
      name: row.display_name,
      contact: row.contact,
      interests: row.interests,
      cameThrough: row.came_through,
      screening: row.screening,
      trainedOn: row.trained_on ? String(row.trained_on) : null,
      insuranceConfirmedOn: row.insurance_confirmed_on ? String(row.insurance_confirmed_on) : null,
      agreement: row.agreement,
      deleteAfter: String(row.delete_after),
      version: row.version,
      anonymised: row.anonymised_at !== null,
      assignments: assignments.filter((item) => item.volunteer_id === row.id).map((item) => ({ id: item.id, role: item.role, hoursPerWeek: item.hours_per_week, startsOn: String(item.starts_on) })),
    }));
  };
  return {
    volunteersOf: (offeringId) => load(offeringId),
    async volunteer(offeringId, id) {
      return (await load(offeringId, id))[0] ?? null;
    },
    async add(volunteer, audit) {
      await audited(db, audit, async (trx) => {
        await trx
          .insertInto('volunteer')
          .values({
            id: volunteer.id,
            offering_id: volunteer.offeringId,
            display_name: volunteer.name,
            contact: volunteer.contact,
            interests: volunteer.interests,
            area: volunteer.area,
            languages: volunteer.languages,
            came_through: volunteer.cameThrough,
            purpose: volunteer.purpose,
            delete_after: volunteer.deleteAfter,
            created_at: volunteer.createdAt,
          })
          .execute();
      });
    },
    async saveStatus(offeringId, id, baseVersion, status, audit) {
      return db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('volunteer').select(['version']).where('id', '=', id).where('offering_id', '=', offeringId).where('anonymised_at', 'is', null).forUpdate().executeTakeFirst();
        if (!current) return 'not_found';
        if (current.version !== baseVersion) return 'stale';
        await trx
          .updateTable('volunteer')
          .set({
            screening: status.screening,
            ...(status.screenedAt ? { screened_at: status.screenedAt } : {}),
            trained_on: status.trainedOn,
            insurance_confirmed_on: status.insuranceOn,
            agreement: status.agreement,
            delete_after: status.deleteAfter,
            version: current.version + 1,
          })
          .where('id', '=', id)
          .execute();
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'saved';
      });
    },
    async assign(offeringId, id, assignment, allowed, audit) {
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('volunteer').select(['screening', 'insurance_confirmed_on', 'anonymised_at']).where('id', '=', id).where('offering_id', '=', offeringId).forUpdate().executeTakeFirst();
        if (!row) return { kind: 'not_found' as const };
        const refusal = allowed({ screening: row.screening, insuranceConfirmedOn: row.insurance_confirmed_on ? String(row.insurance_confirmed_on) : null, anonymised: row.anonymised_at !== null });
        if (refusal) return { kind: 'refused' as const, message: refusal };
        await trx
          .insertInto('volunteer_assignment')
          .values({ id: assignment.id, volunteer_id: id, role: assignment.role, hours_per_week: assignment.hoursPerWeek, starts_on: assignment.startsOn, created_at: assignment.at })
          .execute();
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return { kind: 'assigned' as const };
      });
    },
    async anonymiseDue(today, at) {
      return db.transaction().execute(async (trx) => {
        const rows = await trx
          .updateTable('volunteer')
          .set({ display_name: null, contact: null, interests: null, agreement: null, anonymised_at: at })
          .where('anonymised_at', 'is', null)
          .where('delete_after', '<', today)
          .returning('id')
          .execute();
        if (rows.length) {
          await trx
            .insertInto('audit_entry')
            .values(auditRow({ at, actorId: null, actorName: 'Tilbudsvifte', action: 'volunteer.retention', resourceType: 'volunteer', resourceId: null, summary: `${rows.length} frivillige er anonymiseret, fordi tiden er gået.`, source: null }))
            .execute();
        }
        return rows.length;
      });
    },
  };
}
