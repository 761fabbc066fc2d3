import type {
  Location,
  Offering,
  Organization,
  ServiceAtLocation,
  Taxonomy,
  TaxonomyTerm,
} from '../../domain/range.ts';
import { stableId } from '../../domain/stable-id.ts';
import { hsdsStatus, statusOn } from '../../domain/status.ts';
import { describeStatus } from '../../domain/status-text.ts';
import { stateLabels } from '../../domain/vocabulary.ts';

/**
 * HSDS 3.0 JSON with the Danish profile (fields prefixed dk_, documented in docs/hsds-profile.md).
 * HSDS types do not allow null, so empty values are left out rather than sent as null.
 */

type Json = Record<string, unknown>;

function compact(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined));
}

const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export function presentOrganization(organization: Organization): Json {
  return compact({
    id: organization.id,
    name: organization.name,
    description: organization.description || organization.name,
    email: organization.email,
    website: organization.website,
    parent_organization_id: organization.parentId,
    dk_kind: organization.kind,
    dk_ownership: organization.ownership,
    dk_track: organization.track?.name,
    dk_note: organization.note,
    dk_is_example: organization.isExample,
    dk_sources: organization.seedRefs,
  });
}

function presentStatus(offering: Offering, today: string) {
  const status = statusOn(offering.events, today);
  return {
    status,
    fields: compact({
      status: hsdsStatus(status.state),
      alert: describeStatus(status, offering.events) ?? undefined,
      dk_state: status.state,
      dk_state_label: stateLabels[status.state],
      dk_planned_change: status.planned
        ? compact({
            kind: status.planned.kind,
            on: status.planned.on,
            related_service_id: status.planned.relatedOfferingId,
          })
        : undefined,
      dk_status_history: offering.events.map((event) =>
        compact({
          status: event.status,
          occurs_on: event.occursOn,
          recorded_on: event.recordedOn,
          is_baseline: event.isBaseline,
          related_service_id: event.relatedOfferingId,
          note: event.note,
          sources: event.seedRefs,
        }),
      ),
    }),
  };
}

export function presentServiceSummary(offering: Offering, today: string): Json {
  return compact({
    id: offering.id,
    organization_id: offering.provider.id,
    name: offering.name,
    alternate_name: offering.alternateName,
    description: offering.description,
    url: offering.url,
    email: offering.email,
    ...presentStatus(offering, today).fields,
    last_modified: offering.updatedAt.toISOString(),
    organization: presentOrganization(offering.provider),
    dk_slug: offering.slug,
    dk_profile: offering.profile,
    dk_profile_basis: offering.profileBasis,
    dk_target_groups: offering.terms.filter((term) => term.taxonomySlug === 'maalgruppe').map((term) => term.code),
    dk_interests: offering.terms.filter((term) => term.taxonomySlug === 'interesse').map((term) => term.code),
    dk_ownership: offering.ownership,
    dk_operator_id: offering.operator?.id,
    dk_operator_note: offering.operatorNote,
    dk_centre_id: offering.centre?.id,
    dk_also_serves_centre_ids: offering.alsoServes.map((centre) => centre.id),
    dk_parent_service_id: offering.parent?.id,
    dk_parent_relation: offering.parent?.relation,
    dk_staffing: offering.staffing,
    dk_first_visit: offering.firstVisit,
    dk_who_meets_you: offering.whoMeetsYou,
    dk_has_quiet_room: offering.hasQuietRoom,
    dk_is_example: offering.isExample,
    dk_sources: offering.seedRefs,
  });
}

function presentAddress(location: Location): Json[] {
  if (location.kind !== 'address' || !location.address1) return [];
  return [
    compact({
      id: location.id,
      location_id: location.id,
      address_1: location.address1,
      city: location.city ?? location.municipality,
      state_province: 'Region Hovedstaden',
      postal_code: location.postalCode ?? '',
      country: 'DK',
      address_type: 'physical',
    }),
  ];
}

export function presentLocation(location: Location): Json {
  return compact({
    id: location.id,
    location_type: 'physical',
    name: location.name,
    description: location.areaDescription,
    latitude: location.latitude,
    longitude: location.longitude,
    addresses: presentAddress(location),
    dk_kind: location.kind,
    dk_no_fixed_address: location.kind === 'area' && !location.isAddressPending,
    dk_address_pending: location.isAddressPending,
    dk_coordinate_precision: location.coordinatePrecision,
    dk_district: location.district?.name,
    dk_municipality: location.municipality,
    dk_neighbourhood: location.neighbourhood,
    dk_is_example: location.isExample,
    dk_sources: location.seedRefs,
  });
}

