import type { CellRef } from '../core';
import type { GridMap } from './tableLayouts';

export type Move =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'next'
  | 'previous'
  /** Home and End: the first or last cell of the row. */
  | 'rowStart'
  | 'rowEnd'
  /** Ctrl+Home and Ctrl+End: the first or last cell of the table. */
  | 'tableStart'
  | 'tableEnd';

function sameRef(a: CellRef, b: CellRef): boolean {
  return a.table === b.table && a.row === b.row && a.column === b.column;
}

/** Where a cell is in the grid: its row and column index, or null when it is not in it. */
export function positionOf(map: GridMap, ref: CellRef): [number, number] | null {
  for (let r = 0; r < map.length; r++) {
    const c = map[r]?.findIndex((cell) => cell !== null && sameRef(cell, ref)) ?? -1;
    if (c >= 0) return [r, c];
  }
  return null;
}

function firstIn(row: (CellRef | null)[] | undefined): CellRef | null {
  return row?.find((cell) => cell !== null) ?? null;
}

function lastIn(row: (CellRef | null)[] | undefined): CellRef | null {
  for (let c = (row?.length ?? 0) - 1; c >= 0; c--) {
    const cell = row?.[c];
    if (cell) return cell;
  }
  return null;
}

// Printed rows differ in width (表二's blocks): moving up or down lands on the nearest column there.
function nearestIn(row: (CellRef | null)[], column: number): CellRef | null {
  for (let distance = 0; distance <= Math.max(column, row.length); distance++) {
    const left = row[column - distance];
    if (left) return left;
    const right = row[column + distance];
    if (right) return right;
  }
  return null;
}

/**
 * The cell a key press moves to, or null when there is none in that direction (so that Tab can
 * leave the grid at its end). Tab and Shift+Tab run on into the next or previous row.
 */
export function moveInGrid(map: GridMap, from: CellRef | null, move: Move): CellRef | null {
  const at = from ? positionOf(map, from) : null;
  if (!at || move === 'tableStart') {
    return map.reduce<CellRef | null>((found, cells) => found ?? firstIn(cells), null);
  }
  if (move === 'tableEnd') {
    return map.reduceRight<CellRef | null>((found, cells) => found ?? lastIn(cells), null);
  }
  const [r, c] = at;
  const row = map[r] ?? [];
  if (move === 'rowStart') return firstIn(row);
  if (move === 'rowEnd') return lastIn(row);
  const step = move === 'up' || move === 'left' || move === 'previous' ? -1 : 1;

  if (move === 'up' || move === 'down') {
    for (let next = r + step; next >= 0 && next < map.length; next += step) {
      const found = nearestIn(map[next] ?? [], c);
      if (found) return found;
    }
    return null;
  }
  for (let next = c + step; next >= 0 && next < row.length; next += step) {
    const found = row[next];
    if (found) return found;
  }
  if (move === 'left' || move === 'right') return null;
  for (let next = r + step; next >= 0 && next < map.length; next += step) {
    const found = step > 0 ? firstIn(map[next]) : lastIn(map[next]);
    if (found) return found;
  }
  return null;
}
