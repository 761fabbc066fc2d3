import { capitalise, type Locale } from '../locale.ts';
import { formatDate } from '../time.ts';
import { vocabulary } from '../vocabulary.ts';
import { holidayName } from './holidays.ts';
import type { Activity, ActivityKind, DayHours, HolidayPolicy, OpeningRule, Period, Recurrence, ScheduleException } from './model.ts';

/**
 * Schedules in plain words: the words pages, the calendar and the feeds share. Danish unless a locale
 * is given; the English words sit beside the Danish ones, and the logic is the same for both.
 */

// A word joiner on each side of the dash keeps a time span on one line in a narrow table.
export const timeSpan = (from: string, to: string) => `${from}\u2060–\u2060${to}`;

export const activityKindLabels: Record<ActivityKind, string> = {
  dining: 'Fællesspisning',
  workshop: 'Værksted',
  excursion: 'Udflugt',
  lesson: 'Undervisning',
  culture: 'Kulturaften',
  food_club: 'Madklub',
  peer_meeting: 'Møde med ligestillede',
  other: 'Aktivitet',
};

const activityKindLabelsEn: Record<ActivityKind, string> = {
  dining: 'Shared meal',
  workshop: 'Workshop',
  excursion: 'Outing',
  lesson: 'Class',
  culture: 'Culture evening',
  food_club: 'Food club',
  peer_meeting: 'Peer meeting',
  other: 'Activity',
};

/** What kind of activity it is, in the page's language. */
export function activityKindLabel(kind: ActivityKind, locale: Locale = 'da'): string {
  return locale === 'da' ? activityKindLabels[kind] : activityKindLabelsEn[kind];
}

type ScheduleWords = {
  userRunStaff: string;
  userRunNoStaff: string;
  staff: string;
  every: (day: string) => string;
  everyNth: (interval: number, day: string) => string;
  nthOfMonth: (nth: number, day: string) => string;
  lastOfMonth: (day: string) => string;
  fromTo: (from: string, to: string) => string;
  from: (date: string) => string;
  to: (date: string) => string;
  userRunMark: string;
  closed: string;
  regularHours: string;
  specialHours: string;
  reducedBeforeClosing: string;
  changedHours: string;
  at: (time: string) => string;
  onDays: (days: string) => string;
  holidaysClosed: string;
  holidaysRegular: string;
};

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
};

/** The schedule's words; the English ones beside the Danish ones. */
export const scheduleWords: Record<Locale, ScheduleWords> = {
  da: {
    userRunStaff: 'Brugerstyret, personale til stede',
    userRunNoStaff: 'Brugerstyret, uden personale',
    staff: 'Personale til stede',
    every: (day) => `hver ${day}`,
    everyNth: (interval, day) => `hver ${interval}. ${day}`,
    nthOfMonth: (nth, day) => `${nth}. ${day} i måneden`,
    lastOfMonth: (day) => `sidste ${day} i måneden`,
    fromTo: (from, to) => `fra ${from} til ${to}`,
    from: (date) => `fra ${date}`,
    to: (date) => `til ${date}`,
    userRunMark: ' (brugerstyret)',
    closed: 'lukket',
    regularHours: 'almindelige åbningstider',
    specialHours: 'særlige åbningstider',
    reducedBeforeClosing: 'nedsatte åbningstider før lukningen',
    changedHours: 'ændrede åbningstider',
    at: (time) => `kl. ${time}`,
    onDays: (days) => `(${days})`,
    holidaysClosed: 'Lukket på helligdage',
    holidaysRegular: 'Almindelige åbningstider på helligdage',
  },
  en: {
    userRunStaff: 'User-run, staff present',
    userRunNoStaff: 'User-run, no staff',
    staff: 'Staff present',
    every: (day) => `every ${day}`,
    everyNth: (interval, day) => `every ${ordinal(interval)} ${day}`,
    nthOfMonth: (nth, day) => `${ordinal(nth)} ${day} of the month`,
    lastOfMonth: (day) => `last ${day} of the month`,
    fromTo: (from, to) => `from ${from} to ${to}`,
    from: (date) => `from ${date}`,
    to: (date) => `until ${date}`,
    userRunMark: ' (user-run)',
    closed: 'closed',
    regularHours: 'regular hours',
    specialHours: 'special hours',
    reducedBeforeClosing: 'reduced hours before closing',
    changedHours: 'changed hours',
    at: (time) => `at ${time}`,
    onDays: (days) => `(${days})`,
    holidaysClosed: 'Closed on holidays',
    holidaysRegular: 'Regular hours on holidays',
  },
};

