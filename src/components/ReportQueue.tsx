import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { QueueRow } from './QueueRow';

/** The files dropped so far, in the order they came. */
export function ReportQueue() {
  const order = useReviewStore((s) => s.order);
  // Passed down rather than selected in each row: a change of selection re-renders two rows.
  const selectedId = useReviewStore((s) => s.selectedId);
  return (
    <nav className="queue" aria-label={t.queue}>
      <h2 className="pane-title">
        {t.queue}
        {order.length > 0 && <span className="quiet"> {order.length}</span>}
      </h2>
      {order.length === 0 ? (
        <p className="muted pad">{t.queueEmpty}</p>
      ) : (
        <ol className="queue-list">
          {order.map((id) => (
            <QueueRow key={id} id={id} selected={id === selectedId} />
          ))}
        </ol>
      )}
    </nav>
  );
}
