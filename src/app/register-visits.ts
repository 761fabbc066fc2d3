import type { Principal } from '../domain/access/policy.ts';
import { type CourseMeetingFacts, checkMemberNumber, courseAttendanceFigure, memberHash, newMemberKey, type StoredMemberVisit, uniqueMembersFigure } from '../domain/counting/members.ts';
import {
  type CountSettings,
  type CountUnit,
  countWords,
  defaultCountSettings,
  type MonthReview,
  monthSpan,
  type StoredTally,
  type TallyInput,
  type TallyProblem,
  type UsageFigure,
  validateCountSettings,
  validateReview,
  validateCorrection,
  validateTally,
  type TallySum,
  visitsFigure,
  visitsFigureOf,
  openDaysCounter,
} from '../domain/counting/tally.ts';
import { type Activity, type DateFacts, dateFacts, datesFrom, type Schedule } from '../domain/schedule/model.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { AuditEntry } from './audit.ts';

/** Visitor tallies on a database (ADR 026). */
export type VisitCountStore = {
  /**
   * Adds the tally and its audit entry in one transaction, unless a tally with the same client id is
   * already there: then nothing is written and 'duplicate' is returned, so a retry never counts twice.
   * A day already counted in another unit (ADR 028) is refused with that unit, and nothing is written.
   */
  add(tally: StoredTally & { offeringId: string; registeredBy: string }, audit: AuditEntry): Promise<'added' | 'duplicate' | { otherUnit: CountUnit }>;
  /** How the offering counts; null when it never chose (per day, no breakdowns, no member numbers). */
  settings(offeringId: string): Promise<(CountSettings & { memberKey: string; updatedByName: string; updatedAt: Date }) | null>;
  /** Saves the settings with their audit entry; the member numbers' key is made the first time and then kept. */
  saveSettings(offeringId: string, settings: CountSettings & { memberKey: string; updatedByName: string; updatedAt: Date }, audit: AuditEntry): Promise<void>;
  /** Adds a member card seen on a day, audited; the same card on the same day again is 'duplicate'. */
  addMemberVisit(
    visit: { id: string; offeringId: string; date: string; memberHash: string; registeredBy: string; registeredByName: string; registeredAt: Date },
    audit: AuditEntry,
  ): Promise<'added' | 'duplicate'>;
  memberVisitsOf(offeringIds: readonly string[], from: string, to: string): Promise<(StoredMemberVisit & { offeringId: string })[]>;
  /**
   * The course register's meetings at the offerings' courses in the period, not cancelled and not after
   * `until`, with the number marked present; and who recorded attendance (from the audit log) and when.
   */
  courseMeetingsOf(
    offeringIds: readonly string[],
    from: string,
    to: string,
  ): Promise<{ offeringId: string; meetings: CourseMeetingFacts[]; registeredBy: string[]; lastRegisteredAt: Date | null }[]>;
  /** An offering's tallies between two dates (both included), oldest day first. */
  tallies(offeringId: string, from: string, to: string): Promise<StoredTally[]>;
  /**
   * What the current tallies of several offerings add up to in each of several periods (`sumTallies` in SQL):
   * one per offering and period with at least one tally. The query for planning and the reports (ADR 029).
   */
  tallySums(offeringIds: readonly string[], periods: readonly { from: string; to: string }[]): Promise<TallySum[]>;
  /** An offering's tallies between two dates with every version: corrected, superseded and withdrawn (ADR 028). */
  versions(offeringId: string, from: string, to: string): Promise<StoredTally[]>;
  /** One version of one of the offering's tallies, or null. */
  version(offeringId: string, id: string): Promise<StoredTally | null>;
  /**
   * Adds a correction of the version `supersedes` with its audit entry, in one transaction. Nothing is written
   * when that version was corrected since ('stale', with the latest version), when the client id is there
   * already ('duplicate'), or when the new day is counted in another unit.
   */
  correct(
    correction: StoredTally & { offeringId: string; registeredBy: string; supersedes: string; withdrawn: boolean; reason: string },
    audit: AuditEntry,
  ): Promise<'corrected' | 'duplicate' | { stale: StoredTally } | { otherUnit: CountUnit }>;
  /** Adds a confirmation or dispute of a month with its audit entry; earlier ones stay as history. */
  addReview(review: MonthReview & { offeringId: string; reviewedBy: string }, audit: AuditEntry): Promise<void>;
  /** An offering's reviews of a month, oldest first: the last is the month's state. */
  reviews(offeringId: string, month: string): Promise<MonthReview[]>;
};

