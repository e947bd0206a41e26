import type { Span } from '../types';
import {
  CJK,
  LATIN,
  MARKER,
  centreOf,
  cleanText,
  ems,
  isValue,
  joinText,
  type PdfPageText,
  type PdfTextRun,
} from './pdfText';

// The stream reading (SPEC R12.1–R12.9): a page's text runs, without its ruled tables, rebuilt into
// lines, paragraphs and table rows from their positions alone, so that the text pipeline
// (formats/text.ts, layout e) reads the tables: one line per row, `label n n n`, header cells one
// per line.

/** Text with its box: a run, then a cell (runs of one line close together, or stacked words). */
interface Cell {
  text: string;
  x0: number;
  x1: number;
  /** Vertical centre of the first and of the last line the cell covers. */
  cy: number;
  lastCy: number;
  fs: number;
  value: boolean;
}

export interface Line {
  cells: Cell[];
  cy: number;
  fs: number;
  vertical: boolean;
  zone: boolean;
  page: PageFrame;
  /** A ruled table written in the flattened form (R12.18): a line of its own kind. */
  table?: string;
}

/** Where a page's text lies: its left and right edges, its first and last line. */
export interface PageFrame {
  index: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** One line of the display text. */
interface Unit {
  text: string;
  x0: number;
  x1: number;
  cy: number;
  fs: number;
  zone: boolean;
  kind: 'row' | 'cell' | 'prose' | 'vertical' | 'table';
  page: PageFrame;
}

// Gaps, in font sizes. Below JOIN the runs touch (a space only between Latin letters or digits from
// LATIN_GAP); from CELL up they are separate table cells; between two CJK characters from CJK_CELL.
const JOIN_GAP = 0.3;
const LATIN_GAP = 0.15;
const CELL_GAP = 1.0;
const CJK_CELL_GAP = 0.4;
const MARKER_GAP = 0.25;
// Line pitch limits, in font sizes: stacked words of one cell, a wrapped label's lines.
const STACK_PITCH = 2.1;
const LABEL_PITCH = 2.2;
// How far (in font sizes) a label's line may be indented against the line above or below it.
const INDENT = 2;
const GROUP_PITCH = 3.5;
// How far (in font sizes) a narrow line may be from a table line to count as part of the table.
const ZONE_REACH = 2.5;
// What leaving a table line's text unattached costs, against its gap (in font sizes) to a label.
const LEFT_ALONE = 2.5;
const PAGE_FURNITURE = [
  /^[-—–－_~·•\s]*\d{1,4}[-—–－_~·•\s]*$/,
  /^第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^(?:page\s*)?\d{1,4}\s*(?:of|\/)\s*\d{1,4}$/i,
];
// Share of the page height at the top and bottom where page numbers and running heads sit.
const MARGIN_ZONE = 0.09;

/**
 * The stream reading of a document's lines, ruled tables among them (R12.1–R12.9): labels joined to
 * their numbers, group labels moved, paragraphs joined.
 */
export function streamText(lines: readonly Line[]): { text: string; unruled: Span[] } {
  const units = attachFragments(lines);
  moveGroupLabels(units);
  return joinParagraphs(units);
}

/** A ruled table's lines as one line of the page (R12.18): nothing of the stream crosses it. */
export function tableLine(text: string, cy: number, page: PageFrame): Line {
  return { cells: [], cy, fs: 0, vertical: false, zone: false, page, table: text };
}

/**
 * R12.19 The pages whose drawn lines can matter: a page with a table row in its text (a number in
 * a cell beside another cell), and a page whose text ends in a line of cells (a table's header)
 * before one. Reading a page's drawing costs about as much as reading its text.
 */
export function pagesWithTables(pages: readonly PdfPageText[]): boolean[] {
  const furniture = runningFurniture(pages);
  const lines = pages.map((page, index) => pageLines(page, index, furniture));
  const rows = lines.map((page) => page.some((line) => line.cells.length > 1 && isDataRow(line)));
  return lines.map(
    (page, index) =>
      (rows[index] ?? false) ||
      ((rows[index + 1] ?? false) && (page[page.length - 1]?.cells.length ?? 0) > 1),
  );
}

/** A page's lines of text: page furniture dropped, zones marked, stacked cells joined. */
export function pageLines(page: PdfPageText, index: number, furniture: Set<string>): Line[] {
  const frame: PageFrame = { index, left: 0, right: page.width, top: 0, bottom: page.height };
  const lines = buildLines(
    page.runs.filter((run) => !run.vertical),
    frame,
  ).filter((line) => !isFurniture(line, page, furniture, index === 0));
  for (const run of page.runs) if (run.vertical) lines.push(verticalLine(run, frame));
  lines.sort((p, q) => p.cy - q.cy || (p.cells[0]?.x0 ?? 0) - (q.cells[0]?.x0 ?? 0));
  const flat = lines.filter((line) => !line.vertical).flatMap((line) => line.cells);
  if (flat.length > 0) {
    frame.left = Math.min(...flat.map((cell) => cell.x0));
    frame.right = Math.max(...flat.map((cell) => cell.x1));
  }
  frame.top = lines[0]?.cy ?? 0;
  frame.bottom = lines[lines.length - 1]?.cy ?? 0;
  markZones(lines);
  stackCells(lines);
  return lines.filter((line) => line.cells.length > 0);
}

// R12.9 A line alone in the top or bottom margin that is a page number (`- 2 -`, `第 2 页`, `2/5`) or a
// running head printed on most pages is dropped, but for the first page's top margin, where the
// running head is often the title; table rows that reach the margin stay.
function isFurniture(
  line: Line,
  page: PdfPageText,
  furniture: Set<string>,
  first: boolean,
): boolean {
  const margin = page.height * MARGIN_ZONE;
  const top = line.cy <= margin;
  if (!top && line.cy < page.height - margin) return false;
  const text = line.cells.map((cell) => cell.text).join(' ');
  if (PAGE_FURNITURE.some((pattern) => pattern.test(text))) return true;
  return !(first && top) && furniture.has(marginKey(text));
}

const marginKey = (text: string): string => text.replace(/\s+/g, '').replace(/\d+/g, '#');

/** Lines printed in the margin of at least half the pages (and of two at least): running heads. */
export function runningFurniture(pages: readonly PdfPageText[]): Set<string> {
  const seen = new Map<string, number>();
  pages.forEach((page, index) => {
    const keys = new Set<string>();
    const margin = page.height * MARGIN_ZONE;
    const frame: PageFrame = { index, left: 0, right: page.width, top: 0, bottom: page.height };
    for (const line of buildLines(
      page.runs.filter((run) => !run.vertical),
      frame,
    )) {
      if (line.cy <= margin || line.cy >= page.height - margin) {
        const key = marginKey(line.cells.map((cell) => cell.text).join(' '));
        if (key && !/^#?$/.test(key)) keys.add(key);
      }
    }
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  });
  const min = Math.max(2, Math.ceil(pages.length / 2));
  return new Set([...seen].filter(([, count]) => count >= min).map(([key]) => key));
}

interface Piece {
  text: string;
  x0: number;
  x1: number;
  cy: number;
  fs: number;
}

// R12.1 Runs whose vertical centres are within half a font size form a line, ordered by x.
function buildLines(runs: readonly PdfTextRun[], page: PageFrame): Line[] {
  const pieces: Piece[] = runs
    .flatMap((run) =>
      splitValues({
        text: cleanText(run.str),
        x0: run.x,
        x1: run.x + run.width,
        cy: centreOf(run),
        fs: run.fontSize,
      }),
    )
    .filter((piece) => piece.text !== '')
    .sort((p, q) => p.cy - q.cy || p.x0 - q.x0);
  const groups: { cy: number; fs: number; pieces: Piece[] }[] = [];
  for (const piece of pieces) {
    const last = groups[groups.length - 1];
    if (last && piece.cy - last.cy <= 0.5 * Math.min(piece.fs, last.fs)) {
      last.pieces.push(piece);
      last.cy += (piece.cy - last.cy) / last.pieces.length;
      last.fs = Math.min(last.fs, piece.fs);
    } else {
      groups.push({ cy: piece.cy, fs: piece.fs, pieces: [piece] });
    }
  }
  return groups.map((group) => {
    const sorted = group.pieces.sort((p, q) => p.x0 - q.x0);
    let cells = splitCells(sorted, false);
    // A line with numbers in cells is a table row: there a number is a cell even close to a label.
    if (cells.some((cell) => cell.value)) cells = splitCells(sorted, true);
    return { cells, cy: group.cy, fs: group.fs, vertical: false, zone: false, page };
  });
}

/**
 * Numbers that one run carries after its text (`0 0`, `label 1 0 2`: several cells drawn as one
 * string) become pieces of their own, placed in proportion to their characters' widths. A single
 * number after text stays (`申请 21` ending a line of prose).
 */
function splitValues(piece: Piece): Piece[] {
  const words = [...piece.text.matchAll(/\S+/g)];
  let first = words.length;
  while (first > 0 && isValue(words[first - 1]?.[0] ?? '')) first--;
  if (words.length - first < 2) return [piece];
  const total = ems(piece.text) || 1;
  const at = (offset: number) =>
    piece.x0 + ((piece.x1 - piece.x0) * ems(piece.text.slice(0, offset))) / total;
  const pieces: Piece[] = [];
  const head = words[first - 1];
  if (head) {
    const end = (head.index ?? 0) + head[0].length;
    pieces.push({ ...piece, text: piece.text.slice(0, end), x1: at(end) });
  }
  for (const word of words.slice(first)) {
    const start = word.index ?? 0;
    pieces.push({ ...piece, text: word[0], x0: at(start), x1: at(start + word[0].length) });
  }
  return pieces;
}

function splitCells(pieces: readonly Piece[], row: boolean): Cell[] {
  const cells: Cell[] = [];
  pieces.forEach((piece, index) => {
    const prev = cells[cells.length - 1];
    const { text } = piece;
    if (prev) {
      const gap = piece.x0 - prev.x1;
      const small = Math.min(piece.fs, prev.fs);
      // The same text drawn twice (fake bold): keep one.
      if (prev.text.endsWith(text) && Math.abs(piece.x1 - prev.x1) < 0.3 * small) return;
      const a = prev.text.slice(-1);
      const b = text[0] ?? '';
      const cjk = CJK.test(a) && CJK.test(b);
      const number = isValue(text);
      const boundary =
        gap >= CELL_GAP * small ||
        // Runs of one cell share a baseline; words of neighbouring header cells often do not.
        Math.abs(piece.cy - prev.lastCy) > 0.25 * small ||
        (prev.value && number && gap > LATIN_GAP * small) ||
        // CJK prose has no spaces: a gap between two CJK characters is a cell boundary.
        (cjk && gap >= CJK_CELL_GAP * small) ||
        // A row number after a gap starts a cell (`（三）  1.属于国家秘密`), even set glyph by glyph.
        (gap >= MARKER_GAP * small && MARKER.test(upcoming(pieces, index))) ||
        // On a table row a number is a cell of its own, however close to its label.
        (row && (number || prev.value) && gap >= LATIN_GAP * small);
      if (!boundary) {
        const latin = LATIN.test(a) && LATIN.test(b);
        const space = latin ? gap >= LATIN_GAP * small : gap >= JOIN_GAP * small && !cjk;
        prev.text += (space ? ' ' : '') + text;
        prev.x1 = Math.max(prev.x1, piece.x1);
        prev.fs = Math.max(prev.fs, piece.fs);
        prev.value = isValue(prev.text);
        return;
      }
    }
    cells.push({ ...piece, lastCy: piece.cy, value: isValue(text) });
  });
  return cells;
}

/** The text from a piece on, through the pieces that touch it: enough to see a row number. */
function upcoming(pieces: readonly Piece[], from: number): string {
  let text = pieces[from]?.text ?? '';
  for (let k = from + 1; k < pieces.length && k <= from + 5; k++) {
    const piece = pieces[k] as Piece;
    const before = pieces[k - 1] as Piece;
    if (piece.x0 - before.x1 >= MARKER_GAP * piece.fs) break;
    text += piece.text;
  }
  return text;
}

// R12.8 Text set vertically (a rowspan label) is written one character per line.
function verticalLine(run: PdfTextRun, page: PageFrame): Line {
  const text = cleanText(run.str);
  const cy = run.y + 0.5 * run.fontSize;
  const cell: Cell = {
    text,
    x0: run.x,
    x1: run.x + run.fontSize,
    cy,
    lastCy: cy,
    fs: run.fontSize,
    value: false,
  };
  return { cells: text ? [cell] : [], cy, fs: run.fontSize, vertical: true, zone: true, page };
}

function valueStart(line: Line): number {
  return line.cells.findIndex((cell) => cell.value);
}

const isDataRow = (line: Line): boolean => !line.vertical && valueStart(line) >= 0;

/** A data row's label: the cell before its first value; null when the line starts with values. */
function labelOf(line: Line): Cell | null {
  const start = valueStart(line);
  return start > 0 ? (line.cells[start - 1] ?? null) : null;
}

// R12.3 Tables: data rows (numbers in cells), lines of several cells, and the narrow single cells
// within 2.5 font sizes of them (wrapped labels, stacked header words). The rest is prose.
function markZones(lines: Line[]): void {
  for (const line of lines) line.zone = line.vertical || isDataRow(line) || line.cells.length > 1;
  let changed = true;
  while (changed) {
    changed = false;
    lines.forEach((line, i) => {
      const cell = line.cells[0];
      const wide = 0.6 * (line.page.right - line.page.left);
      if (line.zone || !cell || cell.x1 - cell.x0 > wide) return;
      const near = [lines[i - 1], lines[i + 1]].some(
        (other) =>
          other?.zone && !other.vertical && Math.abs(other.cy - line.cy) <= ZONE_REACH * line.fs,
      );
      if (near) {
        line.zone = true;
        changed = true;
      }
    });
  }
}

// R12.6 A header cell broken over several lines (`结果` / `维持`, `结` / `果`, `商业` / `企业`) is one cell:
// text in the same column (left edges or centres aligned), one line pitch below, in the same size.
function stackCells(lines: Line[]): void {
  const free = (line: Line): Cell[] => {
    if (!line.zone || line.vertical) return [];
    const label = labelOf(line);
    return line.cells.filter((cell) => !cell.value && cell !== label);
  };
  const placed: Cell[] = [];
  // Index of the line each placed cell's last part is on.
  const lastLine = new Map<Cell, number>();
  lines.forEach((line, index) => {
    const width = 0.6 * (line.page.right - line.page.left);
    const own = free(line);
    const label = line.zone && !line.vertical ? labelOf(line) : null;
    for (const cell of label ? [...own, label] : own) {
      if (MARKER.test(cell.text) || cell.x1 - cell.x0 > width) continue;
      // A header spanning several columns (`行政复议` over 结果维持 … 总计) is no part of the one below it.
      const siblings = (upper: Cell) =>
        line.cells.filter(
          (other) => Math.min(other.x1, upper.x1) - Math.max(other.x0, upper.x0) > 0.05 * cell.fs,
        ).length;
      // A data row's label joins the text above it only as the next part of a group label: the
      // row's own label is then text between the two, right of it and left of the numbers.
      const group = (candidate: Cell) => {
        const from = lastLine.get(candidate) ?? index;
        if (!groupColumn(lines, from, index, candidate, cell)) return false;
        if (cell !== label) return true;
        const first = line.cells[valueStart(line)] as Cell;
        return lines
          .slice(from + 1, index)
          .some((between) =>
            between.cells.some(
              (other) =>
                !other.value &&
                other.x0 >= cell.x1 - 0.5 * cell.fs &&
                other.x1 <= first.x0 - 0.1 * cell.fs,
            ),
          );
      };
      const upper = stackOn(
        placed,
        cell,
        width,
        group,
        (candidate) => siblings(candidate) <= 1,
        cell === label,
      );
      if (!upper) continue;
      upper.text = joinText(upper.text, cell.text);
      upper.x0 = Math.min(upper.x0, cell.x0);
      upper.x1 = Math.max(upper.x1, cell.x1);
      upper.lastCy = cell.cy;
      lastLine.set(upper, index);
      line.cells.splice(line.cells.indexOf(cell), 1);
    }
    for (const cell of own) {
      if (!line.cells.includes(cell)) continue;
      placed.push(cell);
      lastLine.set(cell, index);
    }
  });
}

function stackOn(
  placed: readonly Cell[],
  cell: Cell,
  width: number,
  group: (upper: Cell) => boolean,
  alone: (upper: Cell) => boolean,
  groupOnly: boolean,
): Cell | undefined {
  let best: Cell | undefined;
  for (const upper of placed) {
    const pitch = cell.cy - upper.lastCy;
    if (
      pitch >= 0.6 * cell.fs &&
      pitch <= GROUP_PITCH * cell.fs &&
      !/[。！？；]$/.test(upper.text) &&
      Math.abs(upper.fs - cell.fs) <= 0.15 * cell.fs &&
      upper.x1 - upper.x0 <= width &&
      (Math.abs(upper.x0 - cell.x0) <= 0.5 * cell.fs ||
        Math.abs(upper.x0 + upper.x1 - cell.x0 - cell.x1) <= cell.fs) &&
      (!best || upper.lastCy > best.lastCy) &&
      ((pitch <= STACK_PITCH * cell.fs && !groupOnly) || group(upper)) &&
      alone(upper)
    )
      best = upper;
  }
  return best;
}

// A group label wrapped in its narrow column (`三、本` / `年度办` / `理结果`) has rows between its lines:
// nothing else in its column between the two parts, and row labels to its right.
function groupColumn(
  lines: readonly Line[],
  from: number,
  to: number,
  upper: Cell,
  cell: Cell,
): boolean {
  const x0 = Math.min(upper.x0, cell.x0);
  const x1 = Math.max(upper.x1, cell.x1);
  let rows = false;
  let data = false;
  for (let i = from; i <= to; i++) {
    const line = lines[i] as Line;
    if (line.vertical) continue;
    if (isDataRow(line)) data = true;
    for (const other of line.cells) {
      if (other === upper || other === cell) continue;
      if (!other.value && other.x0 >= x1 - 0.5 * cell.fs) rows = true;
      if (i !== from && i !== to && other.x0 < x1 && other.x1 > x0) return false;
    }
  }
  return rows && data;
}

interface Attached {
  before: Cell[];
  after: Cell[];
}

/** Text without numbers in a table line: the cell nearest the numbers column may be a label's part. */
interface Fragment {
  line: Line;
  cell: Cell;
}

// R12.5 A label wrapped over several lines, its numbers on the first, middle or last line (or between
// two lines), is joined to its numbers: a table line with text and no numbers gives its last cell to the
// data row above or below that it can belong to, the nearer one when both can. A cell starting with a
// row number (`（二）`, `1.`) begins a label, one without continues the label above or begins one that
// has no row number. A label's lines share a column; the text column nearest the numbers is the label,
// text further left is a group label.
function attachFragments(lines: readonly Line[]): Unit[] {
  const attached = new Map<Line, Attached>();
  const taken = new Set<Cell>();
  let upper: Line | null = null;
  let between: Fragment[] = [];
  const flush = (lower: Line | null) => {
    assign(upper, between, lower, attached, taken);
    between = [];
  };
  for (const line of lines) {
    if (line.vertical) continue;
    const last = line.cells[line.cells.length - 1];
    if (line.table !== undefined) {
      flush(null);
      upper = null;
    } else if (isDataRow(line)) {
      flush(line);
      upper = line;
    } else if (line.zone && last) {
      between.push({ line, cell: last });
    } else {
      flush(null);
      upper = null;
    }
  }
  flush(null);
  const units: Unit[] = [];
  for (const line of lines) {
    if (line.table !== undefined) {
      units.push({
        text: line.table,
        x0: 0,
        x1: 0,
        cy: line.cy,
        fs: 0,
        zone: false,
        kind: 'table',
        page: line.page,
      });
      continue;
    }
    if (line.vertical) {
      const cell = line.cells[0] as Cell;
      [...cell.text].forEach((char, k) =>
        units.push({
          ...unitBase(cell, line),
          text: char,
          cy: line.cy + k * cell.fs,
          kind: 'vertical',
        }),
      );
      continue;
    }
    const cells = line.cells.filter((cell) => !taken.has(cell));
    if (cells.length === 0) continue;
    units.push(...lineUnits({ ...line, cells }, attached.get(line) ?? { before: [], after: [] }));
  }
  return units;
}

function unitBase(cell: Cell, line: Line): Omit<Unit, 'text' | 'kind'> {
  return { x0: cell.x0, x1: cell.x1, cy: line.cy, fs: cell.fs, zone: line.zone, page: line.page };
}

/** The vertical extent of a cell, or of a row's numbers and label. */
interface Extent {
  page: PageFrame;
  top: number;
  bottom: number;
}

const cellExtent = (cell: Cell, line: Line): Extent => ({
  page: line.page,
  top: Math.min(cell.cy, cell.lastCy),
  bottom: Math.max(cell.cy, cell.lastCy),
});

function rowExtent(row: Line): Extent {
  const label = labelOf(row);
  const top = Math.min(row.cy, label?.cy ?? row.cy);
  return { page: row.page, top, bottom: Math.max(row.cy, label?.lastCy ?? row.cy) };
}

/** The gap between two extents, across a page break as if the pages were one. */
function gapBetween(a: Extent, b: Extent, fs: number): number {
  if (a.page === b.page) return Math.max(0, a.top - b.bottom, b.top - a.bottom);
  const [first, second] = a.page.index < b.page.index ? [a, b] : [b, a];
  if (second.page.index !== first.page.index + 1) return Infinity;
  return first.page.bottom - first.bottom + (second.top - second.page.top) + 1.5 * fs;
}

/** The column a row's label is in: its label cell, or the first text already given to it. */
interface Column {
  cell: Cell;
  /** The row's own label cell: text to its right (before the numbers) takes the label's place. */
  own: boolean;
}

/**
 * Whether `cell` continues the column's text: left edges within 2 fs (a first line indented, or a
 * hanging indent), and the two lines overlapping, as the lines of one cell do.
 */
function fitColumn(cell: Cell, column: Column | null): Column | null {
  if (!column) return { cell, own: false };
  const ref = column.cell;
  const shift = Math.abs(cell.x0 - ref.x0) / cell.fs;
  const overlap = Math.min(cell.x1, ref.x1) - Math.max(cell.x0, ref.x0) > 0;
  if (shift <= 0.5 || (shift <= INDENT && overlap)) return column;
  if (column.own && cell.x0 >= ref.x1 - 0.5 * cell.fs) return { cell, own: false };
  return null;
}

function assign(
  upper: Line | null,
  between: readonly Fragment[],
  lower: Line | null,
  attached: Map<Line, Attached>,
  taken: Set<Cell>,
): void {
  if (between.length === 0 || (!upper && !lower)) return;
  const start = (row: Line): Column | null => {
    const first = attached.get(row)?.before[0];
    if (first) return { cell: first, own: false };
    const label = labelOf(row);
    return label ? { cell: label, own: true } : null;
  };
  const inColumn = (fragment: Fragment, row: Line) => {
    const first = row.cells[valueStart(row)] as Cell;
    return fragment.cell.x1 <= first.x0 - 0.1 * fragment.cell.fs;
  };
  const pitch = (fragment: Fragment, other: Extent) =>
    gapBetween(cellExtent(fragment.cell, fragment.line), other, fragment.cell.fs) <=
    LABEL_PITCH * fragment.cell.fs;
  // A fragment's cost: its gap to the label's nearest line, and a little of its distance to the
  // row's numbers (the numbers stand in the middle of their label).
  const cost = (fragment: Fragment, edge: Extent, row: Line) => {
    const extent = cellExtent(fragment.cell, fragment.line);
    const fs = fragment.cell.fs;
    const numbers = { page: row.page, top: row.cy, bottom: row.cy };
    return (gapBetween(extent, edge, fs) + 0.1 * gapBetween(extent, numbers, fs)) / fs;
  };
  // Text in no column of the two rows (a group label beside them) stays a cell and is passed over.
  const candidates = between.filter(
    (fragment) =>
      (upper && fitColumn(fragment.cell, start(upper)) && inColumn(fragment, upper)) ||
      (lower && fitColumn(fragment.cell, start(lower)) && inColumn(fragment, lower)),
  );
  // Fragments [0, up) go to the row above, [down, n) to the row below, those between stay cells of
  // their own (LEFT_ALONE each). The cheapest assignment wins; a tie goes up.
  const n = candidates.length;
  let best: { up: number; down: number; cost: number } | null = null;
  for (let up = 0; up <= n; up++) {
    const upCost = upper ? upwards(upper, up) : up === 0 ? 0 : null;
    if (upCost === null) continue;
    for (let down = up; down <= n; down++) {
      const downCost = lower ? downwards(lower, down) : down === n ? 0 : null;
      if (downCost === null) continue;
      const total = upCost + downCost + LEFT_ALONE * (down - up);
      if (!best || total < best.cost - 1e-6) best = { up, down, cost: total };
    }
  }
  if (!best) return;
  const { up, down } = best;
  candidates.forEach((fragment, k) => {
    const row = k < up ? upper : k >= down ? lower : null;
    if (!row) return;
    const entry = attached.get(row) ?? { before: [], after: [] };
    (k < up ? entry.after : entry.before).push(fragment.cell);
    attached.set(row, entry);
    taken.add(fragment.cell);
  });

  /** The cost of giving fragments [0, count) to the row above; null when they cannot all go. */
  function upwards(row: Line, count: number): number | null {
    let column = start(row);
    let edge = rowExtent(row);
    let total = 0;
    for (let k = 0; k < count; k++) {
      const fragment = candidates[k] as Fragment;
      column = fitColumn(fragment.cell, column);
      if (!column || !inColumn(fragment, row) || MARKER.test(fragment.cell.text)) return null;
      if (!pitch(fragment, edge)) return null;
      total += cost(fragment, edge, row);
      edge = cellExtent(fragment.cell, fragment.line);
    }
    return total;
  }

  /** The cost of giving fragments [from, n) to the row below; only the first may carry a row number. */
  function downwards(row: Line, from: number): number | null {
    let column = start(row);
    const label = labelOf(row);
    let edge = rowExtent(row);
    let total = 0;
    for (let k = n - 1; k >= from; k--) {
      const fragment = candidates[k] as Fragment;
      column = fitColumn(fragment.cell, column);
      if (!column || !inColumn(fragment, row)) return null;
      if (MARKER.test(fragment.cell.text) && k !== from) return null;
      if (!pitch(fragment, edge)) return null;
      total += cost(fragment, edge, row);
      edge = cellExtent(fragment.cell, fragment.line);
    }
    // Text above begins the row's label, so the row's own label cannot begin with a row number.
    if (from < n && label && column?.own && MARKER.test(label.text)) return null;
    return total;
  }
}

// R12.4 A data row is one line: its label, a space, its values separated by single spaces. Other cells
// of a table line (header words, a group label beside a row) are lines of their own.
function lineUnits(line: Line, { before, after }: Attached): Unit[] {
  const units: Unit[] = [];
  const cells = line.cells;
  const start = valueStart(line);
  const label = labelOf(line);
  const fragments = [...before, ...after];
  // Fragments to the right of the label cell are the label; the cell is a group label.
  const demoted = label !== null && fragments.some((cell) => cell.x0 >= label.x1 - 0.5 * cell.fs);
  for (let k = 0; k < cells.length;) {
    const cell = cells[k] as Cell;
    if (cell.value) {
      const values: Cell[] = [];
      while (k < cells.length && (cells[k] as Cell).value) values.push(cells[k++] as Cell);
      let text = '';
      let anchor = values[0] as Cell;
      if (values[0] === cells[start]) {
        const parts = [...before, ...(label && !demoted ? [label] : []), ...after];
        text = parts.reduce((joined, part) => joinText(joined, part.text), '');
        anchor = parts[0] ?? anchor;
      } else {
        // Values after a text cell further right belong to that cell.
        const previous = units[units.length - 1];
        if (previous?.kind === 'cell') {
          units.pop();
          text = previous.text;
        }
      }
      units.push(...rowUnits(text, values, anchor, line));
      continue;
    }
    if (cell !== label || demoted)
      units.push({
        ...unitBase(cell, line),
        text: cell.text,
        kind: line.zone || cells.length > 1 ? 'cell' : 'prose',
      });
    k++;
  }
  return units;
}

// The tokenizer reads `label n n n` when every value is a plain number or a dash (formats/text.ts);
// values with units or words (`251000元`, `无`) go one per line, which it reads as cells too.
const PLAIN_VALUE = /^[+-]?[\d,.]+$|^[/／—–-]$/;

function rowUnits(label: string, values: readonly Cell[], anchor: Cell, line: Line): Unit[] {
  const base = { ...unitBase(anchor, line), zone: true, kind: 'row' as const };
  if (values.every((value) => PLAIN_VALUE.test(value.text))) {
    const text = [label, ...values.map((value) => value.text)].filter((t) => t !== '').join(' ');
    return [{ ...base, text, x1: values[values.length - 1]?.x1 ?? anchor.x1 }];
  }
  const units: Unit[] = label ? [{ ...base, text: label }] : [];
  for (const value of values) units.push({ ...base, text: value.text, x0: value.x0, x1: value.x1 });
  return units;
}

// R12.7 A group label (`（三）不予公开`) printed beside the middle of its rows is written before its
// first row (`1.…`), where a flattened table has it.
function moveGroupLabels(units: Unit[]): void {
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] as Unit;
    if (unit.kind !== 'cell' || !unit.zone) continue;
    const child = childMarker(unit.text);
    if (!child) continue;
    const next = units.slice(i + 1).find((other) => other.kind !== 'vertical');
    let expected = next ? child(next.text) : null;
    if (expected === null || expected <= 1) continue;
    // Back over its own rows only: numbered n-1, n-2, … down to 1.
    let target = -1;
    for (let k = i - 1; k >= 0 && target < 0; k--) {
      const other = units[k] as Unit;
      if (other.kind === 'vertical') continue;
      if (!other.zone || other.kind !== 'row' || other.x0 <= unit.x0 + 0.5 * unit.fs) break;
      if (child(other.text) !== expected - 1) break;
      expected -= 1;
      if (expected === 1) target = k;
    }
    if (target < 0) continue;
    units.splice(i, 1);
    units.splice(target, 0, unit);
  }
}

