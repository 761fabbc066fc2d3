import { type Locale, listIn } from './locale.ts';
import type { Offering } from './range.ts';
import type { OfferingState } from './status.ts';
import { type Interest, type Profile, type TargetGroup, vocabulary } from './vocabulary.ts';

/**
 * What a citizen or partner asks the finder for. Different kinds of filter narrow the list (AND);
 * several choices of one kind widen it (OR), as in any shop's filters.
 */
export type FinderCriteria = {
  text: string | null;
  districtSlug: string | null;
  centreSlug: string | null;
  profile: Profile | null;
  targetGroups: TargetGroup[];
  interests: Interest[];
  staffing: 'staff' | 'user_run' | null;
  /** Open now, at a chosen Copenhagen day and time, or on holidays. */
  open: OpenCriterion | null;
};

export type OpenCriterion = { kind: 'now' } | { kind: 'at'; date: string; time: string } | { kind: 'holidays' };

/**
 * What the schedule engine found for the open filter: why the place fits ('Åbent nu til 16:00'),
 * or null when it is not open then.
 */
export type OpenMatch = { reason: string } | null;

export const emptyCriteria: FinderCriteria = {
  text: null,
  districtSlug: null,
  centreSlug: null,
  profile: null,
  targetGroups: [],
  interests: [],
  staffing: null,
  open: null,
};

export function hasCriteria(criteria: FinderCriteria): boolean {
  return (
    criteria.text !== null ||
    criteria.districtSlug !== null ||
    criteria.centreSlug !== null ||
    criteria.profile !== null ||
    criteria.targetGroups.length > 0 ||
    criteria.interests.length > 0 ||
    criteria.staffing !== null ||
    criteria.open !== null
  );
}

export type TextMatch = {
  inName: boolean;
  inText: boolean;
  /** The words of the place's text like the query's words (a typo or another form), as written there. */
  similarWords: string[];
  similarity: number;
  activity: { name: string; isExample: boolean } | null;
};

const termCodes = (offering: Offering, taxonomy: string) =>
  new Set(offering.terms.filter((term) => term.taxonomySlug === taxonomy).map((term) => term.code));

const hasStaffPresent = (offering: Offering) =>
  offering.staffing === 'staff' ||
  offering.staffing === 'staff_and_user_run' ||
  (offering.staffing === null && offering.schedule.rules.some((rule) => rule.isStaffPresent));

const hasUserRun = (offering: Offering) =>
  offering.staffing === 'user_run' ||
  offering.staffing === 'staff_and_user_run' ||
  offering.schedule.rules.some((rule) => rule.isUserRun);

/** The reasons a result fits, in each language. */
const reasonWords: Record<
  Locale,
  {
    quote: (text: string) => string;
    inName: (quoted: string) => string;
    inText: (quoted: string) => string;
    activity: (name: string, isExample: boolean) => string;
    similar: (quoted: string, words: string) => string;
    inDistrict: (name: string) => string;
    centre: (name: string) => string;
    targetGroups: (names: string) => string;
    interests: (names: string) => string;
    staff: string;
    userRun: string;
  }
> = {
  da: {
    quote: (text) => `«${text}»`,
    inName: (quoted) => `Navnet passer med ${quoted}`,
    inText: (quoted) => `Beskrivelsen handler om ${quoted}`,
    activity: (name, isExample) => `Aktiviteten «${name}»${isExample ? ' (eksempeldata)' : ''}`,
    similar: (quoted, words) => `Ligner ${quoted}: teksten har ${words}`,
    inDistrict: (name) => `I ${name}`,
    centre: (name) => `Hører til ${name}`,
    targetGroups: (names) => `Særligt for: ${names}`,
    interests: (names) => `Du kan: ${names}`,
    staff: 'Personale til stede',
    userRun: 'Brugerstyrede åbningstider eller aktiviteter',
  },
  en: {
    quote: (text) => `“${text}”`,
    inName: (quoted) => `The name matches ${quoted}`,
    inText: (quoted) => `The description is about ${quoted}`,
    activity: (name, isExample) => `The activity “${name}”${isExample ? ' (example data)' : ''}`,
    similar: (quoted, words) => `Similar to ${quoted}: the text has ${words}`,
    inDistrict: (name) => `In ${name}`,
    centre: (name) => `Part of ${name}`,
    targetGroups: (names) => `Especially for: ${names}`,
    interests: (names) => `You can: ${names}`,
    staff: 'Staff present',
    userRun: 'User-run opening hours or activities',
  },
};

/**
 * Whether an offering fits, and why, in words a person reads next to the result. Returns null when it
 * does not fit. `text` is the search engine's verdict for this offering (null: no text match).
 */
export function explainMatch(
  offering: Offering,
  state: OfferingState,
  criteria: FinderCriteria,
  text: TextMatch | null,
  open: OpenMatch = null,
  locale: Locale = 'da',
): string[] | null {
  const say = reasonWords[locale];
  const words = vocabulary[locale];
  const reasons: string[] = [];
  if (criteria.text !== null) {
    if (!text) return null;
    const quoted = say.quote(criteria.text);
    if (text.inName) reasons.push(say.inName(quoted));
    else if (text.inText) reasons.push(say.inText(quoted));
    else if (text.activity) {
      reasons.push(say.activity(text.activity.name, text.activity.isExample));
    } else if (text.similarWords.length > 0) {
      reasons.push(say.similar(quoted, listIn(text.similarWords.map((word) => say.quote(word)), locale)));
    } else return null;
  }
  // A closed place is only shown when its name was searched for, so the person learns what happened.
  if (state === 'closed' && !(text?.inName ?? false)) return null;

  if (criteria.districtSlug !== null) {
    const district = offering.locations.map((item) => item.location.district).find((item) => item?.slug === criteria.districtSlug);
    if (!district) return null;
    reasons.push(say.inDistrict(district.name));
  }
  if (criteria.centreSlug !== null) {
    const centre = [offering.centre, ...offering.alsoServes].find((item) => item?.slug === criteria.centreSlug);
    if (!centre) return null;
    reasons.push(say.centre(centre.name));
  }
  if (criteria.profile !== null) {
    // "Both" fits whoever asks for either kind; asking for "both" wants exactly that.
    const fits = offering.profile === criteria.profile || (offering.profile === 'both' && criteria.profile !== 'both');
    if (!fits || offering.profile === null) return null;
    reasons.push(words.profiles[offering.profile].label);
  }
  if (criteria.targetGroups.length > 0) {
    const codes = termCodes(offering, 'maalgruppe');
    const hits = criteria.targetGroups.filter((code) => codes.has(code));
    if (hits.length === 0) return null;
    reasons.push(say.targetGroups(hits.map((code) => words.targetGroups[code].toLowerCase()).join(', ')));
  }
  if (criteria.interests.length > 0) {
    const codes = termCodes(offering, 'interesse');
    const hits = criteria.interests.filter((code) => codes.has(code));
    if (hits.length === 0) return null;
    reasons.push(say.interests(hits.map((code) => words.interests[code].toLowerCase()).join(', ')));
  }
  if (criteria.staffing === 'staff') {
    if (!hasStaffPresent(offering)) return null;
    reasons.push(say.staff);
  } else if (criteria.staffing === 'user_run') {
    if (!hasUserRun(offering)) return null;
    reasons.push(say.userRun);
  }
  if (criteria.open !== null) {
    if (open === null) return null;
    reasons.push(open.reason);
  }
  return reasons;
}