/** 'Personale til stede', 'Brugerstyret, uden personale', … */
export function staffLabel(period: Pick<Period, 'isUserRun' | 'isStaffPresent'>, locale: Locale = 'da'): string {
  const say = scheduleWords[locale];
  if (period.isUserRun) return period.isStaffPresent ? say.userRunStaff : say.userRunNoStaff;
  return say.staff;
}

/** 'hver mandag', 'hver 2. onsdag', '1. torsdag i måneden', 'sidste søndag i måneden'. */
export function describeRecurrence(weekday: number, recurrence: Recurrence, locale: Locale = 'da'): string {
  const say = scheduleWords[locale];
  const day = vocabulary[locale].weekdays[weekday - 1] ?? '';
  if (recurrence.kind === 'monthly') {
    return recurrence.nth === -1 ? say.lastOfMonth(day) : say.nthOfMonth(recurrence.nth, day);
  }
  return recurrence.interval <= 1 ? say.every(day) : say.everyNth(recurrence.interval, day);
}

/** 'fra 1. juni 2026 til 31. august 2026', 'fra 1. september 2026', '' for always. */
export function describeValidity(validFrom: string | null, validTo: string | null, locale: Locale = 'da'): string {
  const say = scheduleWords[locale];
  if (validFrom && validTo) return say.fromTo(formatDate(validFrom, locale), formatDate(validTo, locale));
  if (validFrom) return say.from(formatDate(validFrom, locale));
  if (validTo) return say.to(formatDate(validTo, locale));
  return '';
}

/** One opening rule as a line: 'hver 2. onsdag 17:00–21:00 (brugerstyret), fra 1. juni 2026'. */
export function describeRule(rule: OpeningRule, locale: Locale = 'da'): string {
  const validity = describeValidity(rule.validFrom, rule.validTo, locale);
  return [
    `${describeRecurrence(rule.weekday, rule.recurrence, locale)} ${timeSpan(rule.opens, rule.closes)}${rule.isUserRun ? scheduleWords[locale].userRunMark : ''}`,
    validity,
  ]
    .filter(Boolean)
    .join(', ');
}

/** A rule as the back office lists it: 'Hver 2. onsdag 17:00–21:00 (brugerstyret) – brugerstyret, uden personale'. */
export function describeRuleWithStaff(rule: OpeningRule): string {
  const line = `${capitalise(describeRule(rule))}${rule.isUserRun ? ` – ${staffLabel(rule).toLocaleLowerCase('da')}` : ''}`;
  return rule.description ? `${line} (${rule.description})` : line;
}

/**
 * Why a day differs from the usual, in parts: `reason` (a holiday's name, or the reason written on an
 * exception, which is the place's own Danish text) and `what` happens. Null on an ordinary day.
 */
export function dayNote(day: DayHours, locale: Locale = 'da'): { reason: string | null; isOwnText: boolean; what: string } | null {
  const say = scheduleWords[locale];
  const source = day.source;
  if (source.kind === 'regular') return null;
  if (source.kind === 'holiday') {
    const what = source.rule === 'closed' ? say.closed : source.rule === 'open' ? say.regularHours : say.specialHours;
    return { reason: locale === 'da' ? source.holiday.name : holidayName(source.holiday.key, locale), isOwnText: false, what };
  }
  const exception = source.exception;
  const what =
    exception.kind === 'closed' ? say.closed : exception.kind === 'transition' ? say.reducedBeforeClosing : say.changedHours;
  return { reason: exception.reason, isOwnText: true, what };
}

