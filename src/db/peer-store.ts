import { type Kysely, sql, type Transaction } from 'kysely';
import type { PeerCohort, PeerStore } from '../app/run-peer-counsellors.ts';
import { audited, auditRow } from './access-store.ts';
import type { DB } from './schema.ts';

/** Peer counsellors in `peer_*` (migration 0024, ADR 036); a course module's attendance is read from `course_attendance`. */
export function createPeerStore(db: Kysely<DB>): PeerStore {
  const load = async (q: Kysely<DB> | Transaction<DB>, id: string): Promise<PeerCohort | null> => {
    const row = await q.selectFrom('peer_cohort as p').leftJoin('course as c', 'c.id', 'p.course_id').select(['p.id', 'p.name', 'p.year', 'p.target_min', 'p.target_max', 'p.course_id', 'p.closed_on', 'c.title as course_title']).where('p.id', '=', id).executeTakeFirst();
    if (!row) return null;
    const modules = await q.selectFrom('peer_module').selectAll().where('cohort_id', '=', id).orderBy('position').execute();
    const sessions = await q
      .selectFrom('peer_session as s')
      .leftJoin('offering as o', 'o.id', 's.offering_id')
      .select(['s.id', 's.kind', 'o.name as offering_name', 's.on_date', 's.starts_at', 's.ends_at'])
      .where('s.cohort_id', '=', id)
      .orderBy('s.on_date')
      .orderBy('s.starts_at')
      .execute();
    const sessionIds = sessions.map((item) => item.id);
    const sessionPresent = sessionIds.length ? await q.selectFrom('peer_session_attendance').select(['session_id', 'counsellor_id']).where('session_id', 'in', sessionIds).execute() : [];
    const people = await q.selectFrom('peer_counsellor').selectAll().where('cohort_id', '=', id).where('anonymised_at', 'is', null).orderBy('created_at').orderBy('id').execute();
    const ids = people.map((person) => person.id);
    const recorded = ids.length ? await q.selectFrom('peer_attendance').select(['counsellor_id', 'module_id']).where('counsellor_id', 'in', ids).execute() : [];
    const participants = people.map((person) => person.course_participant_id).filter((value): value is string => value !== null);
    const present = participants.length ? await q.selectFrom('course_attendance').select(['participant_id', 'session_id']).where('participant_id', 'in', participants).where('present', '=', true).execute() : [];
    const assignments = ids.length
      ? await q
          .selectFrom('peer_assignment as a')
          .innerJoin('offering as o', 'o.id', 'a.offering_id')
          .leftJoin('course as c', 'c.id', 'a.course_id')
          .select(['a.counsellor_id', 'o.name as offering_name', 'c.title as course_title', 'a.since'])
          .where('a.counsellor_id', 'in', ids)
          .orderBy('a.since')
          .execute()
      : [];
    return {
      id: row.id,
      name: row.name,
      year: row.year,
      targetMin: row.target_min,
      targetMax: row.target_max,
      courseId: row.course_id,
      courseTitle: row.course_title,
      closedOn: row.closed_on ? String(row.closed_on) : null,
      modules: modules.map((module) => ({ id: module.id, title: module.title, hours: module.hours, courseSessionId: module.course_session_id })),
      sessions: sessions.map((item) => ({
        id: item.id,
        kind: item.kind,
        offeringName: item.offering_name,
        date: String(item.on_date),
        startsAt: item.starts_at,
        endsAt: item.ends_at,
        present: new Set(sessionPresent.filter((mark) => mark.session_id === item.id).map((mark) => mark.counsellor_id)),
      })),
      counsellors: people.map((person) => ({
        id: person.id,
        name: person.display_name,
        phone: person.phone,
        participantId: person.course_participant_id,
        certifiedOn: person.certified_on ? String(person.certified_on) : null,
        recorded: new Set(recorded.filter((item) => item.counsellor_id === person.id).map((item) => item.module_id)),
        presentAtSessions: new Set(present.filter((item) => item.participant_id === person.course_participant_id).map((item) => item.session_id)),
        assignments: assignments.filter((item) => item.counsellor_id === person.id).map((item) => ({ offeringName: item.offering_name, courseTitle: item.course_title, since: String(item.since) })),
      })),
    };
  };
  return {
    async cohorts() {
      const rows = await db
        .selectFrom('peer_cohort as p')
        .select(['p.id', 'p.name', 'p.year', 'p.closed_on'])
        .select(sql<string>`(select count(*) from peer_counsellor c where c.cohort_id = p.id and c.anonymised_at is null)`.as('counsellors'))
        .select(sql<string>`(select count(*) from peer_counsellor c where c.cohort_id = p.id and c.certified_on is not null)`.as('certified'))
        .orderBy('p.year', 'desc')
        .orderBy('p.name')
        .execute();
      return rows.map((row) => ({ id: row.id, name: row.name, year: row.year, counsellors: Number(row.counsellors), certified: Number(row.certified), closedOn: row.closed_on ? String(row.closed_on) : null }));
    },
    cohort: (id) => load(db, id),
    async deleteCohort(cohortId, refuse, audit) {
      return db.transaction().execute(async (trx) => {
        const locked = await trx.selectFrom('peer_cohort').select(['id', 'closed_on']).where('id', '=', cohortId).forUpdate().executeTakeFirst();
        if (!locked) return 'not_found' as const;
        const certified = await trx.selectFrom('peer_counsellor').select((eb) => eb.fn.countAll<string>().as('n')).where('cohort_id', '=', cohortId).where('certified_on', 'is not', null).executeTakeFirstOrThrow();
        const attended = await trx
          .selectFrom('peer_session as s')
          .select(sql<string>`count(distinct s.id)`.as('n'))
          .where('s.cohort_id', '=', cohortId)
          .where((eb) => eb.exists(eb.selectFrom('peer_session_attendance as a').select('a.session_id').whereRef('a.session_id', '=', 's.id')))
          .executeTakeFirstOrThrow();
        const refusal = refuse({ certified: Number(certified.n), sessionsWithAttendance: Number(attended.n), closed: locked.closed_on !== null });
        if (refusal) return { refused: refusal };
        await trx.deleteFrom('peer_cohort').where('id', '=', cohortId).execute();
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'deleted' as const;
      });
    },
    async closeCohort(cohortId, on, audit) {
      return db.transaction().execute(async (trx) => {
        const locked = await trx.selectFrom('peer_cohort').select(['id', 'closed_on']).where('id', '=', cohortId).forUpdate().executeTakeFirst();
        if (!locked) return 'not_found' as const;
        if (locked.closed_on !== null) return 'already' as const;
        await trx.updateTable('peer_cohort').set({ closed_on: on }).where('id', '=', cohortId).execute();
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'closed' as const;
      });
    },
    async years() {
      const targets = await db.selectFrom('peer_cohort').select(['year', (eb) => eb.fn.sum<string>('target_min').as('min'), (eb) => eb.fn.sum<string>('target_max').as('max')]).groupBy('year').execute();
      const certified = await db
        .selectFrom('peer_counsellor')
        .select([sql<string>`extract(year from certified_on)::int`.as('year'), (eb) => eb.fn.countAll<string>().as('n')])
        .where('certified_on', 'is not', null)
        .groupBy(sql`extract(year from certified_on)::int`)
        .execute();
      // A session counts as held when its attendance is recorded; every mark counts, named or anonymised since.
      const held = await db
        .selectFrom('peer_session as s')
        .innerJoin('peer_session_attendance as a', 'a.session_id', 's.id')
        .select([sql<string>`extract(year from s.on_date)::int`.as('year'), 's.kind', sql<string>`count(distinct s.id)`.as('held'), (eb) => eb.fn.countAll<string>().as('attendances')])
        .groupBy([sql`extract(year from s.on_date)::int`, 's.kind'])
        .execute();
      const years = [...new Set([...targets.map((row) => row.year), ...certified.map((row) => Number(row.year)), ...held.map((row) => Number(row.year))])].sort((a, b) => b - a);
      const figure = (year: number, kind: 'peer_meeting' | 'supervision') => {
        const row = held.find((item) => Number(item.year) === year && item.kind === kind);
        return { held: Number(row?.held ?? 0), attendances: Number(row?.attendances ?? 0) };
      };
      return years.map((year) => {
        const target = targets.find((row) => row.year === year);
        return {
          year,
          certified: Number(certified.find((row) => Number(row.year) === year)?.n ?? 0),
          targetMin: Number(target?.min ?? 0),
          targetMax: Number(target?.max ?? 0),
          peerMeetings: figure(year, 'peer_meeting'),
          supervision: figure(year, 'supervision'),
        };
      });
    },
    courses: () => db.selectFrom('course').select(['id', 'title']).orderBy('title').execute(),
    async sessionsOf(courseId) {
      const rows = await db.selectFrom('course_session').select(['id', 'on_date', 'starts_at']).where('course_id', '=', courseId).orderBy('on_date').orderBy('starts_at').execute();
      return rows.map((row) => ({ id: row.id, date: String(row.on_date), startsAt: row.starts_at }));
    },
    async participantsOf(courseId) {
      const rows = await db.selectFrom('course_participant').select(['id', 'display_name']).where('course_id', '=', courseId).where('state', '=', 'enrolled').orderBy('position').execute();
      return rows.map((row) => ({ id: row.id, name: row.display_name ?? '' }));
    },
    offerings: () => db.selectFrom('offering').select(['id', 'name']).orderBy('name').execute(),
    async addCohort(cohort, audit) {
      await audited(db, audit, (trx) =>
        trx.insertInto('peer_cohort').values({ id: cohort.id, name: cohort.name, year: cohort.year, target_min: cohort.targetMin, target_max: cohort.targetMax, course_id: cohort.courseId, created_at: cohort.at }).execute(),
      );
    },
    async addModule(cohortId, module, audit) {
      await audited(db, audit, async (trx) => {
        await trx.selectFrom('peer_cohort').select('id').where('id', '=', cohortId).forUpdate().executeTakeFirstOrThrow();
        const last = await trx.selectFrom('peer_module').select((eb) => eb.fn.max('position').as('last')).where('cohort_id', '=', cohortId).executeTakeFirstOrThrow();
        await trx.insertInto('peer_module').values({ id: module.id, cohort_id: cohortId, position: Number(last.last ?? 0) + 1, title: module.title, hours: module.hours, course_session_id: module.courseSessionId }).execute();
      });
    },
    async addCounsellor(cohortId, counsellor, audit) {
      await audited(db, audit, (trx) =>
        trx
          .insertInto('peer_counsellor')
          .values({ id: counsellor.id, cohort_id: cohortId, display_name: counsellor.name, phone: counsellor.phone, course_participant_id: counsellor.participantId, purpose: counsellor.purpose, delete_after: counsellor.deleteAfter, created_at: counsellor.at })
          .execute(),
      );
    },
    async recordAttendance(counsellorId, moduleId, at, audit) {
      await audited(db, audit, (trx) => trx.insertInto('peer_attendance').values({ module_id: moduleId, counsellor_id: counsellorId, recorded_at: at }).onConflict((oc) => oc.doNothing()).execute());
    },
    async certify(cohortId, counsellorId, on, allowed, audit) {
      return db.transaction().execute(async (trx) => {
        const locked = await trx.selectFrom('peer_counsellor').select('id').where('id', '=', counsellorId).where('cohort_id', '=', cohortId).where('anonymised_at', 'is', null).forUpdate().executeTakeFirst();
        if (!locked) return { kind: 'not_found' as const };
        const cohort = await load(trx, cohortId);
        const person = cohort?.counsellors.find((item) => item.id === counsellorId);
        if (!cohort || !person) return { kind: 'not_found' as const };
        const refusal = allowed(cohort, person);
        if (refusal) return { kind: 'refused' as const, message: refusal };
        await trx.updateTable('peer_counsellor').set({ certified_on: on }).where('id', '=', counsellorId).execute();
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return { kind: 'certified' as const };
      });
    },
    async saveSessionAttendance(cohortId, sessionId, counsellorIds, at, audit) {
      await audited(db, audit, async (trx) => {
        await trx.selectFrom('peer_session').select('id').where('id', '=', sessionId).where('cohort_id', '=', cohortId).forUpdate().executeTakeFirstOrThrow();
        // Only the names on the list can be unticked: an anonymised counsellor's mark stays counted.
        let gone = trx
          .deleteFrom('peer_session_attendance')
          .where('session_id', '=', sessionId)
          .where('counsellor_id', 'in', trx.selectFrom('peer_counsellor').select('id').where('cohort_id', '=', cohortId).where('anonymised_at', 'is', null));
        if (counsellorIds.length) gone = gone.where('counsellor_id', 'not in', [...counsellorIds]);
        await gone.execute();
        if (counsellorIds.length) {
          await trx
            .insertInto('peer_session_attendance')
            .values(counsellorIds.map((counsellorId) => ({ session_id: sessionId, counsellor_id: counsellorId, recorded_at: at })))
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
      });
    },
    async addSession(cohortId, session, audit) {
      await audited(db, audit, (trx) =>
        trx
          .insertInto('peer_session')
          .values({ id: session.id, cohort_id: cohortId, kind: session.kind, offering_id: session.offeringId, on_date: session.date, starts_at: session.startsAt, ends_at: session.endsAt, created_at: session.at })
          .execute(),
      );
    },
    async upcomingPeerMeetings(today) {
      const rows = await db
        .selectFrom('peer_session as s')
        .innerJoin('offering as o', 'o.id', 's.offering_id')
        .select(['o.name', 'o.slug', 's.on_date', 's.starts_at', 's.ends_at'])
        .where('s.kind', '=', 'peer_meeting')
        .where('s.on_date', '>=', today)
        .orderBy('s.on_date')
        .orderBy('s.starts_at')
        .limit(50)
        .execute();
      return rows.map((row) => ({ offeringName: row.name, offeringSlug: row.slug, date: String(row.on_date), startsAt: row.starts_at, endsAt: row.ends_at }));
    },
    async peerMeetingsBetween(from, to, offeringIds) {
      if (offeringIds && offeringIds.length === 0) return [];
      let query = db
        .selectFrom('peer_session as s')
        .innerJoin('offering as o', 'o.id', 's.offering_id')
        .select(['s.id', 'o.id as offering_id', 'o.name', 'o.slug', 's.on_date', 's.starts_at', 's.ends_at'])
        .where('s.kind', '=', 'peer_meeting')
        .where('s.on_date', '>=', from);
      if (to) query = query.where('s.on_date', '<=', to);
      if (offeringIds) query = query.where('s.offering_id', 'in', [...offeringIds]);
      const rows = await query.orderBy('s.on_date').orderBy('s.starts_at').orderBy('o.name').limit(500).execute();
      return rows.map((row) => ({ id: row.id, offeringId: row.offering_id, offeringName: row.name, offeringSlug: row.slug, date: String(row.on_date), startsAt: row.starts_at, endsAt: row.ends_at }));
    },
    async networkOfferings(today) {
      return db
        .selectFrom('offering as o')
        .select(['o.name', 'o.slug'])
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('peer_assignment as a')
              .innerJoin('peer_counsellor as c', 'c.id', 'a.counsellor_id')
              .select('a.id')
              .whereRef('a.offering_id', '=', 'o.id')
              .where('a.since', '<=', today)
              .where('c.certified_on', 'is not', null)
              .where('c.anonymised_at', 'is', null),
          ),
        )
        .orderBy('o.name')
        .execute();
    },
    async certifiedAcrossCohorts() {
      const people = await db
        .selectFrom('peer_counsellor as c')
        .innerJoin('peer_cohort as p', 'p.id', 'c.cohort_id')
        .select(['c.id', 'c.display_name', 'c.certified_on', 'p.id as cohort_id', 'p.name as cohort_name'])
        .where('c.certified_on', 'is not', null)
        .where('c.anonymised_at', 'is', null)
        .orderBy('c.certified_on')
        .orderBy('c.display_name')
        .orderBy('c.id')
        .execute();
      const ids = people.map((person) => person.id);
      const assignments = ids.length
        ? await db
            .selectFrom('peer_assignment as a')
            .innerJoin('offering as o', 'o.id', 'a.offering_id')
            .leftJoin('course as k', 'k.id', 'a.course_id')
            .select(['a.counsellor_id', 'o.name as offering_name', 'k.title as course_title', 'a.since'])
            .where('a.counsellor_id', 'in', ids)
            .orderBy('a.since')
            .execute()
        : [];
      return people.map((person) => ({
        id: person.id,
        name: person.display_name,
        cohortId: person.cohort_id,
        cohortName: person.cohort_name,
        certifiedOn: String(person.certified_on),
        assignments: assignments.filter((item) => item.counsellor_id === person.id).map((item) => ({ offeringName: item.offering_name, courseTitle: item.course_title, since: String(item.since) })),
      }));
    },
    async anonymiseDue(today, at) {
      return db.transaction().execute(async (trx) => {
        const rows = await trx.updateTable('peer_counsellor').set({ display_name: null, phone: null, anonymised_at: at }).where('anonymised_at', 'is', null).where('delete_after', '<', today).returning('id').execute();
        if (rows.length) {
          await trx
            .insertInto('audit_entry')
            .values(auditRow({ at, actorId: null, actorName: 'Tilbudsvifte', action: 'peer.retention', resourceType: 'peer_cohort', resourceId: null, summary: `${rows.length} peermedarbejdere er anonymiseret, fordi tiden er gået.`, source: null }))
            .execute();
        }
        return rows.length;
      });
    },
    async assign(counsellorId, assignment, audit) {
      await audited(db, audit, (trx) =>
        trx.insertInto('peer_assignment').values({ id: assignment.id, counsellor_id: counsellorId, offering_id: assignment.offeringId, course_id: assignment.courseId, since: assignment.since, created_at: assignment.at }).execute(),
      );
    },
  };
}
