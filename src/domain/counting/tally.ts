import { type DayHours, dateFacts, hoursOn, type Schedule } from '../schedule/model.ts';

/**
 * Anonymous visitor tallies (ADR 026): how many visits a place had on a day, counted at the door or at
 * the end of the day. A visit is one person coming in once; a person who comes twice is two visits.
 * Unique users are a different figure (member numbers, not built yet) and never share a word with visits:
 * the words are in `countWords`.
 */

/**
 * The most visits one tally may hold. Copenhagen's largest drop-in places have room for well under a
 * hundred people at a time; with people coming and going over a long day, 400 visits is far beyond any
 * day seen, and a figure above it is a typing error (10,000 for 100, a year for a day).
 */
export const maxVisitsPerTally = 400;

/** A client id: made by the form or the device that counted, so a second send is known as the same tally. */
export const clientIdPattern = /^[A-Za-z0-9-]{8,64}$/;

export type TallyInput = { date: string; visits: string; openAnyway: boolean; clientId: string };

export type TallyProblem = { field: 'date' | 'visits' | 'openAnyway' | 'clientId'; message: string };

export type ValidTally = { date: string; visits: number; openAnyway: boolean; clientId: string };

/** The words for the figures, in one place: visits and unique users are never mixed up. */
export const countWords = {
  visits: 'besøg',
  visitsExplained: 'Besøg: hver gang en person kommer ind, også når det er den samme person igen.',
  method: { tally: 'optælling' },
} as const;

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** Whether the schedule has the place open on the date (any period that day). */
export function openOn(schedule: Schedule, date: string): DayHours & { open: boolean } {
  const day = hoursOn(schedule, dateFacts(date));
  return { ...day, open: day.periods.length > 0 };
}

/**
 * Checks a tally against the calendar and the schedule: a real date, not in the future, a whole number
 * of visits from 0 to the ceiling, and, for a day the schedule has the place closed, the person's
 * confirmation that it was open anyway. `today` is the Copenhagen date now.
 */
export function validateTally(input: TallyInput, context: { today: string; schedule: Schedule }): { ok: true; tally: ValidTally } | { ok: false; problems: TallyProblem[] } {
  const problems: TallyProblem[] = [];
  if (!clientIdPattern.test(input.clientId)) {
    problems.push({ field: 'clientId', message: 'Optællingen mangler sit løbenummer. Hent siden igen, og tast tallet en gang til.' });
  }
  const date = input.date.trim();
  let dateOk = false;
  if (!date) problems.push({ field: 'date', message: 'Skriv hvilken dag, I har talt.' });
  else if (!isDate(date)) problems.push({ field: 'date', message: 'Skriv dagen som år-måned-dag, fx 2026-11-23.' });
  else if (date > context.today) problems.push({ field: 'date', message: 'Dagen er ikke kommet endnu. Man kan kun tælle besøg på en dag, der er gået eller er i dag.' });
  else dateOk = true;

  const text = input.visits.trim();
  let visits = 0;
  if (!text) problems.push({ field: 'visits', message: 'Skriv hvor mange besøg, I havde. Skriv 0, hvis ingen kom.' });
  else if (!/^-?\d+$/.test(text)) problems.push({ field: 'visits', message: 'Skriv antallet af besøg som et helt tal, fx 12.' });
  else {
    visits = Number(text);
    if (visits < 0) problems.push({ field: 'visits', message: 'Antallet af besøg kan ikke være under 0.' });
    else if (visits > maxVisitsPerTally) {
      problems.push({
        field: 'visits',
        message: `${visits} besøg på én dag er mere, end noget sted har plads til (højst ${maxVisitsPerTally}). Tjek tallet; er det flere dage lagt sammen, så tast hver dag for sig.`,
      });
    }
  }

  if (dateOk && !openOn(context.schedule, date).open && !input.openAnyway && visits > 0) {
    problems.push({
      field: 'openAnyway',
      message: 'Ifølge åbningstiderne havde stedet lukket den dag. Sæt kryds i «Vi havde åbent alligevel», hvis I havde besøg den dag, eller ret datoen.',
    });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, tally: { date, visits, openAnyway: input.openAnyway, clientId: input.clientId } };
}

