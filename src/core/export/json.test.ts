import { readdirSync, readFileSync } from 'node:fs';
import { standaloneValidator } from '../../../scripts/validatorSource';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../index';
import { emptyReport } from '../fixtures/reports';
import type { Report } from '../types';
import { serializeReport } from './json';
import { parseReportJson } from './validate';

const SEEDS = new URL('../fixtures/seeds/', import.meta.url);
const seedNames = readdirSync(SEEDS)
  .filter((name) => name.endsWith('.txt'))
  .sort();

// Every kind of object the contract has, optional keys included.
function fullReport(): Report {
  return {
    ...emptyReport(),
    meta: {
      agency: { value: '某局', span: [0, 2] },
      year: { value: 2023, span: [2, 6] },
      template: '2021',
      published: { value: '2024-01-20', span: null },
    },
    tables: [
      {
        id: 'appeals',
        title: '四、政府信息公开行政复议、行政诉讼情况',
        columns: [
          { key: 'maintained', label: '结果维持' },
          { key: 'total', label: '总计' },
        ],
        rows: [
          {
            key: 'review',
            label: '行政复议',
            cells: {
              maintained: {
                value: 10,
                raw: '10',
                kind: 'number',
                span: [10, 12],
                confidence: 'high',
              },
              total: {
                value: 10,
                raw: '10',
                kind: 'number',
                span: [13, 14],
                confidence: 'low',
                original: { value: 0, raw: '0' },
              },
            },
          },
        ],
      },
    ],
    facts: [
      {
        key: 'activeDisclosed',
        value: 37500,
        unit: '条',
        approximate: true,
        cumulative: false,
        span: [20, 28],
        sentence: [15, 30],
      },
    ],
    checks: [
      {
        id: 'C4:appeals:review',
        rule: 'C4',
        status: 'fail',
        expected: 10,
        actual: 0,
        cells: [{ table: 'appeals', row: 'review', column: 'total' }],
        left: [{ table: 'appeals', row: 'review', column: 'maintained' }],
        right: [{ table: 'appeals', row: 'review', column: 'total' }],
        verdict: 'parse-error',
        comment: '总计印为 0',
      },
    ],
    issues: [{ code: 'year-conflict', severity: 'warning', message: '年份不一致', span: [2, 6] }],
    edits: [
      {
        at: '2024-03-01T08:00:00.000Z',
        table: 'appeals',
        row: 'review',
        column: 'total',
        from: { value: 0, raw: '0' },
        to: { value: 10, raw: '10' },
      },
    ],
    review: { status: 'reviewed', updatedAt: '2024-03-01T08:00:00.000Z' },
    text: '某局2023年政府信息公开工作年度报告',
  };
}

// The same data with every object's keys inserted in the opposite order.
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  ) as T;
}

