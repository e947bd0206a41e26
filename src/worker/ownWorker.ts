import { loadPdf, printedTables, type PdfTextBoxes, type PrintedTable } from '../core';
import type { ParseClientOptions } from './client';
import { PARSE_TIME_LIMIT_MS } from './deadline';
import type { ParseResponse, WorkerRequest } from './protocol';
import { startModuleWorker, startPort } from './slot';

type OwnWorkerOptions = Pick<ParseClientOptions, 'startWorker' | 'timeLimitMs'>;

/**
 * Where a PDF's display text is printed (SPEC R12.40), for the page view. Null when the file cannot
 * be read, the worker fails, or it runs over the parse time limit.
 */
export function pdfBoxesOf(
  file: Blob,
  options: OwnWorkerOptions = {},
): Promise<PdfTextBoxes | null> {
  return inOwnWorker(file, options, {
    ask: (bytes) => ({ type: 'boxes', id: 1, bytes }),
    answer: (response) => (response.type === 'boxes' ? response.boxes : undefined),
    onPage: async (bytes) => (await loadPdf()).pdfTextBoxes(bytes),
  });
}

/**
 * An HTML page's or a DOCX's tables as printed (SPEC R11.20), for the source pane. Off the page's
 * thread though it is quick (about 7 ms for the 366 KB page 022). Null as for pdfBoxesOf.
 */
export function printedTablesOf(
  file: Blob,
  format: 'html' | 'docx',
  options: OwnWorkerOptions = {},
): Promise<PrintedTable[] | null> {
  return inOwnWorker(file, options, {
    ask: (bytes) => ({ type: 'printed', id: 1, bytes, format }),
    answer: (response) => (response.type === 'printed' ? response.tables : undefined),
    onPage: async (bytes) => printedTables(bytes, format),
  });
}

/**
 * One request to a worker of its own, started for it and ended after, so that a reviewer opening
 * the original never waits behind a batch being parsed. Null when the file cannot be read, the
 * worker fails, or it runs over the parse time limit. Without workers it is worked out on the page.
 */
async function inOwnWorker<T>(
  file: Blob,
  options: OwnWorkerOptions,
  request: {
    ask: (bytes: ArrayBuffer) => WorkerRequest;
    /** The answer in a response, undefined for a response that is not one. */
    answer: (response: ParseResponse) => T | null | undefined;
    onPage: (bytes: Uint8Array) => Promise<T | null>;
  },
): Promise<T | null> {
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    return null;
  }
  const worker = startPort(options.startWorker ?? startModuleWorker);
  if (!worker) return request.onPage(new Uint8Array(bytes));
  return new Promise((resolve) => {
    const done = (found: T | null) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(found);
    };
    const timer = setTimeout(() => done(null), options.timeLimitMs ?? PARSE_TIME_LIMIT_MS);
    worker.onmessage = (event) => {
      const found = request.answer(event.data);
      if (found !== undefined) done(found);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      done(null);
    };
    worker.postMessage(request.ask(bytes), [bytes]);
  });
}
