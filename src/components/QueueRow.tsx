import { memo } from 'react';
import { t } from '../i18n';
import { summarize } from '../store/queue';
import { useReviewStore } from '../store/reviewStore';
import { queueBadges } from './checkStatus';
import { QueueBadge } from './QueueBadge';
import { formatTag, middleTruncate } from './queueName';

interface Props {
  id: string;
  /** 1-based, in the whole list: only the rows in view are in the page. */
  position: number;
  count: number;
  selected: boolean;
  /** Removes the report; asks first when the reviewer has worked on it. */
  onRemove: (id: string) => void;
}

/**
 * One file in the queue: its name, whose report it is, how far its review has got; 取消 while it
 * is parsing, and × to remove it.
 */
export const QueueRow = memo(function QueueRow({ id, position, count, selected, onRemove }: Props) {
  // A thousand rows run this on every change of the store: it must stay a lookup.
  const entry = useReviewStore((s) => s.entries[id]);
  if (!entry) return null;
  const report = entry.report;
  const review = entry.status === 'ready' && report ? report.review.status : null;
  const badges = report ? queueBadges(summarize(report)) : { failing: null, unsure: null };
  const format = formatTag(entry);
  const who = report
    ? [
        report.meta.agency.value,
        report.meta.year.value === null ? null : String(report.meta.year.value),
      ]
        .filter(Boolean)
        .join(' · ')
    : '';

  return (
    <li
      data-testid="queue-row"
      data-status={entry.status}
      data-stopped={entry.stopped}
      data-review={review ?? undefined}
      aria-posinset={position}
      aria-setsize={count}
      className={`queue-row status-${entry.status}${selected ? ' is-selected' : ''}`}
    >
      <button
        type="button"
        className="queue-button"
        aria-current={selected || undefined}
        onClick={() => useReviewStore.getState().selectReport(id)}
      >
        <span className="queue-line">
          <span
            className={`status-dot status-${entry.status}${review ? ` review-${review}` : ''}`}
            aria-hidden="true"
          />
          <span className="queue-name" title={entry.name}>
            {/* Read and found by its whole name; shown with its middle cut. */}
            <span aria-hidden="true">{middleTruncate(entry.name)}</span>
            <span className="visually-hidden">{entry.name}</span>
          </span>
          <QueueBadge badge={badges.failing} />
        </span>
        <span className="queue-who">{who}</span>
        <span className="queue-status" title={entry.error ?? entry.note ?? undefined}>
          {format && (
            <span className="queue-format" title={t.queueDesk.format(format)}>
              {format}
            </span>
          )}
          {/* A stopped parse is no failure of the file: its message (已取消) is the status. */}
          {entry.stopped ? entry.error : review ? t.review.status[review] : t.status[entry.status]}
          {entry.status === 'error' && !entry.stopped && entry.error && (
            <span className="queue-error">：{entry.error}</span>
          )}
          {entry.note && <span className="queue-note"> · {entry.note}</span>}
          {badges.unsure && ' '}
          <QueueBadge badge={badges.unsure} />
        </span>
      </button>
      <span className="queue-actions">
        {entry.status === 'parsing' && (
          <button
            type="button"
            className="queue-action"
            aria-label={t.cancelParse(entry.name)}
            onClick={() => useReviewStore.getState().cancelParse(id)}
          >
            {t.cancel}
          </button>
        )}
        <button
          type="button"
          className="queue-action queue-remove"
          aria-label={t.remove.button(entry.name)}
          title={t.remove.button(entry.name)}
          onClick={() => onRemove(id)}
        >
          ×
        </button>
      </span>
    </li>
  );
});
