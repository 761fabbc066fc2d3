/**
 * A national range for the benches: ≥ 20,000 invented offerings across Denmark's 98 municipalities,
 * with opening hours, exceptions, holiday rules, terms, locations and ≥ 200,000 weekly activity slots.
 * Everything is generated from a seeded PRNG, so two runs with the same settings produce the same rows.
 * Every record that can say so is marked is_example = true, and every name starts with "Eksempel".
 *
 * It is loaded with the app's own migrations (src/db/database.ts) into a PGlite data directory under
 * os.tmpdir() that is reused while the generator version, settings and migrations are unchanged, or,
 * with BENCH_DATABASE_URL=postgres://…, into a throwaway schema that is dropped afterwards.
 *
 *   npm exec -- node --import tsx bench/support/national-range.ts      # build (or reuse) and print figures
 *
 * Settings: BENCH_OFFERINGS (default 20000), BENCH_SEED (default 104), BENCH_FRESH=1 (rebuild),
 * BENCH_DATABASE_URL (PostgreSQL instead of PGlite).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { CompiledQuery, Kysely, type LogEvent, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type Database, migrate, openEmbeddedDatabase, openPostgresDatabase } from '../../src/db/database.ts';
import { lockDataDir } from '../../src/db/data-dir-lock.ts';
import { PGliteDialect } from '../../src/db/pglite-dialect.ts';
import { activityColumns } from '../../src/db/schedule-store.ts';
import type { DB } from '../../src/db/schema.ts';
import type { HolidayKey } from '../../src/domain/schedule/holidays.ts';
import type {
  Activity,
  ActivityKind,
  ActivityPlace,
  HolidayRule,
  OpeningRule,
  Period,
  Recurrence,
  Schedule,
  ScheduleException,
} from '../../src/domain/schedule/model.ts';
import { validateActivity, validateSchedule } from '../../src/domain/schedule/validate.ts';
import { stableId } from '../../src/domain/stable-id.ts';
import { type Interest, interests, type TargetGroup, targetGroups, taxonomies } from '../../src/domain/vocabulary.ts';

/** Bump when the generated rows change, so an old data directory is rebuilt instead of reused. */
export const generatorVersion = 'national-3';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const migrationsDir = path.join(root, 'src/db/migrations');

// ---------------------------------------------------------------------------------------------------
// Denmark: the 98 municipalities with a rough centre, population (thousands) and a main postcode.

type Municipality = { name: string; lat: number; lon: number; pop: number; postcode: string; city: string };

