import { type Kysely, sql } from 'kysely';
import type { OpenUserJob, UserJob, UserJobStore } from '../app/run-user-jobs.ts';
import { audited, auditRow } from './access-store.ts';
import type { DB } from './schema.ts';

/** User jobs in `user_job` and `user_job_holder` (migration 0021, ADR 033). */
export function createUserJobStore(db: Kysely<DB>): UserJobStore {
  const jobs = () =>
    db
      .selectFrom('user_job')
      .select([
        'user_job.id',
        'user_job.offering_id',
        'user_job.kind',
        'user_job.title',
        'user_job.description',
        'user_job.hours_per_week',
        'user_job.seats',
        'user_job.how_to_apply',
        'user_job.is_example',
        sql<string>`(select count(*) from user_job_holder h where h.job_id = user_job.id and h.ended_on is null)`.as('holding'),
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof jobs>['executeTakeFirstOrThrow']>>;
  const toJob = (row: Row): UserJob => ({
    id: row.id,
    offeringId: row.offering_id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    hoursPerWeek: row.hours_per_week,
    seats: row.seats,
    howToApply: row.how_to_apply,
    isExample: row.is_example,
    holding: Number(row.holding),
  });
  const withOffering = () =>
    jobs()
      .innerJoin('offering', 'offering.id', 'user_job.offering_id')
      .select(['offering.slug as offering_slug', 'offering.name as offering_name', 'offering.phone as offering_phone'])
      .orderBy('offering.name')
      .orderBy('user_job.title');
  const open = () => withOffering().where(sql<boolean>`user_job.seats > (select count(*) from user_job_holder h where h.job_id = user_job.id and h.ended_on is null)`);
  const toOpen = (row: Row & { offering_slug: string; offering_name: string; offering_phone: string | null }): OpenUserJob => ({ ...toJob(row), offering: { slug: row.offering_slug, name: row.offering_name, phone: row.offering_phone } });
  return {
    async jobsOf(offeringId) {
      return (await jobs().where('user_job.offering_id', '=', offeringId).orderBy('user_job.title').execute()).map(toJob);
    },
    async openJobs(offeringId) {
      let query = open();
      if (offeringId) query = query.where('user_job.offering_id', '=', offeringId);
      return (await query.execute()).map(toOpen);
    },
    async openJob(jobId, options) {
      const row = await (options?.includeFull ? withOffering() : open()).where('user_job.id', '=', jobId).executeTakeFirst();
      return row ? toOpen(row) : null;
    },
    async addApplication(jobId, application, audit) {
      await audited(db, audit, (trx) =>
        trx
          .insertInto('user_job_application')
          .values({ id: application.id, job_id: jobId, display_name: application.name, phone: application.phone, comes_by: application.comesBy, message: application.message, purpose: application.purpose, delete_after: application.deleteAfter, created_at: application.createdAt })
          .execute(),
      );
    },
    async applicationsOf(jobId) {
      const rows = await db.selectFrom('user_job_application').selectAll().where('job_id', '=', jobId).orderBy(sql`answered_at is not null`).orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map((row) => ({
        id: row.id,
        name: row.display_name,
        phone: row.phone,
        comesBy: row.comes_by,
        message: row.message,
        createdAt: new Date(row.created_at),
        deleteAfter: String(row.delete_after),
        answeredAt: row.answered_at ? new Date(row.answered_at) : null,
        answeredBy: row.answered_by,
      }));
    },
    async unansweredByJob(offeringId) {
      const rows = await db
        .selectFrom('user_job_application as a')
        .innerJoin('user_job as j', 'j.id', 'a.job_id')
        .select(['a.job_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('j.offering_id', '=', offeringId)
        .where('a.answered_at', 'is', null)
        .groupBy('a.job_id')
        .execute();
      return new Map(rows.map((row) => [row.job_id, Number(row.n)]));
    },
    async markAnswered(jobId, applicationId, at, by, audit) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx.updateTable('user_job_application').set({ answered_at: at, answered_by: by }).where('id', '=', applicationId).where('job_id', '=', jobId).where('answered_at', 'is', null).returning('id').executeTakeFirst();
        if (!updated) return 'not_found';
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'answered';
      });
    },
    async deleteJob(offeringId, jobId, refuse, audit) {
      return db.transaction().execute(async (trx) => {
        const locked = await trx.selectFrom('user_job').select('id').where('id', '=', jobId).where('offering_id', '=', offeringId).forUpdate().executeTakeFirst();
        if (!locked) return 'not_found' as const;
        const holding = await trx.selectFrom('user_job_holder').select((eb) => eb.fn.countAll<string>().as('n')).where('job_id', '=', jobId).where('ended_on', 'is', null).where('anonymised_at', 'is', null).executeTakeFirstOrThrow();
        const unanswered = await trx.selectFrom('user_job_application').select((eb) => eb.fn.countAll<string>().as('n')).where('job_id', '=', jobId).where('answered_at', 'is', null).executeTakeFirstOrThrow();
        const refusal = refuse({ holding: Number(holding.n), unanswered: Number(unanswered.n) });
        if (refusal) return { refused: refusal };
        await trx.deleteFrom('user_job').where('id', '=', jobId).execute();
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'deleted' as const;
      });
    },
    async deleteApplicationsDue(today, at) {
      return db.transaction().execute(async (trx) => {
        const rows = await trx.deleteFrom('user_job_application').where('delete_after', '<', today).returning('id').execute();
        if (rows.length) {
          await trx
            .insertInto('audit_entry')
            .values(auditRow({ at, actorId: null, actorName: 'Tilbudsvifte', action: 'userjob.application_retention', resourceType: 'user_job_application', resourceId: null, summary: `${rows.length} ansøgninger om brugerjob er slettet, fordi tiden er gået.`, source: null }))
            .execute();
        }
        return rows.length;
      });
    },
    async job(offeringId, jobId) {
      const row = await jobs().where('user_job.offering_id', '=', offeringId).where('user_job.id', '=', jobId).executeTakeFirst();
      if (!row) return null;
      const holders = await db.selectFrom('user_job_holder').selectAll().where('job_id', '=', jobId).where('anonymised_at', 'is', null).orderBy('since').orderBy('id').execute();
      return {
        ...toJob(row),
        holders: holders.map((holder) => ({ id: holder.id, name: holder.display_name, contact: holder.contact, since: String(holder.since), endedOn: holder.ended_on ? String(holder.ended_on) : null, deleteAfter: String(holder.delete_after) })),
      };
    },
    async addJob(job, audit) {
      await audited(db, audit, async (trx) => {
        await trx
          .insertInto('user_job')
          .values({ id: job.id, offering_id: job.offeringId, kind: job.kind, title: job.title, description: job.description, hours_per_week: job.hoursPerWeek, seats: job.seats, how_to_apply: job.howToApply, created_at: job.createdAt })
          .execute();
      });
    },
    async addHolder(jobId, holder, audit) {
      await audited(db, audit, async (trx) => {
        await trx
          .insertInto('user_job_holder')
          .values({ id: holder.id, job_id: jobId, display_name: holder.name, contact: holder.contact, since: holder.since, purpose: holder.purpose, delete_after: holder.deleteAfter })
          .execute();
      });
    },
    async endHolder(jobId, holderId, endedOn, deleteAfter, audit) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('user_job_holder')
          .set({ ended_on: endedOn, delete_after: deleteAfter })
          .where('id', '=', holderId)
          .where('job_id', '=', jobId)
          .where('ended_on', 'is', null)
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
          .updateTable('user_job_holder')
          .set({ display_name: null, contact: null, anonymised_at: at, ended_on: sql`coalesce(ended_on, ${today}::date)` })
          .where('anonymised_at', 'is', null)
          .where('delete_after', '<', today)
          .returning('id')
          .execute();
        if (rows.length) {
          await trx
            .insertInto('audit_entry')
            .values(auditRow({ at, actorId: null, actorName: 'Tilbudsvifte', action: 'userjob.retention', resourceType: 'user_job_holder', resourceId: null, summary: `${rows.length} brugerjob-indehavere er anonymiseret, fordi tiden er gået.`, source: null }))
            .execute();
        }
        return rows.length;
      });
    },
  };
}
