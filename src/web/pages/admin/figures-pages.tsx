import type { FiguresReport } from '../../../app/figures-report.ts';
import { cellText, type Dimension, dimensions, dimensionWords, methodLabel, type ReportRow, type ReportTable, smallestShownCount } from '../../../domain/counting/report.ts';
import { formatDanishDate } from '../../../domain/time.ts';
import { columnHeading } from '../../../http/presenters/figures-export.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { BarChart } from '../../components/bar-chart.tsx';
import { Button, Select } from '../../components/form.tsx';

type SignedIn = { name: string; csrfToken: string };

const dateTime = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' });
const number = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

export type FiguresPageProps = {
  signedIn: SignedIn;
  report: FiguresReport;
  /** The years the form offers, newest first. */
  years: number[];
  /** The query of this report, for the export links. */
  query: string;
  offeringCount: number;
  seesEverything: boolean;
};

/** The change from last year in words: '+12 %', '−3 %', or nothing when there is nothing to compare. */
export function changeText(now: number, before: number | null): string {
  if (before === null || before === 0) return '';
  const percent = Math.round(((now - before) / before) * 100);
  return `${percent > 0 ? '+' : percent < 0 ? '−' : '±'}${Math.abs(percent)} %`;
}

function ProvenanceText({ row }: { row: ReportRow }) {
  const p = row.provenance;
  return (
    <>
      {p.methods.map(methodLabel).join(', ')}; talt {p.daysCounted} af {p.daysOpen} dage med åbent; registreret af {p.registeredBy.join(', ')}
      {p.lastRegisteredAt && `, senest ${dateTime.format(p.lastRegisteredAt)}`}
      {row.provenance.offerings > 1 && `; ${row.provenance.offerings} tilbud`}
      {row.confirmed > 0 && `; ${row.confirmed} måned${row.confirmed === 1 ? '' : 'er'} bekræftet`}
      {row.changed > 0 && `; ${row.changed} skal bekræftes igen`}
    </>
  );
}

function FigureTable({ report, table, index }: { report: FiguresReport; table: ReportTable; index: number }) {
  const id = `tabel-${index}`;
  const visits = table.measure === 'visits';
  const disputes = table.rows.flatMap((row) => row.disputes.map((dispute) => ({ ...dispute, row: row.label })));
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {`${table.label[0]!.toUpperCase()}${table.label.slice(1)}`} {dimensionWords[report.dimension].heading.toLowerCase()}, {report.year}
      </h2>
      {disputes.length > 0 && (
        <>
          <Alert variant="warning">
            {disputes.length === 1 ? 'Et tal i tabellen er bestridt' : `${disputes.length} tal i tabellen er bestridt`} af tilbuddet. Indsigelsen står her, indtil
            tilbuddet bekræfter tallet.
          </Alert>
          <ul class="figures-disputes">
            {disputes.map((dispute) => (
              <li>
                {dispute.offeringName}, {columnHeading(dispute.month)}: »{dispute.comment}« ({dispute.by}, {dateTime.format(dispute.at)}; tallet var {dispute.visitsSeen})
              </li>
            ))}
          </ul>
        </>
      )}
      <div class="figures-side-by-side">
        <BarChart
          id={`${id}-chart`}
          title={`${table.label[0]!.toUpperCase()}${table.label.slice(1)} ${dimensionWords[report.dimension].heading.toLowerCase()}, ${formatDanishDate(report.from)}–${formatDanishDate(report.to)}`}
          description={`Søjlediagram med ${table.rows.length} ${table.rows.length === 1 ? 'søjle' : 'søjler'}, én pr. ${dimensionWords[report.dimension].label.toLowerCase()}. Tallene står i tabellen ved siden af.`}
          bars={table.rows.map((row) => ({ label: row.label, value: row.total, text: number.format(row.total) }))}
        />
      </div>
      <section class="table--responsive-scroll" tabindex={0} aria-label={`Tabel: ${table.label} ${dimensionWords[report.dimension].heading.toLowerCase()}`}>
        <table class="table table--compact">
          <caption>
            {`${table.label[0]!.toUpperCase()}${table.label.slice(1)}`} {formatDanishDate(report.from)}–{formatDanishDate(report.to)}. Tal fra 1 til {smallestShownCount - 1} under et tilbud står som
            »under {smallestShownCount}«.
          </caption>
          <thead>
            <tr>
              <th scope="col">{dimensionWords[report.dimension].label}</th>
              {table.columns.length > 1 && table.columns.map((column) => <th scope="col">{columnHeading(column)}</th>)}
              <th scope="col">I alt</th>
              <th scope="col">Samme periode året før</th>
              {visits && <th scope="col">Besøg pr. åbningstime</th>}
              <th scope="col">Oprindelse</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr>
                <th scope="row">
                  {row.label}
                  {row.disputes.length > 0 && <span class="figures-dispute"> (indsigelse)</span>}
                </th>
                {table.columns.length > 1 && row.cells.map((cell) => <td>{cellText(cell)}</td>)}
                <td>{number.format(row.total)}</td>
                <td>
                  {row.lastYear === null ? 'Ingen tal' : number.format(row.lastYear)} {changeText(row.total, row.lastYear)}
                </td>
                {visits && <td>{row.openHours ? `${number.format(row.total / row.openHours)} (${number.format(row.openHours)} timer)` : 'Ingen åbningstider'}</td>}
                <td class="figures-provenance">
                  <ProvenanceText row={row} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">I alt</th>
              {table.columns.length > 1 && (table.columnTotals ? table.columnTotals.map((cell) => <td>{cellText(cell)}</td>) : table.columns.map(() => <td>–</td>))}
              <td>{number.format(table.grandTotal)}</td>
              <td>
                {table.grandLastYear === null ? 'Ingen tal' : number.format(table.grandLastYear)} {changeText(table.grandTotal, table.grandLastYear)}
              </td>
              {visits && <td />}
              <td />
            </tr>
          </tfoot>
        </table>
      </section>
      {report.dimension === 'targetGroup' && <p class="form-hint">Et tilbud for flere målgrupper står under hver af dem, så målgrupperne lægges ikke sammen pr. måned.</p>}
    </section>
  );
}

