import type { PdfRuling } from './pdfRulings';

// Ruling pieces → rulings → the cell grids they draw (SPEC R12.14). Pure geometry in viewport space
// (points, y down); no text.

/** A cell of a grid: a rectangle of grid slots with no ruling through it. */
export interface GridCell {
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** No ruling along its top (bottom) edge on the grid's first (last) line: cut by a page break. */
  openTop: boolean;
  openBottom: boolean;
}

export interface Grid {
  /** The grid lines: xs left to right, ys top to bottom. */
  xs: number[];
  ys: number[];
  cells: GridCell[];
  /** owner[row × columns + col]: the index in `cells` of the cell holding that slot. */
  owner: Int32Array;
  /** A ruling runs down its left (right) side; a grid cut by the page's edge has none there. */
  ruledLeft: boolean;
  ruledRight: boolean;
}

// Positions closer than this (pt) are one line: borders of neighbouring cells drawn a pixel apart.
const SAME_LINE = 2.5;
// Collinear pieces this close (pt) are one ruling: a line drawn cell by cell, or dashed.
const JOIN_GAP = 4;
// Rulings shorter than this (pt) are ticks, not borders.
const MIN_RULING = 4;
// How far (pt) a ruling may stop short of another and still meet it.
const TOUCH = 2.5;
// An edge is ruled when lines cover this share of it.
const COVERED = 0.5;
// Bounds that keep a hostile page linear: rulings per direction, slots per grid.
const MAX_RULINGS = 2000;
const MAX_SLOTS = 40_000;

/**
 * R12.14 The grids the rulings of a page draw: collinear pieces within 2.5 pt of one line and at
 * most 4 pt apart are one ruling; rulings that meet form a grid; its lines are the rulings'
 * positions and its outer edges; a cell is a rectangle of slots with no ruling through it (a cell
 * spanning several is a colspan or rowspan). A grid of fewer than two cells, or whose every cell
 * spans its whole width (a frame, a box around text), is no table; neither is a grid that holds
 * another one (a frame around a table).
 */
export function findGrids(pieces: readonly PdfRuling[]): Grid[] {
  const horizontal = mergeRulings(pieces.filter((piece) => piece.horizontal));
  // Sorted by x, for the search of the verticals a horizontal meets.
  const vertical = mergeRulings(pieces.filter((piece) => !piece.horizontal)).sort(
    (p, q) => p.at - q.at,
  );
  if (horizontal.length > MAX_RULINGS || vertical.length > MAX_RULINGS) return [];
  const grids = connected(horizontal, vertical).flatMap((group) => {
    const grid = buildGrid(group.horizontal, group.vertical);
    return grid ? [grid] : [];
  });
  return grids.filter((grid) => !grids.some((other) => other !== grid && contains(grid, other)));
}

/** A grid's box: left, top, right, bottom. */
export function gridBox(grid: Grid): [number, number, number, number] {
  return [
    grid.xs[0] ?? 0,
    grid.ys[0] ?? 0,
    grid.xs[grid.xs.length - 1] ?? 0,
    grid.ys[grid.ys.length - 1] ?? 0,
  ];
}

function contains(outer: Grid, inner: Grid): boolean {
  const [l, t, r, b] = gridBox(outer);
  const [il, it, ir, ib] = gridBox(inner);
  return il >= l - TOUCH && ir <= r + TOUCH && it >= t - TOUCH && ib <= b + TOUCH;
}

/** Pieces on one line (within SAME_LINE) that overlap or nearly touch are one ruling. */
export function mergeRulings(pieces: readonly PdfRuling[]): PdfRuling[] {
  const sorted = [...pieces].sort((p, q) => p.at - q.at);
  const merged: PdfRuling[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (
      j < sorted.length &&
      (sorted[j] as PdfRuling).at - (sorted[j - 1] as PdfRuling).at <= SAME_LINE &&
      (sorted[j] as PdfRuling).at - (sorted[i] as PdfRuling).at <= 2 * SAME_LINE
    )
      j++;
    merged.push(...joinCollinear(sorted.slice(i, j)));
    i = j;
  }
  return merged.filter((ruling) => ruling.to - ruling.from >= MIN_RULING);
}

function joinCollinear(line: PdfRuling[]): PdfRuling[] {
  line.sort((p, q) => p.from - q.from);
  const out: { ruling: PdfRuling; sum: number; n: number }[] = [];
  for (const piece of line) {
    const last = out[out.length - 1];
    if (last && piece.from <= last.ruling.to + JOIN_GAP) {
      last.ruling.to = Math.max(last.ruling.to, piece.to);
      last.sum += piece.at;
      last.n += 1;
      last.ruling.at = last.sum / last.n;
    } else out.push({ ruling: { ...piece }, sum: piece.at, n: 1 });
  }
  return out.map((entry) => entry.ruling);
}

