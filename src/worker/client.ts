import type { ParseResult } from '../core';
import { crashResult, type ParseRequest, type ParseResponse } from './protocol';

/** The part of a `Worker` the client uses; tests pass a fake. */
export interface WorkerPort {
  postMessage(message: ParseRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ParseResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface ParseClient {
  /** Never rejects: a file that cannot be read or parsed resolves to `{ ok: false }`. */
  parse(file: Blob, name: string): Promise<ParseResult>;
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
}

interface Job {
  id: number;
  file: Blob;
  name: string;
  resolve: (result: ParseResult) => void;
  // Bumped when a job is handed back to the queue, so that a send still reading its bytes drops out.
  attempt: number;
}

interface Slot {
  port: WorkerPort;
  ready: boolean;
  // In the order sent: a worker answers in that order, so the first one is the one it is on.
  inFlight: Map<number, Job>;
}

type ParseFn = (bytes: Uint8Array, name: string) => Promise<ParseResult>;

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

async function parseHere(parseReport: ParseFn, job: Job): Promise<ParseResult> {
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
 * takes over the rest.
 */
export function createParseClient(options: ParseClientOptions = {}): ParseClient {
  const startWorker = options.startWorker ?? startModuleWorker;
  const maxInFlight = options.maxInFlight ?? 2;
  let poolSize = options.workers ?? spareCores();
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let anyReady = false;
  let onMainThread = false;
  let mainRunning = false;
  let nextId = 1;

  function requeue(jobs: Iterable<Job>): void {
    const back = [...jobs];
    for (const job of back) job.attempt += 1;
    queue.unshift(...back);
  }

  function drop(slot: Slot): void {
    slot.port.terminate();
    slots.splice(slots.indexOf(slot), 1);
    requeue(slot.inFlight.values());
    slot.inFlight.clear();
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
      const culprit = slot.inFlight.values().next().value;
      if (culprit) {
        slot.inFlight.delete(culprit.id);
        culprit.resolve(crashResult(new Error('解析进程意外终止')));
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
    const slot: Slot = { port, ready: false, inFlight: new Map() };
    port.onmessage = (event) => {
      const message = event.data;
      if (message.type === 'ready') {
        slot.ready = true;
        anyReady = true;
        return;
      }
      const job = slot.inFlight.get(message.id);
      if (job) {
        slot.inFlight.delete(job.id);
        job.resolve(message.result);
      }
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
    slot.inFlight.set(job.id, job);
    let bytes: ArrayBuffer;
    try {
      bytes = await job.file.arrayBuffer();
    } catch {
      if (job.attempt === attempt) {
        slot.inFlight.delete(job.id);
        job.resolve(READ_FAILED);
      }
      pump();
      return;
    }
    if (job.attempt !== attempt || !slots.includes(slot)) return;
    slot.port.postMessage({ type: 'parse', id: job.id, name: job.name, bytes }, [bytes]);
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
        (best, s) => (s.inFlight.size < (best?.inFlight.size ?? maxInFlight) ? s : best),
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
      const core = await import('../core');
      for (let job = queue.shift(); job; job = queue.shift()) {
        job.resolve(await parseHere(core.parseReport, job));
        await yieldToPage();
      }
    } catch (error) {
      for (let job = queue.shift(); job; job = queue.shift()) job.resolve(crashResult(error));
    } finally {
      mainRunning = false;
    }
  }

  return {
    parse(file, name) {
      return new Promise<ParseResult>((resolve) => {
        queue.push({ id: nextId++, file, name, resolve, attempt: 0 });
        pump();
      });
    },
  };
}
