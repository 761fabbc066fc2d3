import { type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { FinderCandidate, FinderFilter, OfferingFilter, OrganizationFilter, PageOrAll, RangeRepository } from '../app/ports.ts';
import type {
  Location,
  Offering,
  Organization,
  Page,
  ServiceAtLocation,
  Taxonomy,
  TaxonomyTerm,
} from '../domain/range.ts';
import { byDanishName } from '../domain/sorting.ts';
import { emptySchedule, type Schedule } from '../domain/schedule/model.ts';
import type { StatusEvent } from '../domain/status.ts';
import { formatWallMinutes } from '../domain/time.ts';
import { loadOfferingTimes } from './schedule-store.ts';
import { clockStartSql } from './freshness-store.ts';
import type { DB } from './schema.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: string) => uuidPattern.test(value);

/**
 * Reads the range. Lists are sorted by Danish name in Node (PGlite has no Danish collation) and then
 * paged, which is fine for a range of hundreds of offerings; the page's records are then loaded whole.
 */
export function createRangeRepository(db: Kysely<DB>): RangeRepository {
  /**
   * Organizations by id: every one, or only those the offerings in `ofOfferings` name (provider,
   * operator, centre, centres also served). A page of the finder names a few of thousands (ADR 027).
   */
  async function loadOrganizations(ofOfferings?: readonly string[]): Promise<Map<string, Organization>> {
    const inIds = ofOfferings ? [...ofOfferings] : null;
    const rows = await db
      .selectFrom('organization')
      .leftJoin('track', 'track.centre_id', 'organization.id')
      .selectAll('organization')
      .select(['track.name as track_name', 'track.name_en as track_name_en'])
      .$if(inIds !== null, (query) =>
        query.where(
          sql<boolean>`organization.id in (
            select provider_id from offering where id = any(${inIds})
            union select operator_id from offering where id = any(${inIds})
            union select centre_id from offering where id = any(${inIds})
            union select centre_id from offering_also_serves where offering_id = any(${inIds}))`,
        ),
      )
      .execute();
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          slug: row.slug,
          name: row.name,
          description: row.description,
          kind: row.kind,
          ownership: row.ownership,
          parentId: row.parent_id,
          website: row.website,
          email: row.email,
          note: row.note,
          seedRefs: row.seed_refs,
          isExample: row.is_example,
          updatedAt: row.updated_at,
          track: row.track_name ? { name: row.track_name, nameEn: row.track_name_en ?? '' } : null,
        },
      ]),
    );
  }

  function offeringQuery(filter: OfferingFilter) {
    let query = db.selectFrom('offering').select(['offering.id', 'offering.name']);
    // PostgreSQL text cannot hold a NUL character; left in, it fails the whole query.
    const search = filter.search?.replaceAll('\u0000', '');
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) =>
        eb.or([
          eb(sql`offering.search_vector`, '@@', sql`websearch_to_tsquery('danish', ${search})`),
          eb('offering.name', 'ilike', pattern),
        ]),
      );
    }
    if (filter.modifiedAfter) query = query.where('offering.updated_at', '>=', filter.modifiedAfter);
    if (filter.organizationId) {
      const organizationId = filter.organizationId;
      if (!isUuid(organizationId)) return null;
      query = query.where((eb) =>
        eb.or([
          eb('offering.provider_id', '=', organizationId),
          eb('offering.operator_id', '=', organizationId),
          eb('offering.centre_id', '=', organizationId),
        ]),
      );
    }
    if (filter.taxonomyTermId) {
      const termId = filter.taxonomyTermId;
      if (!isUuid(termId)) return null;
      query = query.where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('offering_term')
              .select('offering_term.term_id')
              .whereRef('offering_term.offering_id', '=', 'offering.id')
              .where('offering_term.term_id', '=', termId),
          ),
          eb.exists(
            eb
              .selectFrom('taxonomy_term')
              .innerJoin('taxonomy', 'taxonomy.id', 'taxonomy_term.taxonomy_id')
              .select('taxonomy_term.id')
              .where('taxonomy.slug', '=', 'tilbudsprofil')
              .where('taxonomy_term.id', '=', termId)
              .whereRef('taxonomy_term.code', '=', 'offering.profile'),
          ),
        ]),
      );
    }
    if (filter.taxonomyId) {
      const taxonomyId = filter.taxonomyId;
      if (!isUuid(taxonomyId)) return null;
      query = query.where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('offering_term')
              .innerJoin('taxonomy_term', 'taxonomy_term.id', 'offering_term.term_id')
              .select('offering_term.term_id')
              .whereRef('offering_term.offering_id', '=', 'offering.id')
              .where('taxonomy_term.taxonomy_id', '=', taxonomyId),
          ),
          eb.and([
            eb('offering.profile', 'is not', null),
            eb.exists(
              eb.selectFrom('taxonomy').select('taxonomy.id').where('taxonomy.id', '=', taxonomyId).where('taxonomy.slug', '=', 'tilbudsprofil'),
            ),
          ]),
        ]),
      );
    }
    return query;
  }

  async function pageOfIds(
    query: SelectQueryBuilder<DB, 'offering', { id: string; name: string }> | null,
    page: PageOrAll,
  ): Promise<{ ids: string[]; total: number }> {
    if (!query) return { ids: [], total: 0 };
    const sorted = byDanishName(await query.execute());
    const slice = page === 'all' ? sorted : sorted.slice((page.page - 1) * page.perPage, page.page * page.perPage);
    return { ids: slice.map((row) => row.id), total: sorted.length };
  }

  async function loadOfferings(ids: readonly string[]): Promise<Offering[]> {
    if (ids.length === 0) return [];
    // One array parameter, however many offerings: a list of thousands of parameters costs more to send and plan.
    const inIds = [...ids];
    const ofOfferings = (column: string) => sql<boolean>`${sql.ref(column)} = any(${inIds})`;
    const [organizations, rows, alsoServes, locations, terms, events, times, rooms, grants, profileTerms, parentRows] = await Promise.all([
      loadOrganizations(inIds),
      db.selectFrom('offering').selectAll().where(ofOfferings('id')).execute(),
      db.selectFrom('offering_also_serves').selectAll().where(ofOfferings('offering_id')).execute(),
      loadServiceAtLocations(db.selectFrom('service_at_location').where(ofOfferings('service_at_location.offering_id'))),
      db
        .selectFrom('offering_term')
        .innerJoin('taxonomy_term', 'taxonomy_term.id', 'offering_term.term_id')
        .innerJoin('taxonomy', 'taxonomy.id', 'taxonomy_term.taxonomy_id')
        .select([
          'offering_term.offering_id',
          'offering_term.basis',
          'taxonomy_term.id',
          'taxonomy_term.taxonomy_id',
          'taxonomy_term.code',
          'taxonomy_term.name',
          'taxonomy.slug as taxonomy_slug',
        ])
        .where(ofOfferings('offering_term.offering_id'))
        .execute(),
      db
        .selectFrom('status_event')
        .leftJoin('offering as related', 'related.id', 'status_event.related_offering_id')
        .selectAll('status_event')
        .select('related.name as related_name')
        .where(ofOfferings('status_event.offering_id'))
        .orderBy('status_event.is_baseline', 'desc')
        .orderBy('status_event.recorded_on')
        .orderBy('status_event.occurs_on')
        .orderBy('status_event.id')
        .execute(),
      loadOfferingTimes(db, inIds),
      db.selectFrom('room').selectAll().where(ofOfferings('offering_id')).orderBy('name').execute(),
      db.selectFrom('grant_expiry').selectAll().where(ofOfferings('offering_id')).execute(),
      // The profile is a column, but it is published like the other classifications: as a taxonomy term.
      db
        .selectFrom('taxonomy_term')
        .innerJoin('taxonomy', 'taxonomy.id', 'taxonomy_term.taxonomy_id')
        .select(['taxonomy_term.id', 'taxonomy_term.taxonomy_id', 'taxonomy_term.code', 'taxonomy_term.name'])
        .where('taxonomy.slug', '=', 'tilbudsprofil')
        .execute(),
      // The parents in the same round as the rest: one statement less to wait for (ADR 027).
      db
        .selectFrom('offering')
        .select(['id', 'slug', 'name'])
        .where(sql<boolean>`id in (select parent_id from offering where id = any(${inIds}))`)
        .execute(),
    ]);
    const parents = new Map(parentRows.map((row) => [row.id, row]));
    // One pass per table, not one per offering: at national scale (20,000 offerings, 100,000 child rows)
    // filtering every table for every offering took minutes.
    const byOffering = <T,>(items: T[], key: (item: T) => string | null) => {
      const groups = new Map<string, T[]>();
      for (const item of items) {
        const id = key(item);
        if (id === null) continue;
        const list = groups.get(id);
        if (list) list.push(item);
        else groups.set(id, [item]);
      }
      return (offeringId: string) => groups.get(offeringId) ?? [];
    };
    const alsoServesOf = byOffering(alsoServes, (item) => item.offering_id);
    const locationsOf = byOffering(locations, (item) => item.offeringId);
    const termsOf = byOffering(terms, (item) => item.offering_id);
    const eventsOf = byOffering(events, (item) => item.offering_id);
    const roomsOf = byOffering(rooms, (item) => item.offering_id);
    const grantsOf = byOffering(grants, (item) => item.offering_id);
    const profileTermByCode = new Map(profileTerms.map((term) => [term.code, term]));

    const byId = new Map(
      rows.map((row): [string, Offering] => {
        const provider = organizations.get(row.provider_id);
        if (!provider) throw new Error(`Tilbuddet ${row.slug} peger på en ukendt organisation.`);
        const profileTerm = row.profile ? profileTermByCode.get(row.profile) : undefined;
        const parent = row.parent_id ? parents.get(row.parent_id) : undefined;
        return [
          row.id,
          {
            id: row.id,
            slug: row.slug,
            name: row.name,
            alternateName: row.alternate_name,
            description: row.description,
            firstVisit: row.first_visit,
            whoMeetsYou: row.who_meets_you,
            hasQuietRoom: row.has_quiet_room,
            staffing: row.staffing,
            profile: row.profile,
            profileBasis: row.profile_basis,
            provider,
            operator: row.operator_id ? (organizations.get(row.operator_id) ?? null) : null,
            operatorNote: row.operator_note,
            ownership: row.ownership,
            centre: row.centre_id ? (organizations.get(row.centre_id) ?? null) : null,
            alsoServes: alsoServesOf(row.id)
              .map((item) => organizations.get(item.centre_id))
              .filter((item): item is Organization => item !== undefined),
            parent: parent && row.parent_relation ? { ...parent, relation: row.parent_relation } : null,
            email: row.email,
            phone: row.phone,
            url: row.url,
            sourceNote: row.source_note,
            seedRefs: row.seed_refs,
            isExample: row.is_example,
            updatedAt: row.updated_at,
            locations: locationsOf(row.id),
            terms: [
              ...(profileTerm
                ? [{ ...profileTerm, taxonomyId: profileTerm.taxonomy_id, taxonomySlug: 'tilbudsprofil', basis: row.profile_basis }]
                : []),
              ...termsOf(row.id).map((term) => ({
                id: term.id,
                taxonomyId: term.taxonomy_id,
                taxonomySlug: term.taxonomy_slug,
                code: term.code,
                name: term.name,
                basis: term.basis,
              })),
            ],
            events: eventsOf(row.id).map((event) => ({
              id: event.id,
              status: event.status,
              occursOn: event.occurs_on,
              recordedOn: event.recorded_on,
              isBaseline: event.is_baseline,
              relatedOfferingId: event.related_offering_id,
              relatedOfferingName: event.related_name,
              note: event.note,
              seedRefs: event.seed_refs,
            })),
            schedule: times.get(row.id)?.schedule ?? emptySchedule,
            activities: times.get(row.id)?.activities ?? [],
            rooms: roomsOf(row.id).map((item) => ({
              id: item.id,
              name: item.name,
              description: item.description,
              isQuiet: item.is_quiet,
            })),
            grantExpiries: grantsOf(row.id).map((item) => ({
              expiresYear: item.expires_year,
              expiresOn: item.expires_on,
              wasRenewed: item.was_renewed,
              note: item.note,
            })),
          },
        ];
      }),
    );
    return ids.map((id) => byId.get(id)).filter((item): item is Offering => item !== undefined);
  }

  async function loadServiceAtLocations(
    base: SelectQueryBuilder<DB, 'service_at_location', object>,
  ): Promise<ServiceAtLocation[]> {
    const rows = await base
      .innerJoin('location', 'location.id', 'service_at_location.location_id')
      .leftJoin('district', 'district.id', 'location.district_id')
      .selectAll('location')
      .select([
        'service_at_location.id as sal_id',
        'service_at_location.offering_id as sal_offering_id',
        'service_at_location.description as sal_description',
        'service_at_location.updated_at as sal_updated_at',
        'district.slug as district_slug',
        'district.name as district_name',
      ])
      .orderBy('location.name')
      .orderBy('service_at_location.id')
      .execute();
    return rows.map((row) => ({
      id: row.sal_id,
      offeringId: row.sal_offering_id,
      description: row.sal_description,
      updatedAt: row.sal_updated_at,
      location: {
        id: row.id,
        slug: row.slug,
        kind: row.kind,
        name: row.name,
        address1: row.address_1,
        postalCode: row.postal_code,
        city: row.city,
        municipality: row.municipality,
        district:
          row.district_id && row.district_slug && row.district_name
            ? { id: row.district_id, slug: row.district_slug, name: row.district_name }
            : null,
        neighbourhood: row.neighbourhood,
        areaDescription: row.area_description,
        isAddressPending: row.is_address_pending,
        latitude: row.latitude,
        longitude: row.longitude,
        coordinatePrecision: row.coordinate_precision,
        access: {
          stepFreeEntrance: row.has_step_free_entrance,
          lift: row.has_lift,
          accessibleToilet: row.has_accessible_toilet,
          hearingLoop: row.has_hearing_loop,
          description: row.accessibility_description,
          url: row.accessibility_url,
        },
        seedRefs: row.seed_refs,
        isExample: row.is_example,
        updatedAt: row.updated_at,
      } satisfies Location,
    }));
  }

  function pageOf<T>(items: T[], page: PageOrAll): Page<T> {
    const slice = page === 'all' ? items : items.slice((page.page - 1) * page.perPage, page.page * page.perPage);
    return { items: slice, total: items.length };
  }

  const toTaxonomy = (row: DB['taxonomy']): Taxonomy => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    version: row.version,
  });

  async function loadTerms(where: { id?: string; taxonomyId?: string }): Promise<TaxonomyTerm[]> {
    let query = db
      .selectFrom('taxonomy_term')
      .innerJoin('taxonomy', 'taxonomy.id', 'taxonomy_term.taxonomy_id')
      .selectAll('taxonomy_term')
      .select([
        'taxonomy.slug as taxonomy_slug',
        'taxonomy.name as taxonomy_name',
        'taxonomy.description as taxonomy_description',
        'taxonomy.version as taxonomy_version',
      ])
      .orderBy('taxonomy.slug')
      .orderBy('taxonomy_term.code');
    if (where.id) query = query.where('taxonomy_term.id', '=', where.id);
    if (where.taxonomyId) query = query.where('taxonomy_term.taxonomy_id', '=', where.taxonomyId);
    return (await query.execute()).map((row) => ({
      id: row.id,
      taxonomyId: row.taxonomy_id,
      code: row.code,
      name: row.name,
      description: row.description,
      parentId: row.parent_id,
      taxonomy: {
        id: row.taxonomy_id,
        slug: row.taxonomy_slug,
        name: row.taxonomy_name,
        description: row.taxonomy_description,
        version: row.taxonomy_version,
      },
    }));
  }

  /**
   * The finder's filters in SQL (the rules of explainMatch in domain/finder.ts; the finder's database test
   * holds them together). Text is matched through indexes (migrations 0001, 0006): Danish full text, the
   * folded name (LIKE), folded trigrams (offerings_similar_to, for typos) and activities' full text.
   */
  async function findFinderCandidates(filter: FinderFilter): Promise<FinderCandidate[]> {
    // NUL cannot be sent to PostgreSQL; it carries no meaning in a search anyway. Nothing left: no match.
    const text = filter.text === null ? null : filter.text.replaceAll('\0', '').trim();
    if (text === '') return [];
    const conditions: RawBuilder<boolean>[] = [];
    if (filter.districtSlug !== null) {
      conditions.push(sql<boolean>`exists (
        select 1 from service_at_location sal
        join location l on l.id = sal.location_id
        join district d on d.id = l.district_id
        where sal.offering_id = o.id and d.slug = ${filter.districtSlug})`);
    }
    if (filter.centreSlug !== null) {
      conditions.push(sql<boolean>`(
        exists (select 1 from organization c where c.id = o.centre_id and c.slug = ${filter.centreSlug})
        or exists (
          select 1 from offering_also_serves a join organization c on c.id = a.centre_id
          where a.offering_id = o.id and c.slug = ${filter.centreSlug}))`);
    }
    if (filter.profile !== null) {
      // "Both" fits whoever asks for either kind; asking for "both" wants exactly that.
      conditions.push(
        filter.profile === 'both' ? sql<boolean>`o.profile = 'both'` : sql<boolean>`o.profile in (${filter.profile}, 'both')`,
      );
    }
    const hasTerm = (taxonomy: string, codes: readonly string[]) =>
      sql<boolean>`exists (
        select 1 from offering_term ot
        join taxonomy_term tt on tt.id = ot.term_id
        join taxonomy tx on tx.id = tt.taxonomy_id
        where ot.offering_id = o.id and tx.slug = ${taxonomy} and tt.code in (${sql.join(codes)}))`;
    if (filter.targetGroups.length > 0) conditions.push(hasTerm('maalgruppe', filter.targetGroups));
    if (filter.interests.length > 0) conditions.push(hasTerm('interesse', filter.interests));
    if (filter.staffing === 'staff') {
      conditions.push(sql<boolean>`(
        o.staffing in ('staff', 'staff_and_user_run')
        or (o.staffing is null and exists (select 1 from schedule s where s.offering_id = o.id and s.is_staff_present)))`);
    } else if (filter.staffing === 'user_run') {
      conditions.push(sql<boolean>`(
        o.staffing in ('user_run', 'staff_and_user_run')
        or exists (select 1 from schedule s where s.offering_id = o.id and s.is_user_run))`);
    }
    if (filter.mayBeOpenAt) {
      const { date, weekday, holidayKey, minutes, marginMinutes } = filter.mayBeOpenAt;
      const from = formatWallMinutes(Math.max(0, Math.floor(minutes) - marginMinutes));
      const to = formatWallMinutes(Math.min(24 * 60, Math.floor(minutes) + marginMinutes));
      conditions.push(sql<boolean>`(
        exists (
          select 1 from schedule s
          where s.offering_id = o.id and s.weekday = ${weekday} and s.opens_at <= ${to}::time and s.closes_at > ${from}::time)
        or exists (
          select 1 from schedule_exception x
          where x.offering_id = o.id and x.kind <> 'closed' and x.starts_on <= ${date}::date and x.ends_on >= ${date}::date)
        ${
          holidayKey === null
            ? sql``
            : sql`or exists (select 1 from holiday_rule h where h.offering_id = o.id and h.holiday_key = ${holidayKey} and h.kind = 'hours')`
        })`);
    }
    const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
    const point = filter.withPoint
      ? {
          columns: sql`, p.latitude, p.longitude`,
          // The first located address in the order loadOfferings lists them: the one distances are measured to.
          join: sql`left join lateral (
            select l.latitude, l.longitude from service_at_location sal join location l on l.id = sal.location_id
            where sal.offering_id = o.id and l.latitude is not null
            order by l.name, sal.id limit 1) p on true`,
        }
      : { columns: sql``, join: sql`` };

    // One JSON document instead of a row per candidate: PGlite reads rows field by field in JavaScript,
    // which for thousands of candidates cost more than the search (ADR 021).
    let document: string;
    if (text === null) {
      const { rows } = await sql<{ candidates: string }>`
        select coalesce(json_agg(json_build_array(o.id, o.name ${point.columns}) order by o.name), '[]')::text as candidates
        from offering o ${point.join} ${where}`.execute(db);
      document = rows[0]?.candidates ?? '[]';
    } else {
      const folded = sql<string>`fold_text(${text})`;
      const tsquery = sql`websearch_to_tsquery('danish', ${text})`;
      const inName = sql<string>`'%' || replace(replace(replace(fold_text(${text}), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
      // One branch per matcher, so each can use its index (an OR of them was read as one scan of every row).
      // The last matching activity in name order speaks for the place, as before the search moved into SQL.
      const { rows } = await sql<{ candidates: string }>`
        with act as (
          select distinct on (offering_id) offering_id, name, is_example
          from activity where search_vector @@ ${tsquery}
          order by offering_id, name desc),
        typo as (select id, similarity, words from offerings_similar_to(${text})),
        hit as (
          select id from offering where name_folded like ${inName}
          union select id from offering where search_vector @@ ${tsquery}
          union select id from typo
          union select offering_id from act)
        select coalesce(json_agg(json_build_array(o.id, o.name ${point.columns},
            strpos(o.name_folded, ${folded}) > 0,
            o.search_vector @@ ${tsquery},
            coalesce(typo.similarity, 0),
            coalesce(typo.words, '{}'),
            act.name,
            act.is_example) order by o.name), '[]')::text as candidates
        from hit join offering o on o.id = hit.id
        left join typo on typo.id = o.id
        left join act on act.offering_id = o.id
        ${point.join}
        ${where}`.execute(db);
      document = rows[0]?.candidates ?? '[]';
    }
    type Row = [string, string, ...unknown[]];
    const withPoint = filter.withPoint;
    return (JSON.parse(document) as Row[]).map((row) => {
      const [id, name] = row;
      const latitude = withPoint ? (row[2] as number | null) : null;
      const longitude = withPoint ? (row[3] as number | null) : null;
      const rest = withPoint ? row.slice(4) : row.slice(2);
      const [inNameHit, inTextHit, similarity, similarWords, activityName, activityIsExample] = rest as [
        boolean,
        boolean,
        number,
        string[],
        string | null,
        boolean | null,
      ];
      return {
        id,
        name,
        hit:
          text === null
            ? null
            : {
                inName: inNameHit === true,
                inText: inTextHit === true,
                similarWords,
                similarity: Number(similarity),
                activity: activityName ? { name: activityName, isExample: activityIsExample === true } : null,
              },
        point: latitude !== null && longitude !== null ? { latitude, longitude } : null,
      };
    });
  }

  return {
    async findFinderCandidates(filter) {
      return findFinderCandidates(filter);
    },

    async rangeVersion() {
      const row = await db.selectFrom('range_version').select('version').executeTakeFirst();
      return String(row?.version ?? 0);
    },

    async listOfferingNames() {
      // One JSON document, as listStatusEvents: 20,000 rows read field by field cost more.
      const { rows } = await sql<{ names: string }>`
        select coalesce(json_agg(json_build_array(id, name)), '[]')::text as names from offering`.execute(db);
      return (JSON.parse(rows[0]?.names ?? '[]') as [string, string][]).map(([id, name]) => ({ id, name }));
    },

    async listExpired(cutoff) {
      const rows = await db
        .selectFrom('offering')
        .select('id')
        .where(sql<string>`(coalesce(offering.verified_at, ${clockStartSql}) at time zone 'Europe/Copenhagen')::date`, '<=', cutoff)
        .execute();
      return new Set(rows.map((row) => row.id));
    },
    async listStatusEvents() {
      // One JSON document rather than 20,000 rows: PGlite reads rows field by field in JavaScript, which
      // took longer than building the document. Ordered as loadOfferings orders an offering's events, so
      // statusOn sees them the same way in both.
      const { rows } = await sql<{ events: string }>`
        select coalesce(json_agg(json_build_array(o.id, e.status, e.occurs_on, e.recorded_on, e.is_baseline, e.related_offering_id, e.note)
          order by e.is_baseline desc, e.recorded_on, e.occurs_on, e.id), '[]')::text as events
        from offering o left join status_event e on e.offering_id = o.id`.execute(db);
      type Row = [string, StatusEvent['status'] | null, string | null, string | null, boolean | null, string | null, string | null];
      const events = new Map<string, StatusEvent[]>();
      for (const [offeringId, status, occursOn, recordedOn, isBaseline, relatedOfferingId, note] of JSON.parse(rows[0]?.events ?? '[]') as Row[]) {
        let list = events.get(offeringId);
        if (!list) {
          list = [];
          events.set(offeringId, list);
        }
        if (status !== null) list.push({ status, occursOn, recordedOn, isBaseline: isBaseline === true, relatedOfferingId, note });
      }
      return events;
    },

    async countByPlace(excludedIds) {
      const excluded = [...excludedIds];
      // An anti-join on the few excluded ids: the planner hashes them once.
      const included = (column: string) =>
        excluded.length === 0 ? sql<boolean>`true` : sql<boolean>`${sql.ref(column)} not in (select unnest(${excluded}::uuid[]))`;
      const [districts, centres] = await Promise.all([
        db
          .selectFrom('service_at_location')
          .innerJoin('location', 'location.id', 'service_at_location.location_id')
          .innerJoin('district', 'district.id', 'location.district_id')
          .select(['district.slug', 'district.name', sql<string>`count(distinct service_at_location.offering_id)`.as('count')])
          .where(included('service_at_location.offering_id'))
          .groupBy(['district.slug', 'district.name'])
          .execute(),
        db
          .selectFrom('offering')
          .innerJoin('organization', 'organization.id', 'offering.centre_id')
          .select(['organization.slug', 'organization.name', sql<string>`count(*)`.as('count')])
          .where(included('offering.id'))
          .groupBy(['organization.slug', 'organization.name'])
          .execute(),
      ]);
      const facets = (rows: { slug: string; name: string; count: string | number }[]) =>
        rows.map((row) => ({ slug: row.slug, name: row.name, count: Number(row.count) }));
      return { districts: facets(districts), centres: facets(centres) };
    },

    async knowsPlaces({ districtSlug, centreSlug }) {
      const [district, centre] = await Promise.all([
        districtSlug === null
          ? true
          : db
              .selectFrom('service_at_location')
              .innerJoin('location', 'location.id', 'service_at_location.location_id')
              .innerJoin('district', 'district.id', 'location.district_id')
              .select('district.slug')
              .where('district.slug', '=', districtSlug)
              .limit(1)
              .executeTakeFirst()
              .then((row) => row !== undefined),
        centreSlug === null
          ? true
          : db
              .selectFrom('offering')
              .innerJoin('organization', 'organization.id', 'offering.centre_id')
              .select('organization.slug')
              .where('organization.slug', '=', centreSlug)
              .limit(1)
              .executeTakeFirst()
              .then((row) => row !== undefined),
      ]);
      return { district, centre };
    },

    async getOfferings(ids) {
      return loadOfferings(ids.filter(isUuid));
    },

    async getSchedules(ids, day) {
      const times = await loadOfferingTimes(db, ids, { activities: false, ...(day ? { day } : {}) });
      return new Map([...times].map(([id, time]): [string, Schedule] => [id, time.schedule]));
    },

    async findOfferings(filter, page) {
      const { ids, total } = await pageOfIds(offeringQuery(filter), page);
      return { items: await loadOfferings(ids), total };
    },

    async getOffering(id) {
      if (!isUuid(id)) return null;
      const [offering] = await loadOfferings([id]);
      return offering ?? null;
    },

    async findOrganizations(filter: OrganizationFilter, page) {
      let items = [...(await loadOrganizations()).values()];
      if (filter.search) {
        const needle = filter.search.toLocaleLowerCase('da');
        items = items.filter((item) => `${item.name} ${item.description}`.toLocaleLowerCase('da').includes(needle));
      }
      if (filter.modifiedAfter) {
        const after = filter.modifiedAfter;
        items = items.filter((item) => item.updatedAt >= after);
      }
      return pageOf(byDanishName(items), page);
    },

    async getOrganization(id) {
      if (!isUuid(id)) return null;
      return (await loadOrganizations()).get(id) ?? null;
    },

    async findServiceAtLocations(filter, page) {
      const query = offeringQuery(filter);
      if (!query) return { items: [], total: 0 };
      const offerings = await loadOfferings((await pageOfIds(query, 'all')).ids);
      const pairs = offerings.flatMap((offering) =>
        offering.locations.map((serviceAtLocation) => ({ serviceAtLocation, offering })),
      );
      return pageOf(pairs, page);
    },

    async getServiceAtLocation(id) {
      if (!isUuid(id)) return null;
      const row = await db.selectFrom('service_at_location').select(['offering_id']).where('id', '=', id).executeTakeFirst();
      if (!row) return null;
      const [offering] = await loadOfferings([row.offering_id]);
      const serviceAtLocation = offering?.locations.find((item) => item.id === id);
      return offering && serviceAtLocation ? { serviceAtLocation, offering } : null;
    },

    async findTaxonomies(page) {
      const rows = await db.selectFrom('taxonomy').selectAll().orderBy('slug').execute();
      return pageOf(rows.map(toTaxonomy), page);
    },

    async getTaxonomy(id) {
      if (!isUuid(id)) return null;
      const row = await db.selectFrom('taxonomy').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toTaxonomy(row) : null;
    },

    async findTaxonomyTerms(filter, page) {
      if (filter.taxonomyId && !isUuid(filter.taxonomyId)) return { items: [], total: 0 };
      return pageOf(await loadTerms(filter.taxonomyId ? { taxonomyId: filter.taxonomyId } : {}), page);
    },

    async getTaxonomyTerm(id) {
      if (!isUuid(id)) return null;
      const [term] = await loadTerms({ id });
      return term ?? null;
    },
  };
}
