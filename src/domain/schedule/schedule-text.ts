import { formatDanishDate } from '../time.ts';
import { weekdayNames } from '../vocabulary.ts';
import type { Activity, ActivityKind, DayHours, OpeningRule, Period, Recurrence } from './model.ts';

/** Schedules in plain Danish: the words pages, the calendar and the feeds share. */

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

/** 'Personale til stede', 'Brugerstyret, uden personale', … */
export function staffLabel(period: Pick<Period, 'isUserRun' | 'isStaffPresent'>): string {
  if (period.isUserRun) return period.isStaffPresent ? 'Brugerstyret, personale til stede' : 'Brugerstyret, uden personale';
  return 'Personale til stede';
}

/** 'hver mandag', 'hver 2. onsdag', '1. torsdag i måneden', 'sidste søndag i måneden'. */
export function describeRecurrence(weekday: number, recurrence: Recurrence): string {
  const day = weekdayNames[weekday - 1] ?? '';
  if (recurrence.kind === 'monthly') {
    return recurrence.nth === -1 ? `sidste ${day} i måneden` : `${recurrence.nth}. ${day} i måneden`;
  }
  return recurrence.interval <= 1 ? `hver ${day}` : `hver ${recurrence.interval}. ${day}`;
}

/** 'fra 1. juni 2026 til 31. august 2026', 'fra 1. september 2026', '' for always. */
export function describeValidity(validFrom: string | null, validTo: string | null): string {
  if (validFrom && validTo) return `fra ${formatDanishDate(validFrom)} til ${formatDanishDate(validTo)}`;
  if (validFrom) return `fra ${formatDanishDate(validFrom)}`;
  if (validTo) return `til ${formatDanishDate(validTo)}`;
  return '';
}

/** One opening rule as a line: 'hver 2. onsdag 17:00–21:00 (brugerstyret), fra 1. juni 2026'. */
export function describeRule(rule: OpeningRule): string {
  const validity = describeValidity(rule.validFrom, rule.validTo);
  return [
    `${describeRecurrence(rule.weekday, rule.recurrence)} ${timeSpan(rule.opens, rule.closes)}${rule.isUserRun ? ' (brugerstyret)' : ''}`,
    validity,
  ]
    .filter(Boolean)
    .join(', ');
}

/** Why a day differs from the usual, or null on an ordinary day: 'Juleaftensdag: særlige åbningstider'. */
export function describeDay(day: DayHours): string | null {
  const source = day.source;
  if (source.kind === 'regular') return null;
  if (source.kind === 'holiday') {
    const what =
      source.rule === 'closed' ? 'lukket' : source.rule === 'open' ? 'almindelige åbningstider' : 'særlige åbningstider';
    return `${source.holiday.name}: ${what}`;
  }
  const exception = source.exception;
  const what =
    exception.kind === 'closed'
      ? 'lukket'
      : exception.kind === 'transition'
        ? 'nedsatte åbningstider før lukningen'
        : 'ændrede åbningstider';
  return exception.reason ? `${exception.reason}: ${what}` : capitalise(what);
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('da') + text.slice(1);

/** 'Hver tirsdag kl. 12:00–13:30', 'Torsdag 24. december 2026 kl. 14:00'. */
export function describeActivityWhen(activity: Activity): string {
  const time = activity.endsAt ? timeSpan(activity.startsAt, activity.endsAt) : activity.startsAt;
  const when = activity.when;
  if (when.kind === 'once') {
    const weekday = weekdayNames[(new Date(`${when.date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
    return `${capitalise(weekday)} ${formatDanishDate(when.date)} kl. ${time}`;
  }
  const validity = describeValidity(when.validFrom, when.validTo);
  return `${capitalise(describeRecurrence(when.weekday, when.recurrence))} kl. ${time}${validity ? `, ${validity}` : ''}`;
}

/** Where an activity is: the offering itself, or the other place's name and address. */
export function describeActivityPlace(activity: Activity): string | null {
  const place = activity.place;
  if (!place) return null;
  const address = [place.address, [place.postcode, place.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return address ? `${place.name}, ${address}` : place.name;
}
