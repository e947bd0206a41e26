import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import type { Report } from '../core';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { outlineOf } from './cellKeys';
import { SourceLineView } from './SourceLineView';
import {
  collectMarks,
  lineKeys,
  outlineSpanKeys,
  parseSpanKey,
  spanKey,
  splitLines,
} from './sourceLines';

interface Props {
  report: Report;
}

function isVisibleIn(element: Element, container: Element): boolean {
  const box = element.getBoundingClientRect();
  const frame = container.getBoundingClientRect();
  return box.top >= frame.top && box.bottom <= frame.bottom;
}

/** The report's text with line numbers; clicking a marked number selects its cell or fact. */
export function SourceView({ report }: Props) {
  const selectedSpan = useReviewStore((s) => s.selectedSpan);
  const selectedCheck = useReviewStore((s) => s.selectedCheck);
  const selectedSuggestion = useReviewStore((s) => s.selectedSuggestion);
  const selectSourceSpan = useReviewStore((s) => s.selectSourceSpan);
  const container = useRef<HTMLDivElement>(null);

  // Edits keep spans, so the marks only change with the text or the set of spans.
  const marks = useMemo(() => collectMarks(report), [report]);
  const marksKey = marks.map(spanKey).join(',');
  const text = report.text;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- marksKey stands for marks
  const lines = useMemo(() => splitLines(text, marks), [text, marksKey]);

  const selectedKey = selectedSpan ? spanKey(selectedSpan) : null;
  // The other cells of the selected check (or suggestion) are outlined in the source, as they are
  // in the table.
  const outlined = useMemo(
    () => outlineSpanKeys(report, outlineOf(report, selectedCheck, selectedSuggestion)),
    [report, selectedCheck, selectedSuggestion],
  );

  useEffect(() => {
    const frame = container.current;
    if (!frame || !selectedSpan) return;
    const target =
      frame.querySelector(`mark[data-span="${spanKey(selectedSpan)}"]`) ??
      frame.querySelector('.src-line.is-focus');
    if (target && !isVisibleIn(target, frame)) target.scrollIntoView({ block: 'center' });
  }, [selectedSpan]);

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const mark = (event.target as Element).closest('mark[data-span]');
    const span = parseSpanKey(mark?.getAttribute('data-span') ?? '');
    if (span) selectSourceSpan(span);
  }

  return (
    <section className="source" aria-label={t.source}>
      <h2 className="pane-title">{t.source}</h2>
      <div className="source-text" ref={container} onClick={onClick}>
        {text === '' ? (
          <p className="muted">{t.sourceEmpty}</p>
        ) : (
          lines.map((line) => (
            <SourceLineView
              key={line.number}
              line={line}
              selected={
                selectedSpan && selectedSpan[0] <= line.end && selectedSpan[1] >= line.start
                  ? selectedKey
                  : null
              }
              outlined={lineKeys(line, outlined)}
            />
          ))
        )}
      </div>
    </section>
  );
}
