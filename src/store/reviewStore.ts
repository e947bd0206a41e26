import { create, type StateCreator } from 'zustand';
import type { CellRef, ParseResult, Report, Span } from '../core';
import { applyCellEdit } from '../core/edits';
import { t } from '../i18n';
import { createParseClient, type ParseClient } from '../worker/client';
import { defaultTab, FACTS_TAB, type TabId } from './tabs';

export type FileStatus = 'parsing' | 'ready' | 'error';

export interface QueueEntry {
  id: string;
  name: string;
  status: FileStatus;
  /** Shown on the file's row when status is `error`. */
  error: string | null;
  /** Kept for an error found inside a parsed report, so the reviewer can still see why. */
  report: Report | null;
}

/** Typing on a selected cell opens the editor with that character, replacing the cell. */
export interface Editing {
  ref: CellRef;
  seed: string | null;
}

export interface ReviewState {
  order: string[];
  entries: Record<string, QueueEntry>;
  selectedId: string | null;
  selectedCell: CellRef | null;
  selectedSpan: Span | null;
  activeTab: TabId | null;
  /** The check whose cells are outlined, after a click on it in the list. */
  selectedCheck: string | null;
  editing: Editing | null;
  /** The files of the batches under way; both back to 0 when the last one is parsed. */
  progress: { done: number; total: number };
  pasteCount: number;
}

export interface ReviewActions {
  /** Resolves once every file given is parsed (or failed). */
  addFiles(files: readonly File[]): Promise<void>;
  addText(text: string): Promise<void>;
  loadSample(): Promise<void>;
  selectReport(id: string): void;
  setTab(tab: TabId): void;
  selectCell(ref: CellRef | null): void;
  /** A click on a number in the source: selects its cell (or fact) and that cell's tab. */
  selectSourceSpan(span: Span): void;
  /** Shows a place in the source without changing what is selected in the tables. */
  showSpan(span: Span | null): void;
  /** Selects the cells of a check, in their table, starting with its first cell. */
  selectCheck(checkId: string): void;
  startEdit(seed?: string): void;
  cancelEdit(): void;
  commitEdit(raw: string): void;
  editCell(ref: CellRef, raw: string): void;
}

export type ReviewStore = ReviewState & ReviewActions;

export interface ReviewDeps {
  parse: (file: Blob, name: string) => Promise<ParseResult>;
  fetchSample: () => Promise<File>;
  now: () => string;
  /** How long parse results wait to be applied together. */
  batchMs: number;
}

export const SAMPLE_FILE = '001_b7938c474e787140.txt';

