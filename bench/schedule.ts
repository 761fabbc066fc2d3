/**
 * Opening hours at national scale (bench/support/national-range.ts: ≥ 20,000 offerings, ≥ 200,000 weekly
 * activity slots). Loads every schedule and activity with the app's loadOfferingTimes, packs them once
 * (CompiledSchedules, measured on its own), then measures (median and p95 after warm-up) expanding them
 * into a 7-day Timetable with holidays, exceptions and activities applied, and "open now" over
 * the whole country with Timetable.openAt / openBetween, in an ordinary week, Christmas week and the
 * two weeks the clocks change. The baseline, measured in the same run, is a plain loop over the same
 * number of rules doing only integer comparisons: the floor no timetable can go below.
 *
 *   npm run bench:schedule                    # PGlite (built under os.tmpdir() on first run, then reused)
 *   BENCH_DATABASE_URL=postgres://… npm run bench:schedule
 *
 * BENCH_RUNS (default 30) measured runs per figure, each figure stopping after BENCH_BUDGET_MS (15 s).
 */
import os from 'node:os';
import { loadOfferingTimes } from '../src/db/schedule-store.ts';
import { CompiledSchedules } from '../src/domain/schedule/compiled.ts';
import { Timetable, type TimetableEntry } from '../src/domain/schedule/timetable.ts';
import { copenhagenWallTimeToInstant, wallMinutes } from '../src/domain/time.ts';
import { machine, measure, ms, type Sample, table } from './support/measure.ts';
import { openNational, prepareNationalDatabase } from './support/national-range.ts';
import { formatHotspots, hotspots } from './support/profile.ts';

const runs = Number(process.env.BENCH_RUNS ?? 30);
const budgetMs = Number(process.env.BENCH_BUDGET_MS ?? 15_000);
const timetableTarget = 50;
const openNowTarget = 5;

console.log(`Schedules at national scale — ${machine()}, load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}`);
const prepared = await prepareNationalDatabase();
const national = await openNational(prepared.target);
let entries: TimetableEntry[];
let loadMs: number;
try {
  const ids = (await national.db.selectFrom('offering').select('id').execute()).map((row) => row.id);
  const started = performance.now();
  const times = await loadOfferingTimes(national.db, ids);
  loadMs = performance.now() - started;
  entries = ids.map((id) => ({ id, schedule: times.get(id)!.schedule, activities: times.get(id)!.activities }));
} finally {
  await national.close();
}

const rules = entries.flatMap((entry) => entry.schedule.rules);
const activities = entries.flatMap((entry) => entry.activities);
const weeklySlots = activities.filter((activity) => activity.when.kind === 'repeats').length;
console.log(
  `Loaded ${entries.length} offerings: ${rules.length} opening rules, ${entries.reduce((sum, entry) => sum + entry.schedule.exceptions.length, 0)} exceptions, ` +
    `${entries.reduce((sum, entry) => sum + entry.schedule.holidays.rules.length, 0)} holiday rules, ${activities.length} activities ` +
    `(${weeklySlots} repeating) with loadOfferingTimes in ${Math.round(loadMs)} ms.\n`,
);

// The floor: the same rules and activities as packed integers, one pass per day with only comparisons.
const ruleDay = Int32Array.from(rules, (rule) => rule.weekday);
const ruleOpens = Int32Array.from(rules, (rule) => wallMinutes(rule.opens));
const ruleCloses = Int32Array.from(rules, (rule) => wallMinutes(rule.closes));
const activityDay = Int32Array.from(activities, (activity) => (activity.when.kind === 'repeats' ? activity.when.weekday : 0));
const activityStart = Int32Array.from(activities, (activity) => wallMinutes(activity.startsAt));
let sink = 0;
function floorWeek() {
  let count = 0;
  for (let day = 1; day <= 7; day++) {
    for (let index = 0; index < ruleDay.length; index++) {
      if (ruleDay[index] === day && ruleOpens[index]! < ruleCloses[index]!) count++;
    }
    for (let index = 0; index < activityDay.length; index++) {
      if (activityDay[index] === day && activityStart[index]! >= 0) count++;
    }
  }
  sink += count;
}
function floorOpenNow(day: number, minute: number) {
  let count = 0;
  for (let index = 0; index < ruleDay.length; index++) {
    if (ruleDay[index] === day && ruleOpens[index]! <= minute && minute < ruleCloses[index]!) count++;
  }
  sink += count;
}

