import type { ParseResult } from '../core';
import { clearDeadline, retime, timedOut } from './deadline';
import { CANCELLED, finish, type Job } from './jobs';
import { crashResult } from './protocol';
import {
  closeSlot,
  jobOn,
  load,
  openSlot,
  sendTo,
  startPort,
  type Slot,
  type SlotEvents,
  type WorkerPort,
} from './slot';

interface PoolOptions {
  startWorker: () => WorkerPort | null;
  /** Workers parsing side by side, at most. */
  size: number;
  /** Files handed to each worker before earlier ones come back. */
  maxInFlight: number;
  timeLimitMs: number;
}

interface PoolHooks {
  /** Jobs an ended worker held and had not finished: they go back to the front of the queue. */
  handBack(jobs: Job[]): void;
  /** A worker has room again: hand it the next jobs. */
  pump(): void;
  /** No worker starts here: parse on the page instead. */
  unavailable(): void;
}

/** The least loaded worker with room for one more file. */
function freeSlot(slots: Slot[], maxInFlight: number): Slot | null {
  return slots.reduce<Slot | null>(
    (best, s) => (load(s) < (best ? load(best) : maxInFlight) ? s : best),
    null,
  );
}

/**
 * The workers parsing, started as files wait for one. A worker that runs over the time limit on a
 * file, is on a cancelled file, or dies is ended (only ending a worker ends a parse): the file it
 * was on gets its result, the others go back to the queue for a fresh worker.
 */
export function createWorkerPool(options: PoolOptions, hooks: PoolHooks) {
  const slots: Slot[] = [];
  let size = options.size;
  let anyReady = false;

  function close(slot: Slot): void {
    slot.deadline = clearDeadline(slot.deadline);
    slots.splice(slots.indexOf(slot), 1);
    hooks.handBack(closeSlot(slot));
  }

  /** Ends the worker's parse of the file it is on: that file gets `result`, the others go back. */
  function stop(slot: Slot, job: Job, result: ParseResult): void {
    slot.inFlight.delete(job.id);
    finish(job, result);
    close(slot);
    hooks.pump();
  }

  /** Starts the time limit of the file the worker is on, once that file has changed. */
  function watch(slot: Slot): void {
    const over = (job: Job) => stop(slot, job, timedOut(options.timeLimitMs));
    const current = slot.ready ? jobOn(slot) : undefined;
    slot.deadline = retime(slot.deadline, current, options.timeLimitMs, over);
  }

  function failed(slot: Slot): void {
    const culprit = slot.ready ? jobOn(slot) : undefined;
    if (culprit) return stop(slot, culprit, crashResult(new Error('解析进程意外终止')));
    if (!slot.ready) {
      // This worker never started. Without any that did, workers are not to be had here.
      if (!anyReady) return hooks.unavailable();
      size = Math.max(1, size - 1);
    }
    close(slot);
    hooks.pump();
  }

  const events: SlotEvents = {
    ready(slot) {
      anyReady = true;
      watch(slot);
    },
    answered(slot) {
      watch(slot);
      hooks.pump();
    },
    failed,
  };

  async function send(job: Job, slot: Slot): Promise<void> {
    const sent = await sendTo(slot, job);
    if (sent === 'posted') watch(slot);
    else if (sent === 'unreadable') hooks.pump();
  }

  return {
    /**
     * Starts workers while files wait for one (a single file starts a single worker), up to the
     * pool's size. False when no worker runs and none starts.
     */
    grow(waiting: number): boolean {
      const wanted = Math.min(size, slots.length + waiting);
      while (slots.length < wanted) {
        const port = startPort(options.startWorker);
        if (!port) return slots.length > 0;
        slots.push(openSlot(port, events));
      }
      return true;
    },
    /** Hands the queue's next jobs to the workers with room. */
    dispatch(queue: Job[]): void {
      while (queue.length > 0) {
        const slot = freeSlot(slots, options.maxInFlight);
        const job = slot && queue.shift();
        if (!slot || !job) return;
        void send(job, slot);
      }
    },
    /** A cancelled job (given its result already) that a worker holds: its worker may end. */
    cancel(job: Job): void {
      const slot = slots.find((s) => s.reading.has(job) || s.inFlight.has(job.id));
      if (!slot) return;
      if (slot.reading.delete(job)) hooks.pump();
      else if (jobOn(slot) === job) stop(slot, job, CANCELLED);
      // A file the worker has not begun stays listed until its answer comes (and is dropped), so
      // that the order of answers still tells which file the worker is on.
    },
    closeAll(): void {
      for (const slot of [...slots]) close(slot);
    },
  };
}
