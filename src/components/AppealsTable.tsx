import { useMemo } from 'react';
import { DataGrid } from './DataGrid';
import { GridBodyCells } from './GridBodyCells';
import { GridHead } from './GridHead';
import { useGridTable } from './gridTable';
import type { TableViewProps } from './tableProps';
import { appealsHeader, gridMap, leavesOf, printedRow } from './tableLayouts';

/** 表四 as printed: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), fifteen numbers in one row. */
export function AppealsTable({ table, failing, outlined }: TableViewProps) {
  const rowsByKey = useMemo(() => new Map(table.rows.map((r) => [r.key, r])), [table.rows]);
  const header = useMemo(() => appealsHeader(table), [table]);
  const leaves = useMemo(() => leavesOf(header), [header]);
  // The three data rows printed side by side: one row, whose cells name their data row.
  const rows = useMemo(() => [printedRow(leaves, rowsByKey)], [leaves, rowsByKey]);
  const map = useMemo(
    () => gridMap(table.id, rows, leaves, rowsByKey),
    [table.id, rows, leaves, rowsByKey],
  );
  const grid = useGridTable(rows, header);

  return (
    <DataGrid table={table.id} map={map} label={table.title} className="grid-appeals">
      <GridHead table={grid} labelColumns={0} corner="" />
      <tbody>
        {grid.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            <GridBodyCells
              tableId={table.id}
              row={row}
              rowLabel={(key) => (key === null ? '' : (rowsByKey.get(key)?.label ?? key))}
              failing={failing}
              outlined={outlined}
            />
          </tr>
        ))}
      </tbody>
    </DataGrid>
  );
}
