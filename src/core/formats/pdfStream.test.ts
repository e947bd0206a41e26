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
