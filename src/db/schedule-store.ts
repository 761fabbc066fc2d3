import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { HolidayKey } from '../domain/schedule/holidays.ts';
import type {
  Activity,
  ActivityPlace,
  HolidayRule,
  OpeningRule,
  Period,
  Recurrence,
  Schedule,
  ScheduleException,
} from '../domain/schedule/model.ts';
import type { ScheduleDay } from '../app/ports.ts';
import type { ScheduleStore } from '../app/save-schedule.ts';
import type { SavedTimesChange, TimeEditStore, TimesProposal, TimesProposalChange, TimesWrite } from '../app/edit-schedule.ts';
import { auditRow } from './access-store.ts';
import type { DB, SchedulePeriodJson, TimesProposalTable } from './schema.ts';

/** Schedules and activities: rows to the domain's model and back. Whole schedules are replaced, never patched. */

export type OfferingTime = { schedule: Schedule; activities: Activity[] };

const hhmm = (time: string) => time.slice(0, 5);

function recurrenceOf(row: {
  recurrence: 'weekly' | 'monthly';
  interval_weeks: number;
  anchor_date: string | null;
  nth_in_month: number | null;
}): Recurrence {
  return row.recurrence === 'monthly'
    ? { kind: 'monthly', nth: row.nth_in_month ?? 1 }
    : { kind: 'weekly', interval: row.interval_weeks, anchor: row.anchor_date };
}

function recurrenceColumns(recurrence: Recurrence) {
  return recurrence.kind === 'monthly'
    ? { recurrence: 'monthly' as const, interval_weeks: 1, anchor_date: null, nth_in_month: recurrence.nth }
    : {
        recurrence: 'weekly' as const,
        interval_weeks: recurrence.interval,
        anchor_date: recurrence.anchor,
        nth_in_month: null,
      };
}

const period = (item: SchedulePeriodJson): Period => ({
  opens: item.opens,
  closes: item.closes,
  isUserRun: item.isUserRun,
  isStaffPresent: item.isStaffPresent,
});

/**
 * The schedule and activities of each offering in `ids` (an offering without any gets an empty schedule).
 * `activities: false` reads the opening hours only. With `day`, only what can apply on that date is read
 * (that weekday's rules, the exceptions covering it, the rule for its holiday): enough to answer for that
 * date, as the finder's "open now" does for thousands of places, and for no other.
 */
