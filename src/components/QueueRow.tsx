import { memo } from 'react';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';

interface Props {
  id: string;
  selected: boolean;
}

/** One file in the queue: its name, whose report it is, and how far it has got. */
export const QueueRow = memo(function QueueRow({ id, selected }: Props) {
  // A thousand rows run this on every change of the store: it must stay a lookup.
  const entry = useReviewStore((s) => s.entries[id]);
  if (!entry) return null;
  const report = entry.report;
  const failing = report ? report.checks.filter((c) => c.status === 'fail').length : 0;
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
      className={`queue-row status-${entry.status}${selected ? ' is-selected' : ''}`}
    >
      <button
        type="button"
        className="queue-button"
        aria-current={selected || undefined}
        onClick={() => useReviewStore.getState().selectReport(id)}
      >
        <span className="queue-line">
          <span className={`status-dot status-${entry.status}`} aria-hidden="true" />
          <span className="queue-name" title={entry.name}>
            {entry.name}
          </span>
          {failing > 0 && (
            <span className="badge status-fail" title={t.failingBadge(failing)}>
              ⚠ {failing}
            </span>
          )}
        </span>
        {who && <span className="queue-who">{who}</span>}
        <span className="queue-status">
          {t.status[entry.status]}
          {entry.status === 'error' && entry.error && (
            <span className="queue-error">：{entry.error}</span>
          )}
        </span>
      </button>
    </li>
  );
});
