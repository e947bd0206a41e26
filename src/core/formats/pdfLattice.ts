import { flattenTable } from './flatten';
import { type Grid, clusterLines, findGrids, gridBox, nearest } from './pdfGrid';
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
  type PdfBox,
  type Piece,
  type TextPlace,
} from './pdfText';
import { pushAll } from '../arrays';

// The lattice reading (SPEC R12.15–R12.18): the text runs inside a ruled grid go to the cell that
// holds their centre; a table continued over a page break is joined; the table is written in the
// flattened form of HTML and DOCX tables (flatten.ts), which the text pipeline reads cell by cell.

interface LatticeCell {
  row: number;
  col: number;
  rows: number;
  cols: number;
  text: string;
  openTop: boolean;
  openBottom: boolean;
  /** Its ruled box on the page it starts on (R12.40). */
  box?: PdfBox;
}

/** A ruled table on a page, or several pages' parts of one table joined. */
export interface LatticeTable {
  /** Its first page and the top there; its last page and the bottom there. */
  page: number;
  top: number;
  endPage: number;
  bottom: number;
  left: number;
  right: number;
  /** Its column lines; its cells' `col` index them. */
  xs: number[];
  rows: number;
  cells: LatticeCell[];
  /** It runs off the side of the page: the columns beyond were never printed (R12.15). */
  clipped: boolean;
}

// How far (pt) a run may reach past a grid line and still be inside the cell.
const OVERHANG = 1.5;
// A grid this close (pt) to the page's side, with no ruling down that side, runs off the page; a
// column with less room than ROOM (pt) on the page holds nothing legible.
const EDGE = 1;
const ROOM = 6;
// A table's parts on two pages have their outer edges this close (pt).
const SAME_EDGE = 3;

/**
 * R12.15 The ruled tables of a page and the runs left for the stream reading. A grid is read as a
 * table when at least two of its cells hold text and every value has its own cell (a cell holding
 * two numbers side by side means the rulings do not separate the columns: the stream reading then
 * reads the grid's text).
 */
export function readLattice(
  page: PdfPageText,
  index: number,
): { tables: LatticeTable[]; rest: PdfTextRun[] } {
  if (!page.rulings || page.rulings.length === 0) return { tables: [], rest: page.runs };
  const grids = findGrids(page.rulings, page.runs.map(anchor));
  if (grids.length === 0) return { tables: [], rest: page.runs };
  const pieces = grids.map((grid) => grid.cells.map((): Piece[] => []));
  const held = grids.map((): PdfTextRun[] => []);
  const rest: PdfTextRun[] = [];
  for (const run of page.runs) {
    const g = grids.findIndex((grid) => inside(grid, run));
    const grid = grids[g];
    if (!grid) rest.push(run);
    else {
      held[g]?.push(run);
      for (const { cell, piece } of cutRun(grid, run)) pieces[g]?.[cell]?.push(piece);
    }
  }
  const tables: LatticeTable[] = [];
  grids.forEach((grid, g) => {
    const texts = (pieces[g] ?? []).map(cellText);
    if (texts.filter((text) => text !== '').length < 2 || texts.some(valuesSideBySide)) {
      pushAll(rest, held[g] ?? []);
      return;
    }
    const [left, top, right, bottom] = gridBox(grid);
    const open =
      (left < EDGE && !grid.ruledLeft) || (right > page.width - EDGE && !grid.ruledRight);
    tables.push(
      clipColumns(
        {
          page: index,
          top,
          endPage: index,
          bottom,
          left,
          right,
          xs: grid.xs,
          rows: grid.ys.length - 1,
          cells: grid.cells.map((cell, k) => ({
            ...cell,
            text: texts[k] ?? '',
            box: {
              page: index,
              x0: grid.xs[cell.col] ?? left,
              y0: grid.ys[cell.row] ?? top,
              x1: grid.xs[cell.col + cell.cols] ?? right,
              y1: grid.ys[cell.row + cell.rows] ?? bottom,
            },
          })),
          clipped: open,
        },
        page.width,
      ),
    );
  });
  return { tables, rest };
}

/**
 * A table without the columns that lie (almost) wholly off the page; clipped when it loses one, or
 * when it was cut by the page's edge already.
 */
