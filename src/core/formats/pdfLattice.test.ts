import { readFileSync } from 'node:fs';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../report';
import type { Report } from '../types';
import { readPdf } from './pdf';
import { findGrids, type Mark } from './pdfGrid';
import { layoutPages, layoutPdfText } from './pdfLayout';
import { DRAW, OP, type PdfRuling, rulingsFromOperators } from './pdfRulings';
import { pagesWithTables } from './pdfStreamLines';
import type { PdfPageText, PdfTextRun } from './pdfText';

const fixtures = new URL('../fixtures/', import.meta.url);
const bytesOf = (path: string) => new Uint8Array(readFileSync(new URL(path, fixtures)));
const SLOW = 60_000;

/** A run as pdf.js gives it: top-left origin, y down, y the baseline; CJK one em wide, ASCII half. */
function run(str: string, x: number, y: number, fontSize = 10): PdfTextRun {
  const ems = [...str].reduce((w, char) => w + (/[\x20-\x7e]/.test(char) ? 0.5 : 1), 0);
  return { str, x, y, fontSize, width: ems * fontSize, vertical: false };
}

/** Text in the cell whose top-left corner is (x, y): one line per string, 14 pt apart. */
const inCell = (x: number, y: number, ...lines: string[]): PdfTextRun[] =>
  lines.map((line, k) => run(line, x + 3, y + 13 + 14 * k));

const h = (at: number, from: number, to: number): PdfRuling => ({ horizontal: true, at, from, to });
const v = (at: number, from: number, to: number): PdfRuling => ({
  horizontal: false,
  at,
  from,
  to,
});

/** Every line of a grid: horizontals at ys across xs, verticals at xs down ys. */
function fullGrid(xs: readonly number[], ys: readonly number[]): PdfRuling[] {
  const [left, right] = [xs[0] as number, xs[xs.length - 1] as number];
  const [top, bottom] = [ys[0] as number, ys[ys.length - 1] as number];
  return [...ys.map((y) => h(y, left, right)), ...xs.map((x) => v(x, top, bottom))];
}

const page = (runs: PdfTextRun[], rulings: PdfRuling[]): PdfPageText => ({
  width: 595,
  height: 842,
  runs,
  rulings,
});
const lines = (...pages: PdfPageText[]) => layoutPdfText(pages).split('\n');

