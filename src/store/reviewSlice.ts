import type { StateCreator } from 'zustand';
import {
  acceptSuggestion as applySuggestion,
  applyCellEdit,
  applyVerdict,
  rejectSuggestion as recordRejection,
  setReviewStatus,
  type CellRef,
  type Judgement,
  type Report,
  type ReviewStatus,
  type Suggestion,
} from '../core';
import { t } from '../i18n';
import { record, type EditStep } from './history';
import type { ReviewStore } from './reviewStore';
import { blocked, cellAt, selectedReport, type Session } from './shared';
import { suggestionsOf } from './suggestions';

/** Typing on a selected cell opens the editor with that character, replacing the cell. */
interface Editing {
  ref: CellRef;
  seed: string | null;
}

/** The reviewer's work on a report: edits, verdicts and comments, its status, suggestions settled. */
export interface ReviewSlice {
  editing: Editing | null;
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
}

export function reviewSlice(session: Session): StateCreator<ReviewStore, [], [], ReviewSlice> {
  return (set, get) => {
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
      const after = change(before, session.deps.now());
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

    /** The selected report's id, unless this tab may not change it. */
    function editable(): string | null {
      return blocked(set, get) ? null : get().selectedId;
    }

    return {
      editing: null,

      acceptSuggestion: (reportId, suggestionId) =>
        blocked(set, get) ||
        settleSuggestion(reportId, suggestionId, applySuggestion, t.history.acceptSuggestion),

      rejectSuggestion: (reportId, suggestionId) =>
        blocked(set, get) ||
        settleSuggestion(
          reportId,
          suggestionId,
          (report, suggestion, at) => recordRejection(report, suggestion.id, at),
          t.history.rejectSuggestion,
        ),

      startEdit: (seed) => {
        if (blocked(set, get)) return;
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
        const selectedId = editable();
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
        const selectedId = editable();
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
        const selectedId = editable();
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
        const selectedId = editable();
        if (selectedId === null) return;
        commit(selectedId, (r, at) => setReviewStatus(r, status, at), {
          cell: null,
          check: null,
          label: t.history.status(status),
        });
      },
    };
  };
}