const municipalities: Municipality[] = [
  // Region Hovedstaden (29)
  { name: 'København', lat: 55.676, lon: 12.568, pop: 660, postcode: '1550', city: 'København V' },
  { name: 'Frederiksberg', lat: 55.679, lon: 12.532, pop: 105, postcode: '2000', city: 'Frederiksberg' },
  { name: 'Albertslund', lat: 55.657, lon: 12.353, pop: 28, postcode: '2620', city: 'Albertslund' },
  { name: 'Allerød', lat: 55.871, lon: 12.357, pop: 26, postcode: '3450', city: 'Allerød' },
  { name: 'Ballerup', lat: 55.731, lon: 12.363, pop: 52, postcode: '2750', city: 'Ballerup' },
  { name: 'Bornholm', lat: 55.103, lon: 14.7, pop: 39, postcode: '3700', city: 'Rønne' },
  { name: 'Brøndby', lat: 55.648, lon: 12.418, pop: 39, postcode: '2605', city: 'Brøndby' },
  { name: 'Dragør', lat: 55.593, lon: 12.672, pop: 14, postcode: '2791', city: 'Dragør' },
  { name: 'Egedal', lat: 55.768, lon: 12.193, pop: 44, postcode: '3660', city: 'Stenløse' },
  { name: 'Fredensborg', lat: 55.975, lon: 12.403, pop: 41, postcode: '3480', city: 'Fredensborg' },
  { name: 'Frederikssund', lat: 55.839, lon: 12.069, pop: 45, postcode: '3600', city: 'Frederikssund' },
  { name: 'Furesø', lat: 55.808, lon: 12.36, pop: 41, postcode: '3520', city: 'Farum' },
  { name: 'Gentofte', lat: 55.75, lon: 12.55, pop: 75, postcode: '2820', city: 'Gentofte' },
  { name: 'Gladsaxe', lat: 55.733, lon: 12.489, pop: 70, postcode: '2860', city: 'Søborg' },
  { name: 'Glostrup', lat: 55.666, lon: 12.4, pop: 23, postcode: '2600', city: 'Glostrup' },
  { name: 'Gribskov', lat: 56.022, lon: 12.197, pop: 41, postcode: '3200', city: 'Helsinge' },
  { name: 'Halsnæs', lat: 55.97, lon: 12.022, pop: 31, postcode: '3300', city: 'Frederiksværk' },
  { name: 'Helsingør', lat: 56.036, lon: 12.613, pop: 63, postcode: '3000', city: 'Helsingør' },
  { name: 'Herlev', lat: 55.724, lon: 12.44, pop: 29, postcode: '2730', city: 'Herlev' },
  { name: 'Hillerød', lat: 55.927, lon: 12.311, pop: 52, postcode: '3400', city: 'Hillerød' },
  { name: 'Hvidovre', lat: 55.657, lon: 12.473, pop: 54, postcode: '2650', city: 'Hvidovre' },
  { name: 'Høje-Taastrup', lat: 55.65, lon: 12.27, pop: 57, postcode: '2630', city: 'Taastrup' },
  { name: 'Hørsholm', lat: 55.88, lon: 12.5, pop: 25, postcode: '2970', city: 'Hørsholm' },
  { name: 'Ishøj', lat: 55.615, lon: 12.352, pop: 24, postcode: '2635', city: 'Ishøj' },
  { name: 'Lyngby-Taarbæk', lat: 55.771, lon: 12.503, pop: 56, postcode: '2800', city: 'Kongens Lyngby' },
  { name: 'Rudersdal', lat: 55.81, lon: 12.47, pop: 57, postcode: '2840', city: 'Holte' },
  { name: 'Rødovre', lat: 55.681, lon: 12.452, pop: 41, postcode: '2610', city: 'Rødovre' },
  { name: 'Tårnby', lat: 55.63, lon: 12.6, pop: 44, postcode: '2770', city: 'Kastrup' },
  { name: 'Vallensbæk', lat: 55.623, lon: 12.385, pop: 17, postcode: '2625', city: 'Vallensbæk' },
  // Region Sjælland (17)
  { name: 'Faxe', lat: 55.255, lon: 12.118, pop: 37, postcode: '4640', city: 'Faxe' },
  { name: 'Greve', lat: 55.583, lon: 12.3, pop: 51, postcode: '2670', city: 'Greve' },
  { name: 'Guldborgsund', lat: 54.769, lon: 11.874, pop: 60, postcode: '4800', city: 'Nykøbing F' },
  { name: 'Holbæk', lat: 55.717, lon: 11.713, pop: 72, postcode: '4300', city: 'Holbæk' },
  { name: 'Kalundborg', lat: 55.681, lon: 11.088, pop: 48, postcode: '4400', city: 'Kalundborg' },
  { name: 'Køge', lat: 55.458, lon: 12.182, pop: 62, postcode: '4600', city: 'Køge' },
  { name: 'Lejre', lat: 55.604, lon: 11.975, pop: 29, postcode: '4320', city: 'Lejre' },
  { name: 'Lolland', lat: 54.776, lon: 11.501, pop: 41, postcode: '4930', city: 'Maribo' },
  { name: 'Næstved', lat: 55.23, lon: 11.76, pop: 83, postcode: '4700', city: 'Næstved' },
  { name: 'Odsherred', lat: 55.925, lon: 11.672, pop: 33, postcode: '4500', city: 'Nykøbing Sj' },
  { name: 'Ringsted', lat: 55.443, lon: 11.79, pop: 35, postcode: '4100', city: 'Ringsted' },
  { name: 'Roskilde', lat: 55.642, lon: 12.08, pop: 90, postcode: '4000', city: 'Roskilde' },
  { name: 'Slagelse', lat: 55.402, lon: 11.354, pop: 79, postcode: '4200', city: 'Slagelse' },
  { name: 'Solrød', lat: 55.53, lon: 12.22, pop: 23, postcode: '2680', city: 'Solrød Strand' },
  { name: 'Sorø', lat: 55.432, lon: 11.556, pop: 30, postcode: '4180', city: 'Sorø' },
  { name: 'Stevns', lat: 55.31, lon: 12.39, pop: 23, postcode: '4660', city: 'Store Heddinge' },
  { name: 'Vordingborg', lat: 55.009, lon: 11.911, pop: 45, postcode: '4760', city: 'Vordingborg' },
  // Region Syddanmark (22)
  { name: 'Assens', lat: 55.27, lon: 9.9, pop: 41, postcode: '5610', city: 'Assens' },
  { name: 'Billund', lat: 55.73, lon: 9.11, pop: 27, postcode: '7190', city: 'Billund' },
  { name: 'Esbjerg', lat: 55.476, lon: 8.459, pop: 115, postcode: '6700', city: 'Esbjerg' },
  { name: 'Fanø', lat: 55.42, lon: 8.41, pop: 3.5, postcode: '6720', city: 'Fanø' },
  { name: 'Fredericia', lat: 55.565, lon: 9.753, pop: 52, postcode: '7000', city: 'Fredericia' },
  { name: 'Faaborg-Midtfyn', lat: 55.095, lon: 10.24, pop: 51, postcode: '5600', city: 'Faaborg' },
  { name: 'Haderslev', lat: 55.249, lon: 9.488, pop: 55, postcode: '6100', city: 'Haderslev' },
  { name: 'Kerteminde', lat: 55.45, lon: 10.66, pop: 24, postcode: '5300', city: 'Kerteminde' },
  { name: 'Kolding', lat: 55.49, lon: 9.47, pop: 94, postcode: '6000', city: 'Kolding' },
  { name: 'Langeland', lat: 54.936, lon: 10.71, pop: 12, postcode: '5900', city: 'Rudkøbing' },
  { name: 'Middelfart', lat: 55.506, lon: 9.73, pop: 39, postcode: '5500', city: 'Middelfart' },
  { name: 'Nordfyns', lat: 55.567, lon: 10.089, pop: 29, postcode: '5400', city: 'Bogense' },
  { name: 'Nyborg', lat: 55.312, lon: 10.79, pop: 32, postcode: '5800', city: 'Nyborg' },
  { name: 'Odense', lat: 55.396, lon: 10.388, pop: 207, postcode: '5000', city: 'Odense C' },
  { name: 'Svendborg', lat: 55.06, lon: 10.61, pop: 59, postcode: '5700', city: 'Svendborg' },
  { name: 'Sønderborg', lat: 54.909, lon: 9.79, pop: 74, postcode: '6400', city: 'Sønderborg' },
  { name: 'Tønder', lat: 54.933, lon: 8.866, pop: 37, postcode: '6270', city: 'Tønder' },
  { name: 'Varde', lat: 55.62, lon: 8.48, pop: 50, postcode: '6800', city: 'Varde' },
  { name: 'Vejen', lat: 55.48, lon: 9.14, pop: 43, postcode: '6600', city: 'Vejen' },
  { name: 'Vejle', lat: 55.709, lon: 9.536, pop: 120, postcode: '7100', city: 'Vejle' },
  { name: 'Ærø', lat: 54.888, lon: 10.41, pop: 6, postcode: '5970', city: 'Ærøskøbing' },
  { name: 'Aabenraa', lat: 55.044, lon: 9.418, pop: 59, postcode: '6200', city: 'Aabenraa' },
  // Region Midtjylland (19)
  { name: 'Favrskov', lat: 56.266, lon: 10.063, pop: 49, postcode: '8382', city: 'Hinnerup' },
  { name: 'Hedensted', lat: 55.77, lon: 9.7, pop: 47, postcode: '8722', city: 'Hedensted' },
  { name: 'Herning', lat: 56.136, lon: 8.976, pop: 90, postcode: '7400', city: 'Herning' },
  { name: 'Holstebro', lat: 56.36, lon: 8.616, pop: 59, postcode: '7500', city: 'Holstebro' },
  { name: 'Horsens', lat: 55.861, lon: 9.85, pop: 97, postcode: '8700', city: 'Horsens' },
  { name: 'Ikast-Brande', lat: 56.139, lon: 9.158, pop: 41, postcode: '7430', city: 'Ikast' },
  { name: 'Lemvig', lat: 56.548, lon: 8.31, pop: 19, postcode: '7620', city: 'Lemvig' },
  { name: 'Norddjurs', lat: 56.416, lon: 10.878, pop: 37, postcode: '8500', city: 'Grenaa' },
  { name: 'Odder', lat: 55.975, lon: 10.15, pop: 23, postcode: '8300', city: 'Odder' },
  { name: 'Randers', lat: 56.46, lon: 10.036, pop: 99, postcode: '8900', city: 'Randers C' },
  { name: 'Ringkøbing-Skjern', lat: 56.09, lon: 8.24, pop: 56, postcode: '6950', city: 'Ringkøbing' },
  { name: 'Samsø', lat: 55.83, lon: 10.59, pop: 3.7, postcode: '8305', city: 'Samsø' },
  { name: 'Silkeborg', lat: 56.17, lon: 9.55, pop: 99, postcode: '8600', city: 'Silkeborg' },
  { name: 'Skanderborg', lat: 56.04, lon: 9.93, pop: 64, postcode: '8660', city: 'Skanderborg' },
  { name: 'Skive', lat: 56.566, lon: 9.03, pop: 46, postcode: '7800', city: 'Skive' },
  { name: 'Struer', lat: 56.49, lon: 8.59, pop: 21, postcode: '7600', city: 'Struer' },
  { name: 'Syddjurs', lat: 56.3, lon: 10.48, pop: 43, postcode: '8410', city: 'Rønde' },
  { name: 'Viborg', lat: 56.45, lon: 9.4, pop: 97, postcode: '8800', city: 'Viborg' },
  { name: 'Aarhus', lat: 56.157, lon: 10.211, pop: 365, postcode: '8000', city: 'Aarhus C' },
  // Region Nordjylland (11)
  { name: 'Brønderslev', lat: 57.27, lon: 9.94, pop: 36, postcode: '9700', city: 'Brønderslev' },
  { name: 'Frederikshavn', lat: 57.44, lon: 10.54, pop: 59, postcode: '9900', city: 'Frederikshavn' },
  { name: 'Hjørring', lat: 57.46, lon: 9.98, pop: 64, postcode: '9800', city: 'Hjørring' },
  { name: 'Jammerbugt', lat: 57.16, lon: 9.73, pop: 38, postcode: '9440', city: 'Aabybro' },
  { name: 'Læsø', lat: 57.27, lon: 11.02, pop: 1.8, postcode: '9940', city: 'Læsø' },
  { name: 'Mariagerfjord', lat: 56.639, lon: 9.79, pop: 42, postcode: '9500', city: 'Hobro' },
  { name: 'Morsø', lat: 56.795, lon: 8.86, pop: 20, postcode: '7900', city: 'Nykøbing M' },
  { name: 'Rebild', lat: 56.886, lon: 9.83, pop: 30, postcode: '9530', city: 'Støvring' },
  { name: 'Thisted', lat: 56.957, lon: 8.69, pop: 43, postcode: '7700', city: 'Thisted' },
  { name: 'Vesthimmerland', lat: 56.8, lon: 9.52, pop: 37, postcode: '9600', city: 'Aars' },
  { name: 'Aalborg', lat: 57.048, lon: 9.919, pop: 222, postcode: '9000', city: 'Aalborg' },
];

