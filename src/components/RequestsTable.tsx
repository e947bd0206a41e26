import { useMemo } from 'react';
import { DataGrid } from './DataGrid';
import { GridBodyCells } from './GridBodyCells';
import { GridHead } from './GridHead';
import { useGridTable } from './gridTable';
import type { TableViewProps } from './tableProps';
import {
  gridMap,
  leavesOf,
  requestsHeader,
  requestsLabelColumns,
  requestsRowHeaders,
} from './tableLayouts';

/** 表三 as printed: 申请人情况 over the seven columns, the results grouped under 三 and its sub-items. */
export function RequestsTable({ table, failing, outlined }: TableViewProps) {
  const rowsByKey = useMemo(() => new Map(table.rows.map((r) => [r.key, r])), [table.rows]);
  const header = useMemo(() => requestsHeader(table.columns), [table.columns]);
  const rowHeaders = useMemo(() => requestsRowHeaders(table.rows), [table.rows]);
  const map = useMemo(
    () => gridMap(table.id, table.rows, leavesOf(header), rowsByKey),
    [table.id, table.rows, header, rowsByKey],
  );
  const grid = useGridTable(table.rows, header);
  const labelColumns = requestsLabelColumns(table.rows);

  return (
    <DataGrid table={table.id} map={map} label={table.title} className="grid-requests">
      <GridHead table={grid} labelColumns={labelColumns} corner="" />
      <tbody>
        {grid.getRowModel().rows.map((row, index) => (
          <tr key={row.id}>
            {(rowHeaders[index] ?? []).map((cell) => (
              <th
                key={cell.key}
                scope="row"
                rowSpan={cell.rowSpan}
                colSpan={cell.colSpan}
                className={
                  cell.key === row.original.key ? 'row-label' : `row-group group-${cell.key}`
                }
              >
                {cell.label}
              </th>
            ))}
            <GridBodyCells
              tableId={table.id}
              row={row}
              rowLabel={() => row.original.label}
              failing={failing}
              outlined={outlined}
            />
          </tr>
        ))}
      </tbody>
    </DataGrid>
  );
}
