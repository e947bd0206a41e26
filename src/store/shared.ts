import type { StoreApi } from 'zustand';
import { own, type CellRef, type ParseResult, type Report } from '../core';
import { t } from '../i18n';
import type { History } from './history';
import { visibleOrder } from './queue';
import type { ReviewStore } from './reviewStore';

// What the slices of the review store share: the per-store session and a few readings of the state.

export type SetStore = StoreApi<ReviewStore>['setState'];
export type GetStore = StoreApi<ReviewStore>['getState'];

export interface ReviewDeps {
  /** Resolves, whatever happens, with the code `cancelled` soon after the signal aborts. */
  parse: (file: Blob, name: string, signal: AbortSignal) => Promise<ParseResult>;
  fetchSample: () => Promise<File>;
  now: () => string;
  /** How long parse results wait to be applied together. */
  batchMs: number;
}

export const SAMPLE_FILE = '001_b7938c474e787140.txt';

/** Where the reviewer was when files were added. */
export interface Moment {
  selectedId: string | null;
  history: History;
}

/** What one store keeps outside its state, shared by the slices that parse, remove and reset. */
export interface Session {
  readonly deps: ReviewDeps;
  newId(): string;
  /** The files being parsed, by entry id, to stop their parse, with the SHA-256 of their bytes. */
  readonly parsing: Map<string, { stop: AbortController; sha: string | null }>;
  /** The entries of the last batch added, in the order given, to open the first once it is ready. */
  opening: { ids: string[]; from: Moment } | null;
}

export function createSession(deps: ReviewDeps): Session {
  // Ids outlive the page in the stored workspace: a per-page prefix keeps the ids of this page
  // apart from those restored, even for files added while the workspace is still loading.
  const prefix = Math.random().toString(36).slice(2, 8);
  let nextId = 1;
  return { deps, newId: () => `${prefix}-${nextId++}`, parsing: new Map(), opening: null };
}

export function moment(get: GetStore): Moment {
  const { selectedId, history } = get();
  return { selectedId, history };
}

// What was dropped, picked or pasted is what the reviewer wants to see: the batch's first report
// opens once it is ready. The reviewer is never taken away from work, though: not while a cell is
// being edited, nor once they have chosen another report or changed anything (an edit, a
// verdict, a comment) since the files were added; the new rows are there when they want them.
export function stillWhere(get: GetStore, from: Moment): boolean {
  const { editing, selectedId, history } = get();
  return editing === null && selectedId === from.selectedId && history === from.history;
}

export function selectedReport(state: ReviewStore): Report | null {
  return state.selectedId === null ? null : (state.entries[state.selectedId]?.report ?? null);
}

export function cellAt(report: Report, ref: CellRef) {
  const row = report.tables.find((t) => t.id === ref.table)?.rows.find((r) => r.key === ref.row);
  return row && own(row.cells, ref.column);
}

export const noSelection = {
  selectedId: null,
  selectedCell: null,
  selectedSpan: null,
  activeTab: null,
  selectedCheck: null,
  selectedSuggestion: null,
  editing: null,
} satisfies Partial<ReviewStore>;

export function shownIds(get: GetStore): string[] {
  return visibleOrder(get());
}

/** In a read-only tab, says why instead of changing the workspace. */
export function blocked(set: SetStore, get: GetStore): boolean {
  if (get().access.readOnly === null) return false;
  set({ notice: t.readOnly.blocked });
  return true;
}
