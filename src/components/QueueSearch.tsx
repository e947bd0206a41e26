import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';

/** 搜索队列: narrows the rows to those whose agency, year or file name holds what is typed. */
export function QueueSearch() {
  const search = useReviewStore((s) => s.queueSearch);
  return (
    <input
      type="search"
      className="queue-search"
      aria-label={t.queueDesk.searchLabel}
      placeholder={t.queueDesk.searchPlaceholder}
      value={search}
      spellCheck={false}
      onChange={(event) => useReviewStore.getState().setQueueSearch(event.target.value)}
    />
  );
}
