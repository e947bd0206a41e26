import { foldLabel } from './fold';
import type { TableReading } from './templates/tableParts';
import type { ParsedIssue, Table } from './types';

// A README, a notice or an explanation of the format may quote a row of a table to show what it looks
// like: read alone, that row would make a template and a table whose checks cannot run (SPEC R0.5).

/** Fewer rows with numbers than this, and no header over them, are a quotation, not a table. */
const MIN_ROWS = 3;
/** How far before a table's first row its header may start (a 表三 header spans a few lines). */
const HEADER_WITHIN = 300;
// The column headers of 表二 and 表三 as every form prints them. 表四 and the 统计表 are only ever
// found by their headers, so they are never a bare row.
const TABLE_HEADER =
  /自然人|申请人情况|法人或其他组织|信息内容|本年制发件数|本年新制作数量|本年处理决定数量/;
const FOUND_BY_HEADER = new Set(['appeals', 'stats']);

/**
 * The no-report-data issue for tables that are only a quoted row or two without their header; null
 * when the reading is a table (or has no numbers at all, which R0.2 covers).
 */
export function quotedFragment(text: string, reading: TableReading): ParsedIssue | null {
  const rows = reading.tables.reduce((n, table) => n + rowsWithNumbers(table), 0);
  if (rows === 0 || rows >= MIN_ROWS) return null;
  const headed = reading.tables.some((table, i) => {
    const start = reading.regions[i]?.[0] ?? 0;
    const before = text.slice(Math.max(0, start - HEADER_WITHIN), start);
    return FOUND_BY_HEADER.has(table.id) || TABLE_HEADER.test(foldLabel(before));
  });
  if (headed) return null;
  return {
    code: 'no-report-data',
    severity: 'error',
    message: `只在文中找到 ${rows} 行统计表数字，没有表头：像是说明或通知中引用的表格行，不是年度报告，未作为统计表读取`,
    span: reading.regions[0] ?? null,
  };
}

function rowsWithNumbers(table: Table): number {
  return table.rows.filter((row) => Object.values(row.cells).some((cell) => cell.kind === 'number'))
    .length;
}
