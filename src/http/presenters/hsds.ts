import type {
  Location,
  Offering,
  Organization,
  ServiceAtLocation,
  Taxonomy,
  TaxonomyTerm,
} from '../../domain/range.ts';
import { type AccessFact, accessFacts, hasAccessInformation } from '../../domain/place.ts';
import { holidayNames } from '../../domain/schedule/holidays.ts';
import type { Recurrence } from '../../domain/schedule/model.ts';
import { describeActivityWhen, describeRule } from '../../domain/schedule/schedule-text.ts';
import { stableId } from '../../domain/stable-id.ts';
import { cityTimeZone } from '../../domain/time.ts';
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

const accessWords: Record<AccessFact, string> = {
  stepFreeEntrance: 'Indgang uden trin',
  lift: 'Elevator',
  accessibleToilet: 'Handicaptoilet',
  hearingLoop: 'Teleslynge',
};

/**
 * HSDS 3.0 accessibility: the place's own words as the description (or, without them, the known facts),
 * the facts as a Danish sentence in details, and each fact as a dk_ field (true, false or left out).
 */
function presentAccessibility(location: Location): Json[] {
  const { access } = location;
  if (!hasAccessInformation(access)) return [];
  const known = accessFacts.filter((fact) => access[fact] !== null);
  const details = known.map((fact) => `${accessWords[fact]}: ${access[fact] ? 'ja' : 'nej'}.`).join(' ');
  return [
    compact({
      id: location.id,
      location_id: location.id,
      description: access.description ?? (details || 'Se siden om adgang.'),
      details: details || undefined,
      url: access.url,
      dk_step_free_entrance: access.stepFreeEntrance,
      dk_lift: access.lift,
      dk_accessible_toilet: access.accessibleToilet,
      dk_hearing_loop: access.hearingLoop,
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
    accessibility: presentAccessibility(location),
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

const exampleNote = 'eksempeldata: ikke tilbuddets rigtige åbningstid';

function recurrenceFields(weekday: number, recurrence: Recurrence, validFrom: string | null) {
  const day = weekdayCodes[weekday - 1]!;
  if (recurrence.kind === 'monthly') return { freq: 'MONTHLY', byday: `${recurrence.nth}${day}`, dtstart: validFrom ?? undefined };
  return {
    freq: 'WEEKLY',
    interval: recurrence.interval > 1 ? recurrence.interval : undefined,
    byday: day,
    // Every other week is counted from a date in an open week.
    dtstart: recurrence.interval > 1 ? (recurrence.anchor ?? undefined) : (validFrom ?? undefined),
  };
}

/**
 * HSDS schedules from the schedule model: one per regular rule, and one per period of an exception
 * that has not ended (a closed day is a schedule with no hours). Holidays are in `dk_holiday_policy`.
 */
function presentSchedules(offering: Offering, today: string): Json[] {
  const rules = offering.schedule.rules.map((rule) =>
    compact({
      id: rule.id,
      service_id: offering.id,
      wkst: 'MO',
      ...recurrenceFields(rule.weekday, rule.recurrence, rule.validFrom),
      valid_from: rule.validFrom ?? undefined,
      valid_to: rule.validTo ?? undefined,
      opens_at: rule.opens,
      closes_at: rule.closes,
      description: rule.description ?? describeRule(rule),
      notes: rule.isExample ? exampleNote : undefined,
      dk_timezone: cityTimeZone,
      dk_is_user_run: rule.isUserRun,
      dk_is_staff_present: rule.isStaffPresent,
      dk_is_example: rule.isExample,
    }),
  );
  const exceptions = offering.schedule.exceptions
    .filter((exception) => exception.to >= today)
    .flatMap((exception) => {
      const base = {
        service_id: offering.id,
        valid_from: exception.from,
        valid_to: exception.to,
        notes: exception.isExample ? exampleNote : undefined,
        dk_timezone: cityTimeZone,
        dk_exception: exception.kind,
        dk_is_example: exception.isExample,
      };
      if (exception.kind === 'closed') {
        return [compact({ id: exception.id, ...base, description: `Lukket${exception.reason ? `: ${exception.reason}` : ''}` })];
      }
      return exception.periods.map((period, index) =>
        compact({
          id: stableId(`schedule-exception:${exception.id}:${index}`),
          ...base,
          freq: 'WEEKLY',
          wkst: 'MO',
          byday: (period.weekdays ?? [1, 2, 3, 4, 5, 6, 7]).map((day) => weekdayCodes[day - 1]).join(','),
          opens_at: period.opens,
          closes_at: period.closes,
          description: exception.reason ?? (exception.kind === 'transition' ? 'Nedsatte åbningstider før lukningen' : 'Ændrede åbningstider'),
          dk_is_user_run: period.isUserRun,
          dk_is_staff_present: period.isStaffPresent,
        }),
      );
    });
  return [...rules, ...exceptions];
}

function presentHolidayPolicy(offering: Offering): Json {
  const { standard, rules } = offering.schedule.holidays;
  return {
    standard,
    rules: rules.map((rule) => ({
      holiday: rule.holiday,
      name: holidayNames[rule.holiday],
      kind: rule.kind,
      periods: rule.periods.map((period) => ({ opens_at: period.opens, closes_at: period.closes, is_user_run: period.isUserRun })),
    })),
  };
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
    schedules: withSchedules ? presentSchedules(offering, today) : undefined,
    service: presentServiceSummary(offering, today),
  });
}

export function presentService(offering: Offering, today: string): Json {
  return compact({
    ...presentServiceSummary(offering, today),
    service_at_locations: offering.locations.map((item) =>
      compact({ id: item.id, service_id: offering.id, location_id: item.location.id, location: presentLocation(item.location) }),
    ),
    schedules: presentSchedules(offering, today),
    dk_holiday_policy: presentHolidayPolicy(offering),
    attributes: presentAttributes(offering),
    dk_activities: offering.activities.map((activity) =>
      compact({
        id: activity.id,
        name: activity.name,
        description: activity.description,
        kind: activity.kind,
        ...(activity.when.kind === 'once'
          ? { date: activity.when.date }
          : {
              ...recurrenceFields(activity.when.weekday, activity.when.recurrence, activity.when.validFrom),
              valid_from: activity.when.validFrom ?? undefined,
              valid_to: activity.when.validTo ?? undefined,
            }),
        when: describeActivityWhen(activity),
        place: activity.place ?? undefined,
        cancelled_on: activity.cancelledOn.length > 0 ? activity.cancelledOn : undefined,
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
