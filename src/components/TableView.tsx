import { useMemo, type ReactNode } from 'react';
import { t } from '../i18n';
import { ActiveTable } from './ActiveTable';
import { AppealsTable } from './AppealsTable';
import { PlainTable } from './PlainTable';
import { RequestsTable } from './RequestsTable';
import type { TableViewProps } from './tableProps';
import { SHOWN_COLUMNS, SHOWN_ROWS, shownPart } from './tableLayouts';

function printedLayout(props: TableViewProps): ReactNode {
  switch (props.table.id) {
    case 'active':
      return <ActiveTable {...props} />;
    case 'requests':
      return <RequestsTable {...props} />;
    case 'appeals':
      return <AppealsTable {...props} />;
    default:
      return <PlainTable {...props} />;
  }
}

/**
 * A table in its printed layout where the form's is known, any other as a plain grid; a table too
 * big to lay out (an imported file can hold anything) shows its first rows and columns, and says so.
 */
export function TableView({ table, failing, outlined }: TableViewProps) {
  const shown = useMemo(() => shownPart(table), [table]);
  const cut = [
    table.rows.length > SHOWN_ROWS ? t.rowsCut(table.rows.length, SHOWN_ROWS) : '',
    table.columns.length > SHOWN_COLUMNS ? t.columnsCut(table.columns.length, SHOWN_COLUMNS) : '',
  ].filter(Boolean);
  return (
    <>
      {cut.length > 0 && (
        <p className="notice" data-testid="table-cut">
          {cut.join('；')}
        </p>
      )}
      {printedLayout({ table: shown, failing, outlined })}
    </>
  );
}
