import { isNumeral, parseCellText } from '../cells';
import { foldLabel } from '../fold';
import type { Token } from '../formats/text';
import type { Span } from '../types';
import { placeRow, trustedAs, type RowItem } from '../layout';
import {
  FINGERPRINTS,
  TEMPLATES,
  labelWords,
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
import { greatest, least } from '../arrays';

const MAX_TEXT_CELL = 20;
// Longer runs of digits are not read as a cell: bounded, so a line of megabytes is never folded twice.
const MAX_NUMERAL = 1000;
const SECTION_HEADING = /^(?:[一二三四五六七八九十]+、|[0-9]+、)/;
const MAX_MISSING_LEAD = 2;
const MIN_HEADING = 4;
const BLOCK_HEADER = /^(?:第二十条|信息内容|申请人情况|法人或其他组织)/;

const headerWords = new Map<TableDef, string[]>();

function isHeader(core: string, def: TableDef): boolean {
  let words = headerWords.get(def);
  if (!words) {
    words = def.columns.map((column) => foldLabel(column.label));
    headerWords.set(def, words);
  }
  return BLOCK_HEADER.test(core) || words.some((word) => word.startsWith(core));
}

/** The template whose fingerprints the tokens carry (SPEC R3.1); null when neither form's are there. */
export function matchTemplate(tokens: readonly Token[], year: number | null): TemplateDef | null {
  const score = { '2019': 0, '2021': 0 };
  let requestsSeen = false;
  for (const token of tokens) {
    if (token.kind !== 'text' || token.core === null) continue;
    const core = token.core;
    for (const id of ['2019', '2021'] as const) {
      if (FINGERPRINTS[id].some((word) => core.startsWith(word))) score[id] += 1;
    }
    if (/^本年新收/.test(core)) requestsSeen = true;
  }
  const byId = (id: '2019' | '2021') => TEMPLATES.find((template) => template.id === id) ?? null;
  if (score['2019'] > score['2021']) return byId('2019');
  if (score['2021'] > score['2019']) return byId('2021');
  if (score['2019'] === 0 && !requestsSeen) return null;
  // Fingerprints tie (e.g. only 表三, with （六） printed as one row): the year is the best remaining clue.
  return byId(year !== null && year < 2021 ? '2019' : '2021');
}

/** Maps the tokens onto the template's tables (SPEC R3, R5). */
export function readTables(tokens: readonly Token[], template: TemplateDef): TableReading {
  return collectTables(template, (def, from) =>
    def.reader === 'grouped-row' ? readAppeals(tokens, def, from) : readLabelled(tokens, def, from),
  );
}

interface Collected {
  def: RowDef;
  label: Extract<Token, { kind: 'text' }>;
  items: RowItem[];
}

function readLabelled(tokens: readonly Token[], def: TableDef, from: number): Found | null {
  const collected: Collected[] = [];
  const extras: string[] = [];
  const garbled: string[] = [];
  let current: Collected | null = null;
  let nextRow = 0;
  let index = from;
  for (; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token) break;
    if (token.kind === 'run') {
      current?.items.push({ kind: 'run', count: token.count, span: token.span });
      continue;
    }
    const core = token.core;
    const rowIndex = core === null ? -1 : findRow(def, def.anyOrder ? 0 : nextRow, core, collected);
    // A table starts at one of its first rows: later labels (`其他`, `总计`) also name header columns.
    const starts = collected.length > 0 || rowIndex <= MAX_MISSING_LEAD || def.anyOrder;
    if (rowIndex >= 0 && starts) {
      const rowDef = def.rows[rowIndex] as RowDef;
      current = { def: rowDef, label: token, items: [] };
      collected.push(current);
      nextRow = rowIndex + 1;
      continue;
    }
    if (collected.length === 0) continue;
    if (core !== null && def.groups.some((group) => group.test(core))) {
      current = null;
      continue;
    }
    const kind = parseCellText(token.text).kind;
    const cellCount = current ? countCells(current.items) : Infinity;
    // Digits no double holds are still the row's cell, kept as text (R4.6, R4.7), not prose ending it.
    const numeral = kind === 'text' && token.text.length <= MAX_NUMERAL && isNumeral(token.text);
    if (current && (kind === 'number' || kind === 'na' || numeral)) {
      current.items.push({ kind: 'cell', text: token.text, span: token.span });
      continue;
    }
    if (current && cellCount === 0 && continuesLabel(current.def, core)) continue;
    // 统计表 sections (一、主动公开情况 | — | —) are rows of the table, not headings after it.
    // A fragment such as `三、本` (a group label cut by a page break) is not a heading.
    const heading =
      !def.anyOrder &&
      SECTION_HEADING.test(token.folded) &&
      (core ?? token.folded).length >= MIN_HEADING &&
      (REPORT_SECTION.test(core ?? token.folded) ||
        !rowFollows(tokens, index + 1, def, nextRow, collected));
    const short = token.folded.length <= MAX_TEXT_CELL && !heading;
    const header = core !== null && isHeader(core, def);
    if (current && short && !header && cellCount < current.def.columns.length) {
      current.items.push({ kind: 'cell', text: token.text, span: token.span });
      continue;
    }
    // A label the template does not know, followed by numbers: a row the report adds, or one whose
    // label came out garbled. Kept, never dropped, and reported (SPEC R3.10).
    const next = tokens[index + 1];
    const numbersFollow = next?.kind === 'text' && parseCellText(next.text).kind === 'number';
    if (short && !header && numbersFollow && kind === 'text') {
      // A label with characters lost (a PDF's vertical group label takes some): the next rows of the
      // template whose words contain it, in order, from its first character on (SPEC R3.11).
      const near = core === null || def.anyOrder ? -1 : findGarbled(def, nextRow, core);
      if (near >= 0) {
        const rowDef = def.rows[near] as RowDef;
        garbled.push(`“${token.text.trim()}”按“${rowDef.label}”读入`);
        current = { def: rowDef, label: token, items: [] };
        collected.push(current);
        nextRow = near + 1;
        continue;
      }
      const columns = (current ?? collected[collected.length - 1])?.def.columns ?? [];
      const unknown: RowDef = {
        key: `extra.${extras.length + 1}`,
        label: token.text.trim(),
        pattern: NEVER,
        columns,
      };
      extras.push(unknown.label);
      current = { def: unknown, label: token, items: [] };
      collected.push(current);
      continue;
    }
    // Block captions and column headers between rows (表二) are short text; anything else ends the table.
    const rowsLeft = def.anyOrder ? collected.length < def.rows.length : nextRow < def.rows.length;
    if (short && rowsLeft) {
      current = null;
      continue;
    }
    break;
  }
  const rows = collected.filter(
    (entry) =>
      !(
        entry.def.splitInto &&
        countCells(entry.items) === 0 &&
        collected.some((other) => entry.def.splitInto?.includes(other.def.key))
      ),
  );
  if (rows.length === 0) return null;
  const { table, ambiguous } = settleTable(
    def,
    rows.map((entry) => ({
      key: entry.def.key,
      label: entry.label.text.trim(),
      columns: entry.def.columns,
      placement: trustedAs(
        placeRow(entry.items, entry.def.columns.length, readNumber, rowEquation(def)),
        entry.def.pattern !== NEVER,
      ),
    })),
  );
  const overfull = rows
    .filter((entry) => countCells(entry.items) > entry.def.columns.length)
    .map((entry) => entry.label.text.trim());
  const last = rows[rows.length - 1] as Collected;
  const end = last.items.reduce((max, item) => Math.max(max, item.span[1]), last.label.span[1]);
  const region: Span = [(rows[0] as Collected).label.span[0], end];
  const missing = def.allRowsPrinted ? missingRequestRows(def, rows) : [];
  return { table, region, ambiguous, overfull, extras, missing, garbled, next: index };
}

