import type { ParseResult, PdfTextBoxes, PrintedTable } from '../core';

/** Page → worker. `id` pairs the answer with its file; `bytes` is transferred, not copied. */
export interface ParseRequest {
  type: 'parse';
  id: number;
  name: string;
  bytes: ArrayBuffer;
}

/** Page → worker: where a PDF's display text is printed, for the page view (SPEC R12.40). */
interface BoxesRequest {
  type: 'boxes';
  id: number;
  bytes: ArrayBuffer;
}

/** Page → worker: an HTML page's or a DOCX's tables as printed, for the source pane (SPEC R11.20). */
interface PrintedRequest {
  type: 'printed';
  id: number;
  bytes: ArrayBuffer;
  format: 'html' | 'docx';
}

export type WorkerRequest = ParseRequest | BoxesRequest | PrintedRequest;

/** Worker → page. `ready` is sent once the module has loaded, so a worker that cannot start is told apart from a slow one. */
export type ParseResponse =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: ParseResult }
  | { type: 'boxes'; id: number; boxes: PdfTextBoxes | null }
  | { type: 'printed'; id: number; tables: PrintedTable[] | null };

/** What a crash inside the parser becomes, so that one bad file cannot take the others down. */
export function crashResult(error: unknown): ParseResult {
  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'parser-crash', message: `解析器内部错误：${detail}` } };
}
