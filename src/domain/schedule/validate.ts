import { weekdayNames } from '../vocabulary.ts';
import { addDays, wallMinutes } from '../time.ts';
import { holidayNames, isHolidayKey } from './holidays.ts';
import { type Activity, dateFacts, type Period, type Recurrence, recurs, type Schedule } from './model.ts';

/**
 * The rules a schedule must keep before it is saved. Each problem names the field (a path into the
 * schedule, as the form and the API name it) and says in plain Danish what is wrong. A schedule with
 * problems is not saved at all.
 */
export type ScheduleProblem = { field: string; message: string };

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const dayName = (weekday: number) => weekdayNames[weekday - 1] ?? `dag ${weekday}`;

function checkPeriod(period: Period, field: string, label: string, problems: ScheduleProblem[]): boolean {
  let ok = true;
  for (const key of ['opens', 'closes'] as const) {
    if (!timePattern.test(period[key])) {
      problems.push({
        field: `${field}.${key}`,
        message:
          period[key] === ''
            ? `${label}: skriv ${key === 'opens' ? 'hvornår der åbner' : 'hvornår der lukker'}, fx 09:30.`
            : `${label}: «${period[key]}» er ikke et klokkeslæt. Skriv det som 09:30 (00:00–24:00).`,
      });
      ok = false;
    }
  }
  if (ok && wallMinutes(period.closes) <= wallMinutes(period.opens)) {
    problems.push({
      field: `${field}.closes`,
      message: `${label}: lukketiden ${period.closes} skal ligge efter åbningstiden ${period.opens}. Åbent over midnat skrives som to tidsrum (fx 22:00–24:00 og 00:00–02:00 dagen efter).`,
    });
    ok = false;
  }
  if (!period.isUserRun && !period.isStaffPresent) {
    problems.push({
      field: `${field}.isStaffPresent`,
      message: `${label}: et tidsrum uden personale skal være brugerstyret.`,
    });
    ok = false;
  }
  return ok;
}

const overlaps = (a: Period, b: Period) =>
  wallMinutes(a.opens) < wallMinutes(b.closes) && wallMinutes(b.opens) < wallMinutes(a.closes);

function checkDate(value: string | null, field: string, label: string, problems: ScheduleProblem[]): boolean {
  if (value === null || isCalendarDate(value)) return true;
  problems.push({
    field,
    message: value === '' ? `${label}: skriv en dato, fx 2026-12-24.` : `${label}: «${value}» er ikke en dato. Skriv den som 2026-12-24.`,
  });
  return false;
}

function checkRecurrence(recurrence: Recurrence, field: string, label: string, problems: ScheduleProblem[]): boolean {
  if (recurrence.kind === 'weekly') {
    if (!Number.isInteger(recurrence.interval) || recurrence.interval < 1 || recurrence.interval > 4) {
      problems.push({ field: `${field}.interval`, message: `${label}: vælg hver uge, hver 2., 3. eller 4. uge.` });
      return false;
    }
    if (recurrence.interval > 1 && (recurrence.anchor === null || !isCalendarDate(recurrence.anchor))) {
      problems.push({
        field: `${field}.anchor`,
        message: `${label}: skriv en dato i en uge, hvor der er åbent, så de øvrige uger kan tælles derfra.`,
      });
      return false;
    }
    return true;
  }
  if (![1, 2, 3, 4, 5, -1].includes(recurrence.nth)) {
    problems.push({ field: `${field}.nth`, message: `${label}: vælg 1., 2., 3., 4., 5. eller sidste i måneden.` });
    return false;
  }
  return true;
}

/**
 * The first date from `from` (at most 400 days on, or to `to`) on which a weekday pattern falls;
 * null when it never does in that span.
 */
export function firstOccurrence(
  weekday: number,
  recurrence: Recurrence,
  from: string,
  to: string | null,
): string | null {
  const last = to ?? addDays(from, 400);
  for (let date = from, step = 0; date <= last && step <= 400; date = addDays(date, 1), step++) {
    const facts = dateFacts(date);
    if (facts.weekday === weekday && recurs(recurrence, facts)) return date;
  }
  return null;
}

/** Whether two weekday patterns share a date within both validity spans. */
function coincide(
  a: { weekday: number; recurrence: Recurrence; validFrom: string | null; validTo: string | null },
  b: typeof a,
): boolean {
  if (a.weekday !== b.weekday) return false;
  const from = [a.validFrom, b.validFrom].filter((date) => date !== null).sort().at(-1) ?? '2000-01-03';
  const to = [a.validTo, b.validTo].filter((date) => date !== null).sort()[0] ?? null;
  if (to !== null && to < from) return false;
  const last = to ?? addDays(from, 400);
  for (let date = from, step = 0; date <= last && step <= 400; date = addDays(date, 1), step++) {
    const facts = dateFacts(date);
    if (facts.weekday === a.weekday && recurs(a.recurrence, facts) && recurs(b.recurrence, facts)) return true;
  }
  return false;
}

