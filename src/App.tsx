import { DropZone } from './components/DropZone';
import { EmptyState } from './components/EmptyState';
import { ReportQueue } from './components/ReportQueue';
import { ReportView } from './components/ReportView';
import { TopBar } from './components/TopBar';
import { useReviewStore } from './store/reviewStore';

export function App() {
  const empty = useReviewStore((s) => s.order.length === 0);
  return (
    <div className="app">
      <TopBar />
      <div className="workspace">
        <ReportQueue />
        <main className="main">{empty ? <EmptyState /> : <ReportView />}</main>
      </div>
      <DropZone />
    </div>
  );
}
