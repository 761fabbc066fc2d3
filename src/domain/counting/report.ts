import { type DateFacts, datesFrom, dateFacts, hoursOn, type Schedule } from '../schedule/model.ts';
import { wallMinutes } from '../time.ts';
import { type Profile, profiles, type TargetGroup, targetGroups } from '../vocabulary.ts';
import { countWords, type MonthReview, type UsageFigure } from './tally.ts';

/**
 * Reports on use (ADR 029): `UsageFigure`s grouped by a dimension of the range and laid out by month or
 * year, each measure in a table of its own (visits and unique users are never added together), small
 * counts suppressed below offering level, and the provenance of every figure carried to the row it is in.
 */

export const dimensions = ['offering', 'operator', 'centre', 'district', 'track', 'targetGroup'] as const;
export type Dimension = (typeof dimensions)[number];

/** The URL words and headings of the dimensions. */
export const dimensionWords: Record<Dimension, { word: string; label: string; heading: string }> = {
  offering: { word: 'tilbud', label: 'Tilbud', heading: 'Pr. tilbud' },
  operator: { word: 'driftsherre', label: 'Driftsherre', heading: 'Pr. driftsherre' },
  centre: { word: 'center', label: 'Center', heading: 'Pr. center' },
  district: { word: 'bydel', label: 'Bydel', heading: 'Pr. bydel' },
  track: { word: 'spor', label: 'Spor (tilbudsprofil)', heading: 'Pr. spor' },
  targetGroup: { word: 'maalgruppe', label: 'Målgruppe', heading: 'Pr. målgruppe' },
};

/** What a report needs to know of an offering to place it in each dimension. */
export type OfferingFacts = {
  id: string;
  slug: string;
  name: string;
  operator: { id: string; name: string } | null;
  centre: { id: string; name: string } | null;
  /** The district of the offering's first place (its main address); null for an offering without one. */
  district: { id: string; name: string } | null;
  profile: Profile | null;
  targetGroups: TargetGroup[];
};

type GroupKey = { key: string; label: string };

/**
 * The groups an offering belongs to in a dimension. Only target groups can hold an offering more than
 * once; everything else places each offering in exactly one group, so the groups add up to the total.
 */
export function groupsOf(offering: OfferingFacts, dimension: Dimension): GroupKey[] {
  switch (dimension) {
    case 'offering':
      return [{ key: offering.id, label: offering.name }];
    case 'operator':
      return [offering.operator ? { key: offering.operator.id, label: offering.operator.name } : { key: '-', label: 'Uden driftsherre' }];
    case 'centre':
      return [offering.centre ? { key: offering.centre.id, label: offering.centre.name } : { key: '-', label: 'Uden center' }];
    case 'district':
      return [offering.district ? { key: offering.district.id, label: offering.district.name } : { key: '-', label: 'Uden bydel' }];
    case 'track':
      return [offering.profile ? { key: offering.profile, label: profiles[offering.profile].label } : { key: '-', label: 'Uden spor' }];
    case 'targetGroup':
      return offering.targetGroups.length
        ? offering.targetGroups.map((group) => ({ key: group, label: targetGroups[group] }))
        : [{ key: '-', label: 'Alle voksne (ingen særlig målgruppe)' }];
  }
}

/** Whether a dimension places each offering in one group, so its groups add up to the total. */
export const isPartition = (dimension: Dimension) => dimension !== 'targetGroup';

/** The word for a measure, from `countWords`: a measure without a word of its own shows its code, never "besøg". */
export function measureLabel(measure: string): string {
  const words: Record<string, string> = countWords.measure;
  return words[measure] ?? measure;
}

/** The word for a method, from `countWords`. */
export function methodLabel(method: string): string {
  const words: Record<string, string> = countWords.method;
  return words[method] ?? method;
}

/** The facts of each date from `from` to `to`, to share between many schedules (working them out costs more than a schedule's hours). */
export function factsBetween(from: string, to: string): DateFacts[] {
  return datesFrom(from, to).map(dateFacts);
}

