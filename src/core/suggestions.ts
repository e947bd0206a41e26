import { parseCellText } from './cells';
import { runChecks } from './checks';
import { splitDigits } from './digits';
import { applyCellEdit, started } from './edits';
import type { Cell, CellRef, Check, Fact, Report, Table } from './types';

/** A re-reading of one printed row's digits that the checks prefer; applied only by the reviewer. */
export interface Suggestion {
  /** Stable for the same proposal: the row and the new readings. */
  id: string;
  /** The failing check the new reading explains. */
  check: string;
  /** The cells that change, with their current and proposed raw text. */
  cells: (CellRef & { from: string; to: string })[];
  /** Checks that fail now and pass with the new reading. */
  fixes: string[];
}

const ROW_RULES = new Set(['C3', 'C4']);
const MAX_SPLITS = 2000;

/**
 * Split and joined digits (SPEC R6.9): where a row's own check (C3 in 表三, C4 in 表四) fails, the
 * row's digits are cut again in every other way into the same number of cells (`1` `0` → `10`, or
 * `10` → `1` `0`, shifting the cells between). A cut is offered when it makes that check pass, makes
 * no passing check fail, and no other cut fixes as much with as few changed cells. Never applied here.
 */
export function suggestFixes(
  tables: readonly Table[],
  facts: readonly Fact[],
  checks: readonly Check[],
): Suggestion[] {
  const failing = new Set(
    checks.filter((check) => check.status === 'fail').map((check) => check.id),
  );
  const suggestions: Suggestion[] = [];
  const offered = new Set<string>();
  for (const check of checks) {
    if (check.status !== 'fail' || !ROW_RULES.has(check.rule)) continue;
    const refs = printedRow(check);
    const cells = refs.map((ref) => cellAt(tables, ref));
    if (!cells.every((cell): cell is Cell => cell !== undefined && /^\d+$/.test(cell.raw.trim())))
      continue;
    const raws = cells.map((cell) => cell.raw.trim());
    const run = raws.join('');
    let best: { suggestion: Suggestion; changed: number } | null = null;
    let tie = false;
    for (const cuts of splitDigits(run, refs.length, MAX_SPLITS)) {
      const proposed = cuts.map((cut, i) => run.slice(cut, cuts[i + 1] ?? run.length));
      if (proposed.every((raw, i) => raw === raws[i])) continue;
      const changes = refs.flatMap((ref, i) =>
        proposed[i] === raws[i] ? [] : [{ ...ref, from: raws[i] ?? '', to: proposed[i] ?? '' }],
      );
      const after = runChecks(withCells(tables, changes), facts);
      if (after.some((next) => next.status === 'fail' && !failing.has(next.id))) continue;
      const fixes = after
        .filter((next) => failing.has(next.id) && next.status === 'pass')
        .map((next) => next.id);
      if (!fixes.includes(check.id)) continue;
      const better =
        !best ||
        fixes.length > best.suggestion.fixes.length ||
        (fixes.length === best.suggestion.fixes.length && changes.length < best.changed);
      const same =
        best && fixes.length === best.suggestion.fixes.length && changes.length === best.changed;
      if (same) tie = true;
      if (better) {
        tie = false;
        best = {
          suggestion: {
            id: `S:${check.id}:${proposed.join(',')}`,
            check: check.id,
            cells: changes,
            fixes,
          },
          changed: changes.length,
        };
      }
    }
    // One printed 表四 row fails up to three C4 checks: offer its new reading once.
    const key =
      best &&
      best.suggestion.cells.map((cell) => `${cell.row}/${cell.column}=${cell.to}`).join(';');
    if (best && !tie && key && !offered.has(key)) {
      offered.add(key);
      suggestions.push(best.suggestion);
    }
  }
  return suggestions;
}

// C3 covers one 表三 row; 表四 prints its three C4 groups as one row of 15 cells, so a digit can have
// slipped across groups: its whole printed row is cut again.
function printedRow(check: Check): CellRef[] {
  if (check.rule !== 'C4') return [...check.left, ...check.right];
  const columns = [...check.left, ...check.right].map((ref) => ref.column);
  return ['review', 'litigationDirect', 'litigationAfterReview'].flatMap((row) =>
    columns.map((column) => ({ table: 'appeals', row, column })),
  );
}

function cellAt(tables: readonly Table[], ref: CellRef): Cell | undefined {
  return tables.find((table) => table.id === ref.table)?.rows.find((row) => row.key === ref.row)
    ?.cells[ref.column];
}

function withCells(
  tables: readonly Table[],
  changes: readonly (CellRef & { to: string })[],
): Table[] {
  return tables.map((table) => ({
    ...table,
    rows: table.rows.map((row) => {
      const mine = changes.filter((change) => change.table === table.id && change.row === row.key);
      if (mine.length === 0) return row;
      const cells = { ...row.cells };
      for (const change of mine) {
        const cell = cells[change.column];
        if (cell) cells[change.column] = { ...cell, ...parseCellText(change.to) };
      }
      return { ...row, cells };
    }),
  }));
}

/** The reviewer accepts a suggestion: its cells are edited as the reviewer would, one by one. */
export function acceptSuggestion(report: Report, suggestion: Suggestion, at: string): Report {
  return suggestion.cells.reduce(
    (current, cell) => applyCellEdit(current, cell, cell.to, at),
    report,
  );
}

/** The reviewer turns a suggestion down: it is not offered again, and the export says so. */
export function rejectSuggestion(report: Report, id: string, at: string): Report {
  const rejected = report.review.rejectedSuggestions ?? [];
  if (rejected.includes(id)) return report;
  return { ...report, review: { ...started(report, at), rejectedSuggestions: [...rejected, id] } };
}

/** The suggestions still open for a report: computed from its cells, less those turned down. */
export function openSuggestions(report: Report): Suggestion[] {
  const rejected = new Set(report.review.rejectedSuggestions ?? []);
  return suggestFixes(report.tables, report.facts, report.checks).filter(
    (s) => !rejected.has(s.id),
  );
}