/**
 * Groups of rulings that meet, each with its horizontal and vertical rulings. A horizontal ruling
 * that meets fewer than two verticals is no border: an underline (a link's, in a cell) meets one at
 * most.
 */
function connected(
  horizontal: readonly PdfRuling[],
  vertical: readonly PdfRuling[],
): { horizontal: PdfRuling[]; vertical: PdfRuling[] }[] {
  const parent = Array.from({ length: horizontal.length + vertical.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const up = parent[parent[i] as number] as number;
      parent[i] = up;
      i = up;
    }
    return i;
  };
  const join = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const met = new Set<number>();
  const borders = new Set<number>();
  horizontal.forEach((h, hi) => {
    const meets = meetings(h, vertical);
    if (meets.length < 2) return;
    borders.add(hi);
    for (const vi of meets) {
      join(hi, horizontal.length + vi);
      met.add(vi);
    }
  });
  // A column cut at both ends by page breaks meets no horizontal ruling: its vertical joins the grid
  // whose verticals run from the same top to the same bottom.
  const meeting = [...met];
  vertical.forEach((v, vi) => {
    if (met.has(vi)) return;
    const twin = meeting.find((other) => {
      const w = vertical[other] as PdfRuling;
      return Math.abs(w.from - v.from) <= TOUCH && Math.abs(w.to - v.to) <= TOUCH;
    });
    if (twin !== undefined) join(horizontal.length + vi, horizontal.length + twin);
  });
  const groups = new Map<number, { horizontal: PdfRuling[]; vertical: PdfRuling[] }>();
  const group = (i: number) => {
    const root = find(i);
    let entry = groups.get(root);
    if (!entry) groups.set(root, (entry = { horizontal: [], vertical: [] }));
    return entry;
  };
  horizontal.forEach((h, i) => {
    if (borders.has(i)) group(i).horizontal.push(h);
  });
  vertical.forEach((v, i) => group(horizontal.length + i).vertical.push(v));
  return [...groups.values()].filter((g) => g.horizontal.length > 0 && g.vertical.length > 0);
}

/** The verticals (sorted by x) that a horizontal ruling meets, found by binary search. */
function meetings(h: PdfRuling, vertical: readonly PdfRuling[]): number[] {
  const out: number[] = [];
  for (let k = lowerBound(vertical, (v) => v.at >= h.from - TOUCH); k < vertical.length; k++) {
    const v = vertical[k] as PdfRuling;
    if (v.at > h.to + TOUCH) break;
    if (h.at >= v.from - TOUCH && h.at <= v.to + TOUCH) out.push(k);
  }
  return out;
}

