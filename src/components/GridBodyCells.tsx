import type { Row as TableRow } from '@tanstack/react-table';
import { cellAddress, type Row } from '../core';
import { DataCell } from './DataCell';
import type { GridFeatures } from './gridTable';

interface Props {
  tableId: string;
  row: TableRow<GridFeatures, Row>;
  /** Label of the printed row, for the cells' tooltips. */
  rowLabel: (leafRow: string | null) => string;
  failing: ReadonlySet<string>;
  outlined: ReadonlySet<string>;
}

/** The number cells of one printed row; a column the row does not have stays an empty slot. */
export function GridBodyCells({ tableId, row, rowLabel, failing, outlined }: Props) {
  return (
    <>
      {row.getAllCells().map((gridCell) => {
        const leaf = gridCell.column.columnDef.meta?.leaf;
        const cell = gridCell.getValue() as Row['cells'][string] | undefined;
        if (!leaf || !cell) return <td key={gridCell.id} className="cell-none" />;
        const rowKey = leaf.row ?? row.original.key;
        const key = cellAddress({ table: tableId, row: rowKey, column: leaf.column });
        return (
          <DataCell
            key={gridCell.id}
            table={tableId}
            row={rowKey}
            column={leaf.column}
            cell={cell}
            label={`${rowLabel(leaf.row)} · ${leaf.label}`}
            failing={failing.has(key)}
            outlined={outlined.has(key)}
          />
        );
      })}
    </>
  );
}
