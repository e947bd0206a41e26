import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';

/**
 * Says when this tab may not change the workspace, and why: another tab edits it (with 在此编辑 to
 * ask for it), or another tab wrote over what this one shows; or that this browser cannot tell.
 */
export function ReadOnlyBanner() {
  const { readOnly, handover, coordinated } = useReviewStore((s) => s.access);
  if (readOnly === null && coordinated) return null;
  if (readOnly === null) {
    return (
      <p className="read-only-banner" role="status" data-testid="read-only-banner">
        {t.readOnly.uncoordinated}
      </p>
    );
  }
  if (readOnly === 'stale') {
    return (
      <div className="read-only-banner" role="alert" data-testid="read-only-banner">
        <span>{t.readOnly.stale}</span>
        <button type="button" className="button" onClick={() => location.reload()}>
          {t.readOnly.reload}
        </button>
      </div>
    );
  }
  return (
    <div className="read-only-banner" role="alert" data-testid="read-only-banner">
      <span>
        {t.readOnly.banner}
        {handover === 'asking' && ` ${t.readOnly.asking}`}
        {handover === 'refused' && ` ${t.readOnly.refused}`}
      </span>
      <button
        type="button"
        className="button primary"
        title={t.readOnly.takeOverHint}
        disabled={handover === 'asking'}
        onClick={() => useReviewStore.getState().requestEdit()}
      >
        {t.readOnly.takeOver}
      </button>
    </div>
  );
}
