// The golden reports that have national tables but no HTML original (seeds 001 and 003, text copies of
// other sites' pages; corpus 001 and 002, PDFs) rebuilt as web pages, the way a government site
// publishes a report: title, prose, the section headings and the three tables in the printed layout of
// their form, with the truth's values. Each page has the look of another kind of site (a fixed or a
// fluid column, collapsed, double, grey or dotted borders, Word-pasted cells, a repeated <thead>, site
// chrome), so that the variant farm prints tables of shapes the two sites of the corpus never had.
// `npm run variants` writes them (src/core/fixtures/rebuilt/) before it prints the HTML originals.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  APPEAL_COLUMNS,
  REQUEST_COLUMNS,
  TEMPLATES,
  type RowDef,
  type TableDef,
} from '../src/core/templates/national';
import type { Truth } from './golden';

const FIXTURES = fileURLToPath(new URL('../src/core/fixtures/', import.meta.url));
const OUT = join(FIXTURES, 'rebuilt');

type Cells = Truth['cells'];

interface Cell {
  /** A `\n` marks where the site breaks a header label onto a new line. */
  text: string;
  rowspan?: number;
  colspan?: number;
}

interface Grid {
  /** Each column's share of the table's width, in per cent. */
  widths: readonly number[];
  /** How many leading rows are the header. */
  header: number;
  rows: Cell[][];
}

// ——— The tables, as the forms of 国办公开办函〔2019〕60号 and〔2021〕30号 print them ———
// Rows, columns and labels come from the parser's templates; what is drawn here is the printed layout.

function tableDef(form: '2019' | '2021', id: string): TableDef {
  const table = TEMPLATES.find((template) => template.id === form)?.tables.find(
    (candidate) => candidate.id === id,
  );
  if (!table) throw new Error(`no table ${id} in the ${form} template`);
  return table;
}

const printed = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

/** The rows of a table that the truth has cells for: a row the report does not print is absent. */
const rowsIn = (table: TableDef, cells: Cells) =>
  table.rows.filter((row) =>
    row.columns.some((column) => `${table.id}/${row.key}/${column}` in cells),
  );

const values = (table: TableDef, row: RowDef, cells: Cells): string[] =>
  row.columns.map((column) => printed(cells[`${table.id}/${row.key}/${column}`]));

// A narrow column's heading, as the forms print it: two characters a line.
const narrow = (label: string) => label.replace(/(..)(?=.)/g, '$1\n');

// 表二's captioned blocks: which item of 第二十条 a row is printed under.
const ITEM: Record<string, string> = {
  regulations: '（一）',
  normativeDocuments: '（一）',
  licensing: '（五）',
  otherServices: '（五）',
  punishment: '（六）',
  coercion: '（六）',
  fees: '（八）',
  procurement: '（九）',
};

// The forms spread a block's value columns over three: one heading spans all three, two headings
// leave the last one two wide.
function spread(texts: readonly string[]): Cell[] {
  return texts.map((text, i) => {
    const colspan = i === texts.length - 1 ? 4 - texts.length : 1;
    return colspan > 1 ? { text, colspan } : { text };
  });
}

function activeGrid(form: '2019' | '2021', cells: Cells): Grid {
  const table = tableDef(form, 'active');
  const label = (column: string) =>
    table.columns.find((candidate) => candidate.key === column)?.label ?? column;
  const rows: Cell[][] = [];
  let block: string | undefined;
  for (const row of rowsIn(table, cells)) {
    if (ITEM[row.key] !== block) {
      block = ITEM[row.key];
      rows.push([{ text: `第二十条第${block ?? ''}项`, colspan: 4 }]);
      rows.push([{ text: '信息内容' }, ...spread(row.columns.map(label))]);
    }
    rows.push([{ text: row.label }, ...spread(values(table, row, cells))]);
  }
  return { widths: [40, 20, 20, 20], header: 0, rows };
}