function rejection(report: unknown): string {
  const result = parseReportJson(JSON.stringify(report));
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

async function exportSeed(name: string): Promise<{ report: Report; json: string }> {
  const result = await parseReport(new Uint8Array(readFileSync(new URL(name, SEEDS))), name);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return { report: result.report, json: serializeReport(result.report) };
}

describe('report@1 export', () => {
  it.each(seedNames)('R9.1 every export validates against report.schema.json: %s', async (name) => {
    const { report, json } = await exportSeed(name);
    const back = parseReportJson(json);
    expect(back.ok ? '' : back.error).toBe('');
    expect(report.source.name).toBe(name);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('R9.1 the seeds with national tables export them', async () => {
    for (const prefix of ['001_', '003_']) {
      const name = seedNames.find((n) => n.startsWith(prefix));
      expect(name, prefix).toBeDefined();
      const { report } = await exportSeed(name ?? '');
      expect(report.tables.length, name).toBeGreaterThan(0);
    }
  });

  it('R9.2 the schema accepts a minimal report and one that uses every field', () => {
    for (const report of [emptyReport(), fullReport()]) {
      const result = parseReportJson(JSON.stringify(report));
      expect(result.ok ? '' : result.error).toBe('');
    }
  });

  it('R9.2 the schema rejects a report without its schema tag', () => {
    const untagged: Partial<Report> = emptyReport();
    delete untagged.schema;
    expect(rejection(untagged)).toMatch(/schema/);
    expect(rejection({ ...emptyReport(), schema: 'nianbao/report@2' })).toMatch(/\/schema/);
  });

  it('R9.2 the schema rejects a cell of an unknown kind, or whose value contradicts its kind', () => {
    const report = fullReport();
    const cells = report.tables[0]?.rows[0]?.cells ?? {};
    const total = cells.total;
    expect(total).toBeDefined();
    if (!total) return;
    cells.total = { ...total, kind: 'numeric' as never };
    expect(rejection(report)).toMatch(/\/tables\/0\/rows\/0\/cells\/total/);
    // Blank is never 0, and a number cell always has its number.
    cells.total = { ...total, kind: 'blank', raw: '' };
    expect(rejection(report)).toMatch(/\/cells\/total\/value/);
    cells.total = { ...total, value: null };
    expect(rejection(report)).toMatch(/\/cells\/total\/value/);
  });

  it('R9.2 the schema rejects a span that is not two non-negative integers', () => {
    for (const span of [[1, 2, 3], [1], [-1, 2], [0.5, 2], ['0', '2']]) {
      const report = fullReport();
      report.issues = [{ code: 'x', severity: 'info', message: '', span: span as never }];
      expect(rejection(report)).toMatch(/\/issues\/0\/span/);
    }
  });

  it('R9.2 the schema allows fields added at the top level and nowhere else', () => {
    const added = parseReportJson(JSON.stringify({ ...emptyReport(), notes: '' }));
    expect(added.ok).toBe(true);
    const report = fullReport();
    report.checks = report.checks.map((c) => ({ ...c, passed: true }));
    expect(rejection(report)).toMatch(/\/checks\/0/);
  });

  it('R9.2 parseReportJson reports text that is not JSON', () => {
    const result = parseReportJson('{"schema":');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(/JSON/);
  });

  it('R9.3 the key order follows the contract, whatever order the object was built in', () => {
    const json = serializeReport(fullReport());
    expect(serializeReport(reversedKeys(fullReport()))).toBe(json);
    const data = JSON.parse(json) as Report;
    expect(Object.keys(data)).toEqual([
      'schema',
      'parser',
      'source',
      'meta',
      'tables',
      'facts',
      'checks',
      'issues',
      'edits',
      'review',
      'text',
    ]);
    const row = data.tables[0]?.rows[0];
    expect(Object.keys(row?.cells ?? {})).toEqual(['maintained', 'total']);
    expect(Object.keys(row?.cells.total ?? {})).toEqual([
      'value',
      'raw',
      'kind',
      'span',
      'confidence',
      'original',
    ]);
    expect(Object.keys(data.checks[0] ?? {})).toEqual([
      'id',
      'rule',
      'status',
      'expected',
      'actual',
      'cells',
      'left',
      'right',
      'verdict',
      'comment',
    ]);
  });

  it('R9.3 cells follow the order of the columns, not of the row object', () => {
    const report = fullReport();
    const row = report.tables[0]?.rows[0];
    if (row) row.cells = reversedKeys(row.cells);
    expect(serializeReport(report)).toBe(serializeReport(fullReport()));
  });

  it('R9.4 the export is one line and round-trips byte for byte', () => {
    for (const report of [emptyReport(), fullReport()]) {
      const json = serializeReport(report);
      expect(json).not.toMatch(/\n/);
      expect(serializeReport(JSON.parse(json) as Report)).toBe(json);
      const back = parseReportJson(json);
      expect(back.ok && serializeReport(back.report)).toBe(json);
    }
  });

  it('R9.4 optional keys that are undefined are left out, not written as null', () => {
    const report = fullReport();
    report.checks = report.checks.map((c) => ({ ...c, verdict: undefined, comment: undefined }));
    const cells = report.tables[0]?.rows[0]?.cells ?? {};
    for (const [key, cell] of Object.entries(cells)) cells[key] = { ...cell, original: undefined };
    expect(serializeReport(report)).not.toMatch(/"verdict"|"comment"|"original"/);
  });

  it('R9.4 fields added at the top level survive, after the known ones, sorted', () => {
    const json = serializeReport({
      ...emptyReport(),
      zeta: { b: 1, a: [{ d: 1, c: 2 }] },
      alpha: 1,
    } as Report);
    expect(json.endsWith('"text":"","alpha":1,"zeta":{"a":[{"c":2,"d":1}],"b":1}}')).toBe(true);
    expect(serializeReport(JSON.parse(json) as Report)).toBe(json);
  });

  it('R9.8 a non-finite number is never written as null: serializing it throws', () => {
    const report = fullReport();
    for (const bad of [Infinity, -Infinity, NaN]) {
      const check = report.checks[0];
      if (!check) throw new Error('the full report has a check');
      expect(() => serializeReport({ ...report, checks: [{ ...check, expected: bad }] })).toThrow(
        /cannot hold expected/,
      );
      const cells = {
        cell: {
          value: bad,
          raw: '9',
          kind: 'number' as const,
          span: null,
          confidence: 'low' as const,
        },
      };
      const tables = [{ id: 't', title: '', columns: [], rows: [{ key: 'r', label: '', cells }] }];
      expect(() => serializeReport({ ...report, tables })).toThrow(/cannot hold value/);
    }
  });

  it('R9.4 parsing the same bytes twice exports the same bytes', async () => {
    const name = seedNames[0] ?? '';
    const [first, second] = await Promise.all([exportSeed(name), exportSeed(name)]);
    expect(second.json).toBe(first.json);
  });
});

describe('the standalone validator', () => {
  it('R9.6 validateReport.js is compiled from the current report.schema.json', () => {
    const committed = readFileSync(new URL('./validateReport.js', import.meta.url), 'utf8');
    expect(committed).toBe(standaloneValidator());
  });
});
