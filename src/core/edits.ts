import { parseCellText } from './cells';
import { runChecks } from './checks';
import type { Cell, CellRef, Check, Report, Row, Table } from './types';

/**
 * A reviewer's correction of one cell. The span stays (the cell still came from that place in the
 * source); `original` keeps the parser's reading from the first change on, and every change is
 * appended to the audit trail. Checks are re-run, keeping the verdicts already given.
 *
 * Returns the same report when `raw` equals the cell's current text, so that confirming a cell
 * without changing it leaves no trace. Unchanged tables, rows and cells are shared with the input.
 */
export function applyCellEdit(report: Report, ref: CellRef, raw: string, at: string): Report {
  const table = report.tables.find((t) => t.id === ref.table);
  const row = table?.rows.find((r) => r.key === ref.row);
  const cell = row?.cells[ref.column];
  if (!table || !row || !cell) {
    throw new RangeError(`no cell ${ref.table}/${ref.row}/${ref.column} in this report`);
  }
  if (raw === cell.raw) return report;

  const reading = parseCellText(raw);
  const edited: Cell = {
    ...cell,
    value: reading.value,
    raw: reading.raw,
    kind: reading.kind,
    original: cell.original ?? { value: cell.value, raw: cell.raw },
  };
  const newRow: Row = { ...row, cells: { ...row.cells, [ref.column]: edited } };
  const newTable: Table = { ...table, rows: table.rows.map((r) => (r === row ? newRow : r)) };
  const tables = report.tables.map((t) => (t === table ? newTable : t));

  return {
    ...report,
    tables,
    checks: keepVerdicts(runChecks(tables, report.facts), report.checks),
    edits: [
      ...report.edits,
      {
        at,
        table: ref.table,
        row: ref.row,
        column: ref.column,
        from: { value: cell.value, raw: cell.raw },
        to: { value: edited.value, raw: edited.raw },
      },
    ],
    review: {
      status: report.review.status === 'unreviewed' ? 'in-progress' : report.review.status,
      updatedAt: at,
    },
  };
}

// A verdict is the reviewer's judgement on a rule at a place, not on particular numbers: it stays
// attached to the check id when the numbers change.
function keepVerdicts(fresh: Check[], previous: Check[]): Check[] {
  const judged = new Map(
    previous
      .filter((c) => c.verdict !== undefined || c.comment !== undefined)
      .map((c) => [c.id, c]),
  );
  if (judged.size === 0) return fresh;
  return fresh.map((check) => {
    const before = judged.get(check.id);
    if (!before) return check;
    const kept: Check = { ...check };
    if (before.verdict !== undefined) kept.verdict = before.verdict;
    if (before.comment !== undefined) kept.comment = before.comment;
    return kept;
  });
}
