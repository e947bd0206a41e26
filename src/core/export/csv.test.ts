import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyCellEdit, applyVerdict, setReviewStatus } from '../edits';
import { parseReport } from '../index';
import type { Cell, Report } from '../types';
import { CSV_COLUMNS, reportsToCsv } from './csv';
import { inertText } from './inert';
import { serializeReport } from './json';
import { parseReportJson } from './validate';

const SEED = '001_b7938c474e787140.txt';

async function seed(): Promise<Report> {
  const bytes = readFileSync(new URL(`../fixtures/seeds/${SEED}`, import.meta.url));
  const result = await parseReport(new Uint8Array(bytes), SEED);
  if (!result.ok) throw new Error(result.error.message);
  return result.report;
}

// The real report with text fields that a spreadsheet would run, and its 表二 cut to one row whose
// cells are out of column order, with one that no column names.
async function hostile(): Promise<Report> {
  const report = await seed();
  const active = report.tables.find((t) => t.id === 'active');
  if (!active) throw new Error('the seed has a 表二');
  const cell = (raw: string, value: number | null, kind: Cell['kind']): Cell => ({
    value,
    raw,
    kind,
    span: null,
    confidence: 'high',
  });
  const cells = { extra: cell('+1+2', null, 'text'), decisions: cell('-2', -2, 'number') };
  return {
    ...report,
    source: { ...report.source, name: '=cmd.txt' },
    meta: {
      ...report.meta,
      agency: { value: '@某局', span: null },
      year: { value: null, span: null },
    },
    tables: [
      {
        ...active,
        rows: [
          { key: 'licensing', label: '行政许可', cells: { ...cells, made: cell('-', null, 'na') } },
        ],
      },
    ],
  };
}

function readBack(csv: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
  return parsed.data;
}