export async function loadOfferingTimes(
  db: Kysely<DB> | Transaction<DB>,
  ids: readonly string[],
  { activities: withActivities = true, day }: { activities?: boolean; day?: ScheduleDay } = {},
): Promise<Map<string, OfferingTime>> {
  const times = new Map<string, OfferingTime>();
  if (ids.length === 0) return times;
  // One array parameter, however many offerings: a list of thousands of parameters costs more to send and plan.
  const inIds = [...ids];
  const [offerings, rules, exceptions, holidayRules, activities] = await Promise.all([
    db.selectFrom('offering').select(['id', 'holiday_standard']).where(sql<boolean>`id = any(${inIds})`).execute(),
    db
      .selectFrom('schedule')
      .select([
        'id',
        'offering_id',
        'weekday',
        'opens_at',
        'closes_at',
        'is_user_run',
        'is_staff_present',
        'recurrence',
        'interval_weeks',
        'anchor_date',
        'nth_in_month',
        'valid_from',
        'valid_to',
        'description',
        'is_example',
      ])
      .where(sql<boolean>`offering_id = any(${inIds})`)
      .$if(day !== undefined, (query) => query.where('weekday', '=', day!.weekday))
      .orderBy('weekday')
      .orderBy('opens_at')
      .execute(),
    db
      .selectFrom('schedule_exception')
      .select(['id', 'offering_id', 'starts_on', 'ends_on', 'kind', 'periods', 'reason', 'is_example'])
      .where(sql<boolean>`offering_id = any(${inIds})`)
      .$if(day !== undefined, (query) => query.where('starts_on', '<=', day!.date).where('ends_on', '>=', day!.date))
      .orderBy('starts_on')
      .execute(),
    day?.holidayKey === null
      ? Promise.resolve([])
      : db
          .selectFrom('holiday_rule')
          .select(['offering_id', 'holiday_key', 'kind', 'periods'])
          .where(sql<boolean>`offering_id = any(${inIds})`)
          .$if(day !== undefined, (query) => query.where('holiday_key', '=', day!.holidayKey!))
          .orderBy('holiday_key')
          .execute(),
    withActivities
      ? db
          .selectFrom('activity')
          .leftJoin('location', 'location.id', 'activity.location_id')
          .select([
            'activity.id',
            'activity.offering_id',
            'activity.location_id',
            'activity.name',
            'activity.description',
            'activity.kind',
            'activity.occurs_on',
            'activity.weekday',
            'activity.recurrence',
            'activity.interval_weeks',
            'activity.anchor_date',
            'activity.nth_in_month',
            'activity.valid_from',
            'activity.valid_to',
            'activity.starts_at',
            'activity.ends_at',
            'activity.is_user_run',
            'activity.is_example',
            sql<string[]>`activity.cancelled_on::text[]`.as('cancelled_dates'),
            'location.name as place_name',
            'location.address_1 as place_address',
            'location.postal_code as place_postcode',
            'location.city as place_city',
            'location.latitude as place_latitude',
            'location.longitude as place_longitude',
          ])
          .where(sql<boolean>`activity.offering_id = any(${inIds})`)
          .orderBy('activity.occurs_on')
          .orderBy('activity.weekday')
          .orderBy('activity.starts_at')
          .execute()
      : Promise.resolve([]),
  ]);
  for (const row of offerings) {
    times.set(row.id, {
      schedule: { rules: [], exceptions: [], holidays: { standard: row.holiday_standard, rules: [] } },
      activities: [],
    });
  }
  for (const row of rules) {
    const rule: OpeningRule = {
      id: row.id,
      weekday: row.weekday,
      opens: hhmm(row.opens_at),
      closes: hhmm(row.closes_at),
      isUserRun: row.is_user_run,
      isStaffPresent: row.is_staff_present,
      recurrence: recurrenceOf(row),
      validFrom: row.valid_from,
      validTo: row.valid_to,
      description: row.description,
      isExample: row.is_example,
    };
    times.get(row.offering_id)?.schedule.rules.push(rule);
  }
  for (const row of exceptions) {
    const exception: ScheduleException = {
      id: row.id,
      from: row.starts_on,
      to: row.ends_on,
      kind: row.kind,
      periods: row.periods.map((item) => ({ ...period(item), weekdays: item.weekdays ?? null })),
      reason: row.reason,
      isExample: row.is_example,
    };
    times.get(row.offering_id)?.schedule.exceptions.push(exception);
  }
  for (const row of holidayRules) {
    const rule: HolidayRule = { holiday: row.holiday_key as HolidayKey, kind: row.kind, periods: row.periods.map(period) };
    times.get(row.offering_id)?.schedule.holidays.rules.push(rule);
  }
  for (const row of activities) {
    const place: ActivityPlace | null =
      row.location_id && row.place_name
        ? {
            name: row.place_name,
            address: row.place_address,
            postcode: row.place_postcode,
            city: row.place_city,
            latitude: row.place_latitude,
            longitude: row.place_longitude,
          }
        : null;
    const activity: Activity = {
      id: row.id,
      name: row.name,
      description: row.description,
      kind: row.kind,
      when:
        row.occurs_on !== null
          ? { kind: 'once', date: row.occurs_on }
          : {
              kind: 'repeats',
              weekday: row.weekday ?? 1,
              recurrence: recurrenceOf(row),
              validFrom: row.valid_from,
              validTo: row.valid_to,
            },
      startsAt: hhmm(row.starts_at),
      endsAt: row.ends_at ? hhmm(row.ends_at) : null,
      place,
      isUserRun: row.is_user_run,
      cancelledOn: row.cancelled_dates,
      isExample: row.is_example,
    };
    times.get(row.offering_id)?.activities.push(activity);
  }
  return times;
}

const periodsJson = (periods: readonly (Period & { weekdays?: number[] | null })[]) =>
  JSON.stringify(
    periods.map((item) => ({
      opens: item.opens,
      closes: item.closes,
      isUserRun: item.isUserRun,
      isStaffPresent: item.isStaffPresent,
      ...(item.weekdays !== undefined ? { weekdays: item.weekdays } : {}),
    })),
  );

