import {
  createColumnHelper,
  metaHelper,
  tableFeatures,
  useTable,
  type ColumnDef,
} from '@tanstack/react-table';
import { useMemo } from 'react';
import type { Cell, Row } from '../core';
import { own } from '../core';
import type { HeaderNode, LeafColumn } from './tableLayouts';

const gridFeatures = tableFeatures({ columnMeta: metaHelper<{ leaf?: LeafColumn }>() });

export type GridFeatures = typeof gridFeatures;

const helper = createColumnHelper<GridFeatures, Row>();

function toColumnDefs(nodes: HeaderNode[]): ColumnDef<GridFeatures, Row, unknown>[] {
  return nodes.map((node) => {
    if (node.kind === 'group') {
      return helper.group({
        id: `group:${node.id}`,
        header: node.label,
        columns: toColumnDefs(node.children),
      });
    }
    const { leaf } = node;
    // A printed row that shows several data rows (表四) holds their cells under the leaf's id.
    const key = leaf.row === null ? leaf.column : leaf.id;
    return helper.accessor((row): Cell | undefined => own(row.cells, key), {
      id: leaf.id,
      header: leaf.label,
      meta: { leaf },
    }) as ColumnDef<GridFeatures, Row, unknown>;
  });
}

/**
 * A TanStack table over printed rows, with the printed header tree as its column groups. The
 * columns depend on the header alone, so an edit (new rows, same header) does not rebuild them.
 */
export function useGridTable(rows: Row[], nodes: HeaderNode[]) {
  const columns = useMemo(() => toColumnDefs(nodes), [nodes]);
  return useTable({ features: gridFeatures, columns, data: rows, getRowId: (row) => row.key });
}

export type GridTable = ReturnType<typeof useGridTable>;
