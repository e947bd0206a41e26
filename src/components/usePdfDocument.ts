import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { useEffect, useState } from 'react';
import { loadPdf } from '../core';

export type PdfDocumentState =
  | { state: 'loading' }
  | { state: 'failed' }
  | { state: 'ready'; doc: PDFDocumentProxy; sizes: { width: number; height: number }[] };

/** The PDF opened for drawing, with every page's size at scale 1 (for the placeholders). */
export function usePdfDocument(blob: Blob): PdfDocumentState {
  const [opened, setOpened] = useState<{ blob: Blob; state: PdfDocumentState } | null>(null);
  const setState = (state: PdfDocumentState) => setOpened({ blob, state });
  useEffect(() => {
    let task: ReturnType<typeof getDocument> | null = null;
    let gone = false;
    (async () => {
      // pdf.js in-process, set up as the core sets it up; rendering a page is a frame's work or so.
      await (await loadPdf()).ensureWorker();
      const data = new Uint8Array(await blob.arrayBuffer());
      // Left (J/K through reports) while the file was read: open nothing that no one would close.
      if (gone) return;
      task = getDocument({
        data,
        isEvalSupported: false,
        // Glyphs are drawn as paths: no font is loaded into the page (its CSP allows none).
        disableFontFace: true,
        useSystemFonts: false,
        useWorkerFetch: false,
        verbosity: 0,
      });
      const doc = await task.promise;
      const sizes = [];
      for (let n = 1; n <= doc.numPages && !gone; n++) {
        const viewport = (await doc.getPage(n)).getViewport({ scale: 1 });
        sizes.push({ width: viewport.width, height: viewport.height });
      }
      if (!gone) setState({ state: 'ready', doc, sizes });
    })().catch(() => {
      if (!gone) setState({ state: 'failed' });
    });
    return () => {
      gone = true;
      void task?.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- setState names this blob's state
  }, [blob]);
  return opened?.blob === blob ? opened.state : { state: 'loading' };
}
