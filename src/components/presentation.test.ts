import { describe, expect, it } from 'vitest';
import type { Check, Report } from '../core';
import { describeCheck } from './checkText';
import { exportFileName } from './download';
import { collectMarks, parseSpanKey, spanKey, splitLines } from './sourceLines';

const ref = (row: string, column: string) => ({ table: 'requests', row, column });

function requests(values: Record<string, number>): Report {
  const rows = [
    ['newReceived', '一、本年新收政府信息公开申请数量'],
    ['carriedOver', '二、上年结转政府信息公开申请数量'],
    ['totalProcessed', '(七)总计'],
    ['carriedForward', '四、结转下年度继续办理'],
  ];
  return {
    tables: [
      {
        id: 'requests',
        title: '收到和处理政府信息公开申请情况',
        columns: [{ key: 'total', label: '总计' }],
        rows: rows.map(([key = '', label = '']) => ({
          key,
          label,
          cells: {
            total: {
              value: values[key] ?? null,
              raw: String(values[key] ?? ''),
              kind: values[key] === undefined ? 'blank' : 'number',
              span: null,
              confidence: 'high',
            },
          },
        })),
      },
    ],
  } as unknown as Report;
}

describe('checks as arithmetic', () => {
  it('reads like the form: 一 + 二 = 3 + 0 = 3 ≠ (七) + 四 = 2 + 0 = 2', () => {
    const check: Check = {
      id: 'C1:requests:total',
      rule: 'C1',
      status: 'fail',
      expected: 3,
      actual: 2,
      cells: [],
      left: [ref('newReceived', 'total'), ref('carriedOver', 'total')],
      right: [ref('totalProcessed', 'total'), ref('carriedForward', 'total')],
    };
    const report = requests({
      newReceived: 3,
      carriedOver: 0,
      totalProcessed: 2,
      carriedForward: 0,
    });
    expect(describeCheck(check, report)).toEqual({
      place: '表三 · 总计',
      equation: '一 + 二 = 3 + 0 = 3 ≠ (七) + 四 = 2 + 0 = 2',
    });
  });

  it('shows a blank operand as 空, and an undecided check with ?', () => {
    const check: Check = {
      id: 'C1:requests:total',
      rule: 'C1',
      status: 'uncertain',
      expected: null,
      actual: 2,
      cells: [],
      left: [ref('newReceived', 'total'), ref('carriedOver', 'total')],
      right: [ref('totalProcessed', 'total')],
    };
    const report = requests({ newReceived: 3, totalProcessed: 2 });
    expect(describeCheck(check, report).equation).toBe('一 + 二 = 3 + 空 = ? ? (七) = 2');
  });
});

describe('source lines', () => {
  const text = '第一行 12 件\n第二行 3\n';
  const report = {
    text,
    tables: [
      {
        id: 't',
        title: '',
        columns: [],
        rows: [
          {
            key: 'r',
            label: '',
            cells: {
              a: { span: [4, 6] },
              b: { span: [13, 14] },
              c: { span: [4, 6] },
              d: { span: null },
              e: { span: [90, 99] },
            },
          },
        ],
      },
    ],
    facts: [{ span: [4, 8] }, { span: [0, 3] }],
  } as unknown as Report;

  it('marks cells before facts, never overlapping, and skips spans outside the text', () => {
    expect(collectMarks(report)).toEqual([
      { start: 0, end: 3, kind: 'fact' },
      { start: 4, end: 6, kind: 'cell' },
      { start: 13, end: 14, kind: 'cell' },
    ]);
  });

  it('cuts the text into numbered lines of plain and marked pieces', () => {
    const lines = splitLines(text, collectMarks(report));
    expect(lines).toHaveLength(2);
    expect(lines[0]?.pieces.map((p) => [p.text, p.mark?.kind ?? null])).toEqual([
      ['第一行', 'fact'],
      [' ', null],
      ['12', 'cell'],
      [' 件', null],
    ]);
    expect(lines[1]).toMatchObject({ number: 2, start: 9, end: 14 });
    expect(lines[1]?.pieces.map((p) => p.text)).toEqual(['第二行 ', '3']);
  });

  it('shows a mark that runs over a line break on both lines', () => {
    const lines = splitLines('ab\ncd', [{ start: 1, end: 4, kind: 'cell' }]);
    expect(lines.map((l) => l.pieces.map((p) => [p.text, p.mark !== null]))).toEqual([
      [
        ['a', false],
        ['b', true],
      ],
      [
        ['c', true],
        ['d', false],
      ],
    ]);
  });

  it('writes and reads span keys as start-end', () => {
    expect(spanKey([3, 9])).toBe('3-9');
    expect(parseSpanKey('3-9')).toEqual([3, 9]);
    expect(parseSpanKey('x')).toBeNull();
  });
});

describe('export file name', () => {
  it('is the source name without its extension, then .report.json', () => {
    expect(exportFileName('001_b7938c474e787140.txt')).toBe('001_b7938c474e787140.report.json');
    expect(exportFileName('报告.2022.html')).toBe('报告.2022.report.json');
    expect(exportFileName('README')).toBe('README.report.json');
    expect(exportFileName('.hidden')).toBe('.hidden.report.json');
  });
});
