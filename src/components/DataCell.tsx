import { memo, useEffect, useRef } from 'react';
import type { Cell } from '../core';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { CellEditor } from './CellEditor';
import { cellDomId, sameCell } from './cellKeys';

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

function classes(
  cell: Cell,
  failing: boolean,
  outlined: boolean,
  selected: boolean,
  editing: boolean,
): string {
  return [
    'cell',
    `kind-${cell.kind}`,
    cell.original ? 'is-corrected' : '',
    cell.confidence === 'low' ? 'is-low' : '',
    failing ? 'is-failing' : '',
    outlined ? 'is-outlined' : '',
    selected ? 'is-selected' : '',
    editing ? 'is-editing' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function tooltip(cell: Cell, label: string): string {
  return [
    t.cellTitle(label, cell.raw.trim()),
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
  const element = useRef<HTMLTableCellElement>(null);

  useEffect(() => {
    if (selected) element.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selected]);

  return (
    <td
      ref={element}
      id={cellDomId(ref)}
      role="gridcell"
      aria-selected={selected}
      className={classes(cell, failing, outlined, selected, editing)}
      data-cell={`${table}/${row}/${column}`}
      data-confidence={cell.confidence}
      data-corrected={cell.original ? 'true' : undefined}
      data-failing={failing ? 'true' : undefined}
      title={editing ? undefined : tooltip(cell, label)}
      onClick={() => {
        if (!editing) useReviewStore.getState().selectCell(ref);
      }}
      onDoubleClick={() => {
        if (!editing) useReviewStore.getState().startEdit();
      }}
    >
      {/* The editor lies over the value, which stays (hidden) to hold the cell's size: opening an
          editor must not make the whole table lay itself out again. */}
      <span className="cell-value">{cell.raw.trim()}</span>
      {cell.original && (
        <span className="cell-original">{t.original(cell.original.raw.trim())}</span>
      )}
      {editing && <CellEditor raw={cell.raw} label={label} />}
    </td>
  );
});
