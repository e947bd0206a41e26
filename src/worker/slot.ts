import type { Deadline } from './deadline';
import { finish, READ_FAILED, type Job } from './jobs';
import type { ParseResponse, WorkerRequest } from './protocol';

/** The part of a `Worker` the client uses; tests pass a fake. */
export interface WorkerPort {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ParseResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** One parse worker of the pool and the files it holds. */
export interface Slot {
  port: WorkerPort;
  ready: boolean;
  /** Jobs whose bytes are still being read, to be posted to this worker. */
  reading: Set<Job>;
  // In the order posted: the worker parses one file at a time in that order, so the first one is
  // the one it is on.
  inFlight: Map<number, Job>;
  /** The time limit of the job the worker is on. */
  deadline: Deadline | null;
}

export interface SlotEvents {
  /** The worker's module has loaded. */
  ready(slot: Slot): void;
  /** The worker answered for a file (already given its result): it is on the next one now. */
  answered(slot: Slot): void;
  /** The worker failed to start, or died. */
  failed(slot: Slot): void;
}

export function startModuleWorker(): WorkerPort | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
}

/** A started worker, or null where none starts: a factory that throws (a policy) is one. */
export function startPort(startWorker: () => WorkerPort | null): WorkerPort | null {
  try {
    return startWorker();
  } catch {
    return null;
  }
}

export function openSlot(port: WorkerPort, events: SlotEvents): Slot {
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
      events.ready(slot);
      return;
    }
    if (message.type !== 'result') return;
    const job = slot.inFlight.get(message.id);
    if (job) {
      slot.inFlight.delete(job.id);
      finish(job, message.result);
    }
    events.answered(slot);
  };
  port.onerror = (event) => {
    // Handled here: the failure becomes a row's message or a main-thread fallback.
    event.preventDefault();
    events.failed(slot);
  };
  return slot;
}

/** Ends the worker and returns the jobs it held, the one it was on first. */
export function closeSlot(slot: Slot): Job[] {
  slot.port.terminate();
  const held = [...slot.inFlight.values(), ...slot.reading];
  slot.inFlight.clear();
  slot.reading.clear();
  return held;
}

/**
 * Reads the job's bytes and transfers them to the worker. `dropped` when the job was taken from
 * this worker while its bytes were read (the worker ended, or the file was cancelled).
 */
export async function sendTo(slot: Slot, job: Job): Promise<'posted' | 'unreadable' | 'dropped'> {
  slot.reading.add(job);
  let bytes: ArrayBuffer;
  try {
    bytes = await job.file.arrayBuffer();
  } catch {
    if (slot.reading.delete(job)) finish(job, READ_FAILED);
    return 'unreadable';
  }
  if (!slot.reading.delete(job)) return 'dropped';
  slot.inFlight.set(job.id, job);
  slot.port.postMessage({ type: 'parse', id: job.id, name: job.name, bytes }, [bytes]);
  return 'posted';
}

export const jobOn = (slot: Slot): Job | undefined => slot.inFlight.values().next().value;
export const load = (slot: Slot): number => slot.reading.size + slot.inFlight.size;
