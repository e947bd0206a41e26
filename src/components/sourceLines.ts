import type { Report, Span } from '../core';
import type { Outline } from './cellKeys';
import { own } from '../core';

/** A clickable place in the source: where a cell or a fact came from. */
export interface SourceMark {
  start: number;
  end: number;
  kind: 'cell' | 'fact';
}

interface LinePiece {
  text: string;
  mark: SourceMark | null;
}

/** A row of the source as drawn: a line, or a part of a line longer than ROW_CHARS. */
export interface SourceLine {
  number: number;
  start: number;
  end: number;
  /** A later row of a long line: drawn without the line's number. */
  continued: boolean;
  pieces: LinePiece[];
}

/**
 * The most characters drawn as one row. A text can be one line of megabytes (a page flattened
 * into one line); drawn as one element, laying it out would hold the page for seconds.
 */
export const ROW_CHARS = 2000;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function spanKey(span: Span | SourceMark): string {
  return Array.isArray(span) ? `${span[0]}-${span[1]}` : `${span.start}-${span.end}`;
}

export function parseSpanKey(key: string): Span | null {
  const match = /^(\d+)-(\d+)$/.exec(key);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

function overlaps(a: SourceMark, b: SourceMark): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * The spans of all cells and facts, sorted and without overlaps (marks cannot nest). Cells come
 * first: a fact that overlaps a cell is left unmarked, and so is a second cell on the same place.
 */
export function collectMarks(report: Report): SourceMark[] {
  const length = report.text.length;
  const valid = ([start, end]: Span) => start >= 0 && end > start && end <= length;
  const cells: SourceMark[] = report.tables.flatMap((table) =>
    table.rows.flatMap((row) =>
      Object.values(row.cells).flatMap((cell) =>
        cell.span && valid(cell.span)
          ? [{ start: cell.span[0], end: cell.span[1], kind: 'cell' as const }]
          : [],
      ),
    ),
  );
  const facts: SourceMark[] = report.facts
    .filter((fact) => valid(fact.span))
    .map((fact) => ({ start: fact.span[0], end: fact.span[1], kind: 'fact' as const }));

  const kept: SourceMark[] = [];
  const byStart = (a: SourceMark, b: SourceMark) => a.start - b.start || a.end - b.end;
  for (const mark of cells.sort(byStart)) {
    const last = kept[kept.length - 1];
    if (!last || mark.start >= last.end) kept.push(mark);
  }
  const freeFacts = facts.filter((fact) => !kept.some((cell) => overlaps(cell, fact)));
  const placed: SourceMark[] = [];
  for (const mark of freeFacts.sort(byStart)) {
    const last = placed[placed.length - 1];
    if (!last || mark.start >= last.end) placed.push(mark);
  }
  return [...kept, ...placed].sort(byStart);
}

/**
 * The text cut into lines (and a line longer than ROW_CHARS into rows), each cut again at the
 * marks. A mark running over a line break, or from one row into the next, is shown on both, with
 * the same span.
 */
export function splitLines(text: string, marks: readonly SourceMark[]): SourceLine[] {
  const lines: SourceLine[] = [];
  let markIndex = 0;

  function piecesOf(start: number, end: number): LinePiece[] {
    const pieces: LinePiece[] = [];
    let at = start;
    while (markIndex < marks.length && (marks[markIndex]?.end ?? 0) <= start) markIndex++;
    for (let i = markIndex; i < marks.length; i++) {
      const mark = marks[i];
      if (!mark || mark.start >= end) break;
      const from = Math.max(mark.start, start);
      const to = Math.min(mark.end, end);
      if (from > at) pieces.push({ text: text.slice(at, from), mark: null });
      if (to > from) pieces.push({ text: text.slice(from, to), mark });
      at = Math.max(at, to);
    }
    if (end > at) pieces.push({ text: text.slice(at, end), mark: null });
    return pieces;
  }

  let start = 0;
  // A final line break ends the last line; it does not start an empty one.
  for (let number = 1; start < text.length || number === 1; number++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    let row = start;
    do {
      let rowEnd = Math.min(end, row + ROW_CHARS);
      // Never between the two halves of a character outside the BMP.
      if (rowEnd < end && isLowSurrogate(text.charCodeAt(rowEnd))) rowEnd -= 1;
      lines.push({
        number,
        start: row,
        end: rowEnd,
        continued: row > start,
        pieces: piecesOf(row, rowEnd),
      });
      row = rowEnd;
    } while (row < end);
    if (newline < 0) break;
    start = newline + 1;
  }
  return lines;
}

/** The index of the line that holds `offset` (a line's end, its line break, counts as its own). */
export function lineIndexAt(lines: readonly SourceLine[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((lines[middle]?.start ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

/** The places in the source of the outlined cells and figure, by span key. */
export function outlineSpanKeys(report: Report, outline: Outline): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const ref of outline.cells) {
    const row = report.tables.find((t) => t.id === ref.table)?.rows.find((r) => r.key === ref.row);
    const span = row && own(row.cells, ref.column)?.span;
    if (span) keys.add(spanKey(span));
  }
  if (outline.fact) keys.add(spanKey(outline.fact));
  return keys;
}

/** The marks of a line among `keys`, as one string, so that an unchanged line keeps its props. */
export function lineKeys(line: SourceLine, keys: ReadonlySet<string>): string | null {
  if (keys.size === 0) return null;
  const found = line.pieces.flatMap((piece) =>
    piece.mark && keys.has(spanKey(piece.mark)) ? [spanKey(piece.mark)] : [],
  );
  return found.length === 0 ? null : found.join(',');
}