const NUMERALS = '一二三四五六七八九';

/** The numbering of a group's rows: `1.` under `（三）`, `（一）` under `三、`. */
function childMarker(text: string): ((row: string) => number | null) | null {
  if (/^[（(][一二三四五六七八九十]+[)）]/.test(text))
    return (row) => Number(/^(\d+)[.．、](?!\d)/.exec(row)?.[1] ?? NaN) || null;
  if (/^[一二三四五六七八九十]+、/.test(text))
    return (row) => {
      const numeral = /^[（(]([一二三四五六七八九])[)）]/.exec(row)?.[1];
      return numeral ? NUMERALS.indexOf(numeral) + 1 : null;
    };
  return null;
}

// R12.2 Lines of one paragraph are joined: a line that reaches the right edge of the page's text,
// followed on the same page by a line of the same size at the left edge, continues on it.
function joinParagraphs(units: readonly Unit[]): { text: string; unruled: Span[] } {
  const out: string[] = [];
  const kinds: Unit['kind'][] = [];
  let previous: Unit | null = null;
  for (const unit of units) {
    const continues =
      previous !== null &&
      previous.kind === 'prose' &&
      unit.kind === 'prose' &&
      previous.page === unit.page &&
      previous.x1 >= unit.page.right - 1.5 * previous.fs &&
      unit.x0 <= unit.page.left + 0.6 * unit.fs &&
      Math.abs(previous.fs - unit.fs) <= 0.15 * unit.fs &&
      unit.cy - previous.cy > 0 &&
      unit.cy - previous.cy <= 2.2 * unit.fs;
    if (continues) out[out.length - 1] = joinText(out[out.length - 1] ?? '', unit.text);
    else {
      out.push(unit.text);
      kinds.push(unit.kind);
    }
    previous = unit;
  }
  return { text: out.join('\n'), unruled: unruledTables(out, kinds) };
}

/**
 * R12.21 The stretches of the display text that the stream reading made into table rows: each run
 * of table lines (rows, cells, characters set vertically) that holds a row of numbers. No ruling
 * says where their numbers belong.
 */
function unruledTables(out: readonly string[], kinds: readonly Unit['kind'][]): Span[] {
  const spans: Span[] = [];
  let at = 0;
  let open: { start: number; end: number; rows: boolean } | null = null;
  const close = () => {
    if (open?.rows) spans.push([open.start, open.end]);
    open = null;
  };
  out.forEach((line, k) => {
    const kind = kinds[k];
    if (kind === 'row' || kind === 'cell' || kind === 'vertical') {
      open ??= { start: at, end: at, rows: false };
      open.end = at + line.length;
      open.rows ||= kind === 'row';
    } else close();
    at += line.length + 1;
  });
  close();
  return spans;
}
