import { joinAcrossPages, readLattice, tableText } from './pdfLattice';
import { streamText } from './pdfStream';
import {
  type Line,
  dropRepeatedHeaders,
  pageLines,
  runningFurniture,
  tableLine,
} from './pdfStreamLines';
import type { Span } from '../types';
import type { PdfBox, PdfPageText } from './pdfText';

// A document's pages → its display text (SPEC R12): ruled tables read from their grids (the lattice
// reading, pdfLattice.ts), everything else from the text's positions (the stream reading,
// pdfStream.ts), each table written where it stands among the page's lines.

/** Rebuilds the display text of a document from its pages' runs and rulings (R12). */
export function layoutPdfText(pages: readonly PdfPageText[]): string {
  return layoutPages(pages).text;
}

/**
 * The display text, the pages that have no text besides page numbers and running heads, the pages
 * whose table runs off the side of the page, and the stretches of text read as tables without
 * rulings: guessed, or placed by their columns.
 */
export function layoutPages(pages: readonly PdfPageText[]): {
  text: string;
  empty: number[];
  clipped: number[];
  unruled: Span[];
  aligned: Span[];
  boxes: { span: Span; box: PdfBox }[];
} {
  const furniture = runningFurniture(pages);
  const lattice = pages.map((page, index) => readLattice(page, index));
  const perPage = pages.map((page, index) =>
    pageLines({ ...page, runs: lattice[index]?.rest ?? [] }, index, furniture),
  );
  const textBetween = (page: number, from: number, to: number): boolean =>
    perPage[page]?.some((line) => line.cy > from && line.cy < to) ?? false;
  const tables = joinAcrossPages(
    lattice.map((read) => read.tables),
    textBetween,
  );
  const covered = new Set<number>();
  for (const table of tables) {
    for (let page = table.page; page <= table.endPage; page++) covered.add(page);
    const lines = perPage[table.page];
    if (!lines) continue;
    const frame = lines[0]?.page ?? {
      index: table.page,
      left: 0,
      right: pages[table.page]?.width ?? 0,
      top: 0,
      bottom: pages[table.page]?.height ?? 0,
    };
    const { text, places } = tableText(table);
    insertLine(lines, tableLine(text, table.top, frame, places));
  }
  dropRepeatedHeaders(perPage);
  const empty = perPage.flatMap((lines, index) =>
    lines.length === 0 && !covered.has(index) ? [index] : [],
  );
  const clipped = lattice.flatMap((read, index) =>
    read.tables.some((table) => table.clipped) ? [index] : [],
  );
  return { ...streamText(perPage.flat()), empty, clipped };
}

/** Puts a line among a page's lines, which run top to bottom. */
function insertLine(lines: Line[], line: Line): void {
  const at = lines.findIndex((other) => other.cy > line.cy);
  lines.splice(at < 0 ? lines.length : at, 0, line);
}
