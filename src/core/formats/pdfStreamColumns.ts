import { type Cell, type Line, isDataRow, valueStart } from './pdfStreamLines';
import { greatest, least } from '../arrays';

// The stream reading's columns (SPEC R12.23–R12.25): in a table drawn without ruling lines, which
// column each number of a row stands in, from the x positions of the header's cells and of the
// numbers of the rows that print every column. A row that prints fewer numbers than the table has
// columns keeps its blanks where they were, instead of leaving the placement to a guess.

/** Where a data row's values stand: the column of each, of how many. */
export interface RowColumns {
  /** The column (0-based) of each value. */
  columns: number[];
  width: number;
  /** Whether a row of the table prints a value in every column (the count is no inference). */
  confirmed: boolean;
}

/** Where the text before a data row's values ends (its label, given text, a group label). */
interface Labels {
  right: (row: Line) => number;
}

/** A run of table lines under one header: the header's lines, then its data rows. */
interface Block {
  header: Line[];
  rows: Line[];
}

/** A stretch of the x axis that a column's text covers. */
interface Stretch {
  x0: number;
  x1: number;
}

/** A column in the making: what its text covers, whether numbers or header text stand in it. */
interface Group extends Stretch {
  values: boolean;
  header: boolean;
  /** Whether its header text says it is a column: a word of two characters, or words on two lines. */
  word: boolean;
  /** Whether all its text opens its header line (over the labels: `信息内容` centred over them). */
  lead: boolean;
}

// Two header texts closer than this (in font sizes) are one column: characters of one cell spread by
// justification stand up to about 0.7 fs apart, cells at least about 1 fs (padding on both sides).
const JUSTIFIED_GAP = 0.8;
// Bounds that keep the work linear on any input: no national table has more than 15 columns, nor a
// header deeper than a dozen lines once its stacked words are joined (R12.6).
const MAX_COLUMNS = 40;
// Header texts on two lines that overlap by less than this (in font sizes) only touch: neighbours,
// not one over the other.
const TOUCH = 0.2;
const MAX_HEADER_LINES = 16;
const MAX_HEADER_CELLS = 200;

/**
 * The columns of the stream's data rows (R12.23–R12.25): for each row that the alignment places, the
 * column of each of its values. Rows left out are left to the text pipeline's placement. `given` is
 * the text given to a row from the lines around it (a wrapped label's other lines).
 */
export function placeColumns(
  lines: readonly Line[],
  given: (row: Line) => readonly Cell[],
): Map<Line, RowColumns> {
  const labels: Labels = {
    right(row) {
      let right = -Infinity;
      for (const cell of [...row.cells.slice(0, valueStart(row)), ...given(row)])
        right = Math.max(right, cell.x1);
      return right;
    },
  };
  const placed = new Map<Line, RowColumns>();
  let before: { model: Model; page: number } | null = null;
  for (const block of blocks(lines, labels)) {
    const first = block.rows[0] as Line;
    const last = block.rows[block.rows.length - 1] as Line;
    // A block without a header at the top of the page after another block runs that block on (text
    // between, such as a label's end, parted them), when its rows stand in that block's columns.
    const right = labelRightOf(block, labels);
    const headed = block.header.some((line) => line.cells.some((cell) => cell.x0 >= right));
    const runsOn: Model | null =
      before !== null && !headed && first.page.index === before.page + 1 ? before.model : null;
    const fits = (model: Model) =>
      block.rows.every((row) => placeRow(rowValues(row), model.groups) !== null);
    const model: Model | null = runsOn && fits(runsOn) ? runsOn : columnsOf(block, labels);
    before = model ? { model, page: last.page.index } : null;
    if (!model) continue;
    for (const row of block.rows) {
      const columns = placeRow(rowValues(row), model.groups);
      if (columns)
        placed.set(row, { columns, width: model.groups.length, confirmed: model.confirmed });
    }
  }
  return placed;
}

/** The values of a data row: its first run of value cells. */
function rowValues(row: Line): Cell[] {
  const values: Cell[] = [];
  for (let k = valueStart(row); k >= 0 && k < row.cells.length; k++) {
    const cell = row.cells[k] as Cell;
    if (!cell.value) break;
    values.push(cell);
  }
  return values;
}

