/**
 * Budgets of the range (ADR 032): appropriations, budget lines, transfers between appropriations, grants that
 * expire; the effect of changes per appropriation and year. Amounts are in 1,000 DKK at a stated price level.
 * Pure: no clock (today is passed in), no storage.
 */

export type Appropriation = { number: string; name: string; committee: string; functionCode: string };

export type BudgetLine = {
  appropriation: string;
  year: number;
  amountThousandDkk: number;
  priceLevel: number;
  isPermanent: boolean;
  kind: 'expense' | 'income';
  note: string | null;
};

export type BudgetTransfer = {
  id: string;
  from: string;
  to: string;
  firstYear: number;
  /** null: permanent, from `firstYear` on. */
  lastYear: number | null;
  amountThousandDkk: number;
  priceLevel: number;
  reason: string;
  seedRefs: string[];
};

/** A change to one appropriation: an amount a year from `firstYear`, to `lastYear` (null: permanent). */
export type BudgetChange = {
  appropriation: string;
  amountThousandDkk: number;
  firstYear: number;
  lastYear: number | null;
  priceLevel: number;
};

export type BudgetEffect = {
  years: number[];
  /** The price levels the changes were given in; more than one means the sums mix price levels. */
  priceLevels: number[];
  rows: { appropriation: string; byYear: number[]; total: number }[];
  /** Per year over all appropriations (0 for transfers alone). */
  totals: number[];
};

/** A transfer as the two changes it makes: taken from one appropriation, given to the other. */
export function transferChanges(transfer: BudgetTransfer): BudgetChange[] {
  const span = { firstYear: transfer.firstYear, lastYear: transfer.lastYear, priceLevel: transfer.priceLevel };
  return [
    { appropriation: transfer.from, amountThousandDkk: -transfer.amountThousandDkk, ...span },
    { appropriation: transfer.to, amountThousandDkk: transfer.amountThousandDkk, ...span },
  ];
}

const appliesIn = (change: BudgetChange, year: number) => year >= change.firstYear && (change.lastYear === null || year <= change.lastYear);

/** The changes summed per appropriation and year (appropriations in number order), with totals per year. */
export function budgetEffect(changes: readonly BudgetChange[], years: readonly number[]): BudgetEffect {
  const byAppropriation = new Map<string, number[]>();
  for (const change of changes) {
    const row = byAppropriation.get(change.appropriation) ?? years.map(() => 0);
    years.forEach((year, index) => {
      if (appliesIn(change, year)) row[index] = round(row[index]! + change.amountThousandDkk);
    });
    byAppropriation.set(change.appropriation, row);
  }
  const rows = [...byAppropriation]
    .sort(([a], [b]) => a.localeCompare(b, 'da', { numeric: true }))
    .map(([appropriation, byYear]) => ({ appropriation, byYear, total: round(byYear.reduce((sum, value) => sum + value, 0)) }));
  return {
    years: [...years],
    priceLevels: [...new Set(changes.map((change) => change.priceLevel))].sort(),
    rows,
    totals: years.map((_, index) => round(rows.reduce((sum, row) => sum + row.byYear[index]!, 0))),
  };
}

/** Amounts are kept to one decimal (100 DKK), as the budget documents write them. */
const round = (value: number) => Math.round(value * 10) / 10;

export type TransferInput = {
  from: string;
  to: string;
  firstYear: string;
  lastYear: string;
  amountOut: string;
  amountIn: string;
  priceLevel: string;
  reason: string;
};

export type TransferProblem = { field: keyof TransferInput; message: string };