/** Copenhagen's ten districts, as the seed names them (so `bydel=norrebro` means the same here). */
const copenhagenDistricts = [
  { slug: 'indre-by', name: 'Indre By', lat: 55.68, lon: 12.585, postcode: '1050', city: 'København K' },
  { slug: 'osterbro', name: 'Østerbro', lat: 55.707, lon: 12.577, postcode: '2100', city: 'København Ø' },
  { slug: 'vesterbro-kongens-enghave', name: 'Vesterbro/Kongens Enghave', lat: 55.665, lon: 12.545, postcode: '1620', city: 'København V' },
  { slug: 'valby', name: 'Valby', lat: 55.662, lon: 12.505, postcode: '2500', city: 'Valby' },
  { slug: 'norrebro', name: 'Nørrebro', lat: 55.694, lon: 12.549, postcode: '2200', city: 'København N' },
  { slug: 'amager-ost', name: 'Amager Øst', lat: 55.66, lon: 12.605, postcode: '2300', city: 'København S' },
  { slug: 'amager-vest', name: 'Amager Vest', lat: 55.645, lon: 12.575, postcode: '2300', city: 'København S' },
  { slug: 'bispebjerg', name: 'Bispebjerg', lat: 55.712, lon: 12.535, postcode: '2400', city: 'København NV' },
  { slug: 'bronshoj-husum', name: 'Brønshøj-Husum', lat: 55.707, lon: 12.49, postcode: '2700', city: 'Brønshøj' },
  { slug: 'vanlose', name: 'Vanløse', lat: 55.687, lon: 12.49, postcode: '2720', city: 'Vanløse' },
];

// ---------------------------------------------------------------------------------------------------
// Words. Descriptions are assembled from these so that Danish stemming and trigram typo search have
// inflected forms and near-misses to work on.

const placeKinds = [
  { word: 'værested', weight: 34 },
  { word: 'klubhus', weight: 8 },
  { word: 'aktivitetshus', weight: 12 },
  { word: 'samværstilbud', weight: 10 },
  { word: 'brugercafé', weight: 8 },
  { word: 'mødested', weight: 10 },
  { word: 'værksted', weight: 8 },
  { word: 'væresteds-café', weight: 4 },
  { word: 'fællesskab', weight: 5 },
  { word: 'natcafé', weight: 1 },
] as const;

const activityIdeas = [
  'fællesspisning',
  'madlavning',
  'musik',
  'sang i kor',
  'maleri og tegning',
  'keramik',
  'strik og hækling',
  'brætspil',
  'billard',
  'gåture i naturen',
  'løbetræning',
  'fodbold',
  'yoga',
  'havearbejde i højbedene',
  'fisketure',
  'filmaftener',
  'læseklub',
  'quiz',
  'computerhjælp',
  'danskundervisning',
  'jobsøgning',
  'motion',
  'svømning',
  'cykelture',
  'fotografi',
  'træværksted',
  'syning',
  'banko',
  'mindfulness',
  'samtalegrupper',
];

const features = [
  'et stille rum, hvor du kan trække dig tilbage',
  'en have med højbede og drivhus',
  'et musiklokale med klaver, trommer og guitarer',
  'et værksted med keramikovn',
  'et stort køkken, hvor vi laver mad sammen',
  'et computerhjørne med hjælp til e-Boks og MitID',
  'en lille café med kaffe og kage til kostpris',
  'et kreativt værksted med maling, ler og stof',
  'plads til brætspil, billard og bordtennis',
  'en cykelværksted-container i gården',
];

const meetings = [
  'medarbejdere med socialfaglig baggrund',
  'frivillige og andre brugere',
  'peer-medarbejdere med egen erfaring med psykisk sårbarhed',
  'en fast kontaktperson, hvis du ønsker det',
  'personale, der kender kommunens øvrige tilbud',
];

const goals = [
  'at skabe tryghed og fællesskab i hverdagen',
  'at styrke netværket og lysten til at deltage',
  'at finde vej til uddannelse eller arbejde i dit eget tempo',
  'at give struktur på ugen og et sted at høre til',
  'at du kan komme, som du er, uden krav og uden henvisning',
  'recovery: at leve et godt liv med eller uden symptomer',
];

const streets = [
  'Skovvej',
  'Kirkegade',
  'Møllevej',
  'Stationsvej',
  'Strandvejen',
  'Nørregade',
  'Søndergade',
  'Vestergade',
  'Østergade',
  'Bygaden',
  'Engvej',
  'Havnegade',
  'Parkvej',
  'Skolevej',
  'Bakkevej',
  'Lindevej',
  'Egevej',
  'Birkevej',
  'Åboulevarden',
  'Torvet',
];

type ActivityIdea = { name: string; kind: ActivityKind; description: string; evening?: boolean; outdoor?: boolean };

const activityCatalogue: ActivityIdea[] = [
  { name: 'Fællesspisning', kind: 'dining', description: 'Vi laver mad sammen og spiser fællesspisningen ved det lange bord.' },
  { name: 'Morgenmad', kind: 'dining', description: 'Havregryn, brød og kaffe. Kom og start dagen sammen med andre.' },
  { name: 'Frokostklub', kind: 'dining', description: 'Vi handler ind, laver frokost og spiser sammen.' },
  { name: 'Suppe-onsdag', kind: 'dining', description: 'Hjemmelavet suppe af sæsonens grøntsager.' },
  { name: 'Madklub', kind: 'food_club', description: 'Madklubben laver aftensmad for alle, der har lyst.', evening: true },
  { name: 'Bageklub', kind: 'food_club', description: 'Vi bager boller, brød og kage sammen.' },
  { name: 'Musikværksted', kind: 'workshop', description: 'Vi spiller musik sammen. Ingen forudsætninger, instrumenterne er her.' },
  { name: 'Malerværksted', kind: 'workshop', description: 'Maleri og tegning med vejledning. Materialer er gratis.' },
  { name: 'Keramikværksted', kind: 'workshop', description: 'Drej og form i ler; vi brænder i egen ovn.' },
  { name: 'Træværksted', kind: 'workshop', description: 'Små møbler og reparationer i træværkstedet.' },
  { name: 'Strikkeklub', kind: 'workshop', description: 'Strik og hækling over en kop kaffe. Garn kan lånes.' },
  { name: 'Syværksted', kind: 'workshop', description: 'Reparér dit tøj eller sy noget nyt på symaskinerne.' },
  { name: 'Fotoklub', kind: 'workshop', description: 'Vi går på opdagelse med kameraet og viser billederne for hinanden.' },
  { name: 'Gåtur', kind: 'excursion', description: 'En rolig gåtur i nærområdet. Vi mødes ved indgangen.', outdoor: true },
  { name: 'Naturtur', kind: 'excursion', description: 'Ture i skov og ved strand, i et tempo alle kan følge.', outdoor: true },
  { name: 'Fisketur', kind: 'excursion', description: 'Vi fisker fra molen. Stænger kan lånes.', outdoor: true },
  { name: 'Cykeltur', kind: 'excursion', description: 'Cykeltur på små veje. Cykler kan lånes.', outdoor: true },
  { name: 'Dansk for begyndere', kind: 'lesson', description: 'Danskundervisning i små hold, med tid til spørgsmål.' },
  { name: 'Computerhjælp', kind: 'lesson', description: 'Hjælp til e-Boks, MitID, mobil og computer.' },
  { name: 'Jobcafé', kind: 'lesson', description: 'Jobsøgning, cv og samtaletræning i dit eget tempo.' },
  { name: 'Yoga', kind: 'lesson', description: 'Blid yoga og vejrtrækning. Måtter kan lånes.' },
  { name: 'Motion', kind: 'lesson', description: 'Let motion og udstrækning for alle.' },
  { name: 'Bordtennis', kind: 'lesson', description: 'Bordtennis for øvede og nybegyndere.' },
  { name: 'Fodbold', kind: 'lesson', description: 'Fodbold på kunstgræs. Alle kan være med.', outdoor: true },
  { name: 'Løbeklub', kind: 'lesson', description: 'Løbetræning fra nybegynder til fem kilometer.', outdoor: true },
  { name: 'Filmaften', kind: 'culture', description: 'Vi ser en film og snakker om den bagefter.', evening: true },
  { name: 'Læseklub', kind: 'culture', description: 'Vi læser en bog om måneden og mødes om den.' },
  { name: 'Kor', kind: 'culture', description: 'Sang i kor, fra salmer til pop.' },
  { name: 'Quiz', kind: 'culture', description: 'Hyggelig quiz med små præmier.', evening: true },
  { name: 'Samtalegruppe', kind: 'peer_meeting', description: 'En samtalegruppe med en peer-medarbejder.' },
  { name: 'Pårørendegruppe', kind: 'peer_meeting', description: 'For pårørende: erfaringer og gode råd.', evening: true },
  { name: 'Recovery-gruppe', kind: 'peer_meeting', description: 'Recovery-forløb i en lille gruppe.' },
  { name: 'Brætspil', kind: 'other', description: 'Brætspil og kortspil; vi har over hundrede spil.' },
  { name: 'Billard', kind: 'other', description: 'Billard og dart i caféen.' },
  { name: 'Banko', kind: 'other', description: 'Banko med små gevinster.' },
  { name: 'Havehold', kind: 'other', description: 'Havearbejde i højbedene og drivhuset.', outdoor: true },
];

