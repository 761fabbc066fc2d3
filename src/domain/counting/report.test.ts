import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Schedule } from '../schedule/model.ts';
import { buildReport, cellText, type OfferingFacts, openMinutesBetween, reviewStateOf, type ShownCell, suppressTable } from './report.ts';
import type { UsageFigure } from './tally.ts';

const amountOf = (cell: ShownCell) => ('value' in cell ? cell.value : null);

describe('small-count suppression', () => {
  const tables = fc.integer({ min: 1, max: 6 }).chain((rows) =>
    fc.integer({ min: 1, max: 8 }).chain((width) =>
      fc.record({
        cells: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 300 })), { minLength: width, maxLength: width }), { minLength: rows, maxLength: rows }),
        withTotals: fc.boolean(),
      }),
    ),
  );

  it('never shows a count from 1 to 4 in a cell or a column total when there is more than one column', () => {
    fc.assert(
      fc.property(tables, ({ cells, withTotals }) => {
        const totals = withTotals ? cells[0]!.map((_, c) => cells.reduce((sum, row) => sum + row[c]!, 0)) : null;
        const out = suppressTable({ cells, columnTotals: totals });
        if (cells[0]!.length === 1) return;
        for (const cell of [...out.cells.flat(), ...(out.columnTotals ?? [])]) {
          const value = amountOf(cell);
          assert.ok(value === null || value === 0 || value >= 5, `shown ${value}`);
        }
      }),
    );
  });

  it('leaves no published sum with exactly one hidden member, so no hidden cell is a total minus the rest', () => {
    fc.assert(
      fc.property(tables, ({ cells, withTotals }) => {
        const width = cells[0]!.length;
        const totals = withTotals ? cells[0]!.map((_, c) => cells.reduce((sum, row) => sum + row[c]!, 0)) : null;
        const out = suppressTable({ cells, columnTotals: totals });
        const hiddenIn = (line: ShownCell[]) => line.filter((cell) => amountOf(cell) === null).length;
        for (const row of out.cells) assert.notEqual(hiddenIn(row), 1);
        if (out.columnTotals) {
          for (let c = 0; c < width; c++) assert.notEqual(hiddenIn([...out.cells.map((row) => row[c]!), out.columnTotals[c]!]), 1);
          assert.notEqual(hiddenIn(out.columnTotals), 1);
        }
      }),
    );
  });

  it('shows every cell it does not hide as it was', () => {
    fc.assert(
      fc.property(tables, ({ cells, withTotals }) => {
        const totals = withTotals ? cells[0]!.map((_, c) => cells.reduce((sum, row) => sum + row[c]!, 0)) : null;
        const out = suppressTable({ cells, columnTotals: totals });
        out.cells.forEach((row, r) => {
          row.forEach((cell, c) => {
            assert.ok(amountOf(cell) === null || amountOf(cell) === cells[r]![c]);
          });
        });
        out.columnTotals?.forEach((cell, c) => {
          assert.ok(amountOf(cell) === null || amountOf(cell) === totals![c]);
        });
      }),
    );
  });

  it('hides nothing in a table without small counts, and nothing when the cells are the totals', () => {
    const big = suppressTable({ cells: [[12, 0, 30], [7, 9, 5]], columnTotals: [19, 9, 35] });
    assert.deepEqual(big.cells.flat().map(amountOf), [12, 0, 30, 7, 9, 5]);
    const single = suppressTable({ cells: [[3], [2]], columnTotals: [5] });
    assert.deepEqual(single.cells.flat().map(amountOf), [3, 2]);
  });

  it('hides a second month of a place with one small month, and says «under 5»', () => {
    const out = suppressTable({ cells: [[3, 40, 25]], columnTotals: null });
    assert.deepEqual(out.cells[0]!.map((cell) => cellText(cell)), ['under 5', '40', 'under 5']);
  });
});

