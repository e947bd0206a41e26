import { useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useReviewStore } from '../store/reviewStore';
import { cellDomId } from './cellKeys';
import { GridContext, type GridControls } from './gridContext';
import { moveInGrid, type Move } from './gridNav';
import type { GridMap } from './tableLayouts';

interface Props {
  table: string;
  map: GridMap;
  label: string;
  className?: string;
  children: ReactNode;
}

const ARROWS: Record<string, Move> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/**
 * A table the keyboard can drive like a spreadsheet: the grid holds focus and the selected cell is
 * its active descendant; arrows and Tab move, Enter/F2 or typing edit, Delete/Backspace start an
 * empty edit.
 */
export function DataGrid({ table, map, label, className, children }: Props) {
  const element = useRef<HTMLTableElement>(null);
  const activeId = useReviewStore((s) =>
    s.selectedCell?.table === table ? cellDomId(s.selectedCell) : undefined,
  );

  const controls = useMemo<GridControls>(
    () => ({
      move(move) {
        const { selectedCell, selectCell } = useReviewStore.getState();
        const next = moveInGrid(map, selectedCell?.table === table ? selectedCell : null, move);
        if (next) selectCell(next);
      },
      focus() {
        element.current?.focus({ preventScroll: true });
      },
    }),
    [map, table],
  );

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const { selectedCell, selectCell, startEdit } = useReviewStore.getState();
    const current = selectedCell?.table === table ? selectedCell : null;
    const arrow = ARROWS[event.key];
    if (arrow || event.key === 'Tab') {
      const move = arrow ?? (event.shiftKey ? 'previous' : 'next');
      const next = moveInGrid(map, current, move);
      // At the grid's edge Tab goes on to the next control, as it would anywhere else.
      if (!next) return;
      event.preventDefault();
      selectCell(next);
      return;
    }
    if (!current) return;
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      startEdit('');
    } else if (event.key.length === 1 && event.key !== ' ') {
      // The character becomes the editor's text: typing replaces the cell, as in a spreadsheet.
      event.preventDefault();
      startEdit(event.key);
    }
  }

  return (
    <GridContext value={controls}>
      <table
        ref={element}
        role="grid"
        aria-label={label}
        aria-activedescendant={activeId}
        tabIndex={0}
        className={['grid', className].filter(Boolean).join(' ')}
        onKeyDown={onKeyDown}
      >
        {children}
      </table>
    </GridContext>
  );
}