export function validateSchedule(schedule: Schedule): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const sound: number[] = [];
  schedule.rules.forEach((rule, index) => {
    const field = `rules.${index}`;
    const label = `Åbningstid ${index + 1} (${dayName(rule.weekday)})`;
    let ok = true;
    if (!Number.isInteger(rule.weekday) || rule.weekday < 1 || rule.weekday > 7) {
      problems.push({ field: `${field}.weekday`, message: `Åbningstid ${index + 1}: vælg en ugedag.` });
      ok = false;
    }
    ok = checkPeriod(rule, field, label, problems) && ok;
    ok = checkDate(rule.validFrom, `${field}.validFrom`, label, problems) && ok;
    ok = checkDate(rule.validTo, `${field}.validTo`, label, problems) && ok;
    if (ok && rule.validFrom && rule.validTo && rule.validTo < rule.validFrom) {
      problems.push({
        field: `${field}.validTo`,
        message: `${label}: gyldig til (${rule.validTo}) ligger før gyldig fra (${rule.validFrom}).`,
      });
      ok = false;
    }
    ok = checkRecurrence(rule.recurrence, `${field}.recurrence`, label, problems) && ok;
    if (ok && firstOccurrence(rule.weekday, rule.recurrence, rule.validFrom ?? '2000-01-03', rule.validTo) === null) {
      problems.push({
        field: `${field}.recurrence`,
        message: `${label}: mønsteret falder aldrig på en dag i gyldighedsperioden. Ret ugedagen, mønsteret eller perioden.`,
      });
      ok = false;
    }
    if (ok) sound.push(index);
  });
  for (const [position, index] of sound.entries()) {
    for (const other of sound.slice(position + 1)) {
      const a = schedule.rules[index]!;
      const b = schedule.rules[other]!;
      if (overlaps(a, b) && coincide(a, b)) {
        problems.push({
          field: `rules.${other}.opens`,
          message: `Åbningstid ${other + 1} (${dayName(b.weekday)} ${b.opens}–${b.closes}) overlapper åbningstid ${index + 1} (${a.opens}–${a.closes}). Slå dem sammen eller ret tiderne.`,
        });
      }
    }
  }

  const validFrom = schedule.rules.some((rule) => rule.validFrom === null)
    ? null
    : (schedule.rules.map((rule) => rule.validFrom!).sort()[0] ?? null);
  const validTo = schedule.rules.some((rule) => rule.validTo === null)
    ? null
    : (schedule.rules.map((rule) => rule.validTo!).sort().at(-1) ?? null);
  const soundExceptions: number[] = [];
  schedule.exceptions.forEach((exception, index) => {
    const field = `exceptions.${index}`;
    const label = `Undtagelse ${index + 1}`;
    let ok = checkDate(exception.from, `${field}.from`, label, problems);
    ok = checkDate(exception.to, `${field}.to`, label, problems) && ok;
    if (ok && exception.to < exception.from) {
      problems.push({ field: `${field}.to`, message: `${label}: slutdatoen ${exception.to} ligger før startdatoen ${exception.from}.` });
      ok = false;
    }
    if (ok && schedule.rules.length > 0 && validFrom !== null && exception.to < validFrom) {
      problems.push({
        field: `${field}.from`,
        message: `${label}: ${exception.from}–${exception.to} ligger før åbningstiderne gælder (fra ${validFrom}).`,
      });
      ok = false;
    }
    if (ok && schedule.rules.length > 0 && validTo !== null && exception.from > validTo) {
      problems.push({
        field: `${field}.from`,
        message: `${label}: ${exception.from}–${exception.to} ligger efter åbningstiderne er ophørt (til ${validTo}).`,
      });
      ok = false;
    }
    if (exception.kind !== 'closed' && exception.periods.length === 0) {
      problems.push({ field: `${field}.periods`, message: `${label}: skriv mindst ét tidsrum, eller vælg «lukket».` });
      ok = false;
    }
    const periodsOk = exception.periods.map((period, periodIndex) =>
      checkPeriod(period, `${field}.periods.${periodIndex}`, `${label}, tidsrum ${periodIndex + 1}`, problems),
    );
    exception.periods.forEach((period, periodIndex) => {
      if (!periodsOk[periodIndex]) return;
      for (let other = periodIndex + 1; other < exception.periods.length; other++) {
        const next = exception.periods[other]!;
        const shareDay =
          period.weekdays === null || next.weekdays === null || period.weekdays.some((day) => next.weekdays!.includes(day));
        if (periodsOk[other] && shareDay && overlaps(period, next)) {
          problems.push({
            field: `${field}.periods.${other}.opens`,
            message: `${label}: tidsrum ${other + 1} overlapper tidsrum ${periodIndex + 1}.`,
          });
        }
      }
    });
    if (ok) soundExceptions.push(index);
  });
  for (const [position, index] of soundExceptions.entries()) {
    for (const other of soundExceptions.slice(position + 1)) {
      const a = schedule.exceptions[index]!;
      const b = schedule.exceptions[other]!;
      if (a.from <= b.to && b.from <= a.to) {
        problems.push({
          field: `exceptions.${other}.from`,
          message: `Undtagelse ${other + 1} (${b.from}–${b.to}) overlapper undtagelse ${index + 1} (${a.from}–${a.to}). En dag kan kun have én undtagelse.`,
        });
      }
    }
  }

  const seen = new Set<string>();
  schedule.holidays.rules.forEach((rule, index) => {
    const field = `holidays.rules.${index}`;
    if (!isHolidayKey(rule.holiday)) {
      problems.push({
        field: `${field}.holiday`,
        message: `Helligdag ${index + 1}: «${rule.holiday}» er ikke en helligdag. Brug en undtagelse for andre datoer.`,
      });
      return;
    }
    const label = holidayNames[rule.holiday];
    if (seen.has(rule.holiday)) {
      problems.push({ field: `${field}.holiday`, message: `${label} har allerede en regel.` });
    }
    seen.add(rule.holiday);
    if (rule.kind === 'hours' && rule.periods.length === 0) {
      problems.push({ field: `${field}.periods`, message: `${label}: skriv mindst ét tidsrum, eller vælg lukket eller åbent.` });
    }
    const periodsOk = rule.periods.map((period, periodIndex) =>
      checkPeriod(period, `${field}.periods.${periodIndex}`, `${label}, tidsrum ${periodIndex + 1}`, problems),
    );
    rule.periods.forEach((period, periodIndex) => {
      for (let other = periodIndex + 1; other < rule.periods.length; other++) {
        if (periodsOk[periodIndex] && periodsOk[other] && overlaps(period, rule.periods[other]!)) {
          problems.push({
            field: `${field}.periods.${other}.opens`,
            message: `${label}: tidsrum ${other + 1} overlapper tidsrum ${periodIndex + 1}.`,
          });
        }
      }
    });
  });
  return problems;
}

