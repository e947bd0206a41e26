import { useMemo } from 'react';
import { DataGrid } from './DataGrid';
import { GridHead } from './GridHead';
import { LabelledRows } from './LabelledRows';
import { useGridTable } from './gridTable';
import type { TableViewProps } from './tableProps';
import { flatColumns, gridMap, leavesOf } from './tableLayouts';

/** A table no printed layout is known for (a 统计表, a local form): its rows and columns as a grid. */
export function PlainTable({ table, failing, outlined }: TableViewProps) {
  const rowsByKey = useMemo(() => new Map(table.rows.map((r) => [r.key, r])), [table.rows]);
  const header = useMemo(() => flatColumns(table.columns), [table.columns]);
  const map = useMemo(
    () => gridMap(table.id, table.rows, leavesOf(header), rowsByKey),
    [table.id, table.rows, header, rowsByKey],
  );
  const grid = useGridTable(table.rows, header);

  return (
    <DataGrid table={table.id} map={map} label={table.title} className="grid-plain">
      <GridHead table={grid} labelColumns={1} corner="" />
      <tbody>
        <LabelledRows tableId={table.id} grid={grid} failing={failing} outlined={outlined} />
      </tbody>
    </DataGrid>
  );
}
