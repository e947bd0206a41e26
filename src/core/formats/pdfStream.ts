import type { Span } from '../types';
import {
  type Cell,
  type Line,
  type PageFrame,
  isDataRow,
  labelOf,
  valueStart,
} from './pdfStreamLines';
import { type RowColumns, placeColumns } from './pdfStreamColumns';
import { MARKER, joinText, type PdfBox, type TextPlace } from './pdfText';
import { pushAll } from '../arrays';

// The stream reading, its second step (SPEC R12.2, R12.4, R12.5, R12.7, R12.21): the lines of the
// document as rows and paragraphs of the display text, so that the text pipeline (formats/text.ts,
// layout e) reads the tables: one line per row, `label n n n`, header cells one per line; a wrapped
// label joined to its numbers, a group label moved before its first row, a paragraph's lines joined.

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
  /** A row whose every value stands in a column of a table whose count of columns is confirmed. */
  placed?: boolean;
  /** Where its values (a table's cells) are printed, by their place in `text` (R12.40). */
  places?: TextPlace[];
}

// A wrapped label's lines are at most this far apart (in font sizes).
const LABEL_PITCH = 2.2;
// How far (in font sizes) a label's line may be indented against the line above or below it.
const INDENT = 2;
// What leaving a table line's text unattached costs, against its gap (in font sizes) to a label.
const LEFT_ALONE = 2.5;

/** The display text, and its tables read from text positions: guessed (unruled) or aligned. */
export interface StreamText {
  text: string;
  unruled: Span[];
  aligned: Span[];
  /** Where the values of its table rows are printed (R12.40). */
  boxes: { span: Span; box: PdfBox }[];
}

/**
 * The stream reading of a document's lines, ruled tables among them (R12.1–R12.9): labels joined to
 * their numbers, group labels moved, paragraphs joined.
 */
