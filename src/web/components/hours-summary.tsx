import { type Locale, listIn } from '../../domain/locale.ts';
import type { OpeningRule } from '../../domain/schedule/model.ts';
import { describeRule, scheduleWords } from '../../domain/schedule/schedule-text.ts';
import { vocabulary } from '../../domain/vocabulary.ts';
import { messages } from '../i18n/index.ts';
import { ExampleDataBadge } from './badge.tsx';

// A word joiner on each side of the dash keeps a time span on one line, as on the offering page.
const timeSpan = (from: string, to: string) => `${from}\u2060–\u2060${to}`;

/** [1, 2, 3, 4, 6] -> 'mandag–torsdag og lørdag': three or more days in a row become a span. */
function daysIn(weekdays: number[], locale: Locale): string {
  const runs: number[][] = [];
  for (const day of weekdays) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  const name = (day: number) => vocabulary[locale].weekdays[day - 1]!;
  return listIn(
    runs.flatMap((run) => (run.length >= 3 ? [`${name(run[0]!)}\u2060–\u2060${name(run.at(-1)!)}`] : run.map(name))),
    locale,
  );
}

/**
 * A week's opening hours in one line, days with the same hours together:
 * 'mandag–torsdag 09:00–16:00; fredag 09:00–13:00 (brugerstyret)'. Rules that are not every week or
 * only for a season follow in their own words. Null when there are none.
 */
export function summariseHours(rules: readonly OpeningRule[], locale: Locale = 'da'): string | null {
  if (rules.length === 0) return null;
  const isPlain = (rule: OpeningRule) =>
    rule.recurrence.kind === 'weekly' && rule.recurrence.interval === 1 && rule.validFrom === null && rule.validTo === null;
  const hours = rules.filter(isPlain).map((rule) => ({ ...rule, opensAt: rule.opens, closesAt: rule.closes }));
  const others = rules.filter((rule) => !isPlain(rule)).map((rule) => describeRule(rule, locale));
  const byDay = new Map<number, string>();
  for (let day = 1; day <= 7; day++) {
    const spans = hours
      .filter((item) => item.weekday === day)
      .sort((a, b) => a.opensAt.localeCompare(b.opensAt))
      .map((item) => `${timeSpan(item.opensAt, item.closesAt)}${item.isUserRun ? scheduleWords[locale].userRunMark : ''}`);
    if (spans.length > 0) byDay.set(day, listIn(spans, locale));
  }
  const groups = new Map<string, number[]>();
  for (const [day, key] of byDay) groups.set(key, [...(groups.get(key) ?? []), day]);
  return [...[...groups].map(([key, days]) => `${daysIn(days, locale)} ${key}`), ...others].join('; ');
}

/** "Åbningstider: …" for a list of places, with the example-data badge when any of the hours are made up. */
export function HoursSummary({
  hours,
  class: extraClass = 'offering-meta',
  locale = 'da',
}: {
  hours: readonly OpeningRule[];
  class?: string;
  locale?: Locale;
}) {
  const t = messages[locale].hours;
  const summary = summariseHours(hours, locale);
  if (!summary) return <p class={extraClass}>{t.notYet}</p>;
  return (
    <p class={extraClass} data-example={hours.some((item) => item.isExample) ? 'åbningstider' : undefined}>
      {t.summary(summary)}
      {hours.some((item) => item.isExample) && (
        <>
          {' '}
          <ExampleDataBadge locale={locale} />
        </>
      )}
    </p>
  );
}
