import { parseCellText } from './cells';
import { type CellLookup, checksAfter, indexCells } from './checks';
import { splitDigits } from './digits';
import { applyCellEdit, started } from './edits';
import { cellAddress } from './address';
import { ROW_RULES } from './templates/equations';
import type { Cell, CellRef, Check, Report, Table } from './types';

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

const MAX_SPLITS = 2000;

/**
 * Split and joined digits (SPEC R6.9): where a row's own check (C3 in 表三, C4 in 表四) fails, the
 * row's digits are cut again in every other way into the same number of cells (`1` `0` → `10`, or
 * `10` → `1` `0`, shifting the cells between). A cut is offered when it makes that check pass, makes
 * no passing check fail, and no other cut fixes as much with as few changed cells. Never applied here.
 */
export function suggestFixes(tables: readonly Table[], checks: readonly Check[]): Suggestion[] {
  const failing = new Set(
    checks.filter((check) => check.status === 'fail').map((check) => check.id),
  );
  const after = checksAfter(tables, checks);
  const lookup = indexCells(tables);
  // The re-cuts of each printed row that break no passing check, tried once per row: 表四's printed
  // row is the same for all its C4 checks.
  const recuts = new Map<string, Recut[]>();
  const suggestions: Suggestion[] = [];
  const offered = new Set<string>();
  for (const check of checks) {
    if (check.status !== 'fail' || !ROW_RULES.has(check.rule)) continue;
    const refs = printedRow(check);
    const rowKey = refs.map(cellAddress).join(';');
    let candidates = recuts.get(rowKey);
    if (!candidates) {
      candidates = recutsOf(refs, lookup, checks, failing, after);
      recuts.set(rowKey, candidates);
    }
    let best: { suggestion: Suggestion; changed: number } | null = null;
    let tie = false;
    for (const { proposed, changes, fixes } of candidates) {
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

interface Recut {
  proposed: string[];
  changes: Suggestion['cells'];
  fixes: string[];
}

/** Every other cut of a printed row's digits that makes no passing check fail, with what it fixes. */
function recutsOf(
  refs: readonly CellRef[],
  lookup: CellLookup,
  checks: readonly Check[],
  failing: ReadonlySet<string>,
  after: ReturnType<typeof checksAfter>,
): Recut[] {
  const cells = refs.map(lookup);
  if (!cells.every((cell): cell is Cell => cell !== undefined && /^\d+$/.test(cell.raw.trim())))
    return [];
  const raws = cells.map((cell) => cell.raw.trim());
  const run = raws.join('');
  const recuts: Recut[] = [];
  for (const cuts of splitDigits(run, refs.length, MAX_SPLITS)) {
    const proposed = cuts.map((cut, i) => run.slice(cut, cuts[i + 1] ?? run.length));
    if (proposed.every((raw, i) => raw === raws[i])) continue;
    const changes = refs.flatMap((ref, i) =>
      proposed[i] === raws[i] ? [] : [{ ...ref, from: raws[i] ?? '', to: proposed[i] ?? '' }],
    );
    const statuses = after(
      changes.map((change) => ({ ref: change, cell: parseCellText(change.to) })),
    );
    const id = (index: number): string => checks[index]?.id ?? '';
    if (statuses.some(({ index, status }) => status === 'fail' && !failing.has(id(index))))
      continue;
    const fixes = statuses
      .filter(({ index, status }) => failing.has(id(index)) && status === 'pass')
      .map(({ index }) => id(index));
    if (fixes.length > 0) recuts.push({ proposed, changes, fixes });
  }
  return recuts;
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
  return suggestFixes(report.tables, report.checks).filter((s) => !rejected.has(s.id));
}
