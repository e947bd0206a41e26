import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { IssueCode, ParsedIssue, Span } from '../types';
import { layoutPages } from './pdfLayout';
import { pagesWithTables } from './pdfStreamLines';
import { type PdfRuling, rulingsFromOperators } from './pdfRulings';
import type { PdfBox, PdfPageText, PdfTextRun } from './pdfText';

// PDF → display text (SPEC R12). pdf.js gives each page's positioned text runs and, where a table
// may stand, its drawn lines; the layout (pdfLayout.ts) reads ruled tables from their grids and the
// rest from the text's positions, into a display text that the text pipeline reads.
//
// Load this module lazily (`await import('./formats/pdf')`): pdf.js is large, and only this file
// imports it.

export { layoutPdfText } from './pdfLayout';
export type { PdfBox, PdfPageText, PdfTextRun } from './pdfText';

type PdfReadResult =
  | { ok: true; text: string; issues: ParsedIssue[] }
  | { ok: false; code: 'corrupt-pdf' | 'encrypted-pdf' | 'no-text-layer'; message: string };

/**
 * Where a PDF's display text is printed (R12.40): each page's size (viewport at scale 1) and the
 * boxes of the table values, by their span in the display text that `readPdf` gives.
 */
export interface PdfTextBoxes {
  /** The display text the spans point into: a view shows the boxes over a report with this text only. */
  text: string;
  pages: { width: number; height: number }[];
  boxes: { span: Span; box: PdfBox }[];
}

const MESSAGES = {
  corrupt: 'PDF 文件已损坏或不是有效的 PDF，无法读取',
  encrypted: 'PDF 已加密（需要密码才能打开），无法读取',
  noText: 'PDF 没有文字层（可能是扫描件），无法读取',
} as const;

// Fewer visible characters than this in the display text (page numbers and running heads left out):
// a scan, not a text PDF (R12.10).
const MIN_TEXT_CHARS = 20;

let inProcessWorker: Promise<void> | null = null;

/**
 * pdf.js runs its parser in-process (its "fake worker"), which is right in Node and inside the app's
 * own parse worker: no second worker, no URL to serve. The page view draws pages the same way (the
 * one-file build may fetch nothing separately).
 */
export async function ensureWorker(): Promise<void> {
  inProcessWorker ??= (async () => {
    const scope = globalThis as { pdfjsWorker?: unknown };
    if (scope.pdfjsWorker) return;
    // @ts-expect-error pdfjs-dist ships no type declarations for its worker module
    scope.pdfjsWorker = (await import('pdfjs-dist/legacy/build/pdf.worker.mjs')) as unknown;
  })();
  return inProcessWorker;
}

// The little of pdf.js's text content used here (its own types pull in the DOM).
interface PdfJsTextItem {
  str: string;
  dir: string;
  transform: number[];
  width: number;
  height: number;
}

/**
 * Reads a PDF's text layer into a display text (R12). Never throws: a damaged file, an encrypted
 * one or a scan without text is an error result with a Chinese message.
 */
