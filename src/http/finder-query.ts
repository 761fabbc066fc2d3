import { emptyCriteria, type FinderCriteria, type OpenCriterion } from '../domain/finder.ts';
import type { Locale } from '../domain/locale.ts';
import { isCalendarDate } from '../domain/schedule/validate.ts';
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
  open: 'aaben',
  day: 'dag',
  time: 'kl',
  near: 'naer',
  page: 'side',
} as const;

export const openWords = { now: 'nu', at: 'tidspunkt', holidays: 'helligdage' } as const;

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

/** The notices in each language: a label names what was not understood ('bydelen', 'the district'). */
const noticeWords: Record<
  Locale,
  {
    labels: Record<'district' | 'centre' | 'choice' | 'targetGroup' | 'interest', string>;
    tooLong: (max: number) => string;
    unknownSlug: (label: string, value: string) => string;
    unknownWord: (label: string, value: string) => string;
    unknownOpen: (value: string) => string;
    unreadableDay: (value: string) => string;
    noTime: string;
    unreadableTime: (value: string) => string;
    unreadablePage: (value: string) => string;
  }
> = {
  da: {
    labels: { district: 'bydelen', centre: 'centret', choice: 'valget', targetGroup: 'målgruppen', interest: 'interessen' },
    tooLong: (max) => `Søgeteksten var meget lang, så vi har kun brugt de første ${max} tegn.`,
    unknownSlug: (label, value) => `Vi kender ikke ${label} «${value}», så den er ikke brugt i søgningen.`,
    unknownWord: (label, value) => `Vi kender ikke ${label} «${value}», så det er ikke brugt i søgningen.`,
    unknownOpen: (value) => `Vi kender ikke valget «${value}» under «Hvornår», så det er ikke brugt i søgningen.`,
    unreadableDay: (value) => `Vi kan ikke læse datoen «${value}». Skriv den som 24-11-2026, så søger vi på den dag.`,
    noTime: 'Skriv et klokkeslæt, fx 18:00, så viser vi de steder, der er åbne på det tidspunkt.',
    unreadableTime: (value) => `Vi kan ikke læse klokkeslættet «${value}». Skriv det som 18:00.`,
    unreadablePage: (value) => `Vi kan ikke læse sidetallet «${value}», så vi viser side 1.`,
  },
  en: {
    labels: { district: 'the district', centre: 'the centre', choice: 'the choice', targetGroup: 'the group', interest: 'the interest' },
    tooLong: (max) => `The search text was very long, so we have used only the first ${max} characters.`,
    unknownSlug: (label, value) => `We do not know ${label} “${value}”, so it is not used in the search.`,
    unknownWord: (label, value) => `We do not know ${label} “${value}”, so it is not used in the search.`,
    unknownOpen: (value) => `We do not know the choice “${value}” under “When”, so it is not used in the search.`,
    unreadableDay: (value) => `We cannot read the date “${value}”. Write it as 24-11-2026, and we will search on that day.`,
    noTime: 'Write a time, for example 18:00, and we will show the places that are open then.',
    unreadableTime: (value) => `We cannot read the time “${value}”. Write it as 18:00.`,
    unreadablePage: (value) => `We cannot read the page number “${value}”, so we show page 1.`,
  },
};

/**
 * `near` is an address or postcode to sort by distance from; it is geocoded by the route. `page` is the
 * page of results asked for (`side=2`), from 1; `pageNotice` says why an unreadable one became 1 (only
 * the list has pages, so the route decides whether to show it).
 */
export type ParsedFinderQuery = {
  criteria: FinderCriteria;
  near: string | null;
  page: number;
  pageNotice: string | null;
  notices: string[];
};

/** '24-11-2026', '24.11.2026' or '2026-11-24' (what a date field sends) -> '2026-11-24'; null if not a date. */
export function readDay(value: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const danish = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : danish ? [danish[3], danish[2], danish[1]] : [];
  if (!year || !month || !day) return null;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(date) ? date : null;
}

/** '18:00', '18.00', '1800' or '18' -> '18:00'; null if not a time of day. */
export function readTime(value: string): string | null {
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * `today` (Copenhagen) is the day a time without a day means. A time in the past is not checked
 * here: the request knows the clock (finder-request.ts).
 */
export function parseFinderQuery(
  query: Record<string, string[]>,
  { today, locale = 'da' }: { today: string; locale?: Locale },
): ParsedFinderQuery {
  const say = noticeWords[locale];
  const notices: string[] = [];
  const first = (name: string) => query[name]?.map((value) => value.trim()).find((value) => value !== '') ?? null;
  const all = (name: string) => [...new Set((query[name] ?? []).map((value) => value.trim()).filter(Boolean))];

  let text = first(finderParams.text)?.replaceAll('\0', '').replace(/\s+/g, ' ') ?? null;
  if (text && text.length > maxTextLength) {
    text = text.slice(0, maxTextLength);
    notices.push(say.tooLong(maxTextLength));
  }
  const slug = (name: string, label: string) => {
    const value = first(name);
    if (value === null) return null;
    if (slugPattern.test(value)) return value;
    notices.push(say.unknownSlug(label, value.slice(0, 40)));
    return null;
  };
  const word = <K extends string>(name: string, words: Map<string, K>, label: string): K | null => {
    const value = first(name);
    if (value === null) return null;
    const code = words.get(value);
    if (code === undefined) notices.push(say.unknownWord(label, value.slice(0, 40)));
    return code ?? null;
  };
  const words = <K extends string>(name: string, map: Map<string, K>, label: string): K[] =>
    all(name).flatMap((value) => {
      const code = map.get(value);
      if (code === undefined) notices.push(say.unknownWord(label, value.slice(0, 40)));
      return code === undefined ? [] : [code];
    });

  const readOpen = (): OpenCriterion | null => {
    const word = first(finderParams.open);
    const dayText = first(finderParams.day);
    const timeText = first(finderParams.time);
    if (word === openWords.now) return { kind: 'now' };
    if (word === openWords.holidays) return { kind: 'holidays' };
    if (word !== null && word !== openWords.at) {
      notices.push(say.unknownOpen(word.slice(0, 40)));
      return null;
    }
    if (word === null && dayText === null && timeText === null) return null;
    const day = dayText === null ? today : readDay(dayText);
    const time = timeText === null ? null : readTime(timeText);
    if (day === null) {
      notices.push(say.unreadableDay(dayText!.slice(0, 40)));
      return null;
    }
    if (time === null) {
      notices.push(timeText === null ? say.noTime : say.unreadableTime(timeText.slice(0, 40)));
      return null;
    }
    return { kind: 'at', date: day, time };
  };

  const pageText = first(finderParams.page);
  const page = pageText !== null && /^\d{1,6}$/.test(pageText) ? Number(pageText) : 0;

  return {
    criteria: {
      ...emptyCriteria,
      text: text || null,
      districtSlug: slug(finderParams.district, say.labels.district),
      centreSlug: slug(finderParams.centre, say.labels.centre),
      profile: word(finderParams.profile, profileByWord, say.labels.choice),
      targetGroups: words(finderParams.targetGroup, targetGroupByWord, say.labels.targetGroup),
      interests: words(finderParams.interest, interestByWord, say.labels.interest),
      staffing: word(finderParams.staffing, staffingByWord, say.labels.choice),
      open: readOpen(),
    },
    near: first(finderParams.near)?.slice(0, maxTextLength) ?? null,
    page: Math.max(1, page),
    pageNotice: pageText !== null && page < 1 ? say.unreadablePage(pageText.slice(0, 40)) : null,
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
