import { useMemo } from 'react';
import { yearOverYear, type YearReport } from '../core';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { YearCheckList } from './YearCheckList';

/**
 * 跨年度校验: the selected report against the same agency's reports of the year before and after in
 * the queue. Computed from the queue as it is, so that it follows every edit on either side.
 */
export function YearChecks() {
  const selectedId = useReviewStore((s) => s.selectedId);
  const order = useReviewStore((s) => s.order);
  const entries = useReviewStore((s) => s.entries);
  const checks = useMemo(() => {
    const selected = selectedId === null ? null : entries[selectedId]?.report;
    const year = selected?.meta.year.value;
    if (!selected || selectedId === null || year == null) return [];
    // Only the selected report and those a year either side: an edit with a thousand reports in the
    // queue then costs a filter over them, not every pair of the whole queue.
    const reports = order.flatMap((id): YearReport[] => {
      const report = entries[id]?.report;
      const near = id === selectedId || Math.abs((report?.meta.year.value ?? year) - year) === 1;
      return report && near ? [{ id, report }] : [];
    });
    return yearOverYear(reports);
  }, [order, entries, selectedId]);
  if (selectedId === null) return null;
  // As in the report's own checks: what needs a look first, the passed ones folded away.
  const open = checks.filter((check) => check.status !== 'pass');
  const passed = checks.filter((check) => check.status === 'pass');

  return (
    <section className="year-checks" aria-label={t.yearChecks.title}>
      <h3 className="list-title">{t.yearChecks.title}</h3>
      {checks.length === 0 ? (
        <p className="muted">{t.yearChecks.none}</p>
      ) : (
        <>
          <YearCheckList checks={open} selectedId={selectedId} />
          {passed.length > 0 && (
            <details className="passed">
              <summary>{t.issues.passedSummary(passed.length)}</summary>
              <YearCheckList checks={passed} selectedId={selectedId} />
            </details>
          )}
        </>
      )}
    </section>
  );
}