function presentSchedules(offering: Offering): Json[] {
  return offering.openingHours.map((hours) =>
    compact({
      id: hours.id,
      service_id: offering.id,
      freq: 'WEEKLY',
      wkst: 'MO',
      byday: weekdayCodes[hours.weekday - 1],
      opens_at: hours.opensAt,
      closes_at: hours.closesAt,
      description: hours.description ?? undefined,
      notes: hours.isExample ? 'eksempeldata: ikke tilbuddets rigtige åbningstid' : undefined,
      dk_timezone: 'Europe/Copenhagen',
      dk_is_user_run: hours.isUserRun,
      dk_is_staff_present: hours.isStaffPresent,
      dk_is_example: hours.isExample,
    }),
  );
}

function presentAttributes(offering: Offering): Json[] {
  return offering.terms.map((term) =>
    compact({
      id: stableId(`attribute:${offering.id}:${term.id}`),
      link_id: offering.id,
      link_type: 'service',
      link_entity: 'service',
      taxonomy_term_id: term.id,
      value: term.basis ?? undefined,
      taxonomy_term: { id: term.id, name: term.name, description: term.name, code: term.code, taxonomy_id: term.taxonomyId },
    }),
  );
}

/** A service at a location; the single-record view adds the schedules, the list leaves them out. */
export function presentServiceAtLocation(
  item: ServiceAtLocation,
  offering: Offering,
  today: string,
  { withSchedules }: { withSchedules: boolean },
): Json {
  return compact({
    id: item.id,
    service_id: offering.id,
    location_id: item.location.id,
    description: item.description,
    location: presentLocation(item.location),
    schedules: withSchedules ? presentSchedules(offering) : undefined,
    service: presentServiceSummary(offering, today),
  });
}

export function presentService(offering: Offering, today: string): Json {
  return compact({
    ...presentServiceSummary(offering, today),
    service_at_locations: offering.locations.map((item) =>
      compact({ id: item.id, service_id: offering.id, location_id: item.location.id, location: presentLocation(item.location) }),
    ),
    schedules: presentSchedules(offering),
    attributes: presentAttributes(offering),
    dk_activities: offering.activities.map((activity) =>
      compact({
        id: activity.id,
        name: activity.name,
        description: activity.description,
        byday: activity.weekday ? weekdayCodes[activity.weekday - 1] : undefined,
        starts_at: activity.startsAt,
        ends_at: activity.endsAt,
        is_user_run: activity.isUserRun,
        is_example: activity.isExample,
      }),
    ),
    dk_rooms: offering.rooms.map((room) => compact({ id: room.id, name: room.name, description: room.description, is_quiet: room.isQuiet })),
    dk_grant_expiries: offering.grantExpiries.map((grant) =>
      compact({ expires_year: grant.expiresYear, expires_on: grant.expiresOn, was_renewed: grant.wasRenewed, note: grant.note }),
    ),
    dk_source_note: offering.sourceNote,
  });
}

export function presentMinimalService(offering: Offering, today: string): Json {
  return {
    id: offering.id,
    name: offering.name,
    status: hsdsStatus(statusOn(offering.events, today).state),
    last_modified: offering.updatedAt.toISOString(),
  };
}

export function presentTaxonomy(taxonomy: Taxonomy): Json {
  return compact({ id: taxonomy.id, name: taxonomy.name, description: taxonomy.description, version: taxonomy.version, dk_slug: taxonomy.slug });
}

export function presentTaxonomyTerm(term: TaxonomyTerm): Json {
  return compact({
    id: term.id,
    code: term.code,
    name: term.name,
    description: term.description,
    parent_id: term.parentId,
    taxonomy_id: term.taxonomyId,
    taxonomy: term.taxonomy.slug,
    taxonomy_detail: presentTaxonomy(term.taxonomy),
    language: 'da',
  });
}

export function presentPage<T>(items: T[], total: number, page: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: items.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: items.length === 0,
    contents: items,
  };
}
