import { DropZone } from './components/DropZone';
import { EmptyState } from './components/EmptyState';
import { PaneErrorBoundary } from './components/PaneErrorBoundary';
import { ReadOnlyBanner } from './components/ReadOnlyBanner';
import { ReportPaneBoundary } from './components/ReportPaneBoundary';
import { ReportQueue } from './components/ReportQueue';
import { ReportView } from './components/ReportView';
import { TopBar } from './components/TopBar';
import { UnsavedNotice } from './components/UnsavedNotice';
import { useShortcuts } from './components/useShortcuts';
import { useUnsavedWarning } from './components/useUnsavedWarning';
import { t } from './i18n';
import { useReviewStore } from './store/reviewStore';

export function App() {
  const loading = useReviewStore((s) => s.workspace === 'loading');
  const empty = useReviewStore((s) => s.order.length === 0);
  useShortcuts();
  useUnsavedWarning();
  return (
    <div className="app">
      <div className="app-head">
        <PaneErrorBoundary failed={t.paneError.topBar}>
          <TopBar />
        </PaneErrorBoundary>
        <ReadOnlyBanner />
        <UnsavedNotice />
      </div>
      <div className="workspace">
        <PaneErrorBoundary failed={t.paneError.queue}>
          <ReportQueue />
        </PaneErrorBoundary>
        <main className="main">
          {loading ? (
            <p className="placeholder muted">{t.restoring}</p>
          ) : empty ? (
            <EmptyState />
          ) : (
            <ReportPaneBoundary>
              <ReportView />
            </ReportPaneBoundary>
          )}
        </main>
      </div>
      <DropZone />
    </div>
  );
}
