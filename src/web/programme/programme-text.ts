import type { Programme, ProgrammePeriod, ProgrammePlace } from '../../app/get-programme.ts';
import { capitalise } from '../../domain/locale.ts';
import { holidayName } from '../../domain/schedule/holidays.ts';
import { activityKindLabel, describeActivityPlace, staffLabel } from '../../domain/schedule/schedule-text.ts';
import { cityTimeZone, formatDate } from '../../domain/time.ts';
import { addressLine } from '../components/address-line.ts';

/**
 * The words of a printed programme, shared by the HTML page and the PDF so that both say the same
 * (ADR 034). Danish: the programme is for notice boards and waiting rooms in Copenhagen.
 */

const clock = new Intl.DateTimeFormat('da-DK', { timeZone: cityTimeZone, hour: '2-digit', minute: '2-digit' });
const hhmm = (instant: number) => clock.format(instant).replace('.', ':');
const span = (from: number, to: number) => `${hhmm(from)}–${hhmm(to) === '00:00' ? '24:00' : hhmm(to)}`;
const weekday = new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', weekday: 'long' });
const monthYear = new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', month: 'long', year: 'numeric' });

export const programmeWords = {
  kicker: 'Program',
  source: 'Tilbudsvifte København · aktivitets- og samværstilbud',
  wholeCity: 'hele byen',
  week: 'Uge',
  month: 'Måned',
  qrCaption: 'Scan koden for det nyeste program',
  online: (url: string) => `Programmet på nettet: ${url}`,
  printedOn: (date: string) => `Udskrevet ${formatDate(date, 'da')}. Tider kan ændre sig: ring eller se på nettet før du går.`,
  allExample: 'Alle tider og aktiviteter i dette program er eksempeldata (opdigtede eksempler).',
  someExample: 'Tider og aktiviteter mærket «eksempeldata» er opdigtede eksempler.',
  exampleMark: 'eksempeldata',
  empty: (period: string, where: string) => `Der er ingen åbningstider, aktiviteter eller forløb i ${period} (${where}).`,
  nearest: (period: string) => `Det nærmeste med aktiviteter er ${period}.`,
  noNearest: 'Vi har ingen aktiviteter inden for et år herfra. Vælg en anden bydel, eller se hele byen.',
  open: 'Åbent',
  closedWord: 'Ingen åbningstid – kun aktiviteter',
  staffNote: (text: string) => ` (${text.toLocaleLowerCase('da')})`,
  cut: (cut: { after: string; withinDay: boolean }) =>
    `Programmet er for langt til én udskrift, så det stopper ${cut.withinDay ? 'midt i' : 'efter'} ${formatDate(cut.after, 'da')}. Vælg en bydel eller en uge for at få det hele med.`,
  page: (number: number, count: number) => `Side ${number} af ${count}`,
} as const;

export function periodLabel(period: ProgrammePeriod): string {
  if (period.kind === 'maaned') return capitalise(monthYear.format(new Date(`${period.from}T00:00:00Z`)), 'da');
  const week = Number(period.key.slice(6));
  return `Uge ${week}, ${formatDate(period.from, 'da')} til ${formatDate(period.to, 'da')}`;
}

/** «uge 50» or «december 2026», for a sentence. */
export function periodInSentence(period: ProgrammePeriod): string {
  return period.kind === 'maaned'
    ? monthYear.format(new Date(`${period.from}T00:00:00Z`))
    : `uge ${Number(period.key.slice(6))} (${formatDate(period.from, 'da')} til ${formatDate(period.to, 'da')})`;
}

export function whereLabel(programme: Pick<Programme, 'district'>): string {
  return programme.district?.name ?? programmeWords.wholeCity;
}

export function programmeTitle(programme: Pick<Programme, 'district' | 'period'>): string {
  return `Program for ${whereLabel(programme)}: ${periodLabel(programme.period)}`;
}

export function dayLabel(day: Programme['days'][number]): string {
  const date = `${capitalise(weekday.format(new Date(`${day.date}T00:00:00Z`)), 'da')} ${formatDate(day.date, 'da')}`;
  return day.holiday ? `${date} · ${holidayName(day.holiday.key, 'da')}` : date;
}

export function hoursLine(place: ProgrammePlace): string {
  if (place.periods.length === 0) return programmeWords.closedWord;
  return `${programmeWords.open} ${place.periods
    .map((period) => `${span(period.start, period.end)}${period.isUserRun ? programmeWords.staffNote(staffLabel(period, 'da')) : ''}`)
    .join(' og ')}`;
}

export function placeAddress(place: ProgrammePlace): string | null {
  return addressLine(place.offering, 'da');
}

export type ProgrammeItem = { time: string; text: string; isExample: boolean };

/** The activities and course meetings at a place on a day, earliest first. */
export function itemLines(place: ProgrammePlace): ProgrammeItem[] {
  const activities = place.activities.map((item) => {
    const where = describeActivityPlace(item.activity);
    return {
      time: item.activity.endsAt ? span(item.start, item.end) : hhmm(item.start),
      text: [item.activity.name, activityKindLabel(item.activity.kind, 'da'), where ? `Sted: ${where}` : null].filter(Boolean).join(' · '),
      isExample: item.activity.isExample,
    };
  });
  const courses = place.courses.map(({ course, session }) => ({
    time: `${session.startsAt}–${session.endsAt}`,
    text: [`Forløb: ${course.title}`, session.location ? `Sted: ${session.location.name}` : null].filter(Boolean).join(' · '),
    isExample: course.isExample,
  }));
  // «HH:MM» sorts as text.
  return [...activities, ...courses].sort((a, b) => a.time.localeCompare(b.time));
}

export function placeHasExampleHours(place: ProgrammePlace): boolean {
  return place.periods.length > 0 && place.offering.schedule.rules.some((rule) => rule.isExample);
}