const venues = ['Biblioteket', 'Svømmehallen', 'Kulturhuset', 'Idrætsparken', 'Medborgerhuset', 'Lokalmuseet'];

// ---------------------------------------------------------------------------------------------------
// A small seeded PRNG (mulberry32) and the draws built on it.

function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const weighted = <T extends { weight: number }>(items: readonly T[]): T => {
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    let target = next() * total;
    for (const item of items) {
      target -= item.weight;
      if (target < 0) return item;
    }
    return items.at(-1)!;
  };
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < count && copy.length > 0) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
    return out;
  };
  const hex32 = () => (Math.floor(next() * 2 ** 32) >>> 0).toString(16).padStart(8, '0');
  const uuid = () => {
    const hex = hex32() + hex32() + hex32() + hex32();
    const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  return { next, int, pick, chance, gaussian, weighted, sample, uuid };
}

type Random = ReturnType<typeof createRandom>;

export const slugify = (text: string) =>
  text
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

// ---------------------------------------------------------------------------------------------------
// The rows. Column lists are explicit so the loader can build multi-row inserts.

export type Table = { name: keyof DB; columns: string[]; rows: unknown[][] };

export type NationalRange = {
  settings: { offerings: number; seed: number };
  tables: Table[];
  counts: {
    offerings: number;
    municipalities: number;
    rules: number;
    exceptions: number;
    holidayRules: number;
    activities: number;
    weeklyActivitySlots: number;
    locations: number;
    terms: number;
  };
};

type Sink = Record<string, Table>;

function sinkFor(): Sink {
  const make = (name: keyof DB, columns: string[]): Table => ({ name, columns, rows: [] });
  // Insert order respects the foreign keys.
  return {
    organization: make('organization', ['id', 'slug', 'name', 'description', 'kind', 'ownership', 'parent_id', 'website', 'email', 'note', 'seed_refs', 'is_example']),
    district: make('district', ['id', 'slug', 'name', 'centre_id', 'centre_basis']),
    taxonomy: make('taxonomy', ['id', 'slug', 'name', 'description', 'version']),
    taxonomy_term: make('taxonomy_term', ['id', 'taxonomy_id', 'code', 'name', 'description', 'parent_id']),
    location: make('location', [
      'id', 'slug', 'kind', 'name', 'address_1', 'postal_code', 'city', 'municipality', 'district_id', 'neighbourhood',
      'area_description', 'is_address_pending', 'latitude', 'longitude', 'coordinate_precision', 'seed_refs', 'is_example',
    ]),
    offering: make('offering', [
      'id', 'slug', 'name', 'alternate_name', 'description', 'first_visit', 'who_meets_you', 'has_quiet_room', 'staffing',
      'holiday_standard', 'profile', 'profile_basis', 'provider_id', 'operator_id', 'operator_note', 'ownership', 'centre_id',
      'parent_id', 'parent_relation', 'email', 'phone', 'url', 'source_note', 'seed_refs', 'is_example',
    ]),
    offering_also_serves: make('offering_also_serves', ['offering_id', 'centre_id']),
    offering_term: make('offering_term', ['offering_id', 'term_id', 'basis']),
    service_at_location: make('service_at_location', ['id', 'offering_id', 'location_id', 'description']),
    room: make('room', ['id', 'location_id', 'offering_id', 'name', 'description', 'is_quiet', 'seed_refs', 'is_example']),
    status_event: make('status_event', ['id', 'offering_id', 'status', 'occurs_on', 'recorded_on', 'is_baseline', 'related_offering_id', 'note', 'seed_refs']),
    schedule: make('schedule', [
      'id', 'offering_id', 'weekday', 'opens_at', 'closes_at', 'is_user_run', 'is_staff_present', 'description', 'is_example',
      'recurrence', 'interval_weeks', 'anchor_date', 'nth_in_month', 'valid_from', 'valid_to',
    ]),
    schedule_exception: make('schedule_exception', ['id', 'offering_id', 'starts_on', 'ends_on', 'kind', 'periods', 'reason', 'is_example']),
    holiday_rule: make('holiday_rule', ['offering_id', 'holiday_key', 'kind', 'periods']),
    activity: make('activity', [
      'id', 'offering_id', 'location_id', 'name', 'description', 'kind', 'starts_at', 'ends_at', 'is_user_run', 'is_example',
      'cancelled_on', 'occurs_on', 'weekday', 'valid_from', 'valid_to', 'recurrence', 'interval_weeks', 'anchor_date', 'nth_in_month',
    ]),
  };
}

const staffed = (opens: string, closes: string): Period => ({ opens, closes, isUserRun: false, isStaffPresent: true });