export async function readPdf(bytes: Uint8Array): Promise<PdfReadResult> {
  if (!hasPdfHeader(bytes)) return { ok: false, code: 'corrupt-pdf', message: MESSAGES.corrupt };
  try {
    return await withDocument(bytes, async (doc) => {
      const { pages, unreadable } = await readPages(doc);
      const { text, empty, clipped, unruled, aligned } = layoutPages(pages);
      if (text.replace(/\s/g, '').length < MIN_TEXT_CHARS)
        return { ok: false, code: 'no-text-layer', message: MESSAGES.noText };
      const issues: ParsedIssue[] = unreadable.map((index) =>
        pageIssue('pdf-page-unreadable', `第 ${index + 1} 页已损坏，无法读取其文字`),
      );
      for (const index of empty)
        if ((pages[index]?.width ?? 0) > 0)
          issues.push(
            pageIssue(
              'pdf-page-without-text',
              `第 ${index + 1} 页没有文字层（可能是图片），该页的内容没有读取`,
            ),
          );
      for (const index of clipped)
        issues.push(
          pageIssue(
            'pdf-table-clipped',
            `第 ${index + 1} 页的表格超出了页面边缘，页面外的列没有印在 PDF 中，无法读取`,
          ),
        );
      for (const span of unruled)
        issues.push({
          code: 'pdf-unruled-table',
          severity: 'warning',
          message: '这部分表格没有框线，数字是按文字的位置归入行和列的，可能错行或错列，请核对',
          span,
        });
      for (const span of aligned)
        issues.push({
          code: 'pdf-aligned-table',
          severity: 'info',
          message:
            '这部分表格没有框线，各数字按其与表头和整行数字的对齐归入各列，空白单元格按原位置保留',
          span,
        });
      return { ok: true, text, issues };
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException')
      return { ok: false, code: 'encrypted-pdf', message: MESSAGES.encrypted };
    return { ok: false, code: 'corrupt-pdf', message: MESSAGES.corrupt };
  }
}

/**
 * R12.40 Where the display text's table values are printed: the pages read and laid out as
 * `readPdf` reads them, so every span is one of the report's. Null when the file cannot be read.
 */
export async function pdfTextBoxes(bytes: Uint8Array): Promise<PdfTextBoxes | null> {
  if (!hasPdfHeader(bytes)) return null;
  try {
    return await withDocument(bytes, async (doc) => {
      const { pages } = await readPages(doc);
      const { text, boxes } = layoutPages(pages);
      return { text, pages: pages.map(({ width, height }) => ({ width, height })), boxes };
    });
  } catch {
    return null;
  }
}

/** Opens the document for `read`, and lets pdf.js go once it is done; pdf.js's errors are thrown. */
async function withDocument<T>(
  bytes: Uint8Array,
  read: (doc: PdfJsDocument) => Promise<T>,
): Promise<T> {
  let task: ReturnType<typeof getDocument> | null = null;
  try {
    await ensureWorker();
    task = getDocument({
      // pdf.js may transfer (detach) the buffer it is given: the caller keeps its bytes.
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      useWorkerFetch: false,
      verbosity: 0,
      // Nothing is rendered: images are never decoded, so a page's drawing costs its paths only.
      maxImageSize: 0,
    });
    return await read((await task.promise) as unknown as PdfJsDocument);
  } finally {
    await task?.destroy().catch(() => undefined);
  }
}

/** Every page's text, and the rulings of the pages that may hold a table (R12.19). */
async function readPages(
  doc: PdfJsDocument,
): Promise<{ pages: PdfPageText[]; unreadable: number[] }> {
  const pages: PdfPageText[] = [];
  const unreadable: number[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await readPageText(doc, number);
    pages.push(page ?? { width: 0, height: 0, runs: [] });
    if (!page) unreadable.push(number - 1);
  }
  const wanted = pagesWithTables(pages);
  for (let index = 0; index < pages.length; index++)
    if (wanted[index]) (pages[index] as PdfPageText).rulings = await readRulings(doc, index + 1);
  return { pages, unreadable };
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function pageIssue(code: IssueCode, message: string): ParsedIssue {
  return { code, severity: 'warning', message, span: null };
}

/** A pdf.js item in viewport space (top-left origin, y down), whatever the page's rotation. */
function toRuns(item: PdfJsTextItem, view: number[]): PdfTextRun[] {
  if (!item.str || !/\S/.test(item.str)) return [];
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
  const [va = 1, vb = 0, vc = 0, vd = 1, ve = 0, vf = 0] = view;
  // m = view × item
  const m0 = va * a + vc * b;
  const m1 = vb * a + vd * b;
  const m2 = va * c + vc * d;
  const m3 = vb * c + vd * d;
  const x = va * e + vc * f + ve;
  const y = vb * e + vd * f + vf;
  const fontSize = Math.hypot(m2, m3) || Math.hypot(m0, m1) || item.height || 10;
  const horizontal = Math.abs(m1) <= Math.abs(m0) * 0.2;
  if (item.dir === 'ttb' || !horizontal) {
    return [{ str: item.str, x, y, width: fontSize, fontSize, vertical: true }];
  }
  const scale = Math.hypot(m0, m1) / (Math.hypot(a, b) || 1);
  return [{ str: item.str, x, y, width: item.width * scale, fontSize, vertical: false }];
}

type Matrix = [number, number, number, number, number, number];

// The little of pdf.js's document and page used here (its own types pull in the DOM).
interface PdfJsPage {
  getViewport: (options: { scale: number }) => {
    width: number;
    height: number;
    transform: number[];
  };
  getTextContent: () => Promise<{ items: object[] }>;
  getOperatorList: () => Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  cleanup: () => unknown;
}
interface PdfJsDocument {
  numPages: number;
  getPage: (number: number) => Promise<PdfJsPage>;
}

/** A page's text runs in viewport space; null when pdf.js cannot read the page. */
async function readPageText(doc: PdfJsDocument, number: number): Promise<PdfPageText | null> {
  try {
    const page = await doc.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const runs = content.items.flatMap((item) =>
      'str' in item ? toRuns(item as PdfJsTextItem, viewport.transform) : [],
    );
    page.cleanup();
    return { width: viewport.width, height: viewport.height, runs };
  } catch {
    return null;
  }
}

/** The page's ruling pieces (R12.13); none when its drawing cannot be read (the text still is). */
async function readRulings(doc: PdfJsDocument, number: number): Promise<PdfRuling[]> {
  try {
    const page = await doc.getPage(number);
    const view = page.getViewport({ scale: 1 }).transform.slice(0, 6) as Matrix;
    const rulings = rulingsFromOperators(await page.getOperatorList(), view);
    page.cleanup();
    return rulings;
  } catch {
    return [];
  }
}