describe('rulingsFromOperators', () => {
  const VIEW = [1, 0, 0, -1, 0, 842] as const;
  const path = (op: number, ...coords: number[]) => [op, [new Float32Array(coords)], null];

  it('R12.13 the operator codes are those of pdf.js', () => {
    for (const [name, code] of Object.entries(OP))
      expect(OPS[name as keyof typeof OPS], name).toBe(code);
  });

  it('R12.13 a thin filled rectangle is a ruling along its middle, a stroked segment one along itself, through the transforms in force', () => {
    const rect = (x: number, y: number, w: number, hh: number) => [
      DRAW.moveTo,
      x,
      y,
      DRAW.lineTo,
      x + w,
      y,
      DRAW.lineTo,
      x + w,
      y + hh,
      DRAW.lineTo,
      x,
      y + hh,
      DRAW.closePath,
    ];
    const ops = {
      fnArray: [
        OP.save,
        OP.transform,
        OP.constructPath,
        OP.restore,
        OP.constructPath,
        OP.constructPath,
      ],
      argsArray: [
        null,
        [0.5, 0, 0, 0.5, 0, 0],
        path(OP.fill, ...rect(100, 200, 400, 1.5)),
        null,
        path(OP.stroke, DRAW.moveTo, 50, 700, DRAW.lineTo, 50, 600),
        path(OP.fill, ...rect(50, 50, 300, 200)),
      ],
    };
    const rulings = rulingsFromOperators(ops, VIEW);
    expect(rulings).toHaveLength(2);
    expect(rulings[0]).toMatchObject({ horizontal: true, from: 50, to: 250 });
    expect(rulings[0]?.at).toBeCloseTo(842 - 100.375);
    expect(rulings[1]).toEqual({ horizontal: false, at: 50, from: 142, to: 242 });
  });

  it('R12.13 a stroked rectangle gives its four sides; curves, white lines and clipping paths give none', () => {
    const box = [
      DRAW.moveTo,
      10,
      10,
      DRAW.lineTo,
      110,
      10,
      DRAW.lineTo,
      110,
      60,
      DRAW.lineTo,
      10,
      60,
      DRAW.closePath,
    ];
    const ops = {
      fnArray: [
        OP.constructPath,
        OP.constructPath,
        OP.setStrokeRGBColor,
        OP.constructPath,
        OP.constructPath,
      ],
      argsArray: [
        path(OP.stroke, ...box),
        path(OP.stroke, DRAW.moveTo, 0, 0, DRAW.curveTo, 10, 0, 20, 0, 30, 0),
        ['#FFFFFF'],
        path(OP.stroke, DRAW.moveTo, 0, 300, DRAW.lineTo, 500, 300),
        path(28, ...box),
      ],
    };
    const rulings = rulingsFromOperators(ops, [1, 0, 0, 1, 0, 0]);
    expect(rulings.map((r) => [r.horizontal, r.at, r.from, r.to])).toEqual([
      [true, 10, 10, 110],
      [false, 110, 10, 60],
      [true, 60, 10, 110],
      [false, 10, 10, 60],
    ]);
  });

  it('R12.13 a form XObject’s matrix holds inside the form only', () => {
    const line = path(OP.stroke, DRAW.moveTo, 0, 0, DRAW.lineTo, 100, 0);
    const ops = {
      fnArray: [
        OP.paintFormXObjectBegin,
        OP.constructPath,
        OP.paintFormXObjectEnd,
        OP.constructPath,
      ],
      argsArray: [[new Float32Array([1, 0, 0, 1, 20, 30]), null], line, [], line],
    };
    expect(rulingsFromOperators(ops, [1, 0, 0, 1, 0, 0])).toEqual([
      { horizontal: true, at: 30, from: 20, to: 120 },
      { horizontal: true, at: 0, from: 0, to: 100 },
    ]);
  });

  it('R12.13 a row of dots, square or round, is a dotted line; a lone dot, two dots or dots far apart are none', () => {
    const square = (x: number, y: number) => [
      DRAW.moveTo,
      x,
      y,
      DRAW.lineTo,
      x + 0.75,
      y,
      DRAW.lineTo,
      x + 0.75,
      y + 0.75,
      DRAW.lineTo,
      x,
      y + 0.75,
      DRAW.closePath,
    ];
    // A round dot of radius 0.5: four Bézier quarters.
    const round = (x: number, y: number) => [
      DRAW.moveTo,
      x + 0.5,
      y,
      DRAW.curveTo,
      x + 0.5,
      y + 0.28,
      x + 0.28,
      y + 0.5,
      x,
      y + 0.5,
      DRAW.curveTo,
      x - 0.28,
      y + 0.5,
      x - 0.5,
      y + 0.28,
      x - 0.5,
      y,
      DRAW.curveTo,
      x - 0.5,
      y - 0.28,
      x - 0.28,
      y - 0.5,
      x,
      y - 0.5,
      DRAW.curveTo,
      x + 0.28,
      y - 0.5,
      x + 0.5,
      y - 0.28,
      x + 0.5,
      y,
      DRAW.closePath,
    ];
    const dots = (shape: (x: number, y: number) => number[], points: [number, number][]) =>
      points.map(([x, y]) => path(OP.fill, ...shape(x, y)));
    const along = (count: number, step: number, at: (k: number) => [number, number]) =>
      Array.from({ length: count }, (_, k) => at(k * step));
    const paths = [
      // Squares every 1.5 pt along y 100, from x 10 to 40.
      ...dots(
        square,
        along(21, 1.5, (d) => [10 + d, 100]),
      ),
      // Round dots every 2 pt down x 300, from y 50 to 90.
      ...dots(
        round,
        along(21, 2, (d) => [300, 50 + d]),
      ),
      // A bullet, a pair of dots, and dots 10 pt apart.
      ...dots(round, [[200, 200]]),
      ...dots(square, [
        [200, 300],
        [201.5, 300],
      ]),
      ...dots(
        square,
        along(5, 10, (d) => [100 + d, 400]),
      ),
    ];
    const ops = { fnArray: paths.map(() => OP.constructPath), argsArray: paths };
    const rulings = rulingsFromOperators(ops, [1, 0, 0, 1, 0, 0]);
    expect(rulings).toHaveLength(2);
    expect(rulings[0]).toMatchObject({ horizontal: true, from: 10, to: 40.75 });
    expect(rulings[0]?.at).toBeCloseTo(100.375);
    expect(rulings[1]).toMatchObject({ horizontal: false, at: 300, from: 49.5, to: 90.5 });
  });
});