// 表三's groups of 三、本年度办理结果, by the prefix of their rows' keys; （六） is one row in the 2019
// form (and in 2021 reports that kept it), a group in the 2021 form.
const GROUP: Record<string, string> = {
  denied: '（三）不予公开',
  unable: '（四）无法提供',
  notProcessed: '（五）不予处理',
  other: '（六）其他处理',
};
const OUTSIDE_RESULTS = ['newReceived', 'carriedOver', 'carriedForward'];

function requestsGrid(form: '2019' | '2021', cells: Cells): Grid {
  const table = tableDef(form, 'requests');
  const rows = rowsIn(table, cells);
  const groupOf = (row: RowDef) =>
    row.key.includes('.') ? GROUP[row.key.split('.')[0] ?? ''] : undefined;
  const line = (row: RowDef, colspan: number): Cell[] => [
    colspan > 1 ? { text: row.label, colspan } : { text: row.label },
    ...values(table, row, cells).map((text) => ({ text })),
  ];
  const results = rows
    .filter((row) => !OUTSIDE_RESULTS.includes(row.key))
    .map((row, i, all) => {
      const group = groupOf(row);
      if (!group) return line(row, 2);
      const size = all.filter((other) => groupOf(other) === group).length;
      const first = all.findIndex((other) => groupOf(other) === group) === i;
      return [...(first ? [{ text: group, rowspan: size }] : []), ...line(row, 1)];
    });
  results[0]?.unshift({ text: '三、本年度办理结果', rowspan: results.length });
  const outside = (key: string) => rows.filter((row) => row.key === key).map((row) => line(row, 3));
  const [naturalPerson, ...organisations] = REQUEST_COLUMNS.map((column) => column.label);
  const total = organisations.pop();
  return {
    widths: [8, 8, 22, 9, 9, 9, 9, 9, 9, 8],
    header: 3,
    rows: [
      [
        {
          text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
          rowspan: 3,
          colspan: 3,
        },
        { text: '申请人情况', colspan: 7 },
      ],
      [
        { text: narrow(naturalPerson ?? ''), rowspan: 2 },
        { text: '法人或其他组织', colspan: 5 },
        { text: total ?? '', rowspan: 2 },
      ],
      organisations.map((label) => ({ text: narrow(label) })),
      ...outside('newReceived'),
      ...outside('carriedOver'),
      ...results,
      ...outside('carriedForward'),
    ],
  };
}

function appealsGrid(form: '2019' | '2021', cells: Cells): Grid {
  const table = tableDef(form, 'appeals');
  const results = APPEAL_COLUMNS.map((column) => narrow(column.label));
  return {
    widths: Array.from({ length: 15 }, () => 6.67),
    header: 3,
    rows: [
      [
        { text: '行政复议', colspan: 5 },
        { text: '行政诉讼', colspan: 10 },
      ],
      [
        ...results.map((text) => ({ text, rowspan: 2 })),
        { text: '未经复议\n直接起诉', colspan: 5 },
        { text: '复议后\n起诉', colspan: 5 },
      ],
      [...results, ...results].map((text) => ({ text })),
      table.rows.flatMap((row) => values(table, row, cells).map((text) => ({ text }))),
    ],
  };
}

// ——— How sites print them ———

interface TableLook {
  /** The <table> element's attributes. */
  attributes: string;
  /** Column widths: per cent in a <colgroup>, Word's pixel width on every cell, or none. */
  widths: 'percent' | 'cells' | 'none';
  /** Header labels broken where the site broke them (with <br>, or a paragraph each in Word). */
  breaks: boolean;
  /** Word's markup in every cell: `<p class="MsoNormal"><span>…</span></p>`. */
  word: boolean;
  /** The header rows in a <thead> of <th> cells, which Chromium repeats over a page break. */
  thead: boolean;
}

// A table as most CMSs store it: no widths, no breaks, no Word markup, no <thead>.
const PLAIN: Omit<TableLook, 'attributes'> = {
  widths: 'none',
  breaks: false,
  word: false,
  thead: false,
};

interface Look {
  css: string;
  /** The page's body: site chrome (banner, nav bar, breadcrumb, footer) around the article. */
  body: (title: string, published: string, article: string) => string;
  heading: (text: string) => string;
  paragraph: (text: string) => string;
  tables: Record<'active' | 'requests' | 'appeals', TableLook>;
  /** Punctuation folded to ASCII (NFKC) in the article, as some CMSs store pasted text. */
  halfWidth: boolean;
}

