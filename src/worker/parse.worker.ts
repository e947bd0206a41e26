import { parseReport } from '../core';
import { crashResult, type ParseRequest, type ParseResponse } from './protocol';

// The app's tsconfig has the DOM lib, whose `self` is a Window; the WebWorker lib cannot be mixed in,
// so the little of the worker scope used here is typed by hand.
interface WorkerScope {
  postMessage(message: ParseResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ParseRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const { id, name, bytes } = event.data;
  // Through a promise chain so that a synchronous throw is caught like a rejection.
  Promise.resolve()
    .then(() => parseReport(new Uint8Array(bytes), name))
    .then(
      (result) => scope.postMessage({ type: 'result', id, result }),
      (error: unknown) => scope.postMessage({ type: 'result', id, result: crashResult(error) }),
    );
});

scope.postMessage({ type: 'ready' });