/** Minutes the schedule has the place open from `from` to `to`, both included; `facts` from `factsBetween` when at hand. */
export function openMinutesBetween(schedule: Schedule, from: string, to: string, facts: readonly DateFacts[] = factsBetween(from, to)): number {
  let minutes = 0;
  for (const day of facts) {
    if (day.date < from || day.date > to) continue;
    for (const period of hoursOn(schedule, day).periods) minutes += Math.max(0, wallMinutes(period.closes) - wallMinutes(period.opens));
  }
  return minutes;
}

/** A month's figure as the offering judged it: the latest verdict, and whether the figure moved since. */
export type ReviewState =
  | { state: 'unreviewed' }
  | { state: 'confirmed'; by: string; at: Date }
  /** Confirmed, but tallies came afterwards: the confirmation no longer fits the figure. */
  | { state: 'changed'; by: string; at: Date; visitsSeen: number }
  | { state: 'disputed'; by: string; at: Date; comment: string | null; visitsSeen: number };

/** The state of a month's figure from its latest review (ADR 026): a dispute stays until a later confirmation. */
export function reviewStateOf(latest: MonthReview | undefined, value: number): ReviewState {
  if (!latest) return { state: 'unreviewed' };
  if (latest.verdict === 'disputed') return { state: 'disputed', by: latest.reviewedByName, at: latest.reviewedAt, comment: latest.comment, visitsSeen: latest.visitsSeen };
  if (latest.visitsSeen !== value) return { state: 'changed', by: latest.reviewedByName, at: latest.reviewedAt, visitsSeen: latest.visitsSeen };
  return { state: 'confirmed', by: latest.reviewedByName, at: latest.reviewedAt };
}

/** One offering's figure for one column (a month or a year), with its review state when it is a month of visits. */
export type PeriodFigure = { column: string; figure: UsageFigure; review: ReviewState | null };

/** Where a row's figures come from: every figure in it has all of this, or the row is not shown. */
export type Provenance = {
  methods: string[];
  from: string;
  to: string;
  daysCounted: number;
  daysOpen: number;
  registeredBy: string[];
  lastRegisteredAt: Date | null;
  offerings: number;
};

export type OpenDispute = { offeringName: string; month: string; by: string; at: Date; comment: string | null; visitsSeen: number };

/** A cell as it may be shown: a number, or «under 5» when it is suppressed. */
export type ShownCell = { value: number } | { suppressed: true };

export type ReportRow = {
  key: string;
  label: string;
  cells: ShownCell[];
  total: number;
  /** The same period a year earlier, when the row had figures then. */
  lastYear: number | null;
  /** Hours the schedule had the row's places open in the period (visits only). */
  openHours: number | null;
  provenance: Provenance;
  disputes: OpenDispute[];
  /** Months of the row's offerings that the offering confirmed, and that need confirming again. */
  confirmed: number;
  changed: number;
};

export type ReportTable = {
  measure: string;
  label: string;
  columns: string[];
  rows: ReportRow[];
  /** Per column across the rows; null when the rows overlap (target groups) and so do not add up. */
  columnTotals: ShownCell[] | null;
  grandTotal: number;
  grandLastYear: number | null;
};

const emptyProvenance = (from: string, to: string): Provenance => ({ methods: [], from, to, daysCounted: 0, daysOpen: 0, registeredBy: [], lastRegisteredAt: null, offerings: 0 });

function addProvenance(into: Provenance, figure: UsageFigure) {
  if (!into.methods.includes(figure.method)) into.methods.push(figure.method);
  into.daysCounted += figure.coverage.daysCounted;
  into.daysOpen += figure.coverage.daysOpen;
  for (const name of figure.registeredBy) if (!into.registeredBy.includes(name)) into.registeredBy.push(name);
  if (figure.lastRegisteredAt && (!into.lastRegisteredAt || figure.lastRegisteredAt > into.lastRegisteredAt)) into.lastRegisteredAt = figure.lastRegisteredAt;
}

/** Whether a figure carries what it needs to be shown (ADR 026): a method, a period, coverage and who registered it. */
export function hasProvenance(figure: UsageFigure): boolean {
  return Boolean(figure.method && figure.from && figure.to && figure.coverage && figure.registeredBy.length > 0 && figure.lastRegisteredAt);
}

