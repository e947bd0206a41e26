import { LIMITS, type ParseResult } from '../core';
import type { Job } from './jobs';

/**
 * How long a worker may take over one file: the core's limit, the same as the command line's. A
 * 13-page PDF takes under a second; a file that takes this long is one the parser is stuck on, and
 * it would hold up every file queued behind it.
 */
export const PARSE_TIME_LIMIT_MS = LIMITS.parseSeconds * 1000;

/** The time limit of the job a worker is on. */
export interface Deadline {
  job: Job;
  timer: ReturnType<typeof setTimeout>;
}

export function timedOut(limitMs: number): ParseResult {
  return {
    ok: false,
    error: { code: 'timeout', message: `解析超时（超过 ${limitMs / 1000} 秒）` },
  };
}

/**
 * The deadline of `current`, the job a worker is on now. The running one is kept while that job is
 * the same, so that a file is timed from when its worker starts on it, not from each answer before.
 */
export function retime(
  deadline: Deadline | null,
  current: Job | undefined,
  limitMs: number,
  onOver: (job: Job) => void,
): Deadline | null {
  if (deadline?.job === current) return deadline;
  clearDeadline(deadline);
  return current ? { job: current, timer: setTimeout(() => onOver(current), limitMs) } : null;
}

export function clearDeadline(deadline: Deadline | null): null {
  if (deadline) clearTimeout(deadline.timer);
  return null;
}
