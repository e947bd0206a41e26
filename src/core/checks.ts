import { isOutcomeRow } from './templates/national';
import { own } from './own';
import type { Cell, CellRef, Check, CheckStatus, Fact, Report, Row, Table } from './types';
import { pushAll } from './arrays';

// 勾稽关系 of docs/templates.md §3 (SPEC R6). A check reports; it never changes a cell.

const REQUEST_PARTS = ['naturalPerson', 'commercial', 'research', 'social', 'legal', 'otherOrg'];
const APPEAL_PARTS = ['maintained', 'corrected', 'other', 'pending'];

export function runChecks(tables: readonly Table[], facts: readonly Fact[]): Check[] {
  const checks: Check[] = [];
  const lookup = indexCells(tables);
  const requests = tables.find((table) => table.id === 'requests');
  if (requests) {
    const has = (row: string) => requests.rows.some((candidate) => candidate.key === row);
    const items = requests.rows.filter((row) => isOutcomeRow(row.key)).map((row) => row.key);
    for (const { key: column } of requests.columns) {
      const at = (row: string): CellRef => ({ table: 'requests', row, column });
      if (
        has('newReceived') ||
        has('carriedOver') ||
        has('totalProcessed') ||
        has('carriedForward')
      ) {
        checks.push(
          makeCheck(
            lookup,
            `C1:requests:${column}`,
            'C1',
            [at('newReceived'), at('carriedOver')],
            [at('totalProcessed'), at('carriedForward')],
          ),
        );
      }
      if (has('totalProcessed') && items.length > 0) {
        checks.push(
          makeCheck(lookup, `C2:requests:${column}`, 'C2', items.map(at), [at('totalProcessed')]),
        );
      }
    }
    for (const row of requests.rows) {
      const at = (column: string): CellRef => ({ table: 'requests', row: row.key, column });
      checks.push(
        makeCheck(lookup, `C3:requests:${row.key}`, 'C3', REQUEST_PARTS.map(at), [at('total')]),
      );
    }
  }
  const appeals = tables.find((table) => table.id === 'appeals');
  for (const row of appeals?.rows ?? []) {
    const at = (column: string): CellRef => ({ table: 'appeals', row: row.key, column });
    checks.push(
      makeCheck(lookup, `C4:appeals:${row.key}`, 'C4', APPEAL_PARTS.map(at), [at('total')]),
    );
  }
  pushAll(checks, textChecks(lookup, tables, facts));
  return checks;
}

// T1: a figure the prose states for this year against the table total it names (SPEC R6.8).
// 行政事业性收费 is not compared with disclosure fees: they are different things.
const TEXT_TOTALS: Record<string, CellRef[]> = {
  requestsReceived: [{ table: 'requests', row: 'newReceived', column: 'total' }],
  requestsCarriedForward: [{ table: 'requests', row: 'carriedForward', column: 'total' }],
  reviewCases: [{ table: 'appeals', row: 'review', column: 'total' }],
  litigationCases: [
    { table: 'appeals', row: 'litigationDirect', column: 'total' },
    { table: 'appeals', row: 'litigationAfterReview', column: 'total' },
  ],
};

function textChecks(lookup: CellLookup, tables: readonly Table[], facts: readonly Fact[]): Check[] {
  const checks: Check[] = [];
  for (const [key, right] of Object.entries(TEXT_TOTALS)) {
    if (!right.every((ref) => tables.some((table) => table.id === ref.table))) continue;
    const fact = facts.find(
      (candidate) =>
        candidate.key === key &&
        candidate.value !== null &&
        !candidate.cumulative &&
        !candidate.approximate,
    );
    if (!fact || fact.value === null) continue;
    const actual = sumOf(lookup, right);
    let status: CheckStatus = 'uncertain';
    if (actual !== null) status = sameNumber(fact.value, actual) ? 'pass' : 'fail';
    checks.push({
      id: `T1:${key}`,
      rule: 'T1',
      status,
      expected: fact.value,
      actual,
      cells: right,
      left: [],
      right,
      fact: { key, value: fact.value, span: fact.span },
    });
  }
  return checks;
}

function makeCheck(
  lookup: CellLookup,
  id: string,
  rule: string,
  left: CellRef[],
  right: CellRef[],
): Check {
  const expected = sumOf(lookup, left);
  const actual = sumOf(lookup, right);
  let status: CheckStatus = 'uncertain';
  if (expected !== null && actual !== null) status = sameNumber(expected, actual) ? 'pass' : 'fail';
  return { id, rule, status, expected, actual, cells: [...left, ...right], left, right };
}

export type CellLookup = (ref: CellRef) => Cell | undefined;

/** One cell's new reading, as a proposed change would leave it. */
export interface CellChange {
  ref: CellRef;
  cell: Pick<Cell, 'kind' | 'value'>;
}

/**
 * The statuses that `checks` (as runChecks gave them for `tables`) would take if some cells changed:
 * only the checks holding a changed cell are returned, by their index in `checks`, in order. Each
 * side's sum is kept and adjusted by the changed cells alone, so trying a change costs as much as
 * the checks it touches, not a run over every table (SPEC R14.9).
 */
