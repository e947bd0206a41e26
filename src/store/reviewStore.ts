import { create, type StateCreator } from 'zustand';
import {
  acceptSuggestion as applySuggestion,
  rejectSuggestion as recordRejection,
  own,
  type CellRef,
  type ParseResult,
  type Report,
  type ReviewStatus,
  type Span,
  type Suggestion,
} from '../core';
import { applyCellEdit, applyVerdict, setReviewStatus, type Judgement } from '../core/edits';
import { digestHex } from '../core/sha256';
import { t } from '../i18n';
import { createParseClient, isParseStop, type ParseClient, type ParseStop } from '../worker/client';
import {
  emptyHistory,
  forget,
  record,
  type EditStep,
  type History,
  type RemoveStep,
} from './history';
import { isReportFile, readReportFile, type ImportItem } from './importing';
import type { SavedView, Workspace } from './persistence';
import {
  adjacentId,
  adjacentProblem,
  visibleOrder,
  type QueueFilter,
  type QueueSort,
} from './queue';
import { suggestionsOf } from './suggestions';
import { defaultTab, FACTS_TAB, ISSUES_TAB, tabOrder, type TabId } from './tabs';

export type FileStatus = 'parsing' | 'ready' | 'error';

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

/** The top bar's 已保存 / 保存中… / 保存失败：reason. */
export interface SaveState {
  state: 'saved' | 'saving' | 'error';
  error: string | null;
  /** With `error`: the names of the reports whose latest state is not saved. */
  unsaved?: readonly string[];
}

/** Whether this tab may change the workspace: only one tab edits it at a time (tabLock.ts). */
export interface TabAccess {
  /** null: this tab edits. `other-tab`: another tab does. `stale`: another tab wrote over this one. */
  readOnly: null | 'other-tab' | 'stale';
  /** This tab asked the editing tab to hand over, and what came of it. */
  handover: 'idle' | 'asking' | 'refused';
  /** false where the browser cannot coordinate tabs (no Web Locks). */
  coordinated: boolean;
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
  /** The suggestion whose cells are outlined instead, after a click on its line. */
  selectedSuggestion: string | null;
  editing: Editing | null;
  /** The files of the batches under way; both back to 0 when the last one is parsed. */
  progress: { done: number; total: number };
  pasteCount: number;
  /** `loading` until the stored workspace is back in memory. */
  workspace: 'loading' | 'ready';
  save: SaveState;
  history: History;
  queueFilter: QueueFilter;
  queueSort: QueueSort;
  /** Words the queue's rows must hold (file name, agency, year); empty shows them all. */
  queueSearch: string;
  queueSnapshot: Record<string, QueueEntry>;
  /** A passing word for the reviewer (nothing left to go to); cleared by the view that shows it. */
  notice: string | null;
  access: TabAccess;
  /** Entries whose report made a pane fail: the start does not select them again. */
  failedIds: string[];
  /**
   * The files dropped as PDF, HTML or DOCX, by the SHA-256 of their bytes (their report's
   * `source.sha256`), for the source pane's 原文: imported reports have none.
   */
  originals: Record<string, Blob>;
  /** Originals the disk refused: shown this session, gone after a reload. */
  unstoredOriginals: string[];
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
  /**
   * Selects the cells of a check, starting with its printed total, and opens their table; with
   * `keepTab` the list the reviewer is in stays open.
   */
  selectCheck(checkId: string, options?: { keepTab?: boolean }): void;
  /** Selects the cells a suggestion would change, under the check it explains, in their table. */
  selectSuggestion(suggestionId: string): void;
  /** The reviewer takes a suggestion: its cells are edited, as one step to undo. */
  acceptSuggestion(reportId: string, suggestionId: string): void;
  /** The reviewer turns a suggestion down, so that it is not offered again: one step to undo. */
  rejectSuggestion(reportId: string, suggestionId: string): void;
  startEdit(seed?: string): void;
  cancelEdit(): void;
  commitEdit(raw: string): void;
  editCell(ref: CellRef, raw: string): void;
  /** Several cells of the selected report at once (a pasted block): one step to undo. */
  editCells(changes: readonly { ref: CellRef; raw: string }[]): void;
  /** The verdict or comment (or both) on a check of the selected report; what is not given stays. */
  judgeCheck(checkId: string, judgement: Partial<Judgement>): void;
  setReviewStatus(status: ReviewStatus): void;
  undo(): void;
  redo(): void;
  /** The stored workspace, put before anything added while it was loading. */
  restore(workspace: Workspace): void;
  /**
   * The stored workspace as another tab left it, in place of what this tab showed; the entries
   * `keep` (added here, never stored) stay after it.
   */
  replaceWorkspace(workspace: Workspace, keep: readonly string[]): void;
  setAccess(access: Partial<TabAccess>): void;
  /** 在此编辑: asks the tab that edits to hand over to this one. */
  requestEdit(): void;
  /** A pane failed while showing this entry's report: the next start will not select it. */
  markFailed(id: string): void;
  setSaveState(save: SaveState): void;
  clearWorkspace(): void;
  setQueueFilter(filter: QueueFilter): void;
  setQueueSort(sort: QueueSort): void;
  setQueueSearch(search: string): void;
  /** The next (1) or previous (-1) report as the queue shows them. */
  selectAdjacentReport(step: 1 | -1): void;
  /** The next (1) or previous (-1) failing check without a verdict, across reports. */
  selectAdjacentProblem(step: 1 | -1): void;
  /** Stops the parse of a file still parsing: its row then says 已取消. */
  cancelParse(id: string): void;
  /**
   * Takes a report out of the queue, as one step to undo (a file still parsing has its parse
   * stopped instead, and is gone); the report shown next to it on screen is selected in its place.
   */
  removeReport(id: string): void;
  clearNotice(): void;
  /** The disk refused these originals: the page view says they are not stored. */
  markOriginalsUnstored(shas: readonly string[]): void;
}