function readAppeals(tokens: readonly Token[], def: TableDef, from: number): Found | null {
  const start = tokens.findIndex(
    (token, i) =>
      i >= from &&
      token.kind === 'text' &&
      token.folded === '行政复议' &&
      tokens.slice(i + 1, i + 6).some((next) => next.kind === 'text' && next.folded === '行政诉讼'),
  );
  if (start < 0) return null;
  const width = def.rows.length * def.columns.length;
  const items: RowItem[] = [];
  let index = start + 1;
  let started = false;
  for (; index < tokens.length && countCells(items) < width; index++) {
    const token = tokens[index];
    if (!token) break;
    if (token.kind === 'run') {
      if (started) items.push({ kind: 'run', count: token.count, span: token.span });
      continue;
    }
    const kind = parseCellText(token.text).kind;
    if (kind === 'number' || kind === 'na') {
      started = true;
      items.push({ kind: 'cell', text: token.text, span: token.span });
    } else if (started || token.folded.length > MAX_TEXT_CELL) {
      break;
    }
  }
  while (index < tokens.length && tokens[index]?.kind === 'run' && started) {
    const token = tokens[index] as Extract<Token, { kind: 'run' }>;
    items.push({ kind: 'run', count: token.count, span: token.span });
    index += 1;
  }
  if (!started) return null;
  const { table, ambiguous } = settleAppeals(
    def,
    placeRow(items, width, readNumber, appealsEquation(def)),
  );
  const startToken = tokens[start] as Token;
  const end = items.reduce((max, item) => Math.max(max, item.span[1]), startToken.span[1]);
  return { table, region: [startToken.span[0], end], ambiguous, next: index };
}

// The words of the national form's section headings (一、总体情况 … 六、其他需要报告的事项): such a
// heading ends a table whatever follows it.
const REPORT_SECTION =
  /总体情况|主动公开|收到和处理|行政复议|行政诉讼|存在的主要问题|改进情况|其他需要报告/;
// How many text tokens after a heading-like token are looked at for a row of the table.
const ROW_LOOKAHEAD = 4;