describe('findGrids', () => {
  it('R12.14 a line drawn cell by cell, or dashed, is one ruling; a cell is a rectangle without a ruling through it', () => {
    // Two columns, three rows; row 0 one cell over both columns; the middle line dashed.
    const dashes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => h(130.4, 100 + 20 * k, 117 + 20 * k));
    const grids = findGrids(
      [
        h(100, 100, 200),
        h(100.6, 200, 300),
        h(115, 100, 300),
        ...dashes,
        h(145, 100, 300),
        v(100, 100, 145),
        v(200, 115, 130),
        v(200.5, 130, 145),
        v(300, 100, 145),
      ],
      [],
    );
    expect(grids).toHaveLength(1);
    const grid = grids[0];
    expect(grid?.xs.map(Math.round)).toEqual([100, 200, 300]);
    expect(grid?.ys.map(Math.round)).toEqual([100, 115, 130, 145]);
    expect(grid?.cells.map((c) => [c.row, c.col, c.rows, c.cols])).toEqual([
      [0, 0, 1, 2],
      [1, 0, 1, 1],
      [1, 1, 1, 1],
      [2, 0, 1, 1],
      [2, 1, 1, 1],
    ]);
  });

  it('R12.14 a double border is one line; a table without side borders still has its outer columns', () => {
    const grids = findGrids(
      [
        h(100, 60, 300),
        h(101.5, 60, 300),
        h(120, 60, 300),
        h(140, 60, 300),
        v(120, 100, 140),
        v(200, 100, 140),
      ],
      [],
    );
    expect(grids[0]?.xs.map(Math.round)).toEqual([60, 120, 200, 300]);
    expect(grids[0]?.ys.slice(1)).toEqual([120, 140]);
    expect(grids[0]?.ys[0]).toBeCloseTo(100.75);
    expect(grids[0]?.cells).toHaveLength(6);
  });

  it('R12.14 an underline is no border; a box, a frame of stacked boxes, a frame around a table are no table', () => {
    const table = fullGrid([200, 250, 300], [400, 420, 440]);
    const underline = h(435, 205, 240);
    const box = [h(100, 50, 300), h(160, 50, 300), v(50, 100, 160), v(300, 100, 160)];
    const stacked = [
      h(600, 50, 500),
      h(650, 50, 500),
      h(700, 50, 500),
      v(50, 600, 700),
      v(500, 600, 700),
    ];
    const frame = [h(380, 150, 350), h(460, 150, 350), v(150, 380, 460), v(350, 380, 460)];
    const grids = findGrids([...table, underline, ...box, ...stacked, ...frame], []);
    expect(grids).toHaveLength(1);
    expect(grids[0]?.ys.map(Math.round)).toEqual([400, 420, 440]);
  });

  it('R12.14 a column cut at both ends by page breaks joins the grid whose verticals run as far', () => {
    const grids = findGrids(
      [
        v(60, 40, 200),
        v(100, 40, 200),
        v(200, 40, 200),
        v(240, 40, 200),
        h(100, 100, 240),
        h(200, 100, 240),
      ],
      [],
    );
    expect(grids[0]?.xs.map(Math.round)).toEqual([60, 100, 200, 240]);
    const first = grids[0]?.cells.find((cell) => cell.col === 0);
    expect(first).toMatchObject({ rows: 2, openTop: true, openBottom: true });
  });

  it('R12.14 a missing piece of line leaves a cell with text its bounding rectangle; white space is cut into rows', () => {
    // The line between (0,0) and (1,0) is missing, and so is the one between (0,0) and (0,1): an L.
    const rulings = [
      h(0, 0, 300),
      h(20, 100, 300),
      h(40, 0, 300),
      v(0, 0, 40),
      v(100, 20, 40),
      v(200, 0, 40),
      v(300, 0, 40),
    ];
    const cellsOf = (marks: [number, number][]) =>
      findGrids(rulings, marks)[0]
        ?.cells.map((c) => [c.row, c.col, c.rows, c.cols])
        .sort((p, q) => (p[0] ?? 0) - (q[0] ?? 0) || (p[1] ?? 0) - (q[1] ?? 0));
    // A label in the L: one cell over its bounding rectangle.
    expect(cellsOf([[10, 10]])).toEqual([
      [0, 0, 2, 2],
      [0, 2, 1, 1],
      [1, 2, 1, 1],
    ]);
    // Nothing in it (a rowspan cut short by a page break leaves such white space): no cell grows over
    // the cells beside it, each row of it is a blank cell.
    expect(cellsOf([[150, 30]])).toEqual([
      [0, 0, 1, 2],
      [0, 2, 1, 1],
      [1, 0, 1, 1],
      [1, 1, 1, 1],
      [1, 2, 1, 1],
    ]);
  });
});

/** A box's four sides as Chromium draws a frame: each side runs over the corners by half a width. */
function box(left: number, top: number, right: number, bottom: number, width = 0.75): PdfRuling[] {
  const half = width / 2;
  return [
    h(top, left - half, right + half),
    h(bottom, left - half, right + half),
    v(left, top - half, bottom + half),
    v(right, top - half, bottom + half),
  ];
}

interface Spaced {
  rulings: PdfRuling[];
  marks: Mark[];
  /** The middles of the gaps between the frames: where the table's lines are. */
  xs: number[];
  ys: number[];
}

/**
 * A table drawn with separate borders (HTML's `cellspacing`): every cell framed on its own, the
 * frames `spacing` apart (line to line), inside the table's own frame as far out; text in every
 * cell but those listed blank ("row/col"). Columns `widths`, rows `heights` wide, from line to line.
 */
