import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, printedTables, type Report } from '../core';
import { linkPrintedCells } from './printedCells';
import { spanKey } from './sourceLines';

const PAGE = new URL('../core/fixtures/corpus/022_pingtan_qu_2021.html', import.meta.url);

async function parsed(): Promise<{ report: Report; bytes: Uint8Array }> {
  const bytes = new Uint8Array(readFileSync(PAGE));
  const result = await parseReport(bytes, '022_pingtan_qu_2021.html');
  if (!result.ok) throw new Error(result.error.message);
  return { report: result.report, bytes };
}

describe('linkPrintedCells', () => {
  it('R11.21 links each value of the report to the printed cell it was read from, one each', async () => {
    const { report, bytes } = await parsed();
    const tables = printedTables(bytes, 'html') ?? [];
    const links = linkPrintedCells(report, tables);
    const linked = [...links.values()].map(spanKey);
    const values = report.tables.flatMap((table) =>
      table.rows.flatMap((row) =>
        Object.values(row.cells).flatMap((cell) => (cell.span ? [spanKey(cell.span)] : [])),
      ),
    );
    expect(values.length).toBeGreaterThan(100);
    expect(new Set(linked)).toEqual(new Set(values));
    expect(linked.length).toBe(values.length);
    for (const [key, span] of links) {
      const [start, end] = key.split('-').map(Number);
      expect(report.text.slice(start, end)).toBe(report.text.slice(...span));
    }
  });

  it('R11.21 links nothing where the printed text is not the report text at its span', async () => {
    const { report, bytes } = await parsed();
    const tables = printedTables(bytes, 'html') ?? [];
    const shifted = { ...report, text: ` ${report.text}` };
    expect(linkPrintedCells(shifted, tables).size).toBe(0);
  });
});