/**
 * Builds one table per measure. `whole` holds each offering's figure for the whole period (the row's total:
 * a measure of unique users is not the sum of its months), `byColumn` the figures per month or year,
 * `lastYear` the whole period a year earlier. Figures without provenance are left out.
 */
export function buildReport(input: {
  dimension: Dimension;
  columns: string[];
  from: string;
  to: string;
  offerings: readonly OfferingFacts[];
  whole: readonly UsageFigure[];
  byColumn: readonly PeriodFigure[];
  lastYear: readonly UsageFigure[];
  openMinutes: ReadonlyMap<string, number>;
}): ReportTable[] {
  const facts = new Map(input.offerings.map((offering) => [offering.id, offering]));
  const measures = [...new Set(input.whole.filter(hasProvenance).map((figure) => figure.measure as string))].sort((a, b) => (a === 'visits' ? -1 : b === 'visits' ? 1 : a.localeCompare(b)));
  return measures.map((measure) => {
    const rows = new Map<string, { label: string; raw: number[]; total: number; lastYear: number | null; minutes: number; provenance: Provenance; disputes: OpenDispute[]; confirmed: number; changed: number; offerings: Set<string> }>();
    const rowOf = (group: GroupKey) => {
      let row = rows.get(group.key);
      if (!row) {
        row = { label: group.label, raw: input.columns.map(() => 0), total: 0, lastYear: null, minutes: 0, provenance: emptyProvenance(input.from, input.to), disputes: [], confirmed: 0, changed: 0, offerings: new Set() };
        rows.set(group.key, row);
      }
      return row;
    };
    const shown = new Set<string>();
    for (const figure of input.whole) {
      if (figure.measure !== measure || !hasProvenance(figure)) continue;
      const offering = facts.get(figure.offeringId);
      if (!offering) continue;
      shown.add(offering.id);
      for (const group of groupsOf(offering, input.dimension)) {
        const row = rowOf(group);
        row.total += figure.value;
        row.offerings.add(offering.id);
        row.minutes += input.openMinutes.get(offering.id) ?? 0;
        addProvenance(row.provenance, figure);
      }
    }
    for (const item of input.byColumn) {
      if (item.figure.measure !== measure || !shown.has(item.figure.offeringId)) continue;
      const offering = facts.get(item.figure.offeringId)!;
      const index = input.columns.indexOf(item.column);
      for (const group of groupsOf(offering, input.dimension)) {
        const row = rowOf(group);
        if (index >= 0) row.raw[index]! += item.figure.value;
        const review = item.review;
        if (review?.state === 'confirmed') row.confirmed += 1;
        if (review?.state === 'changed') row.changed += 1;
        if (review?.state === 'disputed') row.disputes.push({ offeringName: offering.name, month: item.column, by: review.by, at: review.at, comment: review.comment, visitsSeen: review.visitsSeen });
      }
    }
    for (const figure of input.lastYear) {
      if (figure.measure !== measure || !hasProvenance(figure)) continue;
      const offering = facts.get(figure.offeringId);
      if (!offering) continue;
      for (const group of groupsOf(offering, input.dimension)) {
        const row = rows.get(group.key);
        if (row) row.lastYear = (row.lastYear ?? 0) + figure.value;
      }
    }
    const ordered = [...rows.entries()].sort(([, a], [, b]) => a.label.localeCompare(b.label, 'da'));
    for (const [, row] of ordered) row.provenance.offerings = row.offerings.size;
    const partition = isPartition(input.dimension);
    const columnRaw = input.columns.map((_, index) => ordered.reduce((sum, [, row]) => sum + row.raw[index]!, 0));
    const suppressed = suppressTable({
      cells: ordered.map(([, row]) => row.raw),
      columnTotals: partition ? columnRaw : null,
    });
    const grandLastYear = input.lastYear.filter((figure) => figure.measure === measure && shown.has(figure.offeringId) && hasProvenance(figure));
    return {
      measure,
      label: measureLabel(measure),
      columns: input.columns,
      rows: ordered.map(([key, row], index) => ({
        key,
        label: row.label,
        cells: suppressed.cells[index]!,
        total: row.total,
        lastYear: row.lastYear,
        openHours: measure === 'visits' ? Math.round(row.minutes / 6) / 10 : null,
        provenance: row.provenance,
        disputes: row.disputes.sort((a, b) => a.month.localeCompare(b.month) || a.offeringName.localeCompare(b.offeringName, 'da')),
        confirmed: row.confirmed,
        changed: row.changed,
      })),
      columnTotals: suppressed.columnTotals,
      grandTotal: input.whole.filter((figure) => figure.measure === measure && shown.has(figure.offeringId)).reduce((sum, figure) => sum + figure.value, 0),
      grandLastYear: grandLastYear.length ? grandLastYear.reduce((sum, figure) => sum + figure.value, 0) : null,
    };
  });
}

