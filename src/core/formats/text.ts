import { foldLabel, stripLabelNumber } from '../fold';
import { LIMITS, tooManyCells } from '../limits';
import type { Span } from '../types';

/**
 * A flattened table cell (`text |`) or a run of `|` marking grid slots without a cell of their own:
 * covered by a rowspan/colspan, or blank (SPEC R2).
 */
export type Token =
  | {
      kind: 'text';
      text: string;
      folded: string;
      /** The folded label without its numbering; null for a token too long to be a label. */
      core: string | null;
      span: Span;
      line: number;
    }
  | { kind: 'run'; count: number; span: Span; line: number };

const PIPE = 0x7c;
const NUMBER_WORD = /^[+-]?[\d,.]+$|^[/／—–-]$/;
const TRAILING_NUMBER = /\S\s+(?:[+-]?[\d,.]+|[/／—–-])\s*$/;
const TAIL = 64;
// `|---|:---:|`: the line under a Markdown table's header, which converters to Markdown (PDF and OCR
// extractors) write. Three dashes at least, so that a row of `-` cells (not applicable) stays cells.
const MARKDOWN_DELIMITER_ROW =
  /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t\r]*$/;
const SPACE = /\s/;
/** A row label is a table cell, not a sentence: longer tokens are prose (SPEC R3.2). */
const MAX_LABEL = 80;
// Only a short token can be a label or a cell; folding long prose would be wasted work.
const MAX_FOLDED = 200;

/**
 * Splits text into cell tokens. Each `|` ends the cell before it; pipes that end no cell form a
 * run. Works on every layout of docs/templates.md §4 a, b, b′, c, e: one row per line, one cell
 * per line, text and `|` on separate lines, leading pipes, no pipes, numbers separated by spaces.
 * Past LIMITS.cells tokens it throws LimitExceeded, which parseReport turns into the file's error.
 */
export function tokenizeText(text: string, end = text.length): Token[] {
  const tokens: Token[] = [];
  let lineStart = 0;
  let line = 0;
  // A text cell on the previous line that no `|` has ended yet (layout b′ puts its `|` on the next line).
  let openCell: Token | null = null;
  // The pipe search looks ahead once per line at most: a text without pipes is not searched again.
  let pipe = text.indexOf('|');
  const tabs = tabSeparated(text, end) ? { afterTab: false } : null;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    if (pipe !== -1 && pipe < lineStart) pipe = text.indexOf('|', lineStart);
    if (pipe === -1 || pipe >= lineEnd) {
      // Most lines are prose or a cell without pipes (layout c): one segment, no pipe bookkeeping.
      const content = text.slice(lineStart, lineEnd);
      if (tabs && content.includes('\t')) pushTabCells(tokens, content, lineStart, line, tabs);
      else if (/\S/.test(content)) {
        pushTextCells(tokens, content, lineStart, line);
        if (tabs) tabs.afterTab = false;
      }
      const last = tokens[tokens.length - 1];
      if (/\S/.test(content)) openCell = last?.kind === 'text' ? last : null;
      lineStart = lineEnd + 1;
      line += 1;
      continue;
    }
    if (MARKDOWN_DELIMITER_ROW.test(text.slice(lineStart, lineEnd))) {
      // Markup of a Markdown table, not a row of cells: read as a blank line (SPEC R2.10).
      lineStart = lineEnd + 1;
      line += 1;
      continue;
    }
    let first = -1;
    let last = -1;
    let lineHasText = false;
    for (let i = lineStart; i < lineEnd; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x20 || code === 0x09 || code === 0x0d || code === 0xa0 || code === 0x3000)
        continue;
      if (first < 0) first = i;
      last = i;
      if (code !== PIPE) lineHasText = true;
    }
    // `| 规章 | 0 | 0`: the pipes separate cells instead of ending them, so the first one ends nothing.
    let pending = lineHasText && text.charCodeAt(first) === PIPE && text.charCodeAt(last) !== PIPE;
    let atLineStart = true;
    for (let at = lineStart; at < lineEnd;) {
      if (text.charCodeAt(at) === PIPE) {
        let stop = at;
        while (stop < lineEnd && text.charCodeAt(stop) === PIPE) stop += 1;
        let count = stop - at;
        if (pending) {
          count -= 1;
          pending = false;
        } else if (atLineStart && !lineHasText && openCell) {
          count -= 1;
        }
        if (count > 0) tokens.push({ kind: 'run', count, span: [stop - count, stop], line });
        openCell = null;
        at = stop;
      } else {
        let stop = text.indexOf('|', at);
        if (stop < 0 || stop > lineEnd) stop = lineEnd;
        const segment = text.slice(at, stop);
        if (/\S/.test(segment)) {
          pushTextCells(tokens, segment, at, line);
          pending = true;
        }
        at = stop;
      }
      atLineStart = false;
    }
    if (lineHasText) openCell = pending ? (tokens[tokens.length - 1] ?? null) : null;
    lineStart = lineEnd + 1;
    line += 1;
  }
  return tokens;
}

