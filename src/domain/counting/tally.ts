import { type Activity, activityOn, type DateFacts, type DayHours, dateFacts, hoursOn, type Schedule } from '../schedule/model.ts';
import { formatDanishDate } from '../time.ts';

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

/**
 * What one tally covers (ADR 028): the whole day, one opening period of the day, or one activity on the
 * day. The offering chooses; a day is counted in one unit only, so no visit is counted twice.
 */
export type CountUnit = 'day' | 'period' | 'activity';
export const countUnits: readonly CountUnit[] = ['day', 'period', 'activity'];

/**
 * The optional breakdowns (ADR 028) with their fixed categories. A tally stores only a number per
 * category, and the numbers of one breakdown never add up to more than the tally's visits: visitors who
 * were not asked, or did not answer, are in no category.
 */
export const breakdownKinds = {
  returning: { label: 'Nye og kendte', categories: { new: 'Nye', returning: 'Kendte' } },
  age: { label: 'Alder', categories: { under30: 'Under 30 år', from30to49: '30–49 år', from50to64: '50–64 år', from65: '65 år og derover' } },
  gender: { label: 'Køn', categories: { woman: 'Kvinder', man: 'Mænd', other: 'Andet eller ønsker ikke at svare' } },
  language: { label: 'Sprog', categories: { danish: 'Talte dansk', other: 'Talte et andet sprog' } },
} as const;
export type BreakdownKind = keyof typeof breakdownKinds;
export const breakdownKindList = Object.keys(breakdownKinds) as BreakdownKind[];
/** Counts per category of each breakdown given, e.g. { age: { under30: 3, from30to49: 5 } }. */
export type Breakdown = Partial<Record<BreakdownKind, Record<string, number>>>;
/** The form field of a breakdown's category: 'b.age.under30'. */
export const breakdownField = (kind: BreakdownKind, category: string) => `b.${kind}.${category}`;

/** How an offering counts (ADR 028). Without settings: per day, no breakdowns, no member numbers. */
export type CountSettings = { unit: CountUnit; breakdowns: BreakdownKind[]; memberNumbers: boolean };
export const defaultCountSettings: CountSettings = { unit: 'day', breakdowns: [], memberNumbers: false };

export type TallyInput = {
  date: string;
  visits: string;
  openAnyway: boolean;
  clientId: string;
  /** The unit the form was drawn with; a tally from before ADR 028 (no unit) is a day tally. */
  unit?: string;
  /** For a period tally: 'HH:MM-HH:MM'. */
  period?: string;
  /** For an activity tally: the activity's id. */
  activity?: string;
  /** Breakdown fields as typed, by field name ('b.age.under30'). */
  breakdown?: Record<string, string>;
};

export type TallyProblem = { field: string; message: string };

export type ValidTally = {
  date: string;
  visits: number;
  openAnyway: boolean;
  clientId: string;
  unit: CountUnit;
  period: { opens: string; closes: string } | null;
  activity: { id: string; name: string } | null;
  breakdown: Breakdown | null;
};

