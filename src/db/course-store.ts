import { type Kysely, type Selectable, type Transaction, sql } from 'kysely';
import type {
  CancelCourseOutcome,
  CourseAdminStore,
  CourseFields,
  CourseListFilter,
  CourseStore,
  ParticipantState,
  RemoveOutcome,
  SaveCourseOutcome,
  SessionChangeOutcome,
  SessionFields,
  EnrolOutcome,
  OutboxMail,
  Participant,
  Referral,
  ReferralMails,
  ReferralMoveOutcome,
  RetentionReport,
} from '../app/course-store.ts';
import type { Course, CourseOccupancy, CourseSession } from '../domain/course/model.ts';
import { courseSlug, whyNotJoinable } from '../domain/course/model.ts';
import { placeFor, promotions, sameName } from '../domain/course/enrolment.ts';
import { holdsPlace, isClosed, nextStates, type ReferralState } from '../domain/course/referral.ts';
import { auditRow } from './access-store.ts';
import type { DB } from './schema.ts';

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
const hhmm = (time: string) => time.slice(0, 5);

/** The catalogue fields as a row. */
function courseRow(fields: CourseFields) {
  return {
    title: fields.title,
    kind: fields.kind,
    track: fields.track,
    purpose: fields.purpose,
    target_group: fields.targetGroup,
    run_by: fields.runBy,
    format: fields.format,
    capacity: fields.capacity,
    language: fields.language,
    price: fields.price,
    how_to_join: fields.howToJoin,
    goal: fields.goal,
  };
}

function sessionRow(fields: SessionFields) {
  return { on_date: fields.date, starts_at: fields.startsAt, ends_at: fields.endsAt, place_note: fields.placeNote };
}

type Executor = Kysely<DB> | Transaction<DB>;

