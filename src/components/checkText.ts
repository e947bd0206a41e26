import type { CellRef, Check, Report } from '../core';
import { t } from '../i18n';
import { rowName } from './tableLayouts';

export interface CheckText {
  /** Where the check applies: the table, and the column or row all its cells share. */
  place: string;
  /** `一 + 二 = 3 + 0 = 3 ≠ （七） + 四 = 2 + 0 = 2` */
  equation: string;
}

function lookup(report: Report, ref: CellRef) {
  const table = report.tables.find((x) => x.id === ref.table);
  const row = table?.rows.find((r) => r.key === ref.row);
  return {
    table,
    row,
    column: table?.columns.find((c) => c.key === ref.column),
    cell: row?.cells[ref.column],
  };
}

function tableName(id: string, title: string | undefined): string {
  return (t.tabs as Record<string, string>)[id] ?? title ?? id;
}

function allSame<T>(values: T[]): boolean {
  return values.every((v) => v === values[0]);
}

/** A check as arithmetic, naming its cells the way the printed form does. */
export function describeCheck(check: Check, report: Report): CheckText {
  const refs = [...check.left, ...check.right];
  const sameColumn = allSame(refs.map((r) => `${r.table}/${r.column}`));
  const sameRow = allSame(refs.map((r) => `${r.table}/${r.row}`));

  const first = refs[0] ? lookup(report, refs[0]) : null;
  const tables = [...new Set(refs.map((r) => r.table))].map((id) =>
    tableName(id, report.tables.find((x) => x.id === id)?.title),
  );
  const shared = sameColumn ? first?.column?.label : sameRow ? first?.row?.label : undefined;
  const place = [...tables, shared].filter(Boolean).join(' · ');

  const term = (ref: CellRef) => {
    const { row, column, cell } = lookup(report, ref);
    const printed = row ? rowName(ref.table, row) : ref.row;
    const name = sameColumn
      ? printed
      : sameRow
        ? (column?.label ?? ref.column)
        : `${printed}${column?.label ?? ref.column}`;
    const value = cell?.value ?? null;
    return {
      name,
      value: value === null ? cell?.raw.trim() || t.issues.blankOperand : String(value),
    };
  };
  const side = (cells: CellRef[], total: number | null) => {
    const terms = cells.map(term);
    const names = terms.map((x) => x.name).join(' + ');
    if (terms.length <= 1) return `${names} = ${terms[0]?.value ?? '?'}`;
    return `${names} = ${terms.map((x) => x.value).join(' + ')} = ${total ?? '?'}`;
  };
  const relation = check.status === 'fail' ? '≠' : check.status === 'pass' ? '=' : '?';
  return {
    place,
    equation: `${side(check.left, check.expected)} ${relation} ${side(check.right, check.actual)}`,
  };
}

/** A check that fails or is uncertain can be judged; one judged before keeps its verdict shown. */
export function takesVerdict(check: Check): boolean {
  return check.status !== 'pass' || check.verdict !== undefined || check.comment !== undefined;
}