/** The first index whose item passes `test` (items ordered so that the test is monotone). */
function lowerBound<T>(items: readonly T[], test: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(items[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Values within SAME_LINE of their neighbour are one line, at their mean. */
export function clusterLines(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const lines: number[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && (sorted[j] as number) - (sorted[j - 1] as number) <= SAME_LINE) j++;
    const run = sorted.slice(i, j);
    lines.push(run.reduce((sum, v) => sum + v, 0) / run.length);
    i = j;
  }
  return lines;
}

/** The index of the line nearest `value` (lines sorted). */
export function nearest(lines: readonly number[], value: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((lines[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  const below = lo - 1;
  return below >= 0 && value - (lines[below] as number) < (lines[lo] as number) - value
    ? below
    : lo;
}

/** Where each grid line is drawn: the disjoint stretches its rulings cover, in order along it. */
function byLine(lines: readonly number[], rulings: readonly PdfRuling[]): [number, number][][] {
  const along: PdfRuling[][] = lines.map(() => []);
  for (const ruling of rulings) {
    const i = nearest(lines, ruling.at);
    if (Math.abs((lines[i] as number) - ruling.at) <= SAME_LINE) along[i]?.push(ruling);
  }
  return along.map((line) => {
    const stretches: [number, number][] = [];
    for (const ruling of line.sort((p, q) => p.from - q.from)) {
      const last = stretches[stretches.length - 1];
      if (last && ruling.from - TOUCH <= last[1]) last[1] = Math.max(last[1], ruling.to + TOUCH);
      else stretches.push([ruling.from - TOUCH, ruling.to + TOUCH]);
    }
    return stretches;
  });
}

/** Whether a line's stretches cover at least half of [from, to]; found by binary search. */
function ruled(
  stretches: readonly [number, number][] | undefined,
  from: number,
  to: number,
): boolean {
  if (!stretches) return false;
  let covered = 0;
  for (let k = lowerBound(stretches, ([, end]) => end > from); k < stretches.length; k++) {
    const [start, end] = stretches[k] as [number, number];
    if (start >= to) break;
    covered += Math.min(to, end) - Math.max(from, start);
  }
  return covered >= COVERED * (to - from);
}

function buildGrid(horizontal: readonly PdfRuling[], vertical: readonly PdfRuling[]): Grid | null {
  const left = Math.min(...vertical.map((v) => v.at), ...horizontal.map((h) => h.from));
  const right = Math.max(...vertical.map((v) => v.at), ...horizontal.map((h) => h.to));
  const top = Math.min(...horizontal.map((h) => h.at), ...vertical.map((v) => v.from));
  const bottom = Math.max(...horizontal.map((h) => h.at), ...vertical.map((v) => v.to));
  const xs = clusterLines([left, right, ...vertical.map((v) => v.at)]);
  const ys = clusterLines([top, bottom, ...horizontal.map((h) => h.at)]);
  const columns = xs.length - 1;
  const rows = ys.length - 1;
  if (columns < 1 || rows < 1 || columns * rows > MAX_SLOTS) return null;
  const walls = {
    v: byLine(xs, vertical),
    h: byLine(ys, horizontal),
  };
  const regions = slotRegions(columns, rows, (col, row, across) =>
    across
      ? ruled(walls.v[col + 1], ys[row] as number, ys[row + 1] as number)
      : ruled(walls.h[row + 1], xs[col] as number, xs[col + 1] as number),
  );
  if (!regions) return null;
  const cells: GridCell[] = regions.boxes.map(([col, row, col1, row1]) => ({
    row,
    col,
    rows: row1 - row,
    cols: col1 - col,
    openTop: row === 0 && !ruled(walls.h[0], xs[col] as number, xs[col1] as number),
    openBottom: row1 === rows && !ruled(walls.h[rows], xs[col] as number, xs[col1] as number),
  }));
  if (cells.length < 2 || cells.every((cell) => cell.cols === columns)) return null;
  return {
    xs,
    ys,
    cells,
    owner: regions.owner,
    ruledLeft: ruled(walls.v[0], top, bottom),
    ruledRight: ruled(walls.v[columns], top, bottom),
  };
}

/**
 * The slots joined where no wall parts them, each region grown to its bounding rectangle (a missing
 * piece of ruling leaves an L; the rectangle around it is the cell). `wall(col, row, across)`: is
 * there a ruling right of slot (col, row) (across) or below it? Null when the regions do not settle.
 */
function slotRegions(
  columns: number,
  rows: number,
  wall: (col: number, row: number, across: boolean) => boolean,
): { boxes: [number, number, number, number][]; owner: Int32Array } | null {
  const parent = Int32Array.from({ length: columns * rows }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const union = (a: number, b: number): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return false;
    parent[Math.max(ra, rb)] = Math.min(ra, rb);
    return true;
  };
  for (let row = 0; row < rows; row++)
    for (let col = 0; col < columns; col++) {
      const slot = row * columns + col;
      if (col + 1 < columns && !wall(col, row, true)) union(slot, slot + 1);
      if (row + 1 < rows && !wall(col, row, false)) union(slot, slot + columns);
    }
  // Grow every region to its bounding rectangle until none overlaps another: a few rounds at most.
  for (let round = 0; round < 16; round++) {
    const boxes = regionBoxes(columns, rows, find);
    let changed = false;
    for (const [root, [c0, r0, c1, r1]] of boxes)
      for (let row = r0; row < r1; row++)
        for (let col = c0; col < c1; col++) changed = union(root, row * columns + col) || changed;
    if (!changed) {
      const owner = new Int32Array(columns * rows);
      const index = new Map<number, number>();
      for (const [root] of boxes) index.set(root, index.size);
      for (let slot = 0; slot < owner.length; slot++) owner[slot] = index.get(find(slot)) ?? 0;
      return { boxes: [...boxes.values()], owner };
    }
  }
  return null;
}

/** Each region's bounding rectangle in slots: [col, row, col end, row end), keyed by its root. */
function regionBoxes(
  columns: number,
  rows: number,
  find: (i: number) => number,
): Map<number, [number, number, number, number]> {
  const boxes = new Map<number, [number, number, number, number]>();
  for (let row = 0; row < rows; row++)
    for (let col = 0; col < columns; col++) {
      const root = find(row * columns + col);
      const box = boxes.get(root);
      if (!box) boxes.set(root, [col, row, col + 1, row + 1]);
      else {
        box[0] = Math.min(box[0], col);
        box[1] = Math.min(box[1], row);
        box[2] = Math.max(box[2], col + 1);
        box[3] = Math.max(box[3], row + 1);
      }
    }
  return boxes;
}
