import type { PdfRuling } from './pdfRulings';
import { greatest, least, pushAll } from '../arrays';

// Ruling pieces → rulings → the cell grids they draw (SPEC R12.14, R12.30). Pure geometry in viewport
// space (points, y down): of the text, only where it stands (a strip or a slot with none is empty).

/** A cell of a grid: a rectangle of grid slots with no ruling through it. */
interface GridCell {
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** No ruling along its top (bottom) edge on the grid's first (last) line: cut by a page break. */
  openTop: boolean;
  openBottom: boolean;
}

/** Where a piece of text stands (x, y): a grid's slots with none are empty. */
export type Mark = readonly [number, number];

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
// How far (pt) a ruling's end may run past the outermost ruling across and still end there (more
// on a page of separate borders, R12.30).
const SNAP = 2 * SAME_LINE;
// An edge is ruled when lines cover this share of it.
const COVERED = 0.5;
// Separate borders (R12.30): their two lines are at most MAX_SPACING apart (pt: 10 CSS px of
// cellspacing printed at 150 %), within GUTTER_SPREAD (pt) of the page's spacing (the renderer rounds
// to its pixels), shown by at least MIN_PAIRS pairs; their rulings reach REACH (pt) past the
// spacing to meet.
const MAX_SPACING = 15;
const GUTTER_SPREAD = 1;
const MIN_PAIRS = 4;
const REACH = 1;
// Bounds that keep a hostile page linear: rulings per direction, slots per grid.
const MAX_RULINGS = 2000;
const MAX_SLOTS = 40_000;

/**
 * R12.14 The grids the rulings of a page draw: collinear pieces within 2.5 pt of one line and at
 * most 4 pt apart are one ruling; rulings that meet form a grid; its lines are the rulings'
 * positions and its outer edges; a cell is a rectangle of slots with no ruling through it (a cell
 * spanning several is a colspan or rowspan). A grid of fewer than two cells, or whose every cell
 * spans its whole width (a frame, a box around text), is no table; neither is a grid that holds
 * another one (a frame around a table). `marks`: where the page's text stands.
 */
export function findGrids(pieces: readonly PdfRuling[], marks: readonly Mark[]): Grid[] {
  const across = pieces.filter((piece) => piece.horizontal);
  const down = pieces.filter((piece) => !piece.horizontal);
  let horizontal = mergeRulings(across, JOIN_GAP);
  let vertical = mergeRulings(down, JOIN_GAP);
  if (horizontal.length > MAX_RULINGS || vertical.length > MAX_RULINGS) return [];
  const spacing = cellSpacing(horizontal, vertical, marks);
  const touch = Math.max(TOUCH, spacing + REACH);
  if (spacing > 0) {
    // A cell's frame stops the spacing short of the next cell's: its lines reach across to join
    // them, then each pair of lines the spacing apart is made one (R12.30).
    const join = Math.max(JOIN_GAP, spacing + REACH);
    const close = (rulings: PdfRuling[], horizontal: boolean) =>
      mergeRulings(closeGaps(rulings, marks, horizontal, spacing), join);
    horizontal = close(mergeRulings(across, join), true);
    vertical = close(mergeRulings(down, join), false);
  }
  // Sorted by x, for the search of the verticals a horizontal meets.
  vertical.sort((p, q) => p.at - q.at);
  const grids = connected(horizontal, vertical, touch).flatMap((group) => {
    const grid = buildGrid(group.horizontal, group.vertical, marks, SNAP + spacing / 2);
    return grid ? [grid] : [];
  });
  return grids.filter(
    (grid) => !grids.some((other) => other !== grid && contains(grid, other, touch)),
  );
}

/**
 * A ruling, and the parallel one nearest it alongside with no text between, `distance` away; they
 * run side by side from `start` to `end`.
 */
interface Pair {
  ruling: PdfRuling;
  other: PdfRuling;
  distance: number;
  start: number;
  end: number;
}

/**
 * R12.30 The spacing of a page's separate borders (HTML's `cellspacing`, CSS `border-collapse:
 * separate`): every cell is framed on its own, so each line between two cells is drawn twice, the
 * spacing apart, with no text between. The smallest distance (beyond SAME_LINE, at most
 * MAX_SPACING) at which, within GUTTER_SPREAD, at least MIN_PAIRS pairs of rulings, some in each
 * direction, part a ruling from its nearest parallel one alongside (emptyStrips); 0 when the page
 * shows none.
 */