async function fetchBundledSample(): Promise<File> {
  // Relative to the page, so it also works when the app is served under a sub-path.
  const response = await fetch(`samples/${SAMPLE_FILE}`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new File([await response.blob()], SAMPLE_FILE, { type: 'text/plain' });
}

let client: ParseClient | null = null;

function defaultDeps(): ReviewDeps {
  return {
    // Created on first use, so that importing the store starts no worker.
    parse: (file, name) => (client ??= createParseClient()).parse(file, name),
    fetchSample: fetchBundledSample,
    now: () => new Date().toISOString(),
    batchMs: 50,
  };
}

function entryFor(entry: QueueEntry, result: ParseResult): QueueEntry {
  if (!result.ok) {
    return { ...entry, status: 'error', error: result.error.message || t.errors.unknown };
  }
  const report = result.report;
  const fatal = report.issues.find((issue) => issue.severity === 'error');
  return fatal
    ? { ...entry, status: 'error', error: fatal.message, report }
    : { ...entry, status: 'ready', error: null, report };
}

function selectedReport(state: ReviewState): Report | null {
  return state.selectedId === null ? null : (state.entries[state.selectedId]?.report ?? null);
}

function cellAt(report: Report, ref: CellRef) {
  return report.tables.find((t) => t.id === ref.table)?.rows.find((r) => r.key === ref.row)?.cells[
    ref.column
  ];
}

function sameSpan(a: Span | null, b: Span | null): boolean {
  return a !== null && b !== null && a[0] === b[0] && a[1] === b[1];
}

function cellWithSpan(report: Report, span: Span): CellRef | null {
  for (const table of report.tables) {
    for (const row of table.rows) {
      for (const [column, cell] of Object.entries(row.cells)) {
        if (sameSpan(cell.span, span)) return { table: table.id, row: row.key, column };
      }
    }
  }
  return null;
}

export function reviewStore(deps: ReviewDeps): StateCreator<ReviewStore> {
  return (set, get) => {
    let nextId = 1;

    function withReport(update: (report: Report) => Partial<ReviewState>) {
      const report = selectedReport(get());
      if (report) set(update(report));
    }

    function append(entries: QueueEntry[]): void {
      set((state) => ({
        order: [...state.order, ...entries.map((e) => e.id)],
        entries: { ...state.entries, ...Object.fromEntries(entries.map((e) => [e.id, e])) },
      }));
    }

    async function addNamed(files: { file: Blob; name: string }[]): Promise<void> {
      if (files.length === 0) return;
      const added = files.map(({ file, name }) => ({
        file,
        entry: { id: `r${nextId++}`, name, status: 'parsing', error: null, report: null } as const,
      }));
      append(added.map((a) => a.entry));
      set((state) => ({
        progress: { done: state.progress.done, total: state.progress.total + added.length },
      }));
      const first = added[0];
      if (first && get().selectedId === null) get().selectReport(first.entry.id);

      await Promise.all(
        added.map(async ({ file, entry }) =>
          settleLater(entry.id, await deps.parse(file, entry.name)),
        ),
      );
    }

    // Results are applied in batches: with a thousand files, one store update (and one render of
    // the queue) per file would cost more than the parsing.
    const settled: { id: string; result: ParseResult }[] = [];
    const waiting: (() => void)[] = [];
    let flushTimer: ReturnType<typeof setTimeout> | null = null;

    function settleLater(id: string, result: ParseResult): Promise<void> {
      settled.push({ id, result });
      flushTimer ??= setTimeout(flushSettled, deps.batchMs);
      return new Promise((resolve) => waiting.push(resolve));
    }

    function flushSettled(): void {
      flushTimer = null;
      const batch = settled.splice(0);
      const resolved = waiting.splice(0);
      set((state) => {
        const entries = { ...state.entries };
        const next: Partial<ReviewState> = { entries };
        for (const { id, result } of batch) {
          const current = entries[id];
          if (!current) continue;
          entries[id] = entryFor(current, result);
          // The report arrived after it was selected: open it on its first tab.
          if (state.selectedId === id && result.ok && state.activeTab === null) {
            next.activeTab = defaultTab(result.report);
          }
        }
        const done = state.progress.done + batch.length;
        next.progress =
          done >= state.progress.total
            ? { done: 0, total: 0 }
            : { done, total: state.progress.total };
        return next;
      });
      for (const resolve of resolved) resolve();
    }

    return {
      order: [],
      entries: {},
      selectedId: null,
      selectedCell: null,
      selectedSpan: null,
      activeTab: null,
      selectedCheck: null,
      editing: null,
      progress: { done: 0, total: 0 },
      pasteCount: 0,

      addFiles: (files) => addNamed(files.map((file) => ({ file, name: file.name }))),

      addText: (text) => {
        const pasteCount = get().pasteCount + 1;
        set({ pasteCount });
        const file = new Blob([text], { type: 'text/plain;charset=utf-8' });
        return addNamed([{ file, name: t.pasteName(pasteCount) }]);
      },

      loadSample: async () => {
        let file: File;
        try {
          file = await deps.fetchSample();
        } catch {
          append([
            {
              id: `r${nextId++}`,
              name: SAMPLE_FILE,
              status: 'error',
              error: t.errors.sampleFailed,
              report: null,
            },
          ]);
          return;
        }
        await get().addFiles([file]);
      },

      selectReport: (id) => {
        const report = get().entries[id]?.report ?? null;
        set({
          selectedId: id,
          selectedCell: null,
          selectedSpan: null,
          selectedCheck: null,
          editing: null,
          activeTab: report ? defaultTab(report) : null,
        });
      },

      setTab: (tab) => set({ activeTab: tab, editing: null }),

      selectCell: (ref) => {
        if (ref === null) {
          set({ selectedCell: null, selectedSpan: null, selectedCheck: null, editing: null });
          return;
        }
        withReport((report) => ({
          selectedCell: ref,
          selectedSpan: cellAt(report, ref)?.span ?? null,
          activeTab: ref.table,
          editing: null,
        }));
      },

      selectSourceSpan: (span) =>
        withReport((report) => {
          const ref = cellWithSpan(report, span);
          if (ref) {
            return { selectedCell: ref, selectedSpan: span, activeTab: ref.table, editing: null };
          }
          const isFact = report.facts.some((fact) => sameSpan(fact.span, span));
          return isFact
            ? { selectedCell: null, selectedSpan: span, activeTab: FACTS_TAB, editing: null }
            : { selectedSpan: span };
        }),

      showSpan: (span) => set({ selectedSpan: span }),

      selectCheck: (checkId) => {
        const check = selectedReport(get())?.checks.find((c) => c.id === checkId);
        const first = check?.right[0] ?? check?.cells[0];
        if (!first) return;
        get().selectCell(first);
        set({ selectedCheck: checkId });
      },

      startEdit: (seed) => {
        const ref = get().selectedCell;
        if (ref) set({ editing: { ref, seed: seed ?? null } });
      },

      cancelEdit: () => set({ editing: null }),

      commitEdit: (raw) => {
        const editing = get().editing;
        if (!editing) return;
        set({ editing: null });
        get().editCell(editing.ref, raw);
      },

      editCell: (ref, raw) => {
        const { selectedId, entries } = get();
        const entry = selectedId === null ? undefined : entries[selectedId];
        if (!entry?.report) return;
        const report = applyCellEdit(entry.report, ref, raw.trim(), deps.now());
        if (report === entry.report) return;
        set({ entries: { ...entries, [entry.id]: { ...entry, report } } });
      },
    };
  };
}

export const useReviewStore = create<ReviewStore>()(reviewStore(defaultDeps()));
