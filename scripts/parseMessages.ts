// What parse.ts's pool and its worker threads (parseWorker.ts) send each other, and the failure line
// both of them write.
import type { ParseFailure } from '../src/core/index';

/** One file to parse; `index` is its place in the batch, so answers can be put back in order. */
export interface ParseJob {
  index: number;
  path: string;
  cwd: string;
}

/** A file's line on stdout; `read` is false when its bytes could not be read at all. */
export interface ParseOutcome {
  line: string;
  read: boolean;
}

export type WorkerMessage = { kind: 'ready' } | ({ kind: 'done'; index: number } & ParseOutcome);

export function failureLine(name: string, code: string, message: string): string {
  const line: ParseFailure = { source: { name }, error: { code, message } };
  return JSON.stringify(line);
}
