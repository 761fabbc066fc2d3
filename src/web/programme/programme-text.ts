import type { Programme, ProgrammePeriod, ProgrammePlace } from '../../app/get-programme.ts';
import { capitalise, intlLocale, type Locale } from '../../domain/locale.ts';
import { holidayName } from '../../domain/schedule/holidays.ts';
import { activityKindLabel, describeActivityPlace, staffLabel } from '../../domain/schedule/schedule-text.ts';
import { cityTimeZone, formatDate } from '../../domain/time.ts';
import { addressLine } from '../components/address-line.ts';
import type { Segments } from '../i18n/da.ts';
import { programmeText } from '../i18n/programme.ts';

/**
 * The words of a printed programme, shared by the HTML page and the PDF so that both say the same
 * (ADR 034), in Danish or English (`web/i18n/programme.ts`); the places' own texts stay Danish.
 */

const clock = new Intl.DateTimeFormat('da-DK', { timeZone: cityTimeZone, hour: '2-digit', minute: '2-digit' });
const hhmm = (instant: number) => clock.format(instant).replace('.', ':');
const span = (from: number, to: number) => `${hhmm(from)}–${hhmm(to) === '00:00' ? '24:00' : hhmm(to)}`;
const weekday = {
  da: new Intl.DateTimeFormat(intlLocale.da, { timeZone: 'UTC', weekday: 'long' }),
  en: new Intl.DateTimeFormat(intlLocale.en, { timeZone: 'UTC', weekday: 'long' }),
};
const monthYear = {
  da: new Intl.DateTimeFormat(intlLocale.da, { timeZone: 'UTC', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat(intlLocale.en, { timeZone: 'UTC', month: 'long', year: 'numeric' }),
};

/** The Danish words, as before English came (kept for the callers that only print Danish). */
export const programmeWords = programmeText.da;

export function periodLabel(period: ProgrammePeriod, locale: Locale = 'da'): string {
  if (period.kind === 'maaned') return capitalise(monthYear[locale].format(new Date(`${period.from}T00:00:00Z`)), locale);
  return programmeText[locale].weekLabel(Number(period.key.slice(6)), formatDate(period.from, locale), formatDate(period.to, locale));
}

/** «uge 50» or «december 2026», for a sentence. */
export function periodInSentence(period: ProgrammePeriod, locale: Locale = 'da'): string {
  return period.kind === 'maaned'
    ? monthYear[locale].format(new Date(`${period.from}T00:00:00Z`))
    : programmeText[locale].weekInSentence(Number(period.key.slice(6)), formatDate(period.from, locale), formatDate(period.to, locale));
}

export function whereLabel(programme: Pick<Programme, 'district'>, locale: Locale = 'da'): string {
  return programme.district?.name ?? programmeText[locale].wholeCity;
}

export function programmeTitle(programme: Pick<Programme, 'district' | 'period'>, locale: Locale = 'da'): string {
  return programmeText[locale].titleFor(whereLabel(programme, locale), periodLabel(programme.period, locale));
}

export function dayLabel(day: Programme['days'][number], locale: Locale = 'da'): string {
  const date = `${capitalise(weekday[locale].format(new Date(`${day.date}T00:00:00Z`)), locale)} ${formatDate(day.date, locale)}`;
  return day.holiday ? `${date} · ${holidayName(day.holiday.key, locale)}` : date;
}

export function hoursLine(place: ProgrammePlace, locale: Locale = 'da'): string {
  const t = programmeText[locale];
  if (place.periods.length === 0) return t.closedWord;
  return `${t.open} ${place.periods
    .map((period) => `${span(period.start, period.end)}${period.isUserRun ? ` (${staffLabel(period, locale).toLocaleLowerCase(intlLocale[locale])})` : ''}`)
    .join(` ${t.and} `)}`;
}

export function placeAddress(place: ProgrammePlace, locale: Locale = 'da'): string | null {
  return addressLine(place.offering, locale);
}

/** `segments`: the words with the places' own Danish ones marked (`{ da }`), for a page; `text`: the same as one line, for the PDF. */
export type ProgrammeItem = { time: string; segments: Segments; text: string; isExample: boolean };

const line = (segments: Segments) => segments.map((segment) => (typeof segment === 'string' ? segment : segment.da)).join('');

/** The activities and course meetings at a place on a day, earliest first. */
export function itemLines(place: ProgrammePlace, locale: Locale = 'da'): ProgrammeItem[] {
  const t = programmeText[locale];
  const activities = place.activities.map((item) => {
    const where = describeActivityPlace(item.activity);
    const segments: Segments = [
      { da: item.activity.name },
      ` · ${activityKindLabel(item.activity.kind, locale)}`,
      ...(where ? [` · ${t.placePrefix}`, { da: where }] : []),
    ];
    return {
      time: item.activity.endsAt ? span(item.start, item.end) : hhmm(item.start),
      segments,
      text: line(segments),
      isExample: item.activity.isExample,
    };
  });
  const courses = place.courses.map(({ course, session }) => {
    const segments: Segments = [
      t.coursePrefix,
      { da: course.title },
      ...(session.location ? [` · ${t.placePrefix}`, { da: session.location.name }] : []),
    ];
    return { time: `${session.startsAt}–${session.endsAt}`, segments, text: line(segments), isExample: course.isExample };
  });
  // «HH:MM» sorts as text.
  return [...activities, ...courses].sort((a, b) => a.time.localeCompare(b.time));
}

export function placeHasExampleHours(place: ProgrammePlace): boolean {
  return place.periods.length > 0 && place.offering.schedule.rules.some((rule) => rule.isExample);
}
