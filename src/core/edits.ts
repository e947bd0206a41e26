import { parseCellText } from './cells';
import { own } from './own';
import { runChecks } from './checks';
import type { Cell, CellRef, Check, Report, ReviewStatus, Row, Table, Verdict } from './types';

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
  const cell = row && own(row.cells, ref.column);
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
    review: started(report, at),
  };
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
