import type { StateCreator } from 'zustand';
import { t } from '../i18n';
import { emptyHistory, record, type EditStep, type History, type RemoveStep } from './history';
import type { ReviewStore } from './reviewStore';
import { blocked, noSelection, shownIds, type Session } from './shared';
import { ISSUES_TAB } from './tabs';

/** Undo and redo across reports: the reviewer's edits, verdicts and status, and reports removed. */
export interface HistorySlice {
  history: History;
  undo(): void;
  redo(): void;
  /**
   * Takes a report out of the queue, as one step to undo (a file still parsing has its parse
   * stopped instead, and is gone); the report shown next to it on screen is selected in its place.
   */
  removeReport(id: string): void;
}

function without<T>(record: Readonly<Record<string, T>>, id: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => key !== id));
}

export function historySlice(session: Session): StateCreator<ReviewStore, [], [], HistorySlice> {
  return (set, get) => {
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
      const shown = shownIds(get);
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

    return {
      history: emptyHistory,

      undo: () => blocked(set, get) || travel('undo'),
      redo: () => blocked(set, get) || travel('redo'),

      removeReport: (id) => {
        if (blocked(set, get)) return;
        const state = get();
        const entry = state.entries[id];
        if (!entry) return;
        const running = session.parsing.get(id);
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
