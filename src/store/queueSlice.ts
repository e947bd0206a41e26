import type { StateCreator } from 'zustand';
import type { ParseResult, Report } from '../core';
import { t } from '../i18n';
import { isParseStop, type ParseStop } from '../worker/client';
import type { QueueFilter, QueueSort } from './queue';
import type { ReviewStore } from './reviewStore';
import type { Session } from './shared';

type FileStatus = 'parsing' | 'ready' | 'error';

export interface QueueEntry {
  id: string;
  name: string;
  status: FileStatus;
  /** Shown on the file's row when status is `error`. */
  error: string | null;
  /** Kept for an error found inside a parsed report, so the reviewer can still see why. */
  report: Report | null;
  /** Said on the row beside its status: the file a report was imported from, what it replaced. */
  note: string | null;
  /** With status `error`: the parse was stopped (over its time limit, or cancelled), not failed. */
  stopped?: ParseStop;
}

/** The queue's rows and how they are shown. */
export interface QueueSlice {
  order: string[];
  entries: Record<string, QueueEntry>;
  queueFilter: QueueFilter;
  queueSort: QueueSort;
  /** Words the queue's rows must hold (file name, agency, year); empty shows them all. */
  queueSearch: string;
  queueSnapshot: Record<string, QueueEntry>;
  setQueueFilter(filter: QueueFilter): void;
  setQueueSort(sort: QueueSort): void;
  setQueueSearch(search: string): void;
}

export const queueSlice: StateCreator<ReviewStore, [], [], QueueSlice> = (set, get) => ({
  order: [],
  entries: {},
  queueFilter: 'all',
  queueSort: 'attention',
  queueSearch: '',
  queueSnapshot: {},

  setQueueFilter: (queueFilter) => set({ queueFilter, queueSnapshot: get().entries }),
  setQueueSort: (queueSort) => set({ queueSort, queueSnapshot: get().entries }),
  // Not a new sort: typing narrows the rows, each staying in the order it had.
  setQueueSearch: (queueSearch) => set({ queueSearch }),
});

export function newEntry(
  session: Session,
  name: string,
  status: FileStatus,
  error: string | null = null,
): QueueEntry {
  return { id: session.newId(), name, status, error, report: null, note: null };
}

/** The entry once its file is parsed: ready, or an error with the reason on its row. */
export function entryFor(entry: QueueEntry, result: ParseResult): QueueEntry {
  if (!result.ok) {
    const { code, message } = result.error;
    const failed: QueueEntry = { ...entry, status: 'error', error: message || t.errors.unknown };
    return isParseStop(code) ? { ...failed, stopped: code } : failed;
  }
  const report = result.report;
  const fatal = report.issues.find((issue) => issue.severity === 'error');
  return fatal
    ? { ...entry, status: 'error', error: fatal.message, report }
    : { ...entry, status: 'ready', error: null, report };
}
