import type { PrintedTable } from '../core';
import { printedTablesOf } from '../worker/client';
import { useWorkedOut } from './useWorkedOut';

// By the file's SHA-256: going back to a report shows its tables at once.
const known = new Map<string, Promise<PrintedTable[] | null>>();

/**
 * An HTML page's or a DOCX's tables as printed (SPEC R11.20), worked out off the page's thread:
 * undefined while they come, null when the file cannot be read.
 */
export function usePrintedTables(
  sha: string,
  blob: Blob,
  format: 'html' | 'docx',
): PrintedTable[] | null | undefined {
  return useWorkedOut(known, sha, () => printedTablesOf(blob, format));
}
