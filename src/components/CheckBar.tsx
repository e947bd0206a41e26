import { useMemo } from 'react';
import type { Report } from '../core';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { ISSUES_TAB } from '../store/tabs';
import { CheckSummary } from './CheckSummary';
import { describeCheck, suggestionItems, takesVerdict } from './checkText';
import { SuggestionLine } from './SuggestionLine';
import { VerdictControls } from './VerdictControls';

interface Props {
  report: Report;
}

/**
 * Under a table: the check whose cells are outlined, as arithmetic, with the suggestions that would
 * fix it and its verdict buttons.
 */
export function CheckBar({ report }: Props) {
  const selectedCheck = useReviewStore((s) => s.selectedCheck);
  const setTab = useReviewStore((s) => s.setTab);
  const check = report.checks.find((c) => c.id === selectedCheck);
  const text = useMemo(() => check && describeCheck(check, report), [check, report]);
  const suggestions = useMemo(
    () => suggestionItems(report).filter((item) => item.suggestion.check === check?.id),
    [check, report],
  );
  if (!check || !text) return null;
  return (
    <section
      className={`check-bar status-${check.status}`}
      aria-label={t.issues.checksTitle}
      data-check={check.id}
    >
      <div className="check-bar-line">
        <CheckSummary check={check} text={text} />
        <button type="button" className="link back-link" onClick={() => setTab(ISSUES_TAB)}>
          {t.issues.backToList}
        </button>
      </div>
      {suggestions.map((item) => (
        <SuggestionLine key={item.suggestion.id} {...item} />
      ))}
      {takesVerdict(check) && <VerdictControls check={check} />}
    </section>
  );
}