export function validateActivity(activity: Activity, field = 'activity'): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const label = activity.name.trim() ? `«${activity.name.trim()}»` : 'Aktiviteten';
  if (!activity.name.trim()) problems.push({ field: `${field}.name`, message: 'Skriv et navn på aktiviteten.' });
  if (activity.name.length > 200) problems.push({ field: `${field}.name`, message: 'Navnet må højst have 200 tegn.' });
  if ((activity.description ?? '').length > 2000) {
    problems.push({ field: `${field}.description`, message: `${label}: beskrivelsen må højst have 2000 tegn.` });
  }
  for (const key of ['startsAt', 'endsAt'] as const) {
    const value = activity[key];
    if (value !== null && !timePattern.test(value)) {
      problems.push({
        field: `${field}.${key}`,
        message: value === '' ? `${label}: skriv hvornår den begynder, fx 13:00.` : `${label}: «${value}» er ikke et klokkeslæt. Skriv det som 13:00.`,
      });
    }
  }
  if (
    activity.endsAt !== null &&
    timePattern.test(activity.startsAt) &&
    timePattern.test(activity.endsAt) &&
    wallMinutes(activity.endsAt) <= wallMinutes(activity.startsAt)
  ) {
    problems.push({
      field: `${field}.endsAt`,
      message: `${label}: sluttidspunktet ${activity.endsAt} skal ligge efter starttidspunktet ${activity.startsAt}.`,
    });
  }
  const when = activity.when;
  if (when.kind === 'once') {
    checkDate(when.date, `${field}.when.date`, label, problems);
  } else {
    let ok = Number.isInteger(when.weekday) && when.weekday >= 1 && when.weekday <= 7;
    if (!ok) problems.push({ field: `${field}.when.weekday`, message: `${label}: vælg hvilken ugedag den holdes.` });
    ok = checkDate(when.validFrom, `${field}.when.validFrom`, label, problems) && ok;
    ok = checkDate(when.validTo, `${field}.when.validTo`, label, problems) && ok;
    ok = checkRecurrence(when.recurrence, `${field}.when.recurrence`, label, problems) && ok;
    if (ok && when.validFrom && when.validTo && when.validTo < when.validFrom) {
      problems.push({ field: `${field}.when.validTo`, message: `${label}: gyldig til ligger før gyldig fra.` });
      ok = false;
    }
    if (ok && firstOccurrence(when.weekday, when.recurrence, when.validFrom ?? '2000-01-03', when.validTo) === null) {
      problems.push({
        field: `${field}.when.recurrence`,
        message: `${label}: mønsteret falder aldrig på en dag i perioden. Ret ugedagen, mønsteret eller perioden.`,
      });
    }
  }
  if (activity.place !== null && !activity.place.name.trim()) {
    problems.push({ field: `${field}.place.name`, message: `${label}: skriv navnet på stedet, fx «Sundby Bibliotek».` });
  }
  if (activity.place && activity.place.postcode !== null && !/^\d{4}$/.test(activity.place.postcode)) {
    problems.push({ field: `${field}.place.postcode`, message: `${label}: skriv postnummeret med fire cifre, fx 2300.` });
  }
  activity.cancelledOn.forEach((date, index) => {
    checkDate(date, `${field}.cancelledOn.${index}`, `${label}, aflyst dato ${index + 1}`, problems);
  });
  return problems;
}
