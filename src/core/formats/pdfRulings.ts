// A page's drawn lines → ruling pieces in viewport space (SPEC R12.13). Pure: it reads the operator
// list pdf.js gives (`page.getOperatorList()`), so the tests can hand-make one; no pdf.js import.

/** A horizontal or vertical piece of a drawn line, in viewport space (top-left origin, y down). */
export interface PdfRuling {
  horizontal: boolean;
  /** y of a horizontal piece, x of a vertical one. */
  at: number;
  /** Its extent along the other axis: from < to. */
  from: number;
  to: number;
}

/** The two arrays of a pdf.js operator list. */
export interface PdfOperators {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

type Matrix = readonly [number, number, number, number, number, number];

// pdf.js's operator codes (OPS, and DrawOPS inside a constructPath), pinned by a unit test against
// pdf.js itself: importing pdf.js here would pull it into every reader of this module.
export const OP = {
  save: 10,
  restore: 11,
  transform: 12,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  setStrokeRGBColor: 58,
  setFillRGBColor: 59,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  constructPath: 91,
} as const;
export const DRAW = {
  moveTo: 0,
  lineTo: 1,
  curveTo: 2,
  quadraticCurveTo: 3,
  closePath: 4,
} as const;

const STROKES = new Set<number>([
  OP.stroke,
  OP.closeStroke,
  OP.fillStroke,
  OP.eoFillStroke,
  OP.closeFillStroke,
  OP.closeEOFillStroke,
]);
const FILLS = new Set<number>([
  OP.fill,
  OP.eoFill,
  OP.fillStroke,
  OP.eoFillStroke,
  OP.closeFillStroke,
  OP.closeEOFillStroke,
]);

// A filled shape at most this thick (pt) is a line: Chromium draws every border as a thin filled
// rectangle (1 CSS px is 0.75 pt; a 3 px border at 125 % is 2.8 pt).
const THIN = 3;
// A segment that drifts less than this (pt) across its length is horizontal or vertical.
const SKEW = 1;
// Pieces shorter than this (pt) are dots and corners, not lines.
const MIN_PIECE = 1;
// Dots whose centres are this close (pt) across a line, at most this far apart (pt) along it, and
// at least this many, are a dotted line.
const DOT_ALIGN = 0.5;
const DOT_GAP = 4;
const DOTS = 3;
// Enough pieces for any table page; a page drawn with more (a map, text as outlines) is read without
// its lines, so that no page costs more than this.
const MAX_PIECES = 20_000;

interface State {
  ctm: Matrix;
  fill: string | null;
  stroke: string | null;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m ∘ n: apply n, then m (pdf.js's Util.transform). */
function compose(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function toMatrix(value: unknown): Matrix | null {
  if (!value || typeof value !== 'object' || !('length' in value)) return null;
  const list = Array.from(value as ArrayLike<unknown>);
  if (list.length !== 6 || !list.every((n) => typeof n === 'number' && Number.isFinite(n)))
    return null;
  return list as unknown as Matrix;
}

// White lines on a white page are not seen; neither are rulings in no colour at all.
const visible = (color: string | null): boolean => color !== '#ffffff';

/**
 * R12.13 The ruling pieces a page draws: stroked segments that are horizontal or vertical, and
 * filled shapes at most 3 pt thick (a border drawn as a thin rectangle), through the transform in
 * force (save/restore, cm, form XObjects) and then `view` (the viewport's transform). White strokes
 * and fills are not lines. Curves are no rulings. Stops at MAX_PIECES.
 */
export function rulingsFromOperators(ops: PdfOperators, view: Matrix): PdfRuling[] {
  const pieces: PdfRuling[] = [];
  const dots: Dot[] = [];
  const stack: State[] = [];
  let state: State = { ctm: IDENTITY, fill: null, stroke: null };
  const count = Math.min(ops.fnArray.length, ops.argsArray.length);
  for (let i = 0; i < count && pieces.length < MAX_PIECES; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OP.save:
        stack.push(state);
        state = { ...state };
        break;
      case OP.restore:
        state = stack.pop() ?? state;
        break;
      case OP.paintFormXObjectBegin:
        stack.push(state);
        state = { ...state, ctm: applyMatrix(state.ctm, args?.[0]) };
        break;
      case OP.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OP.transform:
        state.ctm = applyMatrix(state.ctm, args);
        break;
      case OP.setFillRGBColor:
        state.fill = typeof args?.[0] === 'string' ? args[0].toLowerCase() : null;
        break;
      case OP.setStrokeRGBColor:
        state.stroke = typeof args?.[0] === 'string' ? args[0].toLowerCase() : null;
        break;
      case OP.constructPath:
        paintPath(args, compose(view, state.ctm), state, pieces, dots);
        break;
    }
  }
  dottedLines(dots, pieces);
  return pieces.slice(0, MAX_PIECES);
}

function applyMatrix(ctm: Matrix, value: unknown): Matrix {
  const m = toMatrix(value);
  return m ? compose(ctm, m) : ctm;
}

function paintPath(
  args: unknown[] | null,
  m: Matrix,
  state: State,
  out: PdfRuling[],
  dots: Dot[],
): void {
  const op = args?.[0];
  const buffer = (args?.[1] as unknown[] | undefined)?.[0];
  if (typeof op !== 'number' || !buffer || typeof buffer !== 'object' || !('length' in buffer))
    return;
  const path = buffer as ArrayLike<number>;
  const subpaths = readSubpaths(path, m);
  if (STROKES.has(op) && visible(state.stroke))
    for (const points of subpaths) strokePieces(points, out);
  if (FILLS.has(op) && visible(state.fill))
    for (const points of subpaths) fillPiece(points, out, dots);
}

type Point = readonly [number, number];
interface Subpath {
  points: Point[];
  closed: boolean;
  /** A curve's end points and control points: its box counts for a fill, its segments never. */
  curved: boolean;
}

/** The subpaths of a constructPath buffer, their points through `m`. */
function readSubpaths(path: ArrayLike<number>, m: Matrix): Subpath[] {
  const at = (x: number, y: number): Point => [
    m[0] * x + m[2] * y + m[4],
    m[1] * x + m[3] * y + m[5],
  ];
  const subpaths: Subpath[] = [];
  let current: Subpath | null = null;
  const coords = (k: number, n: number): Point[] => {
    const points: Point[] = [];
    for (let j = 0; j < n; j++) points.push(at(path[k + 2 * j] ?? 0, path[k + 2 * j + 1] ?? 0));
    return points;
  };
  for (let k = 0; k < path.length;) {
    const code = path[k++];
    if (code === DRAW.moveTo) {
      current = { points: coords(k, 1), closed: false, curved: false };
      subpaths.push(current);
      k += 2;
    } else if (code === DRAW.lineTo) {
      current?.points.push(...coords(k, 1));
      k += 2;
    } else if (code === DRAW.curveTo || code === DRAW.quadraticCurveTo) {
      const n = code === DRAW.curveTo ? 3 : 2;
      if (current) {
        current.points.push(...coords(k, n));
        current.curved = true;
      }
      k += 2 * n;
    } else if (code === DRAW.closePath) {
      if (current) current.closed = true;
    } else break;
  }
  return subpaths;
}

function strokePieces({ points, closed, curved }: Subpath, out: PdfRuling[]): void {
  if (curved) return;
  const ends = closed && points.length > 2 ? [...points, points[0] as Point] : points;
  for (let k = 1; k < ends.length; k++) {
    const [x0, y0] = ends[k - 1] as Point;
    const [x1, y1] = ends[k] as Point;
    addPiece(x0, y0, x1, y1, out);
  }
}

function addPiece(x0: number, y0: number, x1: number, y1: number, out: PdfRuling[]): void {
  const dx = Math.abs(x1 - x0);
  const dy = Math.abs(y1 - y0);
  if (dy <= SKEW && dx >= MIN_PIECE)
    out.push({ horizontal: true, at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
  else if (dx <= SKEW && dy >= MIN_PIECE)
    out.push({
      horizontal: false,
      at: (x0 + x1) / 2,
      from: Math.min(y0, y1),
      to: Math.max(y0, y1),
    });
}

/**
 * A filled shape at most THIN thick, longer than thick: a line along its long side's centre. One
 * at most THIN each way and not that long is a dot (a square or round one), kept for dottedLines.
 */
function fillPiece({ points }: Subpath, out: PdfRuling[], dots: Dot[]): void {
  if (points.length < 2) return;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  const width = x1 - x0;
  const height = y1 - y0;
  if (height <= THIN && width > 2 * height) addPiece(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2, out);
  else if (width <= THIN && height > 2 * width) addPiece((x0 + x1) / 2, y0, (x0 + x1) / 2, y1, out);
  else if (width <= THIN && height <= THIN && dots.length < MAX_PIECES)
    dots.push({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, width, height });
}

/** A small filled shape: a dotted border is a row of them. */
interface Dot {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * R12.13 Dots in a row are a dotted line: at least DOTS of them whose centres lie on one line
 * (within DOT_ALIGN), each within DOT_GAP of the next, make a ruling piece from the first dot's
 * edge to the last's. A dot at a corner belongs to the line each way. A lone dot (a bullet, a
 * point) or two are no line.
 */
function dottedLines(dots: readonly Dot[], out: PdfRuling[]): void {
  for (const horizontal of [true, false]) {
    const across = (dot: Dot) => (horizontal ? dot.y : dot.x);
    const along = (dot: Dot) => (horizontal ? dot.x : dot.y);
    const half = (dot: Dot) => (horizontal ? dot.width : dot.height) / 2;
    const sorted = [...dots].sort((p, q) => across(p) - across(q) || along(p) - along(q));
    for (let i = 0; i < sorted.length;) {
      let j = i + 1;
      while (j < sorted.length && across(sorted[j] as Dot) - across(sorted[i] as Dot) <= DOT_ALIGN)
        j++;
      const line = sorted.slice(i, j).sort((p, q) => along(p) - along(q));
      i = j;
      for (let a = 0; a < line.length;) {
        let b = a + 1;
        while (
          b < line.length &&
          along(line[b] as Dot) -
            half(line[b] as Dot) -
            (along(line[b - 1] as Dot) + half(line[b - 1] as Dot)) <=
            DOT_GAP
        )
          b++;
        if (b - a >= DOTS) {
          const run = line.slice(a, b);
          const first = run[0] as Dot;
          const last = run[run.length - 1] as Dot;
          const at = run.reduce((sum, dot) => sum + across(dot), 0) / run.length;
          out.push({
            horizontal,
            at,
            from: along(first) - half(first),
            to: along(last) + half(last),
          });
        }
        a = b;
      }
    }
  }
}
