import type { FiguresReport } from '../../app/figures-report.ts';
import { cellText, dimensionWords, methodLabel, type ReportTable } from '../../domain/counting/report.ts';
import { copenhagenDate } from '../../domain/time.ts';
import { type Sheet, type SheetCell, xlsx } from './xlsx.ts';

/**
 * A report as rows for CSV and XLSX (ADR 029): the same cells as the page, suppressed cells as «under 5»,
 * and every row with its provenance and open disputes in columns of their own.
 */

const monthWords = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];

/** A column's heading: 'jan. 2026' for a month, the year for a year. */
export const columnHeading = (column: string) => (column.length === 7 ? `${monthWords[Number(column.slice(5, 7)) - 1]} ${column.slice(0, 4)}` : column);

export function tableRows(report: FiguresReport, table: ReportTable): SheetCell[][] {
  const header = [
    dimensionWords[report.dimension].label,
    ...table.columns.map(columnHeading),
    `I alt (${table.label})`,
    `Samme periode året før (${report.lastYearFrom} – ${report.lastYearTo})`,
    ...(table.measure === 'visits' ? ['Timer åbent efter åbningstiderne', 'Besøg pr. åbningstime'] : []),
    'Metode',
    'Periode',
    'Dage talt',
    'Dage åbent',
    'Registreret af',
    'Senest registreret',
    'Tilbud',
    'Bekræftede måneder',
    'Måneder der skal bekræftes igen',
    'Åbne indsigelser',
  ];
  const rows: SheetCell[][] = table.rows.map((row) => [
    row.label,
    ...row.cells.map((cell) => ('value' in cell ? cell.value : cellText(cell))),
    row.total,
    row.lastYear,
    ...(table.measure === 'visits' ? [row.openHours, row.openHours ? Math.round((row.total / row.openHours) * 100) / 100 : null] : []),
    row.provenance.methods.map(methodLabel).join(', '),
    `${row.provenance.from} – ${row.provenance.to}`,
    row.provenance.daysCounted,
    row.provenance.daysOpen,
    row.provenance.registeredBy.join(', '),
    row.provenance.lastRegisteredAt ? copenhagenDate(row.provenance.lastRegisteredAt) : null,
    row.provenance.offerings,
    row.confirmed,
    row.changed,
    row.disputes.map((dispute) => `${dispute.offeringName} ${columnHeading(dispute.month)}: ${dispute.comment ?? ''} (${dispute.by}, ${copenhagenDate(dispute.at)})`).join('; '),
  ]);
  const totals: SheetCell[] = [
    'I alt',
    ...(table.columnTotals ? table.columnTotals.map((cell) => ('value' in cell ? cell.value : cellText(cell))) : table.columns.map(() => null)),
    table.grandTotal,
    table.grandLastYear,
  ];
  return [header, ...rows, totals];
}

// A cell a spreadsheet would read as a formula is written as text.
const csvCell = (cell: SheetCell) => {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell).replace('.', ',') : /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The report as CSV the way Danish spreadsheets read it: semicolons between cells, decimal commas, UTF-8
 * with a byte order mark, one block per measure with its name above.
 */
export function reportCsv(report: FiguresReport): string {
  const blocks = report.tables.map((table) => [[`Mål: ${table.label}`], ...tableRows(report, table)].map((row) => row.map(csvCell).join(';')).join('\r\n'));
  return `\uFEFF${blocks.join('\r\n\r\n')}\r\n`;
}

/** The report as an .xlsx workbook: one sheet per measure. */
export function reportXlsx(report: FiguresReport, now: Date): Buffer {
  const sheets: Sheet[] = report.tables.map((table) => ({ name: `${table.label[0]!.toUpperCase()}${table.label.slice(1)} ${report.year}`, rows: tableRows(report, table) }));
  return xlsx(sheets.length ? sheets : [{ name: `Tal ${report.year}`, rows: [['Ingen tal med oprindelse i perioden']] }], now);
}

/** The file name of an export: tal-besoeg-2026-pr-bydel.csv. */
export const exportName = (report: FiguresReport, extension: 'csv' | 'xlsx') => `tal-${report.year}-${report.period === 'month' ? 'maaned' : 'aar'}-pr-${dimensionWords[report.dimension].word}.${extension}`;
