import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Report } from '../core';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { outlineOf } from './cellKeys';
import { PdfPage } from './PdfPage';
import { outlineSpanKeys, parseSpanKey } from './sourceLines';
import { usePdfBoxes } from './usePdfBoxes';
import { usePdfDocument } from './usePdfDocument';

interface Props {
  report: Report;
  blob: Blob;
}

// Room the pages leave in the pane: its padding on either side.
const GUTTER = 16;

/**
 * The PDF as printed, page under page at the pane's width: the selected cell's box outlined and
 * scrolled into view, the cells of a selected check outlined too; a click on a value selects its
 * cell. Loaded lazily (SourceView), so pdf.js comes in only when a PDF is shown.
 */
export function PdfPages({ report, blob }: Props) {
  const opened = usePdfDocument(blob);
  const found = usePdfBoxes(report.source.sha256, blob);
  // Boxes of another reading of the file (a report from an earlier parser version, or imported)
  // would outline the wrong numbers: none rather than wrong ones.
  const boxes = found?.text === report.text ? found : null;
  const selectedSpan = useReviewStore((s) => s.selectedSpan);
  const selectedCheck = useReviewStore((s) => s.selectedCheck);
  const selectedSuggestion = useReviewStore((s) => s.selectedSuggestion);
  const selectSourceSpan = useReviewStore((s) => s.selectSourceSpan);
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  const scroller = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (!root) return;
    const observer = new ResizeObserver(() => setWidth(root.clientWidth));
    observer.observe(root);
    return () => observer.disconnect();
  }, [root]);

  const outlined = useMemo(
    () => outlineSpanKeys(report, outlineOf(report, selectedCheck, selectedSuggestion)),
    [report, selectedCheck, selectedSuggestion],
  );
  const byPage = useMemo(() => {
    const pages = new Map<number, NonNullable<typeof boxes>['boxes']>();
    for (const place of boxes?.boxes ?? []) {
      const list = pages.get(place.box.page) ?? [];
      list.push(place);
      pages.set(place.box.page, list);
    }
    return pages;
  }, [boxes]);

  const sizes = opened.state === 'ready' ? opened.sizes : [];
  const widest = Math.max(1, ...sizes.map((size) => size.width));
  const scale = width > GUTTER ? (width - GUTTER) / widest : 1;

  // The selected cell's box brought to the middle of the pane, unless it is in view already.
  useEffect(() => {
    const frame = scroller.current;
    if (!frame || !selectedSpan || !boxes) return;
    const place = boxes.boxes.find(
      ({ span }) => span[0] <= selectedSpan[0] && span[1] >= selectedSpan[1],
    );
    const page = place && frame.querySelector<HTMLElement>(`[data-page="${place.box.page + 1}"]`);
    if (!place || !page) return;
    const top = page.offsetTop + place.box.y0 * scale;
    const bottom = page.offsetTop + place.box.y1 * scale;
    if (top < frame.scrollTop || bottom > frame.scrollTop + frame.clientHeight)
      frame.scrollTop = (top + bottom) / 2 - frame.clientHeight / 2;
  }, [selectedSpan, boxes, scale, opened]);

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const box = (event.target as Element).closest('[data-span]');
    const span = parseSpanKey(box?.getAttribute('data-span') ?? '');
    if (span) selectSourceSpan(span);
  }

  if (opened.state === 'failed')
    return <p className="muted original-note">{t.originalView.failed}</p>;
  return (
    <div
      className="pdf-pages"
      ref={(element) => {
        scroller.current = element;
        setRoot(element);
      }}
      onClick={onClick}
    >
      {opened.state === 'loading' ? (
        <p className="muted">{t.originalView.loading}</p>
      ) : (
        opened.sizes.map((size, index) => (
          <PdfPage
            key={index}
            doc={opened.doc}
            text={report.text}
            index={index}
            width={size.width}
            height={size.height}
            scale={scale}
            boxes={byPage.get(index) ?? []}
            selected={selectedSpan}
            outlined={outlined}
            root={root}
          />
        ))
      )}
    </div>
  );
}