// A browser's own text of a page (select all, copy; `innerText`) separates a row's cells with tabs and
// puts a cell's paragraphs on lines of their own, so a tab may stand alone on its line. Lines that
// join text with tabs, or hold a tab alone, make the text tab-separated (SPEC R2.9); a few tabs in
// prose (indented paragraphs, `电话：\t…`) do not.
const TAB_SEPARATED_LINES = 3;

function tabSeparated(text: string, end: number): boolean {
  let count = 0;
  for (let at = text.indexOf('\t'); at !== -1 && at < end; at = text.indexOf('\t', at + 1)) {
    const before = text[at - 1];
    const after = text[at + 1];
    const joins = before !== undefined && /\S/.test(before) && before !== '|';
    const alone =
      (before === undefined || before === '\n') && (after === undefined || after === '\n');
    if ((joins || alone) && ++count >= TAB_SEPARATED_LINES) return true;
  }
  return false;
}

/**
 * A line of a tab-separated text (SPEC R2.9): the text between tabs is a cell; a tab with no text since
 * the tab before it, on this line or on lines above, is a blank cell (a run of one, spanning the tab).
 * A tab ending a line says nothing more: the next cell may begin with a paragraph of its own.
 */
function pushTabCells(
  tokens: Token[],
  content: string,
  at: number,
  line: number,
  state: { afterTab: boolean },
): void {
  let start = 0;
  for (let tab = content.indexOf('\t'); ; tab = content.indexOf('\t', start)) {
    const stop = tab === -1 ? content.length : tab;
    const segment = content.slice(start, stop);
    if (/\S/.test(segment)) {
      pushTextCells(tokens, segment, at + start, line);
      state.afterTab = false;
    }
    if (tab === -1) return;
    if (state.afterTab)
      tokens.push({ kind: 'run', count: 1, span: [at + tab, at + tab + 1], line });
    state.afterTab = true;
    start = tab + 1;
  }
}

// `四、结转下年度继续办理 0 0 0 0 0 0 0` (PDF text, layout e): a label and its numbers in one segment.
function pushTextCells(tokens: Token[], segment: string, at: number, line: number): void {
  // Only the end of a long line can hold its numbers: test the tail, not every starting position.
  if (!TRAILING_NUMBER.test(segment.length > TAIL ? segment.slice(-TAIL) : segment)) {
    const start = segment.search(/\S/);
    const text = segment.trim();
    pushText(tokens, text, [at + start, at + start + text.length], line);
    return;
  }
  // The numbers at the end, found from the end: a long line's words are never all collected.
  let numbersFrom = segment.length;
  for (let end = segment.length; ;) {
    while (end > 0 && SPACE.test(segment[end - 1] ?? '')) end -= 1;
    let start = end;
    while (start > 0 && !SPACE.test(segment[start - 1] ?? '')) start -= 1;
    if (start === end || !NUMBER_WORD.test(segment.slice(start, end))) break;
    numbersFrom = start;
    end = start;
  }
  const head = segment.slice(0, numbersFrom);
  const headStart = head.search(/\S/);
  if (headStart >= 0) {
    const text = head.trim();
    pushText(tokens, text, [at + headStart, at + headStart + text.length], line);
  }
  for (const word of segment.slice(numbersFrom).matchAll(/\S+/g)) {
    const start = at + numbersFrom + (word.index ?? 0);
    pushText(tokens, word[0], [start, start + word[0].length], line);
  }
}

function pushText(tokens: Token[], text: string, span: Span, line: number): void {
  // Runs lie between text tokens, so counting these bounds every token (SPEC R14.4).
  if (tokens.length >= LIMITS.cells) throw tooManyCells();
  const folded = text.length <= MAX_FOLDED ? foldLabel(text) : text;
  const core = folded.length <= MAX_LABEL ? stripLabelNumber(folded) : null;
  tokens.push({ kind: 'text', text, folded, core, span, line });
}
