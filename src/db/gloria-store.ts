import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { GloriaStore } from '../app/run-gloria.ts';
import { type Article, checkThemePublish, type Theme } from '../domain/gloria/article.ts';
import { stableId } from '../domain/stable-id.ts';
import { audited, auditRow } from './access-store.ts';
import type { DB, GloriaArticleTable, GloriaThemeTable } from './schema.ts';

const dateText = (value: unknown) => (value === null || value === undefined ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

export const cityTeamSlug = 'hele-byen';

/** The teams the platform has: one per district and the city-wide one, made once (also by the seed). */
export async function insertMissingTeams(trx: Transaction<DB> | Kysely<DB>, at: Date): Promise<number> {
  const districts = await trx.selectFrom('district').select(['id', 'slug', 'name']).orderBy('name').execute();
  const rows = [
    { id: stableId('gloria_team:city'), slug: cityTeamSlug, district_id: null, name: 'Gloria – hele byen', created_at: at },
    ...districts.map((district) => ({ id: stableId(`gloria_team:${district.slug}`), slug: district.slug.slice(0, 80), district_id: district.id, name: `Gloria ${district.name}`, created_at: at })),
  ];
  let made = 0;
  for (const row of rows) {
    const exists = await trx
      .selectFrom('gloria_team')
      .select('id')
      .where((eb) => (row.district_id === null ? eb('district_id', 'is', null) : eb.or([eb('district_id', '=', row.district_id), eb('slug', '=', row.slug)])))
      .executeTakeFirst();
    if (exists) continue;
    const inserted = await trx.insertInto('gloria_team').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    made += Number(inserted.numInsertedOrUpdatedRows ?? 0);
  }
  return made;
}

type ArticleRow = Selectable<GloriaArticleTable> & {
  team_name: string;
  district_slug: string | null;
  district_name: string | null;
  image_id: string | null;
  image_alt: string | null;
  image_mime: string | null;
};

function articleOf(row: ArticleRow): Article {
  return {
    id: row.id,
    slug: row.slug,
    teamId: row.team_id,
    teamName: row.team_name,
    district: row.district_slug && row.district_name ? { slug: row.district_slug, name: row.district_name } : null,
    kind: row.kind,
    title: row.title,
    lead: row.lead,
    body: row.body,
    themeId: row.theme_id,
    themePosition: row.theme_position,
    state: row.state,
    reviewComment: row.review_comment,
    authorAccountId: row.author_account_id,
    authorName: row.author_name,
    storyteller:
      row.kind === 'life_story'
        ? {
            name: row.storyteller_name,
            anonymous: row.storyteller_anonymous,
            consent: row.consent_on && row.consent_how ? { on: dateText(row.consent_on)!, how: row.consent_how, recordedByName: row.consent_recorded_by_name ?? '' } : null,
            deleteAfter: dateText(row.storyteller_delete_after),
            withdrawnAt: row.consent_withdrawn_at ? new Date(row.consent_withdrawn_at) : null,
          }
        : null,
    image: row.image_id && row.image_alt && row.image_mime ? { id: row.image_id, alt: row.image_alt, mime: row.image_mime as 'image/png' } : null,
    publishedAt: row.published_at ? new Date(row.published_at) : null,
    updatedAt: new Date(row.updated_at),
    version: row.version,
    isExample: row.is_example,
  };
}

function themeOf(row: Selectable<GloriaThemeTable> & { team_name: string }): Theme {
  return {
    id: row.id,
    slug: row.slug,
    teamId: row.team_id,
    teamName: row.team_name,
    title: row.title,
    intro: row.intro,
    state: row.state,
    publishedAt: row.published_at ? new Date(row.published_at) : null,
    version: row.version,
    isExample: row.is_example,
  };
}

/** Gloria in the gloria_* tables (migration 0026, ADR 037): every write with its audit entry in one transaction. */
export function createGloriaStore(db: Kysely<DB>): GloriaStore {
  const articles = (from: Kysely<DB> | Transaction<DB> = db) =>
    from
      .selectFrom('gloria_article as a')
      .innerJoin('gloria_team as t', 't.id', 'a.team_id')
      .leftJoin('district as d', 'd.id', 't.district_id')
      .leftJoin('gloria_image as i', 'i.article_id', 'a.id')
      .selectAll('a')
      .select(['t.name as team_name', 'd.slug as district_slug', 'd.name as district_name', 'i.id as image_id', 'i.alt as image_alt', 'i.mime as image_mime']);
  const themes = () => db.selectFrom('gloria_theme as th').innerJoin('gloria_team as t', 't.id', 'th.team_id').selectAll('th').select('t.name as team_name');
  const uuid = (id: string) => /^[0-9a-f-]{36}$/.test(id);

  return {
    async teams() {
      const rows = await db
        .selectFrom('gloria_team as t')
        .leftJoin('district as d', 'd.id', 't.district_id')
        .select(['t.id', 't.slug', 't.name', 'd.id as district_id', 'd.slug as district_slug', 'd.name as district_name'])
        .orderBy(sql`t.district_id is not null`)
        .orderBy('t.name')
        .execute();
      return rows.map((row) => ({ id: row.id, slug: row.slug, name: row.name, district: row.district_id && row.district_slug && row.district_name ? { id: row.district_id, slug: row.district_slug, name: row.district_name } : null }));
    },
    async members() {
      const rows = await db
        .selectFrom('gloria_member as m')
        .innerJoin('account as a', 'a.id', 'm.account_id')
        .leftJoin('user_job as j', 'j.id', 'm.user_job_id')
        .leftJoin('offering as o', 'o.id', 'j.offering_id')
        .select(['m.id', 'm.team_id', 'm.account_id', 'a.name as account_name', 'm.role', 'j.id as job_id', 'j.title as job_title', 'o.name as offering_name'])
        .orderBy('a.name')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        teamId: row.team_id,
        accountId: row.account_id,
        accountName: row.account_name,
        role: row.role,
        userJob: row.job_id && row.job_title ? { id: row.job_id, title: row.job_title, offeringName: row.offering_name ?? '' } : null,
      }));
    },
    async memberships(accountId) {
      if (!uuid(accountId)) return [];
      const rows = await db.selectFrom('gloria_member').select(['team_id', 'role']).where('account_id', '=', accountId).execute();
      return rows.map((row) => ({ teamId: row.team_id, role: row.role }));
    },
    async accountOptions() {
      return db.selectFrom('account').select(['id', 'name']).where('is_disabled', '=', false).orderBy('name').execute();
    },
    async userJobOptions() {
      const rows = await db
        .selectFrom('user_job as j')
        .innerJoin('offering as o', 'o.id', 'j.offering_id')
        .select(['j.id', 'j.title', 'o.name as offering_name'])
        .orderBy(sql`j.kind <> 'editorial'`)
        .orderBy('o.name')
        .orderBy('j.title')
        .execute();
      return rows.map((row) => ({ id: row.id, title: row.title, offeringName: row.offering_name }));
    },
    async addMember(member, audit) {
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('gloria_member')
          .values({ id: crypto.randomUUID(), team_id: member.teamId, account_id: member.accountId, role: member.role, user_job_id: member.userJobId, added_at: member.at })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return 'duplicate' as const;
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'added' as const;
      });
    },
    async removeMember(teamId, memberId, audit) {
      return audited(db, audit, async (trx) => Number((await trx.deleteFrom('gloria_member').where('id', '=', memberId).where('team_id', '=', teamId).executeTakeFirst()).numDeletedRows) > 0);
    },
    async ensureTeams(at, audit) {
      return audited(db, audit, (trx) => insertMissingTeams(trx, at));
    },

    async articles({ teamIds }) {
      if (teamIds.length === 0) return [];
      return (await articles().where('a.team_id', 'in', [...teamIds]).orderBy('a.updated_at', 'desc').execute()).map(articleOf);
    },
    async article(id) {
      if (!uuid(id)) return null;
      const row = await articles().where('a.id', '=', id).executeTakeFirst();
      return row ? articleOf(row) : null;
    },
    async createArticle(article, image, audit) {
      await audited(db, audit, async (trx) => {
        await trx
          .insertInto('gloria_article')
          .values({
            id: article.id,
            slug: article.slug,
            team_id: article.teamId,
            kind: article.kind,
            title: article.title,
            lead: article.lead,
            body: article.body,
            theme_id: article.themeId,
            theme_position: article.themePosition,
            author_account_id: article.authorAccountId,
            author_name: article.authorName,
            storyteller_anonymous: article.anonymous,
            created_at: article.at,
            updated_at: article.at,
          })
          .execute();
        if (image) await trx.insertInto('gloria_image').values({ id: image.id, article_id: article.id, mime: image.mime, alt: image.alt, bytes: Buffer.from(image.bytes), created_at: article.at }).execute();
      });
    },
    async saveArticle(id, input, image, baseVersion, at, audit) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('gloria_article')
          .set((eb) => ({
            team_id: input.teamId,
            kind: input.kind,
            title: input.title,
            lead: input.lead,
            body: input.body,
            theme_id: input.themeId,
            theme_position: input.themePosition,
            // The storyteller's name and consent come only from the consent form; a text that stops being a life
            // story loses them (they were given for the story).
            ...(input.kind === 'life_story'
              ? {}
              : { storyteller_name: null, consent_on: null, consent_how: null, consent_recorded_by_name: null, storyteller_delete_after: null }),
            storyteller_anonymous: input.anonymous,
            version: eb('version', '+', 1),
            updated_at: at,
          }))
          .where('id', '=', id)
          .where('version', '=', baseVersion)
          .where('state', 'in', ['draft', 'review'])
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) return 'stale' as const;
        if (image.kind === 'remove') await trx.deleteFrom('gloria_image').where('article_id', '=', id).execute();
        else if (image.kind === 'replace') {
          await trx.deleteFrom('gloria_image').where('article_id', '=', id).execute();
          await trx.insertInto('gloria_image').values({ id: image.image.id, article_id: id, mime: image.image.mime, alt: image.image.alt, bytes: Buffer.from(image.image.bytes), created_at: at }).execute();
        } else if (image.alt) await trx.updateTable('gloria_image').set({ alt: image.alt }).where('article_id', '=', id).execute();
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'saved' as const;
      });
    },
    async moveArticle(id, from, to, patch, at, audit) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('gloria_article')
          .set((eb) => ({
            state: to,
            ...(patch.reviewComment !== undefined ? { review_comment: patch.reviewComment } : {}),
            ...(patch.publishedAt ? { published_at: patch.publishedAt, published_by_name: patch.publishedByName ?? null } : {}),
            version: eb('version', '+', 1),
            updated_at: at,
          }))
          .where('id', '=', id)
          .where('state', '=', from)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) return 'stale' as const;
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'moved' as const;
      });
    },
    async recordConsent(id, consent, name, deleteAfter, anonymous, at, audit) {
      await audited(db, audit, async (trx) => {
        await trx
          .updateTable('gloria_article')
          .set((eb) => ({
            storyteller_name: name,
            storyteller_anonymous: anonymous,
            consent_on: consent.on,
            consent_how: consent.how,
            consent_recorded_by_name: consent.recordedByName,
            storyteller_delete_after: deleteAfter,
            version: eb('version', '+', 1),
            updated_at: at,
          }))
          .where('id', '=', id)
          .where('kind', '=', 'life_story')
          .where('state', '<>', 'withdrawn')
          .execute();
      });
    },
    async withdrawConsent(id, at, audit) {
      await audited(db, audit, async (trx) => {
        await trx
          .updateTable('gloria_article')
          .set((eb) => ({
            state: 'withdrawn',
            consent_withdrawn_at: at,
            body: '',
            lead: '',
            storyteller_name: null,
            storyteller_anonymous: true,
            theme_id: null,
            theme_position: null,
            review_comment: null,
            version: eb('version', '+', 1),
            updated_at: at,
          }))
          .where('id', '=', id)
          .where('kind', '=', 'life_story')
          .execute();
        await trx.deleteFrom('gloria_image').where('article_id', '=', id).execute();
      });
    },

    async themes({ teamIds, publishedOnly }) {
      if (teamIds && teamIds.length === 0) return [];
      let query = themes().orderBy('th.published_at', 'desc').orderBy('th.created_at', 'desc');
      if (teamIds) query = query.where('th.team_id', 'in', [...teamIds]);
      if (publishedOnly) query = query.where('th.state', '=', 'published');
      return (await query.execute()).map(themeOf);
    },
    async theme(id) {
      if (!uuid(id)) return null;
      const row = await themes().where('th.id', '=', id).executeTakeFirst();
      return row ? themeOf(row) : null;
    },
    async themeArticles(themeId) {
      if (!uuid(themeId)) return [];
      return (await articles().where('a.theme_id', '=', themeId).orderBy('a.theme_position').orderBy('a.created_at').execute()).map(articleOf);
    },
    async createTheme(theme, audit) {
      await audited(db, audit, async (trx) => {
        await trx.insertInto('gloria_theme').values({ id: theme.id, slug: theme.slug, team_id: theme.teamId, title: theme.title, intro: theme.intro, created_at: theme.at, updated_at: theme.at }).execute();
      });
    },
    async saveTheme(id, theme, baseVersion, at, audit) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('gloria_theme')
          .set((eb) => ({ title: theme.title, intro: theme.intro, version: eb('version', '+', 1), updated_at: at }))
          .where('id', '=', id)
          .where('version', '=', baseVersion)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) return 'stale' as const;
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'saved' as const;
      });
    },
    async publishTheme(id, at, byName, audit) {
      return db.transaction().execute(async (trx) => {
        // The row locked: its texts are read and published as they are now, by one editor at a time.
        await trx.selectFrom('gloria_theme').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
        const inside = await trx.selectFrom('gloria_article').select(['state', 'title']).where('theme_id', '=', id).execute();
        const problem = checkThemePublish(inside);
        if (problem) return { kind: 'refused' as const, message: problem };
        await trx
          .updateTable('gloria_article')
          .set((eb) => ({ state: 'published', published_at: at, published_by_name: byName, review_comment: null, version: eb('version', '+', 1), updated_at: at }))
          .where('theme_id', '=', id)
          .where('state', '=', 'review')
          .execute();
        await trx.updateTable('gloria_theme').set((eb) => ({ state: 'published', published_at: at, version: eb('version', '+', 1), updated_at: at })).where('id', '=', id).execute();
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return { kind: 'published' as const };
      });
    },
    async unpublishTheme(id, at, audit) {
      await audited(db, audit, async (trx) => {
        await trx.updateTable('gloria_article').set((eb) => ({ state: 'review', version: eb('version', '+', 1), updated_at: at })).where('theme_id', '=', id).where('state', '=', 'published').execute();
        await trx.updateTable('gloria_theme').set((eb) => ({ state: 'draft', published_at: null, version: eb('version', '+', 1), updated_at: at })).where('id', '=', id).execute();
      });
    },

    async published({ districtSlug, limit }) {
      let query = articles().where('a.state', '=', 'published').orderBy('a.published_at', 'desc').orderBy('a.title').limit(limit);
      if (districtSlug === cityTeamSlug) query = query.where('t.district_id', 'is', null);
      else if (districtSlug) query = query.where('d.slug', '=', districtSlug);
      return (await query.execute()).map(articleOf);
    },
    async articleBySlug(slug) {
      const row = await articles().where('a.slug', '=', slug.slice(0, 80)).executeTakeFirst();
      return row ? articleOf(row) : null;
    },
    async themeBySlug(slug) {
      const row = await themes().where('th.slug', '=', slug.slice(0, 80)).executeTakeFirst();
      return row ? themeOf(row) : null;
    },
    async image(id) {
      if (!uuid(id)) return null;
      const row = await db
        .selectFrom('gloria_image as i')
        .innerJoin('gloria_article as a', 'a.id', 'i.article_id')
        .leftJoin('gloria_theme as th', 'th.id', 'a.theme_id')
        .select(['i.mime', 'i.bytes', 'a.state', 'th.state as theme_state'])
        .where('i.id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      return { mime: row.mime, bytes: new Uint8Array(row.bytes), articleState: row.state, themePublished: row.theme_state === 'published' };
    },
    async slugTaken(slug) {
      const [article, theme] = await Promise.all([
        db.selectFrom('gloria_article').select('id').where('slug', '=', slug).executeTakeFirst(),
        db.selectFrom('gloria_theme').select('id').where('slug', '=', slug).executeTakeFirst(),
      ]);
      return Boolean(article || theme);
    },
    async forgetStorytellers(today, at) {
      return db.transaction().execute(async (trx) => {
        const rows = await trx
          .updateTable('gloria_article')
          .set({ storyteller_name: null, storyteller_anonymous: true })
          .where('storyteller_delete_after', '<=', today)
          .where('storyteller_name', 'is not', null)
          .returning('id')
          .execute();
        if (rows.length) {
          await trx
            .insertInto('audit_entry')
            .values(auditRow({ at, actorId: null, actorName: 'Tilbudsvifte', action: 'gloria.retention', resourceType: 'gloria_article', resourceId: null, summary: `Fortællerens navn er slettet fra ${rows.length} ${rows.length === 1 ? 'livshistorie' : 'livshistorier'}, fordi tiden er gået. Historierne står nu som anonyme.`, source: null }))
            .execute();
        }
        return rows.length;
      });
    },
  };
}