function clipColumns(table: LatticeTable, width: number): LatticeTable {
  const { xs } = table;
  let lo = 0;
  while (lo < xs.length - 2 && (xs[lo + 1] as number) < ROOM) lo++;
  let hi = xs.length - 1;
  while (hi > lo + 1 && (xs[hi - 1] as number) > width - ROOM) hi--;
  if (lo === 0 && hi === xs.length - 1) return table;
  const cells = table.cells.flatMap((cell) => {
    const col = Math.max(cell.col, lo);
    const end = Math.min(cell.col + cell.cols, hi);
    return end > col ? [{ ...cell, col: col - lo, cols: end - col }] : [];
  });
  return { ...table, xs: xs.slice(lo, hi + 1), cells, clipped: true };
}

function anchor(run: PdfTextRun): [number, number] {
  if (run.vertical) return [run.x + 0.5 * run.fontSize, run.y + 0.5 * run.fontSize];
  return [run.x + 0.5 * Math.min(run.width, run.fontSize), centreOf(run)];
}

function inside(grid: Grid, run: PdfTextRun): boolean {
  const [left, top, right, bottom] = gridBox(grid);
  const [x, y] = anchor(run);
  return x > left && x < right && y > top && y < bottom;
}

function cellAt(grid: Grid, x: number, y: number): number {
  const columns = grid.xs.length - 1;
  const col = slotIndex(grid.xs, x);
  const row = slotIndex(grid.ys, y);
  return grid.owner[row * columns + col] ?? 0;
}

/** The slot between two lines that holds `value`. */
function slotIndex(lines: readonly number[], value: number): number {
  const i = nearest(lines, value);
  const slot = value < (lines[i] as number) ? i - 1 : i;
  return Math.max(0, Math.min(lines.length - 2, slot));
}

/**
 * A run's parts, each in the cell that holds its centre. A run drawn across a column line (`规章 0 0`
 * as one string) is cut there, its characters placed in proportion to their widths.
 */
function cutRun(grid: Grid, run: PdfTextRun): { cell: number; piece: Piece }[] {
  const cy = run.vertical ? run.y + 0.5 * run.fontSize : centreOf(run);
  const base = { cy, fs: run.fontSize };
  const x1 = run.x + (run.vertical ? run.fontSize : run.width);
  const crossed = grid.xs.some((x) => x > run.x + OVERHANG && x < x1 - OVERHANG);
  if (run.vertical || !crossed) {
    const [x, y] = anchor(run);
    return [{ cell: cellAt(grid, x, y), piece: { ...base, text: run.str, x0: run.x, x1 } }];
  }
  const total = ems(run.str) || 1;
  const parts: { cell: number; piece: Piece }[] = [];
  let offset = 0;
  for (const char of run.str) {
    const x0 = run.x + (run.width * offset) / total;
    offset += ems(char);
    const x = run.x + (run.width * offset) / total;
    const cell = cellAt(grid, (x0 + x) / 2, cy);
    const last = parts[parts.length - 1];
    if (last && last.cell === cell) {
      last.piece.text += char;
      last.piece.x1 = x;
    } else parts.push({ cell, piece: { ...base, text: char, x0, x1: x } });
  }
  return parts;
}

/**
 * R12.16 A cell's text: its runs in lines (centres within half a font size), each line left to
 * right, a space only where a gap shows between Latin letters or digits or between words; the lines
 * joined without a space between CJK characters, so a header stacked one character per line is one
 * word and a label wrapped over lines is one label. The same text drawn twice (fake bold) is kept once.
 */
function cellText(pieces: readonly Piece[]): string {
  const sorted = [...pieces].sort((p, q) => p.cy - q.cy || p.x0 - q.x0);
  const lines: Piece[][] = [];
  for (const piece of sorted) {
    const line = lines[lines.length - 1];
    const first = line?.[0];
    if (line && first && Math.abs(piece.cy - first.cy) <= 0.5 * Math.min(piece.fs, first.fs))
      line.push(piece);
    else lines.push([piece]);
  }
  return lines
    .map((line) => cleanText(lineText(line.sort((p, q) => p.x0 - q.x0))))
    .filter((text) => text !== '')
    .reduce((joined, text) => (joined === '' ? text : joinText(joined, text)), '');
}

function lineText(line: readonly Piece[]): string {
  let text = '';
  let previous: Piece | null = null;
  for (const piece of line) {
    if (previous && piece.text === previous.text && piece.x0 - previous.x0 < 0.3 * piece.fs)
      continue;
    if (previous) {
      const gap = piece.x0 - previous.x1;
      const a = text.trimEnd().slice(-1);
      const b = piece.text.trimStart()[0] ?? '';
      const latin = LATIN.test(a) && LATIN.test(b);
      const cjk = CJK.test(a) && CJK.test(b);
      if (latin ? gap >= 0.15 * piece.fs : !cjk && gap >= 0.3 * piece.fs) text += ' ';
    }
    text += piece.text;
    previous = piece;
  }
  return text;
}