/** The words for the figures, in one place: visits and unique users are never mixed up. */
export const countWords = {
  visits: 'besøg',
  visitsExplained: 'Besøg: hver gang en person kommer ind, også når det er den samme person igen.',
  uniqueMembers: 'forskellige medlemmer',
  uniqueMembersExplained: 'Forskellige medlemmer: hvert medlemskort tælles én gang i perioden, uanset hvor mange gange det er vist. Det er ikke det samme som besøg.',
  courseAttendances: 'fremmøder på forløb',
  measure: { visits: 'besøg', 'unique-members': 'forskellige medlemmer', 'course-attendances': 'fremmøder på forløb' },
  method: { tally: 'optælling', 'member-numbers': 'medlemsnumre', 'course-register': 'forløbenes fremmøderegistrering' },
  unit: { day: 'pr. dag', period: 'pr. åbningsperiode', activity: 'pr. aktivitet' },
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
export function validateTally(
  input: TallyInput,
  context: { today: string; schedule: Schedule; activities?: readonly Activity[] },
): { ok: true; tally: ValidTally } | { ok: false; problems: TallyProblem[] } {
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

  const visitsOk = !problems.some((problem) => problem.field === 'visits');
  const unit = (input.unit ?? 'day') as CountUnit;
  let period: ValidTally['period'] = null;
  let activity: ValidTally['activity'] = null;
  if (!countUnits.includes(unit)) {
    problems.push({ field: 'visits', message: 'Formularen er forældet. Hent siden igen, og tast tallet en gang til.' });
  } else if (unit === 'period') {
    const checked = checkPeriod(input.period ?? '', date, dateOk, input.openAnyway, context.schedule);
    if ('problem' in checked) problems.push({ field: 'period', message: checked.problem });
    else period = checked.period;
  } else if (unit === 'activity') {
    const checked = checkActivity(input.activity ?? '', date, dateOk, context.schedule, context.activities ?? []);
    if ('problem' in checked) problems.push({ field: 'activity', message: checked.problem });
    else activity = checked.activity;
  }
  const breakdown = checkBreakdown(input.breakdown ?? {}, visitsOk ? visits : null, problems);

  // An activity elsewhere, or planned for that date, takes place also on a day the place itself is closed.
  const activityThatDay = unit === 'activity' && activity !== null;
  if (dateOk && !activityThatDay && !openOn(context.schedule, date).open && !input.openAnyway && visits > 0) {
    problems.push({
      field: 'openAnyway',
      message: 'Ifølge åbningstiderne havde stedet lukket den dag. Sæt kryds i «Vi havde åbent alligevel», hvis I havde besøg den dag, eller ret datoen.',
    });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, tally: { date, visits, openAnyway: input.openAnyway, clientId: input.clientId, unit, period, activity, breakdown } };
}

const periodPattern = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/;

/** The opening periods the schedule can have on some day, for the form's choice: from the rules and the exceptions. */
export function periodChoices(schedule: Schedule): { opens: string; closes: string }[] {
  const all = [...schedule.rules, ...schedule.exceptions.flatMap((exception) => exception.periods), ...schedule.holidays.rules.flatMap((rule) => rule.periods)];
  const seen = new Map(all.map((period) => [`${period.opens}-${period.closes}`, { opens: period.opens, closes: period.closes }]));
  return [...seen.values()].sort((a, b) => a.opens.localeCompare(b.opens) || a.closes.localeCompare(b.closes));
}

function checkPeriod(text: string, date: string, dateOk: boolean, openAnyway: boolean, schedule: Schedule): { period: { opens: string; closes: string } } | { problem: string } {
  const match = periodPattern.exec(text.trim());
  if (!match) return { problem: 'Vælg hvilken åbningsperiode, I har talt.' };
  const period = { opens: match[1]!, closes: match[2]! };
  if (!dateOk) return { period };
  const day = openOn(schedule, date);
  if (day.periods.some((open) => open.opens === period.opens && open.closes === period.closes)) return { period };
  // A day the schedule has the place closed: the period is what the person says, once they confirm the
  // place was open anyway (asked for below, with the day's other checks).
  if (!day.open && (!openAnyway || period.opens < period.closes)) return { period };
  const periods = day.periods.map((open) => `${open.opens}–${open.closes}`);
  return {
    problem: day.open
      ? `Stedet havde ikke åbent ${period.opens}–${period.closes} den ${formatDanishDate(date)}. Den dag var åbningstiderne ${periods.join(' og ')}. Vælg en af dem, eller ret datoen.`
      : 'Perioden skal slutte, efter den begynder. Vælg en anden periode.',
  };
}

function checkActivity(id: string, date: string, dateOk: boolean, schedule: Schedule, activities: readonly Activity[]): { activity: { id: string; name: string } } | { problem: string } {
  if (!id.trim()) return { problem: 'Vælg hvilken aktivitet, I har talt.' };
  const found = activities.find((activity) => activity.id === id.trim());
  if (!found) return { problem: 'Aktiviteten findes ikke længere i stedets program. Hent siden igen, og vælg en af de aktiviteter, der er nu.' };
  if (dateOk) {
    const facts = dateFacts(date);
    if (!activityOn(found, facts, hoursOn(schedule, facts))) {
      const that = activities.filter((activity) => activityOn(activity, facts, hoursOn(schedule, facts))).map((activity) => `«${activity.name}»`);
      return {
        problem: `«${found.name}» var ikke på programmet den ${formatDanishDate(date)}. ${
          that.length ? `Den dag var der ${that.join(', ')}. Vælg en af dem, eller ret datoen.` : 'Der var ingen aktiviteter den dag. Ret datoen.'
        }`,
      };
    }
  }
  return { activity: { id: found.id, name: found.name } };
}

/**
 * Reads the breakdown fields: a whole number of 0 or more per category, a blank for not counted, and per
 * breakdown no more than the tally's visits in all. Only breakdowns with a number are kept.
 */
function checkBreakdown(fields: Record<string, string>, visits: number | null, problems: TallyProblem[]): Breakdown | null {
  const result: Breakdown = {};
  for (const kind of breakdownKindList) {
    const categories = Object.keys(breakdownKinds[kind].categories);
    const counts: Record<string, number> = {};
    let broken = false;
    for (const category of categories) {
      const text = (fields[breakdownField(kind, category)] ?? '').trim();
      if (!text) continue;
      if (!/^\d+$/.test(text) || Number(text) > maxVisitsPerTally) {
        problems.push({ field: `b-${kind}-${category}`, message: `Skriv ${breakdownKinds[kind].label.toLowerCase()} som hele tal fra 0 og op, fx 3, eller lad feltet stå tomt.` });
        broken = true;
        break;
      }
      counts[category] = Number(text);
    }
    if (broken || Object.keys(counts).length === 0) continue;
    const sum = Object.values(counts).reduce((total, count) => total + count, 0);
    if (visits !== null && sum > visits) {
      problems.push({
        field: `b-${kind}-${categories[0]}`,
        message: `Tallene for ${breakdownKinds[kind].label.toLowerCase()} er tilsammen ${sum}, men der var kun ${visits} ${countWords.visits}. Ret tallene, så de højst bliver ${visits}; besøgende, I ikke ved det om, skrives ingen steder.`,
      });
      continue;
    }
    result[kind] = counts;
  }
  return Object.keys(result).length ? result : null;
}

/** Checks the counting settings a place chooses (ADR 028). */
export function validateCountSettings(input: { unit: string; breakdowns: string[]; memberNumbers: boolean }): { ok: true; settings: CountSettings } | { ok: false; problems: TallyProblem[] } {
  const problems: TallyProblem[] = [];
  if (!countUnits.includes(input.unit as CountUnit)) problems.push({ field: 'unit-1', message: 'Vælg om I tæller hele dagen, hver åbningsperiode eller hver aktivitet.' });
  const unknown = input.breakdowns.filter((kind) => !breakdownKindList.includes(kind as BreakdownKind));
  if (unknown.length) problems.push({ field: 'breakdowns-1', message: 'Vælg opdelinger fra listen.' });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    settings: { unit: input.unit as CountUnit, breakdowns: breakdownKindList.filter((kind) => input.breakdowns.includes(kind)), memberNumbers: input.memberNumbers },
  };
}