/** Why a day differs from the usual, or null on an ordinary day: 'Juleaftensdag: særlige åbningstider'. */
export function describeDay(day: DayHours, locale: Locale = 'da'): string | null {
  const note = dayNote(day, locale);
  if (!note) return null;
  return note.reason ? `${note.reason}: ${note.what}` : capitalise(note.what, locale);
}

/** 'Hver tirsdag kl. 12:00–13:30', 'Torsdag 24. december 2026 kl. 14:00'. */
export function describeActivityWhen(activity: Activity, locale: Locale = 'da'): string {
  const say = scheduleWords[locale];
  const time = activity.endsAt ? timeSpan(activity.startsAt, activity.endsAt) : activity.startsAt;
  const when = activity.when;
  if (when.kind === 'once') {
    const weekday = vocabulary[locale].weekdays[(new Date(`${when.date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
    return `${capitalise(weekday, locale)} ${formatDate(when.date, locale)} ${say.at(time)}`;
  }
  const validity = describeValidity(when.validFrom, when.validTo, locale);
  return `${capitalise(describeRecurrence(when.weekday, when.recurrence, locale), locale)} ${say.at(time)}${validity ? `, ${validity}` : ''}`;
}

/** Where an activity is: the offering itself, or the other place's name and address. */
export function describeActivityPlace(activity: Activity): string | null {
  const place = activity.place;
  if (!place) return null;
  const address = [place.address, [place.postcode, place.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return address ? `${place.name}, ${address}` : place.name;
}

const periodText = (period: Period, locale: Locale) =>
  `${timeSpan(period.opens, period.closes)}${period.isUserRun ? scheduleWords[locale].userRunMark : ''}`;

/**
 * One exception as a line: '21. december 2026 til 3. januar 2027: lukket (Juleferie)',
 * '1. juni 2026 til 30. juni 2026: ændrede åbningstider 10:00–14:00 (mandag, onsdag)'.
 */
export function describeException(exception: ScheduleException, locale: Locale = 'da'): string {
  const say = scheduleWords[locale];
  const span =
    exception.from === exception.to
      ? formatDate(exception.from, locale)
      : say.fromTo(formatDate(exception.from, locale), formatDate(exception.to, locale));
  const what =
    exception.kind === 'closed' ? say.closed : exception.kind === 'transition' ? say.reducedBeforeClosing : say.changedHours;
  const periods =
    exception.kind === 'closed'
      ? []
      : exception.periods.map((period) => {
          const days = period.weekdays?.map((day) => vocabulary[locale].weekdays[day - 1] ?? '').join(', ');
          return days ? `${periodText(period, locale)} ${say.onDays(days)}` : periodText(period, locale);
        });
  const text = `${capitalise(span, locale)}: ${[what, ...periods].join(' ')}`;
  return exception.reason ? `${text} – ${exception.reason}` : text;
}

/** A holiday policy as lines: the standard, then each holiday with a rule of its own. */
export function describeHolidayPolicy(policy: HolidayPolicy, locale: Locale = 'da'): string[] {
  const say = scheduleWords[locale];
  return [
    policy.standard === 'closed' ? say.holidaysClosed : say.holidaysRegular,
    ...policy.rules.map((rule) => {
      const what =
        rule.kind === 'closed'
          ? say.closed
          : rule.kind === 'open'
            ? say.regularHours
            : rule.periods.map((period) => periodText(period, locale)).join(', ');
      return `${holidayName(rule.holiday, locale)}: ${what}`;
    }),
  ];
}
