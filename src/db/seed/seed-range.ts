import type { Insertable, Kysely, Transaction } from 'kysely';
import { taxonomies } from '../../domain/vocabulary.ts';
import type { DB, OrganizationTable, StatusEventTable } from '../schema.ts';
import type { SeedFiles } from './seed-files.ts';
import type { HolidayKey } from '../../domain/schedule/holidays.ts';
import { type Activity, everyWeek, type Recurrence, type Schedule } from '../../domain/schedule/model.ts';
import { validateActivity, validateSchedule } from '../../domain/schedule/validate.ts';
import { stableId } from '../../domain/stable-id.ts';
import { addDays } from '../../domain/time.ts';
import { activityColumns, replaceSchedule } from '../schedule-store.ts';
import { seedModelLetters, seedModelScenario } from './seed-scenarios.ts';
import { seedGloria } from './seed-gloria.ts';

const seedName = 'copenhagen-2016';

/** The date of the 2016 model (seed 002): the decisions in "after" were recorded then. */
const modelDate = '2016-02-04';

const id = {
  organization: (slug: string) => stableId(`organization:${slug}`),
  centre: (centre: string) => stableId(`organization:centre-${centre}`),
  track: (centre: string) => stableId(`track:${centre}`),
  district: (slug: string) => stableId(`district:${slug}`),
  offering: (slug: string) => stableId(`offering:${slug}`),
  location: (slug: string) => stableId(`location:${slug}`),
  taxonomy: (slug: string) => stableId(`taxonomy:${slug}`),
  term: (taxonomy: string, code: string) => stableId(`taxonomy_term:${taxonomy}:${code}`),
};
export const seedIds = id;

/** Where seeded events say more than the portfolio's before/after columns (dated facts from the seeds). */
const datedEvents: Record<string, Omit<SeedEvent, 'slug'>[]> = {
  milepaelen: [
    {
      status: 'closing',
      occurs_on: '2015-12-16',
      recorded_on: '2015-11-27',
      note: 'Holdt åbent tre dage om ugen frem til 16. december 2015, mens personalet hjalp brugerne med at finde andre tilbud. Bevillingen udløb i 2015.',
      seed_refs: ['000'],
    },
  ],
  thorvaldsen: [
    {
      status: 'closed',
      occurs_on: null,
      recorded_on: '2015-11-27',
      note: 'Bevillingen udløb i 2015 og blev ikke fornyet. Kilderne giver ikke lukkedatoen.',
      seed_refs: ['000', '001'],
    },
  ],
};

type SeedEvent = Omit<StatusEventTable, 'id' | 'offering_id' | 'is_baseline' | 'related_offering_id'> & {
  slug: string;
  related?: string;
  is_baseline?: boolean;
};

/**
 * Load the Copenhagen range into an empty or partly seeded database. Every row has a stable id and is
 * inserted only if missing, so running it again changes nothing and never overwrites later edits.
 */
export async function seedRange(
  db: Kysely<DB>,
  files: SeedFiles,
  options: { force?: boolean; today: string },
): Promise<{ offerings: number; skipped: boolean }> {
  return db.transaction().execute(async (trx) => {
    const state = await trx.selectFrom('seed_state').select('checksum').where('name', '=', seedName).executeTakeFirst();
    if (state?.checksum === files.checksum && !options.force) {
      // A database seeded before scenarios existed gets the 2016 model once (ADR 030).
      await seedModelScenario(trx, files);
      await seedModelLetters(trx);
      await seedGloria(trx, new Date(`${options.today}T00:00:00Z`));
      return { offerings: files.portfolio.offerings.length, skipped: true };
    }
    await seedVocabulary(trx);
    await seedSources(trx, files);
    await seedOrganizations(trx, files);
    await seedOfferings(trx, files);
    await seedBudget(trx, files);
    await seedExamples(trx, files);
    await seedCourses(trx, files, options.today);
    await seedModelScenario(trx, files);
    await seedModelLetters(trx);
    await seedGloria(trx, new Date(`${options.today}T00:00:00Z`));
    await trx
      .insertInto('seed_state')
      .values({ name: seedName, checksum: files.checksum })
      .onConflict((oc) => oc.column('name').doUpdateSet({ checksum: files.checksum, seeded_at: new Date() }))
      .execute();
    return { offerings: files.portfolio.offerings.length, skipped: false };
  });
}

