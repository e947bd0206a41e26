import { fewestNumbers, splitDigits } from '../digits';
import type { FoldedText } from '../fold';
import { openRow, type Placement, type RowEquation, type Slot } from '../layout';
import type { Span } from '../types';
import {
  FINGERPRINTS,
  TEMPLATES,
  labelWords,
  type RowDef,
  type TableDef,
  type TemplateDef,
} from './national';
import { STATS_UNIT } from './stats';
import {
  appealsEquation,
  collectTables,
  readNumber,
  rowEquation,
  settleAppeals,
  settleTable,
  type Found,
  type TableReading,
} from './tableParts';

// Layout d of docs/templates.md §4: copies that run a table's cells together with no separator,
// labels glued to the digits of the row before (`一、本年新收政府信息公开申请数量640020470二、上年结转…`).
// Labels are found by their words in the folded text; each row's digits are split into the template's
// columns in every way that forms valid numbers, and the checks' equations choose (SPEC R5.8).

/** The national template whose fingerprint words the folded text contains (SPEC R3.1). */
export function matchGluedTemplate(folded: FoldedText, year: number | null): TemplateDef | null {
  const count = (id: '2019' | '2021') =>
    FINGERPRINTS[id].filter((word) => folded.folded.includes(word)).length;
  const [score2019, score2021] = [count('2019'), count('2021')];
  if (score2019 === 0 && score2021 === 0 && !folded.folded.includes(REQUESTS_START)) return null;
  let id: '2019' | '2021' = year !== null && year < 2021 ? '2019' : '2021';
  if (score2019 !== score2021) id = score2019 > score2021 ? '2019' : '2021';
  return TEMPLATES.find((candidate) => candidate.id === id) ?? null;
}

/** Reads the template's tables from text whose cells are run together (SPEC R5.8). */
export function readGluedTables(folded: FoldedText, template: TemplateDef): TableReading {
  return collectTables(template, (def, from) =>
    def.reader === 'grouped-row'
      ? readGluedAppeals(folded, def, from)
      : readGluedRows(folded, def, from),
  );
}

const REQUESTS_START = '本年新收政府信息公开申请数量';
// Where each table starts in a glued copy. The introduction often names the 统计表 as a part of the
// report: that table is where its header is.
const TABLE_START: Record<string, string | RegExp> = {
  active: '第二十条第(一)项',
  requests: REQUESTS_START,
  stats: /统计表.{0,40}?(?:指标名称|统计指标)/,
};
// How far after one row's digits the next label may start: group labels and numbering sit between.
const NEXT_LABEL_WITHIN = 40;
const MAX_CANDIDATES = 5000;
// A row's run is a few dozen digits; a longer one is no table row, and is not searched further.
const MAX_RUN = 400;

function readGluedRows(folded: FoldedText, def: TableDef, from: number): Found | null {
  const text = folded.folded;
  const start = tableStart(text, def, from);
  if (start < 0) return null;
  const rows: GluedRow[] = [];
  let cursor = start;
  let nextRow = 0;
  for (;;) {
    const candidates = def.anyOrder
      ? def.rows.filter((row) => !rows.some((seen) => seen.def === row))
      : def.rows.slice(nextRow);
    const within = rows.length === 0 ? Infinity : NEXT_LABEL_WITHIN;
    const next = nearestLabel(text, candidates, cursor, within, def.anyOrder === true);
    if (!next) break;
    const labelEnd = skipNote(text, next.at + next.length);
    // A table with a column of words has units printed there (统计表 单位), glued to the label.
    const unit = def.textColumns ? STATS_UNIT.exec(text.slice(labelEnd))?.[0] : undefined;
    const unitSpan: Span | null = unit ? [labelEnd, labelEnd + unit.length] : null;
    const digits = digitRun(text, labelEnd + (unit?.length ?? 0), isSigned(def, next.def));
    rows.push({ def: next.def, label: [next.at, labelEnd], unit: unitSpan, digits });
    cursor = digits.at + digits.run.length;
    nextRow = def.rows.indexOf(next.def) + 1;
  }
  const printed = rows.filter(
    (row) =>
      !(
        row.def.splitInto &&
        row.digits.run === '' &&
        rows.some((other) => row.def.splitInto?.includes(other.def.key))
      ),
  );
  if (printed.length === 0) return null;
  const { table, ambiguous } = settleTable(
    def,
    printed.map((row) => ({
      key: row.def.key,
      label: sourceText(folded, sourceSpan(folded, row.label)).trim(),
      columns: row.def.columns,
      placement: placeGluedRow(folded, row, def),
    })),
  );
  const last = printed[printed.length - 1];
  const region = sourceSpan(folded, [
    printed[0]?.label[0] ?? start,
    last ? last.digits.at + last.digits.run.length : start,
  ]);
  return { table, region, ambiguous, next: cursor };
}

