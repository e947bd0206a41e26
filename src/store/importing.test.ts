import { describe, expect, it } from 'vitest';
import { LIMITS, type Report, type Row } from '../core';
import { emptyReport, numberCell, requestsTable } from '../core/fixtures/reports';
import { beyondLimits, IMPORT_BYTES, readReportFile } from './importing';

function withRows(count: number, cellsPerRow = 1): Report {
  const cells = Object.fromEntries(
    Array.from({ length: cellsPerRow }, (_, i) => [`c${i}`, numberCell('1')]),
  );
  const rows: Row[] = Array.from({ length: count }, (_, i) => ({ key: `r${i}`, label: '', cells }));
  return { ...emptyReport('big.txt'), tables: [requestsTable(rows)] };
}

function file(report: Report): Blob {
  return new Blob([JSON.stringify(report)], { type: 'application/json' });
}

describe('an exported report read back within bounds', () => {
  it('is accepted up to the limits a parsed file has', () => {
    expect(beyondLimits(withRows(LIMITS.tableRows))).toBeNull();
    expect(beyondLimits({ ...emptyReport(), text: 'a\n'.repeat(LIMITS.lines) })).toBeNull();
  });

  it('is refused past them, saying what it had and what the limit is', () => {
    expect(beyondLimits(withRows(150_000))).toBe(
      `表格共有 150000 行，超过上限 ${LIMITS.tableRows} 行，未导入`,
    );
    expect(beyondLimits(withRows(1000, 600))).toBe(
      `表格共有 600000 个单元格，超过上限 ${LIMITS.cells} 个，未导入`,
    );
    const lines = LIMITS.lines + 1;
    expect(beyondLimits({ ...emptyReport(), text: 'a\n'.repeat(lines) })).toBe(
      `原文有 ${lines} 行，超过上限 ${LIMITS.lines} 行，未导入`,
    );
    const chars = LIMITS.textBytes + 1;
    expect(beyondLimits({ ...emptyReport(), text: 'a'.repeat(chars) })).toBe(
      `原文有 ${chars} 个字符，超过上限 ${LIMITS.textBytes} 个，未导入`,
    );
  });

  it('is refused on its own row of the queue; the other lines of the file still come in', async () => {
    const small = JSON.stringify(withRows(3));
    const big = JSON.stringify(withRows(150_000));
    const items = await readReportFile(new Blob([`${small}\n${big}\n`]), 'reports.jsonl');
    expect(items.map((item) => item.ok)).toEqual([true, false]);
    expect(items[1]).toMatchObject({ name: 'reports.jsonl 第 2 行', error: /150000 行/ });
    const [one] = await readReportFile(file(withRows(150_000)), 'big.report.json');
    expect(one).toMatchObject({ ok: false, name: 'big.report.json' });
  });

  it('is not read at all when the file is bigger than an export can be', async () => {
    const huge = { size: IMPORT_BYTES * 1.5, text: () => Promise.reject(new Error('read')) };
    const [item] = await readReportFile(huge as unknown as Blob, 'huge.report.json');
    expect(item).toMatchObject({ ok: false, error: '文件过大（300 MB），导入上限为 200 MB' });
  });
});