export type StoredTally = {
  id: string;
  clientId: string;
  date: string;
  visits: number;
  openAnyway: boolean;
  registeredByName: string;
  registeredAt: Date;
  /** What the tally covers (ADR 028); a day tally when not said. */
  unit?: CountUnit;
  period?: { opens: string; closes: string } | null;
  activity?: { id: string; name: string } | null;
  breakdown?: Breakdown | null;
  /** A correction (ADR 028): the version it corrects, whether it withdraws the tally, and why. */
  supersedes?: string | null;
  withdrawn?: boolean;
  reason?: string | null;
};

export const maxCorrectionReason = 500;

/**
 * Checks a correction of a tally (ADR 028): the same checks as a new tally (a real day, not in the future,
 * 0 to the ceiling, «open anyway» on a closed day), in the unit the tally was counted in, and a reason. A
 * withdrawal needs only the reason. A correction that changes nothing is refused.
 */
export function validateCorrection(
  input: TallyInput & { reason: string; withdraw: boolean },
  current: StoredTally,
  context: { today: string; schedule: Schedule; activities?: readonly Activity[] },
): { ok: true; correction: (ValidTally & { withdrawn: false }) | { withdrawn: true; clientId: string }; reason: string } | { ok: false; problems: TallyProblem[] } {
  const problems: TallyProblem[] = [];
  const reason = input.reason.trim();
  if (!reason) problems.push({ field: 'reason', message: 'Skriv hvorfor optællingen rettes, fx «tastet 45 for 4».' });
  else if (reason.length > maxCorrectionReason) problems.push({ field: 'reason', message: `Begrundelsen er for lang: højst ${maxCorrectionReason} tegn.` });
  if (input.withdraw) {
    if (!clientIdPattern.test(input.clientId)) problems.push({ field: 'reason', message: 'Rettelsen mangler sit løbenummer. Hent siden igen, og prøv en gang til.' });
    if (problems.length) return { ok: false, problems };
    return { ok: true, correction: { withdrawn: true, clientId: input.clientId }, reason };
  }
  const checked = validateTally({ ...input, unit: current.unit ?? 'day' }, context);
  if (!checked.ok) return { ok: false, problems: [...checked.problems, ...problems] };
  const next = checked.tally;
  const same =
    next.date === current.date &&
    next.visits === current.visits &&
    next.openAnyway === current.openAnyway &&
    JSON.stringify(next.period) === JSON.stringify(current.period ?? null) &&
    (next.activity?.id ?? null) === (current.activity?.id ?? null) &&
    JSON.stringify(next.breakdown ?? null) === JSON.stringify(current.breakdown ?? null);
  if (same) problems.push({ field: 'visits', message: 'Du har ikke ændret noget. Ret tallet eller dagen, eller træk optællingen tilbage.' });
  if (problems.length) return { ok: false, problems };
  return { ok: true, correction: { ...next, withdrawn: false }, reason };
}

