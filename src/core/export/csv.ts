// The long-form CSV for spreadsheets: one row per cell of every report. Written for Excel, which
// reads a CSV as the system code page unless it starts with a BOM, and runs a field that starts
// with = + - @ (or a tab or carriage return before one) as a formula.
import Papa from 'papaparse';
import { own } from '../own';
import { inertText } from './inert';
import type { Cell, Check, Report, Row, Table } from '../types';

// The first keys came first and keep their names; the Chinese labels stand beside the keys they name.
export const CSV_COLUMNS = [
  'file',
  'agency',
  'year',
  'template',
  'reviewStatus',
  'table',
  'tableTitle',
  'row',
  'rowLabel',
  'column',
  'columnLabel',
  'value',
  'raw',
  'kind',
  'corrected',
  'originalValue',
  'originalRaw',
  'confidence',
  'checks',
  'comments',
] as const;

type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number | boolean>;

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

const cellId = (table: string, row: string, column: string) =>
  `${table}\u0000${row}\u0000${column}`;

// Each cell's checks, in the report's order of checks (SPEC R9.13).
function checksByCell(report: Report): Map<string, Check[]> {
  const byCell = new Map<string, Check[]>();
  for (const check of report.checks) {
    // A check may name a cell twice (both sides); it is listed once.
    const ids = new Set(check.cells.map((ref) => cellId(ref.table, ref.row, ref.column)));
    for (const id of ids) byCell.set(id, [...(byCell.get(id) ?? []), check]);
  }
  return byCell;
}

/** `C3:requests:newReceived=fail/source-error`: a check's id, its status and the reviewer's verdict. */
function checkField(check: Check): string {
  return `${check.id}=${check.status}${check.verdict ? `/${check.verdict}` : ''}`;
}

function reportRows(report: Report): CsvRow[] {
  const file = report.source.name;
  const agency = report.meta.agency.value ?? '';
  const year = report.meta.year.value ?? '';
  const byCell = checksByCell(report);
  return report.tables.flatMap((table) =>
    table.rows.flatMap((row) =>
      orderedCells(row, table).map(([column, cell]) => {
        const checks = byCell.get(cellId(table.id, row.key, column)) ?? [];
        return inertRow({
          file,
          agency,
          year,
          template: report.meta.template,
          reviewStatus: report.review.status,
          table: table.id,
          tableTitle: table.title,
          row: row.key,
          rowLabel: row.label,
          column,
          columnLabel: table.columns.find((c) => c.key === column)?.label ?? '',
          value: cell.value ?? '',
          raw: cell.raw,
          kind: cell.kind,
          corrected: cell.original !== undefined,
          originalValue: cell.original?.value ?? '',
          originalRaw: cell.original?.raw ?? '',
          confidence: cell.confidence,
          checks: checks.map(checkField).join('; '),
          comments: checks.flatMap((c) => (c.comment ? [`${c.id}=${c.comment}`] : [])).join('; '),
        });
      }),
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
