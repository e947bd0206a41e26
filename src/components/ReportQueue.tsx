import { useCallback, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../i18n';
import { hasReviewerWork, visibleOrder } from '../store/queue';
import { useReviewStore } from '../store/reviewStore';
import { QueueControls } from './QueueControls';
import { QueueRow } from './QueueRow';
import { RemoveReportDialog } from './RemoveReportDialog';
import { scrollRowIntoView, useVirtualRows } from './useVirtualRows';

/** Every row of the queue has this height (styles.css), so that the list can be drawn in part. */
const QUEUE_ROW_HEIGHT = 66;

function focusSelectedRow(list: HTMLOListElement | null): void {
  list?.querySelector<HTMLElement>('.queue-button[aria-current="true"]')?.focus();
}

/** The files dropped so far, filtered and sorted as the reviewer chose. */
export function ReportQueue() {
  const loading = useReviewStore((s) => s.workspace === 'loading');
  const total = useReviewStore((s) => s.order.length);
  // Compared item by item: the list renders again only when what it shows changes.
  const ids = useReviewStore(useShallow(visibleOrder));
  // Passed down rather than selected in each row: a change of selection re-renders two rows.
  const selectedId = useReviewStore((s) => s.selectedId);
  const scroller = useRef<HTMLElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const { first, last } = useVirtualRows(scroller, list, ids.length, QUEUE_ROW_HEIGHT);
  // The report whose 移除 is being asked about.
  const [removing, setRemoving] = useState<string | null>(null);

  // Kept the same function, so that the memoised rows do not render again for it.
  const remove = useCallback((id: string): void => {
    const { entries, removeReport } = useReviewStore.getState();
    const entry = entries[id];
    if (entry && hasReviewerWork(entry)) {
      setRemoving(id);
      return;
    }
    removeReport(id);
    // The row with the focus is gone: it goes on to the report selected in its place.
    requestAnimationFrame(() => focusSelectedRow(list.current));
  }, []);

  // J/K and "next problem" can go to a report far down the list: bring it into view.
  useEffect(() => {
    const index = selectedId === null ? -1 : ids.indexOf(selectedId);
    if (index >= 0 && scroller.current && list.current) {
      scrollRowIntoView(scroller.current, list.current, index, QUEUE_ROW_HEIGHT);
    }
  }, [ids, selectedId]);

  return (
    <nav className="queue" aria-label={t.queue} ref={scroller}>
      <h2 className="pane-title">
        {t.queue}
        {total > 0 && <span className="quiet"> {t.queueShown(ids.length, total)}</span>}
      </h2>
      {total > 0 && <QueueControls />}
      {loading ? (
        <p className="muted pad">{t.restoring}</p>
      ) : total === 0 ? (
        <p className="muted pad">{t.queueEmpty}</p>
      ) : ids.length === 0 ? (
        <p className="muted pad">{t.queueNoneShown}</p>
      ) : (
        <ol
          ref={list}
          className="queue-list"
          style={{
            paddingTop: first * QUEUE_ROW_HEIGHT,
            paddingBottom: (ids.length - last) * QUEUE_ROW_HEIGHT,
          }}
        >
          {ids.slice(first, last).map((id, index) => (
            <QueueRow
              key={id}
              id={id}
              position={first + index + 1}
              count={ids.length}
              selected={id === selectedId}
              onRemove={remove}
            />
          ))}
        </ol>
      )}
      <RemoveReportDialog
        id={removing}
        onClose={(removed) => {
          setRemoving(null);
          // The row with the focus is gone: it goes on to the report selected in its place.
          if (removed) requestAnimationFrame(() => focusSelectedRow(list.current));
        }}
      />
    </nav>
  );
}