const WORD_TABLE_WIDTH = 568;

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function wordText(text: string): string {
  if (text === '') return '<span lang="EN-US">&nbsp;</span>';
  return /^[\d.+-]+$/.test(text)
    ? `<span lang="EN-US" style="font-size:10.5pt;font-family:'Times New Roman'">${text}</span>`
    : `<span style="font-size:10.5pt;font-family:宋体">${escape(text)}</span>`;
}

function cellContent(text: string, look: TableLook): string {
  const lines = look.breaks ? text.split('\n') : [text.replace(/\n/g, '')];
  return look.word
    ? lines
        .map(
          (line) =>
            `<p class="MsoNormal" align="center" style="text-align:center">${wordText(line)}</p>`,
        )
        .join('')
    : lines.map(escape).join('<br>');
}

/** The first grid column of every cell, row by row, past the slots that rowspans above cover. */
function columnsOf(grid: Grid): number[][] {
  const covered = grid.rows.map(() => new Set<number>());
  return grid.rows.map((row, r) => {
    let column = 0;
    return row.map((cell) => {
      while (covered[r]?.has(column)) column += 1;
      const start = column;
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++)
        for (let dc = 0; dc < (cell.colspan ?? 1); dc++) covered[r + dr]?.add(start + dc);
      column += cell.colspan ?? 1;
      return start;
    });
  });
}

