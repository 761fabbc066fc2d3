import { emptyCriteria, type FinderCriteria } from '../domain/finder.ts';
import { type Interest, interests, type Profile, profiles, type TargetGroup, targetGroups } from '../domain/vocabulary.ts';

/**
 * The finder's URL (`/?q=…&maalgruppe=unge&…`) read into criteria. A page never fails on its query:
 * a value we do not know is left out and explained in a notice, so a shared or old link still works.
 */

export const finderParams = {
  text: 'q',
  district: 'bydel',
  centre: 'center',
  profile: 'profil',
  targetGroup: 'maalgruppe',
  interest: 'interesse',
  staffing: 'bemanding',
  near: 'naer',
} as const;

/** URL words for the codes, in Danish so a shared link reads well. */
export const profileWords: Record<Profile, string> = { social: 'socialt', development: 'aktiviteter', both: 'begge' };
export const targetGroupWords: Record<TargetGroup, string> = {
  young: 'unge',
  over_40: 'over-40',
  ethnic_minority: 'anden-etnisk-baggrund',
  relatives: 'paaroerende',
  substance_abuse: 'misbrug',
};
export const interestWords: Record<Interest, string> = {
  dining: 'spisning',
  creative: 'kreativt',
  music: 'musik',
  sports: 'idraet',
  nature: 'natur',
  games: 'spil',
  education: 'laering',
  work: 'arbejde',
  health: 'sundhed',
};
export const staffingWords = { staff: 'personale', user_run: 'brugerstyret' } as const;

const reverse = <K extends string>(words: Record<K, string>) =>
  new Map(Object.entries(words).map(([code, word]) => [word as string, code as K]));
const profileByWord = reverse(profileWords);
const targetGroupByWord = reverse(targetGroupWords);
const interestByWord = reverse(interestWords);
const staffingByWord = reverse(staffingWords);

const maxTextLength = 200;
const slugPattern = /^[a-z0-9-]{1,60}$/;

/** `near` is an address or postcode to sort by distance from; it is geocoded by the route. */
export type ParsedFinderQuery = { criteria: FinderCriteria; near: string | null; notices: string[] };

export function parseFinderQuery(query: Record<string, string[]>): ParsedFinderQuery {
  const notices: string[] = [];
  const first = (name: string) => query[name]?.map((value) => value.trim()).find((value) => value !== '') ?? null;
  const all = (name: string) => [...new Set((query[name] ?? []).map((value) => value.trim()).filter(Boolean))];

  let text = first(finderParams.text)?.replaceAll('\0', '').replace(/\s+/g, ' ') ?? null;
  if (text && text.length > maxTextLength) {
    text = text.slice(0, maxTextLength);
    notices.push(`Søgeteksten var meget lang, så vi har kun brugt de første ${maxTextLength} tegn.`);
  }
  const slug = (name: string, label: string) => {
    const value = first(name);
    if (value === null) return null;
    if (slugPattern.test(value)) return value;
    notices.push(`Vi kender ikke ${label} «${value.slice(0, 40)}», så den er ikke brugt i søgningen.`);
    return null;
  };
  const word = <K extends string>(name: string, words: Map<string, K>, label: string): K | null => {
    const value = first(name);
    if (value === null) return null;
    const code = words.get(value);
    if (code === undefined) notices.push(`Vi kender ikke ${label} «${value.slice(0, 40)}», så det er ikke brugt i søgningen.`);
    return code ?? null;
  };
  const words = <K extends string>(name: string, map: Map<string, K>, label: string): K[] =>
    all(name).flatMap((value) => {
      const code = map.get(value);
      if (code === undefined) notices.push(`Vi kender ikke ${label} «${value.slice(0, 40)}», så det er ikke brugt i søgningen.`);
      return code === undefined ? [] : [code];
    });

  return {
    criteria: {
      ...emptyCriteria,
      text: text || null,
      districtSlug: slug(finderParams.district, 'bydelen'),
      centreSlug: slug(finderParams.centre, 'centret'),
      profile: word(finderParams.profile, profileByWord, 'valget'),
      targetGroups: words(finderParams.targetGroup, targetGroupByWord, 'målgruppen'),
      interests: words(finderParams.interest, interestByWord, 'interessen'),
      staffing: word(finderParams.staffing, staffingByWord, 'valget'),
    },
    near: first(finderParams.near)?.slice(0, maxTextLength) ?? null,
    notices,
  };
}

/** Labels for the form, in the order they are shown. */
export const finderOptions = {
  profiles: (Object.keys(profiles) as Profile[]).map((code) => ({ code, word: profileWords[code], label: profiles[code].label })),
  targetGroups: (['young', 'over_40', 'ethnic_minority', 'relatives'] as TargetGroup[]).map((code) => ({
    code,
    word: targetGroupWords[code],
    label: targetGroups[code],
  })),
  interests: (Object.keys(interests) as Interest[]).map((code) => ({ code, word: interestWords[code], label: interests[code] })),
};