type Row = { figure: string; sample: Sample; target: number | null; note: string };
const rows: Row[] = [];
const add = (figure: string, sample: Sample, target: number | null, note = '') => rows.push({ figure, sample, target, note });

add(
  `baseline: integer loop, 7 days × ${rules.length + activities.length} rules+activities`,
  await measure(floorWeek, { runs, budgetMs }),
  null,
);
add(`baseline: integer loop, open now over ${rules.length} rules`, await measure(() => floorOpenNow(2, 12 * 60), { runs, budgetMs }), null);

const withoutActivities = entries.map((entry) => ({ ...entry, activities: [] }));
const weeks = [
  { label: 'ordinary week 2026-11-23', from: '2026-11-23', instants: [[2026, 11, 24, 12, 0], [2026, 11, 26, 19, 30]] },
  { label: 'Christmas week 2026-12-21', from: '2026-12-21', instants: [[2026, 12, 24, 15, 0], [2026, 12, 25, 12, 0]] },
  { label: 'DST spring week 2027-03-22', from: '2027-03-22', instants: [[2027, 3, 28, 12, 0], [2027, 3, 28, 3, 30]] },
  { label: 'DST autumn week 2026-10-19', from: '2026-10-19', instants: [[2026, 10, 25, 12, 0], [2026, 10, 25, 2, 30]] },
] as const;

let compiled = new CompiledSchedules(entries);
add(
  'pack all schedules (CompiledSchedules), once per change of the data',
  await measure(
    () => {
      compiled = new CompiledSchedules(entries);
    },
    { runs: Math.min(runs, 10), warmup: 1, budgetMs },
  ),
  null,
);
add('Timetable from the schedules (pack + 7 days), ordinary week', await measure(() => new Timetable(entries, '2026-11-23', 7), { runs: Math.min(runs, 10), warmup: 1, budgetMs }), null);

let built: Timetable | null = null;
for (const week of weeks) {
  add(
    `Timetable, 7 days, ${week.label}`,
    await measure(
      () => {
        built = new Timetable(compiled, week.from, 7);
      },
      { runs, budgetMs },
    ),
    timetableTarget,
  );
  const timetable = built! as Timetable;
  const periods = timetable.periodStart.length;
  rows.at(-1)!.note = `${periods} periods, ${timetable.activityCount} activity occurrences`;
  for (const [year, month, day, hour, minute] of week.instants) {
    const instant = copenhagenWallTimeToInstant(year, month, day, hour, minute).getTime();
    const label = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    let open = 0;
    add(
      `openAt, whole country, ${label}`,
      await measure(
        () => {
          open = timetable.openAt(instant).size;
        },
        { runs, budgetMs },
      ),
      openNowTarget,
    );
    rows.at(-1)!.note = `${open} open`;
    add(
      `openBetween next 2 h, ${label}`,
      await measure(
        () => {
          open = timetable.openBetween(instant, instant + 2 * 3_600_000).size;
        },
        { runs, budgetMs },
      ),
      openNowTarget,
    );
    rows.at(-1)!.note = `${open} open`;
  }
}
const from = '2026-11-23';
add(
  'Timetable, ordinary week, activities left out',
  await measure(() => new Timetable(new CompiledSchedules(withoutActivities), from, 7), { runs: 5, warmup: 1, budgetMs }),
  null,
);
rows.at(-1)!.note = 'pack + 7 days';

console.log(
  table(
    ['figure', 'runs', 'median', 'p95', 'target', 'met', 'note'],
    rows.map(({ figure, sample, target, note }) => [
      figure,
      sample.runs,
      ms(sample.median),
      ms(sample.p95),
      target === null ? '' : `≤ ${target} ms`,
      target === null ? '' : sample.p95 <= target ? 'yes' : 'no',
      note,
    ]),
  ),
);
console.log(
  '\n"met" compares the p95 with the target. Timetable figures include holidays, exceptions and activities; they expand the packed\n' +
    'schedules, which are packed once when the data changes (figure above), as an index is built once and not per query.',
);
console.log(`Load average at the end: ${os.loadavg().map((value) => value.toFixed(1)).join(' ')} (other work on the machine inflates the p95).`);

const profile = await hotspots(() => {
  for (let index = 0; index < 20; index++) new Timetable(compiled, from, 7);
}, 10, 200);
console.log(`\nCPU profile of 20 Timetable builds from packed schedules (ordinary week), ${Math.round(profile.totalMs)} ms, self time by function:`);
console.log(formatHotspots(profile.spots));
if (sink < 0) console.log(sink);
await prepared.dispose();