/** Opening rules for one place: mostly weekday daytime, some evenings, user-run weekends, every other week, monthly, seasonal. */
function openingRules(random: Random, kindWord: string): OpeningRule[] {
  const rules: OpeningRule[] = [];
  // Per weekday, the minute spans already taken (over any season), so no two rules can overlap.
  const taken = new Map<number, [number, number][]>();
  const free = (weekday: number, opens: string, closes: string) =>
    (taken.get(weekday) ?? []).every(([a, b]) => minutesOf(closes) <= a || minutesOf(opens) >= b);
  const add = (
    weekday: number,
    period: Period,
    extra: { recurrence?: Recurrence; validFrom?: string | null; validTo?: string | null; description?: string | null } = {},
    // Seasons of one weekday rule share their hours on purpose: their validity spans do not meet.
    seasonOfPrevious = false,
  ) => {
    if (!seasonOfPrevious && !free(weekday, period.opens, period.closes)) return false;
    taken.set(weekday, [...(taken.get(weekday) ?? []), [minutesOf(period.opens), minutesOf(period.closes)]]);
    rules.push({
      id: random.uuid(),
      weekday,
      ...period,
      recurrence: extra.recurrence ?? { kind: 'weekly', interval: 1, anchor: null },
      validFrom: extra.validFrom ?? null,
      validTo: extra.validTo ?? null,
      description: extra.description ?? null,
      isExample: true,
    });
    return true;
  };

  if (kindWord === 'natcafé') {
    for (let weekday = 1; weekday <= 7; weekday++) {
      add(weekday, staffed('20:00', '24:00'), { description: 'Natcafé' });
      add(weekday, staffed('00:00', '06:00'), { description: 'Natcafé, fortsat fra aftenen før' });
    }
    return rules;
  }

  const shape = random.next();
  if (shape < 0.08) {
    // A small place open two or three days.
    const days = random.sample([1, 2, 3, 4, 5], random.int(2, 3)).sort();
    const [opens, closes] = random.pick([['10:00', '15:00'], ['12:00', '18:00'], ['11:00', '16:00']] as const);
    for (const day of days) add(day, staffed(opens, closes));
  } else if (shape < 0.12) {
    // An evening place.
    for (let day = 1; day <= 5; day++) add(day, staffed('16:00', '22:00'));
    add(6, staffed('14:00', '20:00'));
  } else {
    const opens = random.pick(['08:30', '09:00', '09:00', '09:30', '10:00', '10:00']);
    const closes = random.pick(['15:00', '15:30', '16:00', '16:00', '17:00']);
    const fridayCloses = random.chance(0.6) ? random.pick(['13:00', '14:00', '15:00']) : closes;
    const seasonalSplit = random.chance(0.04);
    for (let day = 1; day <= 5; day++) {
      const close = day === 5 ? fridayCloses : closes;
      if (seasonalSplit) {
        // Shorter summer hours: two seasons of the same weekday rule.
        add(day, staffed(opens, close), { validFrom: null, validTo: '2027-05-31' });
        add(day, staffed('10:00', '14:00'), { validFrom: '2027-06-01', validTo: '2027-08-31', description: 'Sommeråbningstid' }, true);
        add(day, staffed(opens, close), { validFrom: '2027-09-01', validTo: null }, true);
        continue;
      }
      add(day, staffed(opens, close));
    }
    if (random.chance(0.18)) {
      // One or two evenings.
      for (const day of random.sample([1, 2, 3, 4], random.int(1, 2))) {
        add(day, staffed(random.pick(['17:00', '18:00']), random.pick(['21:00', '21:30', '22:00'])), { description: 'Aftenåbent' });
      }
    }
  }
  if (random.chance(0.25)) {
    const day = random.pick([6, 7]);
    const staffPresent = random.chance(0.3);
    add(day, { opens: '11:00', closes: '15:00', isUserRun: true, isStaffPresent: staffPresent }, {
      description: staffPresent ? 'Brugerstyret, personale til stede' : 'Brugerstyret åbningstid',
    });
  }
  if (random.chance(0.1)) {
    const interval = random.chance(0.9) ? 2 : 3;
    const day = free(6, '10:00', '14:00') ? 6 : 7;
    add(day, { opens: '10:00', closes: '14:00', isUserRun: true, isStaffPresent: true }, {
      recurrence: { kind: 'weekly', interval, anchor: random.pick(['2026-01-03', '2026-01-10', '2026-01-17']) },
      description: interval === 2 ? 'Lørdagsåbent hver anden uge' : 'Åbent hver tredje weekend',
    });
  }
  if (random.chance(0.08)) {
    if (random.chance(0.5)) {
      add(7, staffed('12:00', '16:00'), { recurrence: { kind: 'monthly', nth: random.pick([1, 2, 3]) }, description: 'Søndagscafé én gang om måneden' });
    } else {
      add(random.pick([4, 5]), staffed('18:00', '22:30'), { recurrence: { kind: 'monthly', nth: -1 }, description: 'Fællesaften sidst i måneden' });
    }
  }
  if (random.chance(0.06)) {
    add(random.pick([6, 7]), staffed('10:00', '14:00'), { validFrom: '2027-06-01', validTo: '2027-08-31', description: 'Sommeråbent i weekenden' });
  }
  if (random.chance(0.05)) {
    add(random.pick([2, 4]), staffed('17:00', '20:00'), { validFrom: '2026-10-01', validTo: '2027-03-31', description: 'Vinteråbent om aftenen' });
  }
  return rules;
}

function exceptionsFor(random: Random, closing: boolean): ScheduleException[] {
  const exceptions: ScheduleException[] = [];
  const add = (from: string, to: string, kind: ScheduleException['kind'], reason: string, periods: ScheduleException['periods'] = []) =>
    exceptions.push({ id: random.uuid(), from, to, kind, periods, reason, isExample: true });
  const roll = random.next();
  if (roll < 0.02) {
    const day = `2026-12-${String(random.int(1, 18)).padStart(2, '0')}`;
    add(day, day, 'closed', 'Personaledag');
  } else if (roll < 0.05) add('2026-12-28', '2026-12-30', 'closed', 'Lukket mellem jul og nytår');
  else if (roll < 0.07) add('2026-12-28', '2026-12-30', 'hours', 'Mellem jul og nytår', [{ ...staffed('10:00', '14:00'), weekdays: null }]);
  else if (roll < 0.075) add('2026-11-23', '2026-11-27', 'closed', 'Lukket på grund af vandskade');
  if (random.chance(0.03)) add('2027-07-05', '2027-07-25', 'closed', 'Sommerlukket');
  if (closing) {
    add('2027-01-04', '2027-01-29', 'transition', 'Nedtrapning før lukning', [{ ...staffed('10:00', '13:00'), weekdays: [1, 3, 5] }]);
  }
  return exceptions;
}

function holidayPolicy(random: Random): Schedule['holidays'] {
  const standard = random.chance(0.15) ? 'open' : 'closed';
  const rules: HolidayRule[] = [];
  const hours = (holiday: HolidayKey, periods: Period[]) => rules.push({ holiday, kind: 'hours', periods });
  if (random.chance(0.22)) {
    const [opens, closes] = random.pick([['12:00', '16:00'], ['14:00', '20:00'], ['17:00', '22:00'], ['12:00', '22:00']] as const);
    hours('juleaftensdag', [{ opens, closes, isUserRun: random.chance(0.2), isStaffPresent: true }]);
  } else if (standard === 'open' && random.chance(0.3)) {
    rules.push({ holiday: 'juleaftensdag', kind: 'closed', periods: [] });
  }
  if (random.chance(0.08)) hours('nytaarsaftensdag', [{ opens: '14:00', closes: '18:00', isUserRun: true, isStaffPresent: true }]);
  if (random.chance(0.05)) hours('juledag', [staffed('12:00', '16:00')]);
  if (standard === 'closed' && random.chance(0.03)) rules.push({ holiday: 'grundlovsdag', kind: 'open', periods: [] });
  return { standard, rules };
}

function activitiesFor(
  random: Random,
  rules: OpeningRule[],
  venuePlaces: { id: string; place: ActivityPlace }[],
  count: number,
): { activity: Activity; locationId: string | null }[] {
  const out: { activity: Activity; locationId: string | null }[] = [];
  const weekdays = [...new Set(rules.filter((rule) => rule.recurrence.kind === 'weekly' && rule.recurrence.interval === 1).map((rule) => rule.weekday))];
  const days = weekdays.length > 0 ? weekdays : [1, 2, 3, 4, 5];
  for (let index = 0; index < count; index++) {
    const idea = random.pick(activityCatalogue);
    const day = random.pick(days);
    const dayRules = rules.filter((rule) => rule.weekday === day);
    const evening = idea.evening || dayRules.some((rule) => minutesOf(rule.opens) >= 16 * 60);
    const start = evening ? random.pick([17 * 60, 17 * 60 + 30, 18 * 60, 19 * 60]) : random.pick([600, 630, 660, 720, 780, 810, 840]);
    const length = random.pick([60, 90, 90, 120, 150]);
    const elsewhere = venuePlaces.length > 0 && (idea.outdoor ? random.chance(0.4) : random.chance(0.07));
    const venue = elsewhere ? random.pick(venuePlaces) : null;
    const roll = random.next();
    const recurrence: Recurrence =
      roll < 0.06
        ? { kind: 'weekly', interval: 2, anchor: random.pick(['2026-01-05', '2026-01-12']) }
        : roll < 0.1
          ? { kind: 'monthly', nth: random.pick([1, 2, 3, 4, -1]) }
          : { kind: 'weekly', interval: 1, anchor: null };
    const season = random.next();
    const [validFrom, validTo] = idea.outdoor && season < 0.3 ? ['2027-04-01', '2027-09-30'] : season < 0.03 ? ['2026-10-01', '2027-03-31'] : [null, null];
    out.push({
      activity: {
        id: random.uuid(),
        name: idea.name,
        description: idea.description,
        kind: idea.kind,
        when: { kind: 'repeats', weekday: day, recurrence, validFrom, validTo },
        startsAt: hhmm(start),
        endsAt: random.chance(0.95) ? hhmm(Math.min(start + length, 23 * 60 + 30)) : null,
        place: venue?.place ?? null,
        isUserRun: random.chance(0.15),
        cancelledOn: random.chance(0.02) ? [random.pick(['2026-11-24', '2026-12-01', '2026-12-22', '2027-03-23'])] : [],
        isExample: true,
      },
      locationId: venue?.id ?? null,
    });
  }
  if (random.chance(0.3)) {
    const [name, date, starts, ends, kind] = random.pick([
      ['Julefrokost', '2026-12-18', '12:00', '15:00', 'dining'],
      ['Juleaften sammen', '2026-12-24', '17:00', '22:00', 'dining'],
      ['Sommerudflugt', '2027-06-17', '09:00', '16:00', 'excursion'],
      ['Fastelavnsfest', '2027-02-07', '13:00', '16:00', 'culture'],
    ] as const);
    out.push({
      activity: {
        id: random.uuid(),
        name,
        description: 'Et enkelt arrangement. Tilmelding i caféen.',
        kind,
        when: { kind: 'once', date },
        startsAt: starts,
        endsAt: ends,
        place: null,
        isUserRun: false,
        cancelledOn: [],
        isExample: true,
      },
      locationId: null,
    });
  }
  return out;
}