export function checksAfter(
  tables: readonly Table[],
  checks: readonly Check[],
): (changes: readonly CellChange[]) => { index: number; status: CheckStatus }[] {
  const lookup = indexCells(tables);
  const sides = checks.map((check) => ({
    left: sideSum(lookup, check.left),
    right: sideSum(lookup, check.right),
  }));
  // Which sides of which checks hold a cell (a C2 check holds a whole column of 表三).
  const holders = new Map<string, { index: number; side: 'left' | 'right' }[]>();
  checks.forEach((check, index) => {
    for (const side of ['left', 'right'] as const) {
      for (const ref of check[side]) {
        const key = refKey(ref);
        const list = holders.get(key);
        if (list) list.push({ index, side });
        else holders.set(key, [{ index, side }]);
      }
    }
  });
  return (changes) => {
    const moved = new Map<number, { left: SideSum; right: SideSum }>();
    for (const { ref, cell } of changes) {
      const before = lookup(ref);
      for (const { index, side } of holders.get(refKey(ref)) ?? []) {
        const start = sides[index];
        if (!start) continue;
        const current = moved.get(index) ?? { left: { ...start.left }, right: { ...start.right } };
        current[side] = adjusted(current[side], before, cell);
        moved.set(index, current);
      }
    }
    return [...moved.keys()]
      .sort((a, b) => a - b)
      .map((index) => {
        const check = checks[index] as Check;
        const sums = moved.get(index) as { left: SideSum; right: SideSum };
        const expected = check.fact ? check.fact.value : total(sums.left);
        const actual = total(sums.right);
        let status: CheckStatus = 'uncertain';
        if (expected !== null && actual !== null) {
          status = sameNumber(expected, actual) ? 'pass' : 'fail';
        }
        return { index, status };
      });
  };
}

/** A side's sum over its numbers, and how many of its operands are no number (then it has no sum). */
interface SideSum {
  sum: number;
  missing: number;
}

function sideSum(lookup: CellLookup, refs: readonly CellRef[]): SideSum {
  const result = { sum: 0, missing: 0 };
  for (const ref of refs) {
    const value = numberIn(lookup(ref));
    if (value === null) result.missing += 1;
    else result.sum += value;
  }
  return result;
}

function adjusted(
  side: SideSum,
  before: Pick<Cell, 'kind' | 'value'> | undefined,
  after: Pick<Cell, 'kind' | 'value'>,
): SideSum {
  const was = numberIn(before);
  const is = numberIn(after);
  return {
    sum: side.sum - (was ?? 0) + (is ?? 0),
    missing: side.missing - (was === null ? 1 : 0) + (is === null ? 1 : 0),
  };
}

function numberIn(cell: Pick<Cell, 'kind' | 'value'> | undefined): number | null {
  return cell && cell.kind === 'number' ? cell.value : null;
}

function total(side: SideSum): number | null {
  return side.missing > 0 ? null : side.sum;
}

function refKey(ref: CellRef): string {
  return `${ref.table}\u0000${ref.row}\u0000${ref.column}`;
}

// Checks look cells up hundreds of times per report: index the rows once per run.
export function indexCells(tables: readonly Table[]): CellLookup {
  const rows = new Map<string, Map<string, Row>>();
  for (const table of tables) rows.set(table.id, new Map(table.rows.map((row) => [row.key, row])));
  return (ref) => {
    const row = rows.get(ref.table)?.get(ref.row);
    return row && own(row.cells, ref.column);
  };
}

/** The sum of the cells, or null when one is missing, blank, na or text: blank is not zero. */
function sumOf(lookup: CellLookup, refs: readonly CellRef[]): number | null {
  let total = 0;
  for (const ref of refs) {
    const cell = lookup(ref);
    if (!cell || cell.kind !== 'number' || cell.value === null) return null;
    total += cell.value;
  }
  return total;
}

// Tolerance is 0, but 万元 amounts carry decimals that binary floating point cannot add exactly.
function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** What a report's checks showed, for a status that never claims more than that (SPEC R6.11). */
export interface CheckTally {
  total: number;
  failing: number;
  /** Failing checks without a reviewer's verdict. */
  openFailing: number;
  /** Checks that could not run: an operand is blank, na, text or missing. */
  uncertain: number;
  openUncertain: number;
  /** A table stops early (table-incomplete): the checks on its missing rows could not run. */
  incomplete: boolean;
  /** The file holds no report data (no-report-data). */
  noData: boolean;
}

export function tallyChecks(report: Pick<Report, 'checks' | 'issues'>): CheckTally {
  const tally: CheckTally = {
    total: report.checks.length,
    failing: 0,
    openFailing: 0,
    uncertain: 0,
    openUncertain: 0,
    incomplete: report.issues.some((issue) => issue.code === 'table-incomplete'),
    noData: report.issues.some((issue) => issue.code === 'no-report-data'),
  };
  for (const check of report.checks) {
    const open = check.verdict === undefined;
    if (check.status === 'fail') {
      tally.failing += 1;
      if (open) tally.openFailing += 1;
    } else if (check.status === 'uncertain') {
      tally.uncertain += 1;
      if (open) tally.openUncertain += 1;
    }
  }
  return tally;
}

/** Every check ran and passed, there was at least one, and no table is cut short. */
export function allChecksPassed(tally: CheckTally): boolean {
  return tally.total > 0 && tally.failing === 0 && tally.uncertain === 0 && !tally.incomplete;
}