function cellSpacing(
  horizontal: readonly PdfRuling[],
  vertical: readonly PdfRuling[],
  marks: readonly Mark[],
): number {
  const rows = emptyStrips(horizontal, marks, true);
  const columns = emptyStrips(vertical, marks, false);
  // The pairs within GUTTER_SPREAD above d, found by binary search (both lists by distance).
  const within = (found: readonly Pair[], d: number): [number, number] => [
    lowerBound(found, (pair) => pair.distance >= d),
    lowerBound(found, (pair) => pair.distance > d + GUTTER_SPREAD),
  ];
  for (const { distance } of [...rows, ...columns].sort((p, q) => p.distance - q.distance)) {
    const [r0, r1] = within(rows, distance);
    const [c0, c1] = within(columns, distance);
    if (r1 > r0 && c1 > c0 && r1 - r0 + c1 - c0 >= MIN_PAIRS) {
      const all = [...rows.slice(r0, r1), ...columns.slice(c0, c1)];
      return all.reduce((sum, pair) => sum + pair.distance, 0) / all.length;
    }
  }
  return 0;
}

/**
 * For each ruling, its nearest parallel ruling alongside on either side (beyond SAME_LINE, within
 * MAX_SPACING, overlapping by half the shorter) when no text stands in the strip between; each pair
 * once, the ruling before the other, ordered by distance.
 */
function emptyStrips(
  rulings: readonly PdfRuling[],
  marks: readonly Mark[],
  horizontal: boolean,
): Pair[] {
  const sorted = [...rulings].sort((p, q) => p.at - q.at);
  // Each mark as [across, along], sorted by across (y for horizontal rulings).
  const points = marks
    .map(([x, y]): [number, number] => (horizontal ? [y, x] : [x, y]))
    .sort((a, b) => a[0] - b[0]);
  const empty = (from: number, to: number, start: number, end: number): boolean => {
    for (let k = lowerBound(points, ([at]) => at > from); k < points.length; k++) {
      const [at, along] = points[k] as [number, number];
      if (at >= to) break;
      if (along > start && along < end) return false;
    }
    return true;
  };
  const found: Pair[] = [];
  const seen = new Set<number>();
  // The nearest alongside on each side: a frame is paired with the side of every cell along it.
  const look = (i: number, step: 1 | -1) => {
    const ruling = sorted[i] as PdfRuling;
    for (let j = i + step; j >= 0 && j < sorted.length; j += step) {
      const other = sorted[j] as PdfRuling;
      const distance = Math.abs(other.at - ruling.at);
      if (distance > MAX_SPACING) break;
      const start = Math.max(ruling.from, other.from);
      const end = Math.min(ruling.to, other.to);
      const shorter = Math.min(ruling.to - ruling.from, other.to - other.from);
      if (distance <= SAME_LINE || end - start < COVERED * shorter) continue;
      const [a, b] = step > 0 ? [i, j] : [j, i];
      const key = a * sorted.length + b;
      if (!seen.has(key) && empty(sorted[a]?.at ?? 0, sorted[b]?.at ?? 0, start, end)) {
        seen.add(key);
        found.push({
          ruling: sorted[a] as PdfRuling,
          other: sorted[b] as PdfRuling,
          distance,
          start,
          end,
        });
      }
      break;
    }
  };
  sorted.forEach((_, i) => {
    look(i, 1);
    look(i, -1);
  });
  return found.sort((p, q) => p.distance - q.distance);
}

/**
 * R12.30 The rulings with each pair the spacing apart (within GUTTER_SPREAD) made one line at its
 * middle, where the two run side by side. A frame paired with the sides of every cell along it moves
 * to the middle of them all; a ruling that runs on past its partner (the top of a row whose label
 * has white space above it) moves whole; a ruling paired on one side along one stretch and on the
 * other along another (a left side in one row continued by a right side in the next) is cut between
 * the two. A stretch paired on both its sides (a blank cell as narrow as the spacing) keeps its
 * place.
 */
