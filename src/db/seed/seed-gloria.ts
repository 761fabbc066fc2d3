import type { Transaction } from 'kysely';
import { stableId } from '../../domain/stable-id.ts';
import { cityTeamSlug, insertMissingTeams } from '../gloria-store.ts';
import type { DB } from '../schema.ts';

/** Gloria's demo content: made up to show the platform, marked is_example and shown with «eksempeldata». */
const byline = 'Eksempeldata';
const themeId = stableId('gloria_theme:ensomhed');

type ExampleText = { key: string; team: string; kind: 'news' | 'article' | 'life_story'; title: string; lead: string; body: string; theme?: number; at: string };

const texts: ExampleText[] = [
  {
    key: 'naar-weekenden-bliver-lang',
    team: cityTeamSlug,
    kind: 'article',
    title: 'Når weekenden bliver lang',
    lead: 'Mange af os kender det: fredag eftermiddag bliver der stille. Her er nogle råd fra brugere, der har prøvet det.',
    body: [
      'Weekenden kan være den sværeste tid. Stederne har ofte lukket. Vennerne har travlt.',
      '## Det hjælper for os',
      '- Lav en plan for lørdag, også en lille en.',
      '- Ring til én, du kender, før weekenden.',
      '- Find et sted, der har åbent i weekenden. Brug søgningen på forsiden.',
      'Du er ikke den eneste. Det er en god start at vide det.',
      'Her er det, der sker i byen den næste uge. Listen kommer fra Tilbudsviften, så den er altid ny.',
      '[[liste: aktiviteter uge=naeste max=8]]',
      'Teksten er eksempeldata: den viser, hvordan en artikel i Gloria ser ud.',
    ].join('\n\n'),
    theme: 1,
    at: '2026-11-16T09:00:00Z',
  },
  {
    key: 'kaffen-var-min-vej-ind',
    team: cityTeamSlug,
    kind: 'life_story',
    title: 'Kaffen var min vej ind',
    lead: 'En bruger fortæller om at gå ind ad døren første gang.',
    body: [
      'Jeg gik forbi mange gange. Jeg turde ikke gå ind.',
      'En dag stod døren åben. Der duftede af kaffe. Så gik jeg ind og fik en kop.',
      'Ingen spurgte om noget. Jeg sad bare der. Næste uge kom jeg igen.',
      'Historien er eksempeldata: ingen rigtig person har fortalt den.',
    ].join('\n\n'),
    theme: 2,
    at: '2026-11-16T09:00:00Z',
  },
  {
    key: 'gloria-soeger-skribenter-paa-noerrebro',
    team: 'norrebro',
    kind: 'news',
    title: 'Gloria søger skribenter på Nørrebro',
    lead: 'Vil du skrive om livet i bydelen? Redaktionen på Nørrebro har brug for flere.',
    body: [
      'Redaktionen mødes hver anden uge. Du skriver om det, du synes er vigtigt.',
      'Du kan få et brugerjob som skribent. Spørg på dit tilbud.',
      'Nyheden er eksempeldata.',
    ].join('\n\n'),
    at: '2026-11-02T09:00:00Z',
  },
  {
    key: 'saadan-skriver-du-til-gloria',
    team: 'valby',
    kind: 'article',
    title: 'Sådan skriver du til Gloria',
    lead: 'Korte sætninger og almindelige ord gør en tekst let at læse.',
    body: [
      'Skriv, som du taler. Brug korte sætninger. Forklar svære ord.',
      '## Tre gode råd',
      '- Skriv det vigtigste først.',
      '- Brug ét afsnit til én ting.',
      '- Læs teksten højt, før du sender den.',
      'Artiklen er eksempeldata.',
    ].join('\n\n'),
    at: '2026-10-20T09:00:00Z',
  },
];

/** The teams for every district and the city, one theme issue on loneliness and a few texts; inserted once, never overwritten. */
export async function seedGloria(trx: Transaction<DB>, at: Date) {
  await insertMissingTeams(trx, at);
  const teams = new Map((await trx.selectFrom('gloria_team').select(['id', 'slug']).execute()).map((team) => [team.slug, team.id]));
  const city = teams.get(cityTeamSlug);
  if (!city) return;
  await trx
    .insertInto('gloria_theme')
    .values({
      id: themeId,
      slug: 'ensomhed',
      team_id: city,
      title: 'Ensomhed',
      intro: 'Et temanummer om at være alene, når man ikke vil være det, og om de små skridt ud af det.\n\nTemanummeret er eksempeldata.',
      state: 'published',
      published_at: new Date('2026-11-16T09:00:00Z'),
      is_example: true,
      created_at: new Date('2026-11-10T09:00:00Z'),
      updated_at: new Date('2026-11-16T09:00:00Z'),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  for (const text of texts) {
    const team = teams.get(text.team);
    if (!team) continue;
    const story = text.kind === 'life_story';
    await trx
      .insertInto('gloria_article')
      .values({
        id: stableId(`gloria_article:${text.key}`),
        slug: text.key,
        team_id: team,
        kind: text.kind,
        title: text.title,
        lead: text.lead,
        body: text.body,
        theme_id: text.theme ? themeId : null,
        theme_position: text.theme ?? null,
        state: 'published',
        author_account_id: null,
        author_name: byline,
        // The example storyteller is nobody: anonymous, with an example consent.
        storyteller_name: story ? 'Eksempelfortæller' : null,
        storyteller_anonymous: story,
        consent_on: story ? '2026-11-09' : null,
        consent_how: story ? 'in_person' : null,
        consent_recorded_by_name: story ? byline : null,
        storyteller_delete_after: story ? '2028-11-08' : null,
        published_at: new Date(text.at),
        published_by_name: byline,
        is_example: true,
        created_at: new Date(text.at),
        updated_at: new Date(text.at),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
