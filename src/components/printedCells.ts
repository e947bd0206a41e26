import type { PrintedTable, Report, Span } from '../core';
import { spanKey } from './sourceLines';

/**
 * For each printed cell (by its span's key), the span of the report's cell read from it: the first
 * cell whose span lies within the printed cell's (SPEC R11.21). A printed cell whose text is not
 * the report's text at its span (a report read by another version of the parser) gets none, so a
 * cell is never pointed at by a place that does not hold it.
 */
export function linkPrintedCells(
  report: Report,
  tables: readonly PrintedTable[],
): ReadonlyMap<string, Span> {
  const spans: Span[] = [];
  for (const table of report.tables)
    for (const row of table.rows)
      for (const cell of Object.values(row.cells))
        if (cell.span && cell.span[1] > cell.span[0]) spans.push(cell.span);
  spans.sort((a, b) => a[0] - b[0]);
  const links = new Map<string, Span>();
  // Printed cells come in the order of the text, as the sorted spans do: one walk over both.
  let at = 0;
  for (const table of tables)
    for (const row of table.rows)
      for (const { span, text } of row) {
        while ((spans[at]?.[0] ?? Infinity) < span[0]) at += 1;
        const found = spans[at];
        if (span[1] <= span[0] || report.text.slice(span[0], span[1]) !== text) continue;
        if (found && found[1] <= span[1]) links.set(spanKey(span), found);
      }
  return links;
}
