import { formatDate } from '../time.ts';
import { holidayName } from './holidays.ts';
import type { Activity, Schedule } from './model.ts';
import {
  activityKindLabels,
  describeActivityPlace,
  describeActivityWhen,
  describeException,
  describeHolidayPolicy,
  describeRuleWithStaff,
} from './schedule-text.ts';

/**
 * What changed between two versions of a schedule, or of an activity, in the words the pages use: one
 * line per period, exception or holiday choice that was added, removed or changed. Shown to the person
 * who decides a proposal, in the history, and when a change cannot be applied because of another.
 */

/** One difference: what it concerns, and the words before and after (null: not there). */
export type DiffLine = { what: string; before: string | null; after: string | null };

/** Lines for items matched by a key: removed and changed in the old order, then the new ones. */
function diffItems<T>(before: readonly T[], after: readonly T[], key: (item: T) => string, text: (item: T) => string, nouns: { one: string }): DiffLine[] {
  const lines: DiffLine[] = [];
  const afterByKey = new Map(after.map((item) => [key(item), item]));
  const beforeKeys = new Set(before.map(key));
  for (const item of before) {
    const next = afterByKey.get(key(item));
    if (!next) lines.push({ what: `Fjernet ${nouns.one}`, before: text(item), after: null });
    else if (text(next) !== text(item)) lines.push({ what: `Ændret ${nouns.one}`, before: text(item), after: text(next) });
  }
  for (const item of after) if (!beforeKeys.has(key(item))) lines.push({ what: `Ny ${nouns.one}`, before: null, after: text(item) });
  return lines;
}

/** The regular periods, exceptions and holiday choices that differ between two schedules. */
export function diffSchedules(before: Schedule, after: Schedule): DiffLine[] {
  const byWeekday = (schedule: Schedule) => [...schedule.rules].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
  const lines = [
    ...diffItems(byWeekday(before), byWeekday(after), (rule) => rule.id, describeRuleWithStaff, { one: 'fast åbningstid' }),
    ...diffItems(before.exceptions, after.exceptions, (exception) => exception.id, (exception) => describeException(exception), { one: 'undtagelse' }),
  ];
  const [standardBefore] = describeHolidayPolicy({ ...before.holidays, rules: [] });
  const [standardAfter] = describeHolidayPolicy({ ...after.holidays, rules: [] });
  if (standardBefore !== standardAfter) lines.push({ what: 'Helligdage som udgangspunkt', before: standardBefore!, after: standardAfter! });
  // The holiday's name heads the line, so each side says only what happens: 'lukket', '10:00–14:00'.
  const holidayLine = (schedule: Schedule, rule: Schedule['holidays']['rules'][number]) =>
    describeHolidayPolicy({ standard: schedule.holidays.standard, rules: [rule] })[1]!.slice(holidayName(rule.holiday, 'da').length + 2);
  const holidayKeys = [...new Set([...before.holidays.rules, ...after.holidays.rules].map((rule) => rule.holiday))];
  for (const key of holidayKeys) {
    const old = before.holidays.rules.find((rule) => rule.holiday === key);
    const next = after.holidays.rules.find((rule) => rule.holiday === key);
    const oldText = old ? holidayLine(before, old) : null;
    const nextText = next ? holidayLine(after, next) : null;
    if (oldText === nextText) continue;
    // A holiday without a rule of its own follows the standard.
    const standard = (schedule: Schedule) => `som udgangspunkt (${schedule.holidays.standard === 'closed' ? 'lukket' : 'almindelige åbningstider'})`;
    lines.push({ what: holidayName(key, 'da'), before: oldText ?? standard(before), after: nextText ?? standard(after) });
  }
  return lines;
}

/** An activity's facts as the back office shows them, in a fixed order. */
export function activityFacts(activity: Activity): [string, string][] {
  return [
    ['Navn', activity.name],
    ['Slags', activityKindLabels[activity.kind]],
    ['Hvornår', describeActivityWhen(activity)],
    ['Hvor', describeActivityPlace(activity) ?? 'På stedet'],
    ['Beskrivelse', activity.description ?? '(ingen)'],
    ['Brugerstyret', activity.isUserRun ? 'Ja' : 'Nej'],
    ['Aflyste datoer', activity.cancelledOn.length === 0 ? 'Ingen' : activity.cancelledOn.map((date) => formatDate(date, 'da')).join(', ')],
  ];
}

/** The facts that differ between two versions of an activity (every fact when it is new or removed). */
export function diffActivity(before: Activity | null, after: Activity | null): DiffLine[] {
  if (!before && !after) return [];
  const old = new Map(before ? activityFacts(before) : []);
  const next = new Map(after ? activityFacts(after) : []);
  const names = (before ? activityFacts(before) : activityFacts(after!)).map(([name]) => name);
  return names.flatMap((name) => {
    const oldText = old.get(name) ?? null;
    const nextText = next.get(name) ?? null;
    return oldText === nextText ? [] : [{ what: name, before: oldText, after: nextText }];
  });
}
