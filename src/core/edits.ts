import { parseCellText } from './cells';
import { cellAddress } from './address';
import { own } from './own';
import { runChecks } from './checks';
import type { Cell, CellRef, Check, Report, ReviewStatus, Row, Table, Verdict } from './types';

/**
 * A reviewer's correction of one cell. The span stays (the cell still came from that place in the
 * source); `original` keeps the parser's reading from the first change on, and every change is
 * appended to the audit trail. Checks are re-run, keeping the verdicts already given.
 *
 * Text typed back to the parser's reading restores that reading: the cell no longer differs from
 * what the parser read, so it carries no `original` (R16.2); the trail still has both edits.
 *
 * Returns the same report when `raw` equals the cell's current text, so that confirming a cell
 * without changing it leaves no trace. Unchanged tables, rows and cells are shared with the input.
 */
export function applyCellEdit(report: Report, ref: CellRef, raw: string, at: string): Report {
  const table = report.tables.find((t) => t.id === ref.table);
  const row = table?.rows.find((r) => r.key === ref.row);
  const cell = row && own(row.cells, ref.column);
  if (!table || !row || !cell) {
    throw new RangeError(`no cell ${cellAddress(ref)} in this report`);
  }
  if (raw === cell.raw) return report;
  const edited = editedCell(cell, raw);
  if (edited.raw === cell.raw) return report;
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
    review: started(report, at),
  };
}

function editedCell(cell: Cell, raw: string): Cell {
  const original = cell.original ?? { value: cell.value, raw: cell.raw };
  // Compared without the padding a printed cell may keep: the editor shows and commits it trimmed.
  if (raw.trim() === original.raw.trim()) {
    const restored: Cell = { ...cell, ...original, kind: parseCellText(original.raw).kind };
    delete restored.original;
    return restored;
  }
  return { ...cell, ...parseCellText(raw), original };
}

/**
 * How many cells differ from the parser's reading (R16.3): those carrying an `original`. Not the
 * number of edits: a cell changed twice is one, a cell changed back is none.
 */
export function changedCells(report: Report): number {
  let changed = 0;
  for (const table of report.tables) {
    for (const row of table.rows) {
      for (const cell of Object.values(row.cells)) if (cell.original) changed += 1;
    }
  }
  return changed;
}

/**
 * Whether a reviewer typed words where the parser read a count, a blank or a dash (R16.1): such a
 * cell is `text` and no check can use it, so the view flags it as a parsed one is flagged (R4.7).
 * Words typed over words (a 统计表's 单位) are no such slip.
 */
export function typedNotNumber(cell: Cell): boolean {
  return (
    cell.kind === 'text' && !!cell.original && parseCellText(cell.original.raw).kind !== 'text'
  );
}

/** A reviewer's judgement on a check; null or '' removes the verdict or the comment. */
export interface Judgement {
  verdict: Verdict | null;
  comment: string | null;
}

/**
 * Sets the verdict and comment of one check. Like an edit, it starts the review; it returns the same
 * report when the check already carries exactly this judgement.
 */
export function applyVerdict(
  report: Report,
  checkId: string,
  judgement: Judgement,
  at: string,
): Report {
  const check = report.checks.find((c) => c.id === checkId);
  if (!check) throw new RangeError(`no check ${checkId} in this report`);
  const verdict = judgement.verdict ?? undefined;
  const comment = judgement.comment || undefined;
  if (check.verdict === verdict && check.comment === comment) return report;

  // A removed verdict or comment leaves no key behind, not a key set to undefined.
  const judged: Check = { ...check, verdict, comment };
  if (verdict === undefined) delete judged.verdict;
  if (comment === undefined) delete judged.comment;
  return {
    ...report,
    checks: report.checks.map((c) => (c === check ? judged : c)),
    review: started(report, at),
  };
}

/** Marks the review as given (`reviewed`) or taken up again; the same report when nothing changes. */
export function setReviewStatus(report: Report, status: ReviewStatus, at: string): Report {
  if (report.review.status === status) return report;
  return { ...report, review: { ...report.review, status, updatedAt: at } };
}

/** Any reviewer action starts a review that has not started; it never undoes a `reviewed`. */
export function started(report: Report, at: string): Report['review'] {
  return {
    ...report.review,
    status: report.review.status === 'unreviewed' ? 'in-progress' : report.review.status,
    updatedAt: at,
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
