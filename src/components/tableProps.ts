import type { Table } from '../core';

/** What every table view gets: the data, and which of its cells the checks point at. */
export interface TableViewProps {
  table: Table;
  failing: ReadonlySet<string>;
  outlined: ReadonlySet<string>;
}
