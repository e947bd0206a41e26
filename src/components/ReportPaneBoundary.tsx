import type { ReactNode } from 'react';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { PaneErrorBoundary } from './PaneErrorBoundary';

/** A pane of the selected report that, failing, says so and lets the reviewer move on. */
export function ReportPaneBoundary({ children }: { children: ReactNode }) {
  const selectedId = useReviewStore((s) => s.selectedId);
  return (
    <PaneErrorBoundary failed={t.paneError.report} resetKey={selectedId}>
      {children}
    </PaneErrorBoundary>
  );
}