function separate(
  widths: readonly number[],
  heights: readonly number[],
  spacing: number,
  blank: readonly string[] = [],
  spans: readonly [number, number, number, number][] = [],
): Spaced {
  const at = (sizes: readonly number[], origin: number) =>
    sizes.reduce((lines, size) => [...lines, (lines[lines.length - 1] as number) + size], [origin]);
  const xs = at(widths, 60);
  const ys = at(heights, 100);
  const rulings: PdfRuling[] = [];
  const marks: Mark[] = [];
  const half = spacing / 2;
  const covered = new Set<string>();
  const cells: [number, number, number, number][] = [...spans];
  for (const [row, col, rows, cols] of spans)
    for (let r = row; r < row + rows; r++)
      for (let c = col; c < col + cols; c++) covered.add(`${r}/${c}`);
  heights.forEach((_, row) =>
    widths.forEach((_, col) => {
      if (!covered.has(`${row}/${col}`)) cells.push([row, col, 1, 1]);
    }),
  );
  for (const [row, col, rows, cols] of cells) {
    const [left, right] = [(xs[col] as number) + half, (xs[col + cols] as number) - half];
    const [top, bottom] = [(ys[row] as number) + half, (ys[row + rows] as number) - half];
    rulings.push(...box(left, top, right, bottom));
    if (!blank.includes(`${row}/${col}`)) marks.push([left + 6, (top + bottom) / 2]);
  }
  const last = (lines: readonly number[]) => lines[lines.length - 1] as number;
  rulings.push(...box(60 - half, 100 - half, last(xs) + half, last(ys) + half));
  return { rulings, marks, xs, ys };
}

const WIDTHS = [120, 40, 40, 40];
const HEIGHTS = [30, 24, 24, 24];

describe('findGrids: separate borders', () => {
  it.each([2.8, 4.5, 8.25, 12.4])(
    'R12.30 frames %s pt apart are one line at their middle: a cell a cell, no gap a column or row',
    (spacing) => {
      const { rulings, marks, xs, ys } = separate(WIDTHS, HEIGHTS, spacing);
      const grids = findGrids(rulings, marks);
      expect(grids).toHaveLength(1);
      const grid = grids[0];
      expect(grid?.xs).toHaveLength(xs.length);
      expect(grid?.ys).toHaveLength(ys.length);
      grid?.xs.forEach((x, k) => expect(x).toBeCloseTo(xs[k] as number, 0));
      grid?.ys.forEach((y, k) => expect(y).toBeCloseTo(ys[k] as number, 0));
      expect(grid?.cells).toHaveLength(WIDTHS.length * HEIGHTS.length);
      expect(grid?.cells.every((cell) => cell.rows === 1 && cell.cols === 1)).toBe(true);
    },
  );

  it('R12.30 a header over several columns and a label over several rows keep their spans; blank cells stay cells', () => {
    const { rulings, marks } = separate(
      WIDTHS,
      HEIGHTS,
      6,
      ['2/2', '3/2', '3/3'],
      [
        [0, 1, 1, 3],
        [1, 0, 3, 1],
      ],
    );
    const grid = findGrids(rulings, marks)[0];
    expect(grid?.xs).toHaveLength(5);
    expect(grid?.ys).toHaveLength(5);
    const cells = grid?.cells.map((c) => [c.row, c.col, c.rows, c.cols]) ?? [];
    expect(cells).toHaveLength(12);
    expect(cells).toContainEqual([0, 1, 1, 3]);
    expect(cells).toContainEqual([1, 0, 3, 1]);
    expect(cells.filter(([, , rows, cols]) => rows === 1 && cols === 1)).toHaveLength(10);
  });

  it('R12.30 a cell whose line continues another cell’s on the other side of a gap is cut between them', () => {
    // The header's two cells part at x 200 (a gap 5 pt wide: 197.5 | 202.5); the row below parts at
    // 205 (202.5 | 207.5). The line at 202.5 is a right side below and a left side above.
    const rulings = [
      ...box(60, 100, 197.5, 130),
      ...box(202.5, 100, 300, 130),
      ...box(60, 135, 202.5, 160),
      ...box(207.5, 135, 300, 160),
      ...box(55, 95, 305, 165),
    ];
    const marks: Mark[] = [
      [70, 115],
      [210, 115],
      [70, 150],
      [215, 150],
    ];
    const grid = findGrids(rulings, marks)[0];
    expect(grid?.xs.map(Math.round)).toEqual([58, 200, 205, 303]);
    expect(grid?.ys.map(Math.round)).toEqual([98, 133, 163]);
  });

  it('R12.30 a narrow column blank in every row but its header is a column; twins one way only are no spacing', () => {
    // A table with shared borders, a 6 pt column (184–190) blank below its header, and two blank
    // rows 6 pt high (130–136, 160–166).
    const xs = [60, 184, 190, 230, 270];
    const ys = [100, 130, 136, 160, 166, 190];
    const rulings = [...ys.map((y) => h(y, 60, 270)), ...xs.map((x) => v(x, 100, 190))];
    const text: Mark[] = [
      [70, 115],
      [240, 115],
      [70, 148],
      [240, 148],
      [70, 178],
      [240, 178],
    ];
    const header: Mark = [186, 115];
    expect(findGrids(rulings, [...text, header])[0]?.ys).toEqual(ys);
    // Blank rows alone: twins one way only.
    const rows = [
      ...ys.map((y) => h(y, 60, 270)),
      ...[60, 184, 230, 270].map((x) => v(x, 100, 190)),
    ];
    expect(findGrids(rows, text)[0]?.ys).toEqual(ys);
  });

  it('R12.30 two lines the spacing apart with text between are two lines', () => {
    // The same frames as separate borders, but a figure stands in every gap: not gaps but cells.
    const { rulings, marks } = separate(WIDTHS, HEIGHTS, 6);
    const gaps: Mark[] = [
      [180, 150],
      [220, 150],
      [260, 150],
      [100, 130],
      [100, 154],
      [100, 178],
    ];
    const grid = findGrids(rulings, [...marks, ...gaps])[0];
    expect(grid?.xs.length).toBeGreaterThan(WIDTHS.length + 1);
  });
});

