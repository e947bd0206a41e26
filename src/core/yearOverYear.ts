// Checks across the reports of one agency for consecutive years (SPEC R15). They are not part of
// report@1, which is one report's contract: the app shows them, no export carries them.
import { foldLabel } from './fold';
import { own } from './own';
import { REQUEST_COLUMNS } from './templates/national';
import { statusOf } from './checks';
import type { CellRef, CheckStatus, Report } from './types';

/** A report and the caller's name for it (the app's queue entry id; a batch may use `source.sha256`). */
export interface YearReport {
  id: string;
  report: Report;
}

/** One report's part in a check: the cells read from it. */
export interface YearSide {
  report: string;
  year: number;
  cells: CellRef[];
}

export interface YearCheck {
  /** `Y1:requests:<column>` or `Y2:active:<row>`; unique within one pair of reports. */
  id: string;
  rule: 'Y1' | 'Y2';
  status: CheckStatus;
  /** What the year before (and, for Y2, this year's changes) says the cell should hold. */
  expected: number | null;
  /** The cell of the later year's report. */
  actual: number | null;
  earlier: YearSide;
  later: YearSide;
}

// A place name: words ending in an administrative division (淮安市, 洪泽区, 新疆维吾尔自治区).
const DIVISION = '[^省市县区旗州盟]+?(?:省|自治区|市|自治州|州|地区|盟|县|区|旗)';
const DIVISIONS = new RegExp(`^(?:${DIVISION})+$`);
const STARTS_WITH_DIVISION = new RegExp(`^${DIVISION}`);

/**
 * One agency under two names (SPEC R15.1): equal after folding, or the longer one is the shorter
 * with the places above it in front (淮安市洪泽区人民政府 and 洪泽区人民政府), the shorter starting
 * with a place of its own, so that 某市市场监督管理局 is never 市场监督管理局 of another city.
 */
export function sameAgency(a: string, b: string): boolean {
  const [x, y] = [foldLabel(a), foldLabel(b)];
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (!long.endsWith(short) || !STARTS_WITH_DIVISION.test(short)) return false;
  return DIVISIONS.test(long.slice(0, long.length - short.length));
}

function numberAt(report: Report, ref: CellRef): number | null {
  const table = report.tables.find((t) => t.id === ref.table);
  const row = table?.rows.find((r) => r.key === ref.row);
  const cell = row ? own(row.cells, ref.column) : undefined;
  // Blank, na and text are no number, never 0 (R4.1).
  return cell?.kind === 'number' ? cell.value : null;
}

interface Dated extends YearReport {
  year: number;
  agency: string;
}

function hasTable(report: Report, id: string): boolean {
  return report.tables.some((t) => t.id === id);
}

/** A check over a pair: what the earlier year (with the later's changes) says, against the later cell. */
function yearCheck(
  id: string,
  rule: YearCheck['rule'],
  expected: number | null,
  earlier: [Dated, CellRef[]],
  later: [Dated, CellRef[]],
  actualAt: CellRef,
): YearCheck {
  const actual = numberAt(later[0].report, actualAt);
  const side = ([dated, cells]: [Dated, CellRef[]]): YearSide => ({
    report: dated.id,
    year: dated.year,
    cells,
  });
  return {
    id,
    rule,
    status: statusOf(expected, actual),
    expected,
    actual,
    earlier: side(earlier),
    later: side(later),
  };
}

// R15.2: 上年结转 of year N is 结转下年度继续办理 of year N−1, per column of 表三.
function carried(earlier: Dated, later: Dated): YearCheck[] {
  if (!hasTable(earlier.report, 'requests') || !hasTable(later.report, 'requests')) return [];
  return REQUEST_COLUMNS.map(({ key: column }) => {
    const before: CellRef = { table: 'requests', row: 'carriedForward', column };
    const now: CellRef = { table: 'requests', row: 'carriedOver', column };
    return yearCheck(
      `Y1:requests:${column}`,
      'Y1',
      numberAt(earlier.report, before),
      [earlier, [before]],
      [later, [now]],
      now,
    );
  });
}

const CONTINUING_ROWS = ['regulations', 'normativeDocuments'];

// R15.3: 现行有效件数 of year N is that of year N−1, plus 本年制发, less 本年废止 of year N.
function stillValid(earlier: Dated, later: Dated): YearCheck[] {
  const both = hasTable(earlier.report, 'active') && hasTable(later.report, 'active');
  if (!both || later.report.meta.template !== '2021') return [];
  return CONTINUING_ROWS.map((row) => {
    const ref = (column: string): CellRef => ({ table: 'active', row, column });
    const was = numberAt(earlier.report, ref('valid'));
    const added = numberAt(later.report, ref('made'));
    const removed = numberAt(later.report, ref('repealed'));
    const expected =
      was === null || added === null || removed === null ? null : was + added - removed;
    return yearCheck(
      `Y2:active:${row}`,
      'Y2',
      expected,
      [earlier, [ref('valid')]],
      [later, [ref('made'), ref('repealed'), ref('valid')]],
      ref('valid'),
    );
  });
}

/**
 * Every pair of reports of one agency for years N−1 and N, each pair's checks together, pairs by
 * later year and then in the order given (SPEC R15). Reports without an agency or a year pair with none.
 */
export function yearOverYear(reports: readonly YearReport[]): YearCheck[] {
  const byYear = new Map<number, Dated[]>();
  for (const { id, report } of reports) {
    const year = report.meta.year.value;
    const agency = report.meta.agency.value;
    if (year === null || agency === null) continue;
    byYear.set(year, [...(byYear.get(year) ?? []), { id, report, year, agency }]);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  return years.flatMap((year) =>
    (byYear.get(year) ?? []).flatMap((later) =>
      (byYear.get(year - 1) ?? [])
        .filter((earlier) => sameAgency(earlier.agency, later.agency))
        .flatMap((earlier) => [...carried(earlier, later), ...stillValid(earlier, later)]),
    ),
  );
}