/**
 * Whether a row of the table, with a number after its label, comes within a few tokens: then a
 * heading-like token is a group label cut short (`三、本年度办` / `理结果` in a PDF), not the next
 * section (SPEC R3.7).
 */
function rowFollows(
  tokens: readonly Token[],
  from: number,
  def: TableDef,
  nextRow: number,
  seen: readonly Collected[],
): boolean {
  let looked = 0;
  for (let i = from; i < tokens.length && looked < ROW_LOOKAHEAD; i++) {
    const token = tokens[i];
    if (token?.kind !== 'text') continue;
    looked += 1;
    const next = tokens[i + 1];
    if (
      token.core !== null &&
      findRow(def, nextRow, token.core, seen) >= 0 &&
      next?.kind === 'text' &&
      isValue(next.text)
    )
      return true;
  }
  return false;
}

function isValue(text: string): boolean {
  const kind = parseCellText(text).kind;
  return kind === 'number' || kind === 'na';
}

const NEVER = /(?!)/;
const MIN_CONTINUATION = 2;

/**
 * A row label wrapped onto a line of its own (a cell's second paragraph in a browser's copy, a PDF's
 * wrapped line) continues the template label's words, before the row has any cell (SPEC R3.12).
 */
function continuesLabel(def: RowDef, core: string | null): boolean {
  if (core === null || core.length < MIN_CONTINUATION || def.pattern === NEVER) return false;
  return labelWords(def).slice(1).includes(core);
}
// How far ahead a garbled label may be, and how much of the row's words it must keep.
const GARBLED_LOOKAHEAD = 2;
const GARBLED_SHARE = 0.6;
const MIN_LABEL_START = 4;

function findGarbled(def: TableDef, from: number, core: string): number {
  const ahead = Math.min(def.rows.length, from + GARBLED_LOOKAHEAD);
  // A label cut short (its lines after the numbers: `2.申请人逾期未` / 0 0 … / `按收费通知要求` …) is the
  // one row whose words it begins.
  const begun: number[] = [];
  for (let i = from; i < ahead && core.length >= MIN_LABEL_START; i++)
    if (labelWords(def.rows[i] as RowDef).startsWith(core)) begun.push(i);
  if (begun.length === 1) return begun[0] ?? -1;
  for (let i = from; i < ahead; i++) {
    const words = labelWords(def.rows[i] as RowDef);
    if (
      core[0] === words[0] &&
      core.length >= GARBLED_SHARE * words.length &&
      isSubsequence(core, words)
    ) {
      return i;
    }
  }
  return -1;
}

function isSubsequence(part: string, whole: string): boolean {
  let at = 0;
  for (const char of whole) if (part[at] === char) at += 1;
  return at === part.length;
}

/** 表三 rows both forms print, absent between the rows that were read (SPEC R3.10). */
function missingRequestRows(def: TableDef, rows: readonly Collected[]): string[] {
  const keys = new Set(rows.map((entry) => entry.def.key));
  const splitOther = [...keys].some((key) => key.startsWith('other.'));
  const read = def.rows.map((row, i) => (keys.has(row.key) ? i : -1)).filter((i) => i >= 0);
  const [first, last] = [least(read), greatest(read)];
  return def.rows
    .filter((row, i) => i > first && i < last && !keys.has(row.key))
    .filter((row) =>
      row.key === 'other' ? !splitOther : !row.key.startsWith('other.') || !keys.has('other'),
    )
    .map((row) => row.label);
}

function findRow(def: TableDef, from: number, core: string, seen: readonly Collected[]): number {
  const candidates = rowsStartingWith(def, core[0] ?? '');
  for (const i of candidates) {
    if (i < from) continue;
    const row = def.rows[i];
    if (row?.pattern.test(core) && !seen.some((entry) => entry.def === row)) return i;
  }
  return -1;
}

// Most tokens are numbers and headers: look only at the rows whose pattern can start with the
// token's first character (a pattern that starts with a group can start with anything).
const firstCharIndex = new Map<TableDef, Map<string, number[]>>();

function rowsStartingWith(def: TableDef, char: string): readonly number[] {
  let index = firstCharIndex.get(def);
  if (!index) {
    index = new Map();
    const anyStart: number[] = [];
    def.rows.forEach((row, i) => {
      const first = /^\^([\u4e00-\u9fff])(?![?*{])/.exec(row.pattern.source)?.[1];
      if (first) index?.set(first, [...(index.get(first) ?? []), i]);
      else anyStart.push(i);
    });
    for (const [key, rows] of index)
      index.set(
        key,
        [...rows, ...anyStart].sort((a, b) => a - b),
      );
    index.set('', anyStart);
    firstCharIndex.set(def, index);
  }
  return index.get(char) ?? index.get('') ?? [];
}

function countCells(items: readonly RowItem[]): number {
  return items.reduce((n, item) => n + (item.kind === 'cell' ? 1 : 0), 0);
}
