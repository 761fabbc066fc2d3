import type { Transaction } from 'kysely';
import type { NewHouse, ScenarioChange } from '../../domain/planning/scenario.ts';
import { stableId } from '../../domain/stable-id.ts';
import { keepSenderDays } from '../../domain/planning/correspondence.ts';
import { addDays } from '../../domain/time.ts';
import type { Profile } from '../../domain/vocabulary.ts';
import type { DB } from '../schema.ts';
import type { SeedFiles } from './seed-files.ts';

/** The 2016 model (seed 002) was recorded on this date; the sources date none of its changes. */
const modelDate = '2016-02-04';
export const modelScenarioId = stableId('planning_scenario:model-2016');

const sourceWords = (refs: readonly string[]) => `Kilde: ${refs.map((ref) => `bilag ${ref}`).join(', ')}.`;
const undated = 'Kilderne giver ingen dato; modellens dato er brugt.';

/** The places the model names, as the range has them: first located address, district, profile and target groups. */
async function placesOf(trx: Transaction<DB>, slugs: readonly string[]): Promise<Map<string, NewHouse>> {
  const rows = await trx
    .selectFrom('offering as o')
    .leftJoin('service_at_location as sal', 'sal.offering_id', 'o.id')
    .leftJoin('location as l', 'l.id', 'sal.location_id')
    .leftJoin('district as d', 'd.id', 'l.district_id')
    .select(['o.id', 'o.slug', 'o.name', 'o.profile', 'l.address_1', 'l.latitude', 'l.longitude', 'l.coordinate_precision', 'd.name as district'])
    .where('o.slug', 'in', [...slugs])
    .orderBy('o.slug')
    .orderBy('l.latitude')
    .execute();
  const groups = await trx
    .selectFrom('offering_term as ot')
    .innerJoin('taxonomy_term as t', 't.id', 'ot.term_id')
    .innerJoin('taxonomy as x', 'x.id', 't.taxonomy_id')
    .innerJoin('offering as o', 'o.id', 'ot.offering_id')
    .select(['o.slug', 't.code'])
    .where('x.slug', '=', 'maalgruppe')
    .where('o.slug', 'in', [...slugs])
    .execute();
  const places = new Map<string, NewHouse>();
  for (const row of rows) {
    if (places.has(row.slug)) continue;
    places.set(row.slug, {
      offeringId: row.id,
      slug: row.slug,
      name: row.name,
      address: row.address_1,
      lat: row.latitude,
      lon: row.longitude,
      approximate: row.coordinate_precision !== 'address',
      district: row.district,
      profile: row.profile as Profile | null,
      targetGroups: groups.filter((group) => group.slug === row.slug).map((group) => group.code),
    });
  }
  return places;
}

/**
 * The 2016 model as a published scenario (ADR 030): every closing, merger, replacement and new house in
 * portfolio-2016.json, with the seed documents as rationale, starting from the range on the model's date.
 * Inserted once; never overwritten.
 */
export async function seedModelScenario(trx: Transaction<DB>, { portfolio }: SeedFiles): Promise<void> {
  const existing = await trx.selectFrom('planning_scenario').select('id').where('id', '=', modelScenarioId).executeTakeFirst();
  if (existing) return;
  const places = await placesOf(
    trx,
    portfolio.offerings.map((offering) => offering.id),
  );
  if (places.size === 0) return;
  const changes: ScenarioChange[] = [];
  const change = (key: string) => ({ id: stableId(`scenario_change:model-2016:${key}`), on: modelDate, budget: null });
  const opened = new Set<string>();

  const mergers = new Map<string, typeof portfolio.offerings>();
  for (const offering of portfolio.offerings.filter((item) => item.after === 'closes' && item.mergedInto)) {
    mergers.set(offering.mergedInto!, [...(mergers.get(offering.mergedInto!) ?? []), offering]);
  }
  for (const [into, merged] of mergers) {
    const house = places.get(into);
    const source = portfolio.offerings.find((item) => item.id === into);
    if (!house || !source) continue;
    const names = merged.map((item) => places.get(item.id)?.name ?? item.name);
    const refs = [...new Set([...merged.flatMap((item) => item.seed), ...source.seed])].sort();
    changes.push({
      ...change(`merge:${into}`),
      kind: 'merge',
      offeringIds: merged.flatMap((item) => (places.has(item.id) ? [places.get(item.id)!.offeringId] : [])),
      into: house,
      rationale: `${names.join(', ').replace(/, ([^,]*)$/, ' og $1')} lægges sammen i ${house.name}: lokalerne er utidssvarende. Adressen afsøges, og driftsherren findes i en budrunde. ${undated} ${sourceWords(refs)}`,
      seedRefs: refs,
    });
    opened.add(into);
  }

  // New houses that replace a place: opened first, so the closing can name where its users go.
  for (const offering of portfolio.offerings.filter((item) => item.after === 'proposed' && !opened.has(item.id))) {
    const house = places.get(offering.id);
    if (!house) continue;
    const replaces = (offering.replaces ?? []).map((slug) => places.get(slug)?.name ?? slug);
    changes.push({
      ...change(`open:${offering.id}`),
      kind: 'open',
      house,
      rationale: `Nyt tilbud i modellen for 2016${replaces.length ? `, i stedet for ${replaces.join(' og ')}` : ''}.${house.address ? '' : ' Adressen er ikke fastlagt.'} ${undated} ${sourceWords(offering.seed)}`,
      seedRefs: offering.seed,
    });
    opened.add(offering.id);
  }

  for (const offering of portfolio.offerings.filter((item) => item.after === 'closes' && !item.mergedInto)) {
    const place = places.get(offering.id);
    if (!place) continue;
    const successor = offering.replacedBy ? places.get(offering.replacedBy) : undefined;
    const reason = danishReason(offering.id) ? ` ${danishReason(offering.id)}` : '';
    changes.push({
      ...change(`close:${offering.id}`),
      kind: 'close',
      offeringId: place.offeringId,
      successorId: successor?.offeringId ?? null,
      rationale: `${place.name} lukker${successor ? ` og erstattes af ${successor.name}` : ''}.${reason} ${undated} ${sourceWords(offering.seed)}`,
      seedRefs: offering.seed,
    });
  }

  const at = new Date(`${modelDate}T12:00:00Z`);
  await trx
    .insertInto('planning_scenario')
    .values({
      id: modelScenarioId,
      title: 'Modellen for 2016',
      summary:
        'Socialudvalgets model for aktivitets- og samværstilbuddene i hver bydel (bilag 2, 4. februar 2016, sag 2016-0028443): hvilke steder der lukker, lægges sammen, erstattes og åbner. Udgangspunktet er viften på modellens dato. Kilderne dater ikke de enkelte ændringer og angiver ikke deres budgetvirkning; ændringerne er dateret til modellens dato.',
      starts_on: modelDate,
      state: 'published',
      changes: JSON.stringify(changes),
      created_at: at,
      updated_at: at,
      updated_by: null,
      updated_by_name: 'Tilbudsvifte, efter kilderne',
      published_at: at,
      seed_refs: ['000', '001', '002'],
    })
    .execute();
}