function describe(random: Random, kindWord: string, city: string, municipality: string): string {
  const ideas = random.sample(activityIdeas, 3);
  const sentences = [
    `${kindWord[0]!.toUpperCase()}${kindWord.slice(1)} i ${city} (${municipality} Kommune), hvor du kan komme uden henvisning og være sammen med andre.`,
    `Vi tilbyder ${ideas[0]}, ${ideas[1]} og ${ideas[2]}.`,
    random.chance(0.7) ? `Huset har ${random.pick(features)}.` : `${kindWord === 'værested' ? 'Værestedets' : 'Stedets'} brugere planlægger selv en del af ugen.`,
    random.chance(0.6) ? `Her møder du ${random.pick(meetings)}.` : '',
    random.chance(0.5) ? `Målet er ${random.pick(goals)}.` : '',
    'Eksempeldata til belastningstest – ikke et rigtigt sted.',
  ];
  return sentences.filter(Boolean).join(' ');
}

/** Build the whole national range in memory. Deterministic for a given `offerings` and `seed`. */
export function generateNationalRange(options: { offerings?: number; seed?: number } = {}): NationalRange {
  const offeringCount = options.offerings ?? 20_000;
  const seed = options.seed ?? 104;
  if (municipalities.length !== 98) throw new Error(`Expected 98 municipalities, have ${municipalities.length}.`);
  const random = createRandom(seed);
  const sink = sinkFor();
  const push = (table: string, row: unknown[]) => sink[table]!.rows.push(row);

  // Vocabulary with the same ids the Copenhagen seed gives it (src/db/seed/seed-range.ts).
  for (const taxonomy of taxonomies) {
    push('taxonomy', [stableId(`taxonomy:${taxonomy.slug}`), taxonomy.slug, taxonomy.name, taxonomy.description, '1']);
    for (const term of taxonomy.terms) {
      push('taxonomy_term', [
        stableId(`taxonomy_term:${taxonomy.slug}:${term.code}`),
        stableId(`taxonomy:${taxonomy.slug}`),
        term.code,
        term.name,
        `${taxonomy.name}: ${term.name}`,
        null,
      ]);
    }
  }
  const termId = (taxonomy: string, code: string) => stableId(`taxonomy_term:${taxonomy}:${code}`);

  // Offerings per municipality, by population, at least 20 each (fewer only for a tiny range).
  if (offeringCount < municipalities.length) throw new Error(`At least ${municipalities.length} offerings, one per municipality.`);
  const floor = Math.min(20, Math.floor(offeringCount / municipalities.length));
  const totalPop = municipalities.reduce((sum, item) => sum + item.pop, 0);
  const quotas = municipalities.map((item) => Math.max(floor, Math.floor((item.pop / totalPop) * offeringCount)));
  let shortfall = offeringCount - quotas.reduce((sum, quota) => sum + quota, 0);
  for (let index = 0; shortfall !== 0; index = (index + 1) % quotas.length) {
    const step = Math.sign(shortfall);
    if (quotas[index]! + step >= floor) {
      quotas[index]! += step;
      shortfall -= step;
    }
  }

  let serial = 10_000;
  let rules = 0;
  let exceptions = 0;
  let holidayRules = 0;
  let activities = 0;
  let weekly = 0;
  const checkSample: { schedule: Schedule; activities: Activity[] }[] = [];

  municipalities.forEach((municipality, municipalityIndex) => {
    const mSlug = slugify(municipality.name);
    const administrationId = random.uuid();
    push('organization', [
      administrationId,
      `eksempel-forvaltning-${mSlug}`,
      `Eksempel-forvaltning ${municipality.name}`,
      `Opdigtet socialforvaltning i ${municipality.name} Kommune (eksempeldata til belastningstest).`,
      'administration',
      'municipal',
      null,
      null,
      null,
      null,
      [],
      true,
    ]);
    const centreNames = ['Nord', 'Syd', 'Øst', 'Vest', 'Midt', 'City'];
    const centreCount = Math.min(6, Math.max(1, Math.round(municipality.pop / 60)));
    const centres = centreNames.slice(0, centreCount).map((part) => {
      const id = random.uuid();
      push('organization', [
        id,
        `eksempel-center-${mSlug}-${slugify(part)}`,
        `Eksempel-center ${municipality.name} ${part}`,
        `Opdigtet center i ${municipality.name} Kommune (eksempeldata).`,
        'centre',
        'municipal',
        administrationId,
        null,
        null,
        null,
        [],
        true,
      ]);
      return id;
    });
    const operators = Array.from({ length: Math.max(1, Math.round(municipality.pop / 25)) }, () => {
      const id = random.uuid();
      const number = String(serial++).padStart(5, '0');
      push('organization', [
        id,
        `eksempel-forening-${number}`,
        `Eksempel-forening ${number}`,
        `Opdigtet selvejende forening i ${municipality.name} (eksempeldata).`,
        'operator',
        'self_governing',
        null,
        null,
        null,
        null,
        [],
        true,
      ]);
      return id;
    });

    // Districts: Copenhagen's ten, one per other municipality.
    const districts = (municipality.name === 'København' ? copenhagenDistricts : [{ ...municipality, slug: mSlug }]).map(
      (district, index) => {
        const id = random.uuid();
        push('district', [id, district.slug, district.name, centres[index % centres.length]!, 'Eksempeldata til belastningstest.']);
        return { ...district, id };
      },
    );

    // Places where activities happen elsewhere: a library, a swimming hall …
    const venuePlaces = random.sample(venues, 3).map((venue) => {
      const id = random.uuid();
      const lat = municipality.lat + random.gaussian() * 0.01;
      const lon = municipality.lon + random.gaussian() * 0.015;
      const name = `Eksempel: ${venue} i ${municipality.city}`;
      const address = `${random.pick(streets)} ${random.int(1, 120)}`;
      push('location', [
        id,
        `eksempel-sted-${mSlug}-${slugify(venue)}`,
        'address',
        name,
        address,
        municipality.postcode,
        municipality.city,
        municipality.name,
        null,
        null,
        null,
        false,
        lat,
        lon,
        'approximate',
        [],
        true,
      ]);
      return { id, place: { name, address, postcode: municipality.postcode, city: municipality.city, latitude: lat, longitude: lon } };
    });

    const spreadKm = municipality.name === 'København' ? 1.2 : 2 + Math.sqrt(municipality.pop) / 4;
    const created: string[] = [];
    for (let index = 0; index < quotas[municipalityIndex]!; index++) {
      const number = String(serial++).padStart(5, '0');
      const kind = random.weighted(placeKinds).word;
      const name = `Eksempel-${kind} ${number}`;
      const offeringId = random.uuid();
      const district = random.pick(districts);
      const city = district.city;
      const profile = random.weighted([
        { value: 'social', weight: 45 },
        { value: 'development', weight: 25 },
        { value: 'both', weight: 30 },
      ] as const).value;
      const staffing = random.weighted([
        { value: 'staff', weight: 60 },
        { value: 'staff_and_user_run', weight: 30 },
        { value: 'user_run', weight: 10 },
      ] as const).value;
      const selfGoverning = random.chance(0.4);
      const operatorId = selfGoverning ? random.pick(operators) : null;
      const centreId = random.pick(centres);
      const parentId = created.length > 5 && random.chance(0.02) ? random.pick(created) : null;
      const schedule: Schedule = {
        rules: openingRules(random, kind),
        exceptions: [],
        holidays: holidayPolicy(random),
      };
      const roll = random.next();
      const status = roll < 0.015 ? 'closing' : roll < 0.025 ? 'closed' : roll < 0.035 ? 'proposed' : roll < 0.04 && created.length > 0 ? 'merged' : 'active';
      schedule.exceptions = exceptionsFor(random, status === 'closing');
      const hasQuietRoom = random.chance(0.15);

      push('offering', [
        offeringId,
        `eksempel-${slugify(kind)}-${number}`,
        name,
        random.chance(0.1) ? `Eksempelnavn ${random.pick(['Fyrtårnet', 'Solsikken', 'Ankeret', 'Kompasrosen', 'Lindehuset', 'Havnen'])}` : null,
        describe(random, kind, city, municipality.name),
        random.chance(0.5) ? 'Kom forbi i åbningstiden. Du behøver ikke at ringe først.' : null,
        random.chance(0.4) ? 'En medarbejder tager imod dig ved døren og viser dig rundt.' : null,
        hasQuietRoom ? true : random.chance(0.5) ? false : null,
        staffing,
        schedule.holidays.standard,
        profile,
        'Eksempeldata',
        operatorId ?? centreId,
        operatorId,
        null,
        selfGoverning ? 'self_governing' : 'municipal',
        centreId,
        parentId,
        parentId ? 'satellite' : null,
        random.chance(0.3) ? `eksempel-${number}@example.invalid` : null,
        null,
        null,
        'Eksempeldata til belastningstest (bench/support/national-range.ts).',
        [],
        true,
      ]);
      if (centres.length > 1 && random.chance(0.01)) {
        const other = centres.find((centre) => centre !== centreId)!;
        push('offering_also_serves', [offeringId, other]);
      }

      // Terms: target groups (few) and interests (one to four).
      const groups = (Object.keys(targetGroups) as TargetGroup[]).filter((code) =>
        random.chance({ young: 0.2, over_40: 0.1, ethnic_minority: 0.08, relatives: 0.06, substance_abuse: 0.08 }[code]),
      );
      for (const code of groups) push('offering_term', [offeringId, termId('maalgruppe', code), random.chance(0.5) ? 'Eksempeldata' : null]);
      for (const code of random.sample(Object.keys(interests) as Interest[], random.int(1, 4))) {
        push('offering_term', [offeringId, termId('interesse', code), null]);
      }

      // The address (2 % have none yet: an area).
      const locationId = random.uuid();
      if (random.chance(0.02)) {
        push('location', [
          locationId,
          `eksempel-omraade-${number}`,
          'area',
          `Eksempel-område i ${city}`,
          null,
          null,
          null,
          municipality.name,
          district.id,
          null,
          `Skiftende lokaler i ${city}`,
          random.chance(0.3),
          null,
          null,
          'none',
          [],
          true,
        ]);
      } else {
        const lat = district.lat + (random.gaussian() * spreadKm) / 111;
        const lon = district.lon + (random.gaussian() * spreadKm) / (111 * Math.cos((district.lat * Math.PI) / 180));
        const address = `${random.pick(streets)} ${random.int(1, 180)}`;
        push('location', [
          locationId,
          `eksempel-adresse-${number}`,
          'address',
          address,
          address,
          district.postcode,
          city,
          municipality.name,
          district.id,
          null,
          null,
          false,
          Math.round(lat * 1e5) / 1e5,
          Math.round(lon * 1e5) / 1e5,
          'approximate',
          [],
          true,
        ]);
      }
      push('service_at_location', [random.uuid(), offeringId, locationId, null]);
      if (hasQuietRoom) push('room', [random.uuid(), locationId, offeringId, 'Stille rum', 'Et rum, hvor du kan være i ro.', true, [], true]);

      // Status over time.
      const event = (values: { status: string; occurs: string | null; recorded: string | null; baseline?: boolean; related?: string; note?: string }) =>
        push('status_event', [
          random.uuid(),
          offeringId,
          values.status,
          values.occurs,
          values.recorded,
          values.baseline ?? false,
          values.related ?? null,
          values.note ?? null,
          [],
        ]);
      if (status === 'proposed') event({ status: 'proposed', occurs: null, recorded: '2026-09-15', note: 'Foreslået (eksempeldata).' });
      else event({ status: 'active', occurs: null, recorded: null, baseline: true });
      if (status === 'closing') event({ status: 'closing', occurs: '2027-01-31', recorded: '2026-10-01', note: 'Lukker (eksempeldata).' });
      if (status === 'closed') event({ status: 'closed', occurs: '2025-06-30', recorded: '2025-05-01', note: 'Lukket (eksempeldata).' });
      if (status === 'merged') {
        event({ status: 'merged_into', occurs: '2026-06-30', recorded: '2026-03-01', related: random.pick(created), note: 'Lagt sammen (eksempeldata).' });
      }

      // Hours.
      for (const rule of schedule.rules) {
        const recurrence =
          rule.recurrence.kind === 'monthly'
            ? ['monthly', 1, null, rule.recurrence.nth]
            : ['weekly', rule.recurrence.interval, rule.recurrence.anchor, null];
        push('schedule', [
          rule.id,
          offeringId,
          rule.weekday,
          rule.opens,
          rule.closes,
          rule.isUserRun,
          rule.isStaffPresent,
          rule.description,
          true,
          ...recurrence,
          rule.validFrom,
          rule.validTo,
        ]);
      }
      for (const exception of schedule.exceptions) {
        push('schedule_exception', [
          exception.id,
          offeringId,
          exception.from,
          exception.to,
          exception.kind,
          JSON.stringify(exception.periods),
          exception.reason,
          true,
        ]);
      }
      for (const rule of schedule.holidays.rules) {
        push('holiday_rule', [offeringId, rule.holiday, rule.kind, JSON.stringify(rule.periods)]);
      }
      rules += schedule.rules.length;
      exceptions += schedule.exceptions.length;
      holidayRules += schedule.holidays.rules.length;

      // Activities: 8–13 repeating (mean 10.5) plus now and then a one-off.
      const planned = activitiesFor(random, schedule.rules, venuePlaces, random.int(8, 13));
      const activityTable = sink.activity!;
      for (const { activity, locationId: placeId } of planned) {
        const columns = activityColumns(activity, offeringId, placeId) as Record<string, unknown>;
        activityTable.rows.push(activityTable.columns.map((column) => columns[column]));
        if (activity.when.kind === 'repeats') weekly++;
      }
      activities += planned.length;
      if (checkSample.length < 400 && serial % 50 === 0) checkSample.push({ schedule, activities: planned.map((item) => item.activity) });
      created.push(offeringId);
    }
  });

  // The generator keeps to the domain's own rules: check a spread of offerings with the app's validation.
  for (const [index, item] of checkSample.entries()) {
    const problems = [
      ...validateSchedule(item.schedule),
      ...item.activities.flatMap((activity) => validateActivity(activity, `activities.${index}`)),
    ];
    if (problems.length > 0) throw new Error(`Generated schedule ${index} is invalid: ${JSON.stringify(problems.slice(0, 3))}`);
  }

  return {
    settings: { offerings: offeringCount, seed },
    tables: Object.values(sink),
    counts: {
      offerings: sink.offering!.rows.length,
      municipalities: municipalities.length,
      rules,
      exceptions,
      holidayRules,
      activities,
      weeklyActivitySlots: weekly,
      locations: sink.location!.rows.length,
      terms: sink.offering_term!.rows.length,
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Loading.

/** A value as an SQL literal; its type comes from the column it is inserted into. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) {
    const items = value.map((item) => `"${String(item).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`);
    return literal(`{${items.join(',')}}`);
  }
  // standard_conforming_strings is on in PostgreSQL >= 9.1 and PGlite: only the quote is special.
  return `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * Multi-row inserts of 1,000 rows a statement, values written as literals: on PGlite this is about a
 * quarter faster than the same statements with bound parameters, and it has no parameter limit.
 */
export async function insertTable(db: Kysely<DB>, table: Table): Promise<void> {
  const columnList = table.columns.join(', ');
  for (let offset = 0; offset < table.rows.length; offset += 1000) {
    const tuples = table.rows.slice(offset, offset + 1000).map((row) => `(${row.map(literal).join(', ')})`);
    await db.executeQuery(CompiledQuery.raw(`insert into ${table.name} (${columnList}) values ${tuples.join(', ')}`));
  }
}

export type NationalTarget =
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'postgres'; url: string; schema: string; adminUrl: string };

export type PreparedNational = {
  target: NationalTarget;
  reused: boolean;
  generateMs: number;
  loadMs: number;
  counts: NationalRange['counts'];
  settings: NationalRange['settings'];
  /** Drop the throwaway PostgreSQL schema; the PGlite directory is kept for the next run. */
  dispose(): Promise<void>;
};

function settingsFromEnv() {
  return {
    offerings: Number(process.env.BENCH_OFFERINGS ?? 20_000),
    seed: Number(process.env.BENCH_SEED ?? 104),
  };
}

function migrationsFingerprint(): string {
  const hash = createHash('sha1');
  for (const file of fs.readdirSync(migrationsDir).filter((name) => name.endsWith('.sql')).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(migrationsDir, file)));
  }
  return hash.digest('hex');
}

