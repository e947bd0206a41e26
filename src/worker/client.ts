import type { ParseResult } from '../core';
import { PARSE_TIME_LIMIT_MS } from './deadline';
import { CANCELLED, createJob, finish, requeue, type Job } from './jobs';
import { pageRunner } from './onPage';
import { createWorkerPool } from './pool';
import { startModuleWorker, type WorkerPort } from './slot';

export { PARSE_TIME_LIMIT_MS } from './deadline';
export { pdfBoxesOf, printedTablesOf } from './ownWorker';
export type { WorkerPort } from './slot';

export interface ParseClient {
  /**
   * Never rejects: a file that cannot be read or parsed resolves to `{ ok: false }`; one whose
   * parse runs over the time limit, with the code `timeout`; one whose signal aborts first, with
   * the code `cancelled`.
   */
  parse(file: Blob, name: string, signal?: AbortSignal): Promise<ParseResult>;
}

/** Why the pool stopped a parse, as its result's error code. */
export type ParseStop = 'timeout' | 'cancelled';

export function isParseStop(code: string): code is ParseStop {
  return code === 'timeout' || code === 'cancelled';
}

export interface ParseClientOptions {
  /** Returns null where workers are unavailable; parsing then runs on the main thread. */
  startWorker?: () => WorkerPort | null;
  /** Workers parsing side by side. Defaults to the spare cores, at most four. */
  workers?: number;
  /**
   * Files handed to each worker before earlier ones come back: enough to keep it busy while the
   * page reads the next file, few enough that 1,000 dropped files are not all in memory at once.
   */
  maxInFlight?: number;
  /** How long a worker may take over one file before it is stopped; `PARSE_TIME_LIMIT_MS` by default. */
  timeLimitMs?: number;
}

function spareCores(): number {
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  return Math.max(1, Math.min(4, cores - 1));
}

/**
 * Parses files in a small pool of Web Workers, a few files per worker at a time (pool.ts). If no
 * worker can start (no Worker, a blocked script, a failed module load), parsing falls back to the
 * main thread, one file per task (onPage.ts). A cancelled file leaves the queue, or ends the worker
 * that is on it.
 */
export function createParseClient(options: ParseClientOptions = {}): ParseClient {
  const queue: Job[] = [];
  const runOnPage = pageRunner(queue);
  let onPage = false;
  let nextId = 1;
  const pool = createWorkerPool(
    {
      startWorker: options.startWorker ?? startModuleWorker,
      size: options.workers ?? spareCores(),
      maxInFlight: options.maxInFlight ?? 2,
      timeLimitMs: options.timeLimitMs ?? PARSE_TIME_LIMIT_MS,
    },
    { handBack: (jobs) => requeue(queue, jobs), pump, unavailable: fallBackToPage },
  );

  function fallBackToPage(): void {
    onPage = true;
    pool.closeAll();
    runOnPage();
  }

  function pump(): void {
    if (onPage) runOnPage();
    else if (pool.grow(queue.length)) pool.dispatch(queue);
    else fallBackToPage();
  }

  function cancel(job: Job): void {
    if (job.done) return;
    finish(job, CANCELLED);
    const queued = queue.indexOf(job);
    if (queued >= 0) queue.splice(queued, 1);
    else pool.cancel(job);
  }

  return {
    parse(file, name, signal) {
      return new Promise<ParseResult>((resolve) => {
        if (signal?.aborted) {
          resolve(CANCELLED);
          return;
        }
        queue.push(createJob(nextId++, file, name, resolve, signal, cancel));
        pump();
      });
    },
  };
}