/**
 * R12.23 The table lines cut into blocks, each a header and the data rows under it: a block ends at
 * prose or a ruled table, and a line without numbers after its rows that has text right of their
 * labels (over the numbers: the header of the next block, or its title) starts the next.
 */
function blocks(lines: readonly Line[], labels: Labels): Block[] {
  const out: Block[] = [];
  let header: Line[] = [];
  let block: Block | null = null;
  let labelRight = -Infinity;
  for (const line of lines) {
    if (line.vertical) continue;
    if (line.table !== undefined || !line.zone) {
      block = null;
      header = [];
    } else if (isDataRow(line)) {
      if (!block) {
        block = { header, rows: [] };
        out.push(block);
        header = [];
        labelRight = -Infinity;
      }
      block.rows.push(line);
      labelRight = Math.max(labelRight, labels.right(line));
    } else if (!block) {
      header.push(line);
      if (header.length > MAX_HEADER_LINES) header.shift();
    } else if (line.cells.some((cell) => cell.x0 >= labelRight)) {
      block = null;
      header = [line];
    }
  }
  return out;
}

/**
 * R12.24 A block's columns. The rows that print the most values give one column per value (the
 * union of the k-th values' extents; they must not overlap). The header's leaves (leafCells) join
 * the column they overlap, or stand for a column without numbers; header texts less than 0.8 fs
 * apart are one column (a cell's characters spread by justification), unless numbers stand in both.
 * Header text beyond the first or the last column of numbers is that column's header when the column
 * has none over it (a header set left in a wide cell, its number centred), or, opening its line left
 * of the numbers, the labels' header; otherwise the block has no columns. The count is confirmed
 * when every column has numbers (a row prints a value in each) and header text stands over them;
 * otherwise each column without numbers needs a header word of two characters or on two lines.
 */
/** Where the text before the values of a block's rows ends. */
const labelRightOf = (block: Block, labels: Labels): number =>
  block.rows.reduce((right, row) => Math.max(right, labels.right(row)), -Infinity);

/** A block's columns, and whether their count is confirmed. */
interface Model {
  groups: Group[];
  confirmed: boolean;
}

function columnsOf(block: Block, labels: Labels): Model | null {
  const values = block.rows.map(rowValues);
  const most = values.reduce((max, row) => Math.max(max, row.length), 0);
  if (most > MAX_COLUMNS) return null;
  const groups: Group[] = [];
  for (let k = 0; k < most; k++) {
    const group = {
      ...{ x0: Infinity, x1: -Infinity },
      ...{ values: true, header: false, word: false, lead: false },
    };
    for (const row of values) {
      const cell = row.length === most ? row[k] : undefined;
      if (!cell) continue;
      group.x0 = Math.min(group.x0, cell.x0);
      group.x1 = Math.max(group.x1, cell.x1);
    }
    if (k > 0 && group.x0 <= (groups[k - 1] as Group).x1) return null;
    groups.push(group);
  }
  const leaves = leafCells(block.header, labelRightOf(block, labels), [...groups]);
  if (!leaves) return null;
  for (const { cell, lines, lead } of leaves) {
    const hit = groups.filter((group) => overlaps(group, cell));
    if (hit.filter((group) => group.values).length > 1) continue;
    const joined: Group = {
      x0: Math.min(cell.x0, least(hit.map((group) => group.x0))),
      x1: Math.max(cell.x1, greatest(hit.map((group) => group.x1))),
      values: hit.some((group) => group.values),
      header: true,
      word: cell.text.replace(/\s/g, '').length >= 2 || lines >= 2 || hit.some((g) => g.word),
      lead: lead && hit.every((group) => group.lead),
    };
    for (const group of hit) groups.splice(groups.indexOf(group), 1);
    groups.push(joined);
  }
  const fs = values.flat().reduce((min, cell) => Math.min(min, cell.fs), Infinity);
  const columns = anchorEdges(mergeJustified(groups, JUSTIFIED_GAP * fs));
  if (!columns) return null;
  // The count is confirmed where the header agrees with the numbers: it stands over them, and adds
  // no column of its own.
  if (columns.every((group) => group.values))
    return { groups: columns, confirmed: columns.some((group) => group.header) };
  if (columns.some((group) => !group.values && !group.word)) return null;
  return { groups: columns, confirmed: false };
}

