import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { dateFacts, datesFrom, emptySchedule, everyWeek, type Schedule } from '../schedule/model.ts';
import { maxVisitsPerTally, monthSpan, openDaysCounter, openOn, type StoredTally, tallyHistories, validateCorrection, validateReview, validateTally, visitsFigure } from './tally.ts';

// Open Monday to Friday 10–16; 2026-11-23 is a Monday.
const schedule: Schedule = {
  ...emptySchedule,
  rules: [1, 2, 3, 4, 5].map((weekday) => ({
    id: `r${weekday}`,
    weekday,
    recurrence: everyWeek,
    validFrom: null,
    validTo: null,
    opens: '10:00',
    closes: '16:00',
    isUserRun: false,
    isStaffPresent: true,
    description: null,
    isExample: false,
  })),
};
const today = '2026-11-23';
const check = (input: Partial<Parameters<typeof validateTally>[0]>) =>
  validateTally({ date: '2026-11-20', visits: '12', openAnyway: false, clientId: 'abcdef12-3456', ...input }, { today, schedule });
const fields = (result: ReturnType<typeof check>) => (result.ok ? [] : result.problems.map((problem) => problem.field));

describe('The days open in a report\'s periods', () => {
  it('counts, for any period within the span, the days the schedule has the place open, holidays and all', () => {
    const span = { from: '2025-12-01', to: '2027-01-31' };
    const dates = datesFrom(span.from, span.to);
    const withClosedChristmas: Schedule = { ...schedule, exceptions: [{ id: 'x', from: '2026-12-24', to: '2026-12-26', kind: 'closed', reason: 'Jul', periods: [], isExample: false }] as Schedule['exceptions'] };
    const counter = openDaysCounter(withClosedChristmas, span, dates, dateFacts);
    const day = fc.integer({ min: 0, max: dates.length - 1 });
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = [dates[Math.min(a, b)]!, dates[Math.max(a, b)]!];
        assert.equal(counter(from, to), datesFrom(from, to).filter((date) => openOn(withClosedChristmas, date).open).length);
      }),
    );
    assert.equal(counter('2026-12-21', '2026-12-27'), 3, 'Monday to Wednesday; closed from Christmas Eve, and at the weekend');
  });
});

describe('Visitor tallies', () => {
  it('accepts a whole count from 0 to the ceiling on an open day up to today', () => {
    assert.deepEqual(check({}), {
      ok: true,
      tally: { date: '2026-11-20', visits: 12, openAnyway: false, clientId: 'abcdef12-3456', unit: 'day', period: null, activity: null, breakdown: null },
    });
    assert.equal(check({ date: today, visits: '0' }).ok, true);
    assert.equal(check({ visits: String(maxVisitsPerTally) }).ok, true);
  });

  it('refuses the future, impossible dates, negative, absurd and broken counts, and a missing client id', () => {
    assert.deepEqual(fields(check({ date: '2026-11-24' })), ['date']);
    assert.deepEqual(fields(check({ date: '2026-13-01' })), ['date']);
    assert.deepEqual(fields(check({ date: '2026-02-29' })), ['date']);
    assert.deepEqual(fields(check({ visits: '-1' })), ['visits']);
    assert.deepEqual(fields(check({ visits: String(maxVisitsPerTally + 1) })), ['visits']);
    assert.deepEqual(fields(check({ visits: '10000' })), ['visits']);
    assert.deepEqual(fields(check({ visits: '3,5' })), ['visits']);
    assert.deepEqual(fields(check({ visits: ' ' })), ['visits']);
    assert.deepEqual(fields(check({ clientId: '' })), ['clientId']);
  });

  it('asks for "open anyway" for visits on a day the schedule has the place closed, but not for a count of 0', () => {
    assert.deepEqual(fields(check({ date: '2026-11-22' })), ['openAnyway']);
    assert.equal(check({ date: '2026-11-22', openAnyway: true }).ok, true);
    assert.equal(check({ date: '2026-11-22', visits: '0' }).ok, true);
  });

  it('adds the tallies of a period, and says how many open days they cover and who registered them', () => {
    const tally = (date: string, visits: number, by: string): StoredTally => ({
      id: date + by,
      clientId: date + by,
      date,
      visits,
      openAnyway: false,
      registeredByName: by,
      registeredAt: new Date(`${date}T15:00:00Z`),
    });
    const figure = visitsFigure('o', [tally('2026-11-02', 10, 'B'), tally('2026-11-02', 4, 'A'), tally('2026-11-03', 6, 'A'), tally('2026-10-30', 99, 'C')], schedule, '2026-11-01', '2026-11-08', datesFrom);
    assert.equal(figure.value, 20);
    assert.deepEqual(figure.coverage, { daysCounted: 2, daysOpen: 5 });
    assert.deepEqual(figure.registeredBy, ['A', 'B']);
    assert.equal(figure.lastRegisteredAt?.toISOString(), '2026-11-03T15:00:00.000Z');
    assert.equal(figure.method, 'tally');
    assert.equal(figure.measure, 'visits');
  });

  it('takes a verdict on a month that has ended, and a dispute only with a comment', () => {
    assert.deepEqual(validateReview({ month: '2026-10', verdict: 'confirmed', comment: ' ' }, today), { ok: true, review: { month: '2026-10', verdict: 'confirmed', comment: null } });
    const problems = (input: { month: string; verdict: string; comment: string }) => {
      const result = validateReview(input, today);
      return result.ok ? [] : result.problems.map((problem) => problem.field);
    };
    assert.deepEqual(problems({ month: '2026-10', verdict: 'disputed', comment: '' }), ['comment']);
    assert.deepEqual(problems({ month: '2026-11', verdict: 'confirmed', comment: '' }), ['month']);
    assert.deepEqual(problems({ month: '2026-13', verdict: 'maybe', comment: '' }), ['month', 'verdict']);
    assert.deepEqual(monthSpan('2024-02'), { from: '2024-02-01', to: '2024-02-29' });
  });
});