export type RegisterOutcome = { kind: 'added' | 'duplicate'; visits: number; date: string } | { kind: 'invalid'; problems: TallyProblem[] };

/** Checks and stores one tally of visits for an offering, audited; a second send of the same tally is no new count. */
export async function registerVisits(deps: {
  store: VisitCountStore;
  now: Date;
  offering: { id: string; name: string };
  schedule: Schedule;
  /** The offering's activities, for a tally per activity (ADR 028). */
  activities?: readonly Activity[];
  input: TallyInput;
  principal: Principal;
  source: string;
}): Promise<RegisterOutcome> {
  const checked = validateTally(deps.input, { today: copenhagenDate(deps.now), schedule: deps.schedule, activities: deps.activities ?? [] });
  if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
  const { tally } = checked;
  const id = crypto.randomUUID();
  const result = await deps.store.add(
    {
      id,
      clientId: tally.clientId,
      offeringId: deps.offering.id,
      date: tally.date,
      visits: tally.visits,
      openAnyway: tally.openAnyway,
      unit: tally.unit,
      period: tally.period,
      activity: tally.activity,
      breakdown: tally.breakdown,
      registeredBy: deps.principal.accountId,
      registeredByName: deps.principal.name,
      registeredAt: deps.now,
    },
    {
      at: deps.now,
      actorId: deps.principal.accountId,
      actorName: deps.principal.name,
      action: 'count.register',
      resourceType: 'offering',
      resourceId: deps.offering.id,
      summary: `${tally.visits} besøg den ${tally.date}${what(tally)} talt for ${deps.offering.name}${tally.openAnyway ? ' (åbent uden for åbningstiderne)' : ''}.`,
      detail: { tally: id, clientId: tally.clientId, date: tally.date, visits: tally.visits, openAnyway: tally.openAnyway, unit: tally.unit, period: tally.period, activity: tally.activity, breakdown: tally.breakdown },
      source: deps.source,
    },
  );
  if (typeof result === 'object') {
    return {
      kind: 'invalid',
      problems: [
        {
          field: tally.unit === 'period' ? 'period' : tally.unit === 'activity' ? 'activity' : 'visits',
          message: `Den ${tally.date} er allerede talt ${countWords.unit[result.otherUnit]}. En dag tælles kun på én måde, så ingen besøg tælles to gange. Læg dagens besøg til dér, eller vælg en anden dag.`,
        },
      ],
    };
  }
  return { kind: result, visits: tally.visits, date: tally.date };
}

export type CorrectOutcome =
  | { kind: 'corrected' | 'duplicate'; withdrawn: boolean }
  | { kind: 'invalid'; problems: TallyProblem[] }
  | { kind: 'missing' }
  /** Someone corrected the tally since the form was drawn: the latest version, to show beside what was typed. */
  | { kind: 'stale'; latest: StoredTally };

/**
 * Corrects or withdraws one tally (ADR 028): the version seen is never changed; the correction is a new row
 * that supersedes it, checked as a new tally is, with a reason, audited in the same transaction.
 */
