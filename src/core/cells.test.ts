import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exactNumber, parseCellText } from './cells';
import { serializeReport } from './export/json';
import { validate } from './export/validateReport.js';
import { extractFacts } from './facts';
import { parseReport } from './report';

describe('parseCellText', () => {
  it.each([
    ['0', 0],
    ['  12 ', 12],
    ['１２３', 123],
    ['1,234', 1234],
    ['+1036', 1036],
    ['-8', -8],
    ['24252.311082', 24252.311082],
    ['251000元', 251000],
    ['3.5万元', 3.5],
    ['22（其中修订16件）', 22],
  ])('R4.2 reads the number in %j as %d', (raw, value) => {
    expect(parseCellText(raw)).toEqual({ value, raw, kind: 'number' });
  });

  it('R4.1 a blank cell is blank, never zero', () => {
    expect(parseCellText('')).toEqual({ value: null, raw: '', kind: 'blank' });
    expect(parseCellText(' \u00a0')).toMatchObject({ value: null, kind: 'blank' });
  });

  it.each(['/', '-', '—', '无', '不适用', '／'])('R4.3 %j is not applicable', (raw) => {
    expect(parseCellText(raw)).toEqual({ value: null, raw, kind: 'na' });
  });

  it.each(['见附件', '1.2.3', '12a'])('R4.4 %j is text, not a number', (raw) => {
    expect(parseCellText(raw)).toEqual({ value: null, raw, kind: 'text' });
  });

  it('R4.5 the raw text is kept exactly as printed', () => {
    expect(parseCellText(' 22（其中修订16件）').raw).toBe(' 22（其中修订16件）');
  });
});

describe('numbers a double cannot hold', () => {
  it.each([
    '9'.repeat(400),
    '99999999999999999999',
    '9007199254740993',
    '-9007199254740993',
    '12345678901234.56',
    '0.1234567890123456',
    `${'9'.repeat(400)}.5`,
    '1,000,000,000,000,000,000元',
  ])('R4.6 %j is text, never a lossy number', (raw) => {
    expect(parseCellText(raw)).toEqual({ value: null, raw, kind: 'text' });
  });

  it.each([
    ['9007199254740991', 9007199254740991],
    ['-9007199254740991', -9007199254740991],
    ['123456789012.345', 123456789012.345],
    ['0.000123456789012345', 0.000123456789012345],
    ['1.50000000000000000000', 1.5],
    ['75394432.52', 75394432.52],
  ])('R4.6 %j is still the number %d', (raw, value) => {
    expect(parseCellText(raw)).toEqual({ value, raw, kind: 'number' });
    expect(exactNumber(raw)).toBe(value);
  });

  it('R4.6 a prose figure no double holds is a fact without a value', () => {
    const text = `本年度收到政府信息公开申请${'9'.repeat(30)}件。主动公开政府信息九九九九九九九九九九九九九九九九九九条。`;
    expect(extractFacts(text, []).map((fact) => [fact.key, fact.value])).toEqual([
      ['requestsReceived', null],
      ['activeDisclosed', null],
    ]);
  });

  // Seed 001 with 本年新收's first cell (3, on the line after its label) printed as `raw`.
  async function withFirstCell(raw: string) {
    const seed = readFileSync(
      new URL('./fixtures/seeds/001_b7938c474e787140.txt', import.meta.url),
      'utf8',
    );
    const row = '一、本年新收政府信息公开申请数量 |\n3 |';
    expect(seed).toContain(row);
    const text = seed.replace(row, row.replace('3 |', `${raw} |`));
    const result = await parseReport(new TextEncoder().encode(text), 'huge.txt');
    if (!result.ok) throw new Error(result.error.code);
    return result.report;
  }

  it.each([20, 400])(
    'R4.6 a report with a %i-digit cell has no lossy number and exports JSON that validates',
    async (digits) => {
      const raw = '9'.repeat(digits);
      const report = await withFirstCell(raw);
      const cells = report.tables.flatMap((table) =>
        table.rows.flatMap((row) => Object.values(row.cells)),
      );
      for (const cell of cells.filter((c) => c.raw === raw))
        expect(cell).toMatchObject({ kind: 'text', value: null });
      expect(cells.every((c) => c.value === null || Number.isSafeInteger(c.value))).toBe(true);
      expect(validate(JSON.parse(serializeReport(report)))).toBe(true);
    },
  );

  it.each([
    ['99999999999999999999', 'number-out-of-range'],
    ['9'.repeat(400), 'number-out-of-range'],
    ['abc', 'cell-not-number'],
    ['12三', 'cell-not-number'],
  ])('R4.7 a count cell %j is low confidence with the issue %s', async (raw, code) => {
    const report = await withFirstCell(raw);
    const requests = report.tables.find((table) => table.id === 'requests');
    const cell = requests?.rows.find((row) => row.key === 'newReceived')?.cells.naturalPerson;
    expect(cell).toMatchObject({ raw, kind: 'text', confidence: 'low' });
    const issues = report.issues.filter((issue) => issue.code === code);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.span).toEqual(cell?.span);
    expect(issues[0]?.message).toContain('本年新收政府信息公开申请数量');
  });

  it('R4.7 a 统计表 单位 of words is no issue', async () => {
    const text = readFileSync(
      new URL('./fixtures/corpus/009_pingtan_xian_2011.txt', import.meta.url),
    );
    const result = await parseReport(new Uint8Array(text), '009.txt');
    if (!result.ok) throw new Error(result.error.code);
    const units = result.report.tables.flatMap((table) =>
      table.rows.flatMap((row) => (row.cells.unit ? [row.cells.unit] : [])),
    );
    expect(units.some((cell) => cell.kind === 'text')).toBe(true);
    expect(result.report.issues.map((issue) => issue.code)).not.toContain('cell-not-number');
  });

  it('R4.6 99999999999999999999 in its own cell is that text, not 1e20', async () => {
    const report = await withFirstCell('99999999999999999999');
    const requests = report.tables.find((table) => table.id === 'requests');
    const cell = requests?.rows.find((row) => row.key === 'newReceived')?.cells.naturalPerson;
    expect(cell).toMatchObject({ raw: '99999999999999999999', kind: 'text', value: null });
  });
});
