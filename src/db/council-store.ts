import { type Kysely, sql } from 'kysely';
import type { Council, CouncilMeeting, CouncilMember, CouncilStore, CouncilWhole } from '../app/run-councils.ts';
import { audited, auditRow } from './access-store.ts';
import type { DB } from './schema.ts';

type CouncilRow = { id: string; slug: string; offering_id: string | null; kind: Council['kind']; name: string; purpose: string; how_to_join: string; is_example: boolean };

const toCouncil = (row: CouncilRow): Council => ({
  id: row.id,
  slug: row.slug,
  offeringId: row.offering_id,
  kind: row.kind,
  name: row.name,
  purpose: row.purpose,
  howToJoin: row.how_to_join,
  isExample: row.is_example,
});

const councilColumns = ['council.id', 'council.slug', 'council.offering_id', 'council.kind', 'council.name', 'council.purpose', 'council.how_to_join', 'council.is_example'] as const;

/** Councils, members and meetings in `council*` (migration 0021, ADR 033). */
export function createCouncilStore(db: Kysely<DB>): CouncilStore {
  const whole = async (where: { id: string } | { slug: string }): Promise<CouncilWhole | null> => {
    let query = db
      .selectFrom('council')
      .leftJoin('offering', 'offering.id', 'council.offering_id')
      .select([...councilColumns, 'offering.slug as offering_slug', 'offering.name as offering_name']);
    query = 'id' in where ? query.where('council.id', '=', where.id) : query.where('council.slug', '=', where.slug);
    const row = await query.executeTakeFirst();
    if (!row) return null;
    const [members, meetings] = await Promise.all([
      db.selectFrom('council_member').selectAll().where('council_id', '=', row.id).orderBy('consent_at').orderBy('id').execute(),
      db.selectFrom('council_meeting').selectAll().where('council_id', '=', row.id).orderBy('held_on', 'desc').orderBy('created_at', 'desc').execute(),
    ]);
    const meetingIds = meetings.map((meeting) => meeting.id);
    const [present, decisions] = meetingIds.length
      ? await Promise.all([
          db.selectFrom('council_meeting_present').selectAll().where('meeting_id', 'in', meetingIds).execute(),
          db.selectFrom('council_decision').selectAll().where('meeting_id', 'in', meetingIds).orderBy('position').execute(),
        ])
      : [[], []];
    return {
      ...toCouncil(row),
      offering: row.offering_slug && row.offering_name ? { slug: row.offering_slug, name: row.offering_name } : null,
      members: members.map(
        (member): CouncilMember => ({
          id: member.id,
          name: member.display_name,
          role: member.role,
          namedPublicly: member.named_publicly,
          withdrawnAt: member.withdrawn_at ? new Date(member.withdrawn_at) : null,
          anonymisedAt: member.anonymised_at ? new Date(member.anonymised_at) : null,
          contact: member.contact,
          consentAt: new Date(member.consent_at),
          consentHow: member.consent_how,
          consentRecordedByName: member.consent_recorded_by_name,
          purpose: member.purpose,
          deleteAfter: String(member.delete_after),
        }),
      ),
      meetings: meetings.map(
        (meeting): CouncilMeeting => ({
          id: meeting.id,
          date: String(meeting.held_on),
          time: meeting.starts_at,
          agenda: meeting.agenda,
          minutes: meeting.minutes,
          version: meeting.version,
          presentIds: present.filter((item) => item.meeting_id === meeting.id).map((item) => item.member_id),
          decisions: decisions.filter((item) => item.meeting_id === meeting.id).map((item) => ({ text: item.text, becomes: item.becomes })),
        }),
      ),
    };
  };

  return {
    async councilsOf(offeringId) {
      const query = db.selectFrom('council').select(councilColumns).orderBy('council.kind', 'desc').orderBy('council.name');
      const rows = await (offeringId === null ? query.where('council.offering_id', 'is', null) : query.where('council.offering_id', '=', offeringId)).execute();
      return rows.map(toCouncil);
    },
    async allCouncils() {
      const rows = await db
        .selectFrom('council')
        .leftJoin('offering', 'offering.id', 'council.offering_id')
        .select([...councilColumns, 'offering.slug as offering_slug', 'offering.name as offering_name'])
        .orderBy(sql`council.offering_id is not null`)
        .orderBy('offering.name')
        .orderBy('council.name')
        .execute();
      return rows.map((row) => ({ ...toCouncil(row), offering: row.offering_slug && row.offering_name ? { slug: row.offering_slug, name: row.offering_name } : null }));
    },
    councilById: (id) => whole({ id }),
    councilBySlug: (slug) => whole({ slug }),
    async slugTaken(slug) {
      return (await db.selectFrom('council').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
    },
    async createCouncil(council, audit) {
      await audited(db, audit, async (trx) => {
        await trx
          .insertInto('council')
          .values({
            id: council.id,
            slug: council.slug,
            offering_id: council.offeringId,
            kind: council.kind,
            name: council.name,
            purpose: council.purpose,
            how_to_join: council.howToJoin,
            is_example: council.isExample,
            created_at: council.createdAt,
          })
          .execute();
      });
    },
    async addMember(member, audit) {
      await audited(db, audit, async (trx) => {
        await trx
          .insertInto('council_member')
          .values({
            id: member.id,
            council_id: member.councilId,
            display_name: member.name,
            contact: member.contact,
            role: member.role,
            named_publicly: member.namedPublicly,
            consent_at: member.consentAt,
            consent_how: member.consentHow,
            consent_recorded_by_name: member.consentRecordedByName,
            purpose: member.purpose,
            delete_after: member.deleteAfter,
          })
          .execute();
      });
    },
    async withdrawMember(councilId, memberId, at, audit) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('council_member')
          .set({ display_name: null, contact: null, named_publicly: false, withdrawn_at: at, anonymised_at: at })
          .where('id', '=', memberId)
          .where('council_id', '=', councilId)
          .where('anonymised_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!updated) return 'not_found';
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'withdrawn';
      });
    },
    async saveMeeting(councilId, meeting, audit) {
      return db.transaction().execute(async (trx) => {
        if (meeting.baseVersion === null) {
          await trx
            .insertInto('council_meeting')
            .values({ id: meeting.id, council_id: councilId, held_on: meeting.date, starts_at: meeting.time, agenda: meeting.agenda, minutes: meeting.minutes, created_at: meeting.at, updated_at: meeting.at })
            .execute();
        } else {
          const current = await trx.selectFrom('council_meeting').select('version').where('id', '=', meeting.id).where('council_id', '=', councilId).forUpdate().executeTakeFirst();
          if (!current) return 'not_found';
          if (current.version !== meeting.baseVersion) return 'stale';
          await trx
            .updateTable('council_meeting')
            .set({ held_on: meeting.date, starts_at: meeting.time, agenda: meeting.agenda, minutes: meeting.minutes, updated_at: meeting.at, version: current.version + 1 })
            .where('id', '=', meeting.id)
            .execute();
          await trx.deleteFrom('council_meeting_present').where('meeting_id', '=', meeting.id).execute();
          await trx.deleteFrom('council_decision').where('meeting_id', '=', meeting.id).execute();
        }
        if (meeting.presentIds.length) {
          // Only members of this council can be present.
          const members = await trx.selectFrom('council_member').select('id').where('council_id', '=', councilId).where('id', 'in', meeting.presentIds).execute();
          if (members.length) await trx.insertInto('council_meeting_present').values(members.map((member) => ({ meeting_id: meeting.id, member_id: member.id }))).execute();
        }
        if (meeting.decisions.length) {
          await trx
            .insertInto('council_decision')
            .values(meeting.decisions.map((decision, index) => ({ id: crypto.randomUUID(), meeting_id: meeting.id, position: index + 1, text: decision.text, becomes: decision.becomes })))
            .execute();
        }
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'saved';
      });
    },
    async anonymiseDue(today, at) {
      return db.transaction().execute(async (trx) => {
        const rows = await trx
          .updateTable('council_member')
          .set({ display_name: null, contact: null, named_publicly: false, anonymised_at: at })
          .where('anonymised_at', 'is', null)
          .where('delete_after', '<', today)
          .returning('id')
          .execute();
        if (rows.length) {
          await trx
            .insertInto('audit_entry')
            .values(
              auditRow({
                at,
                actorId: null,
                actorName: 'Tilbudsvifte',
                action: 'council.retention',
                resourceType: 'council_member',
                resourceId: null,
                summary: `${rows.length} rådsmedlemmer er anonymiseret, fordi deres samtykke er udløbet.`,
                source: null,
              }),
            )
            .execute();
        }
        return rows.length;
      });
    },
    async deleteMeeting(councilId, meetingId, refuse, audit) {
      return db.transaction().execute(async (trx) => {
        const locked = await trx.selectFrom('council_meeting').select('id').where('id', '=', meetingId).where('council_id', '=', councilId).forUpdate().executeTakeFirst();
        if (!locked) return 'not_found' as const;
        const decisions = await trx.selectFrom('council_decision').select((eb) => eb.fn.countAll<string>().as('n')).where('meeting_id', '=', meetingId).executeTakeFirstOrThrow();
        const refusal = refuse({ decisions: Number(decisions.n) });
        if (refusal) return { refused: refusal };
        await trx.deleteFrom('council_meeting').where('id', '=', meetingId).execute();
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'deleted' as const;
      });
    },
    async audit(entry) {
      await db.insertInto('audit_entry').values(auditRow(entry)).execute();
    },
  };
}