describe('findGrids: lines and edges', () => {
  it('R12.14 two lines of a double border a little wider apart stay two, whatever line of another table lies between them', () => {
    const grids = findGrids(
      [
        // A table whose middle line is drawn twice, 2.8 pt apart (462.7 and 465.5)…
        ...box(400, 100, 462.7, 140),
        ...box(465.5, 100, 530, 140),
        // …and below it a table with a line at 464.1, between the two.
        ...box(400, 300, 464.1, 340),
        ...box(464.1, 300, 530, 340),
      ],
      [
        [410, 120],
        [480, 120],
        [410, 320],
        [480, 320],
      ],
    );
    expect(grids.map((grid) => grid.xs.map((x) => Math.round(x * 10) / 10))).toEqual([
      [400, 462.7, 465.5, 530],
      [400, 464.1, 530],
    ]);
  });

  it('R12.14 a line that runs a little past the outermost line across ends there: no sliver of a column', () => {
    // A table's frame 2.4 pt outside its cells' frames (ten rows of two cells): each pair of
    // verticals is one line, at their mean, near the cells'; the frame's horizontals run on past it.
    const rows = Array.from({ length: 11 }, (_, k) => 102.4 + 10 * k);
    const rulings = [
      ...rows
        .slice(1)
        .flatMap((bottom, k) => [
          ...box(20.4, rows[k] as number, 400, bottom),
          ...box(400, rows[k] as number, 822.5, bottom),
        ]),
      ...box(18, 100, 824.9, 204.8),
    ];
    const grid = findGrids(rulings, [
      [30, 115],
      [410, 115],
    ])[0];
    expect(grid?.xs).toHaveLength(3);
    expect(grid?.ruledRight).toBe(true);
  });
});

// A small table: a header over two value columns, a blank cell, prose before and after it.
const SMALL_GRID = [
  h(100, 60, 320),
  h(120, 60, 320),
  h(140, 60, 320),
  h(160, 60, 320),
  v(60, 100, 160),
  v(200, 100, 160),
  v(260, 120, 160),
  v(320, 100, 160),
];

