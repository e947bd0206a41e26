import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';

/** 解析中 12/1000, while a batch is under way. */
export function ParseProgress() {
  const done = useReviewStore((s) => s.progress.done);
  const total = useReviewStore((s) => s.progress.total);
  if (total === 0) return null;
  return (
    <span className="progress" role="status">
      <progress max={total} value={done} aria-hidden="true" />
      {t.parsingProgress(done, total)}
    </span>
  );
}