export type StoredTally = { id: string; clientId: string; date: string; visits: number; openAnyway: boolean; registeredByName: string; registeredAt: Date };

/** A figure with where it comes from (ADR 026): without provenance it cannot be shown. */
export type UsageFigure = {
  offeringId: string;
  from: string;
  to: string;
  measure: 'visits';
  method: 'tally';
  value: number;
  /** Days with at least one tally, and days the schedule had the place open, in the period. */
  coverage: { daysCounted: number; daysOpen: number };
  /** Who registered the tallies and when the last one came. */
  registeredBy: string[];
  lastRegisteredAt: Date | null;
};

/**
 * Visits in a period from its tallies, with provenance. Two tallies of the same day (two devices, two
 * people) are added: each is a count of the visits its person saw, and each is listed with who sent it.
 */
export function visitsFigure(offeringId: string, tallies: readonly StoredTally[], schedule: Schedule, from: string, to: string, datesBetween: (from: string, to: string) => string[]): UsageFigure {
  const inPeriod = tallies.filter((tally) => tally.date >= from && tally.date <= to);
  const daysOpen = datesBetween(from, to).filter((date) => openOn(schedule, date).open).length;
  const counted = new Set(inPeriod.map((tally) => tally.date));
  const last = inPeriod.reduce<Date | null>((latest, tally) => (!latest || tally.registeredAt > latest ? tally.registeredAt : latest), null);
  return {
    offeringId,
    from,
    to,
    measure: 'visits',
    method: 'tally',
    value: inPeriod.reduce((sum, tally) => sum + tally.visits, 0),
    coverage: { daysCounted: counted.size, daysOpen },
    registeredBy: [...new Set(inPeriod.map((tally) => tally.registeredByName))].sort(),
    lastRegisteredAt: last,
  };
}

/** A month's figure as those who answer for the place judged it (ADR 026). */
export type MonthReview = {
  id: string;
  month: string;
  verdict: 'confirmed' | 'disputed';
  visitsSeen: number;
  comment: string | null;
  reviewedByName: string;
  reviewedAt: Date;
};

export const maxReviewComment = 2000;

/** The first and last date of a month 'YYYY-MM'. */
export function monthSpan(month: string): { from: string; to: string } {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * Checks a confirmation or dispute of a month's figure: a month that has ended, a verdict, and for a
 * dispute a comment saying what is wrong (it stays on the report until the figure is confirmed).
 */
export function validateReview(
  input: { month: string; verdict: string; comment: string },
  today: string,
): { ok: true; review: { month: string; verdict: 'confirmed' | 'disputed'; comment: string | null } } | { ok: false; problems: { field: 'month' | 'verdict' | 'comment'; message: string }[] } {
  const problems: { field: 'month' | 'verdict' | 'comment'; message: string }[] = [];
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.month)) problems.push({ field: 'month', message: 'Vælg den måned, du bekræfter eller gør indsigelse mod.' });
  else if (input.month >= today.slice(0, 7)) problems.push({ field: 'month', message: 'Måneden er ikke slut endnu. Et månedstal kan bekræftes, når måneden er gået.' });
  if (input.verdict !== 'confirmed' && input.verdict !== 'disputed') problems.push({ field: 'verdict', message: 'Vælg om tallet er rigtigt, eller om I er uenige i det.' });
  const comment = input.comment.trim();
  if (input.verdict === 'disputed' && !comment) problems.push({ field: 'comment', message: 'Skriv hvad der er forkert ved tallet, fx hvor mange besøg I selv har talt, og hvordan.' });
  if (comment.length > maxReviewComment) problems.push({ field: 'comment', message: `Kommentaren er for lang: højst ${maxReviewComment} tegn.` });
  if (problems.length) return { ok: false, problems };
  return { ok: true, review: { month: input.month, verdict: input.verdict as 'confirmed' | 'disputed', comment: comment || null } };
}