function readGluedAppeals(folded: FoldedText, def: TableDef, from: number): Found | null {
  const text = folded.folded;
  const header = /行政复议.{0,6}行政诉讼(?:[^\d]{0,160}?)(?=\d)/.exec(text.slice(from));
  if (!header) return null;
  const at = from + header.index + header[0].length;
  const digits = digitRun(text, at, false);
  const columns = def.rows.flatMap((row) => row.columns);
  const { table, ambiguous } = settleAppeals(
    def,
    segmentRow(folded, digits, columns, def, appealsEquation(def)),
  );
  const region = sourceSpan(folded, [from + header.index, digits.at + digits.run.length]);
  return { table, region, ambiguous, next: digits.at + digits.run.length };
}

interface GluedRow {
  def: RowDef;
  label: Span;
  unit: Span | null;
  digits: { run: string; at: number };
}

function tableStart(text: string, def: TableDef, from: number): number {
  const start = TABLE_START[def.id] ?? '';
  if (typeof start === 'string') return text.indexOf(start, from);
  const header = start.exec(text.slice(from));
  return header ? from + header.index : -1;
}

/**
 * The earliest label among the rows, within `within` characters of the cursor. National labels are
 * found by their words; 统计表 labels differ between forms, so by their patterns.
 */
function nearestLabel(
  text: string,
  rows: readonly RowDef[],
  cursor: number,
  within: number,
  byPattern: boolean,
): { def: RowDef; at: number; length: number } | null {
  let best: { def: RowDef; at: number; length: number } | null = null;
  for (const def of rows) {
    const found = byPattern ? searchPattern(def, text, cursor) : searchWord(def, text, cursor);
    if (!found || found.at - cursor > within) continue;
    if (!best || found.at < best.at) best = { def, ...found };
  }
  return best;
}

function searchWord(
  def: RowDef,
  text: string,
  cursor: number,
): { at: number; length: number } | null {
  const word = labelWords(def);
  const at = text.indexOf(word, cursor);
  return at < 0 ? null : { at, length: word.length };
}

const unanchored = new Map<RowDef, RegExp>();
function searchPattern(
  def: RowDef,
  text: string,
  cursor: number,
): { at: number; length: number } | null {
  let pattern = unanchored.get(def);
  if (!pattern) {
    pattern = new RegExp(def.pattern.source.replace(/^\^/, '').replace(/\$$/, ''), 'g');
    unanchored.set(def, pattern);
  }
  pattern.lastIndex = cursor;
  const match = pattern.exec(text);
  return match ? { at: match.index, length: match[0].length } : null;
}

/** A glued row's cells: its 统计表 unit as printed, then its digits split into the numeric columns. */
function placeGluedRow(folded: FoldedText, row: GluedRow, def: TableDef): Placement {
  if (!row.unit) return segmentRow(folded, row.digits, row.def.columns, def, rowEquation(def));
  const span = sourceSpan(folded, row.unit);
  const unit: Slot = { text: sourceText(folded, span), span, confidence: 'high' };
  const numbers = segmentRow(
    folded,
    row.digits,
    row.def.columns.slice(1),
    def,
    cumulativeAtLeastValue,
  );
  return numbers.kind === 'fixed'
    ? { kind: 'fixed', slots: [unit, ...numbers.slots] }
    : { kind: 'open', candidates: numbers.candidates.map((slots) => [unit, ...slots]) };
}

// 历年累计 includes 本年度.
const cumulativeAtLeastValue: RowEquation = (values) =>
  values.length < 2 || (values[0] ?? 0) <= (values[1] ?? 0);

