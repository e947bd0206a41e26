import { createContext } from 'react';
import type { Move } from './gridNav';

/** What a cell's editor needs from the grid around it: moving on after a commit, and focus back. */
export interface GridControls {
  move(move: Move): void;
  focus(): void;
}

export const GridContext = createContext<GridControls>({ move: () => {}, focus: () => {} });
