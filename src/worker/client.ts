import {
  LIMITS,
  loadPdf,
  parseReport,
  printedTables,
  type ParseResult,
  type PdfTextBoxes,
  type PrintedTable,
} from '../core';
import { crashResult, type ParseResponse, type WorkerRequest } from './protocol';

/** The part of a `Worker` the client uses; tests pass a fake. */
export interface WorkerPort {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ParseResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

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

/**
 * How long a worker may take over one file: the core's limit, the same as the command line's. A
 * 13-page PDF takes under a second; a file that takes this long is one the parser is stuck on, and
 * it would hold up every file queued behind it.
 */
export const PARSE_TIME_LIMIT_MS = LIMITS.parseSeconds * 1000;

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

interface Job {
  id: number;
  file: Blob;
  name: string;
  resolve: (result: ParseResult) => void;
  // Set once the job has its result: a cancelled job may still be listed with its worker.
  done: boolean;
  // Bumped when a job is handed back to the queue, so that a send still reading its bytes drops out.
  attempt: number;
}

interface Slot {
  port: WorkerPort;
  ready: boolean;
  /** Jobs whose bytes are still being read, to be posted to this worker. */
  reading: Set<Job>;
  // In the order posted: the worker parses one file at a time in that order, so the first one is
  // the one it is on.
  inFlight: Map<number, Job>;
  /** The time limit of the job the worker is on. */
  deadline: { job: Job; timer: ReturnType<typeof setTimeout> } | null;
}

function startModuleWorker(): WorkerPort | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
}

function spareCores(): number {
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  return Math.max(1, Math.min(4, cores - 1));
}

const READ_FAILED: ParseResult = {
  ok: false,
  error: { code: 'read-failed', message: '无法读取该文件' },
};

const CANCELLED: ParseResult = { ok: false, error: { code: 'cancelled', message: '已取消' } };

function timedOut(limitMs: number): ParseResult {
  return {
    ok: false,
    error: { code: 'timeout', message: `解析超时（超过 ${limitMs / 1000} 秒）` },
  };
}

function finish(job: Job, result: ParseResult): void {
  if (job.done) return;
  job.done = true;
  job.resolve(result);
}

const jobOn = (slot: Slot): Job | undefined => slot.inFlight.values().next().value;
const load = (slot: Slot): number => slot.reading.size + slot.inFlight.size;