describe('reportsToCsv', () => {
  it('starts with a BOM and ends every line with CRLF', async () => {
    const csv = reportsToCsv([await seed()]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has one row per cell of a real report, corrected cells flagged, read back by papaparse', async () => {
    const parsed = await seed();
    const ref = { table: 'requests', row: 'newReceived', column: 'naturalPerson' };
    const edited = applyCellEdit(parsed, ref, '4', '2024-05-01T00:00:00.000Z');
    const rows = readBack(reportsToCsv([edited]));

    const cells = parsed.tables.flatMap((t) => t.rows.flatMap((r) => Object.keys(r.cells)));
    expect(rows).toHaveLength(cells.length);
    const find = (table: string, row: string, column: string) =>
      rows.find((r) => r['table'] === table && r['row'] === row && r['column'] === column);
    expect(find('requests', 'newReceived', 'naturalPerson')).toMatchObject({
      file: SEED,
      agency: '益阳市行政审批服务局',
      year: '2022',
      template: '2021',
      table: 'requests',
      row: 'newReceived',
      column: 'naturalPerson',
      value: '4',
      raw: '4',
      kind: 'number',
      corrected: 'true',
      confidence: 'high',
    });
    expect(find('requests', 'newReceived', 'total')).toMatchObject({
      value: '3',
      corrected: 'false',
    });
    expect(rows.filter((r) => r['corrected'] === 'true')).toHaveLength(1);
    // Rows follow the report: tables, rows and columns in their order.
    const first = parsed.tables[0];
    expect(rows[0]).toMatchObject({
      table: first?.id,
      row: first?.rows[0]?.key,
      column: first?.columns.find((c) => c.key in (first.rows[0]?.cells ?? {}))?.key,
    });
  });

  it('R9.7 neutralises formulas in text fields and leaves numbers alone', async () => {
    const rows = readBack(reportsToCsv([await hostile()]));
    expect(rows.map((r) => [r['column'], r['value'], r['raw'], r['kind']])).toEqual([
      ['made', '', "'-", 'na'],
      ['decisions', '-2', '-2', 'number'],
      ['extra', '', "'+1+2", 'text'],
    ]);
    expect(rows[0]).toMatchObject({ file: "'=cmd.txt", agency: "'@某局", year: '' });
  });

  it('R9.7 table ids, row and column keys from an imported JSON are inert too', async () => {
    const report = await hostile();
    const [table] = report.tables;
    if (!table) throw new Error('the hostile report has a table');
    const link = '=HYPERLINK("http://example.com","点此")';
    const json = serializeReport({
      ...report,
      tables: [
        {
          ...table,
          id: link,
          columns: [...table.columns, { key: '@cmd', label: '@cmd' }],
          rows: table.rows.map((row) => ({
            ...row,
            key: '+SUM(1)',
            cells: {
              ...row.cells,
              '@cmd': row.cells['decisions'] as Cell,
              '\t=1': row.cells['made'] as Cell,
            },
          })),
        },
      ],
    });
    const imported = parseReportJson(json);
    if (!imported.ok) throw new Error(imported.error);
    const rows = readBack(reportsToCsv([imported.report]));
    expect(rows.map((r) => [r['table'], r['row'], r['column'], r['value']])).toEqual([
      [`'${link}`, "'+SUM(1)", 'made', ''],
      [`'${link}`, "'+SUM(1)", 'decisions', '-2'],
      [`'${link}`, "'+SUM(1)", "'@cmd", '-2'],
      [`'${link}`, "'+SUM(1)", "'\t=1", ''],
      [`'${link}`, "'+SUM(1)", 'extra', ''],
    ]);
    // A field that starts as a formula would is a plain number, nothing else.
    for (const field of rows.flatMap((row) => Object.values(row)))
      if (/^[=+\-@\t\r]/.test(field)) expect(field).toMatch(/^[+-]?\d+(?:\.\d+)?$/);
  });

  it('R9.7 a negative number stays a number Excel reads: value and raw unquoted', async () => {
    const csv = reportsToCsv([await hostile()]);
    expect(csv).toContain(',decisions,本年处理决定数量,-2,-2,number,');
    expect(csv).toContain(",made,本年制发件数,,'-,na,");
  });

  it('writes the reports one after another, in the order given', async () => {
    const real = await seed();
    const rows = readBack(reportsToCsv([await hostile(), real]));
    expect(rows[0]?.['file']).toBe("'=cmd.txt");
    expect(rows[rows.length - 1]?.['file']).toBe(SEED);
    expect(readBack(reportsToCsv([]))).toEqual([]);
  });
});

describe('reportsToCsv for a reviewer in Excel', () => {
  const AT = '2024-05-01T00:00:00.000Z';
  const ref = { table: 'requests', row: 'newReceived', column: 'naturalPerson' };

  // The seed as a reviewer leaves it: one cell corrected, its row's check judged, the report done.
  async function reviewed(): Promise<Report> {
    const edited = applyCellEdit(await seed(), ref, '4', AT);
    const judged = applyVerdict(
      edited,
      'C3:requests:newReceived',
      { verdict: 'source-error', comment: '原文如此' },
      AT,
    );
    return setReviewStatus(judged, 'reviewed', AT);
  }

  function find(rows: Record<string, string>[], table: string, row: string, column: string) {
    const found = rows.find(
      (r) => r['table'] === table && r['row'] === row && r['column'] === column,
    );
    if (!found) throw new Error(`no CSV row for ${table}/${row}/${column}`);
    return found;
  }

  it('R9.11 puts the Chinese table title, row label and column label beside the keys', async () => {
    const csv = reportsToCsv([await reviewed()]);
    expect(csv.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    const rows = readBack(csv);
    expect(find(rows, 'requests', 'carriedForward', 'total')).toMatchObject({
      tableTitle: '收到和处理政府信息公开申请情况',
      rowLabel: '四、结转下年度继续办理',
      columnLabel: '总计',
    });
    expect(find(rows, 'active', 'regulations', 'valid')).toMatchObject({
      tableTitle: '主动公开政府信息情况',
      rowLabel: '规章',
      columnLabel: '现行有效件数',
    });
    for (const key of ['table', 'row', 'column'] as const) {
      const labelled = CSV_COLUMNS.indexOf(key) + 1;
      expect(CSV_COLUMNS[labelled]).toMatch(/Title|Label/);
    }
  });

  it('R9.11 a cell that no column of its table names has an empty column label', async () => {
    const rows = readBack(reportsToCsv([await hostile()]));
    expect(rows.map((r) => [r['column'], r['columnLabel']])).toEqual([
      ['made', '本年制发件数'],
      ['decisions', '本年处理决定数量'],
      ['extra', ''],
    ]);
  });

  it("R9.12 a corrected cell carries the parser's original value and raw text; others none", async () => {
    const rows = readBack(reportsToCsv([await reviewed()]));
    expect(find(rows, 'requests', 'newReceived', 'naturalPerson')).toMatchObject({
      value: '4',
      raw: '4',
      corrected: 'true',
      originalValue: '3',
      originalRaw: '3',
    });
    expect(find(rows, 'requests', 'newReceived', 'total')).toMatchObject({
      corrected: 'false',
      originalValue: '',
      originalRaw: '',
    });
    // A cell corrected to a blank keeps its original; a blank original is an empty field.
    const blanked = applyCellEdit(await seed(), ref, '', AT);
    expect(
      find(readBack(reportsToCsv([blanked])), 'requests', 'newReceived', 'naturalPerson'),
    ).toMatchObject({ value: '', raw: '', kind: 'blank', originalValue: '3', originalRaw: '3' });
  });

  it('R9.13 lists the checks a cell takes part in, with status, verdict and comment', async () => {
    const rows = readBack(reportsToCsv([await reviewed()]));
    const cell = find(rows, 'requests', 'newReceived', 'naturalPerson');
    expect(cell['checks']).toBe(
      'C1:requests:naturalPerson=fail; C3:requests:newReceived=fail/source-error',
    );
    expect(cell['comments']).toBe('C3:requests:newReceived=原文如此');
    // A cell of the row that no one judged still names the judged check of its row.
    expect(find(rows, 'requests', 'newReceived', 'commercial')['checks']).toBe(
      'C1:requests:commercial=pass; C3:requests:newReceived=fail/source-error',
    );
    expect(find(rows, 'active', 'fees', 'amount')).toMatchObject({ checks: '', comments: '' });
  });

  it("R9.14 every row carries its report's review status", async () => {
    const rows = readBack(reportsToCsv([await reviewed(), await seed()]));
    const first = rows.filter((r) => r['reviewStatus'] === 'reviewed');
    const second = rows.filter((r) => r['reviewStatus'] === 'unreviewed');
    expect(first.length).toBeGreaterThan(0);
    expect(first.length + second.length).toBe(rows.length);
    expect(rows[0]?.['reviewStatus']).toBe('reviewed');
    expect(rows[rows.length - 1]?.['reviewStatus']).toBe('unreviewed');
  });

  it('R9.7 labels are inert too; a comment field starts with its check id', async () => {
    const report = await reviewed();
    const judged = applyVerdict(
      report,
      'C3:requests:newReceived',
      { verdict: 'source-error', comment: '=1+1' },
      AT,
    );
    const [table] = judged.tables;
    if (!table) throw new Error('the seed has tables');
    const labels: Report = {
      ...judged,
      tables: [{ ...table, title: '@title', rows: table.rows.map((r) => ({ ...r, label: '-x' })) }],
    };
    expect(readBack(reportsToCsv([labels]))[0]).toMatchObject({
      tableTitle: "'@title",
      rowLabel: "'-x",
    });
    const rows = readBack(reportsToCsv([judged]));
    expect(find(rows, 'requests', 'newReceived', 'total')['comments']).toBe(
      'C3:requests:newReceived==1+1',
    );
  });
});

describe('inertText', () => {
  it('R9.7 prefixes what a spreadsheet would run, not plain numbers or other text', () => {
    expect(['=1+1', '+x', '-', '@SUM(A1)', '\tx', '\rx'].map(inertText)).toEqual([
      "'=1+1",
      "'+x",
      "'-",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ]);
    expect(['-2', '+3', '-1.5', '12', '益阳', ''].map(inertText)).toEqual([
      '-2',
      '+3',
      '-1.5',
      '12',
      '益阳',
      '',
    ]);
  });
});