/** Counts from 1 to 4 are never shown below offering level (ADR 029). */
export const smallestShownCount = 5;
const isSmall = (value: number) => value >= 1 && value < smallestShownCount;

/**
 * Small-count suppression with complementary suppression, for a table whose row totals and grand total
 * are published (they are at offering level or above): every cell, and every column total, from 1 to 4 is
 * hidden, and then more cells are hidden until no row, no column and no line of column totals has exactly
 * one hidden member — one hidden member of a published sum is that sum minus the rest. The extra cells are
 * the smallest others in the line, so as little as possible is hidden.
 *
 * With a single column the cells are the row totals themselves, so nothing is hidden.
 */
export function suppressTable(table: { cells: readonly (readonly number[])[]; columnTotals: readonly number[] | null }): { cells: ShownCell[][]; columnTotals: ShownCell[] | null } {
  const width = table.columnTotals?.length ?? table.cells[0]?.length ?? 0;
  const hidden = table.cells.map((row) => row.map((value) => width > 1 && isSmall(value)));
  const totalHidden = table.columnTotals ? table.columnTotals.map((value) => width > 1 && isSmall(value)) : null;
  // Each line is a published sum and its members: a member is [row, column], or [-1, column] for a column total.
  type Member = [number, number];
  const lines: Member[][] = [];
  if (width > 1) {
    table.cells.forEach((row, r) => {
      lines.push(row.map((_, c) => [r, c] as Member));
    });
    if (table.columnTotals) {
      for (let c = 0; c < width; c++) lines.push([...table.cells.map((_, r) => [r, c] as Member), [-1, c]]);
      lines.push(table.columnTotals.map((_, c) => [-1, c] as Member));
    }
  }
  const amountOf = ([r, c]: Member) => (r < 0 ? table.columnTotals![c]! : table.cells[r]![c]!);
  const isHidden = ([r, c]: Member) => (r < 0 ? totalHidden![c]! : hidden[r]![c]!);
  const hide = ([r, c]: Member) => {
    if (r < 0) totalHidden![c] = true;
    else hidden[r]![c] = true;
  };
  // Every step hides one more cell, so this ends after at most as many steps as there are cells.
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.filter(isHidden).length !== 1) continue;
      const others = line.filter((member) => !isHidden(member));
      // The smallest non-zero cell first: a hidden zero protects less (a reader may guess it), but protects.
      const next = others.sort((a, b) => (amountOf(a) === 0 ? 1 : 0) - (amountOf(b) === 0 ? 1 : 0) || amountOf(a) - amountOf(b))[0];
      if (next) {
        hide(next);
        changed = true;
      }
    }
  }
  const shownOf = (value: number, isOff: boolean): ShownCell => (isOff ? { suppressed: true } : { value });
  return {
    cells: table.cells.map((row, r) => row.map((value, c) => shownOf(value, hidden[r]![c]!))),
    columnTotals: table.columnTotals ? table.columnTotals.map((value, c) => shownOf(value, totalHidden![c]!)) : null,
  };
}

/** «under 5» in a report, an export and the public page. */
export const suppressedWords = { da: 'under 5', en: 'under 5' } as const;

/** A cell as text in a table or an export. */
export const cellText = (cell: ShownCell, locale: 'da' | 'en' = 'da') => ('value' in cell ? String(cell.value) : suppressedWords[locale]);

/** The months 'YYYY-MM' of a year, up to and including `lastMonth` when given. */
export function monthsOf(year: number, lastMonth?: string): string[] {
  return Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`).filter((month) => !lastMonth || month <= lastMonth);
}
