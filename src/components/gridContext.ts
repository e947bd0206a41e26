import { createContext } from 'react';
import type { CellRef } from '../core';
import type { Move } from './gridNav';

/** What a cell and its editor need from the grid around them. */
export interface GridControls {
  /** Moving on after a commit. */
  move(move: Move): void;
  focus(): void;
  /** A plain click: this cell alone. */
  select(ref: CellRef): void;
  /** Shift+click: the range runs from the selected cell to this one. */
  extend(ref: CellRef): void;
}

export const GridContext = createContext<GridControls>({
  move: () => {},
  focus: () => {},
  select: () => {},
  extend: () => {},
});

/** The addresses (`table/row/column`) of the cells in the grid's range, beyond the selected one. */
export const RangeContext = createContext<ReadonlySet<string>>(new Set());