export function streamText(lines: readonly Line[]): StreamText {
  const units = attachFragments(lines);
  moveGroupLabels(units);
  return joinParagraphs(units);
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
  const context = { attached, taken, labelColumn: labelColumns(lines) };
  let upper: Line | null = null;
  let between: Fragment[] = [];
  const flush = (lower: Line | null) => {
    assign(upper, between, lower, context);
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
  const placement = placeColumns(lines, (row) => {
    const text = attached.get(row);
    return text ? [...text.before, ...text.after] : [];
  });
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
        places: line.places ?? [],
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
    const text = attached.get(line) ?? { before: [], after: [] };
    pushAll(units, lineUnits({ ...line, cells }, text, placement.get(line)));
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
  /**
   * The row's own label cell: text to its right (before the numbers) that starts in a label column
   * takes the label's place, which is then part of a group label.
   */
  own: boolean;
}

/** Whether a cell of the page starts where another label of that page starts. */
type LabelColumn = (cell: Cell, page: PageFrame) => boolean;

/**
 * Whether `cell` continues the column's text: left edges within 2 fs (a first line indented, or a
 * hanging indent), and the two lines overlapping, as the lines of one cell do. Text right of a row's
 * own label takes the label's place when it is in a column of labels; elsewhere (a header over a
 * value column, the title of the next block) it is not the row's.
 */
function fitColumn(
  { cell, line }: Fragment,
  column: Column | null,
  labelColumn: LabelColumn,
): Column | null {
  // A row without a label of its own takes text that begins with a row number or starts where
  // labels start (not a block's title, nor a header over its numbers).
  if (!column)
    return MARKER.test(cell.text) || labelColumn(cell, line.page) ? { cell, own: false } : null;
  const ref = column.cell;
  const shift = Math.abs(cell.x0 - ref.x0) / cell.fs;
  const overlap = Math.min(cell.x1, ref.x1) - Math.max(cell.x0, ref.x0) > 0;
  // The lines of a centred cell share their centre, those of a cell set right their right edge: a
  // short last line stands in the middle, or at the right.
  const centred = Math.abs(cell.x0 + cell.x1 - ref.x0 - ref.x1) <= cell.fs;
  const right = Math.abs(cell.x1 - ref.x1) <= 0.5 * cell.fs;
  if (shift <= 0.5 || ((shift <= INDENT || centred || right) && overlap)) return column;
  if (column.own && cell.x0 >= ref.x1 - 0.5 * cell.fs && labelColumn(cell, line.page))
    return { cell, own: false };
  return null;
}

/**
 * Where labels start on each page: the labels of data rows and the cells that begin with a row number
 * (`1.`, `（二）`). A cell is in a column of labels when another of them starts within 0.5 fs of it.
 */
function labelColumns(lines: readonly Line[]): LabelColumn {
  const starts = new Map<PageFrame, number[]>();
  const labels = new Set<Cell>();
  for (const line of lines) {
    if (line.vertical || !line.zone) continue;
    const label = labelOf(line);
    for (const cell of line.cells) {
      if (cell !== label && (cell.value || !MARKER.test(cell.text))) continue;
      labels.add(cell);
      const page = starts.get(line.page) ?? [];
      page.push(cell.x0);
      starts.set(line.page, page);
    }
  }
  for (const page of starts.values()) page.sort((a, b) => a - b);
  return (cell, page) => {
    const edges = starts.get(page) ?? [];
    const reach = 0.5 * cell.fs;
    const near = firstAtLeast(edges, cell.x0 + reach + 1e-9) - firstAtLeast(edges, cell.x0 - reach);
    return near > (labels.has(cell) ? 1 : 0);
  };
}

/** The index of the first of the sorted numbers that is at least `x`. */
function firstAtLeast(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether text stands over a row's numbers (it overlaps one of them). */
const overNumbers = (cell: Cell, row: Line): boolean =>
  !cell.value &&
  row.cells.some(
    (value) => value.value && Math.min(value.x1, cell.x1) - Math.max(value.x0, cell.x0) > 0,
  );

/** What the assignment of fragments shares across rows: the text given to rows so far. */
interface AssignContext {
  attached: Map<Line, Attached>;
  taken: Set<Cell>;
  labelColumn: LabelColumn;
}

function assign(
  upper: Line | null,
  between: readonly Fragment[],
  lower: Line | null,
  { attached, taken, labelColumn }: AssignContext,
): void {
  if (between.length === 0 || (!upper && !lower)) return;
  const start = (row: Line): Column | null => {
    const first = attached.get(row)?.before[0];
    if (first) return { cell: first, own: false };
    const label = labelOf(row);
    return label ? { cell: label, own: true } : null;
  };
  // Text on the lines of a header, beside its words over the numbers, is the header's (the labels'
  // header 信息内容, a block's title stacked over it), not a label.
  const beside = (fragment: Fragment, row: Line) =>
    between.some(
      ({ line }) =>
        line.cy >= fragment.cell.cy - 0.5 * fragment.cell.fs &&
        line.cy <= fragment.cell.lastCy + 0.5 * fragment.cell.fs &&
        line.cells.some((cell) => cell !== fragment.cell && overNumbers(cell, row)),
    );
  const inColumn = (fragment: Fragment, row: Line) => {
    const first = row.cells[valueStart(row)] as Cell;
    return fragment.cell.x1 <= first.x0 - 0.1 * fragment.cell.fs && !beside(fragment, row);
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
      (upper && fitColumn(fragment, start(upper), labelColumn) && inColumn(fragment, upper)) ||
      (lower && fitColumn(fragment, start(lower), labelColumn) && inColumn(fragment, lower)),
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
      column = fitColumn(fragment, column, labelColumn);
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
      column = fitColumn(fragment, column, labelColumn);
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
function lineUnits(line: Line, { before, after }: Attached, columns?: RowColumns): Unit[] {
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
      const placed = values[0] === cells[start] ? columns : undefined;
      pushAll(units, rowUnits(text, values, anchor, line, placed));
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

function rowUnits(
  label: string,
  values: readonly Cell[],
  anchor: Cell,
  line: Line,
  columns?: RowColumns,
): Unit[] {
  const base = {
    ...unitBase(anchor, line),
    x1: values[values.length - 1]?.x1 ?? anchor.x1,
    zone: true,
    kind: 'row' as const,
    placed: columns?.confirmed ?? false,
  };
  // R12.25 A row placed in fewer columns than its table has keeps its blanks: `label | 26 | | 26 |`.
  if (columns && columns.columns.length < columns.width) {
    const slots: Part[] = Array.from({ length: columns.width }, () => ({ text: '|' }));
    columns.columns.forEach((column, k) => {
      const value = values[k];
      slots[column] = value ? { text: `${value.text} |`, cell: value } : { text: ' |' };
    });
    const parts = [{ text: label }, ...(label ? [{ text: '|' }] : []), ...slots];
    return [{ ...base, ...spaced(parts, line) }];
  }
  if (values.every((value) => PLAIN_VALUE.test(value.text))) {
    const parts = [{ text: label }, ...values.map((value) => ({ text: value.text, cell: value }))];
    return [
      {
        ...base,
        ...spaced(
          parts.filter((part) => part.text !== ''),
          line,
        ),
      },
    ];
  }
  const units: Unit[] = label ? [{ ...base, text: label }] : [];
  for (const value of values)
    units.push({
      ...base,
      ...spaced([{ text: value.text, cell: value }], line),
      x0: value.x0,
      x1: value.x1,
    });
  return units;
}

/** A part of a row's line: text, and the value it starts with. */
interface Part {
  text: string;
  cell?: Cell;
}

/** Parts joined by single spaces, each value placed on its box (R12.40). */
function spaced(parts: readonly Part[], line: Line): { text: string; places: TextPlace[] } {
  const places: TextPlace[] = [];
  let text = '';
  parts.forEach((part, k) => {
    if (k > 0) text += ' ';
    if (part.cell)
      places.push({
        from: text.length,
        to: text.length + part.cell.text.length,
        box: cellBox(part.cell, line),
      });
    text += part.text;
  });
  return { text, places };
}

/** A stream cell's box: its left and right, a font size's height about its lines' centres. */
function cellBox(cell: Cell, line: Line): PdfBox {
  const top = Math.min(cell.cy, cell.lastCy);
  const bottom = Math.max(cell.cy, cell.lastCy);
  return {
    page: line.page.index,
    x0: cell.x0,
    y0: top - 0.6 * cell.fs,
    x1: cell.x1,
    y1: bottom + 0.6 * cell.fs,
  };
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
function joinParagraphs(units: readonly Unit[]): StreamText {
  const out: string[] = [];
  const kinds: Unit['kind'][] = [];
  const unplaced: boolean[] = [];
  const boxes: StreamText['boxes'] = [];
  let at = 0;
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
    if (continues) {
      const joined = joinText(out[out.length - 1] ?? '', unit.text);
      at += joined.length - (out[out.length - 1] ?? '').length;
      out[out.length - 1] = joined;
    } else {
      if (out.length > 0) at += 1;
      // Only rows and tables have places, and neither is ever joined to another line.
      for (const { from, to, box } of unit.places ?? [])
        boxes.push({ span: [at + from, at + to], box });
      at += unit.text.length;
      out.push(unit.text);
      kinds.push(unit.kind);
      unplaced.push(unit.kind === 'row' && unit.placed !== true);
    }
    previous = unit;
  }
  return { text: out.join('\n'), ...streamTables(out, kinds, unplaced), boxes };
}

/**
 * R12.21 The stretches of the display text that the stream reading made into table rows: each run
 * of table lines (rows, cells, characters set vertically) that holds a row of numbers. Where a row
 * of the run was not placed by its columns (R12.25), no ruling says where its numbers belong: the run
 * is unruled; where every row was, the run is aligned.
 */
function streamTables(
  out: readonly string[],
  kinds: readonly Unit['kind'][],
  unplaced: readonly boolean[],
): { unruled: Span[]; aligned: Span[] } {
  const unruled: Span[] = [];
  const aligned: Span[] = [];
  let at = 0;
  let open: { start: number; end: number; rows: boolean; guessed: boolean } | null = null;
  const close = () => {
    if (open?.rows) (open.guessed ? unruled : aligned).push([open.start, open.end]);
    open = null;
  };
  out.forEach((line, k) => {
    const kind = kinds[k];
    if (kind === 'row' || kind === 'cell' || kind === 'vertical') {
      open ??= { start: at, end: at, rows: false, guessed: false };
      open.end = at + line.length;
      open.rows ||= kind === 'row';
      open.guessed ||= unplaced[k] === true;
    } else close();
    at += line.length + 1;
  });
  close();
  return { unruled, aligned };
}