describe('layoutPdfText: ruled tables', () => {
  it('R12.18 a ruled table is written cell by cell in the flattened form, blanks and spans included; the text around it keeps the stream reading', () => {
    const runs = [
      run('二、主动公开政府信息情况', 60, 80, 12),
      ...inCell(60, 100, '信息内容'),
      ...inCell(200, 100, '数量'),
      ...inCell(60, 120, '规章'),
      ...inCell(200, 120, '1'),
      ...inCell(60, 140, '规范性文件'),
      ...inCell(200, 140, '2'),
      ...inCell(260, 140, '3'),
      run('三、收到和处理政府信息公开申请情况', 60, 190, 12),
    ];
    expect(lines(page(runs, SMALL_GRID))).toEqual([
      '二、主动公开政府信息情况',
      '信息内容 |',
      '数量 |',
      '|',
      '规章 |',
      '1 |',
      '|',
      '规范性文件 |',
      '2 |',
      '3 |',
      '三、收到和处理政府信息公开申请情况',
    ]);
  });

  it('R12.16 a header stacked a character a line is one word, a wrapped label one label; Latin words keep a space; fake bold counts once', () => {
    const grid = fullGrid([60, 200, 240, 340], [100, 170, 190]);
    const runs = [
      ...inCell(60, 100, '（二）部分公开（区分处', '理的，只计这一情形）'),
      ...inCell(200, 100, '商', '业', '企', '业'),
      run('Page', 243, 113),
      run('one', 243 + 25, 113),
      run('2023', 243, 127),
      run('年', 243 + 20, 127),
      ...inCell(60, 170, '规章'),
      run('规章', 63.2, 183),
      ...inCell(200, 170, '0'),
      ...inCell(240, 170, '1'),
    ];
    expect(lines(page(runs, grid))).toEqual([
      '（二）部分公开（区分处理的，只计这一情形） |',
      '商业企业 |',
      'Page one 2023年 |',
      '规章 |',
      '0 |',
      '1 |',
    ]);
  });

  it('R12.15 a run drawn across column lines is cut at them', () => {
    const grid = fullGrid([60, 160, 180, 200], [100, 120]);
    // `规章 1 2` is 4 ems wide, drawn 144 pt wide: `1` centred at x 162, `2` at 198.
    const runs = [{ ...run('规章 1 2', 63, 113), width: 144 }];
    expect(lines(page(runs, grid))).toEqual(['规章 |', '1 |', '2 |']);
  });

  it('R12.15 a grid whose cell holds two numbers side by side, or with text in one cell only, is read by the stream', () => {
    const runs = [...inCell(60, 100, '规章'), run('1', 203, 113), run('2', 233, 113)];
    const sideBySide = fullGrid([60, 200, 320], [100, 120, 140]);
    expect(lines(page(runs, sideBySide))).toEqual(['规章 1 2']);
    const box = fullGrid([60, 200, 320], [100, 120]);
    expect(lines(page([...inCell(60, 100, '附件：统计表见下页')], box))).toEqual([
      '附件：统计表见下页',
    ]);
  });

  it('R12.15 a table that runs off the side of the page loses the columns beyond it and says so', () => {
    const runs = [...inCell(400, 100, '规章'), ...inCell(480, 100, '1'), ...inCell(540, 100, '2')];
    // A sliver of a column at the page's edge (LibreOffice draws the frame along the edge).
    const sliver = layoutPages([page(runs, fullGrid([400, 480, 540, 591, 595.3], [100, 120]))]);
    expect(sliver.text.split('\n')).toEqual(['规章 |', '1 |', '2 |']);
    expect(sliver.clipped).toEqual([0]);
    // Cut at a column line, nothing drawn down the cut.
    const cut = [h(100, 400, 595.3), h(120, 400, 595.3), v(400, 100, 120), v(480, 100, 120)];
    expect(layoutPages([page(runs.slice(0, 2), [...cut, v(540, 100, 120)])]).clipped).toEqual([0]);
    // Its right border a point past the edge (Chromium at 125 %): nothing lost.
    const past = layoutPages([page(runs, fullGrid([400, 480, 540, 596.4], [100, 120]))]);
    expect(past.clipped).toEqual([]);
    expect(past.text.split('\n')).toEqual(['规章 |', '1 |', '2 |']);
  });

  it('R12.18 an empty cell in the label columns belongs to the label before it', () => {
    const grid = fullGrid([60, 100, 200, 240, 280], [100, 120, 140]);
    const runs = [
      ...inCell(60, 100, '（五）'),
      ...inCell(100, 100, '1.重复申请'),
      ...inCell(200, 100, '0'),
      ...inCell(240, 100, '0'),
      ...inCell(60, 120, '其他'),
      ...inCell(240, 120, '0'),
    ];
    expect(lines(page(runs, grid))).toEqual([
      '（五） |',
      '1.重复申请 |',
      '0 |',
      '0 |',
      '其他 |',
      '|',
      '0 |',
      '|',
    ]);
  });
});

// A table over two pages: a label column (x 60–100) with a group label over rows, an item column
// (100–200) and a value column (200–240). Page numbers in the foot of each page.
const foot = (n: number) => run(`- ${n} -`, 290, 820);
// Chromium's header line, on every page it prints: the first page keeps it (it may be the title).
const chromiumHead = run('2026/1/5 10:00', 20, 14, 7);

