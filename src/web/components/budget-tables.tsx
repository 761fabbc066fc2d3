import type { BudgetOverview } from '../../app/plan-budget.ts';
import { formatDate } from '../../domain/time.ts';
import { danishLang } from '../i18n/danish-text.tsx';
import type { Locale } from '../i18n/index.ts';
import { Alert } from './alert.tsx';

/** The budget's tables (ADR 032), read-only, for the public page and the back office alike. */

const words = {
  da: {
    warningsHeading: 'Bevillinger, der udløber',
    noWarnings: (months: number) => `Ingen bevillinger udløber inden for ${months} måneder, og ingen er udløbet uden at blive fornyet.`,
    expired: (name: string, date: string) => `${name}: bevillingen udløb ${date} og er ikke fornyet.`,
    expiredUnknown: (name: string, date: string) => `${name}: bevillingen udløb ${date}, og det er ikke registreret, om den er fornyet.`,
    expiring: (name: string, date: string) => `${name}: bevillingen udløber ${date}. Tag stilling til, om den skal fornyes.`,
    appropriations: 'Bevillinger',
    number: 'Bevilling',
    name: 'Navn',
    committee: 'Udvalg',
    function: 'Funktion',
    transfers: 'Overførsler mellem bevillinger',
    noTransfers: 'Der er ingen overførsler.',
    from: 'Fra',
    to: 'Til',
    years: 'År',
    perYear: 'Beløb om året (1.000 kr.)',
    priceLevel: 'Prisniveau',
    reason: 'Begrundelse',
    permanentFrom: (year: number) => `Fra ${year}, varigt`,
    span: (first: number, last: number) => (first === last ? String(first) : `${first}–${last}`),
    effect: 'Overførslernes virkning pr. bevilling og år (1.000 kr.)',
    effectNote: 'Negative beløb tages fra bevillingen, positive gives til den. Tilsammen går overførslerne op, så summen er 0 hvert år.',
    total: 'I alt',
    mixedLevels: (levels: string) => `Beløbene er i forskellige prisniveauer (${levels}) og er lagt sammen uden omregning.`,
    lines: 'Budgetlinjer fra kilderne',
    linesNote: 'Linjerne, som de står i kildedokumenterne. Den seedede overførsel ovenfor er den samme flytning, registreret som én overførsel.',
    year: 'År',
    amount: 'Beløb (1.000 kr.)',
    permanent: 'Varig',
    yes: 'Ja',
    no: 'Nej',
    grants: 'Bevillinger med udløb',
    place: 'Tilbud',
    ends: 'Udløber',
    renewed: 'Fornyet',
    unknown: 'Ukendt',
    endOfYear: (year: number) => `udgangen af ${year}`,
  },
  en: {
    warningsHeading: 'Grants that expire',
    noWarnings: (months: number) => `No grant expires within ${months} months, and none has expired without renewal.`,
    expired: (name: string, date: string) => `${name}: the grant expired on ${date} and has not been renewed.`,
    expiredUnknown: (name: string, date: string) => `${name}: the grant expired on ${date}, and whether it was renewed is not recorded.`,
    expiring: (name: string, date: string) => `${name}: the grant expires on ${date}. Decide whether it is to be renewed.`,
    appropriations: 'Appropriations',
    number: 'Appropriation',
    name: 'Name',
    committee: 'Committee',
    function: 'Function',
    transfers: 'Transfers between appropriations',
    noTransfers: 'There are no transfers.',
    from: 'From',
    to: 'To',
    years: 'Years',
    perYear: 'Amount a year (DKK 1,000)',
    priceLevel: 'Price level',
    reason: 'Reason',
    permanentFrom: (year: number) => `From ${year}, permanent`,
    span: (first: number, last: number) => (first === last ? String(first) : `${first}–${last}`),
    effect: 'The transfers’ effect by appropriation and year (DKK 1,000)',
    effectNote: 'Negative amounts are taken from the appropriation, positive ones given to it. Together the transfers balance, so each year sums to 0.',
    total: 'Total',
    mixedLevels: (levels: string) => `The amounts are at different price levels (${levels}) and are added without conversion.`,
    lines: 'Budget lines from the sources',
    linesNote: 'The lines as the source documents give them. The seeded transfer above is the same movement, recorded as one transfer.',
    year: 'Year',
    amount: 'Amount (DKK 1,000)',
    permanent: 'Permanent',
    yes: 'Yes',
    no: 'No',
    grants: 'Grants with an expiry',
    place: 'Offering',
    ends: 'Expires',
    renewed: 'Renewed',
    unknown: 'Unknown',
    endOfYear: (year: number) => `end of ${year}`,
  },
} satisfies Record<Locale, unknown>;

