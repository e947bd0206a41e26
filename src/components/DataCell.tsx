import { memo, useContext, useEffect, useRef } from 'react';
import { cellAddress, typedNotNumber, type Cell } from '../core';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { CellEditor } from './CellEditor';
import { cellDomId, sameCell } from './cellKeys';
import { GridContext, RangeContext } from './gridContext';
import { revealCell } from './revealCell';

interface Props {
  table: string;
  row: string;
  column: string;
  cell: Cell;
  /** Row and column, for the tooltip and the editor's accessible name. */
  label: string;
  failing: boolean;
  /** In the check the reviewer picked from the list. */
  outlined: boolean;
}

interface Marks {
  failing: boolean;
  outlined: boolean;
  selected: boolean;
  editing: boolean;
  inRange: boolean;
  notNumber: boolean;
}

function classes(
  cell: Cell,
  { failing, outlined, selected, editing, inRange, notNumber }: Marks,
): string {
  return [
    'cell',
    `kind-${cell.kind}`,
    cell.original ? 'is-corrected' : '',
    notNumber ? 'is-not-number' : '',
    inRange ? 'in-range' : '',
    cell.confidence === 'low' ? 'is-low' : '',
    failing ? 'is-failing' : '',
    outlined ? 'is-outlined' : '',
    selected ? 'is-selected' : '',
    editing ? 'is-editing' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function tooltip(cell: Cell, label: string, notNumber: boolean): string {
  return [
    t.cellTitle(label, cell.raw.trim()),
    notNumber ? t.gridKeys.notNumber : '',
    cell.original ? t.original(cell.original.raw.trim()) : '',
    cell.confidence === 'low' ? t.lowConfidence : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** One number of a printed table: shows it, marks it, selects it, edits it. Shared by every table. */
export const DataCell = memo(function DataCell({
  table,
  row,
  column,
  cell,
  label,
  failing,
  outlined,
}: Props) {
  const ref = { table, row, column };
  // 0 plain, 1 selected, 2 being edited: one subscription per cell, which changes only for the
  // cells the selection leaves or reaches.
  const state = useReviewStore((s) =>
    sameCell(s.editing?.ref, ref) ? 2 : sameCell(s.selectedCell, ref) ? 1 : 0,
  );
  const selected = state > 0;
  const editing = state === 2;
  const inRange = useContext(RangeContext).has(cellAddress(ref));
  const grid = useContext(GridContext);
  const notNumber = typedNotNumber(cell);
  const element = useRef<HTMLTableCellElement>(null);

  useEffect(() => {
    if (selected && element.current) revealCell(element.current);
  }, [selected]);

  return (
    <td
      ref={element}
      id={cellDomId(ref)}
      role="gridcell"
      aria-selected={selected || inRange}
      className={classes(cell, { failing, outlined, selected, editing, inRange, notNumber })}
      data-cell={cellAddress(ref)}
      data-confidence={cell.confidence}
      data-corrected={cell.original ? 'true' : undefined}
      data-failing={failing ? 'true' : undefined}
      data-not-number={notNumber ? 'true' : undefined}
      data-in-range={inRange ? 'true' : undefined}
      title={editing ? undefined : tooltip(cell, label, notNumber)}
      onMouseDown={(event) => {
        // Shift+click spans a range; it must not also select the page's text.
        if (event.shiftKey) event.preventDefault();
      }}
      onClick={(event) => {
        if (editing) return;
        if (event.shiftKey) grid.extend(ref);
        else grid.select(ref);
      }}
      onDoubleClick={() => {
        if (!editing) useReviewStore.getState().startEdit();
      }}
    >
      {/* The editor lies over the value, which stays (hidden) to hold the cell's size: opening an
          editor must not make the whole table lay itself out again. */}
      <span className="cell-value">{cell.raw.trim()}</span>
      {notNumber && (
        <span className="cell-flag" aria-label={t.gridKeys.notNumber}>
          {t.gridKeys.notNumberMark}
        </span>
      )}
      {cell.original && (
        <span className="cell-original">{t.original(cell.original.raw.trim())}</span>
      )}
      {editing && <CellEditor raw={cell.raw} label={label} />}
    </td>
  );
});
