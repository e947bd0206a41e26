import Papa from 'papaparse';
import { fromInertText, inertText } from '../core';

// Excel's clipboard format: tab-separated, CRLF between rows, a field quoted only when it holds a
// tab, a line break or a quote. papaparse reads and writes exactly that. A source's text that Excel
// would run as a formula (`=HYPERLINK(…)` kept as a text cell) goes out inert, as in the CSV, and
// comes back as it was when pasted into the grid.

export function toTsv(rows: readonly string[][]): string {
  const inert = rows.map((row) => row.map(inertText));
  return Papa.unparse(inert, { delimiter: '\t', newline: '\r\n', quotes: false });
}

/** The rows of a copied block; the line break Excel puts after its last row is no row. */
export function fromTsv(text: string): string[][] {
  const { data } = Papa.parse<string[]>(text.replace(/\r?\n$/, ''), {
    delimiter: '\t',
    newline: text.includes('\r\n') ? '\r\n' : '\n',
  });
  return data.map((row) => row.map(fromInertText));
}