describe('layoutPdfText: tables over a page break', () => {
  const upper = (closeGroup: boolean): PdfPageText =>
    page(
      [
        ...inCell(60, 660, '一、本年新收'),
        ...inCell(200, 660, '5'),
        ...inCell(60, 680, '三、本年'),
        ...inCell(100, 680, '（一）予以公开'),
        ...inCell(200, 680, '3'),
        ...inCell(100, 700, '（二）部分公开'),
        ...inCell(200, 700, '1'),
        ...(closeGroup ? [] : [chromiumHead]),
        foot(1),
      ],
      [
        h(660, 60, 240),
        h(680, 60, 240),
        h(700, 100, 240),
        h(720, closeGroup ? 60 : 100, 240),
        v(60, 660, 720),
        v(100, 680, 720),
        v(200, 660, 720),
        v(240, 660, 720),
      ],
    );

  // The table as written once joined, down to its first row on the second page.
  const upperLines = (group: string) => [
    '一、本年新收 |',
    '5 |',
    '|',
    `${group} |`,
    '（一）予以公开 |',
    '3 |',
    '（二）部分公开 |',
    '1 |',
    '|',
    '（三）不予公开 |',
    '0 |',
    '|',
  ];

  it('R12.17 a table cut open by a page break (Chromium) is one table: its group label one cell, the furniture between no end', () => {
    const lower = page(
      [
        chromiumHead,
        ...inCell(100, 40, '（三）不予公开'),
        ...inCell(200, 40, '0'),
        ...inCell(60, 60, '四、结转'),
        ...inCell(200, 60, '1'),
        foot(2),
      ],
      [
        v(60, 40, 80),
        v(100, 40, 60),
        v(200, 40, 80),
        v(240, 40, 80),
        h(60, 60, 240),
        h(80, 60, 240),
      ],
    );
    expect(lines(upper(false), lower)).toEqual([
      '2026/1/5 10:00',
      ...upperLines('三、本年'),
      '四、结转 |',
      '1 |',
      '|',
    ]);
  });

  it('R12.17 a table closed at the break with its header repeated (LibreOffice) is one table; the group label cut there one cell', () => {
    const header = (y: number) => [...inCell(60, y, '项目'), ...inCell(200, y, '数量')];
    const headed = (part: PdfPageText, y: number): PdfPageText => ({
      ...part,
      runs: [...header(y), ...part.runs],
      rulings: [...fullGrid([60, 200, 240], [y, y + 20]), ...(part.rulings ?? [])],
    });
    const lower = page(
      [
        ...inCell(60, 60, '度办理', '结果'),
        ...inCell(100, 60, '（三）不予公开'),
        ...inCell(200, 60, '0'),
        ...inCell(100, 80, '（四）无法提供'),
        ...inCell(200, 80, '0'),
        foot(2),
      ],
      [
        h(60, 60, 240),
        h(80, 100, 240),
        h(100, 60, 240),
        v(60, 60, 100),
        v(100, 60, 100),
        v(200, 60, 100),
        v(240, 60, 100),
      ],
    );
    expect(lines(headed(upper(true), 640), headed(lower, 40))).toEqual([
      '项目 |',
      '数量 |',
      '|',
      ...upperLines('三、本年度办理结果'),
      '（四）无法提供 |',
      '0 |',
      '|',
    ]);
  });

  it('R12.17 a row cut by the break is one row; a new row at the top of the next page stays a row', () => {
    const top = page(
      [
        ...inCell(60, 760, '1.本机关不掌握相关'),
        ...inCell(200, 760, '0'),
        ...inCell(60, 780, '2.没有现成信息需'),
        ...inCell(200, 780, '2'),
      ],
      [h(760, 60, 240), h(780, 60, 240), v(60, 760, 800), v(200, 760, 800), v(240, 760, 800)],
    );
    const cut = page(
      [
        ...inCell(60, 40, '要另行制作'),
        ...inCell(60, 60, '3.补正后申请内容仍不明确'),
        ...inCell(200, 60, '0'),
      ],
      [h(60, 60, 240), h(80, 60, 240), v(60, 40, 80), v(200, 40, 80), v(240, 40, 80)],
    );
    expect(lines(top, cut)).toEqual([
      '1.本机关不掌握相关 |',
      '0 |',
      '2.没有现成信息需要另行制作 |',
      '2 |',
      '3.补正后申请内容仍不明确 |',
      '0 |',
    ]);
    // Open at the break on both sides, but `3.` starts a row of its own (Chromium lost the ruling
    // between the rows off the page's edge).
    const fresh = page(
      [...inCell(60, 40, '3.补正后申请内容仍不明确'), ...inCell(200, 40, '0')],
      [h(60, 60, 240), v(60, 40, 60), v(200, 40, 60), v(240, 40, 60)],
    );
    expect(lines(top, fresh).slice(4)).toEqual(['3.补正后申请内容仍不明确 |', '0 |']);
  });

  it('R12.17 tables with text between them, or with other edges, stay two tables', () => {
    const part = (x: number, y: number, label: string): PdfPageText =>
      page(
        [...inCell(x, y, label), ...inCell(x + 140, y, '1')],
        fullGrid([x, x + 140, x + 180], [y, y + 20]),
      );
    const first = part(60, 760, '规章');
    const withHeading: PdfPageText = {
      ...part(60, 80, '行政许可'),
      runs: [run('第二十条第（五）项', 60, 60), ...part(60, 80, '行政许可').runs],
    };
    expect(lines(first, withHeading)).toEqual([
      '规章 |',
      '1 |',
      '第二十条第（五）项',
      '行政许可 |',
      '1 |',
    ]);
    expect(lines(first, part(80, 40, '行政许可'))).toEqual(['规章 |', '1 |', '行政许可 |', '1 |']);
  });
});

