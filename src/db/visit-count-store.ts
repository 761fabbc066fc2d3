import { type Kysely, sql, type Transaction } from 'kysely';
import type { VisitCountStore } from '../app/register-visits.ts';
import { type BreakdownKind, breakdownKindList, type CountUnit, countUnits, type StoredTally, type TallySum } from '../domain/counting/tally.ts';
import type { DB } from './schema.ts';
import { audited, auditRow } from './access-store.ts';

/** A Postgres array as the driver gives it: an array (pg, PGlite) or, for an enum or domain type, its text form. */
const arrayOf = (value: readonly string[] | string): string[] =>
  Array.isArray(value) ? [...value] : String(value).replace(/^\{|\}$/g, '').split(',').filter(Boolean).map((item) => item.replace(/^"|"$/g, ''));

/** Visitor tallies in `visit_tally` (ADR 026); the client id's unique key refuses a tally sent twice. */
export function createVisitCountStore(db: Kysely<DB>): VisitCountStore {
  const select = (from: Kysely<DB>) =>
    from
      .selectFrom('visit_tally')
      .select([
        'id',
        'client_id',
        'offering_id',
        'on_date',
        'visits',
        'open_anyway',
        'registered_by_name',
        'registered_at',
        'unit',
        'period_opens',
        'period_closes',
        'activity_id',
        'activity_name',
        'breakdown',
        'supersedes',
        'withdrawn',
        'reason',
      ])
      .orderBy('on_date')
      .orderBy('registered_at');
  const tally = (row: {
    id: string;
    client_id: string;
    offering_id: string;
    on_date: string;
    visits: number;
    open_anyway: boolean;
    registered_by_name: string;
    registered_at: Date;
    unit: CountUnit;
    period_opens: string | null;
    period_closes: string | null;
    activity_id: string | null;
    activity_name: string | null;
    breakdown: unknown;
    supersedes: string | null;
    withdrawn: boolean;
    reason: string | null;
  }): StoredTally & { offeringId: string } => ({
    id: row.id,
    clientId: row.client_id,
    offeringId: row.offering_id,
    date: row.on_date,
    visits: row.visits,
    openAnyway: row.open_anyway,
    registeredByName: row.registered_by_name,
    registeredAt: new Date(row.registered_at),
    unit: row.unit,
    period: row.period_opens && row.period_closes ? { opens: row.period_opens, closes: row.period_closes } : null,
    activity: row.activity_id && row.activity_name ? { id: row.activity_id, name: row.activity_name } : null,
    breakdown: (typeof row.breakdown === 'string' ? JSON.parse(row.breakdown) : row.breakdown) as StoredTally['breakdown'],
    supersedes: row.supersedes,
    withdrawn: row.withdrawn,
    reason: row.reason,
  });
  // The latest version of each tally, not withdrawn (ADR 028): what every figure counts.
  const current = (from: Kysely<DB>) =>
    select(from)
      .where('withdrawn', '=', false)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('visit_tally as later').select('later.id').whereRef('later.supersedes', '=', 'visit_tally.id'))));
  // A day is counted in one unit (ADR 028): the unit of another current tally that day, if any.
  const otherUnitOn = (trx: Transaction<DB>, input: { offeringId: string; date: string }, unit: CountUnit, exceptClientId?: string) => {
    let query = trx
      .selectFrom('visit_tally')
      .select('unit')
      .where('offering_id', '=', input.offeringId)
      .where('on_date', '=', input.date)
      .where('unit', '<>', unit)
      .where('withdrawn', '=', false)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('visit_tally as later').select('later.id').whereRef('later.supersedes', '=', 'visit_tally.id'))));
    if (exceptClientId !== undefined) query = query.where('client_id', '<>', exceptClientId);
    return query.limit(1).executeTakeFirst();
  };
  const row = (input: Parameters<VisitCountStore["add"]>[0], unit: CountUnit) => ({
    id: input.id,
    client_id: input.clientId,
    offering_id: input.offeringId,
    on_date: input.date,
    visits: input.visits,
    open_anyway: input.openAnyway,
    unit,
    period_opens: input.period?.opens ?? null,
    period_closes: input.period?.closes ?? null,
    activity_id: input.activity?.id ?? null,
    activity_name: input.activity?.name ?? null,
    breakdown: input.breakdown ? JSON.stringify(input.breakdown) : null,
    registered_by: input.registeredBy,
    registered_by_name: input.registeredByName,
    registered_at: input.registeredAt,
  });
  return {
    async add(input, audit) {
      // PGlite has one connection: everything inside uses `trx`, never `db`.
      return db.transaction().execute(async (trx) => {
        // A day is counted in one unit (ADR 028): a day tally next to period tallies would count the same visits twice.
        const unit = input.unit ?? 'day';
        const other = await otherUnitOn(trx, input, unit, input.clientId);
        if (other) return { otherUnit: other.unit };
        const inserted = await trx
          .insertInto('visit_tally')
          .values(row(input, unit))
          .onConflict((conflict) => conflict.column('client_id').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted) return 'duplicate';
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'added';
      });
    },
    async tallies(offeringId, from, to) {
      const rows = await current(db).where('offering_id', '=', offeringId).where('on_date', '>=', from).where('on_date', '<=', to).execute();
      return rows.map(tally);
    },
    async tallySums(offeringIds, periods) {
      if (offeringIds.length === 0 || periods.length === 0) return [];
      // The periods as a table, each with its index; a tally counts in every period its date falls in.
      const periodTable = sql`(values ${sql.join(periods.map((period, index) => sql`(${sql.lit(index)}, ${period.from}::date, ${period.to}::date)`))}) as p(i, p_from, p_to)`;
      const from = periods.map((period) => period.from).reduce((a, b) => (a < b ? a : b));
      const to = periods.map((period) => period.to).reduce((a, b) => (a > b ? a : b));
      // The latest version of each tally, not withdrawn (ADR 028), as `current` reads it; for the breakdowns only
      // the tallies that gave one, so that query stays small however many tallies there are.
      const tallies = (withBreakdown: boolean) => sql`(select t.offering_id, t.on_date, t.visits, t.unit, t.registered_by_name, t.registered_at, t.breakdown
        from visit_tally t
        where t.offering_id in (${sql.join([...offeringIds])}) and t.on_date between ${from}::date and ${to}::date and not t.withdrawn
          ${withBreakdown ? sql`and t.breakdown is not null` : sql``}
          and not exists (select 1 from visit_tally later where later.supersedes = t.id)) as t`;
      const [sums, kinds] = await Promise.all([
        sql<{ offering_id: string; i: number; visits: string; days: string; names: string[]; last: Date | string; units: CountUnit[] }>`
          select t.offering_id, p.i, sum(t.visits) as visits, count(distinct t.on_date) as days,
            array_agg(distinct t.registered_by_name) as names, max(t.registered_at) as last, array_agg(distinct t.unit) as units
          from ${tallies(false)} join ${periodTable} on t.on_date between p.p_from and p.p_to
          group by t.offering_id, p.i`.execute(db),
        // Per breakdown: the visits of the tallies that gave it, and their counts per category (summed below).
        sql<{ offering_id: string; i: number; kind: BreakdownKind; visits: string; counts: unknown }>`
          select t.offering_id, p.i, k.kind, sum(t.visits) as visits, jsonb_agg(k.counts) as counts
          from ${tallies(true)} join ${periodTable} on t.on_date between p.p_from and p.p_to
            cross join lateral jsonb_each(t.breakdown) as k(kind, counts)
          where jsonb_typeof(k.counts) = 'object'
          group by t.offering_id, p.i, k.kind`.execute(db),
      ]);
      const key = (row: { offering_id: string; i: number }) => `${row.offering_id} ${row.i}`;
      const byKey = new Map<string, TallySum>();
      for (const row of sums.rows) {
        const period = periods[Number(row.i)]!;
        byKey.set(key(row), {
          offeringId: row.offering_id,
          from: period.from,
          to: period.to,
          visits: Number(row.visits),
          daysCounted: Number(row.days),
          registeredBy: [...arrayOf(row.names)].sort(),
          lastRegisteredAt: row.last === null ? null : new Date(row.last),
          countedBy: countUnits.filter((unit) => arrayOf(row.units).includes(unit)),
          breakdowns: {},
        });
      }
      for (const row of kinds.rows) {
        const sum = byKey.get(key(row));
        if (!sum || !breakdownKindList.includes(row.kind)) continue;
        const categories: Record<string, number> = {};
        const counts = (typeof row.counts === 'string' ? JSON.parse(row.counts) : row.counts) as Record<string, number>[];
        for (const each of counts) for (const [category, count] of Object.entries(each)) categories[category] = (categories[category] ?? 0) + Number(count);
        sum.breakdowns[row.kind] = { visits: Number(row.visits), categories };
      }
      return [...byKey.values()];
    },
    async versions(offeringId, from, to) {
      const rows = await select(db).where('offering_id', '=', offeringId).where('on_date', '>=', from).where('on_date', '<=', to).execute();
      return rows.map(tally);
    },
    async version(offeringId, id) {
      const row = await select(db).where('offering_id', '=', offeringId).where('id', '=', id).executeTakeFirst();
      return row ? tally(row) : null;
    },
    async correct(input, audit) {
      // PGlite has one connection: everything inside uses `trx`, never `db`.
      return db.transaction().execute(async (trx) => {
        const latest = async (id: string) => {
          let head = await select(trx).where('id', '=', id).executeTakeFirstOrThrow();
          for (;;) {
            const later = await select(trx).where('supersedes', '=', head.id).executeTakeFirst();
            if (!later) return tally(head);
            head = later;
          }
        };
        const seen = await latest(input.supersedes);
        if (seen.id !== input.supersedes) {
          // A resend of a correction already saved is no new correction.
          if (seen.clientId === input.clientId) return 'duplicate' as const;
          return { stale: seen };
        }
        const unit = input.unit ?? 'day';
        if (!input.withdrawn) {
          const other = await otherUnitOn(trx, input, unit);
          if (other) return { otherUnit: other.unit };
        }
        const inserted = await trx
          .insertInto('visit_tally')
          .values({ ...row(input, unit), supersedes: input.supersedes, withdrawn: input.withdrawn, reason: input.reason })
          // Either key: the same client id (a resend) or the same version corrected by someone else in the same instant.
          .onConflict((conflict) => conflict.doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted) {
          const again = await trx.selectFrom('visit_tally').select('id').where('client_id', '=', input.clientId).executeTakeFirst();
          return again ? ('duplicate' as const) : { stale: await latest(input.supersedes) };
        }
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'corrected' as const;
      });
    },
    async addReview(review, audit) {
      await audited(db, audit, async (trx) => {
        await trx
          .insertInto('visit_month_review')
          .values({
            id: review.id,
            offering_id: review.offeringId,
            month: review.month,
            verdict: review.verdict,
            visits_seen: review.visitsSeen,
            comment: review.comment,
            reviewed_by: review.reviewedBy,
            reviewed_by_name: review.reviewedByName,
            reviewed_at: review.reviewedAt,
          })
          .execute();
      });
    },
    async reviews(offeringId, month) {
      const rows = await db
        .selectFrom('visit_month_review')
        .select(['id', 'month', 'verdict', 'visits_seen', 'comment', 'reviewed_by_name', 'reviewed_at'])
        .where('offering_id', '=', offeringId)
        .where('month', '=', month)
        .orderBy('seq')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        month: row.month,
        verdict: row.verdict,
        visitsSeen: row.visits_seen,
        comment: row.comment,
        reviewedByName: row.reviewed_by_name,
        reviewedAt: new Date(row.reviewed_at),
      }));
    },
    async settings(offeringId) {
      const row = await db.selectFrom('visit_count_setting').selectAll().where('offering_id', '=', offeringId).executeTakeFirst();
      if (!row) return null;
      return {
        unit: row.unit,
        breakdowns: row.breakdowns as BreakdownKind[],
        memberNumbers: row.member_numbers,
        memberKey: row.member_key,
        updatedByName: row.updated_by_name,
        updatedAt: new Date(row.updated_at),
      };
    },
    async saveSettings(offeringId, settings, audit) {
      await audited(db, audit, async (trx) => {
        const values = {
          unit: settings.unit,
          breakdowns: sql<string[]>`${sql.val(settings.breakdowns)}::text[]`,
          member_numbers: settings.memberNumbers,
          updated_by_name: settings.updatedByName,
          updated_at: settings.updatedAt,
        };
        await trx
          .insertInto('visit_count_setting')
          .values({ offering_id: offeringId, member_key: settings.memberKey, ...values })
          // The key stays as it was made: a new key would make every card a new member.
          .onConflict((conflict) => conflict.column('offering_id').doUpdateSet(values))
          .execute();
      });
    },
    async addMemberVisit(visit, audit) {
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('member_visit')
          .values({
            id: visit.id,
            offering_id: visit.offeringId,
            on_date: visit.date,
            member_hash: visit.memberHash,
            registered_by: visit.registeredBy,
            registered_by_name: visit.registeredByName,
            registered_at: visit.registeredAt,
          })
          .onConflict((conflict) => conflict.columns(['offering_id', 'on_date', 'member_hash']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted) return 'duplicate' as const;
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'added' as const;
      });
    },
    async memberVisitsOf(offeringIds, from, to) {
      if (offeringIds.length === 0) return [];
      const rows = await db
        .selectFrom('member_visit')
        .select(['offering_id', 'on_date', 'member_hash', 'registered_by_name', 'registered_at'])
        .where('offering_id', 'in', [...offeringIds])
        .where('on_date', '>=', from)
        .where('on_date', '<=', to)
        .orderBy('on_date')
        .execute();
      return rows.map((row) => ({ offeringId: row.offering_id, date: row.on_date, memberHash: row.member_hash, registeredByName: row.registered_by_name, registeredAt: new Date(row.registered_at) }));
    },
    async courseMeetingsOf(offeringIds, from, to) {
      if (offeringIds.length === 0) return [];
      const meetings = await db
        .selectFrom('course_session')
        .innerJoin('course', 'course.id', 'course_session.course_id')
        .leftJoin('course_attendance', 'course_attendance.session_id', 'course_session.id')
        .select([
          'course.offering_id',
          'course_session.id',
          'course_session.on_date',
          sql<string>`count(course_attendance.session_id)`.as('marks'),
          sql<string>`count(*) filter (where course_attendance.present)`.as('present'),
          sql<Date | null>`max(course_attendance.recorded_at)`.as('last'),
        ])
        .where('course.offering_id', 'in', [...offeringIds])
        .where('course_session.is_cancelled', '=', false)
        .where('course.status', '<>', 'cancelled')
        .where('course_session.on_date', '>=', from)
        .where('course_session.on_date', '<=', to)
        .groupBy(['course.offering_id', 'course_session.id', 'course_session.on_date'])
        .execute();
      if (meetings.length === 0) return [];
      const courseIds = await db.selectFrom('course').select(['id', 'offering_id']).where('offering_id', 'in', [...offeringIds]).execute();
      // Who recorded attendance: the course register's own audit entries ('course.attendance').
      const recorders = courseIds.length
        ? await db
            .selectFrom('audit_entry')
            .select(['resource_id', 'actor_name'])
            .distinct()
            .where('action', '=', 'course.attendance')
            .where('resource_id', 'in', courseIds.map((course) => course.id))
            .execute()
        : [];
      return [...new Set(meetings.map((meeting) => meeting.offering_id))].map((offeringId) => {
        const own = meetings.filter((meeting) => meeting.offering_id === offeringId);
        const courses = new Set(courseIds.filter((course) => course.offering_id === offeringId).map((course) => course.id));
        const last = own.reduce<Date | null>((latest, meeting) => (meeting.last && (!latest || new Date(meeting.last) > latest) ? new Date(meeting.last) : latest), null);
        return {
          offeringId,
          meetings: own.map((meeting) => ({ date: meeting.on_date, present: Number(meeting.present), marked: Number(meeting.marks) > 0 })),
          registeredBy: recorders.filter((row) => row.resource_id !== null && courses.has(row.resource_id)).map((row) => row.actor_name),
          lastRegisteredAt: last,
        };
      });
    },
  };
}
