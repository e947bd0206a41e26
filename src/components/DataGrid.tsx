import {
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type CompositionEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { cellAddress, type CellRef } from '../core';
import { useReviewStore } from '../store/reviewStore';
import { cellDomId, sameCell } from './cellKeys';
import { GridContext, RangeContext, type GridControls } from './gridContext';
import { moveInGrid, type Move } from './gridNav';
import { pasteAt, rangeBetween, rawOf, slotsIn } from './gridRange';
import { isTyping } from './keyTargets';
import type { GridMap } from './tableLayouts';
import { useTsv } from './useTsv';

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

/** The move a key makes (arrows, Home/End, Ctrl+Home/End), Tab aside; null for any other key. */
function moveOf(event: KeyboardEvent): Move | null {
  const primary = event.ctrlKey || event.metaKey;
  if (event.key === 'Home') return primary ? 'tableStart' : 'rowStart';
  if (event.key === 'End') return primary ? 'tableEnd' : 'rowEnd';
  return primary ? null : (ARROWS[event.key] ?? null);
}

/** A Shift+move or Shift+click from the selected cell: valid while that cell stays selected. */
interface Extent {
  anchor: CellRef;
  to: CellRef;
}

function selectedReport() {
  const { selectedId, entries } = useReviewStore.getState();
  return selectedId === null ? null : (entries[selectedId]?.report ?? null);
}

/**
 * A table the keyboard can drive like a spreadsheet: the grid holds focus and the selected cell is
 * its active descendant; arrows, Home/End and Tab move, Shift with them (or a Shift+click) spans a
 * range, Enter/F2 or typing edit (an IME's composition too), Delete/Backspace clear, and the
 * clipboard copies and pastes blocks as Excel does (TSV).
 */
export function DataGrid({ table, map, label, className, children }: Props) {
  const element = useRef<HTMLTableElement>(null);
  const selected = useReviewStore((s) => (s.selectedCell?.table === table ? s.selectedCell : null));
  const [extent, setExtent] = useState<Extent | null>(null);
  const tsv = useTsv();

  const range = useMemo(() => {
    if (!selected || !extent || !sameCell(extent.anchor, selected)) return null;
    return rangeBetween(map, selected, extent.to);
  }, [map, selected, extent]);
  const inRange = useMemo(
    () =>
      new Set(
        range
          ? slotsIn(map, range)
              .flat()
              .flatMap((ref) => (ref ? [cellAddress(ref)] : []))
          : [],
      ),
    [map, range],
  );

  const controls = useMemo<GridControls>(
    () => ({
      move(move) {
        const { selectedCell, selectCell } = useReviewStore.getState();
        const next = moveInGrid(map, selectedCell?.table === table ? selectedCell : null, move);
        if (!next) return;
        setExtent(null);
        selectCell(next);
      },
      focus() {
        element.current?.focus({ preventScroll: true });
      },
      select(ref) {
        setExtent(null);
        useReviewStore.getState().selectCell(ref);
      },
      extend(ref) {
        const { selectedCell, selectCell } = useReviewStore.getState();
        if (selectedCell?.table === table) setExtent({ anchor: selectedCell, to: ref });
        else selectCell(ref);
      },
    }),
    [map, table],
  );

  /** The selected block row by row: the range, or the selected cell alone. */
  function block(): (CellRef | null)[][] {
    if (!selected) return [];
    return range ? slotsIn(map, range) : [[selected]];
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    if (event.altKey) return;
    const { selectCell, startEdit, editCells } = useReviewStore.getState();
    const move = moveOf(event);
    if (move) {
      const from = event.shiftKey && range && extent ? extent.to : selected;
      const next = moveInGrid(map, from, move);
      if (!next) return;
      event.preventDefault();
      if (event.shiftKey && selected) {
        setExtent({ anchor: selected, to: next });
      } else {
        setExtent(null);
        selectCell(next);
      }
      return;
    }
    if (event.ctrlKey || event.metaKey) return;
    if (event.key === 'Tab') {
      const next = moveInGrid(map, selected, event.shiftKey ? 'previous' : 'next');
      // At the grid's edge Tab goes on to the next control, as it would anywhere else.
      if (!next) return;
      event.preventDefault();
      setExtent(null);
      selectCell(next);
      return;
    }
    if (!selected) return;
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      const refs = block().flatMap((row) => row.flatMap((ref) => (ref ? [ref] : [])));
      editCells(refs.map((ref) => ({ ref, raw: '' })));
    } else if (event.key === 'Process' || event.nativeEvent.isComposing) {
      // An IME takes this key: open the editor now, so that the composition goes into it. Not
      // prevented, or the IME would never see it.
      startEdit('');
    } else if (event.key.length === 1 && event.key !== ' ') {
      // The character becomes the editor's text: typing replaces the cell, as in a spreadsheet.
      event.preventDefault();
      startEdit(event.key);
    }
  }

  function onCompositionStart(event: CompositionEvent<HTMLTableElement>) {
    if (!selected || isTyping(event.target)) return;
    useReviewStore.getState().startEdit(event.data);
  }

  function onCopy(event: ClipboardEvent<HTMLTableElement>) {
    const report = selectedReport();
    if (!tsv || !report || !selected || isTyping(event.target)) return;
    event.preventDefault();
    const text = tsv.toTsv(block().map((row) => row.map((ref) => rawOf(report.tables, ref))));
    event.clipboardData.setData('text/plain', text);
  }

  function onPaste(event: ClipboardEvent<HTMLTableElement>) {
    if (!tsv || !selected || isTyping(event.target)) return;
    event.preventDefault();
    const { changes, end } = pasteAt(
      map,
      selected,
      tsv.fromTsv(event.clipboardData.getData('text/plain')),
    );
    if (changes.length === 0) return;
    useReviewStore.getState().editCells(changes);
    // The pasted block stays selected, as in Excel, so that it can be seen and copied again.
    const anchor = useReviewStore.getState().selectedCell;
    if (end && anchor) setExtent({ anchor, to: end });
  }

  return (
    <GridContext value={controls}>
      <RangeContext value={inRange}>
        <table
          ref={element}
          role="grid"
          aria-label={label}
          aria-activedescendant={selected ? cellDomId(selected) : undefined}
          aria-multiselectable="true"
          tabIndex={0}
          className={['grid', className].filter(Boolean).join(' ')}
          onKeyDown={onKeyDown}
          onCompositionStart={onCompositionStart}
          onCopy={onCopy}
          onPaste={onPaste}
        >
          {children}
        </table>
      </RangeContext>
    </GridContext>
  );
}
