import type { Kysely } from 'kysely';
import type { FriendStore } from '../app/run-network-friends.ts';
import { audited, auditRow } from './access-store.ts';
import type { DB } from './schema.ts';

const day = (value: unknown) => (value === null || value === undefined ? null : String(value));

/** Network friends in `friend_request` and `friend_match` (migration 0021, ADR 033). */
export function createFriendStore(db: Kysely<DB>): FriendStore {
  return {
    async requestsOf(offeringId) {
      const requests = await db.selectFrom('friend_request').selectAll().where('offering_id', '=', offeringId).where('anonymised_at', 'is', null).orderBy('requested_on').orderBy('id').execute();
      const ids = requests.map((request) => request.id);
      const matches = ids.length
        ? await db
            .selectFrom('friend_match')
            .innerJoin('volunteer', 'volunteer.id', 'friend_match.volunteer_id')
            .select(['friend_match.id', 'friend_match.request_id', 'friend_match.volunteer_id', 'volunteer.display_name', 'friend_match.matched_on', 'friend_match.followup_1_on', 'friend_match.followup_3_on', 'friend_match.ended_on', 'friend_match.ended_by'])
            .where('friend_match.request_id', 'in', ids)
            .orderBy('friend_match.matched_on')
            .execute()
        : [];
      return requests.map((request) => ({
        id: request.id,
        name: request.display_name,
        contact: request.contact,
        interests: request.interests,
        area: request.area,
        languages: request.languages,
        requestedOn: String(request.requested_on),
        deleteAfter: String(request.delete_after),
        matches: matches
          .filter((match) => match.request_id === request.id)
          .map((match) => ({
            id: match.id,
            volunteerId: match.volunteer_id,
            volunteerName: match.display_name,
            matchedOn: String(match.matched_on),
            followUp1On: day(match.followup_1_on),
            followUp3On: day(match.followup_3_on),
            endedOn: day(match.ended_on),
            endedBy: match.ended_by,
          })),
      }));
    },
    async candidates(offeringId) {
      const rows = await db
        .selectFrom('volunteer')
        .select(['id', 'display_name', 'interests', 'area', 'languages', 'screening', 'insurance_confirmed_on', 'anonymised_at'])
        .where('offering_id', '=', offeringId)
        .where('anonymised_at', 'is', null)
        .orderBy('created_at')
        .execute();
      return rows.map((row) => ({ id: row.id, name: row.display_name, interests: row.interests, area: row.area, languages: row.languages, screening: row.screening, insuranceConfirmedOn: day(row.insurance_confirmed_on), anonymised: row.anonymised_at !== null }));
    },
    async addRequest(request, audit) {
      await audited(db, audit, async (trx) => {
        await trx
          .insertInto('friend_request')
          .values({
            id: request.id,
            offering_id: request.offeringId,
            display_name: request.name,
            contact: request.contact,
            interests: request.interests,
            area: request.area,
            languages: request.languages,
            requested_on: request.requestedOn,
            purpose: request.purpose,
            delete_after: request.deleteAfter,
          })
          .execute();
      });
    },
    async match(offeringId, requestId, volunteerId, on, refusal, audit) {
      return db.transaction().execute(async (trx) => {
        const request = await trx.selectFrom('friend_request').select('id').where('id', '=', requestId).where('offering_id', '=', offeringId).where('anonymised_at', 'is', null).forUpdate().executeTakeFirst();
        if (!request) return { kind: 'not_found' as const };
        const running = await trx.selectFrom('friend_match').select('id').where('request_id', '=', requestId).where('ended_on', 'is', null).executeTakeFirst();
        if (running) return { kind: 'refused' as const, message: 'Personen har allerede en netværksven. Afslut det venskab først, hvis der skal findes en ny.' };
        const volunteer = /^[0-9a-f-]{36}$/.test(volunteerId)
          ? await trx.selectFrom('volunteer').select(['id', 'interests', 'area', 'languages', 'screening', 'insurance_confirmed_on', 'anonymised_at']).where('id', '=', volunteerId).where('offering_id', '=', offeringId).forUpdate().executeTakeFirst()
          : undefined;
        const message = refusal(
          volunteer
            ? { id: volunteer.id, interests: volunteer.interests, area: volunteer.area, languages: volunteer.languages, screening: volunteer.screening, insuranceConfirmedOn: day(volunteer.insurance_confirmed_on), anonymised: volunteer.anonymised_at !== null }
            : null,
        );
        if (message) return { kind: 'refused' as const, message };
        await trx.insertInto('friend_match').values({ id: crypto.randomUUID(), request_id: requestId, volunteer_id: volunteerId, matched_on: on, user_consent_on: on, volunteer_consent_on: on }).execute();
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return { kind: 'matched' as const };
      });
    },
    async followUp(offeringId, matchId, which, on, audit) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('friend_match')
          .set(which === 1 ? { followup_1_on: on } : { followup_3_on: on })
          .where('id', '=', matchId)
          .where('request_id', 'in', trx.selectFrom('friend_request').select('id').where('offering_id', '=', offeringId))
          .returning('id')
          .executeTakeFirst();
        if (!updated) return 'not_found';
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'saved';
      });
    },
    async end(offeringId, matchId, by, on, audit) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('friend_match')
          .set({ ended_on: on, ended_by: by })
          .where('id', '=', matchId)
          .where('ended_on', 'is', null)
          .where('request_id', 'in', trx.selectFrom('friend_request').select('id').where('offering_id', '=', offeringId))
          .returning('id')
          .executeTakeFirst();
        if (!updated) return 'not_found';
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'ended';
      });
    },
    async anonymiseDue(today, at) {
      return db.transaction().execute(async (trx) => {
        const rows = await trx
          .updateTable('friend_request')
          .set({ display_name: null, contact: null, interests: null, area: null, languages: null, anonymised_at: at })
          .where('anonymised_at', 'is', null)
          .where('delete_after', '<', today)
          .returning('id')
          .execute();
        if (rows.length) {
          await trx
            .insertInto('audit_entry')
            .values(auditRow({ at, actorId: null, actorName: 'Tilbudsvifte', action: 'friend.retention', resourceType: 'friend_request', resourceId: null, summary: `${rows.length} ønsker om netværksven er anonymiseret, fordi tiden er gået.`, source: null }))
            .execute();
        }
        return rows.length;
      });
    },
  };
}