async function parseHere(job: Job): Promise<ParseResult> {
  let bytes: ArrayBuffer;
  try {
    bytes = await job.file.arrayBuffer();
  } catch {
    return READ_FAILED;
  }
  try {
    return await parseReport(new Uint8Array(bytes), job.name);
  } catch (error) {
    return crashResult(error);
  }
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Parses files in a small pool of Web Workers, a few files per worker at a time. If no worker can
 * start (no Worker, a blocked script, a failed module load), parsing falls back to the main thread,
 * one file per task. If a running worker dies, the file it was on gets an error and a fresh worker
 * takes over the rest. A worker that takes longer than the time limit over a file, or is on a file
 * whose parse is cancelled, is stopped the same way: only ending a worker ends a parse. On the main
 * thread a parse cannot be stopped: the time limit does not apply, and a cancelled file's result
 * is dropped when it comes.
 */
export function createParseClient(options: ParseClientOptions = {}): ParseClient {
  const startWorker = options.startWorker ?? startModuleWorker;
  const maxInFlight = options.maxInFlight ?? 2;
  const timeLimitMs = options.timeLimitMs ?? PARSE_TIME_LIMIT_MS;
  let poolSize = options.workers ?? spareCores();
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let anyReady = false;
  let onMainThread = false;
  let mainRunning = false;
  let nextId = 1;

  function requeue(jobs: Iterable<Job>): void {
    const back = [...jobs].filter((job) => !job.done);
    for (const job of back) job.attempt += 1;
    queue.unshift(...back);
  }

  function drop(slot: Slot): void {
    if (slot.deadline) clearTimeout(slot.deadline.timer);
    slot.deadline = null;
    slot.port.terminate();
    slots.splice(slots.indexOf(slot), 1);
    requeue([...slot.inFlight.values(), ...slot.reading]);
    slot.inFlight.clear();
    slot.reading.clear();
  }

  /** Ends the worker's parse of the file it is on: that file gets `result`, the others go back. */
  function stop(slot: Slot, job: Job, result: ParseResult): void {
    slot.inFlight.delete(job.id);
    finish(job, result);
    drop(slot);
    pump();
  }

  /** Starts the time limit of the file the worker is on, once that file has changed. */
  function watch(slot: Slot): void {
    const current = slot.ready ? jobOn(slot) : undefined;
    if (slot.deadline?.job === current) return;
    if (slot.deadline) clearTimeout(slot.deadline.timer);
    slot.deadline = current
      ? {
          job: current,
          timer: setTimeout(() => stop(slot, current, timedOut(timeLimitMs)), timeLimitMs),
        }
      : null;
  }

  function cancel(job: Job): void {
    if (job.done) return;
    finish(job, CANCELLED);
    const queued = queue.indexOf(job);
    if (queued >= 0) {
      queue.splice(queued, 1);
      return;
    }
    const slot = slots.find((s) => s.reading.has(job) || s.inFlight.has(job.id));
    if (!slot) return;
    if (slot.reading.delete(job)) {
      job.attempt += 1;
      pump();
    } else if (jobOn(slot) === job) {
      stop(slot, job, CANCELLED);
    }
    // A file the worker has not begun stays listed until its answer comes (and is dropped), so
    // that the order of answers still tells which file the worker is on.
  }

  function fallBackToMainThread(): void {
    onMainThread = true;
    for (const slot of [...slots]) drop(slot);
    void runOnMainThread();
  }

  function onWorkerFailure(slot: Slot): void {
    if (!slot.ready) {
      // This worker never started. Without any that did, workers are not to be had here.
      if (!anyReady) {
        fallBackToMainThread();
        return;
      }
      poolSize = Math.max(1, poolSize - 1);
      drop(slot);
    } else {
      const culprit = jobOn(slot);
      if (culprit) {
        slot.inFlight.delete(culprit.id);
        finish(culprit, crashResult(new Error('解析进程意外终止')));
      }
      drop(slot);
    }
    pump();
  }

  function startSlot(): Slot | null {
    let port: WorkerPort | null;
    try {
      port = startWorker();
    } catch {
      port = null;
    }
    if (!port) return null;
    const slot: Slot = {
      port,
      ready: false,
      reading: new Set(),
      inFlight: new Map(),
      deadline: null,
    };
    port.onmessage = (event) => {
      const message = event.data;
      if (message.type === 'ready') {
        slot.ready = true;
        anyReady = true;
        watch(slot);
        return;
      }
      if (message.type !== 'result') return;
      const job = slot.inFlight.get(message.id);
      if (job) {
        slot.inFlight.delete(job.id);
        finish(job, message.result);
      }
      watch(slot);
      pump();
    };
    port.onerror = (event) => {
      // Handled here: the failure becomes a row's message or a main-thread fallback.
      event.preventDefault();
      onWorkerFailure(slot);
    };
    slots.push(slot);
    return slot;
  }

  async function send(job: Job, slot: Slot): Promise<void> {
    const attempt = job.attempt;
    slot.reading.add(job);
    let bytes: ArrayBuffer;
    try {
      bytes = await job.file.arrayBuffer();
    } catch {
      if (job.attempt === attempt) {
        slot.reading.delete(job);
        finish(job, READ_FAILED);
      }
      pump();
      return;
    }
    if (job.attempt !== attempt || !slots.includes(slot)) return;
    slot.reading.delete(job);
    slot.inFlight.set(job.id, job);
    slot.port.postMessage({ type: 'parse', id: job.id, name: job.name, bytes }, [bytes]);
    watch(slot);
  }

  function pump(): void {
    if (onMainThread) {
      void runOnMainThread();
      return;
    }
    // A worker more only while there are files waiting for one: a single file starts a single worker.
    const wanted = Math.min(poolSize, slots.length + queue.length);
    while (slots.length < wanted) {
      if (!startSlot()) {
        if (slots.length === 0) fallBackToMainThread();
        break;
      }
    }
    while (queue.length > 0) {
      const slot = slots.reduce<Slot | null>(
        (best, s) => (load(s) < (best ? load(best) : maxInFlight) ? s : best),
        null,
      );
      const job = slot && queue.shift();
      if (!slot || !job) return;
      void send(job, slot);
    }
  }

  async function runOnMainThread(): Promise<void> {
    if (mainRunning) return;
    mainRunning = true;
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        finish(job, await parseHere(job));
        await yieldToPage();
      }
    } catch (error) {
      for (let job = queue.shift(); job; job = queue.shift()) finish(job, crashResult(error));
    } finally {
      mainRunning = false;
    }
  }

  return {
    parse(file, name, signal) {
      return new Promise<ParseResult>((resolve) => {
        if (signal?.aborted) {
          resolve(CANCELLED);
          return;
        }
        const onAbort = () => cancel(job);
        const job: Job = {
          id: nextId++,
          file,
          name,
          resolve: (result) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(result);
          },
          done: false,
          attempt: 0,
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(job);
        pump();
      });
    },
  };
}

/**
 * Where a PDF's display text is printed (SPEC R12.40), for the page view. Null when the file cannot
 * be read, the worker fails, or it runs over the parse time limit.
 */
export function pdfBoxesOf(
  file: Blob,
  options: Pick<ParseClientOptions, 'startWorker' | 'timeLimitMs'> = {},
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
  options: Pick<ParseClientOptions, 'startWorker' | 'timeLimitMs'> = {},
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
  options: Pick<ParseClientOptions, 'startWorker' | 'timeLimitMs'>,
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
  let port: WorkerPort | null;
  try {
    port = (options.startWorker ?? startModuleWorker)();
  } catch {
    port = null;
  }
  if (!port) return request.onPage(new Uint8Array(bytes));
  const worker = port;
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