describe('layoutPages: tables read by position', () => {
  it('R12.21 the stream reading’s table rows are a stretch of text with no ruling to place its numbers', () => {
    const read = layoutPages([
      page(
        [
          run('三、收到和处理政府信息公开申请情况', 60, 80, 12),
          run('一、本年新收', 60, 100),
          run('5', 200, 100),
          run('2', 230, 100),
          run('二、上年结转', 60, 120),
          run('1', 200, 120),
          run('0', 230, 120),
          run('四、存在的主要问题及改进情况', 60, 160, 12),
        ],
        [],
      ),
    ]);
    expect(read.unruled.map(([from, to]) => read.text.slice(from, to))).toEqual([
      '一、本年新收 5 2\n二、上年结转 1 0',
    ]);
    const ruled = layoutPages([
      page(
        [...inCell(60, 100, '一、本年新收'), ...inCell(200, 100, '5')],
        fullGrid([60, 200, 240], [100, 120]),
      ),
    ]);
    expect(ruled.unruled).toEqual([]);
  });
});

describe('pagesWithTables', () => {
  it('R12.19 only a page with a line ending in a number apart, or one that ends in a header before it, has its drawing read', () => {
    const prose = page(
      [
        run('本年度本机关认真贯彻落实《条例》，依法做好政府信息公开工作。', 60, 100),
        run('全年共收到申请', 60, 120),
        run('249', 132, 120),
        run('件，均已办结。', 150, 120),
      ],
      [],
    );
    const header = page(
      [run('本机关情况如下：', 60, 100), run('信息内容', 60, 700), run('本年新制作数量', 200, 700)],
      [],
    );
    const rows = page([run('规章', 60, 100), run('1', 200, 100)], []);
    // No padding in the cells: the numbers 0.2 fs from their label.
    const tight = page([run('行政许可', 60, 100), run('5 2', 102, 100)], []);
    expect(pagesWithTables([prose, header, rows, prose, tight])).toEqual([
      false,
      true,
      true,
      false,
      true,
    ]);
  });
});

// The 表三 of scripts/make-pdf-fixtures.ts, drawn five ways: each must read as the same cells.
const LATTICE_FIXTURES = [
  'pdf/lattice-filled.pdf',
  'pdf/lattice-stroked-form.pdf',
  'pdf/lattice-dashed-rotated.pdf',
  'pdf/lattice-two-pages-open.pdf',
  'pdf/lattice-two-pages-closed.pdf',
  'pdf/lattice-dotted.pdf',
  'pdf/lattice-separate.pdf',
  'pdf/lattice-separate-two-pages.pdf',
];

async function parsePdf(path: string): Promise<Report> {
  const result = await parseReport(bytesOf(path), path.split('/').pop() ?? path);
  if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
  return result.report;
}

const cellsOf = (report: Report) =>
  Object.fromEntries(
    report.tables.flatMap((table) =>
      table.rows.flatMap((row) =>
        Object.entries(row.cells).map(([column, cell]) => [
          `${row.key}/${column}`,
          `${String(cell.value)} ${cell.confidence}`,
        ]),
      ),
    ),
  );

describe('readPdf: ruled tables in real PDF files', () => {
  it(
    'R12.13–R12.18, R12.30 the same 表三 filled, stroked in a form, dashed on a rotated page, dotted, with separate borders, or over two pages reads as the same cells, every one high',
    async () => {
      const reports = await Promise.all(LATTICE_FIXTURES.map(parsePdf));
      const [first] = reports;
      const cells = cellsOf(first as Report);
      expect(first?.meta.template).toBe('2021');
      expect(cells['newReceived/naturalPerson']).toBe('5 high');
      expect(cells['newReceived/research']).toBe('null high');
      expect(cells['newReceived/total']).toBe('8 high');
      expect(cells['unable.noInfo/otherOrg']).toBe('1 high');
      expect(cells['carriedForward/total']).toBe('1 high');
      expect(Object.keys(cells)).toHaveLength(25 * 7);
      expect(Object.values(cells).every((cell) => cell.endsWith(' high'))).toBe(true);
      for (const report of reports) expect(cellsOf(report)).toEqual(cells);
      for (const report of reports)
        for (const table of report.tables)
          for (const row of table.rows)
            for (const cell of Object.values(row.cells))
              if (cell.kind !== 'blank')
                expect(report.text.slice(...(cell.span ?? [0, 0]))).toBe(cell.raw);
    },
    SLOW,
  );

  it(
    'R12.20 lines that form no table, and tables drawn as images, give table-missing and no table',
    async () => {
      for (const path of ['pdf/lines-no-table.pdf', 'pdf/table-image.pdf']) {
        const read = await readPdf(bytesOf(path));
        expect(read.ok && read.text.includes('|'), path).toBe(false);
        const report = await parsePdf(path);
        expect(report.tables, path).toEqual([]);
        expect(
          report.issues.filter((issue) => issue.code === 'table-missing').length,
          path,
        ).toBeGreaterThan(0);
      }
    },
    SLOW,
  );
});
