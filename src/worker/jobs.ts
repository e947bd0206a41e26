import type { ParseResult } from '../core';

/** One file to parse, from `parse` until its result. */
export interface Job {
  id: number;
  file: Blob;
  name: string;
  resolve: (result: ParseResult) => void;
  // Set once the job has its result: a cancelled job may still be listed with its worker.
  done: boolean;
}

export const READ_FAILED: ParseResult = {
  ok: false,
  error: { code: 'read-failed', message: '无法读取该文件' },
};

export const CANCELLED: ParseResult = {
  ok: false,
  error: { code: 'cancelled', message: '已取消' },
};

/** A job whose result goes to `resolve`; an abort of `signal` hands it to `cancel`. */
export function createJob(
  id: number,
  file: Blob,
  name: string,
  resolve: (result: ParseResult) => void,
  signal: AbortSignal | undefined,
  cancel: (job: Job) => void,
): Job {
  const onAbort = () => cancel(job);
  const job: Job = {
    id,
    file,
    name,
    resolve: (result) => {
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    },
    done: false,
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  return job;
}

/** Gives the job its result, unless it has one: a file answered after its cancel keeps `cancelled`. */
export function finish(job: Job, result: ParseResult): void {
  if (job.done) return;
  job.done = true;
  job.resolve(result);
}

/** Puts the unfinished `jobs` back at the front of the queue, in their order: they were first. */
export function requeue(queue: Job[], jobs: Iterable<Job>): void {
  queue.unshift(...[...jobs].filter((job) => !job.done));
}