describe('Corrections of a tally (ADR 028)', () => {
  const stored = (over: Partial<StoredTally> = {}): StoredTally => ({
    id: 'a',
    clientId: 'abcdef12-0001',
    date: '2026-11-20',
    visits: 45,
    openAnyway: false,
    registeredByName: 'Mette',
    registeredAt: new Date('2026-11-20T15:00:00Z'),
    unit: 'day',
    period: null,
    activity: null,
    breakdown: null,
    ...over,
  });
  const correct = (input: Partial<Parameters<typeof validateCorrection>[0]>, current = stored()) =>
    validateCorrection({ date: '2026-11-20', visits: '4', openAnyway: false, clientId: 'abcdef12-0002', reason: 'Tastet 45 for 4', withdraw: false, ...input }, current, { today, schedule });
  const problems = (result: ReturnType<typeof correct>) => (result.ok ? [] : result.problems.map((problem) => problem.message));

  it('takes a changed count with a reason, in the unit the tally was counted in', () => {
    const result = correct({});
    assert.ok(result.ok);
    assert.equal(result.reason, 'Tastet 45 for 4');
    assert.ok(!result.correction.withdrawn && result.correction.visits === 4 && result.correction.unit === 'day');
  });

  it('applies the checks of a new tally and asks for a reason and a change', () => {
    assert.match(problems(correct({ reason: '  ' })).join(), /Skriv hvorfor/);
    assert.match(problems(correct({ visits: String(maxVisitsPerTally + 1) })).join(), /mere, end noget sted har plads til/);
    assert.match(problems(correct({ date: '2026-11-24' })).join(), /ikke kommet endnu/);
    // 2026-11-22 is a Sunday: closed by the schedule.
    assert.match(problems(correct({ date: '2026-11-22' })).join(), /havde stedet lukket/);
    assert.ok(correct({ date: '2026-11-22', openAnyway: true }).ok);
    assert.match(problems(correct({ visits: '45' })).join(), /ikke ændret noget/);
    assert.match(problems(correct({ reason: 'x'.repeat(501) })).join(), /for lang/);
  });

  it('withdraws with only a reason', () => {
    const result = correct({ withdraw: true, visits: 'ikke et tal' });
    assert.ok(result.ok && result.correction.withdrawn);
    assert.ok(!correct({ withdraw: true, reason: '' }).ok);
  });

  it('puts every version in its tally’s history, the latest as current, whatever order the rows come in', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 4 }), { minLength: 1, maxLength: 6 }), fc.infiniteStream(fc.nat()), (lengths, order) => {
        const rows: StoredTally[] = lengths.flatMap((length, chain) =>
          Array.from({ length: length + 1 }, (_, step) => stored({ id: `${chain}-${step}`, visits: step, supersedes: step === 0 ? null : `${chain}-${step - 1}` })),
        );
        const shuffled = rows.map((row) => [order.next().value as number, row] as const).sort((a, b) => a[0] - b[0]).map(([, row]) => row);
        const histories = tallyHistories(shuffled);
        assert.equal(histories.length, lengths.length);
        for (const history of histories) {
          const chain = history.current.id.split('-')[0]!;
          assert.equal(history.current.visits, lengths[Number(chain)]);
          assert.deepEqual(history.earlier.map((row) => row.id), Array.from({ length: history.current.visits }, (_, step) => `${chain}-${step}`));
        }
      }),
    );
  });
});