function skipNote(text: string, at: number): number {
  if (text[at] !== '(') return at;
  const close = text.indexOf(')', at);
  return close < 0 ? at : close + 1;
}

/** Whether a row has a column that can be negative: then a sign inside its run starts a number. */
function isSigned(def: TableDef, row: RowDef): boolean {
  return row.columns.some((column) => def.signedColumns?.includes(column));
}

/**
 * The digits after a label, up to the next non-digit; in a row with a signed column, `-` or `+`
 * before digits goes on the run (SPEC R5.10). A run followed by `、` or ending in `.` before a letter
 * ends with the next label's numbering (`…00000002.其他法律…`, `…002、网上申请…`), not the row's.
 */
function digitRun(text: string, at: number, signed: boolean): { run: string; at: number } {
  const pattern = signed ? /^[\d.]*(?:[+-][\d.]+)*/ : /^[\d.]*/;
  let run = pattern.exec(text.slice(at, at + MAX_RUN))?.[0] ?? '';
  if (run.endsWith('.')) run = run.slice(0, -2);
  else if (text[at + run.length] === '、') run = run.slice(0, -1);
  return { run, at };
}

/**
 * Every way to split the digits into one number per column, as candidate rows of slots with their
 * spans, most plausible first: where no equation decides, the first is kept (low confidence).
 */
function segmentRow(
  folded: FoldedText,
  digits: { run: string; at: number },
  columns: readonly string[],
  def: TableDef,
  equation?: RowEquation,
): Placement {
  const width = columns.length;
  const signed = columns.map((column) => def.signedColumns?.includes(column) === true);
  const candidates = splitDigits(digits.run, width, MAX_CANDIDATES, signed).map((cuts) =>
    slotsOf(folded, digits, cuts),
  );
  if (candidates.length === 0) {
    const blanks: Slot[] = Array.from({ length: width }, () => ({
      text: '',
      span: null,
      confidence: 'low',
    }));
    return { kind: 'open', candidates: [blanks] };
  }
  const only = candidates.length === 1 ? candidates[0] : undefined;
  if (only) {
    // One cut is sure when no blank cell (which leaves no trace in a run) could explain the digits
    // too, or when the row's equation holds for it.
    const values = only.map((slot) => readNumber(slot.text) ?? 0);
    if (fewestNumbers(digits.run, signed.some(Boolean)) === width || equation?.(values))
      return { kind: 'fixed', slots: only };
    return { kind: 'open', candidates, undecided: true };
  }
  const costs = new Map(candidates.map((slots) => [slots, implausibility(slots, signed)]));
  candidates.sort((a, b) => (costs.get(a) ?? 0) - (costs.get(b) ?? 0));
  return openRow(candidates, readNumber, equation);
}

/**
 * A prior for splits no equation decides: a row's numbers tend to be of similar length, and a signed
 * column (本年增/减) is a difference, usually far smaller than the counts beside it.
 */
function implausibility(slots: readonly Slot[], signed: readonly boolean[]): number {
  const lengths = slots.map((slot) => slot.text.replace(/\D/g, '').length);
  const mean = lengths.reduce((sum, length) => sum + length, 0) / lengths.length;
  const spread = lengths.reduce((sum, length) => sum + (length - mean) ** 2, 0);
  return spread + lengths.reduce((sum, length, i) => sum + (signed[i] ? 10 * length : 0), 0);
}

function slotsOf(
  folded: FoldedText,
  digits: { run: string; at: number },
  cuts: readonly number[],
): Slot[] {
  return cuts.map((cut, i) => {
    const span = sourceSpan(folded, [
      digits.at + cut,
      digits.at + (cuts[i + 1] ?? digits.run.length),
    ]);
    return { text: sourceText(folded, span), span, confidence: 'high' };
  });
}

/** A span of the folded text as the span of the source characters it came from. */
function sourceSpan(folded: FoldedText, [start, end]: Span): Span {
  const from = folded.offsets[start] ?? 0;
  const last = folded.offsets[end - 1] ?? from;
  return [from, end > start ? last + 1 : from];
}

function sourceText(folded: FoldedText, span: Span): string {
  return folded.source.slice(span[0], span[1]);
}
