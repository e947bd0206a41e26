import { useMemo } from 'react';
import { ActiveBlock } from './ActiveBlock';
import { DataGrid } from './DataGrid';
import type { TableViewProps } from './tableProps';
import { activeBlocks, gridMap, leavesOf, flatColumns } from './tableLayouts';

/** 表二 as printed: one captioned block per item of 第二十条, each with the columns of its rows. */
export function ActiveTable({ table, failing, outlined }: TableViewProps) {
  const blocks = useMemo(() => activeBlocks(table), [table]);
  const map = useMemo(() => {
    const rowsByKey = new Map(table.rows.map((r) => [r.key, r]));
    return blocks.flatMap((b) =>
      gridMap(table.id, b.rows, leavesOf(flatColumns(b.columns)), rowsByKey),
    );
  }, [blocks, table.id, table.rows]);
  const width = blocks.reduce((most, b) => Math.max(most, b.columns.length), 1);

  return (
    <DataGrid table={table.id} map={map} label={table.title} className="grid-active">
      {blocks.map((block) => (
        <ActiveBlock
          key={block.id}
          tableId={table.id}
          block={block}
          width={width}
          failing={failing}
          outlined={outlined}
        />
      ))}
    </DataGrid>
  );
}