async function seedVocabulary(trx: Transaction<DB>) {
  for (const taxonomy of taxonomies) {
    await trx
      .insertInto('taxonomy')
      .values({
        id: id.taxonomy(taxonomy.slug),
        slug: taxonomy.slug,
        name: taxonomy.name,
        description: taxonomy.description,
        version: '1',
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await trx
      .insertInto('taxonomy_term')
      .values(
        taxonomy.terms.map((term) => ({
          id: id.term(taxonomy.slug, term.code),
          taxonomy_id: id.taxonomy(taxonomy.slug),
          code: term.code,
          name: term.name,
          description: `${taxonomy.name}: ${term.name}`,
          parent_id: null,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

async function seedSources(trx: Transaction<DB>, { danish }: SeedFiles) {
  await trx
    .insertInto('source_document')
    .values(
      danish.sources.map((source) => ({
        id: source.id,
        title: source.title,
        document_date: source.date,
        case_number: source.caseNumber,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

async function seedOrganizations(trx: Transaction<DB>, { portfolio, danish }: SeedFiles) {
  const administrationId = id.organization(danish.administration.slug);
  const rows: Insertable<OrganizationTable>[] = [];
  rows.push({
    id: administrationId,
    slug: danish.administration.slug,
    name: danish.administration.name,
    description: danish.administration.description,
    kind: 'administration',
    ownership: 'municipal',
    parent_id: null,
    website: null,
    email: null,
    note: null,
    seed_refs: ['001', '002'],
  });
  for (const centre of portfolio.centres) {
    const text = danish.centres[centre.id];
    if (!text) throw new Error(`Seed-filen range-2016-da.json mangler centret ${centre.id}.`);
    rows.push({
      id: id.centre(centre.id),
      slug: `center-${centre.id}`,
      name: text.name,
      description: text.description,
      kind: 'centre',
      ownership: 'municipal',
      parent_id: administrationId,
      website: null,
      email: null,
      note: null,
      seed_refs: ['002'],
    });
  }
  for (const operator of Object.values(danish.operators)) {
    if (operator.slug === danish.administration.slug) continue;
    rows.push({
      id: id.organization(operator.slug),
      slug: operator.slug,
      name: operator.name,
      description: operator.description,
      kind: 'operator',
      ownership: operator.ownership,
      parent_id: null,
      website: null,
      email: null,
      note: operator.note ?? null,
      seed_refs: ['001', '002'],
    });
  }
  await trx
    .insertInto('organization')
    .values(rows)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();

  await trx
    .insertInto('track')
    .values(
      portfolio.centres.map((centre) => ({
        id: id.track(centre.id),
        slug: centre.id,
        centre_id: id.centre(centre.id),
        name: centre.trackDa,
        name_en: centre.track,
        seed_refs: ['002'],
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();

  await trx
    .insertInto('district')
    .values(
      danish.districts.map((district) => ({
        id: id.district(district.slug),
        slug: district.slug,
        name: district.name,
        centre_id: id.centre(district.centre),
        centre_basis: 'Afledt af centrenes adresser i bilag 2; kilderne opdeler ikke bydelene mellem centrene.',
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

async function seedOfferings(trx: Transaction<DB>, { portfolio, danish }: SeedFiles) {
  const administrationId = id.organization(danish.administration.slug);
  const known = new Set(portfolio.offerings.map((offering) => offering.id));
  const referenced = (slug: string | undefined, from: string) => {
    if (slug !== undefined && !known.has(slug)) {
      throw new Error(`Tilbuddet ${from} henviser til ${slug}, som ikke findes i portfolio-2016.json.`);
    }
    return slug;
  };

  // Staff own the rooms they have changed: an offering whose rooms were edited on the platform keeps
  // them as they are (a removed room is not brought back). Places are only ever inserted when missing,
  // so an edited place keeps its edits, and a moved offering keeps its link's id (ADR 019).
  const edited = await trx
    .selectFrom('audit_entry')
    .select('resource_id')
    .distinct()
    .where('resource_type', '=', 'offering')
    .where('action', 'like', 'room.%')
    .execute();
  const ownRooms = new Set(edited.map((row) => row.resource_id));

  // Parents first, so the foreign key to parent_id always has its row.
  const ordered = [...portfolio.offerings].sort((a, b) => Number(a.parent !== undefined) - Number(b.parent !== undefined));
  const events: SeedEvent[] = [];

  for (const source of ordered) {
    const text = danish.offerings[source.id];
    if (!text) throw new Error(`Seed-filen range-2016-da.json mangler tilbuddet ${source.id}.`);
    const operator = source.operator ? danish.operators[source.operator] : undefined;
    if (source.operator && !operator) throw new Error(`Driftsherren "${source.operator}" mangler i range-2016-da.json.`);
    const operatorId = operator ? id.organization(operator.slug) : null;
    const centreId = source.centre ? id.centre(source.centre) : null;
    const ownership =
      source.ownership === 'self-governing' ? 'self_governing' : source.ownership === 'municipal' ? 'municipal' : null;
    const offeringId = id.offering(source.id);
    const parent = referenced(source.parent, source.id);

    await trx
      .insertInto('offering')
      .values({
        id: offeringId,
        slug: source.id,
        name: source.name,
        alternate_name: null,
        description: text.description,
        first_visit: null,
        who_meets_you: null,
        has_quiet_room: null,
        staffing: text.staffing ?? null,
        profile: text.profile ?? null,
        profile_basis: text.profileBasis ?? null,
        provider_id: operatorId ?? centreId ?? administrationId,
        operator_id: operatorId,
        operator_note: operator?.note ?? null,
        ownership: ownership ?? (operator ? operator.ownership : null),
        centre_id: centreId,
        parent_id: parent ? id.offering(parent) : null,
        parent_relation: parent ? 'satellite' : null,
        email: null,
        phone: null,
        url: null,
        source_note: source.notes,
        seed_refs: source.seed,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();

    if (source.alsoServes?.length) {
      await trx
        .insertInto('offering_also_serves')
        .values(source.alsoServes.map((centre) => ({ offering_id: offeringId, centre_id: id.centre(centre) })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }

    const terms = [
      ...Object.entries(text.targetGroups ?? {}).map(([code, basis]) => ({
        term_id: id.term('maalgruppe', code),
        basis: basis ?? null,
      })),
      ...(text.interests ?? []).map((code) => ({ term_id: id.term('interesse', code), basis: null })),
    ];
    if (terms.length) {
      await trx
        .insertInto('offering_term')
        .values(terms.map((term) => ({ offering_id: offeringId, ...term })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }

    await seedLocation(trx, danish, source, ownRooms.has(offeringId) ? { ...text, rooms: [] } : text, offeringId);
    events.push(...eventsFor(source, (slug) => referenced(slug, source.id)));
  }

  for (const event of events) {
    const { slug, related, ...rest } = event;
    const eventKey = `${slug}:${event.status}:${event.occurs_on ?? ''}:${event.recorded_on ?? 'baseline'}`;
    await trx
      .insertInto('status_event')
      .values({
        ...rest,
        id: stableId(`status_event:${eventKey}`),
        offering_id: id.offering(slug),
        is_baseline: event.is_baseline ?? false,
        related_offering_id: related ? id.offering(related) : null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

type PortfolioOffering = SeedFiles['portfolio']['offerings'][number];
type OfferingText = SeedFiles['danish']['offerings'][string];

async function seedLocation(
  trx: Transaction<DB>,
  danish: SeedFiles['danish'],
  source: PortfolioOffering,
  text: OfferingText,
  offeringId: string,
) {
  const districtSlug = source.district ? danish.districtNames[source.district] : undefined;
  const districtId = districtSlug ? id.district(districtSlug) : null;
  let locationSlug: string;
  if (source.address) {
    // Two offerings at one address (Milepælen and its successor) share one location.
    // The slug keeps its first spelling (ø → o, å's ring dropped first), not foldDanish: seeded locations' ids come from it.
    locationSlug = source.address
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replaceAll('ø', 'o')
      .replaceAll('æ', 'ae')
      .replaceAll('å', 'aa')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const hasPoint = source.lat !== null && source.lon !== null;
    await trx
      .insertInto('location')
      .values({
        id: id.location(locationSlug),
        slug: locationSlug,
        kind: 'address',
        name: source.address,
        address_1: source.address,
        postal_code: text.postalCode ?? null,
        city: text.city ?? null,
        municipality: text.municipality ?? 'København',
        district_id: districtId,
        neighbourhood: source.district?.includes('Tingbjerg') ? 'Tingbjerg' : null,
        area_description: null,
        latitude: source.lat,
        longitude: source.lon,
        coordinate_precision: hasPoint ? 'approximate' : 'none',
        seed_refs: source.seed,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  } else if (text.area) {
    locationSlug = `omraade-${source.id}`;
    await trx
      .insertInto('location')
      .values({
        id: id.location(locationSlug),
        slug: locationSlug,
        kind: 'area',
        name: text.area,
        address_1: null,
        postal_code: null,
        city: null,
        district_id: districtId,
        neighbourhood: null,
        area_description: text.area,
        is_address_pending: text.addressPending ?? false,
        latitude: null,
        longitude: null,
        coordinate_precision: 'none',
        seed_refs: source.seed,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  } else {
    return;
  }
  const locationId = id.location(locationSlug);
  await trx
    .insertInto('service_at_location')
    .values({ id: stableId(`service_at_location:${source.id}:${locationSlug}`), offering_id: offeringId, location_id: locationId, description: null })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  for (const room of text.rooms ?? []) {
    await trx
      .insertInto('room')
      .values({
        id: stableId(`room:${source.id}:${room.name}`),
        location_id: locationId,
        offering_id: offeringId,
        name: room.name,
        description: room.description,
        seed_refs: source.seed,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

/** Turn the portfolio's before/after columns into dated status events. */
function eventsFor(source: PortfolioOffering, referenced: (slug: string | undefined) => string | undefined): SeedEvent[] {
  const events: SeedEvent[] = [];
  const base = { slug: source.id, seed_refs: source.seed };
  if (source.before === 'active' || source.before === 'closed') {
    events.push({ ...base, status: 'active', occurs_on: null, recorded_on: null, is_baseline: true, note: null });
  }
  events.push(...(datedEvents[source.id] ?? []).map((event) => ({ ...event, slug: source.id })));
  const decided = { ...base, occurs_on: null, recorded_on: modelDate, seed_refs: ['002'] };
  if (source.after === 'proposed') {
    events.push({ ...decided, status: 'proposed', note: 'Foreslået i modellen for 2016.' });
  } else if (source.after === 'closes') {
    const mergedInto = referenced(source.mergedInto);
    const replacedBy = referenced(source.replacedBy);
    if (mergedInto) {
      events.push({ ...decided, status: 'merged_into', related: mergedInto, note: 'Lægges sammen i et nyt tilbud. Datoen er ikke fastsat i kilden.' });
    } else if (replacedBy) {
      events.push({ ...decided, status: 'replaced_by', related: replacedBy, note: 'Erstattes af et andet tilbud. Datoen er ikke fastsat i kilden.' });
    } else {
      events.push({ ...decided, status: 'closing', note: 'Ophører. Datoen er ikke fastsat i kilden.' });
    }
  }
  return events;
}

async function seedBudget(trx: Transaction<DB>, { portfolio }: SeedFiles) {
  const { budget } = portfolio;
  const rows = budget.lines.flatMap((line) =>
    Object.entries(line.amounts).map(([year, amount]) => ({
      id: stableId(`budget_line:${line.appropriation}:${line.function}:${year}`),
      committee: line.committee,
      appropriation: line.appropriation,
      appropriation_name: line.appropriationName,
      function_code: line.function,
      kind: line.kind,
      year: Number(year),
      amount_thousand_dkk: amount,
      price_level: Number(budget.priceLevel),
      is_permanent: line.permanent,
      // Seed 001: the 3.4 million DKK moved with Kontaktcenteret from 1613 to 1616.
      offering_id: id.offering('kontaktcenteret'),
      note: 'Kontaktcenterets budget flyttes fra bevilling 1613 til 1616, fordi brugerne hovedsageligt har et misbrug.',
      seed_refs: budget.seed,
    })),
  );
  await trx
    .insertInto('budget_line')
    .values(rows)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();

  // The appropriations the lines name, and (migration 0018, ADR 032) the movement the lines record as one transfer:
  // a line taking an amount every year paired with the line giving the same amount in the same years.
  await trx
    .insertInto('appropriation')
    .values(
      [...new Map(budget.lines.map((line) => [line.appropriation, line])).values()].map((line) => ({
        number: line.appropriation,
        name: line.appropriationName,
        committee: line.committee,
        function_code: line.function,
        seed_refs: budget.seed,
      })),
    )
    .onConflict((oc) => oc.column('number').doNothing())
    .execute();
  for (const taken of budget.lines.filter((line) => Object.values(line.amounts).every((amount) => amount < 0))) {
    const years = Object.keys(taken.amounts).map(Number).sort();
    const amount = -taken.amounts[String(years[0])]!;
    const given = budget.lines.find(
      (line) => line !== taken && Object.entries(taken.amounts).every(([year, value]) => line.amounts[year] === -value),
    );
    if (!given || Object.values(taken.amounts).some((value) => value !== -amount)) continue;
    await trx
      .insertInto('budget_transfer')
      .values({
        id: stableId(`budget_transfer:${taken.appropriation}:${given.appropriation}:${years[0]}`),
        from_appropriation: taken.appropriation,
        to_appropriation: given.appropriation,
        first_year: years[0]!,
        last_year: taken.permanent ? null : years.at(-1)!,
        amount_thousand_dkk: amount,
        price_level: Number(budget.priceLevel),
        reason: 'Kontaktcenterets budget flyttes fra bevilling 1613 til 1616, fordi brugerne hovedsageligt har et misbrug.',
        offering_id: id.offering('kontaktcenteret'),
        seed_refs: budget.seed,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  const expiries = [
    { slug: 'milepaelen', renewed: false, seed: ['000', '001'] },
    { slug: 'thorvaldsen', renewed: false, seed: ['000', '001'] },
    { slug: 'fremtidsfabrikken', renewed: null, seed: ['001'] },
    { slug: 'muhabet', renewed: null, seed: ['001'] },
  ];
  await trx
    .insertInto('grant_expiry')
    .values(
      expiries.map((expiry) => ({
        id: stableId(`grant_expiry:${expiry.slug}:2015`),
        offering_id: id.offering(expiry.slug),
        expires_year: 2015,
        expires_on: null,
        was_renewed: expiry.renewed,
        note: expiry.renewed === false ? 'Bevillingen blev ikke fornyet.' : null,
        seed_refs: expiry.seed,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

type ExampleRecurrence = { every?: number | undefined; anchor?: string | undefined; nth?: number | undefined };

function exampleRecurrence(entry: ExampleRecurrence): Recurrence {
  if (entry.nth !== undefined) return { kind: 'monthly', nth: entry.nth };
  return entry.every ? { kind: 'weekly', interval: entry.every, anchor: entry.anchor ?? null } : everyWeek;
}

const examplePeriod = (period: { opens: string; closes: string; userRun?: boolean | undefined; staffPresent?: boolean | undefined }) => ({
  opens: period.opens,
  closes: period.closes,
  isUserRun: period.userRun ?? false,
  isStaffPresent: period.staffPresent ?? true,
});

/**
 * The invented hours, exceptions, holiday choices and activities, checked by the same rules as a
 * staff member's edit: a mistake in eksempeldata.json stops the seed with the field named.
 */
async function seedExamples(trx: Transaction<DB>, { examples, portfolio }: SeedFiles) {
  const known = new Set(portfolio.offerings.map((offering) => offering.id));
  const all = [...examples.schedules, ...examples.activities, ...examples.exceptions, ...examples.holidays];
  for (const entry of all) {
    if (!known.has(entry.offering)) throw new Error(`eksempeldata.json nævner det ukendte tilbud ${entry.offering}.`);
  }
  const schedules = new Map<string, Schedule>();
  const scheduleOf = (slug: string) => {
    let schedule = schedules.get(slug);
    if (!schedule) {
      schedule = { rules: [], exceptions: [], holidays: { standard: 'closed', rules: [] } };
      schedules.set(slug, schedule);
    }
    return schedule;
  };
  for (const entry of examples.schedules) {
    for (const weekday of entry.weekdays) {
      scheduleOf(entry.offering).rules.push({
        id: stableId(`schedule:${entry.offering}:${weekday}:${entry.opens}`),
        weekday,
        ...examplePeriod(entry),
        recurrence: exampleRecurrence(entry),
        validFrom: entry.validFrom ?? null,
        validTo: entry.validTo ?? null,
        description: entry.description ?? null,
        isExample: true,
      });
    }
  }
  for (const entry of examples.exceptions) {
    scheduleOf(entry.offering).exceptions.push({
      id: stableId(`schedule_exception:${entry.offering}:${entry.from}`),
      from: entry.from,
      to: entry.to,
      kind: entry.kind,
      periods: (entry.periods ?? []).map((period) => ({ ...examplePeriod(period), weekdays: period.weekdays ?? null })),
      reason: entry.reason ?? null,
      isExample: true,
    });
  }
  for (const entry of examples.holidays) {
    scheduleOf(entry.offering).holidays = {
      standard: entry.standard,
      rules: entry.rules.map((rule) => ({
        holiday: rule.holiday as HolidayKey,
        kind: rule.kind,
        periods: (rule.periods ?? []).map(examplePeriod),
      })),
    };
  }
  // Staff own what they have saved: an offering whose hours or activities were edited on the platform
  // keeps them when the example file changes (the audit log records every such save).
  const edited = await trx
    .selectFrom('audit_entry')
    .select(['resource_id', 'action'])
    .where('resource_type', '=', 'offering')
    .where((eb) => eb.or([eb('action', '=', 'schedule.replace'), eb('action', 'like', 'activity.%')]))
    .execute();
  const ownHours = new Set(edited.filter((row) => row.action === 'schedule.replace').map((row) => row.resource_id));
  const ownActivities = new Set(edited.filter((row) => row.action.startsWith('activity.')).map((row) => row.resource_id));
  for (const [slug, schedule] of schedules) {
    const problems = validateSchedule(schedule);
    if (problems.length > 0) {
      throw new Error(`eksempeldata.json, ${slug}: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join(' ')}`);
    }
    if (!ownHours.has(id.offering(slug))) await replaceSchedule(trx, id.offering(slug), schedule);
  }

  const places = new Map(examples.places.map((place) => [place.slug, place]));
  if (examples.places.length > 0) {
    await trx
      .insertInto('location')
      .values(
        examples.places.map((place) => ({
          id: id.location(place.slug),
          slug: place.slug,
          kind: place.address ? ('address' as const) : ('area' as const),
          name: place.name,
          address_1: place.address,
          postal_code: place.postcode,
          city: place.city,
          area_description: place.area ?? null,
          latitude: place.latitude,
          longitude: place.longitude,
          coordinate_precision: 'approximate' as const,
          seed_refs: [],
          is_example: true,
        })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          address_1: eb.ref('excluded.address_1'),
          postal_code: eb.ref('excluded.postal_code'),
          city: eb.ref('excluded.city'),
          area_description: eb.ref('excluded.area_description'),
        })),
      )
      .execute();
  }
  const activities = examples.activities.map((entry) => {
    if (entry.place && !places.has(entry.place)) throw new Error(`eksempeldata.json nævner det ukendte sted ${entry.place}.`);
    const place = entry.place ? places.get(entry.place)! : null;
    const activity: Activity = {
      id: stableId(`activity:${entry.offering}:${entry.name}:${entry.weekday ?? entry.once}`),
      name: entry.name,
      description: entry.description,
      kind: entry.kind,
      when:
        entry.once !== undefined
          ? { kind: 'once', date: entry.once }
          : {
              kind: 'repeats',
              weekday: entry.weekday ?? 0,
              recurrence: exampleRecurrence(entry),
              validFrom: entry.validFrom ?? null,
              validTo: entry.validTo ?? null,
            },
      startsAt: entry.starts,
      endsAt: entry.ends,
      place: place && {
        name: place.name,
        address: place.address,
        postcode: place.postcode,
        city: place.city,
        latitude: place.latitude,
        longitude: place.longitude,
      },
      isUserRun: entry.userRun ?? false,
      cancelledOn: [],
      isExample: true,
    };
    const problems = validateActivity(activity, `activities.${entry.name}`);
    if (problems.length > 0) throw new Error(`eksempeldata.json: ${problems.map((problem) => problem.message).join(' ')}`);
    return activityColumns(activity, id.offering(entry.offering), entry.place ? id.location(entry.place) : null);
  });
  const kept = [...ownActivities].filter((offering): offering is string => offering !== null);
  let stale = trx.deleteFrom('activity').where('is_example', '=', true);
  if (kept.length > 0) stale = stale.where('offering_id', 'not in', kept);
  await stale.execute();
  const fresh = activities.filter((row) => !ownActivities.has(row.offering_id));
  if (fresh.length > 0) await trx.insertInto('activity').values(fresh).execute();
}

/**
 * The operators' yearly course targets from the sources, and the invented example courses. An example
 * course is inserted once, its meetings laid out from the day it is first seeded; it is never
 * overwritten, so staff edits and enrolments stay.
 */
async function seedCourses(trx: Transaction<DB>, { examples, portfolio }: SeedFiles, today: string) {
  await trx
    .insertInto('course_target')
    .values({
      organization_id: id.organization('fountain-house'),
      from_year: 2016,
      to_year: null,
      minimum_per_year: 28,
      basis: 'Fountain House vil blandt andet være leverandør af minimum 28 strukturerede forløb årligt (ungesporet).',
      seed_refs: ['002'],
    })
    .onConflict((oc) => oc.columns(['organization_id', 'from_year']).doNothing())
    .execute();
  const known = new Set(portfolio.offerings.map((offering) => offering.id));
  const places = new Set(examples.places.map((place) => place.slug));
  for (const entry of examples.courses) {
    if (!known.has(entry.offering)) throw new Error(`eksempeldata.json nævner det ukendte tilbud ${entry.offering}.`);
    if (entry.place && !places.has(entry.place)) throw new Error(`eksempeldata.json nævner det ukendte sted ${entry.place}.`);
    if (entry.kind === 'referred' && !entry.goal) throw new Error(`eksempeldata.json, ${entry.slug}: et visiteret forløb skal have et mål.`);
    if (entry.ends <= entry.starts) throw new Error(`eksempeldata.json, ${entry.slug}: et møde skal slutte efter, det begynder.`);
    const courseId = stableId(`course:${entry.slug}`);
    const inserted = await trx
      .insertInto('course')
      .values({
        id: courseId,
        slug: entry.slug,
        title: entry.title,
        kind: entry.kind,
        track: entry.track,
        purpose: entry.purpose,
        target_group: entry.targetGroup,
        offering_id: id.offering(entry.offering),
        run_by: entry.runBy,
        capacity: entry.capacity,
        how_to_join: entry.howToJoin,
        goal: entry.goal ?? null,
        is_example: true,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) continue;
    const sessions = Array.from({ length: entry.count }, (_, index) => ({
      id: stableId(`course-session:${entry.slug}:${index}`),
      course_id: courseId,
      on_date: addDays(today, entry.firstInDays + index * entry.everyDays),
      starts_at: entry.starts,
      ends_at: entry.ends,
      location_id: entry.place ? id.location(entry.place) : null,
    }));
    await trx.insertInto('course_session').values(sessions).execute();
  }
}