/**
 * Replace an offering's whole schedule inside the caller's transaction, so that a failure anywhere
 * leaves the old schedule as it was. The caller has validated it (domain/schedule/validate.ts).
 */
export async function replaceSchedule(trx: Transaction<DB>, offeringId: string, schedule: Schedule): Promise<void> {
  await trx.deleteFrom('schedule').where('offering_id', '=', offeringId).execute();
  await trx.deleteFrom('schedule_exception').where('offering_id', '=', offeringId).execute();
  await trx.deleteFrom('holiday_rule').where('offering_id', '=', offeringId).execute();
  await trx.updateTable('offering').set({ holiday_standard: schedule.holidays.standard }).where('id', '=', offeringId).execute();
  if (schedule.rules.length > 0) {
    await trx
      .insertInto('schedule')
      .values(
        schedule.rules.map((rule) => ({
          id: rule.id,
          offering_id: offeringId,
          weekday: rule.weekday,
          opens_at: rule.opens,
          closes_at: rule.closes,
          is_user_run: rule.isUserRun,
          is_staff_present: rule.isStaffPresent,
          description: rule.description,
          is_example: rule.isExample,
          valid_from: rule.validFrom,
          valid_to: rule.validTo,
          ...recurrenceColumns(rule.recurrence),
        })),
      )
      .execute();
  }
  if (schedule.exceptions.length > 0) {
    await trx
      .insertInto('schedule_exception')
      .values(
        schedule.exceptions.map((exception) => ({
          id: exception.id,
          offering_id: offeringId,
          starts_on: exception.from,
          ends_on: exception.to,
          kind: exception.kind,
          periods: periodsJson(exception.periods),
          reason: exception.reason,
          is_example: exception.isExample,
        })),
      )
      .execute();
  }
  if (schedule.holidays.rules.length > 0) {
    await trx
      .insertInto('holiday_rule')
      .values(
        schedule.holidays.rules.map((rule) => ({
          offering_id: offeringId,
          holiday_key: rule.holiday,
          kind: rule.kind,
          periods: periodsJson(rule.periods),
        })),
      )
      .execute();
  }
}

/** The columns of an activity row, for the seed and for saving an edited activity. */
export function activityColumns(activity: Activity, offeringId: string, locationId: string | null) {
  const when = activity.when;
  return {
    id: activity.id,
    offering_id: offeringId,
    location_id: locationId,
    name: activity.name,
    description: activity.description,
    kind: activity.kind,
    starts_at: activity.startsAt,
    ends_at: activity.endsAt,
    is_user_run: activity.isUserRun,
    is_example: activity.isExample,
    cancelled_on: activity.cancelledOn,
    ...(when.kind === 'once'
      ? { occurs_on: when.date, weekday: null, valid_from: null, valid_to: null, ...recurrenceColumns({ kind: 'weekly', interval: 1, anchor: null }) }
      : { occurs_on: null, weekday: when.weekday, valid_from: when.validFrom, valid_to: when.validTo, ...recurrenceColumns(when.recurrence) }),
  };
}

/** ScheduleStore on Kysely: each replace in its own transaction (on PGlite, the one connection's). */
export function createScheduleStore(db: Kysely<DB>): ScheduleStore {
  return {
    async replaceSchedule(offeringId, schedule) {
      return db.transaction().execute(async (trx) => {
        const offering = await trx.selectFrom('offering').select('id').where('id', '=', offeringId).executeTakeFirst();
        if (!offering) return false;
        await replaceSchedule(trx, offeringId, schedule);
        return true;
      });
    },
  };
}

const placeKey = (place: { name: string; address: string | null; postcode: string | null; city: string | null }) =>
  JSON.stringify([place.name, place.address, place.postcode, place.city]);

/** The prefix of the places made for an activity here; the seed's places are never removed. */
const activityPlaceSlug = 'aktivitetssted-';

/**
 * Replace an offering's whole list of activities inside the caller's transaction. A place elsewhere
 * keeps the location it had when its name and address are unchanged (with its coordinates); otherwise
 * it gets a new one, and a place made here that no activity uses any more is removed.
 */
