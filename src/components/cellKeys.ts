import { cellAddress, type CellRef, type Check, type Report, type Span } from '../core';
import { suggestionsOf } from '../store/suggestions';

/** The DOM id of a rendered cell, for aria-activedescendant. */
export function cellDomId(ref: CellRef): string {
  return `cell:${cellAddress(ref)}`;
}

export function sameCell(a: CellRef | null | undefined, b: CellRef | null | undefined): boolean {
  return !!a && !!b && a.table === b.table && a.row === b.row && a.column === b.column;
}

/** The cells of the failing checks, by address. */
export function failingCells(checks: readonly Check[]): ReadonlySet<string> {
  return new Set(
    checks.filter((c) => c.status === 'fail').flatMap((c) => c.cells.map(cellAddress)),
  );
}

/** What is outlined in the table and the source: cells, and a check's figure in the prose (T1). */
export interface Outline {
  cells: readonly CellRef[];
  fact: Span | null;
}

/** The cells a selected suggestion would change; otherwise those of the selected check. */
export function outlineOf(
  report: Report,
  checkId: string | null,
  suggestionId: string | null,
): Outline {
  const suggestion =
    suggestionId === null ? undefined : suggestionsOf(report).find((s) => s.id === suggestionId);
  if (suggestion) return { cells: suggestion.cells, fact: null };
  const check = checkId === null ? undefined : report.checks.find((c) => c.id === checkId);
  return { cells: check?.cells ?? [], fact: check?.fact?.span ?? null };
}
