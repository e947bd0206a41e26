import { isNumeral } from './cells';
import type { TemplateDef } from './templates/national';
import type { ParsedIssue, Table } from './types';

/**
 * A cell of a count column that is not a number — words, a garbled label's piece, or digits no double
 * holds exactly (R4.6) — is low confidence with an issue on its span: the reviewer must see it, and
 * no check can vouch for it (SPEC R4.7).
 */
export function flagNonNumbers(
  tables: readonly Table[],
  template: TemplateDef | null,
): { tables: Table[]; issues: ParsedIssue[] } {
  const issues: ParsedIssue[] = [];
  const flagged = tables.map((table) => {
    const words = new Set(template?.tables.find((def) => def.id === table.id)?.textColumns);
    const labels = new Map(table.columns.map((column) => [column.key, column.label]));
    let changed = false;
    const rows = table.rows.map((row) => {
      const cells = { ...row.cells };
      for (const [column, cell] of Object.entries(row.cells)) {
        if (cell.kind !== 'text' || words.has(column)) continue;
        changed = true;
        cells[column] = { ...cell, confidence: 'low' };
        const where = `${table.title}「${row.label}」${labels.get(column) ?? column}`;
        issues.push(
          isNumeral(cell.raw)
            ? {
                code: 'number-out-of-range',
                severity: 'warning',
                message: `${where}：${cell.raw} 超出可精确保存的数字范围，按文字保留，请核对`,
                span: cell.span,
              }
            : {
                code: 'cell-not-number',
                severity: 'warning',
                message: `${where}：「${cell.raw}」不是数字，请核对`,
                span: cell.span,
              },
        );
      }
      return { ...row, cells };
    });
    return changed ? { ...table, rows } : table;
  });
  return { tables: flagged, issues };
}
