import { EQUATIONS, sideKeys, type Equation } from './templates/equations';
import { own } from './own';
import type {
  Cell,
  CellRef,
  Check,
  CheckRule,
  CheckStatus,
  Fact,
  Report,
  Row,
  Table,
} from './types';
import { pushAll } from './arrays';

// 勾稽关系 of docs/templates.md §3 (SPEC R6), as EQUATIONS lists them. A check reports; it never
// changes a cell.

/**
 * Every equation over every table the report has, table by table in the order of EQUATIONS: for each
 * column its `column` equations, then for each row its `row` equations; then the prose figures (T1).
 */
export function runChecks(tables: readonly Table[], facts: readonly Fact[]): Check[] {
  const checks: Check[] = [];
  const lookup = indexCells(tables);
  const tableIds = [...new Set(EQUATIONS.map((equation) => equation.table))];
  for (const id of tableIds) {
    const table = tables.find((candidate) => candidate.id === id);
    if (!table) continue;
    const equations = EQUATIONS.filter((equation) => equation.table === id);
    const rowKeys = table.rows.map((row) => row.key);
    const byColumn = equations.filter((equation) => runs(equation, rowKeys));
    for (const { key: column } of table.columns) {
      for (const equation of byColumn) {
        const at = (row: string): CellRef => ({ table: id, row, column });
        checks.push(
          makeCheck(
            lookup,
            `${equation.rule}:${id}:${column}`,
            equation.rule,
            sideKeys(equation.left, rowKeys).map(at),
            sideKeys(equation.right, rowKeys).map(at),
          ),
        );
      }
    }
    const byRow = equations.filter((equation) => equation.within === 'row');
    for (const row of table.rows) {
      for (const equation of byRow) {
        const columns = table.columns.map((column) => column.key);
        const at = (column: string): CellRef => ({ table: id, row: row.key, column });
        checks.push(
          makeCheck(
            lookup,
            `${equation.rule}:${id}:${row.key}`,
            equation.rule,
            sideKeys(equation.left, columns).map(at),
            sideKeys(equation.right, columns).map(at),
          ),
        );
      }
    }
  }
  pushAll(checks, textChecks(lookup, tables, facts));
  return checks;
}

/** Whether a `column` equation is checked for a table that prints these rows. */
function runs(equation: Equation, rowKeys: readonly string[]): boolean {
  if (equation.within !== 'column') return false;
  const printed = (keys: readonly string[]) => keys.some((key) => rowKeys.includes(key));
  const left = sideKeys(equation.left, rowKeys);
  const right = sideKeys(equation.right, rowKeys);
  return equation.runsWhen === 'both-sides'
    ? printed(left) && printed(right)
    : printed([...left, ...right]);
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
    checks.push({
      id: `T1:${key}`,
      rule: 'T1',
      status: statusOf(fact.value, actual),
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
  rule: CheckRule,
  left: CellRef[],
  right: CellRef[],
): Check {
  const expected = sumOf(lookup, left);
  const actual = sumOf(lookup, right);
  const status = statusOf(expected, actual);
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
        return { index, status: statusOf(expected, total(sums.right)) };
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
/** A check's status from its two sums: uncertain when either has no number (SPEC R6.5, R6.6). */
export function statusOf(expected: number | null, actual: number | null): CheckStatus {
  if (expected === null || actual === null) return 'uncertain';
  return sameNumber(expected, actual) ? 'pass' : 'fail';
}

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
