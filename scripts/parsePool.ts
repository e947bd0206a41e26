// The command line's batch: files parsed in worker threads, their lines handed on in argument order.
//
// Every file is parsed in a worker, also with one job. A worker is the one place where a file can be
// stopped and its damage contained: a parse stuck in a loop cannot be interrupted from its own thread,
// but a worker can be terminated; and a library's unhandled rejection or uncaught exception (issue 8
// saw pdf.js leave one on a corrupt PDF) ends only the worker, which is blamed on the file it held
// and replaced. One code path for every batch also means --jobs 1 and --jobs 8 cannot drift apart.
// The price is one worker start (about a second under tsx) per job, and per crash or timeout.
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { failureLine, type ParseJob, type ParseOutcome, type WorkerMessage } from './parseMessages';

export interface PoolOptions {
  jobs: number;
  /**
   * A file still parsing after this long gets a `timeout` line, and its worker is replaced. The time
   * runs from when a started worker takes the file; a worker's first PDF includes loading pdf.js.
   */
  timeoutSeconds: number;
  /** Where relative paths start. */
  cwd: string;
  /** Called once per file, in the order of `paths`; the next line waits for its promise. */
  onLine: (line: string, done: number) => Promise<void>;
  /** What a worker prints (diagnostics, a library's logging): never part of the JSON lines. */
  onDiagnostic: (text: string) => void;
}

// A longer delay makes setTimeout fire at once.
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** How many finished lines per job may wait for an earlier, slower file before dispatch pauses. */
const HELD_LINES_PER_JOB = 4;

// On Node 20 tsx's --import hook registers itself in the main thread only, so a worker started on a
// .ts file fails; it starts from plain JavaScript that registers tsx through its API and then loads
// the TypeScript worker.
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => {
  tsx.register();
  return import(${JSON.stringify(new URL('./parseWorker.ts', import.meta.url).href)});
});`;

interface Slot {
  worker: Worker;
  ready: boolean;
  job: ParseJob | null;
  timer: NodeJS.Timeout | undefined;
  /** What ended the worker, when it threw. */
  crash: unknown;
  /** Terminated on purpose (a timeout, the end of the batch): its exit is no crash. */
  retired: boolean;
}

/** Parses `paths`; resolves to whether any file could be read. */
export function parseAll(paths: readonly string[], options: PoolOptions): Promise<boolean> {
  return new Promise((resolveBatch, rejectBatch) => {
    const slots = new Set<Slot>();
    const finished = new Map<number, ParseOutcome>();
    let dispatched = 0;
    let emitted = 0;
    let anyRead = false;
    let writing = false;
    let over = false;

    const end = (result: { anyRead: boolean } | { error: unknown }): void => {
      if (over) return;
      over = true;
      for (const slot of slots) retire(slot);
      if ('error' in result) rejectBatch(result.error);
      else resolveBatch(result.anyRead);
    };

    const settle = (index: number, outcome: ParseOutcome): void => {
      finished.set(index, outcome);
      void writeInOrder();
    };

    // One writer at a time, so lines leave in order and a slow stdout holds the batch back.
    const writeInOrder = async (): Promise<void> => {
      if (writing || over) return;
      writing = true;
      try {
        for (let next = finished.get(emitted); next; next = finished.get(emitted)) {
          finished.delete(emitted);
          anyRead ||= next.read;
          emitted += 1;
          await options.onLine(next.line, emitted);
          feed();
        }
      } catch (error) {
        end({ error });
        return;
      } finally {
        writing = false;
      }
      if (emitted === paths.length) end({ anyRead });
    };

    const retire = (slot: Slot): void => {
      clearTimeout(slot.timer);
      slot.retired = true;
      slots.delete(slot);
      void slot.worker.terminate();
    };

    const start = (slot: Slot): void => {
      const path = paths[dispatched];
      if (path === undefined || dispatched >= emitted + options.jobs * HELD_LINES_PER_JOB) return;
      const job: ParseJob = { index: dispatched, path, cwd: options.cwd };
      dispatched += 1;
      slot.job = job;
      slot.timer = setTimeout(
        () => {
          options.onDiagnostic(
            `parse: ${path}: timeout: still parsing after ${options.timeoutSeconds} s\n`,
          );
          slot.job = null;
          retire(slot);
          settle(
            job.index,
            failed(path, 'timeout', `解析超时（超过 ${options.timeoutSeconds} 秒）`),
          );
          feed();
        },
        Math.min(options.timeoutSeconds * 1000, LONGEST_TIMER_MS),
      );
      slot.worker.postMessage(job);
    };

    const feed = (): void => {
      if (over) return;
      for (const slot of slots) if (slot.ready && !slot.job) start(slot);
      const wanted = Math.min(options.jobs, paths.length - dispatched);
      while (slots.size < wanted) spawn();
    };

    const spawn = (): void => {
      const worker = new Worker(WORKER_BOOT, { eval: true, stdout: true, stderr: true });
      const slot: Slot = {
        worker,
        ready: false,
        job: null,
        timer: undefined,
        crash: null,
        retired: false,
      };
      slots.add(slot);
      for (const stream of [worker.stdout, worker.stderr])
        stream.setEncoding('utf8').on('data', options.onDiagnostic);
      worker.on('message', (message: WorkerMessage) => {
        if (slot.retired) return;
        if (message.kind === 'ready') slot.ready = true;
        else {
          clearTimeout(slot.timer);
          slot.job = null;
          settle(message.index, message);
        }
        feed();
      });
      worker.on('error', (error) => (slot.crash = error));
      worker.on('exit', (code) => {
        if (slot.retired) return;
        clearTimeout(slot.timer);
        slots.delete(slot);
        const why = slot.crash ?? new Error(`the parse worker exited with status ${code}`);
        if (!slot.ready) {
          // Nothing was parsed: the worker itself cannot start (tsx missing, the core broken), and
          // starting another would fail the same way.
          end({ error: new Error(`the parse worker did not start: ${errorText(why)}`) });
          return;
        }
        const { job } = slot;
        if (job) {
          options.onDiagnostic(
            `parse: ${job.path}: ${why instanceof Error && why.stack ? why.stack : errorText(why)}\n`,
          );
          settle(
            job.index,
            failed(job.path, 'internal-error', `解析器内部错误：${errorText(why)}`),
          );
        } else
          options.onDiagnostic(`parse: a parse worker stopped between files: ${errorText(why)}\n`);
        feed();
      });
    };

    if (paths.length === 0) end({ anyRead: false });
    else feed();
  });
}

function failed(path: string, code: string, text: string): ParseOutcome {
  return { line: failureLine(basename(path), code, text), read: true };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
