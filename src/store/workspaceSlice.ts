import type { StateCreator } from 'zustand';
import { emptyHistory } from './history';
import type { SavedView, Workspace } from './persistence';
import type { QueueEntry } from './queueSlice';
import type { ReviewStore } from './reviewStore';
import {
  blocked,
  cellAt,
  noSelection,
  selectedReport,
  shownIds,
  type GetStore,
  type Session,
} from './shared';
import { tabOrder } from './tabs';

/** The top bar's 已保存 / 保存中… / 保存失败：reason. */
interface SaveState {
  state: 'saved' | 'saving' | 'error';
  error: string | null;
  /** With `error`: the names of the reports whose latest state is not saved. */
  unsaved?: readonly string[];
}

/** Whether this tab may change the workspace: only one tab edits it at a time (tabLock.ts). */
interface TabAccess {
  /** null: this tab edits. `other-tab`: another tab does. `stale`: another tab wrote over this one. */
  readOnly: null | 'other-tab' | 'stale';
  /** This tab asked the editing tab to hand over, and what came of it. */
  handover: 'idle' | 'asking' | 'refused';
  /** false where the browser cannot coordinate tabs (no Web Locks). */
  coordinated: boolean;
}

/** The workspace as stored (persistence.ts) and shared between tabs (tabLock.ts), and its resets. */
export interface WorkspaceSlice {
  /** `loading` until the stored workspace is back in memory. */
  workspace: 'loading' | 'ready';
  save: SaveState;
  /** A passing word for the reviewer (nothing left to go to); cleared by the view that shows it. */
  notice: string | null;
  access: TabAccess;
  /** Entries whose report made a pane fail: the start does not select them again. */
  failedIds: string[];
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
  clearNotice(): void;
}

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
} satisfies Partial<ReviewStore>;

/** The saved place in a report: its cell if it still has it, and its tab. */
function reopen(get: GetStore, view: SavedView): void {
  const report = selectedReport(get());
  if (!report || get().selectedId !== view.reportId) return;
  if (view.cell && cellAt(report, view.cell)) get().selectCell(view.cell);
  if (view.tab !== null && tabOrder(report).includes(view.tab)) get().setTab(view.tab);
}

/** The first report shown in the queue whose display has not failed. */
function firstSafe(get: GetStore): string | undefined {
  const failed = new Set(get().failedIds);
  return shownIds(get).find((id) => !failed.has(id));
}

export function workspaceSlice(
  session: Session,
): StateCreator<ReviewStore, [], [], WorkspaceSlice> {
  return (set, get) => ({
    workspace: 'loading',
    save: { state: 'saved', error: null },
    notice: null,
    access: { readOnly: null, handover: 'idle', coordinated: true },
    failedIds: [],

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
      const next = back?.reportId ?? firstSafe(get);
      if (next === undefined) return;
      get().selectReport(next);
      if (back) reopen(get, back);
    },

    replaceWorkspace: (workspace, keep) => {
      session.opening = null;
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
      const next = still ? state.selectedId : (firstSafe(get) ?? null);
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
      if (blocked(set, get)) return;
      // Their results would come back to a queue that no longer has their rows.
      for (const { stop } of session.parsing.values()) stop.abort();
      session.opening = null;
      set(emptyWorkspace);
    },

    clearNotice: () => set({ notice: null }),
  });
}
