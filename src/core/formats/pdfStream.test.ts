import { describe, expect, it } from 'vitest';
import { layoutPages } from './pdfLayout';
import type { PdfPageText, PdfTextRun } from './pdfText';

// The stream reading of tables drawn without ruling lines (SPEC R12.1–R12.9, R12.21), from runs made
// by hand as pdf.js gives them: top-left origin, y down, y the baseline.

function run(str: string, x: number, y: number, fontSize = 12, width?: number): PdfTextRun {
  const wide = [...str].reduce((w, char) => w + (/[\x20-\x7e]/.test(char) ? 0.5 : 1), 0);
  return { str, x, y, fontSize, width: width ?? wide * fontSize, vertical: false };
}

const page = (runs: PdfTextRun[]): PdfPageText => ({ width: 595, height: 842, runs });
const lay = (...pages: PdfTextRun[][]) => layoutPages(pages.map(page));
const lines = (...pages: PdfTextRun[][]) => lay(...pages).text.split('\n');
/** A line of prose across the page: a table's lines are narrow against it (R12.3). */
const PROSE = '本年度全区共收到政府信息公开申请70件，依法依规办结69件，1件结转下年度继续办理。';
const prose = (y: number) => run(PROSE, 37, y, 12);

describe('stream reading: labels and headers', () => {
  // Text between a label and its numbers that is no part of the label (each `[text, x, y]`, with the
  // block's font size): a header over a value column, set left in a wide cell beside the label
  // column's header; the title of the next block, centred over the table under a row.
  it.each([
    {
      name: 'a header over a value column',
      fs: 14,
      runs: [
        ['信息内容', 90, 100],
        ['本年处理决定数量', 234, 100],
        ['行政许可', 90, 130],
        ['2293', 364, 130],
      ],
      text: ['信息内容', '本年处理决定数量', '行政许可 2293'],
    },
    {
      name: 'the title of the next block',
      fs: 10.5,
      runs: [
        ['行政许可', 93, 100],
        ['9487', 357, 100],
        ['第二十条第（六）项', 251, 122.5],
        ['信息内容', 93, 145],
        ['本年处理决定数量', 327, 145],
        ['行政处罚', 93, 167.5],
        ['2776', 357, 167.5],
      ],
      text: [
        '行政许可 9487',
        '第二十条第（六）项',
        '信息内容',
        '本年处理决定数量',
        '行政处罚 2776',
      ],
    },
  ] as const)(
    'R12.5 $name between a label and its numbers is not the row’s label',
    ({ fs, runs, text }) => {
      expect(lines(runs.map(([str, x, y]) => run(str, x, y, fs)))).toEqual(text);
    },
  );

  it('R12.5 a centred label’s short last line, far from its left edge, ends the label', () => {
    // Centred in its cell: 5.要求…确认 / 或重新…信 / 息, the numbers on the last line, the group label's
    // part 予处理 beside them.
    expect(
      lines([
        run('4.无正当理由', 141.3, 80, 10.5),
        ...[0, 0].map((value, k) => run(String(value), 259 + 43 * k, 80, 10.5)),
        run('5.要求行政机关确认', 141.3, 100, 10.5),
        run('(五)不', 101.7, 115, 10.5),
        run('或重新出具已获取信', 140.5, 115, 10.5),
        run('予处理', 100, 130, 10.5),
        run('息', 182.5, 130, 10.5),
        ...[0, 0].map((value, k) => run(String(value), 259 + 43 * k, 130, 10.5)),
      ]),
    ).toContain('5.要求行政机关确认或重新出具已获取信息 0 0');
  });

  it('R12.5 a row number in Kangxi radicals (⼆、, as Chromium prints 二) begins a label', () => {
    // The numbers between the label's lines, the first indented against the row above: it begins the
    // row below, never continues the one above (its last line, out of the column, stays a line).
    expect(
      lines([
        prose(60),
        run('⼀、本年新收政府信息公开申请数量', 47, 100, 14),
        ...[64, 70].map((value, k) => run(String(value), 288 + 40 * k, 100, 14)),
        run('⼆、上年结转政府信息公开申请数', 68, 131, 14),
        ...[0, 0].map((value, k) => run(String(value), 288 + 40 * k, 141.5, 14)),
        run('量', 47, 152.7, 14),
      ]),
    ).toEqual([
      PROSE,
      '⼀、本年新收政府信息公开申请数量 64 70',
      '⼆、上年结转政府信息公开申请数 0 0',
      '量',
    ]);
  });

  it('R12.5 a block’s title is no label of numbers that have none', () => {
    // The title centred over the table under numbers printed apart from their row: the numbers stay
    // without a label rather than take the title for one.
    const text = lines([
      prose(60),
      run('行政许可', 40, 100, 12),
      run('550', 420, 100, 12),
      run('22', 420, 130, 12),
      run('第二十条第（六）项', 180, 155, 12),
    ]);
    expect(text.slice(1)).toEqual(['行政许可 550', '22', '第二十条第（六）项']);
  });

  // 表三's （四） rows: labels in their column at x 169, the second wrapped around its numbers, and the
  // group label （四）无法提供 in its narrow column at x 106 as `group` sets it.
  const unable = (group: PdfTextRun[]) => [
    run('1.本机关不掌握相关政府信息', 169, 100),
    ...[22, 0].map((value, i) => run(String(value), 288 + 42 * i, 100)),
    run('2.没有现成信息需', 169, 131),
    ...[0, 0].map((value, i) => run(String(value), 288 + 42 * i, 142)),
    run('要另行制作', 169, 153),
    run('3.补正后申请内容仍不明确', 169, 186),
    ...[0, 0].map((value, i) => run(String(value), 288 + 42 * i, 186)),
    ...group,
  ];

  it('R12.5 text in the label column beside a group label’s part on the numbers’ line is still the label', () => {
    expect(lines(unable([run('（四）', 106, 120), run('无法提', 106, 142)]))).toContain(
      '2.没有现成信息需要另行制作 0 0',
    );
  });

  it('R12.1 a value before the text of a row’s line is text: 无 of a group label 无法提供 beside the row', () => {
    // Justified in its narrow column, 无 stands apart from 法提, and alone it reads as a value.
    const text = lines(
      unable([
        run('（四）', 106, 120),
        run('无', 106, 142),
        run('法 提', 127, 142, 12, 34),
        run('供', 106, 164),
      ]),
    );
    expect(text).toContain('2.没有现成信息需要另行制作 0 0');
    expect(text.filter((line) => /^无/.test(line) && /\d/.test(line))).toEqual([]);
  });
});