/** Two values or more at the end of a cell, side by side: the grid does not part the columns. */
function valuesSideBySide(text: string): boolean {
  const words = text.split(/\s+/);
  let values = 0;
  for (let k = words.length - 1; k >= 0 && isValue(words[k] ?? ''); k--) values++;
  return values >= 2;
}

/**
 * R12.17 A table continued on the next page is one table: the last table of a page and the first of
 * the next, with nothing but page furniture after the one and before the other, and their outer
 * edges within 3 pt. Header rows the second part repeats are dropped. At the break, a cell of the
 * first part is continued by the cell of the second part in the same columns when it is open at the
 * bottom (no ruling closes it), when the second part's first row continues a row cut by the break
 * (no numbers and no row number in it), or when it spans several rows and the cell below starts
 * without a row number (a group label's column cut by the break); otherwise the second part's rows
 * follow.
 */
export function joinAcrossPages(
  perPage: readonly LatticeTable[][],
  textBetween: (page: number, from: number, to: number) => boolean,
): LatticeTable[] {
  const out: LatticeTable[] = [];
  perPage.forEach((tables, page) => {
    const sorted = [...tables].sort((p, q) => p.top - q.top);
    const first = sorted[0];
    const previous = out[out.length - 1];
    if (
      first &&
      previous &&
      continues(previous, first, page) &&
      !textBetween(page - 1, previous.bottom, Infinity) &&
      !textBetween(page, -Infinity, first.top)
    ) {
      out[out.length - 1] = appendPart(previous, first);
      pushAll(out, sorted.slice(1));
    } else pushAll(out, sorted);
  });
  return out;
}

function continues(upper: LatticeTable, lower: LatticeTable, page: number): boolean {
  return (
    upper.endPage === page - 1 &&
    Math.abs(upper.left - lower.left) <= SAME_EDGE &&
    Math.abs(upper.right - lower.right) <= SAME_EDGE
  );
}

/** The second part's rows after the first's, in the columns of both (R12.17). */
function appendPart(upper: LatticeTable, lower: LatticeTable): LatticeTable {
  const xs = clusterLines([...upper.xs, ...lower.xs]);
  const remap = (table: LatticeTable) =>
    table.cells.map((cell) => {
      const col = nearest(xs, table.xs[cell.col] as number);
      const end = nearest(xs, table.xs[cell.col + cell.cols] as number);
      return { ...cell, col, cols: Math.max(1, end - col) };
    });
  const top = remap(upper);
  const repeated = repeatedHeader(top, remap(lower), upper.rows, lower.rows);
  const bottom = repeated.cells;
  const split = rowCut(bottom);
  const cells = [...top];
  for (const cell of bottom) {
    const above =
      cell.row === 0
        ? top.find(
            (other) =>
              other.row + other.rows === upper.rows &&
              other.col === cell.col &&
              other.cols === cell.cols,
          )
        : undefined;
    if (above && (split || spanCut(above, cell))) {
      above.rows += cell.rows;
      above.text =
        above.text === ''
          ? cell.text
          : cell.text === ''
            ? above.text
            : joinText(above.text, cell.text);
      above.openBottom = cell.openBottom;
    } else cells.push({ ...cell, row: cell.row + upper.rows });
  }
  return compactRows({
    ...upper,
    endPage: lower.endPage,
    bottom: lower.bottom,
    xs,
    rows: upper.rows + repeated.rows,
    cells,
  });
}

/** Row r's cells as text, to compare a part's first rows with the table's. */
function rowKey(cells: readonly LatticeCell[], row: number): string {
  return cells
    .filter((cell) => cell.row === row)
    .sort((p, q) => p.col - q.col)
    .map((cell) => `${cell.col}/${cell.cols}/${cell.rows}/${cell.text}`)
    .join('|');
}

/** The lower part without the header rows it repeats from the top of the table. */
function repeatedHeader(
  upper: readonly LatticeCell[],
  lower: readonly LatticeCell[],
  upperRows: number,
  lowerRows: number,
): { cells: LatticeCell[]; rows: number } {
  let k = 0;
  while (
    k < Math.min(upperRows, lowerRows - 1) &&
    rowKey(upper, k) === rowKey(lower, k) &&
    rowKey(lower, k) !== ''
  )
    k++;
  if (k === 0 || lower.some((cell) => cell.row < k && cell.row + cell.rows > k))
    return { cells: [...lower], rows: lowerRows };
  return {
    cells: lower.filter((cell) => cell.row >= k).map((cell) => ({ ...cell, row: cell.row - k })),
    rows: lowerRows - k,
  };
}