/**
 * The tallies with their history (ADR 028): for every tally, its latest version and the earlier ones, oldest
 * first. `versions` is every row of some tallies, corrections included; a version whose predecessor is not
 * among them starts its own chain.
 */
export function tallyHistories<T extends StoredTally>(versions: readonly T[]): { current: T; earlier: T[] }[] {
  const byId = new Map(versions.map((version) => [version.id, version]));
  const next = new Map<string, T>();
  for (const version of versions) if (version.supersedes && byId.has(version.supersedes)) next.set(version.supersedes, version);
  const histories: { current: T; earlier: T[] }[] = [];
  for (const first of versions) {
    if (first.supersedes && byId.has(first.supersedes)) continue;
    const chain = [first];
    for (let later = next.get(first.id); later; later = next.get(later.id)) chain.push(later);
    histories.push({ current: chain.at(-1)!, earlier: chain.slice(0, -1) });
  }
  return histories;
}

/**
 * A figure with where it comes from (ADR 026): without provenance it cannot be shown. The measure says
 * what is counted ('visits', 'unique-members' from member numbers, 'course-attendances' from the course
 * register, ADR 028) and is never shown under another measure's word.
 */
export type UsageFigure = {
  offeringId: string;
  from: string;
  to: string;
  measure: 'visits' | 'unique-members' | 'course-attendances';
  method: 'tally' | 'member-numbers' | 'course-register';
  value: number;
  /** Days with at least one tally, and days the schedule had the place open, in the period. */
  coverage: { daysCounted: number; daysOpen: number };
  /** Who registered the tallies and when the last one came. */
  registeredBy: string[];
  lastRegisteredAt: Date | null;
  /** Visits: what the tallies in the period covered (each day in one unit, ADR 028). */
  countedBy?: CountUnit[];
  /**
   * Visits: per breakdown, the visits of the tallies that gave it, and the counts per category among them
   * (numbers only; categories can add up to less than `visits`, never more).
   */
  breakdowns?: Partial<Record<BreakdownKind, { visits: number; categories: Record<string, number> }>>;
};

/**
 * What a period's tallies add up to, before the schedule is asked how many days the place was open: the part
 * of the visits figure storage can sum for a city-year without sending a million rows (ADR 029).
 */
