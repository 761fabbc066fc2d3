import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type BudgetChange, budgetEffect, checkTransfer, grantWarnings, readThousands, transferChanges, type TransferInput } from './budget.ts';

const appropriations = [
  { number: '1613', name: 'Borgere med sindslidelse', committee: 'SUD', functionCode: '5.38.59' },
  { number: '1616', name: 'Udsatte voksne', committee: 'SUD', functionCode: '5.38.59' },
];
const seeded = { id: 't', from: '1613', to: '1616', firstYear: 2013, lastYear: null, amountThousandDkk: 3400, priceLevel: 2013, reason: 'x', seedRefs: [] };
const valid: TransferInput = { from: '1613', to: '1616', firstYear: '2017', lastYear: '', amountOut: '3.400', amountIn: '3400', priceLevel: '2013', reason: 'Brugerne har hovedsageligt et misbrug.' };

describe('budgets', () => {
  it('sums the seeded transfer per appropriation and year: 3.4 million DKK a year out of 1613 and into 1616, nothing in total', () => {
    const effect = budgetEffect(transferChanges(seeded), [2013, 2014, 2015, 2016]);
    assert.deepEqual(effect.rows, [
      { appropriation: '1613', byYear: [-3400, -3400, -3400, -3400], total: -13600 },
      { appropriation: '1616', byYear: [3400, 3400, 3400, 3400], total: 13600 },
    ]);
    assert.deepEqual(effect.totals, [0, 0, 0, 0]);
    assert.deepEqual(effect.priceLevels, [2013]);
  });

  it('applies a change only in its years, and a permanent one in every year from its first', () => {
    const effect = budgetEffect(
      [
        { appropriation: '1613', amountThousandDkk: -500, firstYear: 2015, lastYear: 2016, priceLevel: 2013 },
        { appropriation: '1613', amountThousandDkk: 200, firstYear: 2016, lastYear: null, priceLevel: 2014 },
      ],
      [2014, 2015, 2016, 2017],
    );
    assert.deepEqual(effect.rows[0]!.byYear, [0, -500, -300, 200]);
    assert.deepEqual(effect.priceLevels, [2013, 2014]);
  });

  it('keeps every set of transfers balanced, and sums two sets of changes as the sum of each', () => {
    const change = fc.record({
      appropriation: fc.constantFrom('1613', '1616', '1700'),
      amountThousandDkk: fc.integer({ min: -10_000, max: 10_000 }),
      firstYear: fc.integer({ min: 2012, max: 2020 }),
      lastYear: fc.option(fc.integer({ min: 2012, max: 2022 }), { nil: null }),
      priceLevel: fc.constant(2013),
    });
    const years = [2012, 2014, 2016, 2018, 2020, 2022];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9000 }), { maxLength: 5 }), fc.integer({ min: 2012, max: 2020 }), (amounts, firstYear) => {
        const changes = amounts.flatMap((amount, index) =>
          transferChanges({ ...seeded, from: index % 2 ? '1613' : '1616', to: index % 2 ? '1616' : '1613', amountThousandDkk: amount, firstYear }),
        );
        assert.ok(budgetEffect(changes, years).totals.every((total) => total === 0));
      }),
    );
    fc.assert(
      fc.property(fc.array(change, { maxLength: 6 }), fc.array(change, { maxLength: 6 }), (a: BudgetChange[], b: BudgetChange[]) => {
        const both = budgetEffect([...a, ...b], years);
        const [ea, eb] = [budgetEffect(a, years), budgetEffect(b, years)];
        for (const index of years.keys()) assert.equal(both.totals[index], Math.round((ea.totals[index]! + eb.totals[index]!) * 10) / 10);
      }),
    );
  });

  it('accepts a balanced transfer and reads Danish thousands', () => {
    const result = checkTransfer(valid, appropriations);
    assert.deepEqual(result.problems, []);
    assert.equal(result.transfer?.amountThousandDkk, 3400);
    assert.equal(result.transfer?.lastYear, null);
    assert.equal(readThousands('3.400'), 3400);
    assert.equal(readThousands('3400,5'), 3400.5);
    assert.equal(readThousands('3,4 mio'), null);
  });

  it('refuses a transfer that does not balance, one to itself and unknown appropriations, each in plain Danish on its field', () => {
    const unbalanced = checkTransfer({ ...valid, amountIn: '3000' }, appropriations);
    assert.deepEqual(unbalanced.problems.map((problem) => problem.field), ['amountIn']);
    assert.match(unbalanced.problems[0]!.message, /Overførslen går ikke op: der tages 3\.400 \(1\.000 kr\.\) om året fra 1613, men gives 3\.000 til 1616/);
    assert.match(checkTransfer({ ...valid, to: '1613' }, appropriations).problems[0]!.message, /to forskellige bevillinger/);
    assert.match(checkTransfer({ ...valid, from: '9999' }, appropriations).problems[0]!.message, /Bevilling 9999 findes ikke/);
    const years = checkTransfer({ ...valid, firstYear: '2018', lastYear: '2017' }, appropriations);
    assert.match(years.problems[0]!.message, /ligger før det første/);
    assert.deepEqual(
      checkTransfer({ from: '', to: '', firstYear: 'x', lastYear: 'y', amountOut: '-1', amountIn: '', priceLevel: '', reason: '' }, appropriations).problems.map((p) => p.field),
      ['from', 'to', 'firstYear', 'lastYear', 'amountOut', 'amountIn', 'priceLevel', 'reason'],
    );
  });

  it('warns about grants that ended without renewal and those ending within six months, never renewed ones', () => {
    const grant = (name: string, expiresYear: number, expiresOn: string | null, wasRenewed: boolean | null) => ({
      offeringName: name,
      offeringSlug: name.toLowerCase(),
      expiresYear,
      expiresOn,
      wasRenewed,
      note: null,
    });
    const warnings = grantWarnings(
      [grant('Milepælen', 2015, null, false), grant('Fornyet', 2015, null, true), grant('Snart', 2016, '2016-08-31', null), grant('Senere', 2017, null, null)],
      '2016-03-01',
    );
    assert.deepEqual(
      warnings.map((item) => [item.offeringName, item.state, item.endsOn]),
      [
        ['Milepælen', 'expired', '2015-12-31'],
        ['Snart', 'expiring', '2016-08-31'],
      ],
    );
  });
});
