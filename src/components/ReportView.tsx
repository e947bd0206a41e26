import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { ReportHeader } from './ReportHeader';
import { ReportPaneBoundary } from './ReportPaneBoundary';
import { SourceView } from './SourceView';
import { SplitPanes } from './SplitPanes';
import { TableTabs } from './TableTabs';

/** The selected report: its header line, then the source and the tables side by side. */
export function ReportView() {
  const entry = useReviewStore((s) =>
    s.selectedId === null ? null : (s.entries[s.selectedId] ?? null),
  );
  if (!entry) return <p className="placeholder">{t.noSelection}</p>;
  const report = entry.report;
  if (!report) {
    return (
      <div className="placeholder">
        <p className="placeholder-name">{entry.name}</p>
        <p className={entry.status === 'error' ? 'error-text' : 'muted'}>
          {entry.status === 'error' ? entry.error : t.parsingReport}
        </p>
      </div>
    );
  }
  return (
    <div className="report">
      <ReportPaneBoundary>
        <ReportHeader report={report} />
      </ReportPaneBoundary>
      {entry.status === 'error' && entry.error && <p className="report-error">{entry.error}</p>}
      {/* Keyed by file, so that another report starts at the top of its text. */}
      <SplitPanes
        key={entry.id}
        source={
          <ReportPaneBoundary>
            <SourceView report={report} />
          </ReportPaneBoundary>
        }
        tables={
          <ReportPaneBoundary>
            <TableTabs report={report} />
          </ReportPaneBoundary>
        }
      />
    </div>
  );
}