/** Courses, their participants and referrals on Kysely (ADR 023). */
export function createCourseStore(db: Kysely<DB>): CourseStore & CourseAdminStore {
  async function loadCourses(
    executor: Executor,
    where: { id?: string; slug?: string; offeringId?: string } & CourseListFilter,
  ): Promise<{ course: Course; occupancy: CourseOccupancy }[]> {
    let query = executor
      .selectFrom('course')
      .innerJoin('offering', 'offering.id', 'course.offering_id')
      .leftJoin('organization as operator', 'operator.id', 'offering.operator_id')
      .select([
        'course.id',
        'course.slug',
        'course.title',
        'course.kind',
        'course.track',
        'course.purpose',
        'course.target_group',
        'course.run_by',
        'course.format',
        'course.capacity',
        'course.language',
        'course.price',
        'course.how_to_join',
        'course.goal',
        'course.status',
        'course.cancel_reason',
        'course.version',
        'course.seed_refs',
        'course.is_example',
        'offering.id as offering_id',
        'offering.slug as offering_slug',
        'offering.name as offering_name',
        'operator.id as operator_id',
        'operator.name as operator_name',
      ]);
    if (where.id !== undefined) query = query.where('course.id', '=', where.id);
    if (where.slug !== undefined) query = query.where('course.slug', '=', where.slug);
    if (where.offeringId !== undefined) query = query.where('course.offering_id', '=', where.offeringId).orderBy('course.created_at', 'desc');
    if (where.ids !== undefined) {
      const ids = where.ids.filter(isUuid);
      if (ids.length === 0) return [];
      query = query.where('course.id', '=', sql<string>`any(${ids})`);
    }
    if (where.offeringIds !== undefined) {
      if (where.offeringIds.length === 0) return [];
      query = query.where('course.offering_id', '=', sql<string>`any(${[...where.offeringIds]})`);
    }
    if (where.kind !== undefined) query = query.where('course.kind', '=', where.kind);
    if (where.notEndedOn !== undefined) {
      const date = where.notEndedOn;
      query = query.where(
        // In parentheses: raw SQL is not wrapped, and a bare «or» would undo the filters before it (kind, offerings).
        sql<boolean>`(not exists (select 1 from course_session s where s.course_id = course.id and not s.is_cancelled and s.on_date < ${date}::date)
          or exists (select 1 from course_session s where s.course_id = course.id and not s.is_cancelled and s.on_date >= ${date}::date))`,
      );
    }
    if (where.meetingBetween !== undefined) {
      const { from, to } = where.meetingBetween;
      query = query.where(sql<boolean>`exists (select 1 from course_session s where s.course_id = course.id and s.on_date between ${from}::date and ${to}::date)`);
    }
    const rows = await query.execute();
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const sessions = await executor
      .selectFrom('course_session')
      .leftJoin('location', 'location.id', 'course_session.location_id')
      .select([
        'course_session.id',
        'course_session.course_id',
        'course_session.on_date',
        'course_session.starts_at',
        'course_session.ends_at',
        'course_session.place_note',
        'course_session.is_cancelled',
        'location.id as location_id',
        'location.name as location_name',
        'location.address_1',
        'location.postal_code',
        'location.city',
      ])
      .where('course_session.course_id', '=', sql<string>`any(${ids})`)
      .orderBy('course_session.on_date')
      .orderBy('course_session.starts_at')
      .execute();
    const counts = await executor
      .selectFrom('course_participant')
      .select(['course_id', 'state', (eb) => eb.fn.countAll<string>().as('n')])
      .where('course_id', '=', sql<string>`any(${ids})`)
      .where('state', 'in', ['enrolled', 'waitlisted'])
      .groupBy(['course_id', 'state'])
      .execute();
    const sessionsOf = new Map<string, CourseSession[]>();
    for (const row of sessions) {
      const list = sessionsOf.get(row.course_id) ?? [];
      list.push({
        id: row.id,
        date: row.on_date,
        startsAt: hhmm(row.starts_at),
        endsAt: hhmm(row.ends_at),
        location: row.location_id
          ? {
              id: row.location_id,
              name: row.location_name ?? '',
              address: row.address_1 ? `${row.address_1}, ${row.postal_code ?? ''} ${row.city ?? ''}`.trim() : null,
            }
          : null,
        placeNote: row.place_note,
        isCancelled: row.is_cancelled,
      });
      sessionsOf.set(row.course_id, list);
    }
    const occupancyOf = new Map<string, CourseOccupancy>();
    for (const row of counts) {
      const occupancy = occupancyOf.get(row.course_id) ?? { enrolled: 0, waitlisted: 0 };
      occupancy[row.state as 'enrolled' | 'waitlisted'] = Number(row.n);
      occupancyOf.set(row.course_id, occupancy);
    }
    return rows.map((row) => ({
      course: {
        id: row.id,
        slug: row.slug,
        title: row.title,
        kind: row.kind,
        track: row.track,
        purpose: row.purpose,
        targetGroup: row.target_group,
        offering: { id: row.offering_id, slug: row.offering_slug, name: row.offering_name },
        operator: row.operator_id ? { id: row.operator_id, name: row.operator_name ?? '' } : null,
        runBy: row.run_by,
        format: row.format,
        capacity: row.capacity,
        language: row.language,
        price: row.price,
        howToJoin: row.how_to_join,
        goal: row.goal,
        status: row.status,
        cancelReason: row.cancel_reason,
        sessions: sessionsOf.get(row.id) ?? [],
        version: row.version,
        seedRefs: row.seed_refs,
        isExample: row.is_example,
      },
      occupancy: occupancyOf.get(row.id) ?? { enrolled: 0, waitlisted: 0 },
    }));
  }

  const participantColumns = [
    'id',
    'course_id',
    'position',
    'display_name',
    'contact',
    'state',
    'referral_id',
    'joined_at',
    'promoted_at',
    'left_at',
  ] as const;
  type ParticipantRow = Pick<DB['course_participant'], (typeof participantColumns)[number]>;
  const participant = (row: { [K in keyof ParticipantRow]: unknown }): Participant => ({
    id: row.id as string,
    courseId: row.course_id as string,
    position: Number(row.position),
    displayName: row.display_name as string,
    contact: row.contact as string | null,
    state: row.state as Participant['state'],
    referralId: row.referral_id as string | null,
    joinedAt: new Date(row.joined_at as Date),
    promotedAt: row.promoted_at ? new Date(row.promoted_at as Date) : null,
    leftAt: row.left_at ? new Date(row.left_at as Date) : null,
  });

  async function lockCourse(trx: Transaction<DB>, courseId: string) {
    return trx.selectFrom('course').select(['id', 'capacity', 'status', 'kind']).where('id', '=', courseId).forUpdate().executeTakeFirst();
  }

  /**
   * A meeting that may still change, with its course locked and loaded: not found, or refused because the
   * course or the meeting is cancelled.
   */
  async function openSessionUnderLock(
    trx: Transaction<DB>,
    courseId: string,
    sessionId: string,
  ): Promise<{ kind: 'not_found' | 'course_cancelled' | 'session_cancelled' } | { loaded: { course: Course }; before: CourseSession }> {
    const locked = await lockCourse(trx, courseId);
    if (!locked) return { kind: 'not_found' };
    const [loaded] = await loadCourses(trx, { id: courseId });
    const before = loaded!.course.sessions.find((item) => item.id === sessionId);
    if (!before) return { kind: 'not_found' };
    if (locked.status === 'cancelled') return { kind: 'course_cancelled' };
    if (before.isCancelled) return { kind: 'session_cancelled' };
    return { loaded: loaded!, before };
  }

  async function countEnrolled(trx: Transaction<DB>, courseId: string): Promise<number> {
    const row = await trx
      .selectFrom('course_participant')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('course_id', '=', courseId)
      .where('state', '=', 'enrolled')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function nextPosition(trx: Transaction<DB>, courseId: string): Promise<number> {
    const row = await trx
      .selectFrom('course_participant')
      .select((eb) => eb.fn.coalesce(eb.fn.max('position'), sql<number>`0`).as('last'))
      .where('course_id', '=', courseId)
      .executeTakeFirstOrThrow();
    return Number(row.last) + 1;
  }

  /** Everyone enrolled or waiting, in arrival order: those told when a course or a meeting changes. */
  async function activePeople(trx: Transaction<DB>, courseId: string): Promise<Participant[]> {
    const rows = await trx
      .selectFrom('course_participant')
      .select(participantColumns)
      .where('course_id', '=', courseId)
      .where('state', 'in', ['enrolled', 'waitlisted'])
      .orderBy('position')
      .execute();
    return rows.map(participant);
  }

  /** Fill free places from the waiting list in arrival order; returns who moved up. */
  async function promote(trx: Transaction<DB>, courseId: string, capacity: number, at: Date): Promise<Participant[]> {
    const enrolled = await countEnrolled(trx, courseId);
    const waiting = await trx
      .selectFrom('course_participant')
      .select(participantColumns)
      .where('course_id', '=', courseId)
      .where('state', '=', 'waitlisted')
      .orderBy('position')
      .limit(Math.max(0, capacity - enrolled))
      .execute();
    const moving = promotions(capacity, enrolled, waiting);
    if (moving.length === 0) return [];
    const rows = await trx
      .updateTable('course_participant')
      .set({ state: 'enrolled', promoted_at: at })
      .where(
        'id',
        '=',
        sql<string>`any(${moving.map((row) => row.id)})`,
      )
      .returning(participantColumns)
      .execute();
    // A participant from a referral moves the referral too.
    const referralIds = rows.map((row) => row.referral_id).filter((id): id is string => id !== null);
    if (referralIds.length) {
      await trx
        .updateTable('referral')
        .set({ state: 'accepted', updated_at: at })
        .where('id', '=', sql<string>`any(${referralIds})`)
        .where('state', '=', 'waitlisted')
        .execute();
      for (const id of referralIds) {
        await trx.insertInto('referral_event').values({ referral_id: id, state: 'accepted', reason: 'Fik en ledig plads fra ventelisten', at, by_name: 'Tilbudsvifte' }).execute();
      }
    }
    return rows.map(participant).sort((a, b) => a.position - b.position);
  }

  async function loadReferral(executor: Executor, where: { id?: string; tokenHash?: string }): Promise<Referral | null> {
    let query = executor.selectFrom('referral').selectAll();
    if (where.id !== undefined) query = query.where('id', '=', where.id);
    if (where.tokenHash !== undefined) query = query.where('token_hash', '=', where.tokenHash);
    const row = await query.executeTakeFirst();
    if (!row) return null;
    return (await withEvents(executor, [row]))[0]!;
  }

  async function withEvents(executor: Executor, rows: Selectable<DB['referral']>[]): Promise<Referral[]> {
    if (rows.length === 0) return [];
    const events = await executor
      .selectFrom('referral_event')
      .selectAll()
      .where('referral_id', '=', sql<string>`any(${rows.map((row) => row.id as string)})`)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id as string,
      courseId: row.course_id as string,
      referrerAccountId: row.referrer_account_id as string,
      referrerName: row.referrer_name as string,
      referrerOrganisation: row.referrer_organisation as string,
      citizenName: row.citizen_name as string | null,
      citizenContact: row.citizen_contact as string | null,
      consentShared: row.consent_shared as string | null,
      consentWith: row.consent_with as string | null,
      consentUntil: row.consent_until as string | null,
      consentRecordedAt: row.consent_recorded_at ? new Date(row.consent_recorded_at as Date) : null,
      consentWithdrawnAt: row.consent_withdrawn_at ? new Date(row.consent_withdrawn_at as Date) : null,
      state: row.state as ReferralState,
      reason: row.reason as string | null,
      participantId: row.participant_id as string | null,
      createdAt: new Date(row.created_at as Date),
      updatedAt: new Date(row.updated_at as Date),
      anonymisedAt: row.anonymised_at ? new Date(row.anonymised_at as Date) : null,
      events: events
        .filter((event) => event.referral_id === row.id)
        .map((event) => ({ state: event.state as ReferralState, reason: event.reason, at: new Date(event.at), byName: event.by_name })),
    }));
  }

  /** The mails about referrals to their referrers: each referral with its referrer's email (null when the account is closed). */
  async function referralMails(trx: Transaction<DB>, referrals: Referral[], mailsFor: ReferralMails): Promise<OutboxMail[]> {
    if (referrals.length === 0) return [];
    const accounts = await trx
      .selectFrom('account')
      .select(['id', 'email', 'is_disabled'])
      .where('id', '=', sql<string>`any(${referrals.map((referral) => referral.referrerAccountId)})`)
      .execute();
    const emailOf = new Map(accounts.map((account) => [account.id, account.is_disabled ? null : account.email]));
    return referrals.flatMap((referral) => mailsFor(referral, emailOf.get(referral.referrerAccountId) ?? null));
  }

  /** The referrals behind participants who moved up from the waiting list. */
  async function promotedReferrals(trx: Transaction<DB>, promoted: Participant[]): Promise<Referral[]> {
    const ids = promoted.map((person) => person.referralId).filter((id): id is string => id !== null);
    if (ids.length === 0) return [];
    const rows = await trx.selectFrom('referral').selectAll().where('id', '=', sql<string>`any(${ids})`).orderBy('updated_at').execute();
    return withEvents(trx, rows);
  }

  async function queue(trx: Transaction<DB>, mails: (OutboxMail | null)[], at: Date) {
    for (const mail of mails) {
      if (!mail) continue;
      await trx.insertInto('outbox').values({ id: crypto.randomUUID(), recipient: mail.recipient, subject: mail.subject, body: mail.body, created_at: at }).execute();
    }
  }

  return {
    async listCourses(filter = {}) {
      return loadCourses(db, filter);
    },
    async courseCountsByOffering() {
      const rows = await db.selectFrom('course').select(['offering_id', (eb) => eb.fn.countAll<string>().as('courses')]).groupBy('offering_id').execute();
      return new Map(rows.map((row) => [row.offering_id, Number(row.courses)]));
    },
    async courseBySlug(slug) {
      return (await loadCourses(db, { slug }))[0] ?? null;
    },
    async courseById(id) {
      if (!isUuid(id)) return null;
      return (await loadCourses(db, { id }))[0] ?? null;
    },

    async enrol(request, audit): Promise<EnrolOutcome> {
      if (!isUuid(request.courseId)) return { kind: 'not_found' };
      // PGlite has one connection: everything inside uses `trx`, never `db`.
      return db.transaction().execute(async (trx): Promise<EnrolOutcome> => {
        const locked = await lockCourse(trx, request.courseId);
        if (!locked) return { kind: 'not_found' };
        const again = await trx.selectFrom('course_participant').select(participantColumns).where('token_hash', '=', request.tokenHash).executeTakeFirst();
        if (again) {
          return again.course_id === request.courseId ? { kind: 'joined', participant: participant(again), again: true } : { kind: 'not_found' };
        }
        const [loaded] = await loadCourses(trx, { id: request.courseId });
        const refusal = whyNotJoinable(loaded!.course, request.today);
        if (refusal) return { kind: 'closed', why: refusal };
        const active = await trx
          .selectFrom('course_participant')
          .select('display_name')
          .where('course_id', '=', request.courseId)
          .where('state', 'in', ['enrolled', 'waitlisted'])
          .execute();
        if (active.some((row) => sameName(row.display_name, request.name))) return { kind: 'name_taken' };
        const state = placeFor(locked.capacity, await countEnrolled(trx, request.courseId));
        const row = await trx
          .insertInto('course_participant')
          .values({
            id: crypto.randomUUID(),
            course_id: request.courseId,
            position: await nextPosition(trx, request.courseId),
            display_name: request.name,
            contact: request.contact,
            state,
            token_hash: request.tokenHash,
            joined_at: request.at,
          })
          .returning(participantColumns)
          .executeTakeFirstOrThrow();
        const joined = participant(row);
        await trx.insertInto('audit_entry').values(auditRow(audit(joined))).execute();
        return { kind: 'joined', participant: joined, again: false };
      });
    },

    async participantByToken(tokenHash) {
      const row = await db.selectFrom('course_participant').select(participantColumns).where('token_hash', '=', tokenHash).executeTakeFirst();
      if (!row) return null;
      const [loaded] = await loadCourses(db, { id: row.course_id });
      return loaded ? { participant: participant(row), course: loaded.course } : null;
    },

    async leave(tokenHash, at, mailFor, audit) {
      return db.transaction().execute(async (trx) => {
        const found = await trx.selectFrom('course_participant').select(['id', 'course_id']).where('token_hash', '=', tokenHash).executeTakeFirst();
        if (!found) return { kind: 'not_found' as const };
        const locked = await lockCourse(trx, found.course_id);
        const current = await trx.selectFrom('course_participant').select(participantColumns).where('id', '=', found.id).executeTakeFirstOrThrow();
        if (current.state === 'left' || current.state === 'removed') return { kind: 'already_left' as const, participant: participant(current) };
        const row = await trx
          .updateTable('course_participant')
          .set({ state: 'left', left_at: at })
          .where('id', '=', found.id)
          .returning(participantColumns)
          .executeTakeFirstOrThrow();
        const left = participant(row);
        await trx.insertInto('audit_entry').values(auditRow(audit(left))).execute();
        // A cancelled course has no places to give.
        const promoted = locked!.status === 'cancelled' ? [] : await promote(trx, found.course_id, locked!.capacity, at);
        if (promoted.length) {
          const [loaded] = await loadCourses(trx, { id: found.course_id });
          await queue(
            trx,
            promoted.map((person) => mailFor(person, loaded!.course)),
            at,
          );
        }
        return { kind: 'left' as const, participant: left, promoted };
      });
    },

    async participants(courseId) {
      if (!isUuid(courseId)) return [];
      const rows = await db.selectFrom('course_participant').select(participantColumns).where('course_id', '=', courseId).orderBy('position').execute();
      return rows.map(participant);
    },

    async createReferral(input, audit) {
      const id = crypto.randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('referral')
          .values({
            id,
            course_id: input.courseId,
            referrer_account_id: input.referrerAccountId,
            referrer_name: input.referrerName,
            referrer_organisation: input.referrerOrganisation,
            citizen_name: input.citizenName,
            citizen_contact: input.citizenContact,
            consent_shared: input.consent.shared,
            consent_with: input.consent.sharedWith,
            consent_until: input.consent.until,
            consent_recorded_at: input.at,
            state: 'sent',
            token_hash: input.tokenHash,
            created_at: input.at,
            updated_at: input.at,
          })
          .execute();
        await trx.insertInto('referral_event').values({ referral_id: id, state: 'sent', reason: null, at: input.at, by_name: input.referrerName }).execute();
        await trx.insertInto('audit_entry').values(auditRow(audit(id))).execute();
      });
      return (await loadReferral(db, { id }))!;
    },
    async referral(id) {
      return isUuid(id) ? loadReferral(db, { id }) : null;
    },
    async referralByToken(tokenHash) {
      return loadReferral(db, { tokenHash });
    },
    async referralsBy(accountId) {
      const rows = await db.selectFrom('referral').selectAll().where('referrer_account_id', '=', accountId).orderBy('created_at', 'desc').execute();
      return withEvents(db, rows);
    },
    async referralsTo(courseId) {
      if (!isUuid(courseId)) return [];
      const rows = await db.selectFrom('referral').selectAll().where('course_id', '=', courseId).orderBy('created_at').execute();
      return withEvents(db, rows);
    },

    async moveReferral(move, mailsFor, audit): Promise<ReferralMoveOutcome> {
      if (!isUuid(move.referralId)) return { kind: 'not_found' };
      return db.transaction().execute(async (trx): Promise<ReferralMoveOutcome> => {
        const head = await trx.selectFrom('referral').select(['course_id']).where('id', '=', move.referralId).executeTakeFirst();
        if (!head) return { kind: 'not_found' };
        const locked = (await lockCourse(trx, head.course_id))!;
        const before = (await loadReferral(trx, { id: move.referralId }))!;
        if (before.state !== move.from) return { kind: 'stale', referral: before };
        if (!nextStates(before.state).includes(move.to) || before.consentWithdrawnAt) return { kind: 'not_allowed', referral: before };
        let participantId = before.participantId;
        if (move.to === 'accepted' || move.to === 'waitlisted') {
          const enrolled = await countEnrolled(trx, head.course_id);
          // A referral on the waiting list holds no place yet either: accepting it on a full course would overbook.
          if (move.to === 'accepted' && enrolled >= locked.capacity) return { kind: 'full', referral: before };
          const state = move.to === 'accepted' ? 'enrolled' : 'waitlisted';
          if (participantId) {
            await trx.updateTable('course_participant').set({ state, promoted_at: move.to === 'accepted' ? move.at : null }).where('id', '=', participantId).execute();
          } else {
            participantId = crypto.randomUUID();
            await trx
              .insertInto('course_participant')
              .values({
                id: participantId,
                course_id: head.course_id,
                position: await nextPosition(trx, head.course_id),
                display_name: before.citizenName ?? 'Henvist borger',
                contact: before.citizenContact,
                state,
                token_hash: `referral:${before.id}`,
                referral_id: before.id,
                joined_at: move.at,
              })
              .execute();
          }
        }
        if ((move.to === 'stopped' || move.to === 'declined') && participantId) {
          await trx.updateTable('course_participant').set({ state: 'removed', left_at: move.at }).where('id', '=', participantId).execute();
        }
        await trx
          .updateTable('referral')
          .set({ state: move.to, reason: move.reason, participant_id: participantId, updated_at: move.at })
          .where('id', '=', move.referralId)
          .execute();
        await trx.insertInto('referral_event').values({ referral_id: move.referralId, state: move.to, reason: move.reason, at: move.at, by_name: move.byName }).execute();
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        const promoted = !holdsPlace(move.to) && before.participantId ? await promote(trx, head.course_id, locked.capacity, move.at) : [];
        const after = (await loadReferral(trx, { id: move.referralId }))!;
        // The referrers of referrals that moved up into the freed place are told too.
        const mails = await referralMails(trx, [after, ...(await promotedReferrals(trx, promoted))], mailsFor);
        await queue(trx, mails, move.at);
        return { kind: 'moved', referral: after, mails };
      });
    },

    async withdrawConsent(tokenHash, at, audit, mailsFor) {
      return db.transaction().execute(async (trx) => {
        const head = await trx.selectFrom('referral').select(['id', 'course_id']).where('token_hash', '=', tokenHash).executeTakeFirst();
        if (!head) return null;
        const locked = (await lockCourse(trx, head.course_id))!;
        const before = (await loadReferral(trx, { id: head.id }))!;
        if (before.consentWithdrawnAt) return before;
        const closing = nextStates(before.state).includes('stopped') ? 'stopped' : nextStates(before.state).includes('declined') ? 'declined' : null;
        await trx
          .updateTable('referral')
          .set({
            consent_withdrawn_at: at,
            citizen_name: null,
            citizen_contact: null,
            ...(closing ? { state: closing, reason: 'Borgeren har trukket sit samtykke tilbage' } : {}),
            updated_at: at,
          })
          .where('id', '=', head.id)
          .execute();
        if (closing) {
          await trx.insertInto('referral_event').values({ referral_id: head.id, state: closing, reason: 'Borgeren har trukket sit samtykke tilbage', at, by_name: 'Borgeren' }).execute();
        }
        let promoted: Participant[] = [];
        if (before.participantId) {
          await trx
            .updateTable('course_participant')
            .set({ state: 'removed', left_at: at, display_name: 'Anonym', contact: null, anonymised_at: at })
            .where('id', '=', before.participantId)
            .execute();
          promoted = await promote(trx, head.course_id, locked.capacity, at);
        }
        const after = (await loadReferral(trx, { id: head.id }))!;
        await trx.insertInto('audit_entry').values(auditRow(audit(after))).execute();
        if (mailsFor) await queue(trx, await referralMails(trx, [after, ...(await promotedReferrals(trx, promoted))], mailsFor), at);
        return after;
      });
    },

    async anonymiseEndedCourses({ endedBefore, today }, at, audit, consentExpiredMails): Promise<RetentionReport> {
      return db.transaction().execute(async (trx) => {
        const ended = await trx
          .selectFrom('course_session')
          .select('course_id')
          .groupBy('course_id')
          .having((eb) => eb.fn.max('on_date'), '<', endedBefore)
          .execute();
        const ids = ended.map((row) => row.course_id);
        const report: RetentionReport = { participants: 0, referrals: 0 };
        if (ids.length) {
          const participants = await trx
            .updateTable('course_participant')
            .set({ display_name: 'Anonym', contact: null, anonymised_at: at })
            .where('course_id', '=', sql<string>`any(${ids})`)
            .where('anonymised_at', 'is', null)
            .returning('id')
            .execute();
          report.participants = participants.length;
          const referrals = await trx
            .updateTable('referral')
            .set({ citizen_name: null, citizen_contact: null, consent_shared: null, consent_with: null, anonymised_at: at, updated_at: at })
            .where('course_id', '=', sql<string>`any(${ids})`)
            .where('anonymised_at', 'is', null)
            .returning('id')
            .execute();
          report.referrals = referrals.length;
        }
        // Consent that has run out ends the sharing even while the course runs.
        const expired = await trx
          .updateTable('referral')
          .set({ citizen_name: null, citizen_contact: null, anonymised_at: at, updated_at: at })
          .where('consent_until', '<', today)
          .where('anonymised_at', 'is', null)
          .returning(['id', 'participant_id', 'state', 'course_id'])
          .execute();
        report.referrals += expired.length;
        // The referral's history says why the citizen's data went, and its referrer is told once (the rows above
        // are anonymised only once).
        for (const row of expired) {
          await trx
            .insertInto('referral_event')
            .values({ referral_id: row.id, state: row.state, reason: 'Samtykket udløb, og borgerens oplysninger er slettet.', at, by_name: 'Tilbudsvifte' })
            .execute();
        }
        if (consentExpiredMails && expired.length) {
          const titles = new Map(
            (await trx.selectFrom('course').select(['id', 'title']).where('id', '=', sql<string>`any(${[...new Set(expired.map((row) => row.course_id))]})`).execute()).map(
              (course) => [course.id, course.title],
            ),
          );
          const referrals = await withEvents(trx, await trx.selectFrom('referral').selectAll().where('id', '=', sql<string>`any(${expired.map((row) => row.id)})`).execute());
          for (const referral of referrals) {
            await queue(trx, await referralMails(trx, [referral], consentExpiredMails({ title: titles.get(referral.courseId) ?? 'forløbet' })), at);
          }
        }
        // The citizen's place on the course keeps a seat but loses the name they shared.
        const places = expired.map((row) => row.participant_id).filter((id): id is string => id !== null);
        if (places.length) {
          const anonymised = await trx
            .updateTable('course_participant')
            .set({ display_name: 'Henvist borger', contact: null, anonymised_at: at })
            .where('id', '=', sql<string>`any(${places})`)
            .where('anonymised_at', 'is', null)
            .returning('id')
            .execute();
          report.participants += anonymised.length;
        }
        if (report.participants + report.referrals > 0) await trx.insertInto('audit_entry').values(auditRow(audit(report))).execute();
        return report;
      });
    },

    // The back office (CourseAdminStore): staff edit courses and meetings, keep the lists and the attendance.

    async coursesOfOffering(offeringId) {
      if (!isUuid(offeringId)) return [];
      return loadCourses(db, { offeringId });
    },

    async createCourse(offeringId, fields, at, audit) {
      const id = crypto.randomUUID();
      return db.transaction().execute(async (trx) => {
        const base = courseSlug(fields.title);
        const taken = new Set(
          (await trx.selectFrom('course').select('slug').where('slug', 'like', `${base}%`).execute()).map((row) => row.slug),
        );
        let slug = base;
        for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
        await trx
          .insertInto('course')
          .values({ id, slug, offering_id: offeringId, ...courseRow(fields), created_at: at, updated_at: at })
          .execute();
        const [loaded] = await loadCourses(trx, { id });
        await trx.insertInto('audit_entry').values(auditRow(audit(loaded!.course))).execute();
        return loaded!.course;
      });
    },

    async saveCourse(change, mailFor, audit): Promise<SaveCourseOutcome> {
      if (!isUuid(change.courseId)) return { kind: 'not_found' };
      return db.transaction().execute(async (trx): Promise<SaveCourseOutcome> => {
        const locked = await lockCourse(trx, change.courseId);
        if (!locked) return { kind: 'not_found' };
        const [before] = await loadCourses(trx, { id: change.courseId });
        if (before!.course.version !== change.baseVersion) return { kind: 'stale', current: before!.course };
        if (before!.course.status === 'cancelled') return { kind: 'cancelled' };
        const row = courseRow(change.fields);
        const same = (Object.keys(change.fields) as (keyof CourseFields)[]).every((key) => before!.course[key] === change.fields[key]);
        if (same) return { kind: 'unchanged' };
        await trx
          .updateTable('course')
          .set({ ...row, version: sql<number>`version + 1`, updated_at: change.at })
          .where('id', '=', change.courseId)
          .execute();
        // More places fill from the waiting list; fewer keep everyone enrolled (ADR 024).
        const promoted = await promote(trx, change.courseId, change.fields.capacity, change.at);
        const [after] = await loadCourses(trx, { id: change.courseId });
        await queue(
          trx,
          promoted.map((person) => mailFor(person, after!.course)),
          change.at,
        );
        await trx.insertInto('audit_entry').values(auditRow(audit(after!.course, promoted))).execute();
        return { kind: 'saved', course: after!.course, occupancy: after!.occupancy, promoted };
      });
    },

    async cancelCourse(change, mailFor, audit, mailsForReferrals): Promise<CancelCourseOutcome> {
      if (!isUuid(change.courseId)) return { kind: 'not_found' };
      return db.transaction().execute(async (trx): Promise<CancelCourseOutcome> => {
        const locked = await lockCourse(trx, change.courseId);
        if (!locked) return { kind: 'not_found' };
        if (locked.status === 'cancelled') return { kind: 'already_cancelled' };
        await trx
          .updateTable('course')
          .set({ status: 'cancelled', cancel_reason: change.reason, version: sql<number>`version + 1`, updated_at: change.at })
          .where('id', '=', change.courseId)
          .execute();
        const [after] = await loadCourses(trx, { id: change.courseId });
        const mails = (await activePeople(trx, change.courseId)).map((person) => mailFor(person, after!.course)).filter((mail) => mail !== null);
        await queue(trx, mails, change.at);
        // The referrers hear that the course they referred to will not run: each open referral is closed with the reason.
        const open = (await trx.selectFrom('referral').select(['id', 'state']).where('course_id', '=', change.courseId).execute()).filter(
          (row) => !isClosed(row.state as ReferralState),
        );
        const reason = `Forløbet er aflyst: ${change.reason}`.slice(0, 1000);
        for (const row of open) {
          const to: ReferralState = holdsPlace(row.state as ReferralState) || row.state === 'started' ? 'stopped' : 'declined';
          await trx.updateTable('referral').set({ state: to, reason, updated_at: change.at }).where('id', '=', row.id).execute();
          await trx.insertInto('referral_event').values({ referral_id: row.id, state: to, reason, at: change.at, by_name: change.byName }).execute();
        }
        if (open.length) {
          const closed = await withEvents(trx, await trx.selectFrom('referral').selectAll().where('id', '=', sql<string>`any(${open.map((row) => row.id)})`).orderBy('created_at').execute());
          await queue(trx, await referralMails(trx, closed, mailsForReferrals(after!.course)), change.at);
        }
        await trx.insertInto('audit_entry').values(auditRow(audit(after!.course, mails.length, open.length))).execute();
        return { kind: 'cancelled', told: mails.length, course: after!.course };
      });
    },

    async addSession(change, audit): Promise<SessionChangeOutcome> {
      if (!isUuid(change.courseId)) return { kind: 'not_found' };
      return db.transaction().execute(async (trx): Promise<SessionChangeOutcome> => {
        const locked = await lockCourse(trx, change.courseId);
        if (!locked) return { kind: 'not_found' };
        if (locked.status === 'cancelled') return { kind: 'course_cancelled' };
        const id = crypto.randomUUID();
        await trx
          .insertInto('course_session')
          .values({ id, course_id: change.courseId, ...sessionRow(change.fields) })
          .execute();
        await trx.updateTable('course').set({ updated_at: change.at }).where('id', '=', change.courseId).execute();
        const [after] = await loadCourses(trx, { id: change.courseId });
        const session = after!.course.sessions.find((item) => item.id === id)!;
        await trx.insertInto('audit_entry').values(auditRow(audit(session))).execute();
        return { kind: 'saved', session, told: 0 };
      });
    },

    async moveSession(change, mailFor, audit): Promise<SessionChangeOutcome> {
      if (!isUuid(change.courseId) || !isUuid(change.sessionId)) return { kind: 'not_found' };
      return db.transaction().execute(async (trx): Promise<SessionChangeOutcome> => {
        const found = await openSessionUnderLock(trx, change.courseId, change.sessionId);
        if ('kind' in found) return found;
        const { before } = found;
        const fields = change.fields;
        const sameTime = before.date === fields.date && before.startsAt === fields.startsAt && before.endsAt === fields.endsAt;
        // The place as the form shows it: a borrowed room's note, a seeded place's name, or none (the offering's own).
        const samePlace = (before.placeNote ?? before.location?.name ?? null) === fields.placeNote;
        if (sameTime && samePlace) return { kind: 'unchanged' };
        await trx
          .updateTable('course_session')
          .set(samePlace ? { on_date: fields.date, starts_at: fields.startsAt, ends_at: fields.endsAt } : { ...sessionRow(fields), location_id: null })
          .where('id', '=', change.sessionId)
          .execute();
        await trx.updateTable('course').set({ updated_at: change.at }).where('id', '=', change.courseId).execute();
        const [after] = await loadCourses(trx, { id: change.courseId });
        const session = after!.course.sessions.find((item) => item.id === change.sessionId)!;
        const mails = (await activePeople(trx, change.courseId)).map((person) => mailFor(person, after!.course, before, session)).filter((mail) => mail !== null);
        await queue(trx, mails, change.at);
        await trx.insertInto('audit_entry').values(auditRow(audit(session, before, mails.length))).execute();
        return { kind: 'saved', session, told: mails.length };
      });
    },

    async cancelSession(change, mailFor, audit): Promise<SessionChangeOutcome> {
      if (!isUuid(change.courseId) || !isUuid(change.sessionId)) return { kind: 'not_found' };
      return db.transaction().execute(async (trx): Promise<SessionChangeOutcome> => {
        const found = await openSessionUnderLock(trx, change.courseId, change.sessionId);
        if ('kind' in found) return found;
        const { loaded, before } = found;
        await trx.updateTable('course_session').set({ is_cancelled: true }).where('id', '=', change.sessionId).execute();
        await trx.updateTable('course').set({ updated_at: change.at }).where('id', '=', change.courseId).execute();
        const session = { ...before, isCancelled: true };
        const mails = (await activePeople(trx, change.courseId)).map((person) => mailFor(person, loaded.course, session)).filter((mail) => mail !== null);
        await queue(trx, mails, change.at);
        await trx.insertInto('audit_entry').values(auditRow(audit(session, mails.length))).execute();
        return { kind: 'saved', session, told: mails.length };
      });
    },

    async removeParticipant(change, mailFor, audit): Promise<RemoveOutcome> {
      if (!isUuid(change.courseId) || !isUuid(change.participantId)) return { kind: 'not_found' };
      return db.transaction().execute(async (trx): Promise<RemoveOutcome> => {
        const locked = await lockCourse(trx, change.courseId);
        if (!locked) return { kind: 'not_found' };
        const current = await trx
          .selectFrom('course_participant')
          .select(participantColumns)
          .where('id', '=', change.participantId)
          .where('course_id', '=', change.courseId)
          .executeTakeFirst();
        if (!current) return { kind: 'not_found' };
        if (current.state === 'left' || current.state === 'removed') return { kind: 'already_gone', participant: participant(current) };
        if (current.referral_id) return { kind: 'referral', participant: participant(current) };
        const row = await trx
          .updateTable('course_participant')
          .set({ state: 'removed', left_at: change.at })
          .where('id', '=', change.participantId)
          .returning(participantColumns)
          .executeTakeFirstOrThrow();
        const removed = participant(row);
        const promoted = locked.status === 'cancelled' ? [] : await promote(trx, change.courseId, locked.capacity, change.at);
        if (promoted.length) {
          const [loaded] = await loadCourses(trx, { id: change.courseId });
          await queue(
            trx,
            promoted.map((person) => mailFor(person, loaded!.course)),
            change.at,
          );
        }
        await trx.insertInto('audit_entry').values(auditRow(audit(removed, promoted))).execute();
        return { kind: 'removed', participant: removed, promoted };
      });
    },

    async attendance(courseId) {
      if (!isUuid(courseId)) return [];
      const rows = await db
        .selectFrom('course_attendance')
        .innerJoin('course_session', 'course_session.id', 'course_attendance.session_id')
        .select(['course_attendance.session_id', 'course_attendance.participant_id', 'course_attendance.present'])
        .where('course_session.course_id', '=', courseId)
        .execute();
      return rows.map((row) => ({ sessionId: row.session_id, participantId: row.participant_id, present: row.present }));
    },

    async recordAttendance(change, audit) {
      if (!isUuid(change.courseId) || !isUuid(change.sessionId)) return 'not_found';
      return db.transaction().execute(async (trx) => {
        const session = await trx
          .selectFrom('course_session')
          .select('id')
          .where('id', '=', change.sessionId)
          .where('course_id', '=', change.courseId)
          .executeTakeFirst();
        if (!session) return 'not_found' as const;
        const ids = change.marks.map((mark) => mark.participantId).filter(isUuid);
        const known = ids.length
          ? new Set(
              (
                await trx
                  .selectFrom('course_participant')
                  .select('id')
                  .where('course_id', '=', change.courseId)
                  .where('id', '=', sql<string>`any(${ids})`)
                  .execute()
              ).map((row) => row.id),
            )
          : new Set<string>();
        for (const mark of change.marks) {
          if (!known.has(mark.participantId)) continue;
          await trx
            .insertInto('course_attendance')
            .values({ session_id: change.sessionId, participant_id: mark.participantId, present: mark.present, recorded_at: change.at })
            .onConflict((oc) => oc.columns(['session_id', 'participant_id']).doUpdateSet({ present: mark.present, recorded_at: change.at }))
            .execute();
        }
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'saved' as const;
      });
    },

    async ratings(courseId) {
      if (!isUuid(courseId)) return [];
      const rows = await db
        .selectFrom('course_self_rating')
        .innerJoin('course_participant', 'course_participant.id', 'course_self_rating.participant_id')
        .select(['course_self_rating.participant_id', 'course_self_rating.phase', 'course_self_rating.score'])
        .where('course_participant.course_id', '=', courseId)
        .execute();
      return rows.map((row) => ({ participantId: row.participant_id, phase: row.phase as 'before' | 'after', score: Number(row.score) }));
    },

    async recordRatings(change, audit) {
      if (!isUuid(change.courseId) || !isUuid(change.participantId)) return 'not_found';
      return db.transaction().execute(async (trx) => {
        const found = await trx
          .selectFrom('course_participant')
          .select('id')
          .where('id', '=', change.participantId)
          .where('course_id', '=', change.courseId)
          .executeTakeFirst();
        if (!found) return 'not_found' as const;
        for (const phase of ['before', 'after'] as const) {
          const score = change[phase];
          if (score === null) {
            await trx.deleteFrom('course_self_rating').where('participant_id', '=', change.participantId).where('phase', '=', phase).execute();
          } else {
            await trx
              .insertInto('course_self_rating')
              .values({ participant_id: change.participantId, phase, score, recorded_at: change.at })
              .onConflict((oc) => oc.columns(['participant_id', 'phase']).doUpdateSet({ score, recorded_at: change.at }))
              .execute();
          }
        }
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'saved' as const;
      });
    },

    async courseFacts(courseIds) {
      const ids = courseIds.filter(isUuid);
      if (ids.length === 0) return [];
      const people = await db
        .selectFrom('course_participant')
        .leftJoin('referral', 'referral.id', 'course_participant.referral_id')
        .select(['course_participant.id', 'course_participant.course_id', 'course_participant.state', 'referral.state as referral_state'])
        .where('course_participant.course_id', '=', sql<string>`any(${ids})`)
        .orderBy('course_participant.position')
        .execute();
      const marks = await db
        .selectFrom('course_attendance')
        .innerJoin('course_session', 'course_session.id', 'course_attendance.session_id')
        .select(['course_session.course_id', 'course_attendance.session_id', 'course_attendance.participant_id', 'course_attendance.present'])
        .where('course_session.course_id', '=', sql<string>`any(${ids})`)
        .execute();
      const scores = await db
        .selectFrom('course_self_rating')
        .innerJoin('course_participant', 'course_participant.id', 'course_self_rating.participant_id')
        .select(['course_participant.course_id', 'course_self_rating.participant_id', 'course_self_rating.phase', 'course_self_rating.score'])
        .where('course_participant.course_id', '=', sql<string>`any(${ids})`)
        .execute();
      return ids.map((courseId) => ({
        courseId,
        participants: people
          .filter((row) => row.course_id === courseId)
          .map((row) => ({ id: row.id, state: row.state as ParticipantState, referralState: (row.referral_state as ReferralState | null) ?? null })),
        attendance: marks
          .filter((row) => row.course_id === courseId)
          .map((row) => ({ sessionId: row.session_id, participantId: row.participant_id, present: row.present })),
        ratings: scores
          .filter((row) => row.course_id === courseId)
          .map((row) => ({ participantId: row.participant_id, phase: row.phase as 'before' | 'after', score: Number(row.score) })),
      }));
    },

    async courseTargets() {
      const rows = await db
        .selectFrom('course_target')
        .innerJoin('organization', 'organization.id', 'course_target.organization_id')
        .select([
          'course_target.organization_id',
          'organization.name',
          'course_target.from_year',
          'course_target.to_year',
          'course_target.minimum_per_year',
          'course_target.basis',
        ])
        .orderBy('organization.name')
        .orderBy('course_target.from_year')
        .execute();
      return rows.map((row) => ({
        organizationId: row.organization_id,
        organizationName: row.name,
        fromYear: Number(row.from_year),
        toYear: row.to_year === null ? null : Number(row.to_year),
        minimumPerYear: Number(row.minimum_per_year),
        basis: row.basis,
      }));
    },
  };
}
