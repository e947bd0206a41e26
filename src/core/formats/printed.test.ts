import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { goldenCases, readFixture } from '../../../scripts/golden';
import { parseReport } from '../report';
import type { Report } from '../types';
import { readDocx } from './docx';
import { readHtml } from './html';
import { printedTables, type PrintedTable } from './printed';

const page = (body: string) => new TextEncoder().encode(`<html><body>${body}</body></html>`);

function displayText(bytes: Uint8Array, format: 'html' | 'docx'): string {
  const read = format === 'docx' ? readDocx(bytes) : readHtml(new TextDecoder().decode(bytes));
  if (!read.ok) throw new Error(read.message);
  return read.text;
}

/** The tables as `text rowSpan×colSpan` per cell, row by row. */
const shapes = (tables: readonly PrintedTable[]) =>
  tables.map((table) =>
    table.rows.map((row) => row.map((cell) => `${cell.text} ${cell.rowSpan}×${cell.colSpan}`)),
  );

/** Every printed cell's span covers its text in the display text (a blank cell: nothing, before its `|`). */
function expectSpansInText(tables: readonly PrintedTable[], text: string): void {
  for (const table of tables)
    for (const row of table.rows)
      for (const cell of row) {
        expect(text.slice(...cell.span)).toBe(cell.text);
        expect(text.slice(cell.span[1], cell.span[1] + 2)).toMatch(
          cell.text === '' ? /^\|/ : /^ \|/,
        );
      }
}

describe('printedTables (R11.20)', () => {
  it('R11.20 an HTML table: cells in the row where they start, spans as expanded, blank cells kept', () => {
    const bytes = page(`<p>前言</p><table>
      <tr><td rowspan="2">信息内容</td><td colspan="2">本年</td><td rowspan="9">注</td></tr>
      <tr><td>新制作</td><td>&nbsp;</td></tr>
      <tr><td>规章</td><td>0</td><td>1<br>2</td></tr>
    </table><p>后记</p>`);
    const tables = printedTables(bytes, 'html');
    expect(tables && shapes(tables)).toEqual([
      [
        ['信息内容 2×1', '本年 1×2', '注 3×1'],
        ['新制作 1×1', ' 1×1'],
        ['规章 1×1', '0 1×1', '1 2 1×1'],
      ],
    ]);
    expectSpansInText(tables ?? [], displayText(bytes, 'html'));
  });

  it('R11.20 a layout container is no printed table; the tables inside it are, in document order', () => {
    const bytes = page(`<table><tr><td>栏目</td><td>
        <table><tr><td>甲</td><td>1</td></tr></table>
        <table><tr><td>乙</td><td>2</td></tr></table>
      </td></tr></table>
      <table><tr><td>丙</td><td>3</td></tr></table>`);
    const tables = printedTables(bytes, 'html');
    expect(tables && shapes(tables)).toEqual([
      [['甲 1×1', '1 1×1']],
      [['乙 1×1', '2 1×1']],
      [['丙 1×1', '3 1×1']],
    ]);
    expectSpansInText(tables ?? [], displayText(bytes, 'html'));
  });

  it('R11.20 a DOCX table: w:gridSpan is the colspan, w:vMerge the rowspan', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const tc = (text: string, properties = '') =>
      `<w:tc><w:tcPr>${properties}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
    const body =
      `<w:p><w:r><w:t>标题</w:t></w:r></w:p><w:tbl>` +
      tr(tc('项目', '<w:vMerge w:val="restart"/>'), tc('本年', '<w:gridSpan w:val="2"/>')) +
      tr(tc('', '<w:vMerge/>'), tc('新收'), tc('办结')) +
      tr(tc('申请'), tc('5'), tc('4')) +
      `</w:tbl>`;
    const bytes = zipSync({
      'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`),
    });
    const tables = printedTables(bytes, 'docx');
    expect(tables && shapes(tables)).toEqual([
      [
        ['项目 2×1', '本年 1×2'],
        ['新收 1×1', '办结 1×1'],
        ['申请 1×1', '5 1×1', '4 1×1'],
      ],
    ]);
    expectSpansInText(tables ?? [], displayText(bytes, 'docx'));
  });

  it('R11.20 a file the reader refuses has no printed tables', () => {
    expect(printedTables(strToU8('not a zip'), 'docx')).toBeNull();
    expect(printedTables(page('<p>没有表格</p>'), 'html')).toEqual([]);
  });
});

// Every golden report read from a page or a DOCX, with its hand-checked cells.
const cases = goldenCases().filter(({ path }) => /\.(?:html|docx)$/.test(path));

/** The report's cells with a value whose key was checked by hand. */
function checkedCells(report: Report, truth: Record<string, number | null>) {
  return report.tables.flatMap((table) =>
    table.rows.flatMap((row) =>
      Object.entries(row.cells).flatMap(([column, cell]) => {
        const key = `${table.id}/${row.key}/${column}`;
        return key in truth && cell.kind !== 'blank' && cell.span
          ? [{ key, span: cell.span, raw: cell.raw }]
          : [];
      }),
    ),
  );
}

describe.each(cases)('printed tables of $path', ({ path, truth }) => {
  it('R11.21 every hand-checked value cell lies within exactly one printed cell, of its text', async () => {
    const bytes = readFixture(path);
    const parsed = await parseReport(bytes, path.split('/').pop() ?? path);
    const tables = printedTables(bytes, path.endsWith('.docx') ? 'docx' : 'html');
    expect(parsed.ok && tables).toBeTruthy();
    if (!parsed.ok || !tables) return;
    const printed = tables.flatMap((table) => table.rows.flat());
    expectSpansInText(tables, parsed.report.text);
    const cells = checkedCells(parsed.report, truth.cells);
    expect(cells.length).toBeGreaterThan(20);
    for (const { key, span, raw } of cells) {
      const within = printed.filter((cell) => cell.span[0] <= span[0] && cell.span[1] >= span[1]);
      expect(
        within.map((cell) => cell.text),
        key,
      ).toEqual([raw]);
    }
  });
});
