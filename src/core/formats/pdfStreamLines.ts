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
  type Piece,
  type TextPlace,
} from './pdfText';

// The stream reading, its first step (SPEC R12.1, R12.3, R12.6, R12.8, R12.9): a page's text runs,
// those of its ruled tables left out, as lines of cells: page furniture dropped, the table zones
// marked, header words stacked over lines joined into one cell.

/** Text with its box: a run, then a cell (runs of one line close together, or stacked words). */
export interface Cell {
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
  /** Where the table's cells are printed, by their place in `table` (R12.40). */
  places?: TextPlace[];
}

/** Where a page's text lies: its left and right edges, its first and last line. */
export interface PageFrame {
  index: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

// Gaps, in font sizes. Below JOIN the runs touch (a space only between Latin letters or digits from
// LATIN_GAP); from CELL up they are separate table cells; between two CJK characters from CJK_CELL.
const JOIN_GAP = 0.3;
const LATIN_GAP = 0.15;
const CELL_GAP = 1.0;
const CJK_CELL_GAP = 0.4;
const MARKER_GAP = 0.25;
// Line pitch limits, in font sizes: stacked words of one cell, a group label wrapped in its column.
const STACK_PITCH = 2.1;
const GROUP_PITCH = 3.5;
// How far (in font sizes) a narrow line may be from a table line to count as part of the table.
const ZONE_REACH = 2.5;
const PAGE_FURNITURE = [
  /^[-—–－_~·•\s]*\d{1,4}[-—–－_~·•\s]*$/,
  /^第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^(?:page\s*)?\d{1,4}\s*(?:of|\/)\s*\d{1,4}$/i,
];
// Share of the page height at the top and bottom where page numbers and running heads sit.
const MARGIN_ZONE = 0.09;

/** A ruled table's lines as one line of the page (R12.18): nothing of the stream crosses it. */
export function tableLine(
  text: string,
  cy: number,
  page: PageFrame,
  places: TextPlace[] = [],
): Line {
  return { cells: [], cy, fs: 0, vertical: false, zone: false, page, table: text, places };
}

/**
 * R12.19 The pages whose drawn lines can matter: a page with a line that ends in a number apart from
 * the text before it, and a page whose text ends in a line of cells (a table's header) before one. Reading
 * a page's drawing costs about as much as reading its text, and more where it holds images.
 */
export function pagesWithTables(pages: readonly PdfPageText[]): boolean[] {
  const furniture = runningFurniture(pages);
  const lines = pages.map((page, index) => pageLines(page, index, furniture));
  const rows = pages.map((page, index) => hasNumberCell(page, index));
  return lines.map(
    (page, index) =>
      (rows[index] ?? false) ||
      ((rows[index + 1] ?? false) && (page[page.length - 1]?.cells.length ?? 0) > 1),
  );
}

/**
 * Whether a line of the page ends in a number apart from the text before it, however narrow the gap
 * (a table with no padding in its cells puts its numbers 0.2 fs from their label).
 */
function hasNumberCell(page: PdfPageText, index: number): boolean {
  const frame: PageFrame = { index, left: 0, right: page.width, top: 0, bottom: page.height };
  return buildLines(
    page.runs.filter((run) => !run.vertical),
    frame,
    true,
  ).some((line) => line.cells.length > 1 && (line.cells[line.cells.length - 1]?.value ?? false));
}

/** A page's lines of text: page furniture dropped, zones marked, stacked cells joined. */
export function pageLines(page: PdfPageText, index: number, furniture: Set<string>): Line[] {
  const frame: PageFrame = { index, left: 0, right: page.width, top: 0, bottom: page.height };
  const built = buildLines(
    page.runs.filter((run) => !run.vertical),
    frame,
  );
  // Lines come in order of their centres: a line's neighbours in the list are its nearest.
  const apart = (k: number) =>
    [built[k - 1], built[k + 1]].every(
      (other) => !other || Math.abs(other.cy - (built[k] as Line).cy) > APART * other.fs,
    );
  const lines = joinValuesApart(
    built.filter((line, k) => !isFurniture(line, page, furniture, index === 0, apart(k))),
  );
  for (const run of page.runs) if (run.vertical) lines.push(verticalLine(run, frame));
  lines.sort((p, q) => p.cy - q.cy || (p.cells[0]?.x0 ?? 0) - (q.cells[0]?.x0 ?? 0));
  frame.left = Infinity;
  frame.right = -Infinity;
  for (const line of lines)
    for (const cell of line.vertical ? [] : line.cells) {
      frame.left = Math.min(frame.left, cell.x0);
      frame.right = Math.max(frame.right, cell.x1);
    }
  if (frame.left > frame.right) [frame.left, frame.right] = [0, page.width];
  frame.top = lines[0]?.cy ?? 0;
  frame.bottom = lines[lines.length - 1]?.cy ?? 0;
  markZones(lines);
  stackCells(lines);
  return lines.filter((line) => line.cells.length > 0);
}

// A table's header is at most this many lines (stacked words joined): longer runs are not compared.
const MAX_REPEATED_HEADER = 32;

/**
 * R12.27 A table's header repeated at the top of the next page (a browser repeats a table's `thead`,
 * Word and LibreOffice a header row marked to repeat) is dropped: where a page ends in a data row,
 * the lines at the top of the next page, before its first data row, that repeat line for line lines
 * of the header over the table's first rows are not read again; the first row's label may follow
 * them on lines of its own. (A page that ends in a block's title or header starts a new block,
 * whose header may read like the last one's.)
 */
export function dropRepeatedHeaders(pages: Line[][]): void {
  let header: string[] = [];
  let pending: Line[] = [];
  // Where the text before the values of the block's rows ends; -∞ before its first row.
  let labelRight = -Infinity;
  let running = false;
  for (const lines of pages) {
    let lead = 0;
    while (lead < lines.length && isHeaderLine(lines[lead] as Line)) lead++;
    const repeated = lines.slice(0, lead).map(lineKey);
    // The repeated header may be followed by the first row's label, on lines of its own.
    let copy = running && lead < lines.length ? lead : 0;
    while (copy > 0 && !contains(header, repeated.slice(0, copy))) copy--;
    lines.splice(0, copy);
    for (const line of lines) {
      if (isDataRow(line)) {
        // Lines before a block's first row, or over the numbers after its rows, are a header; a
        // label's lines before its numbers are not.
        if (pending.some((other) => other.cells.some((cell) => cell.x0 >= labelRight))) {
          header = pending.map(lineKey);
          labelRight = -Infinity;
        }
        for (const cell of line.cells.slice(0, valueStart(line)))
          labelRight = Math.max(labelRight, cell.x1);
        pending = [];
      } else if (isHeaderLine(line)) {
        pending.push(line);
        if (pending.length > MAX_REPEATED_HEADER) pending.shift();
      } else {
        pending = [];
        labelRight = -Infinity;
      }
    }
    const last = lines[lines.length - 1];
    running = last !== undefined && isDataRow(last);
  }
}

const isHeaderLine = (line: Line): boolean =>
  line.zone && !line.vertical && line.table === undefined && !isDataRow(line);

const lineKey = (line: Line): string => line.cells.map((cell) => cell.text).join('\u0001');

/** Whether `part` (not empty) stands in `whole` as a run of consecutive items. */
function contains(whole: readonly string[], part: readonly string[]): boolean {
  for (let at = 0; at + part.length <= whole.length; at++)
    if (part.every((item, k) => whole[at + k] === item)) return true;
  return false;
}

// R12.9 A line alone in the top or bottom margin that is a page number (`- 2 -`, `第 2 页`, `2/5`) or a
// running head printed on most pages is dropped, but for the first page's top margin, where the
// running head is often the title; table rows that reach the margin stay.
function isFurniture(
  line: Line,
  page: PdfPageText,
  furniture: Set<string>,
  first: boolean,
  apart: boolean,
): boolean {
  const margin = page.height * MARGIN_ZONE;
  const top = line.cy <= margin;
  if (!top && line.cy < page.height - margin) return false;
  const text = line.cells.map((cell) => cell.text).join(' ');
  // A page number stands apart; a number close to the lines around it is a table's cell.
  if (apart && PAGE_FURNITURE.some((pattern) => pattern.test(text))) return true;
  return !(first && top) && furniture.has(marginKey(text, top));
}

/**
 * A margin line's text, digits as `#`, with the side of the page it is on: a running head stays on
 * its side, whereas a table's header at the foot of one page and repeated at the top of the next is
 * no running head.
 */
const marginKey = (text: string, top: boolean): string =>
  `${top ? '^' : '_'}${text.replace(/\s+/g, '').replace(/\d+/g, '#')}`;

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
        const key = marginKey(line.cells.map((cell) => cell.text).join(' '), line.cy <= margin);
        if (!/^.#?$/.test(key)) keys.add(key);
      }
    }
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  });
  const min = Math.max(2, Math.ceil(pages.length / 2));
  return new Set([...seen].filter(([, count]) => count >= min).map(([key]) => key));
}

