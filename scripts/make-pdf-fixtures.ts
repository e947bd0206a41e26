// npx tsx scripts/make-pdf-fixtures.ts: writes the hand-made PDFs of src/core/fixtures/pdf/ that test
// the lattice reading (SPEC R12.13–R12.20, R12.30): a 2021 表三 drawn with filled, stroked, dashed or
// dotted rulings, or with separate borders (every cell framed on its own), through a transform or a
// form XObject, on a rotated page, over two pages (cut open as Chromium prints, or closed with the
// header repeated as LibreOffice does), and pages whose lines form no table or whose table is an
// image. Raw PDF syntax, no dependency: the text is set in a Type 0 font
// whose codes are the UTF-16 code units, with a ToUnicode map, so pdf.js reads it without a font file.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../src/core/fixtures/pdf/', import.meta.url));

// ---------------------------------------------------------------------------------------------
// PDF objects

interface PageSpec {
  width: number;
  height: number;
  content: string;
  rotate?: number;
  /** Form XObjects and images the content paints, by name. */
  xobjects?: Record<string, string>;
}

/** A whole PDF file: numbered objects, a cross-reference table, a trailer. ASCII throughout. */
function pdfFile(pages: readonly PageSpec[], text: string): string {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const stream = (dict: string, data: string) =>
    `<< ${dict} /Length ${data.length} >>\nstream\n${data}\nendstream`;
  const catalog = add('');
  const pagesId = add('');
  const font = fontObjects(add, stream, text);
  const kids = pages.map((page) => {
    const xobjects = Object.entries(page.xobjects ?? {})
      .map(([name, body]) => `/${name} ${add(body)} 0 R`)
      .join(' ');
    const content = add(stream('', page.content));
    return add(
      `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${page.width} ${page.height}]` +
        (page.rotate ? ` /Rotate ${page.rotate}` : '') +
        ` /Resources << /Font << /F1 ${font} 0 R >> /XObject << ${xobjects} >> >>` +
        ` /Contents ${content} 0 R >>`,
    );
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] =
    `<< /Type /Pages /Kids [${kids.map((id) => `${id} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.7\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) out += `${String(at).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}

/** A Type 0 font, Identity-H, code = UTF-16 code unit; ASCII half an em wide, the rest one em. */
function fontObjects(
  add: (body: string) => number,
  stream: (dict: string, data: string) => string,
  text: string,
): number {
  const blocks = [...new Set([...text].map((char) => (char.charCodeAt(0) >> 8) & 0xff))].sort(
    (a, b) => a - b,
  );
  const hex = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
  const ranges = blocks.map((b) => `<${hex(b << 8)}> <${hex((b << 8) | 0xff)}> <${hex(b << 8)}>`);
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Nianbao-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${ranges.length} beginbfrange`,
    ...ranges,
    'endbfrange endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const toUnicode = add(stream('', cmap));
  const descriptor = add(
    '<< /Type /FontDescriptor /FontName /NianbaoSans /Flags 4 /FontBBox [0 -120 1000 880]' +
      ' /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  );
  const cid = add(
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NianbaoSans' +
      ' /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>' +
      ` /FontDescriptor ${descriptor} 0 R /DW 1000 /W [32 126 500] /CIDToGIDMap /Identity >>`,
  );
  return add(
    '<< /Type /Font /Subtype /Type0 /BaseFont /NianbaoSans /Encoding /Identity-H' +
      ` /DescendantFonts [${cid} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
  );
}

// ---------------------------------------------------------------------------------------------
// Drawing, in top-left coordinates of a page of height H

const FS = 9;
const LEADING = 12;
const PAD = 3;
const n = (v: number) => Number(v.toFixed(2)).toString();
const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0);

function text(h: number, x: number, y: number, s: string, size = FS): string {
  const codes = [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  return `BT /F1 ${n(size)} Tf 1 0 0 1 ${n(x)} ${n(h - y)} Tm <${codes}> Tj ET\n`;
}

/** Lines of `s` that fit `room` points of 9-point type (a label wrapped in its cell). */
function wrap(s: string, room: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of s) {
    if (line && width(line + char) * FS > room) {
      lines.push(line);
      line = '';
    }
    line += char;
  }
  return line ? [...lines, line] : lines;
}

type Style = 'filled' | 'stroked' | 'dashed' | 'dotted' | 'separate';

// Separate borders (HTML's cellspacing): every cell framed on its own, the frames this far apart.
const SPACING = 6;

/** A round dot of radius r at (x, y), four Bézier quarters, filled. */
function dot(h: number, x: number, y: number, r: number): string {
  const k = 0.5523 * r;
  const [cx, cy] = [x, h - y];
  return (
    `${n(cx + r)} ${n(cy)} m ` +
    `${n(cx + r)} ${n(cy + k)} ${n(cx + k)} ${n(cy + r)} ${n(cx)} ${n(cy + r)} c ` +
    `${n(cx - k)} ${n(cy + r)} ${n(cx - r)} ${n(cy + k)} ${n(cx - r)} ${n(cy)} c ` +
    `${n(cx - r)} ${n(cy - k)} ${n(cx - k)} ${n(cy - r)} ${n(cx)} ${n(cy - r)} c ` +
    `${n(cx + k)} ${n(cy - r)} ${n(cx + r)} ${n(cy - k)} ${n(cx + r)} ${n(cy)} c f\n`
  );
}

/** A ruling from (x0, y0) to (x1, y1), horizontal or vertical, in the given style. */
function rule(h: number, style: Style, x0: number, y0: number, x1: number, y1: number): string {
  if (style === 'dotted') {
    // A dotted border: round dots 1 pt wide, 2 pt apart.
    let out = '';
    const length = Math.hypot(x1 - x0, y1 - y0);
    for (let at = 0; at <= length; at += 2)
      out += dot(h, x0 + ((x1 - x0) * at) / length, y0 + ((y1 - y0) * at) / length, 0.5);
    return out;
  }
  if (style === 'filled' || style === 'separate') {
    // Chromium: a border is a thin filled rectangle.
    const t = 0.75;
    return y0 === y1
      ? `${n(x0)} ${n(h - y0 - t / 2)} ${n(x1 - x0)} ${n(t)} re f\n`
      : `${n(x0 - t / 2)} ${n(h - y1)} ${n(t)} ${n(y1 - y0)} re f\n`;
  }
  if (style === 'stroked') return `${n(x0)} ${n(h - y0)} m ${n(x1)} ${n(h - y1)} l S\n`;
  // Dashes drawn one by one, 6 pt long with 2 pt between them.
  let out = '';
  const length = Math.hypot(x1 - x0, y1 - y0);
  for (let at = 0; at < length; at += 8) {
    const end = Math.min(length, at + 6);
    const p = (d: number) => [x0 + ((x1 - x0) * d) / length, y0 + ((y1 - y0) * d) / length];
    const [ax, ay] = p(at) as [number, number];
    const [bx, by] = p(end) as [number, number];
    out += `${n(ax)} ${n(h - ay)} m ${n(bx)} ${n(h - by)} l `;
  }
  return `${out}S\n`;
}

// ---------------------------------------------------------------------------------------------
// The table: a 2021 表三 with merged cells and blank cells

interface Cell {
  row: number;
  col: number;
  rows: number;
  cols: number;
  text: string;
}

const COLUMNS = [34, 44, 116, 31, 31, 31, 31, 31, 31, 31];
const VALUE_COLUMN = 3;

// The values (blank where ''): they satisfy C1, C2 and C3 where no blank stands in the way.
const ROWS: [string, string[]][] = [
  ['一、本年新收政府信息公开申请数量', ['5', '2', '', '', '', '1', '8']],
  ['二、上年结转政府信息公开申请数量', ['1', '0', '0', '0', '0', '0', '1']],
  ['（一）予以公开', ['3', '1', '0', '0', '0', '0', '4']],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ['1', '0', '0', '0', '0', '0', '1']],
  ['1.属于国家秘密', zeros()],
  ['2.其他法律行政法规禁止公开', zeros()],
  ['3.危及“三安全一稳定”', zeros()],
  ['4.保护第三方合法权益', zeros()],
  ['5.属于三类内部事务信息', zeros()],
  ['6.属于四类过程性信息', ['1', '0', '0', '0', '0', '0', '1']],
  ['7.属于行政执法案卷', zeros()],
  ['8.属于行政查询事项', zeros()],
  ['1.本机关不掌握相关政府信息', ['0', '1', '0', '0', '0', '1', '2']],
  ['2.没有现成信息需要另行制作', zeros()],
  ['3.补正后申请内容仍不明确', zeros()],
  ['1.信访举报投诉类申请', zeros()],
  ['2.重复申请', zeros()],
  ['3.要求提供公开出版物', zeros()],
  ['4.无正当理由大量反复申请', zeros()],
  ['5.要求行政机关确认或重新出具已获取信息', zeros()],
  ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', zeros()],
  ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', zeros()],
  ['3.其他', zeros()],
  ['（七）总计', ['5', '2', '0', '0', '0', '1', '8']],
  ['四、结转下年度继续办理', ['1', '0', '0', '0', '0', '0', '1']],
];

function zeros(): string[] {
  return ['0', '0', '0', '0', '0', '0', '0'];
}

// Group labels in the second label column, by the data row they start on, and how many rows.
const GROUPS: [number, number, string][] = [
  [4, 8, '（三）不予公开'],
  [12, 3, '（四）无法提供'],
  [15, 5, '（五）不予处理'],
  [20, 3, '（六）其他处理'],
];

function table(): Cell[] {
  const cells: Cell[] = [
    {
      row: 0,
      col: 0,
      rows: 3,
      cols: 3,
      text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    },
    { row: 0, col: 3, rows: 1, cols: 7, text: '申请人情况' },
    { row: 1, col: 3, rows: 2, cols: 1, text: '自然人' },
    { row: 1, col: 4, rows: 1, cols: 5, text: '法人或其他组织' },
    { row: 1, col: 9, rows: 2, cols: 1, text: '总计' },
    ...['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((text, k) => ({
      row: 2,
      col: 4 + k,
      rows: 1,
      cols: 1,
      text,
    })),
  ];
  const first = 3;
  ROWS.forEach(([label, values], k) => {
    const row = first + k;
    const whole = k < 2 || k === ROWS.length - 1;
    const item = k >= 4 && k <= 22;
    const col = whole ? 0 : item ? 2 : 1;
    cells.push({ row, col, rows: 1, cols: VALUE_COLUMN - col, text: label });
    values.forEach((text, v) => cells.push({ row, col: VALUE_COLUMN + v, rows: 1, cols: 1, text }));
  });
  cells.push({ row: first + 2, col: 0, rows: 22, cols: 1, text: '三、本年度办理结果' });
  for (const [k, rows, text] of GROUPS) cells.push({ row: first + k, col: 1, rows, cols: 1, text });
  return cells.sort((p, q) => p.row - q.row || p.col - q.col);
}

const HEADER_ROWS = 3;

/**
 * Each cell's lines, and each row's height (from the cells of one row only); `inset`: how far each
 * cell's frame stands inside its slot (half the spacing of separate borders).
 */
function measure(
  cells: readonly Cell[],
  inset = 0,
): { lines: Map<Cell, string[]>; heights: number[]; inset: number } {
  const lines = new Map<Cell, string[]>();
  const rows = Math.max(...cells.map((cell) => cell.row + cell.rows));
  const padding = 2 * (PAD + inset);
  const heights = Array.from({ length: rows }, () => LEADING + padding);
  for (const cell of cells) {
    const room = COLUMNS.slice(cell.col, cell.col + cell.cols).reduce((a, b) => a + b, 0) - padding;
    const wrapped = wrap(cell.text, room);
    lines.set(cell, wrapped);
    if (cell.rows === 1)
      heights[cell.row] = Math.max(heights[cell.row] ?? 0, wrapped.length * LEADING + padding);
  }
  return { lines, heights, inset };
}

interface Part {
  /** Rows [from, to) of the table, drawn from y `top` down; the header rows first when `header`. */
  from: number;
  to: number;
  top: number;
  header: boolean;
  /** Cells cut by the page break stay open there (no ruling), as Chromium prints them. */
  open: boolean;
}

/**
 * One page's part of the table: its rulings (drawn through `cm`, a scale, when given: as Chromium
 * draws at 0.24) and its text, and where the part ends.
 */
function drawPart(
  h: number,
  cells: readonly Cell[],
  measured: ReturnType<typeof measure>,
  part: Part,
  style: Style,
  scale = 1,
): { rules: string; words: string; bottom: number } {
  const x0 = 60;
  const rows = [
    ...(part.header ? Array.from({ length: HEADER_ROWS }, (_, i) => i) : []),
    ...Array.from({ length: part.to - part.from }, (_, i) => part.from + i),
  ];
  const ys = new Map<number, number>();
  let y = part.top;
  for (const row of rows) {
    ys.set(row, y);
    y += measured.heights[row] ?? 0;
  }
  const bottom = y;
  const line = (ax: number, ay: number, bx: number, by: number) =>
    rule(h / scale, style, ax / scale, ay / scale, bx / scale, by / scale);
  const xs = [x0];
  for (const w of COLUMNS) xs.push((xs[xs.length - 1] ?? 0) + w);
  let rules = '';
  let words = '';
  for (const cell of cells) {
    const shown = rows.filter((row) => row >= cell.row && row < cell.row + cell.rows);
    if (shown.length === 0) continue;
    const start = shown[0] as number;
    const top = ys.get(start) ?? 0;
    const last = shown[shown.length - 1] as number;
    const end = (ys.get(last) ?? 0) + (measured.heights[last] ?? 0);
    const cutAbove = start !== cell.row;
    const cutBelow = last !== cell.row + cell.rows - 1;
    // Separate borders: the cell's own frame, inside its slot; a cut side is drawn at the break.
    const inset = measured.inset;
    const left = (xs[cell.col] ?? 0) + inset;
    const right = (xs[cell.col + cell.cols] ?? 0) - inset;
    const [frameTop, frameEnd] = [top + (cutAbove ? 0 : inset), end - (cutBelow ? 0 : inset)];
    if (!(cutAbove && part.open)) rules += line(left, frameTop, right, frameTop);
    if (!(cutBelow && part.open)) rules += line(left, frameEnd, right, frameEnd);
    rules += line(left, frameTop, left, frameEnd);
    rules += line(right, frameTop, right, frameEnd);
    // A cut cell's lines are shared out between its parts, in proportion to their rows.
    const lines = measured.lines.get(cell) ?? [];
    const before = cutAbove ? Math.round((lines.length * (start - cell.row)) / cell.rows) : 0;
    const count = cutBelow
      ? Math.round((lines.length * (last + 1 - cell.row)) / cell.rows) - before
      : lines.length - before;
    lines.slice(before, before + count).forEach((line, i) => {
      words += text(h, left + PAD, top + inset + PAD + FS + i * LEADING, line);
    });
  }
  if (measured.inset > 0) {
    // The table's own frame, the spacing outside the cells' frames; open where a break cuts it.
    const [outerLeft, outerRight] = [
      x0 - measured.inset,
      (xs[xs.length - 1] ?? 0) + measured.inset,
    ];
    const outerTop = part.open && rows[0] !== 0 ? part.top : part.top - measured.inset;
    const outerEnd = part.open && part.to < ALL_ROWS ? bottom : bottom + measured.inset;
    if (!(part.open && rows[0] !== 0)) rules += line(outerLeft, outerTop, outerRight, outerTop);
    if (!(part.open && part.to < ALL_ROWS))
      rules += line(outerLeft, outerEnd, outerRight, outerEnd);
    rules += line(outerLeft, outerTop, outerLeft, outerEnd);
    rules += line(outerRight, outerTop, outerRight, outerEnd);
  }
  if (scale !== 1) rules = `q ${n(scale)} 0 0 ${n(scale)} 0 0 cm\n${rules}Q\n`;
  return { rules, words, bottom };
}

// ---------------------------------------------------------------------------------------------
// The fixtures

const TITLE = '平安区人民政府2021年政府信息公开工作年度报告';
const HEADING = '三、收到和处理政府信息公开申请情况';
const A4 = { width: 595, height: 842 };
const CELLS = table();
const MEASURED = measure(CELLS);
const ALL_ROWS = MEASURED.heights.length;

// Separate borders: each frame half the spacing inside its slot.
const SEPARATE = measure(CELLS, SPACING / 2);

/** The title, a line of prose and the heading, then the table from y 110 on one tall page. */
function onePage(style: Style, scale = 1): { page: PageSpec; words: string; rules: string } {
  const measured = style === 'separate' ? SEPARATE : MEASURED;
  const height = 140 + measured.heights.reduce((a, b) => a + b, 0);
  const head =
    text(height, 60, 40, TITLE, 14) +
    text(height, 60, 70, '本年度共收到政府信息公开申请8件，上年结转1件。') +
    text(height, 60, 95, HEADING, 11);
  const part = { from: HEADER_ROWS, to: ALL_ROWS, top: 110, header: true, open: false };
  const { rules, words } = drawPart(height, CELLS, measured, part, style, scale);
  return { page: { ...A4, height, content: '' }, words: head + words, rules };
}

/** Every character the fixtures print, for the font's ToUnicode map. */
const ALL_TEXT =
  [TITLE, HEADING, ...CELLS.map((cell) => cell.text)].join('') +
  '本年度共收到政府信息公开申请件，上年结转。0123456789/:-第页共 ';

function write(name: string, pages: PageSpec[], extra = ''): void {
  writeFileSync(`${OUT}${name}`, pdfFile(pages, ALL_TEXT + extra));
}

// Chromium's way: every border a thin filled rectangle, drawn through a scaling transform.
{
  const { page, words, rules } = onePage('filled', 0.5);
  write('lattice-filled.pdf', [{ ...page, content: rules + words }]);
}

// Stroked lines, one piece per cell side, inside a form XObject placed with a matrix.
{
  const { page, words, rules } = onePage('stroked');
  const form =
    `<< /Type /XObject /Subtype /Form /BBox [0 0 ${page.width} ${page.height}]` +
    ` /Matrix [1 0 0 1 20 0] /Length ${rules.length + 26} >>\nstream\n` +
    `q 1 0 0 1 -20 0 cm 0.5 w\n${rules}Q\nendstream`;
  write('lattice-stroked-form.pdf', [
    { ...page, content: `q /Rules Do Q\n${words}`, xobjects: { Rules: form } },
  ]);
}

// Dashed rulings drawn dash by dash, on a page turned by /Rotate 90 (the table drawn in landscape
// through a transform, as a landscape print on a portrait sheet is).
{
  const { page, words, rules } = onePage('dashed');
  const turn = `q 0 1 -1 0 ${page.height} 0 cm\n`;
  write('lattice-dashed-rotated.pdf', [
    {
      width: page.height,
      height: page.width,
      rotate: 90,
      content: `${turn}${rules}${words}Q\n`,
    },
  ]);
}

// Dotted borders: rows of round dots, as a site's `border: 1px dotted` prints.
{
  const { page, words, rules } = onePage('dotted');
  write('lattice-dotted.pdf', [{ ...page, content: rules + words }]);
}

// Separate borders (cellspacing): every cell framed on its own, the frames 6 pt apart, inside the
// table's own frame.
{
  const { page, words, rules } = onePage('separate');
  write('lattice-separate.pdf', [{ ...page, content: rules + words }]);
}

/** Chromium's header and footer lines, in its margins: date and title, address and n/m. */
function chromiumFurniture(h: number, page: number, pages: number): string {
  return (
    text(h, 20, 14, '2026/1/5 10:00', 7) +
    text(h, 380, 14, TITLE, 7) +
    text(h, 20, h - 10, 'file:///tmp/report.html', 7) +
    text(h, 555, h - 10, `${page}/${pages}`, 7)
  );
}

/**
 * The table over two A4 pages as Chromium prints it: the cells the break cuts left open (三、本年度办理结果
 * and （三）不予公开 run on), its header and footer lines in the margins, and the header rows repeated
 * on the second page when `repeat` (a table with a <thead>).
 */
function chromiumTwoPages(
  name: string,
  style: Style,
  measured: ReturnType<typeof measure>,
  repeat: boolean,
  scale = 1,
): void {
  const h = A4.height;
  const cut = HEADER_ROWS + 8;
  const head = text(h, 60, 60, TITLE, 14) + text(h, 60, 95, HEADING, 11);
  const parts = [
    { from: HEADER_ROWS, to: cut, top: 110, header: true, open: true },
    { from: cut, to: ALL_ROWS, top: 30, header: repeat, open: true },
  ].map((part) => drawPart(h, CELLS, measured, part, style, scale));
  write(
    name,
    parts.map((part, k) => ({
      ...A4,
      content: chromiumFurniture(h, k + 1, 2) + (k === 0 ? head : '') + part.rules + part.words,
    })),
  );
}

// No header repeated, every border a thin filled rectangle drawn through a scaling transform.
chromiumTwoPages('lattice-two-pages-open.pdf', 'filled', MEASURED, false, 0.5);

// Over two A4 pages as LibreOffice prints it: the header rows repeated, every cell closed at the
// break, the group labels' text shared out between the two parts, page numbers at the foot.
{
  const h = A4.height;
  const cut = HEADER_ROWS + 13;
  const head = text(h, 60, 60, TITLE, 14) + text(h, 60, 95, HEADING, 11);
  const foot = (page: number) => text(h, 285, h - 30, `- ${page} -`);
  const first = drawPart(
    h,
    CELLS,
    MEASURED,
    { from: HEADER_ROWS, to: cut, top: 110, header: true, open: false },
    'stroked',
  );
  const second = drawPart(
    h,
    CELLS,
    MEASURED,
    { from: cut, to: ALL_ROWS, top: 50, header: true, open: false },
    'stroked',
  );
  write('lattice-two-pages-closed.pdf', [
    { ...A4, content: head + first.rules + first.words + foot(1) },
    { ...A4, content: second.rules + second.words + foot(2) },
  ]);
}

// Separate borders with a <thead>: the header rows repeated on the second page, the table's frame
// open at the break.
chromiumTwoPages('lattice-separate-two-pages.pdf', 'separate', SEPARATE, true);

// The national headings with lines that form no table under them: a page frame, a rule under the
// title, an underlined word, an empty box, a rule, a frame of two stacked boxes around a note.
const SECTIONS = ['二、主动公开政府信息情况', HEADING, '四、政府信息公开行政复议、行政诉讼情况'];
const NOTE = '（本节内容见附件）';
const PROSE =
  '本年度本机关认真贯彻落实《中华人民共和国政府信息公开条例》，依法做好政府信息公开工作。';
{
  const h = A4.height;
  const line = (x0: number, y0: number, x1: number, y1: number) =>
    rule(h, 'stroked', x0, y0, x1, y1);
  const box = (x0: number, y0: number, x1: number, y1: number) =>
    line(x0, y0, x1, y0) + line(x1, y0, x1, y1) + line(x1, y1, x0, y1) + line(x0, y1, x0, y0);
  const content =
    box(30, 30, 565, 812) +
    text(h, 60, 70, TITLE, 14) +
    line(60, 80, 535, 80) +
    text(h, 60, 110, PROSE) +
    line(60, 112, 96, 112) +
    text(h, 60, 150, SECTIONS[0] as string, 11) +
    box(60, 160, 535, 260) +
    text(h, 60, 290, SECTIONS[1] as string, 11) +
    line(60, 300, 535, 300) +
    text(h, 60, 340, SECTIONS[2] as string, 11) +
    box(60, 350, 535, 420) +
    line(60, 385, 535, 385) +
    text(h, 70, 372, NOTE) +
    text(h, 70, 407, NOTE);
  write('lines-no-table.pdf', [{ ...A4, content }], PROSE + NOTE + SECTIONS.join(''));
}

// The same headings with each table drawn as an image: no text, no rulings under them.
{
  const h = A4.height;
  const grey = '80'.repeat(16);
  const image =
    '<< /Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray' +
    ` /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length ${grey.length + 1} >>\nstream\n${grey}>\nendstream`;
  const picture = (top: number) => `q 475 0 0 100 60 ${h - top - 100} cm /Table Do Q\n`;
  const content =
    text(h, 60, 70, TITLE, 14) +
    text(h, 60, 110, PROSE) +
    SECTIONS.map(
      (section, k) => text(h, 60, 150 + 160 * k, section, 11) + picture(160 + 160 * k),
    ).join('');
  write(
    'table-image.pdf',
    [{ ...A4, content, xobjects: { Table: image } }],
    PROSE + SECTIONS.join(''),
  );
}
