import { useMemo } from 'react';
import { t } from '../i18n';
import { LabelledRows } from './LabelledRows';
import { useGridTable } from './gridTable';
import type { ActiveBlock as Block } from './tableLayouts';
import { flatColumns } from './tableLayouts';

interface Props {
  tableId: string;
  block: Block;
  /** The widest block's column count, so that captions span the whole table. */
  width: number;
  failing: ReadonlySet<string>;
  outlined: ReadonlySet<string>;
}

/** One captioned block of 表二 (第二十条第（一）项 …), with its own header row. */
export function ActiveBlock({ tableId, block, width, failing, outlined }: Props) {
  const header = useMemo(() => flatColumns(block.columns), [block.columns]);
  const grid = useGridTable(block.rows, header);
  return (
    <tbody className="active-block">
      <tr>
        <th scope="colgroup" colSpan={width + 1} className="block-caption">
          {block.caption}
        </th>
      </tr>
      {grid.getHeaderGroups().map((group) => (
        <tr key={group.id} className="block-header">
          <th scope="col" className="corner">
            {t.active.header}
          </th>
          {group.headers.map((h) => (
            <th key={h.id} scope="col" colSpan={h.colSpan}>
              <grid.FlexRender header={h} />
            </th>
          ))}
        </tr>
      ))}
      <LabelledRows tableId={tableId} grid={grid} failing={failing} outlined={outlined} />
    </tbody>
  );
}