/** /admin/tal: figures on use by a dimension of the range, by month or for the year, with exports (ADR 029). */
export function FiguresPage(props: FiguresPageProps) {
  const { report } = props;
  const options = <T extends string>(items: readonly T[], words: (item: T) => [string, string], current: string) =>
    items.map((item) => {
      const [value, text] = words(item);
      return { value, text, selected: value === current };
    });
  return (
    <AdminLayout title={`Tal for brug ${report.year}`} signedIn={props.signedIn} stylesheets={['/static/figures.css']}>
      <h1>Tal for brug af tilbuddene</h1>
      <p>
        Hvert tal står med sin oprindelse: metode, periode, hvor mange af de åbne dage der er talt, hvem der har registreret og hvornår. Tal uden oprindelse vises
        ikke. Besøg og unikke brugere lægges aldrig sammen.{props.seesEverything ? '' : ` Du ser de ${props.offeringCount} tilbud, dine roller dækker.`}
      </p>
      <form method="get" action="/admin/tal" class="figures-form">
        <Select
          id="efter"
          name="efter"
          label="Opdelt efter"
          options={options<Dimension>(dimensions, (item) => [dimensionWords[item].word, dimensionWords[item].label], dimensionWords[report.dimension].word)}
        />
        <Select
          id="periode"
          name="periode"
          label="Kolonner"
          options={[
            { value: 'maaned', text: 'Pr. måned', selected: report.period === 'month' },
            { value: 'aar', text: 'Hele året', selected: report.period === 'year' },
          ]}
        />
        <Select id="aar" name="aar" label="År" options={props.years.map((year) => ({ value: String(year), text: String(year), selected: year === report.year }))} />
        <Button variant="secondary">Vis tallene</Button>
      </form>
      {report.tables.length === 0 ? (
        <p>Der er ingen tal med oprindelse for {report.year} i de tilbud, du kan se.</p>
      ) : (
        <>
          <p>
            Hent tabellen: <a href={`/admin/tal/eksport.csv?${props.query}`}>CSV (semikolon, til regneark)</a> ·{' '}
            <a href={`/admin/tal/eksport.xlsx?${props.query}`}>Excel (XLSX)</a>
          </p>
          {report.tables.map((table, index) => (
            <FigureTable report={report} table={table} index={index} />
          ))}
        </>
      )}
    </AdminLayout>
  );
}