const thousands = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** Reads "3.400", "3400" or "3400,5" (1,000 DKK); null when it is not such a number. */
export function readThousands(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, '').replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  if (!/^\d+(\.\d)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

const readYear = (text: string) => (/^\d{4}$/.test(text.trim()) ? Number(text.trim()) : null);

/**
 * A transfer typed into the back office's form, checked. It must balance: what is taken from one appropriation is
 * what is given to the other. Every problem names its field, in plain Danish.
 */
export function checkTransfer(
  input: TransferInput,
  appropriations: readonly Appropriation[],
): { transfer: Omit<BudgetTransfer, 'id' | 'seedRefs'>; problems: [] } | { transfer: null; problems: TransferProblem[] } {
  const problems: TransferProblem[] = [];
  const known = new Set(appropriations.map((item) => item.number));
  const from = input.from.trim();
  const to = input.to.trim();
  if (!known.has(from)) problems.push({ field: 'from', message: from ? `Bevilling ${from.slice(0, 20)} findes ikke. Vælg den bevilling, beløbet tages fra.` : 'Vælg den bevilling, beløbet tages fra.' });
  if (!known.has(to)) problems.push({ field: 'to', message: to ? `Bevilling ${to.slice(0, 20)} findes ikke. Vælg den bevilling, beløbet gives til.` : 'Vælg den bevilling, beløbet gives til.' });
  if (from && from === to) problems.push({ field: 'to', message: 'En overførsel går mellem to forskellige bevillinger. Vælg en anden bevilling at give beløbet til.' });
  const firstYear = readYear(input.firstYear);
  if (firstYear === null || firstYear < 2000 || firstYear > 2100) problems.push({ field: 'firstYear', message: 'Skriv det første år som fire cifre, fx 2017.' });
  const lastYear = input.lastYear.trim() === '' ? null : readYear(input.lastYear);
  if (input.lastYear.trim() !== '' && (lastYear === null || lastYear > 2100)) {
    problems.push({ field: 'lastYear', message: 'Skriv det sidste år som fire cifre, fx 2020, eller lad feltet stå tomt, hvis overførslen er varig.' });
  } else if (lastYear !== null && firstYear !== null && lastYear < firstYear) {
    problems.push({ field: 'lastYear', message: `Det sidste år (${lastYear}) ligger før det første (${firstYear}).` });
  }
  const amountOut = readThousands(input.amountOut);
  const amountIn = readThousands(input.amountIn);
  if (amountOut === null || amountOut <= 0) problems.push({ field: 'amountOut', message: 'Skriv beløbet, der tages, i 1.000 kr. om året, fx 3.400 for 3,4 mio. kr.' });
  if (amountIn === null || amountIn <= 0) problems.push({ field: 'amountIn', message: 'Skriv beløbet, der gives, i 1.000 kr. om året, fx 3.400 for 3,4 mio. kr.' });
  if (amountOut !== null && amountIn !== null && amountOut > 0 && amountIn > 0 && amountOut !== amountIn) {
    problems.push({
      field: 'amountIn',
      message: `Overførslen går ikke op: der tages ${thousands.format(amountOut)} (1.000 kr.) om året fra ${from || 'den ene bevilling'}, men gives ${thousands.format(amountIn)} til ${to || 'den anden'}. Der skal gives det samme, som der tages.`,
    });
  }
  const priceLevel = readYear(input.priceLevel);
  if (priceLevel === null || priceLevel < 1990 || priceLevel > 2100) problems.push({ field: 'priceLevel', message: 'Skriv prisniveauet som et årstal, fx 2013.' });
  const reason = input.reason.trim();
  if (reason.length < 5) problems.push({ field: 'reason', message: 'Skriv kort, hvorfor beløbet flyttes (mindst 5 tegn).' });
  else if (reason.length > 1000) problems.push({ field: 'reason', message: `Begrundelsen er ${reason.length} tegn. Gør den kortere end 1.000 tegn.` });
  if (problems.length > 0) return { transfer: null, problems };
  return {
    transfer: { from, to, firstYear: firstYear!, lastYear, amountThousandDkk: amountOut!, priceLevel: priceLevel!, reason },
    problems: [],
  };
}

export type Grant = { offeringName: string; offeringSlug: string; expiresYear: number; expiresOn: string | null; wasRenewed: boolean | null; note: string | null };

export type GrantWarning = Grant & { endsOn: string; state: 'expired' | 'expiring' };

/** How many months ahead an expiring grant is warned about. */
export const grantWarningMonths = 6;

function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  const last = new Date(Date.UTC(Math.floor(total / 12), (total % 12) + 1, 0)).getUTCDate();
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/**
 * Grants that need attention on `today`: ended and not renewed ('expired'), or ending within `months` ('expiring').
 * A grant with only a year ends on 31 December of it. Renewed grants and those further ahead are left out.
 */
export function grantWarnings(grants: readonly Grant[], today: string, months = grantWarningMonths): GrantWarning[] {
  const horizon = addMonths(today, months);
  return grants
    .filter((grant) => grant.wasRenewed !== true)
    .map((grant) => ({ ...grant, endsOn: grant.expiresOn ?? `${grant.expiresYear}-12-31` }))
    .filter((grant) => grant.endsOn <= horizon)
    .map((grant) => ({ ...grant, state: grant.endsOn < today ? ('expired' as const) : ('expiring' as const) }))
    .sort((a, b) => a.endsOn.localeCompare(b.endsOn) || a.offeringName.localeCompare(b.offeringName, 'da'));
}
