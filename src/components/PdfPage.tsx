import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { useEffect, useRef, useState } from 'react';
import type { PdfBox, Span } from '../core';
import { t } from '../i18n';
import { spanKey } from './sourceLines';

interface Props {
  doc: PDFDocumentProxy;
  /** The report's display text, which the boxes' spans point into. */
  text: string;
  index: number;
  width: number;
  height: number;
  scale: number;
  boxes: readonly { span: Span; box: PdfBox }[];
  selected: Span | null;
  outlined: ReadonlySet<string>;
  root: HTMLElement | null;
}

const covers = (outer: Span, inner: Span) => outer[0] <= inner[0] && outer[1] >= inner[1];

/**
 * One page: a box of its printed size, drawn on a canvas only while it is on screen (or near it),
 * with a button over each value the report read from it.
 */
export function PdfPage({
  doc,
  text,
  index,
  width,
  height,
  scale,
  boxes,
  selected,
  outlined,
  root,
}: Props) {
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    const element = frame.current;
    if (!element || !root) return;
    const observer = new IntersectionObserver(
      ([entry]) => setVisible(entry?.isIntersecting ?? false),
      { root, rootMargin: '50% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [root]);

  useEffect(() => {
    const target = canvas.current;
    if (!visible || !target) return;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    let gone = false;
    void (async () => {
      const page = await doc.getPage(index + 1);
      if (gone) return;
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: scale * ratio });
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      task = page.render({ canvas: target, viewport });
      await task.promise.catch(() => undefined);
    })();
    return () => {
      gone = true;
      task?.cancel();
    };
  }, [doc, index, scale, visible]);

  return (
    <div
      className="pdf-page"
      ref={frame}
      data-page={index + 1}
      aria-label={t.originalView.pageLabel(index + 1)}
      style={{ width: width * scale, height: height * scale }}
    >
      {visible && <canvas ref={canvas} />}
      {visible &&
        boxes.map(({ span, box }) => {
          const key = spanKey(span);
          const isSelected = selected !== null && covers(span, selected);
          return (
            <button
              key={key}
              type="button"
              className={`pdf-box${isSelected ? ' is-selected' : ''}${outlined.has(key) ? ' is-outlined' : ''}`}
              data-span={key}
              aria-label={t.originalView.cellOnPage(text.slice(span[0], span[1]))}
              style={{
                left: box.x0 * scale,
                top: box.y0 * scale,
                width: (box.x1 - box.x0) * scale,
                height: (box.y1 - box.y0) * scale,
              }}
            />
          );
        })}
    </div>
  );
}
