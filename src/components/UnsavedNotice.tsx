import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';

/**
 * Under the top bar while reports are not saved: which ones, and for a full disk, that edits to the
 * others still save and how to make room (the queue's remove buttons, 清空工作区).
 */
export function UnsavedNotice() {
  const error = useReviewStore((s) => (s.save.state === 'error' ? s.save.error : null));
  const unsaved = useReviewStore((s) => s.save.unsaved);
  if (error === null || !unsaved || unsaved.length === 0) return null;
  const text =
    error === t.save.quota
      ? t.save.full(unsaved)
      : error === t.save.stale
        ? `${t.save.unsaved(unsaved)}。${t.save.staleHint}`
        : t.save.unsaved(unsaved);
  return (
    <p className="save-detail" role="alert" data-testid="save-detail">
      {text}
    </p>
  );
}
