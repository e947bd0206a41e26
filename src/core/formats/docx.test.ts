import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../report';
import { readDocx } from './docx';
import { readHtml } from './html';

const fixtures = new URL('../fixtures/', import.meta.url);
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

/** A minimal DOCX package around a body of WordprocessingML. */
function docx(body: string, files: Record<string, string> = {}): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W} ${MC}><w:body>${body}</w:body></w:document>`;
  return zipSync({ 'word/document.xml': strToU8(xml), ...mapValues(files, strToU8) });
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, properties = '') =>
  `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${properties}</w:tcPr>${p(text)}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]) =>
  `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid>${rows.join('')}</w:tbl>`;

function htmlText(html: string): string {
  const result = readHtml(html);
  if (!result.ok) throw new Error(result.message);
  return result.text;
}

function textOf(bytes: Uint8Array): string {
  const result = readDocx(bytes);
  if (!result.ok) throw new Error(result.message);
  return result.text;
}

describe('readDocx on small documents', () => {
  it('R11.12 writes paragraphs as lines from their runs; w:tab is a space, w:br a new line', () => {
    const body =
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>' +
      '<w:r><w:t>一、</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>总体</w:t></w:r><w:r><w:t>情况</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r></w:p>' +
      '<w:p/><w:p><w:r><w:t>&lt;条例&gt; &amp; 规章</w:t></w:r></w:p>';
    expect(textOf(docx(body))).toBe('一、总体情况\n甲 乙\n丙\n<条例> & 规章');
  });

  it('R11.13 expands w:gridSpan and w:vMerge through the occupancy grid', () => {
    const body = tbl(
      tr(
        tc('信息内容', '<w:vMerge w:val="restart"/>'),
        tc('本年', '<w:gridSpan w:val="2"/>'),
        tc('合计'),
      ),
      tr(tc('', '<w:vMerge/>'), tc('新制作'), tc('新公开'), tc('总数')),
      tr(tc('规章'), tc('0'), tc(''), tc('2')),
    );
    expect(textOf(docx(body)).split('\n')).toEqual([
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
      '|',
      '2 |',
    ]);
  });

  it('R11.3 joins a DOCX cell’s paragraphs and breaks with a space', () => {
    const cell =
      '<w:tc><w:p><w:r><w:t>本年新</w:t></w:r></w:p><w:p><w:r><w:t>制作</w:t><w:br/><w:t>数量</w:t></w:r></w:p></w:tc>';
    expect(textOf(docx(tbl(tr(cell, tc('1')))))).toBe('本年新 制作 数量 |\n1 |');
  });

  it('R11.4 treats a DOCX table holding a table as a layout container', () => {
    const inner = tbl(tr(tc('规章'), tc('0')));
    const outer = tbl(tr(`<w:tc>${p('二、主动公开')}${inner}${p('')}</w:tc>`, tc('旁注')));
    expect(textOf(docx(outer)).split('\n')).toEqual(['二、主动公开', '规章 |', '0 |', '旁注']);
  });

  it('R11.14 reads the final text of tracked changes and alternative content once', () => {
    const body =
      '<w:p><w:ins w:id="1"><w:r><w:t>新增</w:t></w:r></w:ins>' +
      '<w:del w:id="2"><w:r><w:delText>删去</w:delText></w:r></w:del><w:r><w:t>文字</w:t></w:r></w:p>' +
      '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>框</w:t></mc:Choice>' +
      '<mc:Fallback><w:t>框</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>' +
      '<w:p><w:r><w:instrText> HYPERLINK "javascript:alert(1)" </w:instrText></w:r><w:r><w:t>链接</w:t></w:r></w:p>' +
      '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>显示</w:t></w:r>' +
      '<w:r><w:ruby><w:rt><w:r><w:t>zhèng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>政</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>';
    const result = readDocx(docx(body));
    expect(result.ok && result.text).toBe('新增文字\n框\n链接\n显示政');
    expect(result.ok && result.issues.map((issue) => issue.code)).toEqual(['docx-revisions']);
  });

  it('R11.12 finds the main part through the package relationships', () => {
    const xml = `<w:document ${W}><w:body>${p('正文')}</w:body></w:document>`;
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document2.xml"/></Relationships>';
    const bytes = zipSync({ '_rels/.rels': strToU8(rels), 'word/document2.xml': strToU8(xml) });
    expect(textOf(bytes)).toBe('正文');
  });
});