// R12.1 Runs whose vertical centres are within half a font size form a line, ordered by x.
function buildLines(runs: readonly PdfTextRun[], page: PageFrame, eager = false): Line[] {
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
    let cells = splitCells(sorted, eager);
    // A line with numbers in cells is a table row: there a number is a cell even close to a label.
    if (cells.some((cell) => cell.value)) cells = splitCells(sorted, true);
    leadingText(cells);
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

/**
 * A row's values follow its label: values before the first text of a line that has values after that
 * text are text too (`无` of a group label `无法提供` set in a narrow column beside the row's label).
 */
function leadingText(cells: Cell[]): void {
  const text = cells.findIndex((cell) => !cell.value);
  if (text <= 0 || !cells.slice(text).some((cell) => cell.value)) return;
  for (const cell of cells.slice(0, text)) cell.value = false;
}

// A line this close (in font sizes) to another is no page number standing apart, and a line of values
// alone this close to a row is part of it (R12.9, R12.26).
const APART = 1.2;

/**
 * R12.26 A line of values alone (nothing else on it) within 1.2 fs of a row with a label on its
 * line, its values beside none of that row's, is part of that row, the nearer one when two are: a
 * cell aligned to its top or bottom while the row's others are centred (Word, LibreOffice), or set
 * in a smaller type, puts its text on a line of its own.
 */
function joinValuesApart(lines: readonly Line[]): Line[] {
  const out = [...lines];
  const labelled = (line: Line | undefined) =>
    line !== undefined && valueStart(line) > 0 && !line.vertical;
  for (let k = 0; k < out.length; k++) {
    const line = out[k] as Line;
    if (line.cells.length === 0 || !line.cells.every((cell) => cell.value)) continue;
    const beside = (row: Line) =>
      Math.abs(row.cy - line.cy) <= APART * Math.min(row.fs, line.fs) &&
      line.cells.every(
        (cell) =>
          cell.x0 >= (labelOf(row)?.x1 ?? Infinity) &&
          !row.cells.some((other) => other.value && overlaps(other, cell)),
      );
    const near = [out[k - 1], out[k + 1]]
      .filter((row): row is Line => labelled(row) && beside(row as Line))
      .sort((p, q) => Math.abs(p.cy - line.cy) - Math.abs(q.cy - line.cy))[0];
    if (!near) continue;
    near.cells = [...near.cells, ...line.cells].sort((p, q) => p.x0 - q.x0);
    out.splice(k, 1);
    k--;
  }
  return out;
}

const overlaps = (a: Cell, b: Cell): boolean => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;

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

export function valueStart(line: Line): number {
  return line.cells.findIndex((cell) => cell.value);
}

export const isDataRow = (line: Line): boolean => !line.vertical && valueStart(line) >= 0;

/** A data row's label: the cell before its first value; null when the line starts with values. */
export function labelOf(line: Line): Cell | null {
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
