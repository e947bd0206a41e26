import type { PdfTextBoxes } from '../core';
import { pdfBoxesOf } from '../worker/client';
import { useWorkedOut } from './useWorkedOut';

// By the file's SHA-256: going back to a report shows its boxes at once.
const known = new Map<string, Promise<PdfTextBoxes | null>>();

/** Where the report's values are printed (SPEC R12.40), worked out off the page's thread. */
export function usePdfBoxes(sha: string, blob: Blob): PdfTextBoxes | null {
  return useWorkedOut(known, sha, () => pdfBoxesOf(blob)) ?? null;
}
