import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { greatest, least, pushAll } from './arrays';
import { runChecks } from './checks';
import { findRepeat } from './duplicate';
import { GROWING_TEXTS, nestedHtml } from './fixtures/growth';
import { emptyReport, numberCell } from './fixtures/reports';
import { readDocx } from './formats/docx';
import { readHtml } from './formats/html';
import { LIMITS, parseReport } from './index';
import { openSuggestions } from './suggestions';
import { REQUEST_COLUMNS } from './templates/national';
import type { Row, Table } from './types';

const encode = (text: string) => new TextEncoder().encode(text);
const MB = 1024 * 1024;
// These build inputs of tens of megabytes: on a busy machine that takes longer than the default.
const SLOW = 60_000;
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const head = readFileSync(
  new URL('fixtures/corpus/022_pingtan_qu_2021_flat.txt', import.meta.url),
  'utf8',
);

async function failure(bytes: Uint8Array, name: string) {
  const result = await parseReport(bytes, name);
  return result.ok ? null : result.error;
}

function docx(body: string): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
  return zipSync({ 'word/document.xml': strToU8(xml) }, { level: 1 });
}

describe('LIMITS', () => {
  it(
    'R14.1 a text or HTML file over 20 MB, a DOCX or PDF over 50 MB is file-too-large, unread',
    async () => {
      const text = new Uint8Array(LIMITS.textBytes + 1).fill(0x61);
      const tooLong = await failure(text, 'a.txt');
      expect(tooLong?.code).toBe('file-too-large');
      expect(tooLong?.message).toContain('文本文件最多 20 MB，此文件 20.0 MB');
      const html = await failure(text, 'a.html');
      expect(html?.message).toContain('网页（HTML）文件最多 20 MB');
      // The same bytes as a PDF are within its limit; a larger one is not.
      const pdf = new Uint8Array(LIMITS.documentBytes + 1);
      pdf.set(encode('%PDF-1.7'));
      const large = await failure(pdf, 'a.pdf');
      expect(large?.code).toBe('file-too-large');
      expect(large?.message).toContain('PDF文件最多 50 MB，此文件 50.0 MB');
      const zip = new Uint8Array(LIMITS.documentBytes + 1);
      zip.set([0x50, 0x4b, 0x03, 0x04]);
      expect((await failure(zip, 'a.docx'))?.message).toContain('Word（DOCX）文件最多 50 MB');
    },
    SLOW,
  );

  it(
    'R14.2 a display text over 300 000 lines is too-many-lines, with its count',
    async () => {
      const error = await failure(encode('甲\n'.repeat(LIMITS.lines)), 'a.txt');
      expect(error?.code).toBe('too-many-lines');
      expect(error?.message).toContain(`最多读取 300000 行，此文件有 ${LIMITS.lines + 1} 行`);
      const within = await parseReport(encode('甲\n'.repeat(LIMITS.lines - 1)), 'a.txt');
      expect(within.ok).toBe(true);
    },
    SLOW,
  );

  it('R14.3 the limits are one object of the core, with the parse time the worker pool and CLI use', () => {
    expect(LIMITS).toMatchObject({
      textBytes: 20 * MB,
      documentBytes: 50 * MB,
      inflatedBytes: 50 * MB,
      lines: 300_000,
      tableRows: 50_000,
      cells: 500_000,
      depth: 512,
      tableDepth: 64,
      parseSeconds: 60,
    });
    expect(Object.isFrozen(LIMITS)).toBe(true);
  });

  it(
    'R14.4 more table rows or cells than the limits are too-many-rows and too-many-cells',
    async () => {
      const rows = readHtml(`<table>${'<tr><td>1'.repeat(LIMITS.tableRows + 1)}</table>`);
      expect(!rows.ok && rows.code).toBe('too-many-rows');
      expect(!rows.ok && rows.message).toContain('最多读取 50000 行');
      const wide = `<tr>${'<td>1'.repeat(LIMITS.cells / 10)}`;
      const cells = readHtml(`<table>${wide.repeat(10)}<tr><td>1</table>`);
      expect(!cells.ok && cells.code).toBe('too-many-cells');
      const tr = '<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>';
      const docxRows = readDocx(docx(`<w:tbl>${tr.repeat(LIMITS.tableRows + 1)}</w:tbl>`));
      expect(!docxRows.ok && docxRows.code).toBe('too-many-rows');
      // One line of numbers separated by spaces: each is a cell of its own (R2.6).
      const numbers = `合计 ${'1 '.repeat(LIMITS.cells)}1`;
      const error = await failure(encode(numbers), 'a.txt');
      expect(error?.code).toBe('too-many-cells');
      expect(error?.message).toContain('最多读取 500000 个单元格');
    },
    SLOW,
  );

  it(
    'R14.5 a DOCX part inflating past 50 MB is inflated-too-large, whatever the zip declares',
    () => {
      const paragraph = '<w:p><w:r><w:t>正文</w:t></w:r></w:p>';
      const bytes = docx(
        paragraph.repeat(Math.ceil((LIMITS.inflatedBytes + MB) / paragraph.length)),
      );
      // Declare 1 KB as the part's size, in its local header and in the central directory.
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let at = 0; at + 30 <= bytes.length; at += 1) {
        const signature = view.getUint32(at, true);
        if (signature === 0x04034b50) view.setUint32(at + 22, 1024, true);
        if (signature === 0x02014b50) view.setUint32(at + 24, 1024, true);
      }
      const result = readDocx(bytes);
      expect(!result.ok && result.code).toBe('inflated-too-large');
      expect(!result.ok && result.message).toMatch(/解压后超过 50 MB/);
      // A part within the limit is read, whatever it declares.
      expect(readDocx(docx(paragraph.repeat(1000))).ok).toBe(true);
    },
    SLOW,
  );

  it('R14.6 elements deeper than 512 are flattened: their text kept, a warning with the depth', () => {
    const result = readHtml(nestedHtml(100_000));
    expect(result.ok && result.text).toContain('本年新收政府信息公开申请 3 件');
    expect(result.ok && result.text.split('\n').at(-1)).toBe('完');
    const issue = result.ok ? result.issues.find((i) => i.code === 'nesting-flattened') : undefined;
    expect(issue?.message).toContain('超过 512 层');
    expect(issue?.message).toMatch(/深达 \d{6} 层/);
    const shallow = readHtml(nestedHtml(300));
    expect(shallow.ok && shallow.issues).toEqual([]);
    // <html>, <body> and 510 <div>: 512 open, and a <br> at the limit still breaks the line.
    const atLimit = `<html><body>${'<div>'.repeat(LIMITS.depth - 2)}甲<br>乙</body></html>`;
    expect(readHtml(atLimit)).toEqual({ ok: true, text: '甲\n乙', issues: [] });
    // DOCX: the wrapper elements beyond the limit are left out, the paragraphs around them read.
    const wrapped = `${'<w:sdt><w:sdtContent>'.repeat(600)}${'</w:sdtContent></w:sdt>'.repeat(600)}`;
    const deep = readDocx(
      docx(`<w:p><w:r><w:t>前</w:t></w:r></w:p>${wrapped}<w:p><w:r><w:t>后</w:t></w:r></w:p>`),
    );
    expect(deep.ok && deep.text).toBe('前\n后');
    expect(deep.ok && deep.issues.map((i) => i.code)).toEqual(['nesting-flattened']);
  });

  it.each(Object.entries(GROWING_TEXTS))(
    'R14.7 a text of 100 000 lines, %s, is read whole in one linear pass',
    async (_shape, make) => {
      const result = await parseReport(encode(make(head, 100_000)), 'a.txt');
      expect(result.ok && result.report.meta.template).toBe('2021');
      expect(result.ok && result.report.tables.map((table) => table.id)).toEqual([
        'active',
        'requests',
        'appeals',
      ]);
    },
    SLOW,
  );

  it(
    'R14.7 deep nesting of 100 000 elements is read',
    async () => {
      const result = await parseReport(encode(nestedHtml(100_000)), 'a.html');
      expect(result.ok && result.report.issues.map((issue) => issue.code)).toContain(
        'nesting-flattened',
      );
    },
    SLOW,
  );

  it('R14.8 a first line recurring on every other line is no copy; a copy after running heads is found', () => {
    const recurring = GROWING_TEXTS['first line recurs']?.(head, 200_000) ?? '';
    expect(findRepeat(recurring)).toBeNull();
    // A report printed with its title as the running head of every page, then printed again.
    const title = head.slice(0, head.indexOf('\n'));
    const paged = head
      .split('\n')
      .flatMap((line, i) => (i > 0 && i % 20 === 0 ? [title, line] : [line]))
      .join('\n');
    const twice = `${paged}\n${paged}`;
    expect(findRepeat(twice)).toEqual([paged.length + 1, twice.length]);
  });

  it('R14.9 arrays of 300 000 values give their least and greatest, and are appended, by loops', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_007);
    expect(least(values)).toBe(0);
    expect(greatest(values)).toBe(values.reduce((a, b) => (b > a ? b : a)));
    const target: number[] = [1];
    pushAll(target, values);
    expect(target.length).toBe(300_001);
  });

  it(
    'R14.9 a report whose table has 150 000 rows is checked and its suggestions sought',
    () => {
      const row = (key: string, raws: string): Row => ({
        key,
        label: key,
        cells: Object.fromEntries(
          REQUEST_COLUMNS.map((column, i) => [column.key, numberCell(raws.split(' ')[i] ?? '0')]),
        ),
      });
      const rows = Array.from({ length: 150_000 }, (_, i) => row(`extra.${i}`, '1 0 0 0 0 0 1'));
      // A digit slipped between cells: 1 | 20 for 12 | 0 (R6.9).
      rows.unshift(row('newReceived', '1 20 0 0 0 3 15'));
      const requests: Table = {
        id: 'requests',
        title: '表三',
        columns: [...REQUEST_COLUMNS],
        rows,
      };
      const checks = runChecks([requests], []);
      expect(checks.filter((check) => check.rule === 'C3')).toHaveLength(150_001);
      expect(checks.filter((check) => check.status === 'fail').map((check) => check.id)).toEqual([
        'C3:requests:newReceived',
      ]);
      const report = { ...emptyReport(), tables: [requests], checks };
      expect(openSuggestions(report).map((s) => s.cells.map((c) => c.to))).toEqual([['12', '0']]);
    },
    SLOW,
  );
});
