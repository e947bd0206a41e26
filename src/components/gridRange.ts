import type { CellRef, Table } from '../core';
import { own } from '../core';
import { positionOf } from './gridNav';
import type { GridMap } from './tableLayouts';

/** A rectangle of the grid as laid out on screen, by row and column index, both ends included. */
export interface GridRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The rectangle between the selected cell and the cell a Shift+move or Shift+click reached. */
export function rangeBetween(map: GridMap, anchor: CellRef, extent: CellRef): GridRange | null {
  const from = positionOf(map, anchor);
  const to = positionOf(map, extent);
  if (!from || !to) return null;
  return {
    top: Math.min(from[0], to[0]),
    left: Math.min(from[1], to[1]),
    bottom: Math.max(from[0], to[0]),
    right: Math.max(from[1], to[1]),
  };
}

/** The range's slots row by row; null where a printed row has no cell (表二's narrower blocks). */
export function slotsIn(map: GridMap, range: GridRange): (CellRef | null)[][] {
  const rows: (CellRef | null)[][] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const row: (CellRef | null)[] = [];
    for (let c = range.left; c <= range.right; c++) row.push(map[r]?.[c] ?? null);
    rows.push(row);
  }
  return rows;
}

/** A cell's text as printed, '' for a slot with no cell. */
export function rawOf(tables: readonly Table[], ref: CellRef | null): string {
  if (!ref) return '';
  const row = tables.find((t) => t.id === ref.table)?.rows.find((r) => r.key === ref.row);
  return (row && own(row.cells, ref.column)?.raw.trim()) ?? '';
}

export interface Paste {
  changes: { ref: CellRef; raw: string }[];
  /** The far corner of the block as placed, for the range that shows what was pasted. */
  end: CellRef | null;
}

/**
 * A block of text laid over the grid from the cell at its top left: cut off where the grid ends,
 * and a value that falls on a slot with no cell is dropped, as Excel drops it on a merged cell.
 */
export function pasteAt(map: GridMap, at: CellRef, block: readonly string[][]): Paste {
  const start = positionOf(map, at);
  const changes: Paste['changes'] = [];
  let end: CellRef | null = null;
  if (!start) return { changes, end };
  block.forEach((values, i) => {
    values.forEach((raw, j) => {
      const ref = map[start[0] + i]?.[start[1] + j];
      if (!ref) return;
      changes.push({ ref, raw });
      end = ref;
    });
  });
  return { changes, end };
}
