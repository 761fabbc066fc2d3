import { type Kysely, sql, type Transaction } from 'kysely';
import type { MeetingRegistration, UserMeeting, UserMeetingStore } from '../app/run-user-meeting.ts';
import { movesUp } from '../domain/user-meeting/user-meeting.ts';
import { audited, auditRow } from './access-store.ts';
import type { DB } from './schema.ts';

type MeetingRow = { id: string; slug: string; title: string; held_on: unknown; starts_at: string; place: string; seats: number; agenda: string; minutes: string | null; minutes_published_at: Date | null; registration_open: boolean; is_example: boolean; version: number };

/** The annual user meeting in `user_meeting*` (migration 0024, ADR 036). The meeting's row is the lock for its seats. */
export function createUserMeetingStore(db: Kysely<DB>): UserMeetingStore {
  const whole = async (rows: MeetingRow[]): Promise<UserMeeting[]> => {
    if (!rows.length) return [];
    const ids = rows.map((row) => row.id);
    const counts = await db
      .selectFrom('user_meeting_registration')
      .select(['meeting_id', 'state', (eb) => eb.fn.countAll<string>().as('n')])
      .where('meeting_id', 'in', ids)
      .groupBy(['meeting_id', 'state'])
      .execute();
    const proposals = await db
      .selectFrom('user_meeting_proposal as p')
      .leftJoin('council as c', 'c.id', 'p.council_id')
      .select(['p.id', 'p.meeting_id', 'p.title', 'p.text', 'p.votes_for', 'p.votes_against', 'p.votes_blank', 'c.name as council_name'])
      .where('p.meeting_id', 'in', ids)
      .orderBy('p.position')
      .execute();
    const count = (id: string, state: string) => Number(counts.find((row) => row.meeting_id === id && row.state === state)?.n ?? 0);
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      title: row.title,
      heldOn: String(row.held_on),
      startsAt: row.starts_at,
      place: row.place,
      seats: row.seats,
      agenda: row.agenda,
      minutes: row.minutes,
      minutesPublished: row.minutes_published_at !== null,
      registrationOpen: row.registration_open,
      isExample: row.is_example,
      version: row.version,
      registered: count(row.id, 'registered'),
      waiting: count(row.id, 'waiting'),
      proposals: proposals
        .filter((item) => item.meeting_id === row.id)
        .map((item) => ({
          id: item.id,
          councilName: item.council_name,
          title: item.title,
          text: item.text,
          tally: item.votes_for === null ? null : { for: item.votes_for, against: item.votes_against ?? 0, blank: item.votes_blank ?? 0 },
        })),
    }));
  };
  const registrationOf = (row: { id: string; position: number; state: 'registered' | 'waiting' | 'left'; display_name: string | null; phone: string | null; meets_at_offering: boolean; access_needs: string | null; interpreter_language: string | null; came_through: 'public_form' | 'staff'; moved_up_at: Date | null; created_at: Date }): MeetingRegistration => ({
    id: row.id,
    position: row.position,
    state: row.state,
    name: row.display_name,
    phone: row.phone,
    meetsAtOffering: row.meets_at_offering,
    accessNeeds: row.access_needs,
    interpreter: row.interpreter_language,
    cameThrough: row.came_through,
    movedUpAt: row.moved_up_at,
    createdAt: row.created_at,
  });
  /** Fill free seats from the waiting list, first in first out; the caller holds the meeting's lock. */
  const fillSeats = async (trx: Transaction<DB>, meetingId: string, seats: number, at: Date) => {
    const registered = Number((await trx.selectFrom('user_meeting_registration').select((eb) => eb.fn.countAll<string>().as('n')).where('meeting_id', '=', meetingId).where('state', '=', 'registered').executeTakeFirstOrThrow()).n);
    if (registered >= seats) return 0;
    const waiting = await trx.selectFrom('user_meeting_registration').select(['id', 'position']).where('meeting_id', '=', meetingId).where('state', '=', 'waiting').orderBy('position').limit(seats - registered).execute();
    const next = movesUp(waiting, seats - registered);
    if (next.length) {
      await trx
        .updateTable('user_meeting_registration')
        .set({ state: 'registered', moved_up_at: at })
        .where('id', 'in', next.map((row) => row.id))
        .execute();
    }
    return next.length;
  };
  return {
    async meetings() {
      return whole(await db.selectFrom('user_meeting').selectAll().orderBy('held_on', 'desc').execute());
    },
    async meetingById(id) {
      return (await whole(await db.selectFrom('user_meeting').selectAll().where('id', '=', id).execute()))[0] ?? null;
    },
    async currentMeeting(today) {
      const next = await db.selectFrom('user_meeting').selectAll().where('held_on', '>=', today).orderBy('held_on').limit(1).execute();
      const rows = next.length ? next : await db.selectFrom('user_meeting').selectAll().orderBy('held_on', 'desc').limit(1).execute();
      return (await whole(rows))[0] ?? null;
    },
    async councils() {
      return db.selectFrom('council').select(['id', 'name']).orderBy('name').execute();
    },
    async createMeeting(meeting, audit) {
      await audited(db, audit, async (trx) => {
        await trx
          .insertInto('user_meeting')
          .values({ id: meeting.id, slug: meeting.slug, title: meeting.title, held_on: meeting.heldOn, starts_at: meeting.startsAt, place: meeting.place, seats: meeting.seats, agenda: meeting.agenda, created_at: meeting.at })
          .execute();
      });
    },
    async saveMeeting(id, baseVersion, change, audit) {
      return db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('user_meeting').select(['version', 'minutes_published_at']).where('id', '=', id).forUpdate().executeTakeFirst();
        if (!current) return 'not_found';
        if (current.version !== baseVersion) return 'stale';
        await trx
          .updateTable('user_meeting')
          .set({
            title: change.title,
            held_on: change.heldOn,
            starts_at: change.startsAt,
            place: change.place,
            seats: change.seats,
            agenda: change.agenda,
            minutes: change.minutes,
            minutes_published_at: change.publishMinutes ? (current.minutes_published_at ?? change.at) : null,
            registration_open: change.registrationOpen,
            version: baseVersion + 1,
          })
          .where('id', '=', id)
          .execute();
        // The deletion date follows the meeting's day.
        await trx
          .updateTable('user_meeting_registration')
          .set({ delete_after: sql`${change.heldOn}::date + 30` })
          .where('meeting_id', '=', id)
          .where('anonymised_at', 'is', null)
          .execute();
        await fillSeats(trx, id, change.seats, change.at);
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'saved';
      });
    },
    async register(meetingId, registration, audit) {
      return db.transaction().execute(async (trx) => {
        const meeting = await trx.selectFrom('user_meeting').select(['seats', 'registration_open']).where('id', '=', meetingId).forUpdate().executeTakeFirst();
        if (!meeting) return { kind: 'not_found' as const };
        if (!meeting.registration_open) return { kind: 'closed' as const };
        const line = await trx
          .selectFrom('user_meeting_registration')
          .select([(eb) => eb.fn.max('position').as('last'), sql<string>`count(*) filter (where state = 'registered')`.as('registered')])
          .where('meeting_id', '=', meetingId)
          .executeTakeFirstOrThrow();
        const position = Number(line.last ?? 0) + 1;
        const state = Number(line.registered) < meeting.seats ? ('registered' as const) : ('waiting' as const);
        await trx
          .insertInto('user_meeting_registration')
          .values({
            id: registration.id,
            meeting_id: meetingId,
            token_hash: registration.tokenHash,
            position,
            state,
            display_name: registration.name,
            phone: registration.phone,
            meets_at_offering: registration.meetsAtOffering,
            access_needs: registration.accessNeeds,
            interpreter_language: registration.interpreter,
            came_through: registration.cameThrough,
            purpose: registration.purpose,
            delete_after: registration.deleteAfter,
            created_at: registration.at,
          })
          .execute();
        await trx.insertInto('audit_entry').values(auditRow(audit({ state, position }))).execute();
        return { kind: state, id: registration.id, position };
      });
    },
    async registrationByToken(tokenHash) {
      const row = await db.selectFrom('user_meeting_registration').selectAll().where('token_hash', '=', tokenHash).where('anonymised_at', 'is', null).executeTakeFirst();
      if (!row) return null;
      const meeting = (await whole(await db.selectFrom('user_meeting').selectAll().where('id', '=', row.meeting_id).execute()))[0];
      if (!meeting) return null;
      const ahead =
        row.state === 'waiting'
          ? Number((await db.selectFrom('user_meeting_registration').select((eb) => eb.fn.countAll<string>().as('n')).where('meeting_id', '=', row.meeting_id).where('state', '=', 'waiting').where('position', '<', row.position).executeTakeFirstOrThrow()).n)
          : 0;
      return { registration: registrationOf(row), meeting, ahead };
    },
    async registrations(meetingId) {
      const rows = await db.selectFrom('user_meeting_registration').selectAll().where('meeting_id', '=', meetingId).where('anonymised_at', 'is', null).orderBy('position').execute();
      return rows.map(registrationOf);
    },
    async leave(meetingId, who, at, audit) {
      return db.transaction().execute(async (trx) => {
        const meeting = await trx.selectFrom('user_meeting').select(['seats']).where('id', '=', meetingId).forUpdate().executeTakeFirst();
        if (!meeting) return { kind: 'not_found' as const };
        let query = trx.selectFrom('user_meeting_registration').select(['id', 'state']).where('meeting_id', '=', meetingId).where('anonymised_at', 'is', null);
        query = 'id' in who ? query.where('id', '=', who.id) : query.where('token_hash', '=', who.tokenHash);
        const row = await query.executeTakeFirst();
        if (!row) return { kind: 'not_found' as const };
        if (row.state === 'left') return { kind: 'already_left' as const };
        await trx.updateTable('user_meeting_registration').set({ state: 'left', left_at: at }).where('id', '=', row.id).execute();
        const movedUp = row.state === 'registered' ? await fillSeats(trx, meetingId, meeting.seats, at) : 0;
        await trx.insertInto('audit_entry').values(auditRow(audit(row.id, movedUp))).execute();
        return { kind: 'left' as const, movedUp };
      });
    },
    async addProposal(meetingId, proposal, audit) {
      await db.transaction().execute(async (trx) => {
        await trx.selectFrom('user_meeting').select('id').where('id', '=', meetingId).forUpdate().executeTakeFirstOrThrow();
        const last = await trx.selectFrom('user_meeting_proposal').select((eb) => eb.fn.max('position').as('last')).where('meeting_id', '=', meetingId).executeTakeFirstOrThrow();
        await trx
          .insertInto('user_meeting_proposal')
          .values({ id: proposal.id, meeting_id: meetingId, council_id: proposal.councilId, position: Number(last.last ?? 0) + 1, title: proposal.title, text: proposal.text, created_at: proposal.at })
          .execute();
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
      });
    },
    async tally(meetingId, proposalId, tally, audit) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('user_meeting_proposal')
          .set({ votes_for: tally.for, votes_against: tally.against, votes_blank: tally.blank, tallied_at: tally.at })
          .where('id', '=', proposalId)
          .where('meeting_id', '=', meetingId)
          .returning('id')
          .execute();
        if (!updated.length) return false;
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return true;
      });
    },
    async anonymiseDue(today, at) {
      return db.transaction().execute(async (trx) => {
        const rows = await trx
          .updateTable('user_meeting_registration')
          .set({ display_name: null, phone: null, access_needs: null, interpreter_language: null, anonymised_at: at })
          .where('anonymised_at', 'is', null)
          .where('delete_after', '<', today)
          .returning('id')
          .execute();
        if (rows.length) {
          await trx
            .insertInto('audit_entry')
            .values(auditRow({ at, actorId: null, actorName: 'Tilbudsvifte', action: 'user_meeting.retention', resourceType: 'user_meeting', resourceId: null, summary: `${rows.length} tilmeldinger til brugermødet er anonymiseret, fordi tiden er gået.`, source: null }))
            .execute();
        }
        return rows.length;
      });
    },
  };
}