export type TallySum = {
  offeringId: string;
  from: string;
  to: string;
  visits: number;
  /** Different dates with at least one tally. */
  daysCounted: number;
  /** Who registered the tallies, each name once, in code-unit order. */
  registeredBy: string[];
  lastRegisteredAt: Date | null;
  /** The units the tallies were counted in, in `countUnits` order. */
  countedBy: CountUnit[];
  breakdowns: NonNullable<UsageFigure['breakdowns']>;
};

/**
 * The sum of the tallies in a period. Two tallies of the same day (two devices, two people) are added: each is
 * a count of the visits its person saw, and each is listed with who sent it. Storage's `tallySums` gives the
 * same sums in SQL; a property test holds the two together.
 */
export function sumTallies(offeringId: string, tallies: readonly StoredTally[], from: string, to: string): TallySum {
  const inPeriod = tallies.filter((tally) => tally.date >= from && tally.date <= to);
  const last = inPeriod.reduce<Date | null>((latest, tally) => (!latest || tally.registeredAt > latest ? tally.registeredAt : latest), null);
  return {
    offeringId,
    from,
    to,
    visits: inPeriod.reduce((sum, tally) => sum + tally.visits, 0),
    daysCounted: new Set(inPeriod.map((tally) => tally.date)).size,
    registeredBy: [...new Set(inPeriod.map((tally) => tally.registeredByName))].sort(),
    lastRegisteredAt: last,
    countedBy: countUnits.filter((unit) => inPeriod.some((tally) => (tally.unit ?? 'day') === unit)),
    breakdowns: breakdownsOf(inPeriod),
  };
}

/**
 * The days a schedule has the place open in any period within `span`, the schedule read once per date of the span.
 * A report asks for many periods of the same places (the months, the year, a year earlier); `factsOf` is shared
 * by all of them, so each date's weekday and holiday are worked out once for the whole report.
 */
export function openDaysCounter(schedule: Schedule, span: { from: string; to: string }, dates: readonly string[], factsOf: (date: string) => DateFacts): (from: string, to: string) => number {
  const open = dates.filter((date) => date >= span.from && date <= span.to && hoursOn(schedule, factsOf(date)).periods.length > 0);
  // The first index whose date is not before `date`, in the sorted open dates.
  const index = (date: string) => {
    let low = 0;
    let high = open.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (open[middle]! < date) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return (from, to) => {
    if (from < span.from || to > span.to) throw new RangeError(`${from}–${to} is outside the span ${span.from}–${span.to}`);
    return index(`${to}\uffff`) - index(from);
  };
}

/** Visits in a period from its tallies' sum, with provenance: how many of the `daysOpen` were counted, by whom, when. */
export function visitsFigureOf(sum: TallySum, daysOpen: number): UsageFigure {
  return {
    offeringId: sum.offeringId,
    from: sum.from,
    to: sum.to,
    measure: 'visits',
    method: 'tally',
    value: sum.visits,
    coverage: { daysCounted: sum.daysCounted, daysOpen },
    registeredBy: sum.registeredBy,
    lastRegisteredAt: sum.lastRegisteredAt,
    countedBy: sum.countedBy,
    breakdowns: sum.breakdowns,
  };
}

/** Visits in a period from its tallies, with provenance (one offering's page; a report reads sums instead). */
export function visitsFigure(offeringId: string, tallies: readonly StoredTally[], schedule: Schedule, from: string, to: string, datesBetween: (from: string, to: string) => string[]): UsageFigure {
  const daysOpen = datesBetween(from, to).filter((date) => openOn(schedule, date).open).length;
  return visitsFigureOf(sumTallies(offeringId, tallies, from, to), daysOpen);
}

function breakdownsOf(tallies: readonly StoredTally[]): NonNullable<UsageFigure['breakdowns']> {
  const result: NonNullable<UsageFigure['breakdowns']> = {};
  for (const tally of tallies) {
    for (const kind of breakdownKindList) {
      const counts = tally.breakdown?.[kind];
      if (!counts) continue;
      const entry = result[kind] ?? { visits: 0, categories: {} };
      result[kind] = entry;
      entry.visits += tally.visits;
      for (const [category, count] of Object.entries(counts)) entry.categories[category] = (entry.categories[category] ?? 0) + count;
    }
  }
  return result;
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
