import { useEffect, useState } from 'react';
import type { PdfTextBoxes } from '../core/formats/pdf';
import { pdfBoxesOf } from '../worker/client';

// By the file's SHA-256: going back to a report shows its boxes at once.
const known = new Map<string, Promise<PdfTextBoxes | null>>();

/** Where the report's values are printed (SPEC R12.40), worked out off the page's thread. */
export function usePdfBoxes(sha: string, blob: Blob): PdfTextBoxes | null {
  const [boxes, setBoxes] = useState<{ sha: string; boxes: PdfTextBoxes | null } | null>(null);
  useEffect(() => {
    let gone = false;
    let pending = known.get(sha);
    if (!pending) {
      pending = pdfBoxesOf(blob);
      known.set(sha, pending);
    }
    void pending.then((found) => {
      if (!gone) setBoxes({ sha, boxes: found });
    });
    return () => {
      gone = true;
    };
  }, [sha, blob]);
  return boxes?.sha === sha ? boxes.boxes : null;
}
