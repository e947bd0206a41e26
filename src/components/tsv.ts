import Papa from 'papaparse';

// Excel's clipboard format: tab-separated, CRLF between rows, a field quoted only when it holds a
// tab, a line break or a quote. papaparse reads and writes exactly that.

export function toTsv(rows: readonly string[][]): string {
  return Papa.unparse(rows as string[][], { delimiter: '\t', newline: '\r\n', quotes: false });
}

/** The rows of a copied block; the line break Excel puts after its last row is no row. */
export function fromTsv(text: string): string[][] {
  const { data } = Papa.parse<string[]>(text.replace(/\r?\n$/, ''), {
    delimiter: '\t',
    newline: text.includes('\r\n') ? '\r\n' : '\n',
  });
  return data;
}
