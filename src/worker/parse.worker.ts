import { loadPdf, parseReport, printedTables } from '../core';
import { crashResult, type ParseResponse, type WorkerRequest } from './protocol';

// The app's tsconfig has the DOM lib, whose `self` is a Window; the WebWorker lib cannot be mixed in,
// so the little of the worker scope used here is typed by hand.
interface WorkerScope {
  postMessage(message: ParseResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;

// One file at a time, in the order given: a PDF's parse awaits, and two interleaved would leave
// the client unable to tell which file a worker is on (and so which one ran over its time limit).
let lastParse = Promise.resolve();

/**
 * The answer to one request, never a rejection. Through a promise chain so that a synchronous
 * throw is caught like a rejection.
 */
function answer(request: WorkerRequest): Promise<ParseResponse> {
  const { id } = request;
  switch (request.type) {
    case 'boxes':
      return loadPdf()
        .then((pdf) => pdf.pdfTextBoxes(new Uint8Array(request.bytes)))
        .then(
          (boxes): ParseResponse => ({ type: 'boxes', id, boxes }),
          (): ParseResponse => ({ type: 'boxes', id, boxes: null }),
        );
    case 'printed':
      // The readers are in this worker already (parseReport uses them): no import to wait for.
      return Promise.resolve()
        .then(() => printedTables(new Uint8Array(request.bytes), request.format))
        .then(
          (tables): ParseResponse => ({ type: 'printed', id, tables }),
          (): ParseResponse => ({ type: 'printed', id, tables: null }),
        );
    case 'parse':
      return Promise.resolve()
        .then(() => parseReport(new Uint8Array(request.bytes), request.name))
        .then(
          (result): ParseResponse => ({ type: 'result', id, result }),
          (error: unknown): ParseResponse => ({ type: 'result', id, result: crashResult(error) }),
        );
  }
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  lastParse = lastParse.then(() => answer(request)).then((response) => scope.postMessage(response));
});

scope.postMessage({ type: 'ready' });
