import {
  TEMPLATES,
  type CellRef,
  type Check,
  type Report,
  type Row,
  type Suggestion,
} from '../core';
import { t } from '../i18n';
import { suggestionsOf } from '../store/suggestions';
import { own } from '../core';
import { rowName } from './tableLayouts';

export interface CheckText {
  /** Where the check applies: the table, and the column or row all its cells share. */
  place: string;
  /** `一 + 二 = 3 + 0 = 3 ≠ （七） + 四 = 2 + 0 = 2` */
  equation: string;
}

// A row the report does not have (its table stops early, or leaves it out) is still named as the
// national form prints it, with no cells.
const FORM_ROWS = new Map<string, Row>(
  TEMPLATES.flatMap((template) =>
    template.tables.flatMap((table) =>
      table.rows.map((row): [string, Row] => [
        `${table.id}/${row.key}`,
        { key: row.key, label: row.label, cells: {} },
      ]),
    ),
  ),
);

function lookup(report: Report, ref: CellRef) {
  const table = report.tables.find((x) => x.id === ref.table);
  const row =
    table?.rows.find((r) => r.key === ref.row) ?? FORM_ROWS.get(`${ref.table}/${ref.row}`);
  return {
    table,
    row,
    column: table?.columns.find((c) => c.key === ref.column),
    cell: row && own(row.cells, ref.column),
  };
}

function tableName(id: string, title: string | undefined): string {
  return own<string>(t.tabs, id) ?? title ?? id;
}

function allSame<T>(values: T[]): boolean {
  return values.every((v) => v === values[0]);
}

/** A cell's value as the check read it: the number, else what is printed there, 空, or 缺 (no such row). */
function operand(report: Report, ref: CellRef): string {
  const cell = lookup(report, ref).cell;
  if (!cell) return t.issues.missingOperand;
  if (cell.value !== null) return String(cell.value);
  return cell.raw.trim() || t.issues.blankOperand;
}

function relation(check: Check): string {
  return check.status === 'fail' ? '≠' : check.status === 'pass' ? '=' : '?';
}

/** A check as arithmetic, naming its cells the way the printed form does. */
export function describeCheck(check: Check, report: Report): CheckText {
  if (check.fact) return describeTextCheck(check, check.fact, report);
  const refs = [...check.left, ...check.right];
  const sameColumn = allSame(refs.map((r) => `${r.table}/${r.column}`));
  const sameRow = allSame(refs.map((r) => `${r.table}/${r.row}`));

  const first = refs[0] ? lookup(report, refs[0]) : null;
  const shared = sameColumn ? first?.column?.label : sameRow ? first?.row?.label : undefined;
  const place = [...tableNames(report, refs), shared].filter(Boolean).join(' · ');

  const term = (ref: CellRef) => {
    const { row, column } = lookup(report, ref);
    const printed = row ? rowName(ref.table, row) : ref.row;
    const name = sameColumn
      ? printed
      : sameRow
        ? (column?.label ?? ref.column)
        : `${printed}${column?.label ?? ref.column}`;
    return { name, value: operand(report, ref) };
  };
  const side = (cells: CellRef[], total: number | null) => {
    const terms = cells.map(term);
    const names = terms.map((x) => x.name).join(' + ');
    if (terms.length <= 1) return `${names} = ${terms[0]?.value ?? '?'}`;
    return `${names} = ${terms.map((x) => x.value).join(' + ')} = ${total ?? '?'}`;
  };
  return {
    place,
    equation: `${side(check.left, check.expected)} ${relation(check)} ${side(check.right, check.actual)}`,
  };
}

function tableNames(report: Report, refs: readonly CellRef[]): string[] {
  return [...new Set(refs.map((r) => r.table))].map((id) =>
    tableName(id, report.tables.find((x) => x.id === id)?.title),
  );
}

/**
 * T1 as the reviewer would say it: `正文 收到申请75件 ≠ 表三 本年新收 74`, the prose figure with the
 * words that state it, against the table cells it names.
 */
function describeTextCheck(check: Check, fact: TextFact, report: Report): CheckText {
  const tables = tableNames(report, check.right);
  const target =
    own(t.issues.factTargets, fact.key) ??
    check.right.map((ref) => lookup(report, ref).row?.label ?? ref.row).join(' + ');
  const values = check.right.map((ref) => operand(report, ref));
  const table =
    values.length <= 1 ? `${values[0] ?? '?'}` : `${values.join(' + ')} = ${check.actual ?? '?'}`;
  return {
    place: [t.issues.prose, ...tables].join(' · '),
    equation: `${t.issues.prose} ${factWords(report, fact)} ${relation(check)} ${tables.join(' ')} ${target} ${table}`,
  };
}

type TextFact = NonNullable<Check['fact']>;

// The longest stretch of a sentence shown for a figure: enough for 本机关共收到政府信息公开申请75件.
const MAX_WORDS = 24;
const CLAUSE_BREAK = /[，,；;：:。！!？?\n]/;

/**
 * The clause of the prose that states the figure (`收到政府信息公开申请75件`), from the sentence the
 * parser found it in, without spaces; cut from the front with `…` where it is long.
 */
export function factWords(report: Report, fact: TextFact): string {
  const [start, end] = fact.span;
  const sentence = report.facts.find(
    (candidate) =>
      candidate.key === fact.key && candidate.span[0] === start && candidate.span[1] === end,
  )?.sentence ?? [start, end];
  const squeeze = (text: string) => text.replace(/\s+/g, '');
  const head = squeeze(report.text.slice(sentence[0], start).split(CLAUSE_BREAK).pop() ?? '');
  const figure = squeeze(report.text.slice(start, end));
  const tail = squeeze(report.text.slice(end, sentence[1]).split(CLAUSE_BREAK)[0] ?? '');
  const clause = `${head}${figure}${tail}`;
  if (clause.length <= MAX_WORDS) return clause;
  const lead = `${head}${figure}`;
  return lead.length <= MAX_WORDS ? `${lead}…` : `…${lead.slice(-MAX_WORDS)}`;
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