describe('a report built from figures', () => {
  const offering = (id: string, operator: string, groups: OfferingFacts['targetGroups']): OfferingFacts => ({
    id,
    slug: id,
    name: `Sted ${id}`,
    operator: { id: operator, name: `Driftsherre ${operator}` },
    centre: null,
    district: null,
    profile: 'social',
    targetGroups: groups,
  });
  const figure = (offeringId: string, from: string, to: string, value: number, by = ['Mette']): UsageFigure => ({
    offeringId,
    from,
    to,
    measure: 'visits',
    method: 'tally',
    value,
    coverage: { daysCounted: 2, daysOpen: 4 },
    registeredBy: by,
    lastRegisteredAt: new Date('2026-03-01T10:00:00Z'),
  });
  const offerings = [offering('a', 'x', ['young']), offering('b', 'x', ['young', 'relatives']), offering('c', 'y', [])];
  const columns = ['2026-01', '2026-02'];
  const input = {
    columns,
    from: '2026-01-01',
    to: '2026-02-28',
    offerings,
    whole: [figure('a', '2026-01-01', '2026-02-28', 43), figure('b', '2026-01-01', '2026-02-28', 60, ['Ole']), figure('c', '2026-01-01', '2026-02-28', 8)],
    byColumn: [
      { column: '2026-01', figure: figure('a', '2026-01-01', '2026-01-31', 3), review: null },
      { column: '2026-02', figure: figure('a', '2026-02-01', '2026-02-28', 40), review: null },
      { column: '2026-01', figure: figure('b', '2026-01-01', '2026-01-31', 30), review: reviewStateOf(undefined, 30) },
      {
        column: '2026-02',
        figure: figure('b', '2026-02-01', '2026-02-28', 30),
        review: reviewStateOf({ id: 'r', month: '2026-02', verdict: 'disputed', visitsSeen: 30, comment: 'Vi talte 65', reviewedByName: 'Ole', reviewedAt: new Date('2026-03-02T09:00:00Z') }, 30),
      },
      { column: '2026-01', figure: figure('c', '2026-01-01', '2026-01-31', 4), review: null },
      { column: '2026-02', figure: figure('c', '2026-02-01', '2026-02-28', 4), review: null },
    ],
    lastYear: [figure('a', '2025-01-01', '2025-02-28', 20)],
    openMinutes: new Map([
      ['a', 600],
      ['b', 600],
      ['c', 600],
    ]),
  };

  it('adds the offerings of an operator, keeps their provenance and lists an open dispute', () => {
    const [table] = buildReport({ ...input, dimension: 'operator' });
    assert.equal(table!.label, 'besøg');
    const x = table!.rows.find((row) => row.label === 'Driftsherre x')!;
    assert.equal(x.total, 103);
    // Operator y's months are 4 and 4, so x's months are hidden too: else a month's total minus x gives y away.
    assert.deepEqual(x.cells.map(amountOf), [null, null]);
    assert.deepEqual(table!.columnTotals!.map(amountOf), [37, 74]);
    assert.deepEqual(x.provenance.registeredBy.sort(), ['Mette', 'Ole']);
    assert.deepEqual(x.provenance.methods, ['tally']);
    assert.equal(x.provenance.daysCounted, 4);
    assert.equal(x.provenance.offerings, 2);
    assert.equal(x.lastYear, 20);
    assert.equal(x.openHours, 20);
    assert.equal(x.disputes.length, 1);
    assert.equal(x.disputes[0]!.comment, 'Vi talte 65');
    // The year's 8 is at operator level and shown.
    const y = table!.rows.find((row) => row.label === 'Driftsherre y')!;
    assert.deepEqual(y.cells.map((cell) => cellText(cell)), ['under 5', 'under 5']);
    assert.equal(y.total, 8);
    assert.equal(table!.grandTotal, 111);
  });

  it('places an offering in each of its target groups and then gives no column totals', () => {
    const [table] = buildReport({ ...input, dimension: 'targetGroup' });
    assert.equal(table!.columnTotals, null);
    assert.deepEqual(
      table!.rows.map((row) => [row.label, row.total]),
      [
        ['Alle voksne (ingen særlig målgruppe)', 8],
        ['Pårørende', 60],
        ['Unge', 103],
      ],
    );
  });

  it('keeps measures apart: unique users never go into the visits table', () => {
    const unique = { ...figure('a', '2026-01-01', '2026-02-28', 9), measure: 'unique-members' } as unknown as UsageFigure;
    const tables = buildReport({ ...input, dimension: 'offering', whole: [...input.whole, unique] });
    assert.deepEqual(
      tables.map((table) => table.measure),
      ['visits', 'unique-members'],
    );
    assert.equal(tables[0]!.grandTotal, 111);
    assert.equal(tables[1]!.grandTotal, 9);
  });

  it('leaves out a figure without provenance', () => {
    const bare = { ...figure('c', '2026-01-01', '2026-02-28', 8), registeredBy: [], lastRegisteredAt: null };
    const [table] = buildReport({ ...input, dimension: 'offering', whole: [input.whole[0]!, input.whole[1]!, bare] });
    assert.deepEqual(
      table!.rows.map((row) => row.label),
      ['Sted a', 'Sted b'],
    );
  });
});

describe('the review state of a month', () => {
  const review = { id: 'r', month: '2026-02', visitsSeen: 30, comment: null, reviewedByName: 'Ole', reviewedAt: new Date('2026-03-02T09:00:00Z') };
  it('is confirmed while the figure is the one confirmed, and changed when tallies came after', () => {
    assert.equal(reviewStateOf({ ...review, verdict: 'confirmed' }, 30).state, 'confirmed');
    assert.equal(reviewStateOf({ ...review, verdict: 'confirmed' }, 31).state, 'changed');
    assert.equal(reviewStateOf({ ...review, verdict: 'disputed', comment: 'nej' }, 30).state, 'disputed');
    assert.equal(reviewStateOf(undefined, 30).state, 'unreviewed');
  });
});

describe('open hours from the schedule', () => {
  it('adds the periods of every open day, and nothing on a holiday the place keeps closed', () => {
    const schedule: Schedule = {
      rules: [1, 2, 3, 4, 5].map((weekday) => ({
        id: `r${weekday}`,
        weekday,
        opens: '10:00',
        closes: '15:30',
        isUserRun: false,
        isStaffPresent: true,
        recurrence: { kind: 'weekly', interval: 1, anchor: null },
        validFrom: null,
        validTo: null,
        description: null,
        isExample: false,
      })),
      exceptions: [],
      holidays: { standard: 'closed', rules: [] },
    };
    // 2026-12-21 to 2026-12-27: Monday to Wednesday open, Christmas Eve, Christmas Day and the weekend closed.
    assert.equal(openMinutesBetween(schedule, '2026-12-21', '2026-12-27'), 3 * 330);
  });
});
