import type { StateCreator } from 'zustand';
import type { CellRef, Report, Span } from '../core';
import { t } from '../i18n';
import { adjacentId, adjacentProblem } from './queue';
import type { ReviewStore } from './reviewStore';
import { cellAt, noSelection, selectedReport, shownIds } from './shared';
import { suggestionsOf } from './suggestions';
import { defaultTab, FACTS_TAB, type TabId } from './tabs';

/** What the reviewer looks at: the report, its tab, a cell, a check or a suggestion, a place in the source. */
export interface SelectionSlice {
  selectedId: string | null;
  selectedCell: CellRef | null;
  selectedSpan: Span | null;
  activeTab: TabId | null;
  /** The check whose cells are outlined, after a click on it in the list. */
  selectedCheck: string | null;
  /** The suggestion whose cells are outlined instead, after a click on its line. */
  selectedSuggestion: string | null;
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
  /** The next (1) or previous (-1) report as the queue shows them. */
  selectAdjacentReport(step: 1 | -1): void;
  /** The next (1) or previous (-1) failing check without a verdict, across reports. */
  selectAdjacentProblem(step: 1 | -1): void;
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

export const selectionSlice: StateCreator<ReviewStore, [], [], SelectionSlice> = (set, get) => {
  function withReport(update: (report: Report) => Partial<ReviewStore>) {
    const report = selectedReport(get());
    if (report) set(update(report));
  }

  return {
    ...noSelection,

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

    selectAdjacentReport: (step) => {
      const id = adjacentId(shownIds(get), get().selectedId, step);
      if (id !== null && id !== get().selectedId) get().selectReport(id);
    },

    selectAdjacentProblem: (step) => {
      const { entries, selectedId, selectedCheck } = get();
      const place = adjacentProblem(
        shownIds(get),
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
  };
};
