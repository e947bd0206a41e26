import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../report';
import type { Report } from '../types';
import { htmlCharset } from './charset';
import { flattenTable } from './flatten';
import { readHtml } from './html';

const corpus = new URL('../fixtures/corpus/', import.meta.url);
const text = (html: string): string => {
  const result = readHtml(html);
  if (!result.ok) throw new Error(result.message);
  return result.text;
};
const lines = (html: string) => text(html).split('\n');

describe('readHtml on small pages', () => {
  it('R11.1 writes block-level text as lines; inline elements add no separator', () => {
    const html =
      '<h1>标题</h1><p>第一段<b>加粗</b>文字</p><div>甲<br>乙</div><ul><li>一</li><li>二</li></ul>' +
      '<p><span>政府</span><span>信息</span><a href="#">公开</a></p>';
    expect(lines(html)).toEqual(['标题', '第一段加粗文字', '甲', '乙', '一', '二', '政府信息公开']);
  });

  it('R11.1 collapses whitespace runs, drops empty lines and keeps NBSP inside a line', () => {
    const html = '<p>  共 \n\t 公开   </p><p>&nbsp;</p><p></p><p>本年新&nbsp;制作</p>';
    expect(lines(html)).toEqual(['共 公开', '本年新\u00a0制作']);
  });

  it('R11.2 expands rowspan and colspan through an occupancy grid', () => {
    const html = `<table>
      <tr><td rowspan="2">信息内容</td><td colspan="2">本年</td><td>合计</td></tr>
      <tr><td>新制作</td><td>新公开</td><td>总数</td></tr>
      <tr><td>规章</td><td>0</td><td>1</td><td>2</td></tr>
    </table>`;
    expect(lines(html)).toEqual([
      '信息内容 |',
      '本年 |',
      '合计 |',
      '|',
      '新制作 |',
      '新公开 |',
      '总数 |',
      '|',
      '规章 |',
      '0 |',
      '1 |',
      '2 |',
    ]);
  });

  it('R11.2 counts every slot a cell covers in the row of that slot', () => {
    // A 3×3 block in the corner (the 勾稽关系 note of 表三), then a 7-wide header beside it.
    const flat = flattenTable([
      [
        { text: '注', rowspan: 3, colspan: 3 },
        { text: '申请人情况', rowspan: 1, colspan: 7 },
      ],
      [
        { text: '自然人', rowspan: 2, colspan: 1 },
        { text: '法人或其他组织', rowspan: 1, colspan: 5 },
        { text: '总计', rowspan: 2, colspan: 1 },
      ],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((name) => ({
        text: name,
        rowspan: 1,
        colspan: 1,
      })),
    ]);
    expect(flat.lines.filter((line) => /^\|+$/.test(line))).toEqual([
      '|'.repeat(8),
      '|'.repeat(7),
      '|'.repeat(5),
    ]);
    expect(flat.spansIgnored).toBe(false);
  });

  it('R11.3 writes a blank cell as a bare `|`; a cell is one trimmed line', () => {
    const html = `<table><tr>
      <td>&nbsp;</td><td>  </td><td><p>本年新</p><p>制作数量</p></td><td>结果<br/>纠正</td>
      <td>\u00a0 26 \u00a0</td><td><span>1</span><span>5</span></td>
    </tr></table>`;
    expect(lines(html)).toEqual(['|', '|', '本年新 制作数量 |', '结果 纠正 |', '26 |', '15 |']);
  });

  it('R11.4 treats a table holding a table as a layout container', () => {
    const html = `<table><tr>
      <td>导航</td>
      <td><p>二、主动公开政府信息情况</p>
        <table><tr><td>规章</td><td>0</td></tr><tr><td>规范性文件</td><td>8</td></tr></table>
        <p>三、收到和处理</p>
      </td>
    </tr></table>`;
    expect(lines(html)).toEqual([
      '导航',
      '二、主动公开政府信息情况',
      '规章 |',
      '0 |',
      '规范性文件 |',
      '8 |',
      '三、收到和处理',
    ]);
  });

  it('R11.4 writes a frame table (one cell in every row) as lines', () => {
    const html = '<table><tr><td><p>第一段</p><p>第二段</p></td></tr><tr><td>尾</td></tr></table>';
    expect(lines(html)).toEqual(['第一段', '第二段', '尾']);
  });

  it('R11.4 writes a caption and text outside the cells before the table', () => {
    const html = '<table><caption>表一</caption><tr><td>甲</td><td>1</td></tr></table>';
    expect(lines(html)).toEqual(['表一', '甲 |', '1 |']);
  });

  it('R11.5 keeps the title as the first line and never shows scripts, styles or comments', () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某局2023年报告</title>
      <style>p { color: red }</style><script>var x = "脚本";</script></head>
      <body><!-- 注释 --><noscript>请启用脚本</noscript><template><p>模板</p></template>
      <p>正文<script>document.write("注入")</script></p>
      <p><a href="javascript:alert(1)">javascript:alert(1)</a></p>
      <svg><title>图标</title><text>图</text></svg><p><ruby>政<rp>(</rp><rt>zhèng</rt><rp>)</rp></ruby>府</p>
      <iframe src="https://example.invalid/">框架</iframe></body></html>`;
    expect(lines(html)).toEqual(['某局2023年报告', '正文', 'javascript:alert(1)', '政府']);
  });

  it('R11.5 ends <head> at the first element that cannot be in it', () => {
    expect(lines('<head><title>题</title><p>正文</p>')).toEqual(['题', '正文']);
  });

  it('R11.6 decodes entities', () => {
    expect(lines('<p>&lt;条例&gt; &amp; &#x4E00;&#20108;&quot;三&quot; &copy;</p>')).toEqual([
      '<条例> & 一二"三" ©',
    ]);
  });

  it('R11.7 reads Word-pasted markup: `<o:p>` is empty and split spans stay one word', () => {
    const html = `<p class=MsoNormal style='mso-line-height-rule:exactly'><span lang=EN-US
      style='font-family:仿宋_GB2312;mso-hansi-font-family:Calibri'>一、本年新收</span><span
      style='mso-spacerun:yes'>政府信息公开</span><span>申请数量</span><o:p></o:p></p>
      <![if !supportLists]><p>1.<o:p>&nbsp;</o:p></p><![endif]>
      <table class=MsoNormalTable><tr><td><p class=MsoNormal><span>2</span><span>6</span><o:p></o:p></p></td>
      <td><p class=MsoNormal><o:p>&nbsp;</o:p></p></td></tr></table>`;
    expect(lines(html)).toEqual(['一、本年新收政府信息公开申请数量', '1.', '26 |', '|']);
  });

  it('R11.8 survives hostile markup: deep nesting, huge spans, unclosed tags', () => {
    const deep = '<table><tr><td>'.repeat(5000) + '深' + '</td></tr></table>'.repeat(5000);
    expect(text(deep)).toContain('深');
    const wide = `<table>${'<tr><td rowspan="65534" colspan="1000">x</td><td>1</td></tr>'.repeat(300)}</table>`;
    const result = readHtml(wide);
    expect(result.ok && result.issues.map((issue) => issue.code)).toEqual(['table-spans-ignored']);
    expect(text('<table><tr><td>甲<td>1<tr><td>乙<td>2')).toBe('甲 |\n1 |\n乙 |\n2 |');
  });
});

describe('htmlCharset', () => {
  const bytes = (html: string) => new TextEncoder().encode(html);

  it('R11.9 reads <meta charset> and the http-equiv Content-Type declaration, lower-cased', () => {
    expect(htmlCharset(bytes('<html><head><meta charset="GB2312"></head>'))).toBe('gb2312');
    expect(htmlCharset(bytes("<meta charset='utf-8' name=viewport>"))).toBe('utf-8');
    expect(htmlCharset(bytes('<META CHARSET=gbk>'))).toBe('gbk');
    expect(
      htmlCharset(bytes('<meta http-equiv="Content-Type" content="text/html; charset=GB18030" />')),
    ).toBe('gb18030');
    expect(
      htmlCharset(bytes('<meta content="text/html;charset=gbk" http-equiv=content-type>')),
    ).toBe('gbk');
  });

  it('R11.9 is null without a declaration, in comments, after 2 KB, or without the pragma', () => {
    expect(htmlCharset(bytes('<html><body>无</body></html>'))).toBeNull();
    expect(htmlCharset(bytes('<!-- <meta charset="gbk"> --><p>x</p>'))).toBeNull();
    expect(htmlCharset(bytes(`${' '.repeat(2048)}<meta charset="gbk">`))).toBeNull();
    expect(htmlCharset(bytes('<meta content="text/html; charset=gbk">'))).toBeNull();
    expect(htmlCharset(new Uint8Array(0))).toBeNull();
  });

  it('R11.9 reads the declaration of a real page, and past Chinese bytes before it', () => {
    const page = readFileSync(new URL('004_shuyang_fgj_2023.html', corpus));
    expect(htmlCharset(new Uint8Array(page))).toBe('utf-8');
    // Chinese bytes before the declaration do not hide it.
    const gb = new Uint8Array([0xc4, 0xea, 0xb1, 0xa8, ...bytes('<meta charset="gb2312">')]);
    expect(htmlCharset(gb)).toBe('gb2312');
  });
});

// The real pages and their hand-checked cells (truth/<NNN>-html.json; 004 has one truth, -src).
const pages = [
  { file: '004_shuyang_fgj_2023.html', truth: '004-src.json', flat: null },
  {
    file: '020_pingtan_qu_2019.html',
    truth: '020-html.json',
    flat: '020_pingtan_qu_2019_flat.txt',
  },
  {
    file: '022_pingtan_qu_2021.html',
    truth: '022-html.json',
    flat: '022_pingtan_qu_2021_flat.txt',
  },
  {
    file: '024_pingtan_qu_2023.html',
    truth: '024-html.json',
    flat: '024_pingtan_qu_2023_flat.txt',
  },
  {
    file: '026_pingtan_qu_2025.html',
    truth: '026-html.json',
    flat: '026_pingtan_qu_2025_flat.txt',
  },
];

interface Truth {
  meta: { agency: string; year: number; template: string };
  cells: Record<string, number | null>;
}

/** The page's bytes as text: UTF-8 when valid, else GB18030 (what the declaration says is evidence only). */
function decodePage(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function readPage(file: string): string {
  return decodePage(new Uint8Array(readFileSync(new URL(file, corpus))));
}

async function parseDisplayText(displayText: string, name: string): Promise<Report> {
  const result = await parseReport(new TextEncoder().encode(displayText), `${name}.txt`);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.report;
}

/** Compares every hand-checked cell; returns the keys that differ (missing, extra or wrong). */
function wrongCells(report: Report, truth: Truth['cells']): string[] {
  const cells = new Map<string, number | null>();
  for (const table of report.tables)
    for (const row of table.rows)
      for (const [column, cell] of Object.entries(row.cells))
        cells.set(`${table.id}/${row.key}/${column}`, cell.value);
  const wrong = Object.entries(truth)
    .filter(([key, value]) => !cells.has(key) || cells.get(key) !== value)
    .map(([key, value]) => `${key}: expected ${value}, read ${cells.get(key)}`);
  for (const key of cells.keys()) if (!(key in truth)) wrong.push(`${key}: not in the truth`);
  return wrong;
}

describe.each(pages)('golden HTML $file', ({ file, truth: truthFile, flat }) => {
  const truth = JSON.parse(readFileSync(new URL(`truth/${truthFile}`, corpus), 'utf8')) as Truth;

  it('R11.10 the display text through the text pipeline gives every hand-checked cell', async () => {
    const report = await parseDisplayText(text(readPage(file)), file);
    expect(report.meta.template).toBe(truth.meta.template);
    expect(report.meta.agency.value).toBe(truth.meta.agency);
    expect(report.meta.year.value).toBe(truth.meta.year);
    const wrong = wrongCells(report, truth.cells);
    const total = Object.keys(truth.cells).length;
    console.info(`${file}: ${total - wrong.length}/${total} cells right`);
    expect(wrong).toEqual([]);
    for (const table of report.tables)
      for (const row of table.rows)
        for (const cell of Object.values(row.cells))
          if (cell.kind !== 'blank')
            expect(report.text.slice(...(cell.span ?? [0, 0]))).toBe(cell.raw);
  });

  if (flat) {
    it('R11.10 the tables are flattened like the text copy of the same page', () => {
      // The copy is NFKC-folded and joins a cell's paragraphs without a space; otherwise line for line.
      const norm = (line: string) => line.normalize('NFKC').replace(/\s+/g, '');
      const tableLines = (source: string) =>
        source
          .split('\n')
          .filter((line) => line.endsWith('|'))
          .map(norm);
      const copy = tableLines(readFileSync(new URL(flat, corpus), 'utf8'));
      const ours = tableLines(text(readPage(file)));
      expect(ours.slice(0, copy.length)).toEqual(copy);
    });
  }
});

describe('readHtml speed', () => {
  it('R11.11 reads the 366 KB page in a few milliseconds', () => {
    const page = readPage('022_pingtan_qu_2021.html');
    for (let warm = 0; warm < 5; warm += 1) readHtml(page);
    const times: number[] = [];
    for (let run = 0; run < 21; run += 1) {
      const start = performance.now();
      readHtml(page);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[10] ?? Infinity;
    console.info(`readHtml 022 (${page.length} chars): median ${median.toFixed(2)} ms`);
    // Generous for a loaded CI machine; measured ~7 ms on the 2-core machine.
    expect(median).toBeLessThan(60);
  });
});
