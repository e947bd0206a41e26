import { decodeBytes } from '../decode';
import { htmlCharset } from './charset';
import { readDocx } from './docx';
import type { PrintedTable } from './flatten';
import { readHtml } from './html';

export type { PrintedTable } from './flatten';

/**
 * The data tables of an HTML page or a DOCX file as printed (SPEC R11.20), for the source pane:
 * read by the reader that parses the file (the page decoded as parseReport decodes it), so each
 * printed cell's span is where the report's cells read from it are. Null when the file cannot be
 * read (as the parser would refuse it), never an error.
 */
export function printedTables(bytes: Uint8Array, format: 'html' | 'docx'): PrintedTable[] | null {
  const tables: PrintedTable[] = [];
  const read =
    format === 'docx'
      ? readDocx(bytes, tables)
      : readHtml(decodeBytes(bytes, htmlCharset(bytes)).text, tables);
  return read.ok ? tables : null;
}
