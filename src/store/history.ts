import type { CellRef, Report } from '../core';
import type { QueueEntry } from './reviewStore';

/**
 * One reviewer action on a report, undoable: the report as it was before and after it. Reports are
 * immutable and an action shares every table, row and cell it did not change, so a step holds
 * little more than what the action changed. Undo puts `before` back whole: the edit leaves the
 * audit trail (`edits`) with the cell, and the review status and time are what they were, so that
 * an export after an edit and its undo is byte for byte the export before the edit.
 */
export interface EditStep {
  kind: 'edit';
  reportId: string;
  /** What to show when the step is undone or redone: the cell edited, or the check judged. */
  cell: CellRef | null;
  check: string | null;
  /** For the undo and redo buttons' tooltips. */
  label: string;
  before: Report;
  after: Report;
}

/**
 * A report taken out of the queue: undo puts the entry back, its report with every edit and
 * verdict, at the place it had in the queue's order.
 */
export interface RemoveStep {
  kind: 'remove';
  reportId: string;
  label: string;
  entry: QueueEntry;
  /** Its index in the queue's order when it was removed. */
  index: number;
}

export type Step = EditStep | RemoveStep;

export interface History {
  undo: Step[];
  redo: Step[];
}

export const HISTORY_LIMIT = 500;

export const emptyHistory: History = { undo: [], redo: [] };

/** A new action: on top of the undo stack, which keeps the last `HISTORY_LIMIT`; redo is over. */
export function record(history: History, step: Step): History {
  const undo = [...history.undo, step];
  return { undo: undo.length > HISTORY_LIMIT ? undo.slice(-HISTORY_LIMIT) : undo, redo: [] };
}

/**
 * Drops the steps of reports that changed outside the history (replaced by an import): their
 * `before` and `after` no longer describe the report there is.
 */
export function forget(history: History, reportIds: ReadonlySet<string>): History {
  if (reportIds.size === 0) return history;
  const keep = (step: Step) => !reportIds.has(step.reportId);
  return { undo: history.undo.filter(keep), redo: history.redo.filter(keep) };
}