/**
 * A cell spanning rows (a group label) cut by the break: the part below starts no entry of its own
 * (no row number, no number), and either no ruling parts the two (Chromium leaves the cut open) or
 * the part above is a numbered group label (LibreOffice and Word close both parts).
 */
function spanCut(above: LatticeCell, below: LatticeCell): boolean {
  if (above.rows === 1 && below.rows === 1) return false;
  if (MARKER.test(below.text) || hasValue(below.text)) return false;
  return (above.openBottom && below.openTop) || MARKER.test(above.text);
}

const hasValue = (text: string): boolean => text.split(/\s+/).some((word) => isValue(word));

/** The first row of a part continues a row cut by the break: text without numbers or row numbers. */
function rowCut(cells: readonly LatticeCell[]): boolean {
  const first = cells.filter((cell) => cell.row === 0);
  return first.every((cell) => !MARKER.test(cell.text) && !hasValue(cell.text));
}

/** Rows in which no cell starts (all continued from above) are folded into the row above. */
function compactRows(table: LatticeTable): LatticeTable {
  const starts = new Set(table.cells.map((cell) => cell.row));
  const kept: number[] = [];
  for (let row = 0; row < table.rows; row++) if (starts.has(row)) kept.push(row);
  if (kept.length === table.rows) return table;
  // below[row]: how many kept rows come before `row`.
  const below = new Int32Array(table.rows + 1);
  for (let row = 0; row < table.rows; row++)
    below[row + 1] = (below[row] as number) + (starts.has(row) ? 1 : 0);
  const index = (row: number) => below[row] as number;
  const cells = table.cells.map((cell) => {
    const row = index(cell.row);
    return { ...cell, row, rows: Math.max(1, index(cell.row + cell.rows) - row) };
  });
  return { ...table, rows: kept.length, cells };
}

/**
 * R12.18 The table as lines of the flattened form: `text |` per cell, `|` for a blank one, a run of
 * `|` for the slots a span covers. An empty cell in the label columns (no row has a number there)
 * right of its row's label is part of that label, not a blank value. R12.40 Each cell with text
 * is placed on its ruled box.
 */
export function tableText(table: LatticeTable): { text: string; places: TextPlace[] } {
  const rows = Array.from({ length: table.rows }, (): LatticeCell[] => []);
  for (const cell of foldLabelBlanks(table.cells)) rows[cell.row]?.push(cell);
  for (const row of rows) row.sort((p, q) => p.col - q.col);
  const { lines, starts } = flattenTable(
    rows.map((row) =>
      row.map((cell) => ({ text: cell.text, rowspan: cell.rows, colspan: cell.cols })),
    ),
  );
  const at: number[] = [];
  let offset = 0;
  for (const line of lines) {
    at.push(offset);
    offset += line.length + 1;
  }
  const places = rows.flatMap((row, r) =>
    row.flatMap((cell, k) => {
      const from = at[(starts[r] ?? 0) + k];
      return cell.box && cell.text !== '' && from !== undefined
        ? [{ from, to: from + cell.text.length, box: cell.box }]
        : [];
    }),
  );
  return { text: lines.join('\n'), places };
}

function foldLabelBlanks(cells: readonly LatticeCell[]): LatticeCell[] {
  const valueColumns = new Set<number>();
  for (const cell of cells) if (hasValue(cell.text)) valueColumns.add(cell.col);
  const out = cells.map((cell) => ({ ...cell }));
  const endingAt = new Map<string, LatticeCell>();
  for (const cell of out) endingAt.set(`${cell.row}/${cell.rows}/${cell.col + cell.cols}`, cell);
  return out.filter((cell) => {
    if (cell.text !== '') return true;
    for (let col = cell.col; col < cell.col + cell.cols; col++)
      if (valueColumns.has(col)) return true;
    const label = endingAt.get(`${cell.row}/${cell.rows}/${cell.col}`);
    if (!label || label.text === '' || hasValue(label.text)) return true;
    label.cols += cell.cols;
    endingAt.set(`${cell.row}/${cell.rows}/${label.col + label.cols}`, label);
    return false;
  });
}