/** The text that a layout's spans cover. */
const covered = (text: string, spans: readonly [number, number][]) =>
  spans.map(([start, end]) => text.slice(start, end));

describe('stream reading: columns from alignment', () => {
  // A 2021 表三 set without rulings in 10-point type: labels at x 40, seven columns 50 apart from x 240,
  // the numbers left in their columns. 申请人情况 and 法人或其他组织 span columns; 社会公益 / 组织 is a
  // word wrapped in its cell.
  const COLUMN = [240, 290, 340, 390, 440, 490, 540];
  const header = (y: number): PdfTextRun[] => [
    run('申请人情况', 240, y, 10),
    run('自然人', 240, y + 24, 10),
    run('法人或其他组织', 290, y + 24, 10),
    run('总计', 540, y + 24, 10),
    ...['商业企业', '科研机构', '社会公益', '法律服务', '其他'].map((word, k) =>
      run(word, COLUMN[k + 1] as number, y + 48, 10),
    ),
    run('组织', 390, y + 62, 10),
    run('机构', 440, y + 62, 10),
  ];
  /** A row: its label at x 40, its values in the columns given (null: a blank cell). */
  const row = (label: string, values: readonly (number | null)[], y: number): PdfTextRun[] => [
    run(label, 40, y, 10),
    ...values.flatMap((value, k) =>
      value === null ? [] : [run(String(value), COLUMN[k] as number, y, 10)],
    ),
  ];
  const blank = (value: number) => [value, null, null, null, null, null, value];

  it('R12.24 R12.25 columns come from the header where no row prints them all; blanks are kept (R12.4)', () => {
    const { text, unruled, aligned } = lay([
      ...header(100),
      ...row('一、本年新收政府信息公开申请数量', blank(26), 200),
      ...row('二、上年结转政府信息公开申请数量', blank(0), 230),
    ]);
    expect(text.split('\n').slice(-2)).toEqual([
      '一、本年新收政府信息公开申请数量 | 26 | | | | | | 26 |',
      '二、上年结转政府信息公开申请数量 | 0 | | | | | | 0 |',
    ]);
    // Seven columns told by the header alone are an inference: the rows stay a guess (R12.21).
    expect(aligned).toEqual([]);
    expect(covered(text, unruled)[0]).toMatch(/^申请人情况[^]*\| 0 \|$/);
  });

  it('R12.21 R12.24 a row printing every column confirms the count: the table is aligned, not a guess', () => {
    const { text, unruled, aligned } = lay([
      ...header(100),
      ...row('一、本年新收政府信息公开申请数量', [5, 2, null, null, null, 1, 8], 200),
      ...row('二、上年结转政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 1], 230),
    ]);
    expect(text).toContain('一、本年新收政府信息公开申请数量 | 5 | 2 | | | | 1 | 8 |');
    expect(text).toContain('二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1');
    expect(unruled).toEqual([]);
    expect(covered(text, aligned)[0]).toMatch(/^申请人情况[^]* 1 0 0 0 0 0 1$/);
  });

  it('R12.24 characters of a header word spread by justification are one column', () => {
    // 自然 / 人 in a narrow cell: 然 stands 0.5 fs right of 自, with nothing under it.
    const runs = header(100).filter((item) => item.str !== '自然人');
    runs.push(run('自', 240, 124, 10), run('然', 255, 124, 10), run('人', 240, 138, 10));
    const { text } = lay([...runs, ...row('一、本年新收政府信息公开申请数量', blank(26), 200)]);
    expect(text).toContain('一、本年新收政府信息公开申请数量 | 26 | | | | | | 26 |');
  });

  it('R12.24 header text beyond the numbers’ last column, under which nothing is printed, gives no columns', () => {
    // The table ran off the page: 总计 and its numbers were never printed; the rows print 自然人 alone.
    const runs = header(100).filter((item) => item.str !== '总计');
    const { text, unruled } = lay([
      ...runs,
      ...row('一、本年新收政府信息公开申请数量', [26], 200),
      ...row('二、上年结转政府信息公开申请数量', [0], 230),
    ]);
    expect(text).toContain('一、本年新收政府信息公开申请数量 26');
    expect(unruled).toHaveLength(1);
  });

  it('R12.24 a header set left in a wide cell over a number centred in it is that number’s column', () => {
    const { text, unruled, aligned } = lay([
      run('信息内容', 90, 100, 14),
      run('本年处理决定数量', 234, 100, 14),
      run('行政许可', 90, 130, 14),
      run('2293', 364, 130, 14),
    ]);
    expect(text.split('\n')).toEqual(['信息内容', '本年处理决定数量', '行政许可 2293']);
    expect(unruled).toEqual([]);
    expect(aligned).toHaveLength(1);
  });

  it('R12.23 R12.24 a block’s title is no column, and the next block has columns of its own', () => {
    // 表二: a title centred between two header words, three columns, then a block of one column.
    const { text, unruled } = lay([
      run('第二十条第（一）项', 305, 80, 10),
      run('信息内容', 40, 100, 10),
      ...['本年制发件数', '本年废止件数', '现行有效件数'].map((word, k) =>
        run(word, 240 + 160 * k, 100, 10),
      ),
      ...[0, 0, 0].map((value, k) => run(String(value), 265 + 160 * k, 120, 10)),
      run('规章', 40, 120, 10),
      ...[69, 3].map((value, k) => run(String(value), 265 + 160 * k, 140, 10)),
      run('行政规范性文件', 40, 140, 10),
      run('第二十条第（五）项', 305, 160, 10),
      run('信息内容', 40, 180, 10),
      run('本年处理决定数量', 240, 180, 10),
      run('行政许可', 40, 200, 10),
      run('2293', 265, 200, 10),
    ]);
    expect(text.split('\n')).toEqual([
      '第二十条第（一）项',
      '信息内容',
      '本年制发件数',
      '本年废止件数',
      '现行有效件数',
      '规章 0 0 0',
      '行政规范性文件 | 69 | 3 | |',
      '第二十条第（五）项',
      '信息内容',
      '本年处理决定数量',
      '行政许可 2293',
    ]);
    expect(unruled).toEqual([]);
  });

  it('R12.25 a number that crosses the bound between two columns leaves its row to the equations', () => {
    const { text, unruled } = lay([
      ...header(100),
      ...row('一、本年新收政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 1], 200),
      run('二、上年结转政府信息公开申请数量', 40, 230, 10),
      run('3', 240, 230, 10),
      run('12', 331, 230, 10),
    ]);
    expect(text).toContain('二、上年结转政府信息公开申请数量 3 12');
    expect(unruled).toHaveLength(1);
  });

  it('R12.23 rows at the top of the next page, parted from their block by a label’s last line, run it on', () => {
    const { text, unruled, aligned } = lay(
      [...header(600), ...row('一、本年新收政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 1], 700)],
      [
        run('信息公开申请数量', 40, 30, 10),
        ...row('二、上年结转政府信息公开申请数量', blank(2), 80),
      ],
    );
    expect(text).toContain('二、上年结转政府信息公开申请数量 | 2 | | | | | | 2 |');
    expect(unruled).toEqual([]);
    expect(aligned).toHaveLength(2);
  });

  it('R12.26 a line of values alone just above a row, in the columns it leaves blank, is part of that row', () => {
    // A cell aligned to its top while the row's others are centred (Word, LibreOffice).
    const { text, unruled } = lay([
      run('信息内容', 62, 241, 12),
      ...['本年新制作数量', '本年新公开数量', '对外公开总数量'].map((word, k) =>
        run(word, 195 + 110 * k, 241, 12, 90),
      ),
      run('0', 195, 271, 12),
      run('规章', 62, 283, 12),
      run('0', 305, 283, 12),
      run('0', 415, 283, 12),
      run('规范性文件', 62, 312, 12),
      ...[89, 89, 89].map((value, k) => run(String(value), 195 + 110 * k, 312, 12)),
    ]);
    expect(text.split('\n').slice(-2)).toEqual(['规章 0 0 0', '规范性文件 89 89 89']);
    expect(unruled).toEqual([]);
  });
});

describe('stream reading: a table over a page break', () => {
  it('R12.26 R12.5 a number set apart from its row joins it before the next block’s title can take it', () => {
    expect(
      lines([
        run('其他对外管理服务事项', 11, 100, 12),
        run('0', 250, 100, 12),
        run('153', 328, 100, 12),
        run('10', 142, 106.8, 12),
        run('第二十条第（六）项', 11, 132.3, 12),
      ]),
    ).toEqual(['其他对外管理服务事项 10 0 153', '第二十条第（六）项']);
  });

  it('R12.9 a number in the margin beside a table’s row is its cell, no page number', () => {
    // Set in a smaller type and aligned to its cell's bottom, the number stands 0.5 fs under its row,
    // in the page's top margin.
    const text = lines([
      run('信息内容', 11, 43, 12),
      ...['制作数量', '公开数量', '总数量'].map((word, k) => run(word, 142 + 108 * k, 43, 12)),
      run('规章', 11, 69, 12),
      run('0', 250, 69, 12),
      run('0', 358, 69, 12),
      run('0', 142, 75, 10),
      run('规范性文件', 11, 95, 12),
      ...[89, 89, 89].map((value, k) => run(String(value), 142 + 108 * k, 95, 12)),
    ]);
    expect(text).toContain('规章 0 0 0');
  });

  const header = (y: number): PdfTextRun[] => [
    run('申请人情况', 300, y, 10),
    run('自然人', 250, y + 20, 10),
    run('总计', 400, y + 20, 10),
  ];
  const row = (label: string, value: number, y: number): PdfTextRun[] => [
    run(label, 40, y, 10),
    run(String(value), 250, y, 10),
    run(String(value), 400, y, 10),
  ];

  it('R12.27 R12.9 a header repeated at the top of the next page is read once; at the foot of a page it is no running head', () => {
    const text = lines(
      [...header(770), ...row('一、本年新收政府信息公开申请数量', 21, 815)],
      [...header(20), ...row('二、上年结转政府信息公开申请数量', 0, 65)],
    );
    expect(text).toEqual([
      '申请人情况',
      '自然人',
      '总计',
      '一、本年新收政府信息公开申请数量 21 21',
      '二、上年结转政府信息公开申请数量 0 0',
    ]);
  });

  it('R12.27 a repeated header followed by the first row’s label on lines of its own is still read once', () => {
    const text = lines(
      [...header(770), ...row('一、本年新收政府信息公开申请数量', 21, 815)],
      [
        ...header(20),
        run('二、上年结转政府', 40, 55, 10),
        ...row('信息公开申请数量', 0, 67),
        run('（单位：件）', 40, 79, 10),
      ],
    );
    expect(text.filter((line) => line === '申请人情况')).toHaveLength(1);
    expect(text.join('\n')).toContain('二、上年结转政府');
  });

  it('R12.27 a page that ends in a block’s title starts a new block: its header is read, however like the last', () => {
    const block = (y: number): PdfTextRun[] => [
      run('信息内容', 40, y, 10),
      run('本年处理决定数量', 250, y, 10),
    ];
    const text = lines(
      [
        ...block(700),
        run('行政许可', 40, 720, 10),
        run('2293', 280, 720, 10),
        run('第二十条第（六）项', 200, 740, 10),
      ],
      [...block(60), run('行政处罚', 40, 80, 10), run('1282', 280, 80, 10)],
    );
    expect(text.filter((line) => line === '本年处理决定数量')).toHaveLength(2);
  });
});