export function BudgetTables({ overview, locale, warningMonths }: { overview: BudgetOverview; locale: Locale; warningMonths: number }) {
  const t = words[locale];
  const number = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 });
  const nameOf = new Map(overview.appropriations.map((item) => [item.number, item.name]));
  const { effect } = overview;
  const yesNo = (value: boolean | null) => (value === null ? t.unknown : value ? t.yes : t.no);
  return (
    <>
      <h2>{t.warningsHeading}</h2>
      {overview.warnings.length === 0 ? (
        <p>{t.noWarnings(warningMonths)}</p>
      ) : (
        overview.warnings.map((warning) => (
          <Alert variant="warning" locale={locale}>
            {warning.state === 'expiring'
              ? t.expiring(warning.offeringName, formatDate(warning.endsOn, locale))
              : (warning.wasRenewed === false ? t.expired : t.expiredUnknown)(warning.offeringName, formatDate(warning.endsOn, locale))}
            {warning.note ? ` ${warning.note}` : ''}
          </Alert>
        ))
      )}

      <h2>{t.transfers}</h2>
      {overview.transfers.length === 0 ? (
        <p>{t.noTransfers}</p>
      ) : (
        <section class="table--responsive-scroll" tabindex={0} aria-label={t.transfers}>
          <table class="table table--compact">
            <caption class="sr-only">{t.transfers}</caption>
            <thead>
              <tr>
                <th scope="col">{t.from}</th>
                <th scope="col">{t.to}</th>
                <th scope="col">{t.years}</th>
                <th scope="col">{t.perYear}</th>
                <th scope="col">{t.priceLevel}</th>
                <th scope="col">{t.reason}</th>
              </tr>
            </thead>
            <tbody>
              {overview.transfers.map((transfer) => (
                <tr>
                  <td>
                    {transfer.from} <span lang={danishLang(locale)}>{nameOf.get(transfer.from)}</span>
                  </td>
                  <td>
                    {transfer.to} <span lang={danishLang(locale)}>{nameOf.get(transfer.to)}</span>
                  </td>
                  <td>{transfer.lastYear === null ? t.permanentFrom(transfer.firstYear) : t.span(transfer.firstYear, transfer.lastYear)}</td>
                  <td>{number.format(transfer.amountThousandDkk)}</td>
                  <td>{transfer.priceLevel}</td>
                  <td lang={danishLang(locale)}>{transfer.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {effect.rows.length > 0 && (
        <>
          <h2>{t.effect}</h2>
          <p>{t.effectNote}</p>
          {effect.priceLevels.length > 1 && (
            <Alert variant="warning" locale={locale}>
              {t.mixedLevels(effect.priceLevels.join(', '))}
            </Alert>
          )}
          <section class="table--responsive-scroll" tabindex={0} aria-label={t.effect}>
            <table class="table table--compact">
              <caption class="sr-only">{t.effect}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.number}</th>
                  {effect.years.map((year) => (
                    <th scope="col">{year}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {effect.rows.map((row) => (
                  <tr>
                    <th scope="row">
                      {row.appropriation} <span lang={danishLang(locale)}>{nameOf.get(row.appropriation)}</span>
                    </th>
                    {row.byYear.map((value) => (
                      <td>{number.format(value)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t.total}</th>
                  {effect.totals.map((value) => (
                    <td>{number.format(value)}</td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </section>
        </>
      )}

      <h2>{t.appropriations}</h2>
      <section class="table--responsive-scroll" tabindex={0} aria-label={t.appropriations}>
        <table class="table table--compact">
          <caption class="sr-only">{t.appropriations}</caption>
          <thead>
            <tr>
              <th scope="col">{t.number}</th>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.committee}</th>
              <th scope="col">{t.function}</th>
            </tr>
          </thead>
          <tbody>
            {overview.appropriations.map((item) => (
              <tr>
                <th scope="row">{item.number}</th>
                <td lang={danishLang(locale)}>{item.name}</td>
                <td>{item.committee}</td>
                <td>{item.functionCode}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <h2>{t.lines}</h2>
      <p>{t.linesNote}</p>
      <section class="table--responsive-scroll" tabindex={0} aria-label={t.lines}>
        <table class="table table--compact">
          <caption class="sr-only">{t.lines}</caption>
          <thead>
            <tr>
              <th scope="col">{t.number}</th>
              <th scope="col">{t.year}</th>
              <th scope="col">{t.amount}</th>
              <th scope="col">{t.priceLevel}</th>
              <th scope="col">{t.permanent}</th>
            </tr>
          </thead>
          <tbody>
            {overview.lines.map((line) => (
              <tr>
                <th scope="row">{line.appropriation}</th>
                <td>{line.year}</td>
                <td>{number.format(line.amountThousandDkk)}</td>
                <td>{line.priceLevel}</td>
                <td>{yesNo(line.isPermanent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <h2>{t.grants}</h2>
      <section class="table--responsive-scroll" tabindex={0} aria-label={t.grants}>
        <table class="table table--compact">
          <caption class="sr-only">{t.grants}</caption>
          <thead>
            <tr>
              <th scope="col">{t.place}</th>
              <th scope="col">{t.ends}</th>
              <th scope="col">{t.renewed}</th>
            </tr>
          </thead>
          <tbody>
            {overview.grants.map((grant) => (
              <tr>
                <th scope="row" lang={danishLang(locale)}>
                  {grant.offeringName}
                </th>
                <td>{grant.expiresOn ? formatDate(grant.expiresOn, locale) : t.endOfYear(grant.expiresYear)}</td>
                <td>{yesNo(grant.wasRenewed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
