import type { CellRef } from '../core';
import type { GridMap } from './tableLayouts';

export type Move = 'up' | 'down' | 'left' | 'right' | 'next' | 'previous';

function sameRef(a: CellRef, b: CellRef): boolean {
  return a.table === b.table && a.row === b.row && a.column === b.column;
}

function find(map: GridMap, ref: CellRef): [number, number] | null {
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
  const at = from ? find(map, from) : null;
  if (!at) {
    for (const row of map) {
      const first = firstIn(row);
      if (first) return first;
    }
    return null;
  }
  const [r, c] = at;
  const row = map[r] ?? [];
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
