import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { useEffect, useState } from 'react';

export type PdfDocumentState =
  | { state: 'loading' }
  | { state: 'failed' }
  | { state: 'ready'; doc: PDFDocumentProxy; sizes: { width: number; height: number }[] };

let inProcessWorker: Promise<void> | null = null;

/**
 * pdf.js in-process, as the core runs it: the one-file build may fetch nothing separately, so it
 * has no worker script of its own to start. Rendering a page's drawing is a frame's work or so.
 */
function ensureWorker(): Promise<void> {
  inProcessWorker ??= (async () => {
    const scope = globalThis as { pdfjsWorker?: unknown };
    // @ts-expect-error pdfjs-dist ships no type declarations for its worker module
    scope.pdfjsWorker ??= (await import('pdfjs-dist/legacy/build/pdf.worker.mjs')) as unknown;
  })();
  return inProcessWorker;
}

/** The PDF opened for drawing, with every page's size at scale 1 (for the placeholders). */
export function usePdfDocument(blob: Blob): PdfDocumentState {
  const [opened, setOpened] = useState<{ blob: Blob; state: PdfDocumentState } | null>(null);
  const setState = (state: PdfDocumentState) => setOpened({ blob, state });
  useEffect(() => {
    let task: ReturnType<typeof getDocument> | null = null;
    let gone = false;
    (async () => {
      await ensureWorker();
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