describe('readDocx on bad input', () => {
  const failure = (bytes: Uint8Array) => {
    const result = readDocx(bytes);
    return result.ok ? null : result;
  };

  it('R11.15 a truncated DOCX is corrupt-docx, with a Chinese message', () => {
    const bytes = new Uint8Array(readFileSync(new URL('docx/corrupt_truncated.docx', fixtures)));
    const result = failure(bytes);
    expect(result?.code).toBe('corrupt-docx');
    expect(result?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('R11.15 a zip without word/document.xml, or no zip at all, is corrupt-docx', () => {
    expect(failure(zipSync({ 'a.txt': strToU8('x') }))?.code).toBe('corrupt-docx');
    expect(failure(zipSync({}))?.code).toBe('corrupt-docx');
    expect(failure(strToU8('PK\u0003\u0004 not really a zip'))?.code).toBe('corrupt-docx');
    expect(failure(new Uint8Array(0))?.code).toBe('corrupt-docx');
    const notWord = zipSync({ 'word/document.xml': strToU8('<html><p>x</p></html>') });
    expect(failure(notWord)?.code).toBe('corrupt-docx');
  });

  it('R11.15 an OLE compound file (encrypted Office file) is encrypted-docx', () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const result = failure(ole);
    expect(result?.code).toBe('encrypted-docx');
    expect(result?.message).toMatch(/加密/);
  });

  it('R11.15 never throws on random bytes after a ZIP header', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    };
    const real = new Uint8Array(
      readFileSync(new URL('variants/docx-libreoffice/024_pingtan_qu_2023.docx', fixtures)),
    );
    for (let trial = 0; trial < 20; trial += 1) {
      const noise = Uint8Array.from({ length: 2000 }, random);
      noise.set([0x50, 0x4b, 0x03, 0x04]);
      expect(() => readDocx(noise)).not.toThrow();
      const damaged = real.slice();
      for (let hit = 0; hit < 50; hit += 1)
        damaged[(random() * 131 + trial * 977) % damaged.length] = random();
      expect(() => readDocx(damaged)).not.toThrow();
    }
  });
});

// DOCX made with LibreOffice from the real HTML pages (`soffice --convert-to docx`): the HTML's truth.
const documents = [
  { file: '004_shuyang_fgj_2023', truth: '004-src.json' },
  { file: '020_pingtan_qu_2019', truth: '020-html.json' },
  { file: '022_pingtan_qu_2021', truth: '022-html.json' },
  { file: '024_pingtan_qu_2023', truth: '024-html.json' },
  { file: '026_pingtan_qu_2025', truth: '026-html.json' },
];

describe.each(documents)('golden DOCX $file', ({ file, truth: truthFile }) => {
  const bytes = new Uint8Array(
    readFileSync(new URL(`variants/docx-libreoffice/${file}.docx`, fixtures)),
  );
  const truth = JSON.parse(
    readFileSync(new URL(`corpus/truth/${truthFile}`, fixtures), 'utf8'),
  ) as { meta: { template: string }; cells: Record<string, number | null> };

  it('R11.10 the display text through the text pipeline gives every hand-checked cell', async () => {
    const text = textOf(bytes);
    const result = await parseReport(new TextEncoder().encode(text), `${file}.docx.txt`);
    if (!result.ok) throw new Error(result.error.message);
    const report = result.report;
    expect(report.meta.template).toBe(truth.meta.template);
    const cells = new Map<string, number | null>();
    for (const table of report.tables)
      for (const row of table.rows)
        for (const [column, cell] of Object.entries(row.cells)) {
          cells.set(`${table.id}/${row.key}/${column}`, cell.value);
          if (cell.kind !== 'blank') expect(text.slice(...(cell.span ?? [0, 0]))).toBe(cell.raw);
        }
    const keys = Object.keys(truth.cells);
    const right = keys.filter((key) => cells.has(key) && cells.get(key) === truth.cells[key]);
    console.info(`${file}.docx: ${right.length}/${keys.length} cells right`);
    expect([...cells.keys()].sort()).toEqual(keys.sort());
    expect(right.length).toBe(keys.length);
  });

  it('R11.10 the tables are flattened exactly as from the HTML page', () => {
    const html = readFileSync(new URL(`corpus/${file}.html`, fixtures), 'utf8');
    const tableLines = (text: string) => text.split('\n').filter((line) => line.endsWith('|'));
    expect(tableLines(textOf(bytes))).toEqual(tableLines(htmlText(html)));
  });
});
