import Holidays from 'date-holidays';
import type { Locale } from '../locale.ts';

/**
 * The days on which an offering's holiday rule applies instead of its regular hours: the Danish
 * public holidays, plus the three days Danish workplaces treat as days off although the law does
 * not (Grundlovsdag, Christmas Eve, New Year's Eve). The holiday library lists Christmas Eve and
 * Grundlovsdag only as observances and New Year's Eve not at all, so those three are named here.
 * Store Bededag was abolished from 2024 and the library knows it.
 */
export type HolidayKey =
  | 'nytaarsdag'
  | 'skaertorsdag'
  | 'langfredag'
  | 'paaskedag'
  | 'anden_paaskedag'
  | 'store_bededag'
  | 'kristi_himmelfartsdag'
  | 'pinsedag'
  | 'anden_pinsedag'
  | 'grundlovsdag'
  | 'juleaftensdag'
  | 'juledag'
  | 'anden_juledag'
  | 'nytaarsaftensdag';

export type Holiday = { date: string; key: HolidayKey; name: string; isPublic: boolean };

export const holidayNames: Record<HolidayKey, string> = {
  nytaarsdag: 'Nytårsdag',
  skaertorsdag: 'Skærtorsdag',
  langfredag: 'Langfredag',
  paaskedag: 'Påskedag',
  anden_paaskedag: '2. påskedag',
  store_bededag: 'Store bededag',
  kristi_himmelfartsdag: 'Kristi himmelfartsdag',
  pinsedag: 'Pinsedag',
  anden_pinsedag: '2. pinsedag',
  grundlovsdag: 'Grundlovsdag',
  juleaftensdag: 'Juleaftensdag',
  juledag: 'Juledag',
  anden_juledag: '2. juledag',
  nytaarsaftensdag: 'Nytårsaftensdag',
};

const holidayNamesEn: Record<HolidayKey, string> = {
  nytaarsdag: "New Year's Day",
  skaertorsdag: 'Maundy Thursday',
  langfredag: 'Good Friday',
  paaskedag: 'Easter Sunday',
  anden_paaskedag: 'Easter Monday',
  store_bededag: 'Great Prayer Day',
  kristi_himmelfartsdag: 'Ascension Day',
  pinsedag: 'Whit Sunday',
  anden_pinsedag: 'Whit Monday',
  grundlovsdag: 'Constitution Day',
  juleaftensdag: 'Christmas Eve',
  juledag: 'Christmas Day',
  anden_juledag: 'Boxing Day',
  nytaarsaftensdag: "New Year's Eve",
};

/** A holiday's name in the page's language; `Holiday.name` is the Danish one. */
export function holidayName(key: HolidayKey, locale: Locale = 'da'): string {
  return locale === 'da' ? holidayNames[key] : holidayNamesEn[key];
}

export const holidayKeys = Object.keys(holidayNames) as HolidayKey[];

export function isHolidayKey(value: string): value is HolidayKey {
  return Object.hasOwn(holidayNames, value);
}

// The library's rule for each day it knows, to our key. Rules are stable across its languages.
const byRule: Record<string, HolidayKey> = {
  '01-01': 'nytaarsdag',
  'easter -3': 'skaertorsdag',
  'easter -2': 'langfredag',
  easter: 'paaskedag',
  'easter 1': 'anden_paaskedag',
  'easter 26': 'store_bededag',
  'easter 39': 'kristi_himmelfartsdag',
  'easter 49': 'pinsedag',
  'easter 50': 'anden_pinsedag',
  '06-05': 'grundlovsdag',
  '12-24': 'juleaftensdag',
  '12-25': 'juledag',
  '12-26': 'anden_juledag',
};

const library = new Holidays('DK');
const cache = new Map<number, Holiday[]>();

/** The holidays of one year, in date order. */
export function holidaysIn(year: number): Holiday[] {
  const known = cache.get(year);
  if (known) return known;
  const found = new Map<string, Holiday>();
  for (const entry of library.getHolidays(year)) {
    const key = byRule[entry.rule.replace(/ prior to \d+$/, '')];
    if (!key) continue;
    const date = entry.date.slice(0, 10);
    const isPublic = entry.type === 'public';
    // Two on one date (2. pinsedag on Grundlovsdag in 2028): the public holiday names the day.
    if (found.get(date)?.isPublic && !isPublic) continue;
    found.set(date, { date, key, name: holidayNames[key], isPublic });
  }
  const eve = `${year}-12-31`;
  found.set(eve, { date: eve, key: 'nytaarsaftensdag', name: holidayNames.nytaarsaftensdag, isPublic: false });
  const list = [...found.values()].sort((a, b) => a.date.localeCompare(b.date));
  cache.set(year, list);
  return list;
}

/** The holiday on a date ('YYYY-MM-DD'), or null. */
export function holidayOn(date: string): Holiday | null {
  return holidaysIn(Number(date.slice(0, 4))).find((holiday) => holiday.date === date) ?? null;
}

/** The holidays from `from` to `to`, both included. */
export function holidaysBetween(from: string, to: string): Holiday[] {
  const years = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) years.push(year);
  return years.flatMap(holidaysIn).filter((holiday) => holiday.date >= from && holiday.date <= to);
}