export async function correctTally(deps: {
  store: VisitCountStore;
  now: Date;
  offering: { id: string; name: string };
  schedule: Schedule;
  activities?: readonly Activity[];
  /** The version the person corrected, as the form was drawn with it. */
  tallyId: string;
  input: TallyInput & { reason: string; withdraw: boolean };
  principal: Principal;
  source: string;
}): Promise<CorrectOutcome> {
  const seen = /^[0-9a-f-]{36}$/.test(deps.tallyId) ? await deps.store.version(deps.offering.id, deps.tallyId) : null;
  if (!seen) return { kind: 'missing' };
  if (seen.withdrawn) {
    return { kind: 'invalid', problems: [{ field: 'visits', message: 'Optællingen er trukket tilbage. Skal den tælle med igen, så tast den som en ny optælling.' }] };
  }
  const checked = validateCorrection(deps.input, seen, { today: copenhagenDate(deps.now), schedule: deps.schedule, activities: deps.activities ?? [] });
  if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
  const { correction, reason } = checked;
  const next = correction.withdrawn
    ? { date: seen.date, visits: seen.visits, openAnyway: seen.openAnyway, unit: seen.unit ?? 'day', period: seen.period ?? null, activity: seen.activity ?? null, breakdown: seen.breakdown ?? null }
    : correction;
  const id = crypto.randomUUID();
  const summary = correction.withdrawn
    ? `Optællingen ${seen.visits} besøg den ${seen.date}${what({ period: seen.period ?? null, activity: seen.activity ?? null })} trukket tilbage for ${deps.offering.name}: ${reason}`
    : `Optællingen ${seen.visits} besøg den ${seen.date} rettet til ${next.visits} besøg den ${next.date}${what(next)} for ${deps.offering.name}: ${reason}`;
  const result = await deps.store.correct(
    {
      id,
      clientId: correction.clientId,
      offeringId: deps.offering.id,
      ...next,
      registeredBy: deps.principal.accountId,
      registeredByName: deps.principal.name,
      registeredAt: deps.now,
      supersedes: seen.id,
      withdrawn: correction.withdrawn,
      reason,
    },
    {
      at: deps.now,
      actorId: deps.principal.accountId,
      actorName: deps.principal.name,
      action: 'count.correct',
      resourceType: 'offering',
      resourceId: deps.offering.id,
      summary,
      detail: { tally: id, supersedes: seen.id, withdrawn: correction.withdrawn, before: { date: seen.date, visits: seen.visits }, after: { date: next.date, visits: next.visits }, reason },
      source: deps.source,
    },
  );
  if (result === 'corrected' || result === 'duplicate') return { kind: result, withdrawn: correction.withdrawn };
  if ('stale' in result) return { kind: 'stale', latest: result.stale };
  return {
    kind: 'invalid',
    problems: [{ field: 'date', message: `Den ${next.date} er allerede talt ${countWords.unit[result.otherUnit]}. En dag tælles kun på én måde. Vælg en anden dag.` }],
  };
}

const what = (tally: { period: { opens: string; closes: string } | null; activity: { name: string } | null }) =>
  tally.period ? ` kl. ${tally.period.opens}–${tally.period.closes}` : tally.activity ? ` til «${tally.activity.name}»` : '';

/** The offering's counting settings, or the defaults when it never chose. */
export async function countSettingsOf(store: VisitCountStore, offeringId: string): Promise<CountSettings> {
  const saved = await store.settings(offeringId);
  return saved ? { unit: saved.unit, breakdowns: saved.breakdowns, memberNumbers: saved.memberNumbers } : defaultCountSettings;
}

export type SettingsOutcome = { kind: 'saved'; settings: CountSettings } | { kind: 'invalid'; problems: TallyProblem[] };

/** Saves how an offering counts (ADR 028), audited; the member numbers' key is kept once made. */
export async function saveCountSettings(deps: {
  store: VisitCountStore;
  now: Date;
  offering: { id: string; name: string };
  input: { unit: string; breakdowns: string[]; memberNumbers: boolean };
  principal: Principal;
  source: string;
}): Promise<SettingsOutcome> {
  const checked = validateCountSettings(deps.input);
  if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
  const before = await deps.store.settings(deps.offering.id);
  const { settings } = checked;
  await deps.store.saveSettings(
    deps.offering.id,
    { ...settings, memberKey: before?.memberKey ?? newMemberKey(), updatedByName: deps.principal.name, updatedAt: deps.now },
    {
      at: deps.now,
      actorId: deps.principal.accountId,
      actorName: deps.principal.name,
      action: 'count.settings',
      resourceType: 'offering',
      resourceId: deps.offering.id,
      summary: `Optælling for ${deps.offering.name}: ${countWords.unit[settings.unit]}, opdelinger: ${settings.breakdowns.join(', ') || 'ingen'}, medlemsnumre: ${settings.memberNumbers ? 'ja' : 'nej'}.`,
      detail: { unit: settings.unit, breakdowns: settings.breakdowns, memberNumbers: settings.memberNumbers },
      source: deps.source,
    },
  );
  return { kind: 'saved', settings };
}

