import type { CellRef, Check, Report, Suggestion } from '../core';
import { t } from '../i18n';
import { suggestionsOf } from '../store/suggestions';
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

/** A suggestion with the line that shows it. */
export interface SuggestionItem {
  suggestion: Suggestion;
  text: string;
}

/**
 * `建议：自然人 1→12，商业企业 20→0（可使 C3 校验通过）`: the cells by their column, with the row
 * too when they are in several rows (表四 prints three rows as one).
 */
function describeSuggestion(suggestion: Suggestion, report: Report): SuggestionItem {
  const sameRow = allSame(suggestion.cells.map((c) => c.row));
  const changes = suggestion.cells.map((change) => {
    const { row, column } = lookup(report, change);
    const columnName = column?.label ?? change.column;
    const name = sameRow
      ? columnName
      : `${row ? rowName(change.table, row) : change.row} ${columnName}`;
    return t.suggestions.change(name, change.from, change.to);
  });
  const fixed = report.checks.find((c) => c.id === suggestion.check);
  return {
    suggestion,
    text: t.suggestions.line(changes, fixed?.rule ?? suggestion.check, suggestion.fixes.length),
  };
}

/** The report's open suggestions, each with its line. */
export function suggestionItems(report: Report): SuggestionItem[] {
  return suggestionsOf(report).map((suggestion) => describeSuggestion(suggestion, report));
}

/** A check that fails or is uncertain can be judged; one judged before keeps its verdict shown. */
export function takesVerdict(check: Check): boolean {
  return check.status !== 'pass' || check.verdict !== undefined || check.comment !== undefined;
}
