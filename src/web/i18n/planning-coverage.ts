import type { Need } from '../../domain/planning/coverage.ts';
import { type TargetGroup, vocabulary } from '../../domain/vocabulary.ts';
import type { Locale } from './index.ts';

/** The words of the coverage page (/planlaegning/daekning), Danish and English. */

const groupNeeds = (locale: Locale, phrase: (group: string) => string) =>
  Object.fromEntries(Object.entries(vocabulary[locale].targetGroups).map(([code, label]) => [code, phrase(label.toLowerCase())])) as Record<
    TargetGroup,
    string
  >;

export const coverageWords = {
  da: {
    title: 'Dækning af tilbudsviften',
    crumb: 'Dækning',
    heading: (date: string) => `Dækning af tilbudsviften ${date}`,
    lead: 'Hvor langt har borgerne i hver bydel til det nærmeste sted, der passer til dem, og hvor mange timer om ugen har stederne åbent? Et socialt sted tæt på betyder mest for de mest sårbare.',
    approximateHeading: 'Tallene er omtrentlige',
    coordinatesApproximate:
      'Stedernes placering er omtrentlig (sat i hånden på gadeniveau), og afstandene er i fugleflugt, ikke ad gader og stier.',
    form: {
      legend: 'Vis dækningen',
      date: 'Dato',
      dateHint: 'Tilbudsviften, som den ser ud på datoen. Skriv fx 2016-06-01.',
      compare: 'Sammenlign med dato (kan udelades)',
      compareHint: 'Viser, hvordan dækningen har ændret sig fra denne dato til datoen ovenfor, fx 2015-06-01.',
      need: 'Kortet viser',
      show: 'Vis',
    },
    changeHeading: (from: string, to: string) => `Ændring fra ${from} til ${to}`,
    changeLead: 'Tallene for behovet, kortet viser. Et positivt tal betyder længere afstand eller flere borgere langt fra et sted.',
    changeCaption: (need: string) => `Ændring for: ${need}`,
    change: {
      medianBefore: 'Halvdelen har højst, før',
      medianAfter: 'Halvdelen har højst, nu',
      beyond1Before: 'Over 1 km, før',
      beyond1After: 'Over 1 km, nu',
      beyond1Change: 'Over 1 km, ændring',
      beyond3Change: 'Over 3 km, ændring',
    },
    points: (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 }).format(Math.abs(value * 100))} point`,
    closedSince: 'Ikke længere med:',
    openedSince: 'Nye siden:',
    noPlaceChange: 'De samme steder er med på begge datoer.',
    needs: {
      social: 'Et socialt sted (tryghed og samvær) for alle',
      all: 'Et hvilket som helst sted for alle',
      ...groupNeeds('da', (group) => `Et sted for alle eller for ${group}`),
    } as Record<Need, string>,
    needsExplained:
      'Et sted "for alle" er ikke rettet mod bestemte målgrupper. Et socialt sted har profilen tryghed og socialt samvær eller begge dele. Borgere i en målgruppe antages at bo som alle andre borgere, for der findes ingen tal for målgrupperne pr. bydel.',
    distanceHeading: 'Afstand til nærmeste sted',
    table: {
      district: 'Bydel',
      residents: 'Borgere (ca.)',
      median: 'Halvdelen har højst',
      p90: '9 ud af 10 har højst',
      beyond: (km: number) => `Over ${km} km`,
      city: 'Hele kommunen',
      none: 'intet sted',
    },
    mapHeading: 'Kort',
    mapTitle: (need: string) => `Kort over afstanden til nærmeste sted: ${need}`,
    mapDesc:
      'Kommunen i felter på 500 × 500 meter, farvet efter den gennemsnitlige afstand til nærmeste sted, og stederne som prikker. Tallene står i tabellerne.',
    legend: ['Højst 1 km', '1–2 km', '2–3 km', 'Over 3 km eller intet sted'],
    placeFits: 'Sted, der passer',
    placeOther: 'Andet sted',
    hoursHeading: 'Åbent i løbet af ugen',
    hoursLead: (from: string, to: string) =>
      `Timer med åbent ${from} til ${to}. "Stedernes timer" lægger stedernes åbningstider sammen; "mindst ét åbent" tæller de timer, hvor mindst ét sted i bydelen har åbent. Aften er efter kl. 17, weekend er lørdag og søndag.`,
    hoursExample: 'Åbningstiderne er eksempeldata: de er opfundet til demonstration og ikke stedernes rigtige tider.',
    hoursCaption: (who: string) => `Åbningstimer pr. bydel: ${who}`,
    hoursWho: { all: 'alle steder', social: 'sociale steder for alle' },
    hours: {
      places: 'Steder med åbent',
      placeHours: 'Stedernes timer',
      covered: 'Mindst ét åbent',
      evening: 'Aften, mindst ét åbent',
      weekend: 'Weekend, mindst ét åbent',
    },
    placesHeading: 'Steder, der er regnet med',
    placesLead: (count: number) => `${count} adresser er åbne eller lukker på datoen.`,
    approximatePlace: 'omtrentlig placering',
    withoutCoordinates: 'Uden placering (ikke regnet med i afstandene):',
    notices: {
      unreadableDate: (value: string) => `Vi kunne ikke læse datoen "${value}". Skriv den som år-måned-dag, fx 2016-06-01. Vi viser i dag i stedet.`,
      outOfReach: (value: string) => `Datoen ${value} ligger uden for de år, vi kan vise (2010 til fem år frem). Vi viser i dag i stedet.`,
      unknownNeed: (value: string) => `Vi kender ikke behovet "${value}". Kortet viser sociale steder i stedet.`,
      compareNotRead: (value: string) =>
        `Vi kunne ikke bruge "${value}" som dato at sammenligne med. Skriv den som år-måned-dag fra 2010 og frem, fx 2015-06-01. Siden viser ingen sammenligning.`,
    },
    percent: (share: number) => `${new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 }).format(share * 100)} %`,
  },
  en: {
    title: 'Coverage of the range',
    crumb: 'Coverage',
    heading: (date: string) => `Coverage of the range on ${date}`,
    lead: 'How far residents of each district live from the nearest place that suits them, and how many hours a week the places are open. A social place nearby matters most to the most vulnerable.',
    approximateHeading: 'The figures are approximate',
    coordinatesApproximate:
      'The places’ positions are approximate (placed by hand at street level), and distances are straight lines, not along streets and paths.',
    form: {
      legend: 'Show the coverage',
      date: 'Date',
      dateHint: 'The range as it is on the date. Write e.g. 2016-06-01.',
      compare: 'Compare with date (optional)',
      compareHint: 'Shows how coverage changed from this date to the date above, e.g. 2015-06-01.',
      need: 'The map shows',
      show: 'Show',
    },
    changeHeading: (from: string, to: string) => `Change from ${from} to ${to}`,
    changeLead: 'The figures for the need the map shows. A positive figure means a longer distance or more residents far from a place.',
    changeCaption: (need: string) => `Change for: ${need}`,
    change: {
      medianBefore: 'Half live within, before',
      medianAfter: 'Half live within, now',
      beyond1Before: 'Beyond 1 km, before',
      beyond1After: 'Beyond 1 km, now',
      beyond1Change: 'Beyond 1 km, change',
      beyond3Change: 'Beyond 3 km, change',
    },
    points: (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(Math.abs(value * 100))} points`,
    closedSince: 'No longer included:',
    openedSince: 'New since:',
    noPlaceChange: 'The same places are included on both dates.',
    needs: {
      social: 'A social place (safety and community) for everyone',
      all: 'Any place for everyone',
      ...groupNeeds('en', (group) => `A place for everyone or for ${group}`),
    } as Record<Need, string>,
    needsExplained:
      'A place "for everyone" is not aimed at particular target groups. A social place has the profile safety and social community, or both. Residents of a target group are assumed to live where all residents live, as there are no figures for target groups by district.',
    distanceHeading: 'Distance to the nearest place',
    table: {
      district: 'District',
      residents: 'Residents (approx.)',
      median: 'Half live within',
      p90: '9 in 10 live within',
      beyond: (km: number) => `Beyond ${km} km`,
      city: 'The whole municipality',
      none: 'no place',
    },
    mapHeading: 'Map',
    mapTitle: (need: string) => `Map of the distance to the nearest place: ${need}`,
    mapDesc:
      'The municipality in 500 × 500 metre squares, coloured by the mean distance to the nearest place, with the places as dots. The figures are in the tables.',
    legend: ['Up to 1 km', '1–2 km', '2–3 km', 'Beyond 3 km or no place'],
    placeFits: 'Place that suits',
    placeOther: 'Other place',
    hoursHeading: 'Open during the week',
    hoursLead: (from: string, to: string) =>
      `Open hours from ${from} to ${to}. "Places' hours" adds up the places' opening hours; "at least one open" counts the hours in which at least one place in the district is open. Evening is after 17:00, weekend is Saturday and Sunday.`,
    hoursExample: 'The opening hours are example data, invented for demonstration, not the places’ real hours.',
    hoursCaption: (who: string) => `Open hours by district: ${who}`,
    hoursWho: { all: 'all places', social: 'social places for everyone' },
    hours: {
      places: 'Places open',
      placeHours: 'Places’ hours',
      covered: 'At least one open',
      evening: 'Evening, at least one open',
      weekend: 'Weekend, at least one open',
    },
    placesHeading: 'Places counted',
    placesLead: (count: number) => `${count} addresses are open or closing on the date.`,
    approximatePlace: 'approximate position',
    withoutCoordinates: 'Without a position (not counted in the distances):',
    notices: {
      unreadableDate: (value: string) => `We could not read the date "${value}". Write it as year-month-day, e.g. 2016-06-01. Showing today instead.`,
      outOfReach: (value: string) => `The date ${value} is outside the years we can show (2010 to five years ahead). Showing today instead.`,
      unknownNeed: (value: string) => `We do not know the need "${value}". The map shows social places instead.`,
      compareNotRead: (value: string) =>
        `We could not use "${value}" as a date to compare with. Write it as year-month-day from 2010 on, e.g. 2015-06-01. The page shows no comparison.`,
    },
    percent: (share: number) => `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(share * 100)}%`,
  },
} satisfies Record<Locale, unknown>;
