import { foldLabel } from '../fold';
import type { Span } from '../types';

/**
 * A flattened table cell (`text |`) or a run of `|` marking grid slots without a cell of their own:
 * covered by a rowspan/colspan, or blank (SPEC R2).
 */
export type Token =
  | { kind: 'text'; text: string; folded: string; span: Span; line: number }
  | { kind: 'run'; count: number; span: Span; line: number };

const SEGMENT = /\|+|[^|]+/g;
const NUMBER_WORD = /^[+-]?[\d,.]+$|^[/／—–-]$/;
const TRAILING_NUMBER = /\S\s+(?:[+-]?[\d,.]+|[/／—–-])\s*$/;
// Only a short token can be a label or a cell; folding long prose would be wasted work.
const MAX_FOLDED = 200;

/**
 * Splits text into cell tokens. Each `|` ends the cell before it; pipes that end no cell form a
 * run. Works on every layout of report-templates.md §4 a, b, b′, c, e: one row per line, one cell
 * per line, text and `|` on separate lines, leading pipes, no pipes, numbers separated by spaces.
 */
export function tokenizeText(text: string, end = text.length): Token[] {
  const tokens: Token[] = [];
  let lineStart = 0;
  let line = 0;
  // A text cell on the previous line that no `|` has ended yet (layout b′ puts its `|` on the next line).
  let openCell: Token | null = null;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const content = text.slice(lineStart, lineEnd);
    // `| 规章 | 0 | 0`: the pipes separate cells instead of ending them, so the first one ends nothing.
    const leadingPipes =
      /^\s*\|/.test(content) && !/\|\s*$/.test(content) && /[^|\s]/.test(content);
    const lineHasText = /[^|\s]/.test(content);
    let pending = leadingPipes;
    let first = true;
    for (const match of content.matchAll(SEGMENT)) {
      const segment = match[0];
      const at = lineStart + (match.index ?? 0);
      if (segment[0] === '|') {
        let count = segment.length;
        if (pending) {
          count -= 1;
          pending = false;
        } else if (first && !lineHasText && openCell) {
          count -= 1;
        }
        if (count > 0) {
          tokens.push({
            kind: 'run',
            count,
            span: [at + segment.length - count, at + segment.length],
            line,
          });
        }
        openCell = null;
      } else if (/\S/.test(segment)) {
        pushTextCells(tokens, segment, at, line);
        pending = true;
      }
      first = false;
    }
    if (lineHasText) openCell = pending ? (tokens[tokens.length - 1] ?? null) : null;
    lineStart = lineEnd + 1;
    line += 1;
  }
  return tokens;
}

// `四、结转下年度继续办理 0 0 0 0 0 0 0` (PDF text, layout e): a label and its numbers in one segment.
function pushTextCells(tokens: Token[], segment: string, at: number, line: number): void {
  if (!TRAILING_NUMBER.test(segment)) {
    const start = segment.search(/\S/);
    const text = segment.trim();
    pushText(tokens, text, [at + start, at + start + text.length], line);
    return;
  }
  const words = [...segment.matchAll(/\S+/g)];
  let firstNumber = words.length;
  while (firstNumber > 0 && NUMBER_WORD.test(words[firstNumber - 1]?.[0] ?? '')) firstNumber -= 1;
  const splitAt = words.length > 1 && firstNumber < words.length ? firstNumber : words.length;
  const head = words.slice(0, splitAt);
  const firstWord = head[0];
  const lastWord = head[head.length - 1];
  if (firstWord && lastWord) {
    const start = at + (firstWord.index ?? 0);
    const stop = at + (lastWord.index ?? 0) + lastWord[0].length;
    pushText(tokens, segment.slice(start - at, stop - at), [start, stop], line);
  }
  for (const word of words.slice(splitAt)) {
    const start = at + (word.index ?? 0);
    pushText(tokens, word[0], [start, start + word[0].length], line);
  }
}

function pushText(tokens: Token[], text: string, span: Span, line: number): void {
  tokens.push({
    kind: 'text',
    text,
    folded: text.length <= MAX_FOLDED ? foldLabel(text) : text,
    span,
    line,
  });
}
