// The long-form CSV for spreadsheets: one row per cell of every report. Written for Excel, which
// reads a CSV as the system code page unless it starts with a BOM, and runs a field that starts
// with = + - @ (or a tab or carriage return before one) as a formula.
import Papa from 'papaparse';
import { own } from '../own';
import type { Cell, Report, Row, Table } from '../types';

export const CSV_COLUMNS = [
  'file',
  'agency',
  'year',
  'template',
  'table',
  'row',
  'column',
  'value',
  'raw',
  'kind',
  'corrected',
  'confidence',
] as const;

type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number | boolean>;

const FORMULA_START = /^[=+\-@\t\r]/;
// A signed number is what Excel should see: it reads it as that number, and runs nothing.
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * Text that Excel would run as a formula gets a leading apostrophe (OWASP's advice); numbers are
 * written as numbers and never touched, unlike papaparse's `escapeFormulae`, which would turn a
 * negative `change` into text.
 */
export function inertText(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

// The table's column order, then cells without a column, sorted: the order of the JSON export.
function orderedCells(row: Row, table: Table): [string, Cell][] {
  const known = table.columns.flatMap(({ key }): [string, Cell][] => {
    const cell = own(row.cells, key);
    return cell ? [[key, cell]] : [];
  });
  const columns = new Set(table.columns.map((c) => c.key));
  const extra = Object.entries(row.cells)
    .filter(([key]) => !columns.has(key))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return [...known, ...extra];
}

// Every text field is made inert, not only the free text: table ids, row and column keys come from
// an imported JSON as freely as a file name does (SPEC R9.7).
function inertRow(row: CsvRow): CsvRow {
  const fields = Object.entries(row).map(([key, field]) => [
    key,
    typeof field === 'string' ? inertText(field) : field,
  ]);
  return Object.fromEntries(fields) as CsvRow;
}

function reportRows(report: Report): CsvRow[] {
  const file = report.source.name;
  const agency = report.meta.agency.value ?? '';
  const year = report.meta.year.value ?? '';
  return report.tables.flatMap((table) =>
    table.rows.flatMap((row) =>
      orderedCells(row, table).map(([column, cell]) =>
        inertRow({
          file,
          agency,
          year,
          template: report.meta.template,
          table: table.id,
          row: row.key,
          column,
          value: cell.value ?? '',
          raw: cell.raw,
          kind: cell.kind,
          corrected: cell.original !== undefined,
          confidence: cell.confidence,
        }),
      ),
    ),
  );
}

/** The whole file: a BOM, a header line, then one CRLF-ended line per cell, reports in the order given. */
export function reportsToCsv(reports: readonly Report[]): string {
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: reports.flatMap(reportRows) },
    { newline: '\r\n' },
  );
  return `\uFEFF${csv}\r\n`;
}
