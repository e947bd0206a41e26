import { GridBodyCells } from './GridBodyCells';
import type { GridTable } from './gridTable';

interface Props {
  tableId: string;
  grid: GridTable;
  failing: ReadonlySet<string>;
  outlined: ReadonlySet<string>;
}

/** Rows headed by their own printed label alone: 表二's blocks and tables without a known layout. */
export function LabelledRows({ tableId, grid, failing, outlined }: Props) {
  return grid.getRowModel().rows.map((row) => (
    <tr key={row.id}>
      <th scope="row" className="row-label">
        {row.original.label}
      </th>
      <GridBodyCells
        tableId={tableId}
        row={row}
        rowLabel={() => row.original.label}
        failing={failing}
        outlined={outlined}
      />
    </tr>
  ));
}
