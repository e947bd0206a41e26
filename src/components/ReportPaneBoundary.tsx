import type { ReactNode } from 'react';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { PaneErrorBoundary } from './PaneErrorBoundary';

/**
 * A pane of the selected report that, failing, says so and lets the reviewer take the report out
 * of the queue or go on to another (which tries the pane again); a reload does not reopen it.
 */
export function ReportPaneBoundary({ children }: { children: ReactNode }) {
  const selectedId = useReviewStore((s) => s.selectedId);
  const removeReport = useReviewStore((s) => s.removeReport);
  const markFailed = useReviewStore((s) => s.markFailed);
  return (
    <PaneErrorBoundary
      failed={t.paneError.report}
      resetKey={selectedId}
      // Recorded with the workspace, so that the next start does not open this report again.
      onError={selectedId === null ? undefined : () => markFailed(selectedId)}
      onRemove={selectedId === null ? undefined : () => removeReport(selectedId)}
    >
      {children}
    </PaneErrorBoundary>
  );
}
