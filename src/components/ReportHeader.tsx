import { changedCells, type Report } from '../core';
import { t } from '../i18n';
import { summarize } from '../store/queue';
import { useReviewStore } from '../store/reviewStore';
import { suggestionsOf } from '../store/suggestions';
import { ISSUES_TAB } from '../store/tabs';
import { statusLine } from './checkStatus';
import { ReviewStatusControl } from './ReviewStatusControl';

interface Props {
  report: Report;
}

/**
 * 益阳市行政审批服务局 · 2022年度 · 2021版 · ⚠ 1 项校验未通过 · 5 项无法判断 · 表不完整 · 1 条修正建议 ·
 * 已修改 2 处 · 复核中
 * [标记为已复核]
 */
export function ReportHeader({ report }: Props) {
  const setTab = useReviewStore((s) => s.setTab);
  const status = statusLine(summarize(report));
  const suggestions = suggestionsOf(report).length;
  const { agency, year, template } = report.meta;
  return (
    <header className="report-header" data-testid="report-header">
      <h2 className="report-agency">{agency.value ?? t.unknownAgency}</h2>
      {year.value !== null && <span>{t.year(year.value)}</span>}
      <span className="template">{t.template[template]}</span>
      <span className={`failing-count is-${status.tone}`} data-testid="check-status">
        {status.icon && `${status.icon} `}
        {status.parts.map((part, i) => (
          <span key={part.text} className={`status-part is-${part.tone}`}>
            {i > 0 && ' · '}
            {part.text}
          </span>
        ))}
      </span>
      {suggestions > 0 && (
        <button type="button" className="link suggestion-count" onClick={() => setTab(ISSUES_TAB)}>
          {t.suggestions.count(suggestions)}
        </button>
      )}
      <span className="edit-count">{t.editCount(changedCells(report))}</span>
      <ReviewStatusControl review={report.review} />
      <span className="source-name" title={report.source.name}>
        {report.source.name}
      </span>
    </header>
  );
}