function renderTable(grid: Grid, look: TableLook): string {
  const starts = columnsOf(grid);
  const cellWidth = (start: number, span: number) =>
    Math.round(
      (grid.widths.slice(start, start + span).reduce((sum, width) => sum + width, 0) *
        WORD_TABLE_WIDTH) /
        100,
    );
  const rows = grid.rows.map((row, r) => {
    const tag = look.thead && r < grid.header ? 'th' : 'td';
    const cells = row.map((cell, i) => {
      const attributes = [
        cell.rowspan ? ` rowspan="${cell.rowspan}"` : '',
        cell.colspan ? ` colspan="${cell.colspan}"` : '',
        look.widths === 'cells'
          ? ` width="${cellWidth(starts[r]?.[i] ?? 0, cell.colspan ?? 1)}" valign="middle" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt"`
          : '',
      ].join('');
      return `<${tag}${attributes}>${cellContent(cell.text, look)}</${tag}>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const colgroup =
    look.widths === 'percent'
      ? `<colgroup>${grid.widths.map((width) => `<col width="${width}%">`).join('')}</colgroup>\n`
      : '';
  const body = look.thead
    ? `<thead>\n${rows.slice(0, grid.header).join('\n')}\n</thead>\n<tbody>\n${rows.slice(grid.header).join('\n')}\n</tbody>`
    : `<tbody>\n${rows.join('\n')}\n</tbody>`;
  return `<table ${look.attributes}>\n${colgroup}${body}\n</table>`;
}

// ——— The reports ———

interface Rebuilt {
  /** The page's file name, without .html. */
  name: string;
  /** The truth it is rebuilt from, relative to src/core/fixtures/. */
  truth: string;
  look: Look;
  published: string;
  /** Prose from the report: before 一、总体情况, under it, under 五 and under 六. */
  intro: readonly string[];
  overview: readonly string[];
  problems: readonly string[];
  other: readonly string[];
}

const TABLE_FONT = 'font-size: 14px;';

// A city department's site: a fixed 700 px column in a nav bar, breadcrumb and footer; tables with
// 1 px solid collapsed borders and per-cent column widths, 表三's header broken with <br>.
const DEPARTMENT_SITE = (agency: string): Look => {
  const table: TableLook = {
    ...PLAIN,
    attributes: 'class="gkbg" width="100%" cellpadding="4"',
    widths: 'percent',
  };
  return {
    css: `body { margin: 0; font-family: "Microsoft YaHei", "微软雅黑", sans-serif; font-size: 16px; color: #333; background: #eef1f5; }
.w { width: 700px; margin: 0 auto; }
.top { background: #b5121b; color: #fff; }
.top h2 { margin: 0; padding: 18px 0; font-size: 26px; letter-spacing: 2px; }
.nav { background: #8e0e15; }
.nav a { display: inline-block; padding: 8px 14px; color: #fff; text-decoration: none; }
.crumb { padding: 10px 0; font-size: 13px; color: #666; }
.main { background: #fff; padding: 20px 30px; box-sizing: border-box; }
.main h1 { font-size: 22px; line-height: 1.5; text-align: center; color: #b5121b; }
.info { text-align: center; font-size: 13px; color: #888; border-bottom: 1px dashed #ccc; padding-bottom: 10px; }
.content p { text-indent: 2em; line-height: 1.8; margin: 8px 0; }
.content h3 { font-size: 16px; margin: 18px 0 8px; }
table.gkbg { border-collapse: collapse; margin: 10px 0; ${TABLE_FONT} }
table.gkbg td { border: 1px solid #000; text-align: center; }
.foot { background: #333; color: #bbb; font-size: 12px; line-height: 2; padding: 16px 0; margin-top: 20px; text-align: center; }`,
    body: (
      title,
      published,
      article,
    ) => `<div class="top"><div class="w"><h2>${agency}</h2></div></div>
<div class="nav"><div class="w"><a href="/index.html">首页</a><a href="/jggk/index.html">机构概况</a><a href="/xwdt/index.html">新闻动态</a><a href="/zwgk/index.html">政务公开</a><a href="/zwfw/index.html">政务服务</a><a href="/hdjl/index.html">互动交流</a></div></div>
<div class="w crumb">当前位置：<a href="/index.html">首页</a> &gt; <a href="/zwgk/index.html">政务公开</a> &gt; <a href="/zwgk/ndbg/index.html">政府信息公开年报</a></div>
<div class="w main">
<h1>${title}</h1>
<div class="info">发布时间：${published}\u3000\u3000来源：${agency}\u3000\u3000【字体：大 中 小】</div>
<div class="content">
${article}
</div>
</div>
<div class="foot"><div class="w">主办单位：${agency}\u3000\u3000技术支持：益阳市智慧城市和大数据中心<br>建议使用1366×768分辨率浏览本网站</div></div>`,
    heading: (text) => `<h3>${text}</h3>`,
    paragraph: (text) => `<p>${text}</p>`,
    tables: { active: table, requests: { ...table, breaks: true }, appeals: table },
    halfWidth: true,
  };
};

// A town's report pasted from Word into a county portal: a fluid page with a breadcrumb, MsoNormal
// paragraphs, and Word's tables (fixed pixel widths on every cell, labels in <p>, a header label
// broken into paragraphs).
const WORD_PASTE = (source: string): Look => {
  const table: TableLook = {
    ...PLAIN,
    attributes:
      'class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="568" style="width:426.1pt;border-collapse:collapse;border:none"',
    widths: 'cells',
    word: true,
  };
  const span = (text: string, font: string) =>
    `<span style="font-size:16.0pt;font-family:${font}">${text}</span>`;
  return {
    css: `body { margin: 0 5%; font-family: SimSun, "宋体", serif; font-size: 14px; }
.location { padding: 12px 0; border-bottom: 2px solid #1f5ca8; font-size: 13px; }
.attr { text-align: center; color: #666; font-size: 12px; margin: 10px 0 20px; }
.TRS_Editor p { margin: 0; }
.TRS_Editor table { margin: 6px auto; }
.bottom { border-top: 1px solid #ccc; margin-top: 30px; padding: 10px 0; font-size: 12px; color: #666; text-align: center; }`,
    body: (
      title,
      published,
      article,
    ) => `<div class="location">您当前的位置：<a href="/index.html">首页</a> &gt; <a href="/zwgk/index.html">政务公开</a> &gt; <a href="/zwgk/zfxxgknb/index.html">政府信息公开年度报告</a></div>
<div class="attr">信息来源：${source}\u3000\u3000发布时间：${published}</div>
<div class="TRS_Editor">
<p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:22.0pt;font-family:方正小标宋简体">${title}</span></b></p>
${article}
</div>
<div class="bottom">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>`,
    heading: (text) =>
      `<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt"><b>${span(text, '黑体')}</b></p>`,
    paragraph: (text) =>
      `<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt">${span(text, '仿宋_GB2312')}</p>`,
    tables: { active: table, requests: { ...table, breaks: true }, appeals: table },
    halfWidth: false,
  };
};

// A district portal: a fluid page between a nav bar and a footer; tables with border="1" and
// cellspacing, so every cell has its own frame (double lines), no column widths, and the header rows
// of 表三 and 表四 in a <thead>.
const PORTAL_DOUBLE: Look = (() => {
  const table: TableLook = {
    ...PLAIN,
    attributes: 'border="1" cellspacing="2" cellpadding="4" width="100%"',
  };
  return {
    css: `body { margin: 0; font-family: SimSun, "宋体", serif; font-size: 15px; }
.header { background: #0b4f9c; color: #fff; padding: 14px 24px; font-size: 24px; font-weight: bold; }
.menu { background: #e8eef7; padding: 6px 24px; }
.menu a { margin-right: 22px; color: #0b4f9c; text-decoration: none; }
.container { margin: 0 24px; }
.container h1 { text-align: center; font-size: 24px; margin: 24px 0 8px; }
.source { text-align: center; color: #777; font-size: 12px; margin-bottom: 16px; }
.container p { line-height: 1.9; text-indent: 2em; }
.container p.bt { font-weight: bold; }
.container table { font-size: 13px; text-align: center; }
.copyright { margin-top: 24px; padding: 16px 24px; background: #0b4f9c; color: #dde; font-size: 12px; line-height: 2; }`,
    body: (title, published, article) => `<div class="header">洪泽区人民政府</div>
<div class="menu"><a href="/index.html">首页</a><a href="/zjhz/index.html">走进洪泽</a><a href="/zwgk/index.html">政务公开</a><a href="/zwfw/index.html">政务服务</a><a href="/zmhd/index.html">政民互动</a><a href="/ztzl/index.html">专题专栏</a></div>
<div class="container">
<h1>${title}</h1>
<div class="source">发布日期：${published}\u3000\u3000信息来源：区政府办</div>
${article}
</div>
<div class="copyright">主办：淮安市洪泽区人民政府办公室\u3000\u3000承办：淮安市洪泽区大数据管理中心<br>联系我们\u3000|\u3000网站地图\u3000|\u3000隐私声明</div>`,
    heading: (text) => `<p class="bt">${text}</p>`,
    paragraph: (text) => `<p>${text}</p>`,
    tables: {
      active: table,
      requests: { ...table, thead: true },
      appeals: { ...table, thead: true },
    },
    halfWidth: false,
  };
})();

// The same portal after a redesign: a fixed 720 px column with the disclosure catalogue's info table
// (索引号, 发布机构, …) above the article; 表二 with dotted borders, 表三 and 表四 with thin grey
// ones, 表四's header broken with <br>.
const PORTAL_GREY: Look = (() => {
  const grey: TableLook = {
    ...PLAIN,
    attributes: 'class="grey" cellspacing="0" cellpadding="5" width="100%"',
  };
  return {
    css: `body { margin: 0; background: #f5f5f5; font-family: "FangSong", "仿宋", serif; font-size: 16px; }
.wrap { width: 720px; margin: 0 auto; background: #fff; }
.logo { padding: 16px 20px; font-size: 22px; color: #0f5499; border-bottom: 3px solid #0f5499; }
.nav { padding: 8px 20px; background: #0f5499; }
.nav a { color: #fff; margin-right: 18px; text-decoration: none; font-size: 14px; }
.pos { padding: 8px 20px; font-size: 13px; color: #555; }
.xxgk { margin: 0 20px; border-collapse: collapse; width: 680px; font-size: 13px; }
.xxgk td { border: 1px solid #ddd; padding: 4px 8px; }
.article { padding: 10px 20px 30px; }
.article h1 { font-size: 22px; text-align: center; }
.article p { line-height: 2; text-indent: 2em; margin: 6px 0; }
.article h4 { margin: 14px 0 6px; font-size: 16px; }
table.grey, table.dotted { border-collapse: collapse; ${TABLE_FONT} }
table.grey td { border: 1px solid #ccc; text-align: center; }
table.dotted td { border: 1px dotted #555; text-align: center; }
.footer { width: 720px; margin: 0 auto; padding: 14px 0; font-size: 12px; color: #777; text-align: center; }`,
    body: (title, published, article) => `<div class="wrap">
<div class="logo">淮安市洪泽区人民政府</div>
<div class="nav"><a href="/index.html">首页</a><a href="/zwgk/index.html">政务公开</a><a href="/zwfw/index.html">政务服务</a><a href="/zmhd/index.html">政民互动</a></div>
<div class="pos">当前位置：首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>
<table class="xxgk"><tr><td>索引号</td><td>014120378/2025-00006</td><td>分类</td><td>政府信息公开年报</td></tr><tr><td>发布机构</td><td>淮安市洪泽区人民政府办公室</td><td>发文日期</td><td>${published}</td></tr></table>
<div class="article">
<h1>${title}</h1>
${article}
</div>
</div>
<div class="footer">淮安市洪泽区人民政府办公室主办\u3000\u3000网站标识码3208290001</div>`,
    heading: (text) => `<h4>${text}</h4>`,
    paragraph: (text) => `<p>${text}</p>`,
    tables: {
      active: { ...grey, attributes: grey.attributes.replace('grey', 'dotted') },
      requests: grey,
      appeals: { ...grey, breaks: true },
    },
    halfWidth: false,
  };
})();

const PAGES: readonly Rebuilt[] = [
  {
    name: '001_yiyang_xzspfwj_2022',
    truth: 'expected/seed-001.json',
    look: DEPARTMENT_SITE('益阳市行政审批服务局'),
    published: '2023-01-16',
    intro: [
      '根据《中华人民共和国政府信息公开条例》的有关规定，现对益阳市行政审批服务局2022年政府信息公开工作报告予以公布。本报告数据统计时限为2022年1月1日至2022年12月31日。',
    ],
    overview: [
      '2022年，益阳市行政审批服务局认真执行《中华人民共和国政府信息公开条例》，坚持以“公开为常态、不公开为例外”的原则，切实加强政务公开和政府信息公开工作，不断提升公开实效。',
      '我局网站设立了依申请公开栏目，上传了政府信息公开申请表，开通了现场申请、信函和电子邮件申请等渠道，明确了受理机构、程序、办理时限。',
    ],
    problems: [
      '2022年，我局政府信息公开工作扎实推进，但对标上级要求和群众的期盼还有一定差距：公开的内容不够全面，信息发布不够规范。在今后的工作中，我局将积极开展政务公开业务培训，进一步提升政务公开工作水平。',
    ],
    other: ['2022年本单位无其他需要报告的事项。'],
  },
  {
    name: '003_jiangyuan_dsrz_2020',
    truth: 'expected/seed-003.json',
    look: WORD_PASTE('大石人镇'),
    published: '2021-01-25',
    intro: [
      '2020年，大石人镇党委、政府根据《中华人民共和国政府信息公开条例》有关规定和区委、区政府对政府信息公开工作的具体实施要求，大力推进政府信息公开工作。现将大石人镇2020年度政府信息公开工作报告如下：',
    ],
    overview: [
      '本年度，我镇认真按照《2020年政务公开工作要点的通知》文件要求，积极落实政务公开工作任务，政府信息公开工作取得了一定成效。',
      '安排专人负责政府信息管理工作，对存在不规范、错别字和排版问题的政府信息进行了集中整改。',
    ],
    problems: [
      '大石人镇政务信息公开工作有序开展，但仍然存在文件源头属性工作制度落实还不到位等问题。下一步，我镇将组织全体站所工作人员学习相关文件精神，推动文件源头属性工作制度进一步落实。',
    ],
    other: ['无。'],
  },
  {
    name: '001_hongze_qu_2023',
    truth: 'corpus/truth/001-src.json',
    look: PORTAL_DOUBLE,
    published: '2024-01-19',
    intro: [
      '本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》（国令第711号）（以下简称《条例》）要求编制此报告。报告中所列数据统计期限自2023年1月1日起至2023年12月31日止。',
    ],
    overview: [
      '2023年，洪泽区人民政府全面贯彻落实《条例》相关规范要求，不断完善政府信息公开制度，建立健全政府信息公开保障机制，推进政府信息公开工作规范、有序、健康发展。',
      '进一步规范依申请公开流程，畅通依申请公开受理渠道。2023年全区受理政府信息公开申请21件，均在法定期限答复。',
    ],
    problems: [
      '2023年，洪泽区政府信息公开工作取得一定的成效，但对照上级要求，仍存在一定差距。下一步，将扎实推进依申请公开工作，全面提升政府信息依申请公开规范化、专业化水平。',
    ],
    other: [
      '2023年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。',
    ],
  },
  {
    name: '002_hongze_qu_2024',
    truth: 'corpus/truth/002-src.json',
    look: PORTAL_GREY,
    published: '2025-01-21',
    intro: [
      '本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》（国令第711号）（以下简称《条例》）要求编制此报告。报告中所列数据统计期限自2024年1月1日起至2024年12月31日止。',
    ],
    overview: [
      '2024年，淮安市洪泽区人民政府坚持以完善信息公开制度、推进公开平台建设为抓手，全面推动政务公开工作转职能、增效能、强功能，有力服务保障我区经济社会高质量发展。',
      '强化组织领导、规范办理流程，指导各部门采取自行办理、协同办理、会商办理相结合的工作方式，确保依申请答复工作规范高效。',
    ],
    problems: [
      '2024年，全区政府信息公开工作虽取得一定成绩，但仍存在一些不足，主要是个别部门对复杂申请件的研判能力不足，答复文书规范性有待提升。2025年我们将继续加强业务指导培训，不断提高工作人员的业务水平。',
    ],
    other: [
      '2024年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。',
    ],
  },
];

function page(rebuilt: Rebuilt): string {
  const truth = JSON.parse(readFileSync(join(FIXTURES, rebuilt.truth), 'utf8')) as Truth;
  const { look } = rebuilt;
  const { agency, year, template } = truth.meta;
  if (template !== '2019' && template !== '2021')
    throw new Error(`${rebuilt.truth}: no national tables to rebuild`);
  const title = `${agency ?? ''}${year}年政府信息公开工作年度报告`;
  const article = [
    ...rebuilt.intro.map(look.paragraph),
    look.heading('一、总体情况'),
    ...rebuilt.overview.map(look.paragraph),
    look.heading('二、主动公开政府信息情况'),
    renderTable(activeGrid(template, truth.cells), look.tables.active),
    look.heading('三、收到和处理政府信息公开申请情况'),
    renderTable(requestsGrid(template, truth.cells), look.tables.requests),
    look.heading('四、政府信息公开行政复议、行政诉讼情况'),
    renderTable(appealsGrid(template, truth.cells), look.tables.appeals),
    look.heading('五、存在的主要问题及改进情况'),
    ...rebuilt.problems.map(look.paragraph),
    look.heading('六、其他需要报告的事项'),
    ...rebuilt.other.map(look.paragraph),
  ].join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>
${look.css}
</style>
</head>
<body>
${look.body(title, rebuilt.published, look.halfWidth ? article.normalize('NFKC') : article)}
</body>
</html>
`;
}

/** Writes the rebuilt pages, and sources.json: which truth each was made from. */
export function rebuildPages(): void {
  mkdirSync(OUT, { recursive: true });
  for (const rebuilt of PAGES) writeFileSync(join(OUT, `${rebuilt.name}.html`), page(rebuilt));
  const sources = Object.fromEntries(
    PAGES.map((rebuilt) => [`${rebuilt.name}.html`, rebuilt.truth]),
  );
  writeFileSync(
    join(OUT, 'sources.json'),
    `${JSON.stringify(
      {
        about:
          'Made by scripts/rebuild-pages.ts (npm run variants): each page rebuilt from the truth named here, scored against its cells and meta (not its prose facts).',
        pages: sources,
      },
      null,
      1,
    )}\n`,
  );
}
