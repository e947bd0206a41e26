import type { GridTable } from './gridTable';

interface Props {
  table: GridTable;
  /** The label columns to the left of the numbers, under one corner cell; 0 for none. */
  labelColumns: number;
  corner: string;
}

/** The grouped header rows of a printed table, merged across and down as the form prints them. */
export function GridHead({ table, labelColumns, corner }: Props) {
  const groups = table.getHeaderGroups();
  return (
    <thead>
      {groups.map((group, index) => (
        <tr key={group.id}>
          {index === 0 && labelColumns > 0 && (
            <th className="corner" scope="col" rowSpan={groups.length} colSpan={labelColumns}>
              {corner}
            </th>
          )}
          {group.headers
            .filter((header) => header.rowSpan > 0)
            .map((header) => (
              <th
                key={header.id}
                scope={header.subHeaders.length > 0 ? 'colgroup' : 'col'}
                colSpan={header.colSpan}
                rowSpan={header.rowSpan}
              >
                <table.FlexRender header={header} />
              </th>
            ))}
        </tr>
      ))}
    </thead>
  );
}