function closeGaps(
  rulings: readonly PdfRuling[],
  marks: readonly Mark[],
  horizontal: boolean,
  spacing: number,
): PdfRuling[] {
  const moves = new Map<PdfRuling, { start: number; end: number; at: number }[]>();
  for (const pair of emptyStrips(rulings, marks, horizontal)) {
    if (Math.abs(pair.distance - spacing) > GUTTER_SPREAD) continue;
    const at = (pair.ruling.at + pair.other.at) / 2;
    for (const side of [pair.ruling, pair.other]) {
      const list = moves.get(side);
      const move = { start: pair.start, end: pair.end, at };
      if (list) list.push(move);
      else moves.set(side, [move]);
    }
  }
  return rulings.flatMap((ruling) => {
    const list = moves.get(ruling)?.sort((p, q) => p.start - q.start);
    if (!list) return [ruling];
    // Runs of stretches moving to one place (within GUTTER_SPREAD).
    const runs: { start: number; end: number; sum: number; n: number }[] = [];
    for (const move of list) {
      const last = runs[runs.length - 1];
      if (last && Math.abs(move.at - last.sum / last.n) <= GUTTER_SPREAD) {
        last.end = Math.max(last.end, move.end);
        last.sum += move.at;
        last.n += 1;
      } else if (last && move.start < last.end - TOUCH) return [ruling];
      else runs.push({ start: move.start, end: move.end, sum: move.at, n: 1 });
    }
    return runs.map((run, k) => ({
      ...ruling,
      at: run.sum / run.n,
      from: k === 0 ? ruling.from : ((runs[k - 1]?.end ?? 0) + run.start) / 2,
      to: k === runs.length - 1 ? ruling.to : (run.end + (runs[k + 1]?.start ?? 0)) / 2,
    }));
  });
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

function contains(outer: Grid, inner: Grid, touch: number): boolean {
  const [l, t, r, b] = gridBox(outer);
  const [il, it, ir, ib] = gridBox(inner);
  return il >= l - touch && ir <= r + touch && it >= t - touch && ib <= b + touch;
}

/** Pieces on one line (within SAME_LINE) that overlap or come within `join` are one ruling. */
function mergeRulings(pieces: readonly PdfRuling[], join: number): PdfRuling[] {
  const sorted = [...pieces].sort((p, q) => p.at - q.at);
  const merged: PdfRuling[] = [];
  for (let i = 0; i < sorted.length;) {
    // Within SAME_LINE of the group's first piece, never chained further: two lines of a double
    // border a little wider apart stay two, whatever other line lies between them.
    let j = i + 1;
    while (
      j < sorted.length &&
      (sorted[j] as PdfRuling).at - (sorted[i] as PdfRuling).at <= SAME_LINE
    )
      j++;
    pushAll(merged, joinCollinear(sorted.slice(i, j), join));
    i = j;
  }
  return merged.filter((ruling) => ruling.to - ruling.from >= MIN_RULING);
}

function joinCollinear(line: PdfRuling[], join: number): PdfRuling[] {
  line.sort((p, q) => p.from - q.from);
  const out: { ruling: PdfRuling; sum: number; n: number }[] = [];
  for (const piece of line) {
    const last = out[out.length - 1];
    if (last && piece.from <= last.ruling.to + join) {
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
  touch: number,
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
    const meets = meetings(h, vertical, touch);
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
      return Math.abs(w.from - v.from) <= touch && Math.abs(w.to - v.to) <= touch;
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
function meetings(h: PdfRuling, vertical: readonly PdfRuling[], touch: number): number[] {
  const out: number[] = [];
  for (let k = lowerBound(vertical, (v) => v.at >= h.from - touch); k < vertical.length; k++) {
    const v = vertical[k] as PdfRuling;
    if (v.at > h.to + touch) break;
    if (h.at >= v.from - touch && h.at <= v.to + touch) out.push(k);
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

/**
 * A grid's outer edge on one side (-1: left or top, 1: right or bottom): its outermost line, or the
 * farthest end of the rulings `across` when they run on past it (a table without side borders). An
 * end within `snap` of the outermost ruling is at it: a line's end overshoots the line it meets by
 * half its width, by more when that line is a double border merged into one, and by half the
 * spacing when it is a frame's made one with the cells' sides (R12.30).
 */
function outerEdge(
  lines: readonly number[],
  across: readonly PdfRuling[],
  side: -1 | 1,
  snap: number,
): number {
  const pick = side < 0 ? least : greatest;
  const line = pick(lines);
  const end = pick(across.map((ruling) => (side < 0 ? ruling.from : ruling.to)));
  return side * (end - line) > snap ? end : line;
}

function buildGrid(
  horizontal: readonly PdfRuling[],
  vertical: readonly PdfRuling[],
  marks: readonly Mark[],
  snap: number,
): Grid | null {
  const across = vertical.map((v) => v.at);
  const down = horizontal.map((h) => h.at);
  const left = outerEdge(across, horizontal, -1, snap);
  const right = outerEdge(across, horizontal, 1, snap);
  const top = outerEdge(down, vertical, -1, snap);
  const bottom = outerEdge(down, vertical, 1, snap);
  const xs = clusterLines([left, right, ...across]);
  const ys = clusterLines([top, bottom, ...down]);
  const columns = xs.length - 1;
  const rows = ys.length - 1;
  if (columns < 1 || rows < 1 || columns * rows > MAX_SLOTS) return null;
  const walls = { v: byLine(xs, vertical), h: byLine(ys, horizontal) };
  const marked = new Uint8Array(columns * rows);
  for (const [x, y] of marks) {
    if (x <= left || x >= right || y <= top || y >= bottom) continue;
    const col = slotOf(xs, x);
    const row = slotOf(ys, y);
    if (col >= 0 && row >= 0) marked[row * columns + col] = 1;
  }
  const regions = slotRegions(
    columns,
    rows,
    (col, row, across) =>
      across
        ? ruled(walls.v[col + 1], ys[row] as number, ys[row + 1] as number)
        : ruled(walls.h[row + 1], xs[col] as number, xs[col + 1] as number),
    marked,
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

/** The slot between two lines (sorted) that holds `value`; -1 outside them. */
function slotOf(lines: readonly number[], value: number): number {
  if (lines.length < 2 || value <= (lines[0] as number)) return -1;
  const i = nearest(lines, value);
  const slot = value < (lines[i] as number) ? i - 1 : i;
  return slot < lines.length - 1 ? slot : -1;
}

/**
 * The slots joined where no wall parts them, each region grown to its bounding rectangle (a missing
 * piece of ruling leaves an L; the rectangle around it is the cell). A region that holds no text
 * does not grow: white space inside a table's frame that no cell covers (a rowspan that a page break
 * cut short, the spacing of separate borders) is no cell, and growing it would swallow the cells
 * around it; it is cut into rectangles a row high. `wall(col, row, across)`: is there a ruling
 * right of slot (col, row) (across) or below it? `marked[slot]`: text stands in the slot. Null when
 * the regions do not settle.
 */
function slotRegions(
  columns: number,
  rows: number,
  wall: (col: number, row: number, across: boolean) => boolean,
  marked: Uint8Array,
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
  // Grow every region with text to its bounding rectangle until none overlaps another: a few
  // rounds at most.
  for (let round = 0; round < 16; round++) {
    const regions = regionBoxes(columns, rows, find, marked);
    let changed = false;
    for (const [root, { box, slots, text }] of regions) {
      const [c0, r0, c1, r1] = box;
      if (!text && slots < (c1 - c0) * (r1 - r0)) continue;
      for (let row = r0; row < r1; row++)
        for (let col = c0; col < c1; col++) changed = union(root, row * columns + col) || changed;
    }
    if (!changed) return settle(columns, rows, find, regions);
  }
  return null;
}

/** The cells of settled regions: each rectangle one cell, a blank region cut into row runs. */
function settle(
  columns: number,
  rows: number,
  find: (i: number) => number,
  regions: Map<number, Region>,
): { boxes: [number, number, number, number][]; owner: Int32Array } {
  const owner = new Int32Array(columns * rows);
  const boxes: [number, number, number, number][] = [];
  const index = new Map<number, number>();
  for (const [root, { box }] of regions) {
    const [c0, r0, c1, r1] = box;
    if (regions.get(root)?.slots !== (c1 - c0) * (r1 - r0)) continue;
    index.set(root, boxes.length);
    boxes.push(box);
  }
  for (let row = 0; row < rows; row++)
    for (let col = 0; col < columns; col++) {
      const slot = row * columns + col;
      const root = find(slot);
      const cell = index.get(root);
      if (cell !== undefined) {
        owner[slot] = cell;
        continue;
      }
      // A blank region that is no rectangle: the run of its slots along this row is one cell.
      const left = col > 0 && find(slot - 1) === root ? owner[slot - 1] : undefined;
      if (left !== undefined) {
        owner[slot] = left;
        (boxes[left] as [number, number, number, number])[2] = col + 1;
      } else {
        owner[slot] = boxes.length;
        boxes.push([col, row, col + 1, row + 1]);
      }
    }
  return { boxes, owner };
}

interface Region {
  /** [col, row, col end, row end) of its bounding rectangle. */
  box: [number, number, number, number];
  slots: number;
  text: boolean;
}

/** Each region's bounding rectangle in slots, its number of slots and whether text stands in it. */
function regionBoxes(
  columns: number,
  rows: number,
  find: (i: number) => number,
  marked: Uint8Array,
): Map<number, Region> {
  const regions = new Map<number, Region>();
  for (let row = 0; row < rows; row++)
    for (let col = 0; col < columns; col++) {
      const slot = row * columns + col;
      const root = find(slot);
      const region = regions.get(root);
      const text = marked[slot] === 1;
      if (!region) regions.set(root, { box: [col, row, col + 1, row + 1], slots: 1, text });
      else {
        const { box } = region;
        box[0] = Math.min(box[0], col);
        box[1] = Math.min(box[1], row);
        box[2] = Math.max(box[2], col + 1);
        box[3] = Math.max(box[3], row + 1);
        region.slots += 1;
        region.text ||= text;
      }
    }
  return regions;
}
