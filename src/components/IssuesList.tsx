import { useMemo } from 'react';
import type { Report } from '../core';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { CheckItems } from './CheckItems';
import { describeCheck, suggestionItems } from './checkText';
import { YearChecks } from './YearChecks';

interface Props {
  report: Report;
}

/**
 * The checks as arithmetic — failing first, then those that could not run (apart: they neither passed
 * nor failed), the passed ones folded away — the checks against the same agency's other years, and
 * what the parser noticed about the document.
 */
export function IssuesList({ report }: Props) {
  const selectedCheck = useReviewStore((s) => s.selectedCheck);
  const selectCheck = useReviewStore((s) => s.selectCheck);
  const showSpan = useReviewStore((s) => s.showSpan);
  const checks = useMemo(
    () => report.checks.map((check) => ({ check, text: describeCheck(check, report) })),
    [report],
  );
  const suggestions = useMemo(() => suggestionItems(report), [report]);
  const failing = checks.filter((c) => c.check.status === 'fail');
  const uncertain = checks.filter((c) => c.check.status === 'uncertain');
  const passed = checks.filter((c) => c.check.status === 'pass');

  return (
    <div className="issues">
      <h3 className="list-title">{t.issues.checksTitle}</h3>
      {checks.length === 0 ? (
        <p className="muted">{t.issues.noChecks}</p>
      ) : (
        <>
          <CheckItems
            items={failing}
            selected={selectedCheck}
            onSelect={selectCheck}
            suggestions={suggestions}
          />
          {uncertain.length > 0 && (
            <>
              <p className="check-group-note">{t.issues.uncertainNote(uncertain.length)}</p>
              <CheckItems items={uncertain} selected={selectedCheck} onSelect={selectCheck} />
            </>
          )}
          {passed.length > 0 && (
            <details className="passed">
              <summary>{t.issues.passedSummary(passed.length)}</summary>
              <CheckItems items={passed} selected={selectedCheck} onSelect={selectCheck} />
            </details>
          )}
        </>
      )}
      <YearChecks />
      <h3 className="list-title">{t.issues.issuesTitle}</h3>
      {report.issues.length === 0 ? (
        <p className="muted">{t.issues.noIssues}</p>
      ) : (
        <ul className="issue-list">
          {report.issues.map((issue, index) => (
            <li key={index}>
              <button
                type="button"
                className={`issue severity-${issue.severity}`}
                disabled={!issue.span}
                onClick={() => showSpan(issue.span)}
              >
                <span className={`badge severity-${issue.severity}`}>
                  {t.issues.severity[issue.severity]}
                </span>
                <span className="issue-message">{issue.message}</span>
                <code className="issue-code">{issue.code}</code>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
