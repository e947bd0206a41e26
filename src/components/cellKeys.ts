import type { CellRef, Check } from '../core';

/** `table/row/column`, the schema's cell address. */
export function cellKey(ref: CellRef): string {
  return `${ref.table}/${ref.row}/${ref.column}`;
}

/** The DOM id of a rendered cell, for aria-activedescendant. */
export function cellDomId(ref: CellRef): string {
  return `cell:${cellKey(ref)}`;
}

export function sameCell(a: CellRef | null | undefined, b: CellRef | null | undefined): boolean {
  return !!a && !!b && a.table === b.table && a.row === b.row && a.column === b.column;
}

/** The cells of the failing checks, by address. */
export function failingCells(checks: readonly Check[]): ReadonlySet<string> {
  return new Set(checks.filter((c) => c.status === 'fail').flatMap((c) => c.cells.map(cellKey)));
}

export function checkCells(checks: readonly Check[], checkId: string | null): ReadonlySet<string> {
  const check = checkId === null ? undefined : checks.find((c) => c.id === checkId);
  return new Set(check?.cells.map(cellKey) ?? []);
}
