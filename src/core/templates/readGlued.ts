import { foldLabel, foldWithOffsets, type FoldedText } from '../fold';
import { openRow, type Placement, type RowEquation, type Slot } from '../layout';
import type { Span } from '../types';
import {
  FINGERPRINTS,
  TEMPLATES,
  stripLabelNumber,
  type RowDef,
  type TableDef,
  type TemplateDef,
} from './national';
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

// Layout d of report-templates.md §4: copies that run a table's cells together with no separator,
// labels glued to the digits of the row before (`一、本年新收政府信息公开申请数量640020470二、上年结转…`).
// Labels are found by their words in the folded text; each row's digits are split into the template's
// columns in every way that forms valid numbers, and the checks' equations choose (SPEC R5.8).

/** The template whose fingerprint words the folded text contains (SPEC R3.1), with the folding. */
export function matchGluedTemplate(
  text: string,
  end: number,
  year: number | null,
): { template: TemplateDef; folded: FoldedText } | null {
  const folded = foldWithOffsets(text, end);
  const count = (id: '2019' | '2021') =>
    FINGERPRINTS[id].filter((word) => folded.folded.includes(word)).length;
  const [score2019, score2021] = [count('2019'), count('2021')];
  if (score2019 === 0 && score2021 === 0 && !folded.folded.includes(REQUESTS_START)) return null;
  let id: '2019' | '2021' = year !== null && year < 2021 ? '2019' : '2021';
  if (score2019 !== score2021) id = score2019 > score2021 ? '2019' : '2021';
  const template = TEMPLATES.find((candidate) => candidate.id === id);
  return template ? { template, folded } : null;
}

/** Reads the template's tables from text whose cells are run together (SPEC R5.8). */
export function readGluedTables(folded: FoldedText, template: TemplateDef): TableReading {
  return collectTables(template, (def, from) =>
    def.id === 'appeals' ? readGluedAppeals(folded, def, from) : readGluedRows(folded, def, from),
  );
}

const REQUESTS_START = '本年新收政府信息公开申请数量';
const TABLE_START: Record<string, string> = {
  active: '第二十条第(一)项',
  requests: REQUESTS_START,
};
// How far after one row's digits the next label may start: group labels and numbering sit between.
const NEXT_LABEL_WITHIN = 40;
const MAX_CANDIDATES = 5000;

function readGluedRows(folded: FoldedText, def: TableDef, from: number): Found | null {
  const text = folded.folded;
  const start = text.indexOf(TABLE_START[def.id] ?? '', from);
  if (start < 0) return null;
  const rows: { def: RowDef; label: Span; digits: { run: string; at: number } }[] = [];
  let cursor = start;
  let nextRow = 0;
  for (;;) {
    const next = nearestLabel(
      text,
      def.rows,
      nextRow,
      cursor,
      rows.length === 0 ? Infinity : NEXT_LABEL_WITHIN,
    );
    if (!next) break;
    const labelEnd = skipNote(text, next.at + next.word.length);
    const digits = digitRun(text, labelEnd);
    rows.push({ def: next.def, label: [next.at, labelEnd], digits });
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
      placement: segmentRow(folded, row.digits, row.def.columns, rowEquation(def)),
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
  const digits = digitRun(text, at);
  const columns = def.rows.flatMap((row) => row.columns);
  const { table, ambiguous } = settleAppeals(
    def,
    segmentRow(folded, digits, columns, appealsEquation(def)),
  );
  const region = sourceSpan(folded, [from + header.index, digits.at + digits.run.length]);
  return { table, region, ambiguous, next: digits.at + digits.run.length };
}

function nearestLabel(
  text: string,
  rows: readonly RowDef[],
  from: number,
  cursor: number,
  within: number,
): { def: RowDef; word: string; at: number } | null {
  let best: { def: RowDef; word: string; at: number } | null = null;
  for (const def of rows.slice(from)) {
    const word = labelWord(def);
    const at = text.indexOf(word, cursor);
    if (at < 0 || at - cursor > within) continue;
    if (!best || at < best.at) best = { def, word, at };
  }
  return best;
}

// The label's words without its numbering or bracketed note: `（二）部分公开（区分处理的…）` → `部分公开`.
const words = new Map<RowDef, string>();
function labelWord(def: RowDef): string {
  let word = words.get(def);
  if (word === undefined) {
    word = stripLabelNumber(foldLabel(def.label)).replace(/\(.*$/, '');
    words.set(def, word);
  }
  return word;
}

function skipNote(text: string, at: number): number {
  if (text[at] !== '(') return at;
  const close = text.indexOf(')', at);
  return close < 0 ? at : close + 1;
}

/**
 * The digits after a label, up to the next non-digit. A run that ends in `2.` before a letter ends
 * with the next label's numbering (`…00000002.其他法律…`), which is not part of the row.
 */
function digitRun(text: string, at: number): { run: string; at: number } {
  const match = /^[\d.]*/.exec(text.slice(at));
  let run = match?.[0] ?? '';
  const numbering = /\d[.、]$/.exec(run);
  if (numbering) run = run.slice(0, numbering.index);
  return { run: run.replace(/\.$/, ''), at };
}

/**
 * Every way to split the digits into one number per column, as candidate rows of slots with their
 * spans, most plausible first: where no equation decides, the first is kept (low confidence).
 */
function segmentRow(
  folded: FoldedText,
  digits: { run: string; at: number },
  columns: readonly string[],
  equation?: RowEquation,
): Placement {
  const width = columns.length;
  const candidates: Slot[][] = [];
  const cuts: number[] = [];
  const walk = (position: number) => {
    if (candidates.length >= MAX_CANDIDATES) return;
    if (cuts.length === width) {
      if (position === digits.run.length) candidates.push(slotsOf(folded, digits, cuts));
      return;
    }
    const left = width - cuts.length - 1;
    for (let end = position + 1; end <= digits.run.length - left; end++) {
      if (!NUMBER.test(digits.run.slice(position, end))) continue;
      cuts.push(position);
      walk(end);
      cuts.pop();
    }
  };
  walk(0);
  if (candidates.length === 0) {
    const blanks: Slot[] = Array.from({ length: width }, () => ({
      text: '',
      span: null,
      confidence: 'low',
    }));
    return { kind: 'open', candidates: [blanks] };
  }
  if (candidates.length === 1) return { kind: 'fixed', slots: candidates[0] ?? [] };
  const costs = new Map(candidates.map((slots) => [slots, implausibility(slots, columns)]));
  candidates.sort((a, b) => (costs.get(a) ?? 0) - (costs.get(b) ?? 0));
  return openRow(candidates, readNumber, equation);
}

/**
 * A prior for splits no equation decides: a row's numbers tend to be of similar length, and
 * 本年增/减 (`change`) is a difference, usually far smaller than the counts beside it.
 */
function implausibility(slots: readonly Slot[], columns: readonly string[]): number {
  const lengths = slots.map((slot) => slot.text.replace(/\D/g, '').length);
  const mean = lengths.reduce((sum, length) => sum + length, 0) / lengths.length;
  const spread = lengths.reduce((sum, length) => sum + (length - mean) ** 2, 0);
  const change = columns.indexOf('change');
  return spread + (change >= 0 ? 10 * (lengths[change] ?? 0) : 0);
}

// A number as printed in these copies: no leading zero, at most one decimal point inside.
const NUMBER = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

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
