import type { CellRef } from './types';

/** A cell's address as report@1 writes it, `table/row/column` (`requests/newReceived/total`). */
export function cellAddress(ref: CellRef): string {
  return `${ref.table}/${ref.row}/${ref.column}`;
}
