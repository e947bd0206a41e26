import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { downloadReport } from './download';

/** 导出 JSON: the selected report, with its corrections and audit trail, as report@1. */
export function ExportButton() {
  const report = useReviewStore((s) =>
    s.selectedId === null ? null : (s.entries[s.selectedId]?.report ?? null),
  );
  return (
    <button
      type="button"
      className="button"
      title={t.exportJsonHint}
      disabled={!report}
      onClick={() => report && downloadReport(report)}
    >
      {t.exportJson}
    </button>
  );
}