export type ReviewStore = ReviewState & ReviewActions;

export interface ReviewDeps {
  /** Resolves, whatever happens, with the code `cancelled` soon after the signal aborts. */
  parse: (file: Blob, name: string, signal: AbortSignal) => Promise<ParseResult>;
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
    parse: (file, name, signal) => (client ??= createParseClient()).parse(file, name, signal),
    fetchSample: fetchBundledSample,
    now: () => new Date().toISOString(),
    batchMs: 50,
  };
}

function entryFor(entry: QueueEntry, result: ParseResult): QueueEntry {
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

function without<T>(record: Readonly<Record<string, T>>, id: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => key !== id));
}

function selectedReport(state: ReviewState): Report | null {
  return state.selectedId === null ? null : (state.entries[state.selectedId]?.report ?? null);
}

function cellAt(report: Report, ref: CellRef) {
  const row = report.tables.find((t) => t.id === ref.table)?.rows.find((r) => r.key === ref.row);
  return row && own(row.cells, ref.column);
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

const noSelection = {
  selectedId: null,
  selectedCell: null,
  selectedSpan: null,
  activeTab: null,
  selectedCheck: null,
  selectedSuggestion: null,
  editing: null,
} satisfies Partial<ReviewState>;

/** The empty workspace: what there is before anything is loaded, and after 清空工作区. */
const emptyWorkspace = {
  ...noSelection,
  order: [],
  entries: {},
  pasteCount: 0,
  history: emptyHistory,
  queueSnapshot: {},
  failedIds: [],
  originals: {},
  unstoredOriginals: [],
} satisfies Partial<ReviewState>;

/** The formats whose file is more than its text: the source pane shows them as printed. */
const PRINTED_FORMATS = new Set(['pdf', 'html', 'docx']);

export function reviewStore(deps: ReviewDeps): StateCreator<ReviewStore> {
  return (set, get) => {
    // Ids outlive the page in the stored workspace: a per-page prefix keeps the ids of this page
    // apart from those restored, even for files added while the workspace is still loading.
    const session = Math.random().toString(36).slice(2, 8);
    let nextId = 1;
    const newId = () => `${session}-${nextId++}`;

    function withReport(update: (report: Report) => Partial<ReviewState>) {
      const report = selectedReport(get());
      if (report) set(update(report));
    }

    function append(entries: QueueEntry[]): void {
      const added = Object.fromEntries(entries.map((e) => [e.id, e]));
      set((state) => ({
        order: [...state.order, ...entries.map((e) => e.id)],
        entries: { ...state.entries, ...added },
        // Sorted as they come (parsing), so that their rows stay put when they are parsed.
        queueSnapshot: { ...state.queueSnapshot, ...added },
      }));
    }

    function newEntry(name: string, status: FileStatus, error: string | null = null): QueueEntry {
      return { id: newId(), name, status, error, report: null, note: null };
    }

    /** The files being parsed, by entry id, to stop their parse, with the SHA-256 of their bytes. */
    const parsing = new Map<string, { stop: AbortController; sha: string | null }>();

    /** Where the reviewer was when files were added. */
    interface Moment {
      selectedId: string | null;
      history: History;
    }

    /** The entries of the last batch added, in the order given, to open the first once it is ready. */
    let opening: { ids: string[]; from: Moment } | null = null;

    function moment(): Moment {
      const { selectedId, history } = get();
      return { selectedId, history };
    }

    // What was dropped, picked or pasted is what the reviewer wants to see: the batch's first report
    // opens once it is ready. The reviewer is never taken away from work, though: not while a cell is
    // being edited, nor once they have chosen another report or changed anything (an edit, a
    // verdict, a comment) since the files were added; the new rows are there when they want them.
    function stillWhere(from: Moment): boolean {
      const { editing, selectedId, history } = get();
      return editing === null && selectedId === from.selectedId && history === from.history;
    }

    /**
     * Opens the batch's first report that came out ready, once the ones before it are settled; when
     * none did, the first file, so that the reviewer sees why.
     */
    function openAdded(): void {
      if (!opening) return;
      const { entries } = get();
      const { ids, from } = opening;
      const ready = ids.find((id) => entries[id]?.status !== 'error');
      if (ready !== undefined && entries[ready]?.status === 'parsing') return;
      opening = null;
      const target = ready ?? ids.find((id) => id in entries);
      if (target !== undefined && target !== get().selectedId && stillWhere(from)) {
        get().selectReport(target);
      }
    }

    async function shaOf(file: Blob): Promise<string | null> {
      try {
        return await digestHex(new Uint8Array(await file.arrayBuffer()));
      } catch {
        // Unreadable (gone from the disk): the parse will say so on its row.
        return null;
      }
    }

    /** The files whose bytes are not in the queue yet; the others are named in a notice. */
    async function withoutTwins<T extends { file: Blob; name: string }>(
      files: readonly T[],
    ): Promise<(T & { sha: string | null })[]> {
      const hashed = await Promise.all(
        files.map(async (file) => ({ ...file, sha: await shaOf(file.file) })),
      );
      const known = new Set<string>();
      for (const entry of Object.values(get().entries)) {
        if (entry.report) known.add(entry.report.source.sha256);
      }
      for (const { sha } of parsing.values()) if (sha !== null) known.add(sha);
      const twins: string[] = [];
      const fresh = hashed.filter(({ sha, name }) => {
        if (sha === null) return true;
        if (known.has(sha)) {
          twins.push(name);
          return false;
        }
        known.add(sha);
        return true;
      });
      if (twins.length > 0) set({ notice: t.queueDesk.alreadyQueued(twins) });
      return fresh;
    }

    async function addNamed(files: { file: Blob; name: string }[]): Promise<void> {
      if (files.length === 0) return;
      const from = moment();
      const fresh = await withoutTwins(files);
      if (fresh.length === 0) return;
      const added = fresh.map(({ file, name, sha }) => ({
        file,
        sha,
        entry: newEntry(name, 'parsing'),
      }));
      for (const { entry, sha } of added) {
        parsing.set(entry.id, { stop: new AbortController(), sha });
      }
      append(added.map((a) => a.entry));
      set((state) => ({
        progress: { done: state.progress.done, total: state.progress.total + added.length },
      }));
      const first = added[0];
      if (first && get().selectedId === null) get().selectReport(first.entry.id);
      opening = {
        ids: added.map((a) => a.entry.id),
        from: first && from.selectedId === null ? moment() : from,
      };

      await Promise.all(
        added.map(async ({ file, entry }) => {
          const signal = parsing.get(entry.id)?.stop.signal ?? AbortSignal.abort();
          const result = await deps.parse(file, entry.name, signal);
          parsing.delete(entry.id);
          return settleLater(entry.id, result, file);
        }),
      );
    }

    // Results are applied in batches: with a thousand files, one store update (and one render of
    // the queue) per file would cost more than the parsing.
    const settled: { id: string; result: ParseResult; file: Blob }[] = [];
    const waiting: (() => void)[] = [];
    let flushTimer: ReturnType<typeof setTimeout> | null = null;

    function settleLater(id: string, result: ParseResult, file: Blob): Promise<void> {
      settled.push({ id, result, file });
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
        let originals = state.originals;
        for (const { id, result, file } of batch) {
          const current = entries[id];
          if (!current) continue;
          entries[id] = entryFor(current, result);
          const source = result.ok ? result.report.source : null;
          if (source && PRINTED_FORMATS.has(source.format) && !(source.sha256 in originals)) {
            originals = { ...originals, [source.sha256]: file };
            next.originals = originals;
          }
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
      openAdded();
      for (const resolve of resolved) resolve();
    }

    /**
     * Exported reports back into the queue, in the order read. One whose source (sha256) was in the
     * queue already takes that entry's place, and its row says so; the undo steps of the report it
     * replaced are dropped, since they describe a report that is gone.
     */
    function addImported(batches: { file: string; items: ImportItem[] }[], from: Moment): void {
      const state = get();
      const order = [...state.order];
      const entries = { ...state.entries };
      const bySource = new Map<string, string>();
      for (const id of order) {
        const sha = entries[id]?.report?.source.sha256;
        if (sha && !bySource.has(sha)) bySource.set(sha, id);
      }
      const replaced = new Map<string, string>();
      for (const { file, items } of batches) {
        for (const item of items) {
          if (!item.ok) {
            const entry = newEntry(item.name, 'error', item.error);
            entries[entry.id] = entry;
            order.push(entry.id);
            continue;
          }
          const { report } = item;
          const twin = bySource.get(report.source.sha256);
          const entry: QueueEntry = {
            ...entryFor(newEntry(report.source.name, 'parsing'), { ok: true, report }),
            note: twin ? t.importReplaced(file) : t.imported(file),
          };
          entries[entry.id] = entry;
          // Only what was in the queue before is replaced: two reports of one source in an
          // export (the same file reviewed twice) both come back.
          bySource.delete(report.source.sha256);
          if (twin) {
            order[order.indexOf(twin)] = entry.id;
            replaced.set(twin, entry.id);
          } else {
            order.push(entry.id);
          }
        }
      }
      set({
        order,
        entries: Object.fromEntries(Object.entries(entries).filter(([id]) => !replaced.has(id))),
        history: forget(state.history, new Set(replaced.keys())),
      });
      const selected = state.selectedId;
      const first = order.slice(state.order.length).find((id) => entries[id]?.report);
      const next =
        first !== undefined && (selected === null || stillWhere(from))
          ? first
          : selected === null
            ? order[state.order.length]
            : replaced.get(selected);
      if (next !== undefined) get().selectReport(next);
    }

    async function importFiles(files: readonly File[]): Promise<void> {
      if (files.length === 0) return;
      const from = moment();
      const batches = await Promise.all(
        files.map(async (file) => ({
          file: file.name,
          items: await readReportFile(file, file.name),
        })),
      );
      addImported(batches, from);
    }

    /** A reviewer's action on a report: applied, and recorded so that it can be undone. */
    function commit(
      reportId: string,
      change: (report: Report, at: string) => Report,
      step: Pick<EditStep, 'cell' | 'check' | 'label'>,
      options: { merge?: boolean } = {},
    ): void {
      const { entries, history } = get();
      const entry = entries[reportId];
      if (!entry?.report) return;
      const before = entry.report;
      const after = change(before, deps.now());
      if (after === before) return;
      const top = history.undo[history.undo.length - 1];
      // A comment saved as it is typed: the keys of one comment are one step, as a word is.
      const merged =
        options.merge &&
        top?.kind === 'edit' &&
        top.reportId === reportId &&
        top.label === step.label &&
        top.after === before;
      set({
        entries: { ...entries, [reportId]: { ...entry, report: after } },
        history: merged
          ? { undo: [...history.undo.slice(0, -1), { ...top, after }], redo: [] }
          : record(history, { kind: 'edit', ...step, reportId, before, after }),
      });
    }

    /** Accepting or rejecting a suggestion still open in the report: one step in the history. */
    function settleSuggestion(
      reportId: string,
      suggestionId: string,
      change: (report: Report, suggestion: Suggestion, at: string) => Report,
      label: (checkId: string) => string,
    ): void {
      const report = get().entries[reportId]?.report;
      const suggestion = report && suggestionsOf(report).find((s) => s.id === suggestionId);
      if (!suggestion) return;
      commit(reportId, (r, at) => change(r, suggestion, at), {
        cell: null,
        check: suggestion.check,
        label: label(suggestion.check),
      });
      // Settled, it is no longer offered: the outline goes back to its check.
      if (get().selectedSuggestion === suggestionId) set({ selectedSuggestion: null });
    }

    /** Undo or redo: the step's report goes back to (or on to) the version it recorded, and is shown. */
    function travel(direction: 'undo' | 'redo'): void {
      const { history } = get();
      const from = history[direction];
      const step = from[from.length - 1];
      if (!step) return;
      const rest = from.slice(0, -1);
      const moved: History =
        direction === 'undo'
          ? { undo: rest, redo: [...history.redo, step] }
          : { undo: [...history.undo, step], redo: rest };
      const done =
        step.kind === 'edit'
          ? travelEdit(step, direction, moved)
          : direction === 'undo'
            ? putBack(step, moved)
            : takeOut(step, moved);
      // The report changed outside the history; `forget` keeps this from happening.
      if (!done) set({ history: { ...history, [direction]: rest } });
    }

    function travelEdit(step: EditStep, direction: 'undo' | 'redo', history: History): boolean {
      const entry = get().entries[step.reportId];
      const [expected, next] =
        direction === 'undo' ? [step.after, step.before] : [step.before, step.after];
      if (!entry || entry.report !== expected) return false;
      set({ entries: { ...get().entries, [entry.id]: { ...entry, report: next } }, history });
      const { selectedId, activeTab, selectReport, selectCell, selectCheck } = get();
      const sameReport = selectedId === step.reportId;
      if (!sameReport) selectReport(step.reportId);
      if (step.cell) selectCell(step.cell);
      else if (step.check)
        selectCheck(step.check, { keepTab: sameReport && activeTab === ISSUES_TAB });
      return true;
    }

    /** A removed report back in its place, with its edits and verdicts, and selected. */
    function putBack(step: RemoveStep, history: History): boolean {
      const state = get();
      if (step.reportId in state.entries) return false;
      const order = [...state.order];
      order.splice(Math.min(step.index, order.length), 0, step.reportId);
      set({
        order,
        entries: { ...state.entries, [step.reportId]: step.entry },
        queueSnapshot: { ...state.queueSnapshot, [step.reportId]: step.entry },
        history,
      });
      get().selectReport(step.reportId);
      return true;
    }

    /** Takes the step's report out of the queue; the one beside it on screen takes its selection. */
    function takeOut(step: RemoveStep, history: History): boolean {
      const state = get();
      const id = step.reportId;
      // The report as removed: a redone edit gives the entry back as a new object, its report the same.
      if (state.entries[id]?.report !== step.entry.report) return false;
      const shown = shownIds();
      const at = shown.indexOf(id);
      const neighbour = at < 0 ? undefined : (shown[at + 1] ?? shown[at - 1]);
      set({
        order: state.order.filter((other) => other !== id),
        entries: without(state.entries, id),
        queueSnapshot: without(state.queueSnapshot, id),
        history,
        failedIds: state.failedIds.filter((other) => other !== id),
      });
      if (state.selectedId !== id) return true;
      if (neighbour !== undefined) get().selectReport(neighbour);
      else set(noSelection);
      return true;
    }

    /** The saved place in a report: its cell if it still has it, and its tab. */
    function reopen(view: SavedView): void {
      const report = selectedReport(get());
      if (!report || get().selectedId !== view.reportId) return;
      if (view.cell && cellAt(report, view.cell)) get().selectCell(view.cell);
      if (view.tab !== null && tabOrder(report).includes(view.tab)) get().setTab(view.tab);
    }

    function shownIds(): string[] {
      return visibleOrder(get());
    }

    /** In a read-only tab, says why instead of changing the workspace. */
    function blocked(): boolean {
      if (get().access.readOnly === null) return false;
      set({ notice: t.readOnly.blocked });
      return true;
    }

    /** The first report shown in the queue whose display has not failed. */
    function firstSafe(): string | undefined {
      const failed = new Set(get().failedIds);
      return shownIds().find((id) => !failed.has(id));
    }

    return {
      ...emptyWorkspace,
      progress: { done: 0, total: 0 },
      workspace: 'loading',
      save: { state: 'saved', error: null },
      queueFilter: 'all',
      queueSort: 'attention',
      queueSearch: '',
      notice: null,
      access: { readOnly: null, handover: 'idle', coordinated: true },
      failedIds: [],

      addFiles: async (files) => {
        if (blocked()) return;
        await Promise.all([
          addNamed(
            files
              .filter((file) => !isReportFile(file.name))
              .map((file) => ({ file, name: file.name })),
          ),
          importFiles(files.filter((file) => isReportFile(file.name))),
        ]);
      },

      addText: async (text) => {
        if (blocked()) return;
        const pasteCount = get().pasteCount + 1;
        set({ pasteCount });
        const file = new Blob([text], { type: 'text/plain;charset=utf-8' });
        return addNamed([{ file, name: t.pasteName(pasteCount) }]);
      },

      loadSample: async () => {
        if (blocked()) return;
        let file: File;
        try {
          file = await deps.fetchSample();
        } catch {
          append([newEntry(SAMPLE_FILE, 'error', t.errors.sampleFailed)]);
          return;
        }
        await get().addFiles([file]);
      },

      selectReport: (id) => {
        const { entries, failedIds, progress } = get();
        const report = entries[id]?.report ?? null;
        set({
          // Moving on is when the queue takes in what the reviewer did to the report left; while
          // files parse, the rows stay where they are, each file where it came in.
          ...(progress.total === 0 ? { queueSnapshot: entries } : {}),
          selectedId: id,
          selectedCell: null,
          selectedSpan: null,
          selectedCheck: null,
          selectedSuggestion: null,
          editing: null,
          activeTab: report ? defaultTab(report) : null,
          // Chosen again, it is tried again; if it fails, the pane marks it once more.
          ...(failedIds.includes(id) ? { failedIds: failedIds.filter((f) => f !== id) } : {}),
        });
      },

      setTab: (tab) => set({ activeTab: tab, editing: null }),

      selectCell: (ref) => {
        if (ref === null) {
          set({
            selectedCell: null,
            selectedSpan: null,
            selectedCheck: null,
            selectedSuggestion: null,
            editing: null,
          });
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

      selectCheck: (checkId, options) =>
        withReport((report) => {
          const check = report.checks.find((c) => c.id === checkId);
          const first = check?.right[0] ?? check?.cells[0];
          if (!check || !first) return {};
          return {
            selectedCheck: checkId,
            selectedSuggestion: null,
            selectedCell: first,
            selectedSpan: cellAt(report, first)?.span ?? check.fact?.span ?? null,
            editing: null,
            ...(options?.keepTab ? {} : { activeTab: first.table }),
          };
        }),

      selectSuggestion: (suggestionId) =>
        withReport((report) => {
          const suggestion = suggestionsOf(report).find((s) => s.id === suggestionId);
          const first = suggestion?.cells[0];
          if (!suggestion || !first) return {};
          // A plain reference: a suggestion's cells also carry their old and new text.
          const ref = { table: first.table, row: first.row, column: first.column };
          return {
            selectedCheck: suggestion.check,
            selectedSuggestion: suggestionId,
            selectedCell: ref,
            selectedSpan: cellAt(report, ref)?.span ?? null,
            editing: null,
            activeTab: ref.table,
          };
        }),

      acceptSuggestion: (reportId, suggestionId) =>
        blocked() ||
        settleSuggestion(reportId, suggestionId, applySuggestion, t.history.acceptSuggestion),

      rejectSuggestion: (reportId, suggestionId) =>
        blocked() ||
        settleSuggestion(
          reportId,
          suggestionId,
          (report, suggestion, at) => recordRejection(report, suggestion.id, at),
          t.history.rejectSuggestion,
        ),

      startEdit: (seed) => {
        if (blocked()) return;
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
        if (blocked()) return;
        const { selectedId } = get();
        const report = selectedReport(get());
        if (selectedId === null || !report) return;
        const from = cellAt(report, ref)?.raw ?? '';
        const to = raw.trim();
        commit(selectedId, (r, at) => applyCellEdit(r, ref, to, at), {
          cell: ref,
          check: null,
          label: t.history.edit(ref, from.trim(), to),
        });
      },

      editCells: (changes) => {
        if (blocked()) return;
        const { selectedId } = get();
        const report = selectedReport(get());
        const first = changes[0];
        if (selectedId === null || !report || !first) return;
        if (changes.length === 1) {
          get().editCell(first.ref, first.raw);
          return;
        }
        commit(
          selectedId,
          (r, at) =>
            changes.reduce(
              (edited, { ref, raw }) =>
                cellAt(edited, ref) ? applyCellEdit(edited, ref, raw.trim(), at) : edited,
              r,
            ),
          { cell: first.ref, check: null, label: t.history.editCells(changes.length) },
        );
      },

      judgeCheck: (checkId, judgement) => {
        if (blocked()) return;
        const { selectedId } = get();
        if (selectedId === null) return;
        const change = (report: Report, at: string) => {
          const check = report.checks.find((c) => c.id === checkId);
          const full: Judgement = {
            verdict: judgement.verdict !== undefined ? judgement.verdict : (check?.verdict ?? null),
            comment: judgement.comment !== undefined ? judgement.comment : (check?.comment ?? null),
          };
          return applyVerdict(report, checkId, full, at);
        };
        const { verdict } = judgement;
        commit(
          selectedId,
          change,
          {
            cell: null,
            check: checkId,
            label:
              verdict === undefined
                ? t.history.comment(checkId)
                : t.history.verdict(checkId, verdict),
          },
          { merge: verdict === undefined },
        );
      },

      setReviewStatus: (status) => {
        if (blocked()) return;
        const { selectedId } = get();
        if (selectedId === null) return;
        commit(selectedId, (r, at) => setReviewStatus(r, status, at), {
          cell: null,
          check: null,
          label: t.history.status(status),
        });
      },

      undo: () => blocked() || travel('undo'),
      redo: () => blocked() || travel('redo'),

      restore: (workspace) => {
        const state = get();
        const restored = workspace.entries.filter((entry) => !(entry.id in state.entries));
        set({
          workspace: 'ready',
          originals: { ...workspace.originals, ...state.originals },
          order: [...restored.map((entry) => entry.id), ...state.order],
          entries: { ...Object.fromEntries(restored.map((e) => [e.id, e])), ...state.entries },
          pasteCount: Math.max(state.pasteCount, workspace.pasteCount),
          failedIds: workspace.failed,
        });
        if (state.selectedId !== null) return;
        // Back where the reviewer was: the report, its tab and cell, unless it is gone or failed.
        const { view } = workspace;
        const back =
          view && view.reportId in get().entries && !workspace.failed.includes(view.reportId)
            ? view
            : null;
        const next = back?.reportId ?? firstSafe();
        if (next === undefined) return;
        get().selectReport(next);
        if (back) reopen(back);
      },

      replaceWorkspace: (workspace, keep) => {
        opening = null;
        const state = get();
        const stored = new Set(workspace.order);
        const kept = keep.filter((id) => !stored.has(id) && id in state.entries);
        const entries: Record<string, QueueEntry> = Object.fromEntries(
          workspace.entries.map((entry) => [entry.id, entry]),
        );
        for (const id of kept) entries[id] = state.entries[id] as QueueEntry;
        set({
          ...emptyWorkspace,
          originals: { ...workspace.originals, ...state.originals },
          order: [...workspace.order, ...kept],
          entries,
          queueSnapshot: entries,
          pasteCount: Math.max(state.pasteCount, workspace.pasteCount),
          failedIds: workspace.failed,
        });
        const still = state.selectedId !== null && state.selectedId in entries;
        const next = still ? state.selectedId : (firstSafe() ?? null);
        if (next !== null) get().selectReport(next);
      },

      setAccess: (access) => set({ access: { ...get().access, ...access } }),

      requestEdit: () => {
        if (get().access.readOnly === 'other-tab') get().setAccess({ handover: 'asking' });
      },

      markFailed: (id) => {
        const { failedIds, entries } = get();
        if (id in entries && !failedIds.includes(id)) set({ failedIds: [...failedIds, id] });
      },

      setSaveState: (save) => set({ save }),

      clearWorkspace: () => {
        if (blocked()) return;
        // Their results would come back to a queue that no longer has their rows.
        for (const { stop } of parsing.values()) stop.abort();
        opening = null;
        set(emptyWorkspace);
      },

      markOriginalsUnstored: (shas) => {
        const unstored = get().unstoredOriginals;
        const fresh = shas.filter((sha) => !unstored.includes(sha));
        if (fresh.length > 0) set({ unstoredOriginals: [...unstored, ...fresh] });
      },

      setQueueFilter: (queueFilter) => set({ queueFilter, queueSnapshot: get().entries }),
      setQueueSort: (queueSort) => set({ queueSort, queueSnapshot: get().entries }),
      // Not a new sort: typing narrows the rows, each staying in the order it had.
      setQueueSearch: (queueSearch) => set({ queueSearch }),

      selectAdjacentReport: (step) => {
        const id = adjacentId(shownIds(), get().selectedId, step);
        if (id !== null && id !== get().selectedId) get().selectReport(id);
      },

      selectAdjacentProblem: (step) => {
        const { entries, selectedId, selectedCheck } = get();
        const place = adjacentProblem(
          shownIds(),
          entries,
          { reportId: selectedId, checkId: selectedCheck },
          step,
        );
        if (!place) {
          set({ notice: t.noProblems });
          return;
        }
        if (place.reportId !== selectedId) get().selectReport(place.reportId);
        get().selectCheck(place.checkId);
      },

      clearNotice: () => set({ notice: null }),

      cancelParse: (id) => parsing.get(id)?.stop.abort(),

      removeReport: (id) => {
        if (blocked()) return;
        const state = get();
        const entry = state.entries[id];
        if (!entry) return;
        const running = parsing.get(id);
        if (running) {
          // Nothing of the reviewer's in it yet: the parse is stopped, and the row goes for good.
          running.stop.abort();
          takeOut({ kind: 'remove', reportId: id, label: '', entry, index: 0 }, state.history);
          return;
        }
        const step: RemoveStep = {
          kind: 'remove',
          reportId: id,
          label: t.queueDesk.removeStep(entry.name),
          entry,
          index: state.order.indexOf(id),
        };
        takeOut(step, record(state.history, step));
        set({ notice: t.queueDesk.removed(entry.name) });
      },
    };
  };
}

export const useReviewStore = create<ReviewStore>()(reviewStore(defaultDeps()));