export async function replaceActivities(trx: Transaction<DB>, offeringId: string, activities: readonly Activity[]): Promise<void> {
  const old = await trx
    .selectFrom('activity')
    .innerJoin('location', 'location.id', 'activity.location_id')
    .select(['location.id', 'location.name', 'location.address_1', 'location.postal_code', 'location.city'])
    .where('activity.offering_id', '=', offeringId)
    .execute();
  const known = new Map(old.map((row) => [placeKey({ name: row.name, address: row.address_1, postcode: row.postal_code, city: row.city }), row.id]));
  await trx.deleteFrom('activity').where('offering_id', '=', offeringId).execute();
  const rows: ReturnType<typeof activityColumns>[] = [];
  for (const activity of activities) {
    let locationId: string | null = null;
    if (activity.place) {
      const place = activity.place;
      locationId = known.get(placeKey(place)) ?? null;
      if (!locationId) {
        locationId = crypto.randomUUID();
        await trx
          .insertInto('location')
          .values({
            id: locationId,
            slug: `${activityPlaceSlug}${locationId}`,
            kind: place.address ? 'address' : 'area',
            name: place.name,
            address_1: place.address,
            postal_code: place.postcode,
            city: place.city,
            area_description: place.address ? null : place.name,
            latitude: null,
            longitude: null,
            coordinate_precision: 'none',
            seed_refs: [],
          })
          .execute();
        known.set(placeKey(place), locationId);
      }
    }
    rows.push(activityColumns(activity, offeringId, locationId));
  }
  if (rows.length > 0) await trx.insertInto('activity').values(rows).execute();
  const unused = [...new Set(old.map((row) => row.id))].filter((id) => !rows.some((row) => row.location_id === id));
  if (unused.length > 0) {
    await trx
      .deleteFrom('location')
      .where('id', 'in', unused)
      .where('slug', 'like', `${activityPlaceSlug}%`)
      .where((eb) =>
        eb.and([
          eb.not(eb.exists(eb.selectFrom('activity').select('activity.id').whereRef('activity.location_id', '=', 'location.id'))),
          eb.not(eb.exists(eb.selectFrom('service_at_location').select('service_at_location.id').whereRef('service_at_location.location_id', '=', 'location.id'))),
        ]),
      )
      .execute();
  }
}

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

function proposalOf(row: Selectable<TimesProposalTable>): TimesProposal {
  const stored = json<Record<string, unknown>>(row.change);
  const base = row.base === null ? null : json<unknown>(row.base);
  return {
    id: row.id,
    offeringId: row.offering_id,
    change: { ...stored, kind: row.kind, base } as TimesProposalChange,
    baseFingerprint: row.base_fingerprint,
    summary: row.summary,
    proposedBy: { id: row.proposed_by, name: row.proposed_by_name },
    createdAt: new Date(row.created_at),
    status: row.status,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at ? new Date(row.decided_at) : null,
    reason: row.reason,
  };
}

/** The audit actions that change hours or an activity: the history undo and restore read. */
const timesActions = ['schedule.replace', 'activity.add', 'activity.edit', 'activity.cancel', 'activity.remove'];

function savedChangeOf(row: { id: string; at: Date | string; actor_name: string; summary: string; action: string; resource_id: string | null; detail: unknown }): SavedTimesChange | null {
  if (!row.resource_id || !timesActions.includes(row.action)) return null;
  const common = { auditId: String(row.id), offeringId: row.resource_id, at: new Date(row.at), actorName: row.actor_name, summary: row.summary };
  if (row.action === 'schedule.replace') {
    const detail = json<{ before: Schedule; after: Schedule }>(row.detail);
    return { ...common, kind: 'schedule', before: detail.before, after: detail.after };
  }
  const detail = json<{ activity: string; before: Activity | null; after: Activity | null }>(row.detail);
  return { ...common, kind: 'activity', activityId: detail.activity, before: detail.before, after: detail.after };
}

/**
 * Write what a change of the times decided, inside the caller's transaction: the whole schedule and/or
 * the whole list of activities, the verification it counts as (ADR 014), and its audit entry.
 */
async function writeTimes(trx: Transaction<DB>, offeringId: string, write: TimesWrite): Promise<string> {
  if (write.schedule) await replaceSchedule(trx, offeringId, write.schedule);
  if (write.activities) await replaceActivities(trx, offeringId, write.activities);
  await trx
    .updateTable('offering')
    .set({ updated_at: write.audit.at, verified_at: write.audit.at, verified_by: write.audit.actorId })
    .where('id', '=', offeringId)
    .execute();
  const inserted = await trx.insertInto('audit_entry').values(auditRow(write.audit)).returning('id').executeTakeFirstOrThrow();
  return String(inserted.id);
}

