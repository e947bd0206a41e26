import { parseReport } from '../core';
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

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.type === 'boxes') {
    const { id, bytes } = request;
    lastParse = lastParse
      .then(() => import('../core/formats/pdf'))
      .then((pdf) => pdf.pdfTextBoxes(new Uint8Array(bytes)))
      .then(
        (boxes) => scope.postMessage({ type: 'boxes', id, boxes }),
        () => scope.postMessage({ type: 'boxes', id, boxes: null }),
      );
    return;
  }
  const { id, name, bytes } = request;
  // Through a promise chain so that a synchronous throw is caught like a rejection.
  lastParse = lastParse
    .then(() => parseReport(new Uint8Array(bytes), name))
    .then(
      (result) => scope.postMessage({ type: 'result', id, result }),
      (error: unknown) => scope.postMessage({ type: 'result', id, result: crashResult(error) }),
    );
});

scope.postMessage({ type: 'ready' });
