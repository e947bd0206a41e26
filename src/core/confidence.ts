import { cellAddress } from './address';
import type { Cell, Report, Span, Table } from './types';

/**
 * A table a reader placed by guesswork — a PDF table drawn without ruling lines, whose numbers are
 * put in rows and columns by the position of their text (`pdf-unruled-table`, SPEC R12.21) — is high
 * confidence only where every check a cell takes part in ran and passed: the equations confirm the
 * guess. Any other cell of such a table (no check covers it, a check failed or could not run, a blank
 * where the guess left a value elsewhere) is low (SPEC R12.22).
 */
export function confirmGuessedCells(report: Report, guessed: readonly Span[]): Report {
  if (guessed.length === 0) return report;
  const confirmed = new Map<string, boolean>();
  for (const check of report.checks)
    for (const cell of check.cells) {
      const key = cellAddress(cell);
      confirmed.set(key, (confirmed.get(key) ?? true) && check.status === 'pass');
    }
  const inGuessed = (cell: Cell) =>
    cell.span !== null &&
    guessed.some(([start, end]) => (cell.span?.[0] ?? -1) >= start && (cell.span?.[1] ?? 0) <= end);
  const guessedTable = (table: Table) =>
    table.rows.some((row) => Object.values(row.cells).some(inGuessed));
  return {
    ...report,
    tables: report.tables.map((table) =>
      guessedTable(table)
        ? {
            ...table,
            rows: table.rows.map((row) => ({
              ...row,
              cells: Object.fromEntries(
                Object.entries(row.cells).map(([column, cell]) => [
                  column,
                  confirmed.get(cellAddress({ table: table.id, row: row.key, column })) === true
                    ? cell
                    : { ...cell, confidence: 'low' as const },
                ]),
              ),
            })),
          }
        : table,
    ),
  };
}