async function load(database: Database, range: NationalRange): Promise<void> {
  await migrate(database);
  await database.db.transaction().execute(async (trx) => {
    for (const table of range.tables) await insertTable(trx as unknown as Kysely<DB>, table);
  });
  // PGlite runs no autovacuum; without statistics the planner guesses. A server would have them.
  await database.execScript('analyze');
}

/**
 * The national range in a database, built if needed. PGlite (default): a data directory under os.tmpdir()
 * named after the generator version, settings and migrations, reused while they match. PostgreSQL
 * (BENCH_DATABASE_URL): a fresh schema, dropped by `dispose`.
 */
export async function prepareNationalDatabase(log: (line: string) => void = console.log): Promise<PreparedNational> {
  const settings = settingsFromEnv();
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    const generateStarted = performance.now();
    const range = generateNationalRange(settings);
    const generateMs = performance.now() - generateStarted;
    const schema = `bench_national_${randomBytes(5).toString('hex')}`;
    const admin = await openPostgresDatabase(url);
    await admin.execScript(
      // One implicit transaction: a transaction lock (as test/support/database.ts takes) until the extensions are committed.
      `select pg_advisory_xact_lock(104104); create extension if not exists pg_trgm with schema public; create extension if not exists unaccent with schema public; create schema ${schema}`,
    );
    await admin.close();
    const scopedUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema},public`)}`;
    const dispose = async () => {
      process.off('SIGINT', interrupted);
      const cleanup = await openPostgresDatabase(url);
      await cleanup.execScript(`drop schema if exists ${schema} cascade`);
      await cleanup.close();
    };
    // Stopped with Ctrl-C, the throwaway schema is still dropped.
    const interrupted = () => {
      void dispose().finally(() => process.exit(130));
    };
    process.once('SIGINT', interrupted);
    const loadStarted = performance.now();
    try {
      const database = await openPostgresDatabase(scopedUrl);
      try {
        await load(database, range);
      } finally {
        await database.close();
      }
    } catch (error) {
      await dispose();
      throw error;
    }
    const loadMs = performance.now() - loadStarted;
    log(`National range: generated in ${Math.round(generateMs)} ms, loaded into PostgreSQL schema ${schema} in ${Math.round(loadMs)} ms.`);
    return { target: { kind: 'postgres', url: scopedUrl, schema, adminUrl: url }, reused: false, generateMs, loadMs, counts: range.counts, settings, dispose };
  }

  const key = createHash('sha1')
    .update(JSON.stringify({ generatorVersion, settings, migrations: migrationsFingerprint() }))
    .digest('hex')
    .slice(0, 12);
  const dataDir = path.join(os.tmpdir(), `tilbudsvifte-national-${settings.offerings}-${settings.seed}-${key}`);
  const markerPath = path.join(dataDir, 'national.json');
  if (process.env.BENCH_FRESH !== '1' && fs.existsSync(markerPath)) {
    const marker = JSON.parse(fs.readFileSync(markerPath, 'utf8')) as Omit<PreparedNational, 'target' | 'reused' | 'dispose'>;
    log(
      `National range: reusing ${dataDir} (built earlier: generated in ${Math.round(marker.generateMs)} ms, loaded in ${Math.round(marker.loadMs)} ms; BENCH_FRESH=1 rebuilds).`,
    );
    return { ...marker, target: { kind: 'embedded', dataDir }, reused: true, dispose: async () => {} };
  }
  removeStaleDirectories(dataDir);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const generateStarted = performance.now();
  const range = generateNationalRange(settings);
  const generateMs = performance.now() - generateStarted;
  const loadStarted = performance.now();
  const database = await openEmbeddedDatabase(dataDir);
  try {
    await load(database, range);
  } finally {
    await database.close();
  }
  const loadMs = performance.now() - loadStarted;
  const marker = { generatorVersion, settings, counts: range.counts, generateMs, loadMs };
  fs.writeFileSync(markerPath, JSON.stringify(marker, null, 2));
  const size = directorySize(path.join(dataDir, 'pglite'));
  log(
    `National range: generated in ${Math.round(generateMs)} ms, loaded into PGlite at ${dataDir} in ${Math.round(loadMs)} ms (${Math.round(size / 2 ** 20)} MB on disk).`,
  );
  return { ...marker, target: { kind: 'embedded', dataDir }, reused: false, dispose: async () => {} };
}

