import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';

/** 已保存 / 保存中… / 保存失败：reason: whether what is on screen is in the browser's storage yet. */
export function SaveIndicator() {
  const loading = useReviewStore((s) => s.workspace === 'loading');
  const state = useReviewStore((s) => s.save.state);
  const error = useReviewStore((s) => s.save.error);
  const text = loading
    ? t.restoring
    : state === 'error'
      ? t.save.failed(error ?? t.save.unknown)
      : state === 'saving'
        ? t.save.saving
        : t.save.saved;
  return (
    <span
      className={`save-state save-${loading ? 'loading' : state}`}
      role="status"
      data-testid="save-state"
      data-state={loading ? 'loading' : state}
      title={state === 'error' ? t.save.failedHint : t.save.savedHint}
    >
      {text}
    </span>
  );
}