export type MemberOutcome = { kind: 'added' | 'duplicate'; date: string } | { kind: 'invalid'; problems: TallyProblem[] };

/**
 * Registers a member card shown on a day (ADR 028): the number's check digit is checked, and only its
 * keyed hash is stored. The same card on the same day counts once.
 */
export async function registerMember(deps: {
  store: VisitCountStore;
  now: Date;
  offering: { id: string; name: string };
  input: { date: string; number: string };
  principal: Principal;
  source: string;
}): Promise<MemberOutcome> {
  const problems: TallyProblem[] = [];
  const settings = await deps.store.settings(deps.offering.id);
  if (!settings?.memberNumbers) return { kind: 'invalid', problems: [{ field: 'memberNumber', message: 'Stedet bruger ikke medlemsnumre. Slå dem til under «Sådan tæller I».' }] };
  const date = deps.input.date.trim();
  const today = copenhagenDate(deps.now);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || !new Date(`${date}T00:00:00Z`).toISOString().startsWith(date)) {
    problems.push({ field: 'memberDate', message: 'Skriv dagen som år-måned-dag, fx 2026-11-23.' });
  } else if (date > today) problems.push({ field: 'memberDate', message: 'Dagen er ikke kommet endnu. Registrér kortet på den dag, det blev vist.' });
  const number = checkMemberNumber(deps.input.number);
  if (!number.ok) problems.push({ field: 'memberNumber', message: number.message });
  if (problems.length || !number.ok) return { kind: 'invalid', problems };
  const id = crypto.randomUUID();
  const result = await deps.store.addMemberVisit(
    {
      id,
      offeringId: deps.offering.id,
      date,
      memberHash: memberHash(settings.memberKey, number.number),
      registeredBy: deps.principal.accountId,
      registeredByName: deps.principal.name,
      registeredAt: deps.now,
    },
    {
      at: deps.now,
      actorId: deps.principal.accountId,
      actorName: deps.principal.name,
      action: 'count.member',
      resourceType: 'offering',
      resourceId: deps.offering.id,
      // The number itself is never written anywhere, also not in the log.
      summary: `Et medlemskort registreret den ${date} for ${deps.offering.name}.`,
      detail: { visit: id, date },
      source: deps.source,
    },
  );
  return { kind: result, date };
}

/**
 * The query for planning (ADR 026): visits per offering in a period, each figure with its method,
 * coverage, who registered it and when. An offering without tallies gives no figure: a figure without
 * provenance cannot be shown. Since ADR 028 an offering may also have a figure of different members
 * ('unique-members', from member numbers) and of course attendances ('course-attendances', from the
 * course register): each is its own figure with its own measure, never added to the visits.
 */
export async function usageOf(
  deps: { store: VisitCountStore; scheduleOf: (offeringId: string) => Promise<Schedule | null> },
  offeringIds: readonly string[],
  period: { from: string; to: string },
): Promise<UsageFigure[]> {
  return (await usageOfPeriods(deps, offeringIds, [period]))[0]!;
}

/**
 * `usageOf` for several periods at once (a report's months and the same months a year earlier): the tallies are
 * summed in storage for every period in one query, so a city-year's million tallies never cross from the
 * database (ADR 029). The member numbers and the course register are read per period, as few as they are.
 */