/** Older directories for the same settings (another generator version or migrations) that no process holds. */
function removeStaleDirectories(keep: string) {
  const parent = path.dirname(keep);
  const prefix = path.basename(keep).replace(/[0-9a-f]{12}$/, '');
  for (const name of fs.readdirSync(parent)) {
    const full = path.join(parent, name);
    if (!name.startsWith(prefix) || full === keep) continue;
    const lock = path.join(full, 'server.lock');
    if (fs.existsSync(lock)) {
      const pid = Number.parseInt(fs.readFileSync(lock, 'utf8'), 10);
      try {
        process.kill(pid, 0);
        continue;
      } catch {
        // The holder is gone.
      }
    }
    fs.rmSync(full, { recursive: true, force: true });
  }
}

function directorySize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------------
// Opening it for a bench: Kysely (optionally logging every query) and the raw driver side by side.

export type RawRows = { rows: unknown[] };

export type OpenNational = {
  db: Kysely<DB>;
  /** The driver itself, without Kysely: PGlite's query() or pg's pool.query(). */
  raw(sqlText: string, params: readonly unknown[]): Promise<RawRows>;
  close(): Promise<void>;
};

const DATE_OID = 1082;
const keepDateAsText = (value: string) => value;

/** Open the prepared database the way src/db/database.ts does, with Kysely's `log` hook if given. */
export async function openNational(target: NationalTarget, log?: (event: LogEvent) => void): Promise<OpenNational> {
  if (target.kind === 'postgres') {
    const types = {
      getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === DATE_OID ? keepDateAsText : pg.types.getTypeParser(oid, format)),
    };
    const pool = new pg.Pool({ connectionString: target.url, max: 10, types });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
    return {
      db,
      raw: async (sqlText, params) => ({ rows: (await pool.query(sqlText, [...params])).rows }),
      close: async () => {
        await db.destroy();
        if (!pool.ended) await pool.end();
      },
    };
  }
  const release = lockDataDir(target.dataDir);
  const pglite = await PGlite.create({
    dataDir: path.join(target.dataDir, 'pglite'),
    parsers: { [DATE_OID]: keepDateAsText },
    extensions: { pg_trgm, unaccent },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), ...(log ? { log } : {}) });
  return {
    db,
    raw: async (sqlText, params) => ({ rows: (await pglite.query(sqlText, [...params], { rowMode: 'object' })).rows }),
    close: async () => {
      await db.destroy();
      await pglite.close();
      release();
    },
  };
}

// Run directly: build (or reuse) the national range and print its figures.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const prepared = await prepareNationalDatabase();
  console.log(JSON.stringify({ reused: prepared.reused, settings: prepared.settings, counts: prepared.counts }, null, 2));
  await prepared.dispose();
}