/** The seeds' reasons for a closing, in Danish (the portfolio's notes are English). */
function danishReason(slug: string): string {
  const reasons: Record<string, string> = {
    'cafe-offside': 'Lejemålet opsiges, fordi lokalerne ikke egner sig til at drive et værested.',
    linnesgade: 'Lejemålet opsiges.',
    nordstjernen: 'Nedlægges som rent aktivitets- og samværstilbud; lokalerne bruges til videns- og kompetencecenteret.',
    lyrskovgade: 'Et nyt aktivitets- og samværstilbud i Kontaktcenteret på Valdemarsgade 21 træder i stedet.',
  };
  return reasons[slug] ?? '';
}

/**
 * The letters the committee had before it when it discussed the basic structure in June 2015 (bilag 001: the
 * appendices 2015-0135051-3 to -7), logged against the 2016 model (ADR 035). The seed names their senders; the
 * log does not: the kind of sender and the subject are enough, and the source gives no reply. Inserted once.
 */
export async function seedModelLetters(trx: Transaction<DB>): Promise<void> {
  const scenario = await trx.selectFrom('planning_scenario').select('id').where('id', '=', modelScenarioId).executeTakeFirst();
  if (!scenario) return;
  const source = 'Kilde: bilag 001, Socialudvalgets behandling af forslaget til en grundstruktur (sag 2015-0135051). Kilden gengiver ikke brevets indhold eller et svar.';
  const letters = [
    { caseNumber: '2015-0135051-3', receivedOn: '2015-06-04', senderKind: 'citizen' as const, subject: 'Henvendelse fra en gruppe brugere af Mamma Mia' },
    { caseNumber: '2015-0135051-5', receivedOn: '2015-06-15', senderKind: 'citizen' as const, subject: 'Henvendelse fra en bruger af Mamma Mia' },
    { caseNumber: '2015-0135051-4', receivedOn: '2015-06-18', senderKind: 'citizen' as const, subject: 'Henvendelse fra en bruger af Mamma Mia' },
    { caseNumber: '2015-0135051-6', receivedOn: '2015-06-22', senderKind: 'citizen' as const, subject: 'Henvendelse fra en bruger af Mamma Mia' },
    { caseNumber: '2015-0135051-7', receivedOn: '2015-06-22', senderKind: 'operator' as const, subject: 'Henvendelse fra lederen af Mamma Mia' },
  ];
  const at = new Date('2015-06-24T12:00:00Z');
  await trx
    .insertInto('planning_letter')
    .values(
      letters.map((letter) => ({
        id: stableId(`planning_letter:${letter.caseNumber}`),
        case_number: letter.caseNumber,
        scenario_id: modelScenarioId,
        received_on: letter.receivedOn,
        sender_kind: letter.senderKind,
        subject: letter.subject,
        summary: `Bilag til Socialudvalgets behandling af forslaget til en fremtidig grundstruktur for aktivitets- og samværstilbuddene, som modellen for 2016 bygger på. ${source}`,
        sender_name: null,
        sender_contact: null,
        reply_text: null,
        replied_on: null,
        forget_on: addDays(letter.receivedOn, keepSenderDays),
        registered_by_name: 'Tilbudsvifte, efter kilderne',
        registered_at: at,
        updated_at: at,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}
