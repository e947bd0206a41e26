import { memo } from 'react';
import type { Span, PrintedTable as Table } from '../core';
import { t } from '../i18n';
import { spanKey } from './sourceLines';

interface Props {
  table: Table;
  index: number;
  /** The report cell read from each printed cell, by the printed cell's span key. */
  links: ReadonlyMap<string, Span>;
  selected: Span | null;
  /** The span keys of the report cells outlined (the selected check's). */
  outlined: ReadonlySet<string>;
}

const covers = (outer: Span, inner: Span) =>
  outer[1] > outer[0] && outer[0] <= inner[0] && outer[1] >= inner[1];

/**
 * One table of the source as printed, its spans kept: the rows above its first value are its head
 * (centred, as printed); a cell holding a value is a button that selects its cell. Text only, as
 * strings: none of the source's markup reaches the page.
 */
export const PrintedTable = memo(function PrintedTable({
  table,
  index,
  links,
  selected,
  outlined,
}: Props) {
  const firstValueRow = table.rows.findIndex((row) =>
    row.some((cell) => links.has(spanKey(cell.span))),
  );
  return (
    <table className="printed-table" aria-label={t.originalView.tableLabel(index + 1)}>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell) => {
              const link = links.get(spanKey(cell.span));
              const classes = [
                'printed-cell',
                r < firstValueRow ? 'is-head' : '',
                link ? 'is-value' : '',
                selected && covers(cell.span, selected) ? 'is-selected' : '',
                link && outlined.has(spanKey(link)) ? 'is-outlined' : '',
              ];
              return (
                <td
                  key={cell.span[0]}
                  rowSpan={cell.rowSpan}
                  colSpan={cell.colSpan}
                  className={classes.filter(Boolean).join(' ')}
                  data-span={link ? spanKey(link) : undefined}
                >
                  {link ? (
                    <button type="button" className="printed-value">
                      {cell.text}
                    </button>
                  ) : (
                    cell.text
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
