import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { OfferingFilter, OrganizationFilter, PageOrAll, RangeRepository } from '../app/ports.ts';
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
import { emptySchedule } from '../domain/schedule/model.ts';
import { loadOfferingTimes } from './schedule-store.ts';
import type { DB } from './schema.ts';

/** Below this trigram word similarity a text is not taken as a misspelling of the query. */
const similarityThreshold = 0.55;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: string) => uuidPattern.test(value);

/**
 * Reads the range. Lists are sorted by Danish name in Node (PGlite has no Danish collation) and then
 * paged, which is fine for a range of hundreds of offerings; the page's records are then loaded whole.
 */
export function createRangeRepository(db: Kysely<DB>): RangeRepository {
  async function loadOrganizations(): Promise<Map<string, Organization>> {
    const rows = await db
      .selectFrom('organization')
      .leftJoin('track', 'track.centre_id', 'organization.id')
      .selectAll('organization')
      .select(['track.name as track_name', 'track.name_en as track_name_en'])
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

  async function loadOfferings(ids: string[]): Promise<Offering[]> {
    if (ids.length === 0) return [];
    const [organizations, rows, alsoServes, locations, terms, events, times, rooms, grants] = await Promise.all([
      loadOrganizations(),
      db.selectFrom('offering').selectAll().where('id', 'in', ids).execute(),
      db.selectFrom('offering_also_serves').selectAll().where('offering_id', 'in', ids).execute(),
      loadServiceAtLocations(db.selectFrom('service_at_location').where('service_at_location.offering_id', 'in', ids)),
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
        .where('offering_term.offering_id', 'in', ids)
        .execute(),
      db
        .selectFrom('status_event')
        .leftJoin('offering as related', 'related.id', 'status_event.related_offering_id')
        .selectAll('status_event')
        .select('related.name as related_name')
        .where('status_event.offering_id', 'in', ids)
        .orderBy('status_event.is_baseline', 'desc')
        .orderBy('status_event.recorded_on')
        .orderBy('status_event.occurs_on')
        .execute(),
      loadOfferingTimes(db, ids),
      db.selectFrom('room').selectAll().where('offering_id', 'in', ids).orderBy('name').execute(),
      db.selectFrom('grant_expiry').selectAll().where('offering_id', 'in', ids).execute(),
    ]);
    // The profile is a column, but it is published like the other classifications: as a taxonomy term.
    const profileTerms = await db
      .selectFrom('taxonomy_term')
      .innerJoin('taxonomy', 'taxonomy.id', 'taxonomy_term.taxonomy_id')
      .select(['taxonomy_term.id', 'taxonomy_term.taxonomy_id', 'taxonomy_term.code', 'taxonomy_term.name'])
      .where('taxonomy.slug', '=', 'tilbudsprofil')
      .execute();
    const parents = new Map(
      (
        await db
          .selectFrom('offering')
          .select(['id', 'slug', 'name'])
          .where(
            'id',
            'in',
            rows.map((row) => row.parent_id).filter((id): id is string => id !== null).concat(['00000000-0000-0000-0000-000000000000']),
          )
          .execute()
      ).map((row) => [row.id, row]),
    );
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

  return {
    async searchText(query) {
      // NUL cannot be sent to PostgreSQL; it carries no meaning in a search anyway.
      const text = query.replaceAll('\0', '').trim();
      if (!text) return [];
      const folded = sql`unaccent(lower(${text}))`;
      const tsquery = sql`websearch_to_tsquery('danish', ${text})`;
      const haystack = sql`unaccent(lower(offering.name || ' ' || coalesce(offering.alternate_name, '') || ' ' || offering.description))`;
      const [rows, activities] = await Promise.all([
        db
          .selectFrom('offering')
          .select([
            'offering.id',
            sql<boolean>`strpos(unaccent(lower(offering.name)), ${folded}) > 0`.as('in_name'),
            sql<boolean>`offering.search_vector @@ ${tsquery}`.as('in_text'),
            sql<number>`word_similarity(${folded}, ${haystack})`.as('similarity'),
          ])
          .where((eb) =>
            eb.or([
              eb(sql`strpos(unaccent(lower(offering.name)), ${folded})`, '>', 0),
              eb(sql`offering.search_vector`, '@@', tsquery),
              eb(sql`word_similarity(${folded}, ${haystack})`, '>=', similarityThreshold),
            ]),
          )
          .execute(),
        db
          .selectFrom('activity')
          .select(['offering_id', 'name', 'is_example'])
          .where(sql<boolean>`to_tsvector('danish', activity.name || ' ' || coalesce(activity.description, '')) @@ ${tsquery}`)
          .orderBy('name')
          .execute(),
      ]);
      const activityByOffering = new Map(activities.map((row) => [row.offering_id, { name: row.name, isExample: row.is_example }]));
      const hits = new Map(
        rows.map((row) => [
          row.id,
          {
            id: row.id,
            inName: row.in_name,
            inText: row.in_text,
            similarity: Number(row.similarity),
            activity: activityByOffering.get(row.id) ?? null,
          },
        ]),
      );
      for (const [offeringId, activity] of activityByOffering) {
        if (!hits.has(offeringId)) hits.set(offeringId, { id: offeringId, inName: false, inText: false, similarity: 0, activity });
      }
      return [...hits.values()].sort(
        (a, b) =>
          Number(b.inName) - Number(a.inName) ||
          Number(b.inText) - Number(a.inText) ||
          Number(b.activity !== null) - Number(a.activity !== null) ||
          b.similarity - a.similarity,
      );
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
