import type { FailureCode } from './types';

const MB = 1024 * 1024;

/**
 * What one file may hold (SPEC R14). The app, the worker pool and the command line share these, so
 * a file is refused the same way everywhere, with a message naming the limit and what the file had.
 * The real reports of the golden set are at most 0.8 MB (a PDF; 367 KB for a saved page) and 713
 * lines, with tables of about 30 rows and 250 cells: the limits leave ample room above them while
 * keeping one tab's time and memory bounded.
 */
export const LIMITS = Object.freeze({
  /**
   * A text or HTML file: 55× the largest report page seen. Measured in Node: 16 MB of prose parses
   * in about 3 s with a peak of 0.7 GB.
   */
  textBytes: 20 * MB,
  /** A PDF or DOCX: mostly images and fonts, which are never decompressed (PDF scans run to tens of MB). */
  documentBytes: 50 * MB,
  /** What a DOCX's parts read (its main part and relationships) may inflate to, counted as they inflate. */
  inflatedBytes: 50 * MB,
  /** Lines of the display text, whatever the format: 400× the longest report; 290 000 parse in 1.5–3 s. */
  lines: 300_000,
  /** Table rows an HTML or DOCX reader reads in the whole file. */
  tableRows: 50_000,
  /** Cells read: table cells of an HTML or DOCX file, cell tokens of the display text. */
  cells: 500_000,
  /** Tables inside tables in HTML or DOCX; deeper ones are read as text, so rendering them cannot exhaust the stack. */
  tableDepth: 64,
  /** Elements open at once in HTML or DOCX markup, as in Chromium, which nests no deeper either. */
  depth: 512,
  /**
   * Seconds one file may take to parse before the worker pool or the command line gives up on it. A
   * real report takes under half a second (a PDF); hostile HTML and DOCX within the limits above
   * measured up to about 12 s; a PDF's time is mostly pdf.js's and bounded by its bytes alone.
   */
  parseSeconds: 60,
} as const);

export type Limits = typeof LIMITS;

/** Sizes in messages: a limit as `20 MB`, a file as `20.4 MB` (never rounded down to the limit's figure). */
export function formatBytes(bytes: number): string {
  if (bytes % MB === 0) return `${bytes / MB} MB`;
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** Thrown by a reader that met a limit mid-way, caught by the reader's entry point (never escapes the core). */
export class LimitExceeded extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
  ) {
    super(message);
  }
}

/** More cells than LIMITS.cells: a table of a report has a few hundred. */
export function tooManyCells(): LimitExceeded {
  return new LimitExceeded(
    'too-many-cells',
    `单元格数超过上限：最多读取 ${LIMITS.cells} 个单元格，此文件超过 ${LIMITS.cells} 个，未读取`,
  );
}
