import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../report';
import type { Report } from '../types';
import { layoutPages } from './pdfLayout';
import { pdfTextBoxes, type PdfPageText, type PdfTextRun, type PdfTextBoxes } from './pdf';

const fixtures = new URL('../fixtures/', import.meta.url);
const bytesOf = (path: string) => new Uint8Array(readFileSync(new URL(path, fixtures)));
const SLOW = 60_000;

function run(str: string, x: number, y: number, fontSize = 10): PdfTextRun {
  const wide = [...str].reduce((w, char) => w + (/[\x20-\x7e]/.test(char) ? 0.5 : 1), 0);
  return { str, x, y, fontSize, width: wide * fontSize, vertical: false };
}

/** Every number the report read from the file, with its span. */
function numberCells(report: Report) {
  return report.tables.flatMap((table) =>
    table.rows.flatMap((row) =>
      Object.values(row.cells).flatMap((cell) =>
        cell.span && cell.kind === 'number' ? [{ span: cell.span, raw: cell.raw }] : [],
      ),
    ),
  );
}

/**
 * The number cells covered by a box of the page view (all but `missing` of them), and each box on
 * its page, its span a word of the display text.
 */
function expectPlaced(report: Report, boxes: PdfTextBoxes, missing = 0): void {
  const cells = numberCells(report);
  expect(cells.length).toBeGreaterThan(20);
  const unplaced = cells.filter(
    ({ span }) => !boxes.boxes.some((b) => b.span[0] <= span[0] && b.span[1] >= span[1]),
  );
  expect(unplaced.length).toBeLessThanOrEqual(missing);
  for (const { span, box } of boxes.boxes) {
    const page = boxes.pages[box.page];
    expect(page).toBeDefined();
    expect(box.x0).toBeLessThan(box.x1);
    expect(box.y0).toBeLessThan(box.y1);
    expect(box.y0).toBeGreaterThanOrEqual(-1);
    expect(box.y1).toBeLessThanOrEqual((page?.height ?? 0) + 1);
    // A box's span is text of the report: never whitespace or a bar.
    expect(report.text.slice(span[0], span[1]).trim()).toBe(report.text.slice(span[0], span[1]));
    expect(report.text.slice(span[0], span[1])).not.toMatch(/^\|?$/);
  }
}

describe('pdfTextBoxes (R12.40)', () => {
  it('R12.40 a stream row places each value on its run, at its span in the display text', () => {
    const page: PdfPageText = {
      width: 595,
      height: 842,
      runs: [
        run('一、本年新收政府信息公开申请数量', 77, 300),
        ...[21, 0, 7].map((value, i) => run(String(value), 330 + 30 * i, 301.4, 14)),
        run('本年度共收到申请21件。', 77, 400),
      ],
    };
    const { text, boxes } = layoutPages([page]);
    expect(text).toBe('一、本年新收政府信息公开申请数量 21 0 7\n本年度共收到申请21件。');
    expect(boxes.map(({ span }) => text.slice(...span))).toEqual(['21', '0', '7']);
    expect(boxes.map(({ box }) => Math.round(box.x0))).toEqual([330, 360, 390]);
    for (const { box } of boxes) {
      expect(box.page).toBe(0);
      expect(box.y0).toBeLessThan(301.4 - 0.35 * 14);
      expect(box.y1).toBeGreaterThan(301.4 - 0.35 * 14);
    }
  });

  it(
    'R12.40 a ruled table (001) places every number on its ruled cell, spans as the report has them',
    async () => {
      const bytes = bytesOf('corpus/001_hongze_qu_2023.pdf');
      const parsed = await parseReport(bytes, '001_hongze_qu_2023.pdf');
      const boxes = await pdfTextBoxes(bytes);
      expect(parsed.ok && boxes).toBeTruthy();
      if (!parsed.ok || !boxes) return;
      expect(boxes.pages.length).toBeGreaterThan(1);
      expect(boxes.text).toBe(parsed.report.text);
      expectPlaced(parsed.report, boxes);
    },
    SLOW,
  );

  it(
    'R12.40 a table printed by Chromium, and one read from positions, are placed too',
    async () => {
      // Without rulings, a value printed as part of a text cell (`行政事业性收费 5949.088667`) is
      // that cell's text, not a row's value: it has no box of its own.
      for (const [path, missing] of [
        ['variants/pdf-chromium-portrait/024_pingtan_qu_2023.pdf', 0],
        ['variants/pdf-chromium-unruled/024_pingtan_qu_2023.pdf', 1],
      ] as const) {
        const bytes = bytesOf(path);
        const parsed = await parseReport(bytes, path);
        const boxes = await pdfTextBoxes(bytes);
        expect(parsed.ok && boxes, path).toBeTruthy();
        if (parsed.ok && boxes) expectPlaced(parsed.report, boxes, missing);
      }
    },
    SLOW,
  );

  it('R12.40 a file that is not a PDF has no boxes', async () => {
    expect(await pdfTextBoxes(new TextEncoder().encode('not a pdf'))).toBeNull();
  });
});
