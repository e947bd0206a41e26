import { useVirtualizer } from '@tanstack/react-virtual';
import {
  lazy,
  Suspense,
  useEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
} from 'react';
import type { Report } from '../core';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { outlineOf } from './cellKeys';
import { SourceLineView } from './SourceLineView';
import { SourceSearch } from './SourceSearch';
import {
  collectMarks,
  lineIndexAt,
  lineKeys,
  outlineSpanKeys,
  parseSpanKey,
  spanKey,
  splitLines,
} from './sourceLines';

interface Props {
  report: Report;
}

// pdf.js and the page view come in only when a PDF's page is shown.
const PdfPages = lazy(() => import('./PdfPages').then((module) => ({ default: module.PdfPages })));
// A page's or a DOCX's tables as printed, likewise only when shown.
const PrintedTables = lazy(() =>
  import('./PrintedTables').then((module) => ({ default: module.PrintedTables })),
);

type SourceTab = 'page' | 'text';

/**
 * 原文 | 文本 for a PDF, an HTML page or a DOCX: its printed pages (a PDF) or tables (a page, a DOCX),
 * or the text read from them. It opens on the original when its file is at hand; the choice is kept
 * while the same report is shown.
 */
export function SourceView({ report }: Props) {
  const sha = report.source.sha256;
  const original = useReviewStore((s) => s.originals[sha] ?? null);
  const unstored = useReviewStore((s) => s.unstoredOriginals.includes(sha));
  const [chosen, setChosen] = useState<{ sha: string; tab: SourceTab } | null>(null);
  const format = report.source.format;
  if (format === 'text') return <SourceTextView report={report} tabs={null} />;
  const tab = chosen?.sha === sha ? chosen.tab : original ? 'page' : 'text';
  const tabs = (
    <div className="source-tabs" role="tablist" aria-label={t.originalView.tabs}>
      {(['page', 'text'] as const).map((id) => (
        <button
          key={id}
          type="button"
          role="tab"
          className="source-tab"
          aria-selected={tab === id}
          onClick={() => setChosen({ sha, tab: id })}
        >
          {t.originalView[id]}
        </button>
      ))}
    </div>
  );
  if (tab === 'text') return <SourceTextView report={report} tabs={tabs} />;
  return (
    <section className="source" aria-label={t.source}>
      <div className="pane-title source-title">{tabs}</div>
      {unstored && <p className="muted original-note">{t.originalView.notStored}</p>}
      {original ? (
        <Suspense fallback={<p className="muted original-note">{t.originalView.loading}</p>}>
          {format === 'pdf' ? (
            <PdfPages report={report} blob={original} />
          ) : (
            <PrintedTables report={report} blob={original} format={format} />
          )}
        </Suspense>
      ) : (
        <p className="muted original-note">{t.originalView.none}</p>
      )}
    </section>
  );
}

/** One unwrapped line: 12.5 px type at line-height 1.6 (styles.css). Wrapped lines are measured. */
const LINE_HEIGHT = 20;
/**
 * Lines drawn beyond the screen on either side: enough that a cell's number a screen or two away
 * is already in the page (clicking a cell nearby scrolls the page, not the list), few enough that
 * a text of 200,000 lines costs the page a few hundred.
 */
const OVERSCAN = 100;

function isVisibleIn(element: Element, container: Element): boolean {
  const box = element.getBoundingClientRect();
  const frame = container.getBoundingClientRect();
  return box.top >= frame.top && box.bottom <= frame.bottom;
}

/**
 * The report's text with line numbers; clicking a marked number selects its cell or fact. Only the
 * lines on screen (and OVERSCAN around them) are in the page, so a long text costs memory in
 * proportion to the screen; the browser's find-in-page sees only those, SourceSearch all.
 */
function SourceTextView({ report, tabs }: Props & { tabs: ReactNode }) {
  const selectedSpan = useReviewStore((s) => s.selectedSpan);
  const selectedCheck = useReviewStore((s) => s.selectedCheck);
  const selectedSuggestion = useReviewStore((s) => s.selectedSuggestion);
  const selectSourceSpan = useReviewStore((s) => s.selectSourceSpan);
  const container = useRef<HTMLDivElement>(null);

  // Edits keep spans, so the marks only change with the text or the set of spans.
  const marks = useMemo(() => collectMarks(report), [report]);
  const marksKey = useMemo(() => marks.map(spanKey).join(','), [marks]);
  const text = report.text;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- marksKey stands for marks
  const lines = useMemo(() => splitLines(text, marks), [text, marksKey]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the list is redrawn from its items on every render, never memoised
  const virtualizer = useVirtualizer({
    count: text === '' ? 0 : lines.length,
    getScrollElement: () => container.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: OVERSCAN,
    paddingStart: 4,
    paddingEnd: 40,
  });

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
    if (target) {
      if (!isVisibleIn(target, frame)) target.scrollIntoView({ block: 'center' });
      return;
    }
    // The place is not drawn yet: the list brings its line in, which draws it.
    virtualizer.scrollToIndex(lineIndexAt(lines, selectedSpan[0]), { align: 'center' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new selection scrolls
  }, [selectedSpan]);

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const mark = (event.target as Element).closest('mark[data-span]');
    const span = parseSpanKey(mark?.getAttribute('data-span') ?? '');
    if (span) selectSourceSpan(span);
  }

  const items = virtualizer.getVirtualItems();
  return (
    <section className="source" aria-label={t.source}>
      <div className="pane-title source-title">
        {tabs ?? <h2 className="source-heading">{t.source}</h2>}
        <SourceSearch text={text} />
      </div>
      <div className="source-text" ref={container} onClick={onClick}>
        {text === '' ? (
          <p className="muted">{t.sourceEmpty}</p>
        ) : (
          <div className="source-lines" style={{ height: virtualizer.getTotalSize() }}>
            <div
              className="source-window"
              style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}
            >
              {items.map((item) => {
                const line = lines[item.index];
                if (!line) return null;
                return (
                  <SourceLineView
                    key={line.start}
                    ref={virtualizer.measureElement}
                    index={item.index}
                    line={line}
                    selected={
                      selectedSpan && selectedSpan[0] <= line.end && selectedSpan[1] >= line.start
                        ? selectedKey
                        : null
                    }
                    outlined={lineKeys(line, outlined)}
                  />
                );
              })}
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
