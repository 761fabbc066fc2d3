import type { Locale } from './locale.ts';

/**
 * The controlled vocabularies of the range, with the Danish words a citizen reads (and, in `vocabulary`,
 * the English ones). They are published as HSDS taxonomies; codes are stable, labels may be reworded.
 */

export const profiles = {
  social: { label: 'Tryghed og socialt samvær', short: 'Socialt' },
  development: { label: 'Aktiviteter og forløb i det faglige spor', short: 'Udvikling' },
  both: { label: 'Både socialt samvær og aktiviteter', short: 'Begge dele' },
} as const;
export type Profile = keyof typeof profiles;

export const targetGroups = {
  young: 'Unge',
  over_40: 'Brugere over 40',
  ethnic_minority: 'Borgere med anden etnisk baggrund',
  relatives: 'Pårørende',
  substance_abuse: 'Borgere med misbrug',
} as const;
export type TargetGroup = keyof typeof targetGroups;

export const interests = {
  dining: 'Fællesspisning og madlavning',
  creative: 'Kreative værksteder',
  music: 'Musik',
  sports: 'Idræt og motion',
  nature: 'Natur og have',
  games: 'Spil',
  education: 'Læring og uddannelse',
  work: 'Arbejde og beskæftigelse',
  health: 'Sundhed',
} as const;
export type Interest = keyof typeof interests;

export const staffingLabels = {
  staff: 'Personale til stede',
  user_run: 'Brugerstyret',
  staff_and_user_run: 'Personale til stede og brugerstyrede åbningstider',
} as const;

export const ownershipLabels = {
  municipal: 'Kommunalt',
  self_governing: 'Selvejende',
} as const;

export const stateLabels = {
  unknown: 'Status ukendt',
  proposed: 'Foreslået',
  active: 'Aktivt',
  closing: 'Lukker',
  closed: 'Lukket',
} as const;

export const weekdayNames = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'] as const;

export type Vocabulary = {
  profiles: Record<Profile, { label: string; short: string }>;
  targetGroups: Record<TargetGroup, string>;
  interests: Record<Interest, string>;
  staffing: Record<keyof typeof staffingLabels, string>;
  ownership: Record<keyof typeof ownershipLabels, string>;
  states: Record<keyof typeof stateLabels, string>;
  /** Monday first, as in ISO 8601; Danish in lower case, as Danish writes them inside a sentence. */
  weekdays: readonly string[];
};

/** The same words in each language a page can be read in; the Danish ones are the records above. */
export const vocabulary: Record<Locale, Vocabulary> = {
  da: {
    profiles,
    targetGroups,
    interests,
    staffing: staffingLabels,
    ownership: ownershipLabels,
    states: stateLabels,
    weekdays: weekdayNames,
  },
  en: {
    profiles: {
      social: { label: 'Safety and social community', short: 'Social' },
      development: { label: 'Activities and courses in the professional track', short: 'Development' },
      both: { label: 'Both social community and activities', short: 'Both' },
    },
    targetGroups: {
      young: 'Young people',
      over_40: 'Users over 40',
      ethnic_minority: 'People with another ethnic background',
      relatives: 'Relatives',
      substance_abuse: 'People with substance misuse',
    },
    interests: {
      dining: 'Shared meals and cooking',
      creative: 'Creative workshops',
      music: 'Music',
      sports: 'Sport and exercise',
      nature: 'Nature and gardening',
      games: 'Games',
      education: 'Learning and education',
      work: 'Work and employment',
      health: 'Health',
    },
    staffing: {
      staff: 'Staff present',
      user_run: 'User-run',
      staff_and_user_run: 'Staff present, and user-run opening hours',
    },
    ownership: { municipal: 'Municipal', self_governing: 'Self-governing' },
    states: { unknown: 'Status unknown', proposed: 'Proposed', active: 'Active', closing: 'Closing', closed: 'Closed' },
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  },
};

/** The taxonomies as published through the open-data API. */
export const taxonomies = [
  {
    slug: 'tilbudsprofil',
    name: 'Tilbudsprofil',
    description: 'Hovedvægten i et tilbud: tryghed og socialt samvær, aktiviteter i det faglige spor, eller begge dele.',
    terms: Object.entries(profiles).map(([code, value]) => ({ code, name: value.label })),
  },
  {
    slug: 'maalgruppe',
    name: 'Målgruppe',
    description: 'Grupper, som et tilbud særligt henvender sig til. Alle tilbud er åbne for voksne med psykiske vanskeligheder.',
    terms: Object.entries(targetGroups).map(([code, name]) => ({ code, name })),
  },
  {
    slug: 'interesse',
    name: 'Interesse',
    description: 'Hvad man kan lave i tilbuddet: borgere vælger efter interesse, ikke efter diagnose.',
    terms: Object.entries(interests).map(([code, name]) => ({ code, name })),
  },
] as const;

/** A referral's states as the back office and the referrer's mails name them (sent, accepted, waitlisted, declined, started, completed, stopped). */
export const referralStateLabels = {
  sent: 'Sendt',
  accepted: 'Optaget',
  waitlisted: 'På venteliste',
  declined: 'Afvist',
  started: 'I gang',
  completed: 'Gennemført',
  stopped: 'Stoppet',
} as const;

/** Courses (forløb): the Danish words for their kinds, tracks, who runs them and how (the back office's forms). */
export const courseKindLabels = { open: 'Åbent forløb', referred: 'Visiteret forløb' } as const;
export const courseTrackLabels = {
  life_skills: 'Mestring af eget liv',
  youth_education_work: 'Unge, uddannelse og beskæftigelse',
  health: 'Sundhed',
  community: 'Fællesskab og netværk',
} as const;
export const courseRunnerLabels = { staff: 'Personale', peer: 'Peer-medarbejdere', staff_and_peer: 'Personale og peer-medarbejdere' } as const;
export const courseFormatLabels = { group: 'Hold', individual: 'Individuelt' } as const;