/**
 * The columns from the first with numbers to the last. Before the first, text that opens its header
 * line is the labels' header; a single header column beyond either end joins that end's column when
 * it has no header of its own. Null when header text beyond cannot be placed so.
 */
function anchorEdges(groups: readonly Group[]): Group[] | null {
  const first = groups.findIndex((group) => group.values);
  const last = groups.length - 1 - [...groups].reverse().findIndex((group) => group.values);
  const columns = groups.slice(first, last + 1).map((group) => ({ ...group }));
  const edges: [Group[], Group | undefined][] = [
    [groups.slice(0, first).filter((group) => !group.lead), columns[0]],
    [groups.slice(last + 1), columns[columns.length - 1]],
  ];
  for (const [beyond, column] of edges) {
    const [header, ...more] = beyond;
    if (!header) continue;
    if (!column || more.length > 0 || column.header) return null;
    column.x0 = Math.min(column.x0, header.x0);
    column.x1 = Math.max(column.x1, header.x1);
    column.header = true;
  }
  return columns;
}

/**
 * The leaves of the header: its cells right of the labels with nothing of the header under them (a
 * header over several columns has their headers under it; a cell's word split over lines its last
 * part), over at most one column of numbers. A text alone on its line with nothing over it is a
 * title or a caption (第二十条第（一）项), no column. Null for a header too large to be one.
 */
function leafCells(
  header: readonly Line[],
  labelRight: number,
  valueColumns: readonly Stretch[],
): { cell: Cell; lines: number; lead: boolean }[] | null {
  const rows = header.map((line) =>
    line.cells.filter((cell) => !cell.value && cell.x0 >= labelRight),
  );
  if (rows.reduce((count, row) => count + row.length, 0) > MAX_HEADER_CELLS) return null;
  const covered = (cell: Cell, lines: readonly Cell[][]) =>
    lines.some((line) => line.some((other) => overlaps(other, cell, TOUCH * cell.fs)));
  const leaves: { cell: Cell; lines: number; lead: boolean }[] = [];
  rows.forEach((row, index) => {
    for (const cell of row) {
      if (covered(cell, rows.slice(index + 1))) continue;
      const alone = header[index]?.cells.length === 1;
      if (alone && !covered(cell, rows.slice(0, index))) continue;
      if (valueColumns.filter((column) => overlaps(column, cell)).length > 1) continue;
      const lead = header[index]?.cells[0] === cell;
      leaves.push({ cell, lines: cell.lastCy > cell.cy ? 2 : 1, lead });
    }
  });
  return leaves;
}

/** Groups sorted by x, those closer than `gap` joined unless numbers stand in both. */
function mergeJustified(groups: readonly Group[], gap: number): Group[] {
  const sorted = [...groups].sort((a, b) => a.x0 - b.x0);
  const out: Group[] = [];
  for (const group of sorted) {
    const last = out[out.length - 1];
    if (last && group.x0 - last.x1 < gap && !(last.values && group.values)) {
      last.x1 = Math.max(last.x1, group.x1);
      last.values ||= group.values;
      last.header ||= group.header;
      last.word ||= group.word;
      last.lead &&= group.lead;
    } else out.push({ ...group });
  }
  return out;
}

/**
 * R12.25 The column of each value of a row: the one whose stretch it overlaps, within the bounds
 * halfway between neighbouring columns; null when a value overlaps none, crosses a bound, or two
 * values fall in one column.
 */
function placeRow(values: readonly Cell[], groups: readonly Group[]): number[] | null {
  const columns: number[] = [];
  for (const value of values) {
    const k = groups.findIndex((group) => overlaps(group, value));
    if (k < 0) return null;
    const left = groups[k - 1];
    const right = groups[k + 1];
    const group = groups[k] as Group;
    if (left && value.x0 < (left.x1 + group.x0) / 2) return null;
    if (right && value.x1 > (group.x1 + right.x0) / 2) return null;
    if (columns.length > 0 && k <= (columns[columns.length - 1] as number)) return null;
    columns.push(k);
  }
  return columns;
}

/** Whether two stretches overlap, by more than `by` (texts that only touch do not). */
const overlaps = (a: Stretch, b: Stretch, by = 0): boolean =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > by;