export async function usageOfPeriods(
  deps: { store: VisitCountStore; scheduleOf: (offeringId: string) => Promise<Schedule | null> },
  offeringIds: readonly string[],
  periods: readonly { from: string; to: string }[],
): Promise<UsageFigure[][]> {
  const [sums, perPeriod] = await Promise.all([
    deps.store.tallySums(offeringIds, periods),
    Promise.all(periods.map((period) => Promise.all([deps.store.memberVisitsOf(offeringIds, period.from, period.to), deps.store.courseMeetingsOf(offeringIds, period.from, period.to)]))),
  ]);
  const sumOf = new Map(sums.map((sum) => [`${sum.offeringId} ${sum.from} ${sum.to}`, sum]));
  // Each date's facts once for the report, each place's open days once for all its periods.
  const span = { from: periods.map((period) => period.from).reduce((a, b) => (a < b ? a : b)), to: periods.map((period) => period.to).reduce((a, b) => (a > b ? a : b)) };
  const dates = datesFrom(span.from, span.to);
  const facts = new Map<string, DateFacts>();
  const factsOf = (date: string) => facts.get(date) ?? facts.set(date, dateFacts(date)).get(date)!;
  const schedules = new Map<string, Promise<{ schedule: Schedule; daysOpen: (from: string, to: string) => number } | null>>();
  const scheduleOf = (offeringId: string) => {
    let known = schedules.get(offeringId);
    if (!known) {
      known = deps.scheduleOf(offeringId).then((schedule) => schedule && { schedule, daysOpen: openDaysCounter(schedule, span, dates, factsOf) });
      schedules.set(offeringId, known);
    }
    return known;
  };
  return Promise.all(
    periods.map(async (period, index) => {
      const [members, courses] = perPeriod[index]!;
      const cardsBy = new Map<string, StoredMemberVisit[]>();
      for (const visit of members) {
        const cards = cardsBy.get(visit.offeringId);
        if (cards) cards.push(visit);
        else cardsBy.set(visit.offeringId, [visit]);
      }
      const courseBy = new Map(courses.map((item) => [item.offeringId, item]));
      const figures: UsageFigure[] = [];
      for (const offeringId of offeringIds) {
        const sum = sumOf.get(`${offeringId} ${period.from} ${period.to}`);
        const cards = cardsBy.get(offeringId) ?? [];
        const known = sum || cards.length ? await scheduleOf(offeringId) : null;
        if (known && sum) figures.push(visitsFigureOf(sum, known.daysOpen(period.from, period.to)));
        if (known && cards.length) figures.push(uniqueMembersFigure(offeringId, cards, known.schedule, period.from, period.to, datesFrom));
        const course = courseBy.get(offeringId);
        const attendance = course && courseAttendanceFigure(offeringId, course.meetings, { by: course.registeredBy, last: course.lastRegisteredAt }, period.from, period.to);
        if (attendance) figures.push(attendance);
      }
      return figures;
    }),
  );
}

export type ReviewOutcome = { kind: 'saved'; verdict: 'confirmed' | 'disputed' } | { kind: 'invalid'; problems: { field: 'month' | 'verdict' | 'comment'; message: string }[] };

/**
 * Those who answer for the place confirm a month's figure of visits, or dispute it with a comment
 * (ADR 026). The figure they saw is kept with the verdict; nothing earlier is overwritten.
 */
export async function reviewMonth(deps: {
  store: VisitCountStore;
  now: Date;
  offering: { id: string; name: string };
  schedule: Schedule;
  input: { month: string; verdict: string; comment: string };
  principal: Principal;
  source: string;
}): Promise<ReviewOutcome> {
  const checked = validateReview(deps.input, copenhagenDate(deps.now));
  if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
  const { review } = checked;
  const span = monthSpan(review.month);
  const figure = visitsFigure(deps.offering.id, await deps.store.tallies(deps.offering.id, span.from, span.to), deps.schedule, span.from, span.to, datesFrom);
  const id = crypto.randomUUID();
  const word = review.verdict === 'confirmed' ? 'bekræftet' : 'bestridt';
  await deps.store.addReview(
    {
      id,
      offeringId: deps.offering.id,
      month: review.month,
      verdict: review.verdict,
      visitsSeen: figure.value,
      comment: review.comment,
      reviewedBy: deps.principal.accountId,
      reviewedByName: deps.principal.name,
      reviewedAt: deps.now,
    },
    {
      at: deps.now,
      actorId: deps.principal.accountId,
      actorName: deps.principal.name,
      action: review.verdict === 'confirmed' ? 'count.confirm' : 'count.dispute',
      resourceType: 'offering',
      resourceId: deps.offering.id,
      summary: `Besøgstallet for ${review.month} (${figure.value} besøg) ${word} for ${deps.offering.name}.`,
      detail: { review: id, month: review.month, visitsSeen: figure.value, comment: review.comment },
      source: deps.source,
    },
  );
  return { kind: 'saved', verdict: review.verdict };
}