const isUuid = (id: string) => /^[0-9a-f-]{36}$/.test(id);

/** TimeEditStore on Kysely: each change in one transaction, the offering's row locked while it is read and written. */
export function createTimeEditStore(db: Kysely<DB>): TimeEditStore {
  return {
    async timesOf(offeringId) {
      if (!isUuid(offeringId)) return null;
      return (await loadOfferingTimes(db, [offeringId])).get(offeringId) ?? null;
    },
    async update(offeringId, decide) {
      // PGlite has one connection: everything inside uses `trx`, never `db`.
      return db.transaction().execute(async (trx) => {
        const offering = await trx.selectFrom('offering').select('id').where('id', '=', offeringId).forUpdate().executeTakeFirst();
        if (!offering) return null;
        const now = (await loadOfferingTimes(trx, [offeringId])).get(offeringId)!;
        const { result, write } = decide(now);
        if (!write) return { result, auditId: null };
        return { result, auditId: await writeTimes(trx, offeringId, write) };
      });
    },
    async propose(proposal, entry) {
      const id = crypto.randomUUID();
      const { base, ...change } = proposal.change;
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('times_proposal')
          .values({
            id,
            offering_id: proposal.offeringId,
            kind: change.kind,
            change: JSON.stringify(change),
            base: base === null ? null : JSON.stringify(base),
            base_fingerprint: proposal.baseFingerprint,
            summary: proposal.summary,
            proposed_by: proposal.by.id,
            proposed_by_name: proposal.by.name,
            created_at: proposal.at,
          })
          .execute();
        await trx.insertInto('audit_entry').values(auditRow({ ...entry, detail: { ...entry.detail, proposal: id } })).execute();
      });
      return id;
    },
    async proposals(filter) {
      let query = db.selectFrom('times_proposal').selectAll().orderBy('created_at', 'desc');
      if (filter.offeringId) query = query.where('offering_id', '=', filter.offeringId);
      if (filter.status) query = query.where('status', '=', filter.status);
      return (await query.execute()).map(proposalOf);
    },
    async proposal(id) {
      if (!isUuid(id)) return null;
      const row = await db.selectFrom('times_proposal').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? proposalOf(row) : null;
    },
    async settle(id, decide) {
      if (!isUuid(id)) return 'not_found';
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('times_proposal').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!row) return 'not_found' as const;
        if (row.status !== 'pending') return 'decided' as const;
        await trx.selectFrom('offering').select('id').where('id', '=', row.offering_id).forUpdate().executeTakeFirst();
        const now = (await loadOfferingTimes(trx, [row.offering_id])).get(row.offering_id)!;
        const { result, decision, write, audit } = decide(proposalOf(row), now);
        const auditId = write ? await writeTimes(trx, row.offering_id, write) : null;
        if (decision) {
          await trx
            .updateTable('times_proposal')
            .set({ status: decision.status, decided_by: decision.by.id, decided_by_name: decision.by.name, decided_at: decision.at, reason: decision.reason })
            .where('id', '=', id)
            .execute();
        }
        for (const entry of audit) await trx.insertInto('audit_entry').values(auditRow(entry)).execute();
        return { result, auditId };
      });
    },
    async changes(offeringId) {
      if (!isUuid(offeringId)) return [];
      const rows = await db
        .selectFrom('audit_entry')
        .select(['id', 'at', 'actor_name', 'summary', 'action', 'resource_id', 'detail'])
        .where('resource_type', '=', 'offering')
        .where('resource_id', '=', offeringId)
        .where('action', 'in', timesActions)
        .orderBy('id', 'desc')
        .execute();
      return rows.flatMap((row) => savedChangeOf(row) ?? []);
    },
    async savedChange(auditId) {
      if (!/^\d{1,18}$/.test(auditId)) return null;
      const row = await db
        .selectFrom('audit_entry')
        .select(['id', 'at', 'actor_name', 'summary', 'action', 'resource_id', 'detail'])
        .where('id', '=', auditId)
        .where('resource_type', '=', 'offering')
        .executeTakeFirst();
      return row ? savedChangeOf(row) : null;
    },
  };
}
