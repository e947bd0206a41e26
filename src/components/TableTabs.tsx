import { useMemo } from 'react';
import { cellAddress, own, type Report } from '../core';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { summarize } from '../store/queue';
import { FACTS_TAB, ISSUES_TAB, tabOrder, type TabId } from '../store/tabs';
import { failingCells, outlineOf } from './cellKeys';
import { CheckBar } from './CheckBar';
import { FactsList } from './FactsList';
import { IssuesList } from './IssuesList';
import { Legend } from './Legend';
import { TableView } from './TableView';

interface Props {
  report: Report;
}

function tabLabel(report: Report, tab: TabId): string {
  return own<string>(t.tabs, tab) ?? report.tables.find((x) => x.id === tab)?.title ?? tab;
}

/** 表二 | 表三 | 表四 | 文中数字 | 问题, and the selected one below. */
export function TableTabs({ report }: Props) {
  const activeTab = useReviewStore((s) => s.activeTab);
  const selectedCheck = useReviewStore((s) => s.selectedCheck);
  const selectedSuggestion = useReviewStore((s) => s.selectedSuggestion);
  const setTab = useReviewStore((s) => s.setTab);
  const tabs = useMemo(() => tabOrder(report), [report]);
  const current = activeTab !== null && tabs.includes(activeTab) ? activeTab : tabs[0];
  const failing = useMemo(() => failingCells(report.checks), [report.checks]);
  const outlined = useMemo(
    () => new Set(outlineOf(report, selectedCheck, selectedSuggestion).cells.map(cellAddress)),
    [report, selectedCheck, selectedSuggestion],
  );
  // What is left to do: failing checks not judged yet, and the parser's warnings.
  const attention =
    summarize(report).openFailing + report.issues.filter((i) => i.severity !== 'info').length;

  const table = report.tables.find((x) => x.id === current);

  return (
    <section className="tables" aria-label={t.tablesLabel}>
      <div className="tab-bar">
        <div role="tablist" className="tab-list">
          {tabs.map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              id={`tab-${tab}`}
              aria-selected={tab === current}
              aria-controls="tab-panel"
              className="tab"
              onClick={() => setTab(tab)}
            >
              {tabLabel(report, tab)}
              {tab === ISSUES_TAB && attention > 0 && (
                <span className="tab-count">{attention}</span>
              )}
              {tab === FACTS_TAB && report.facts.length > 0 && (
                <span className="tab-count quiet">{report.facts.length}</span>
              )}
            </button>
          ))}
        </div>
        {table && <Legend />}
      </div>
      <div role="tabpanel" id="tab-panel" aria-labelledby={`tab-${current}`} className="tab-panel">
        {table ? (
          <TableView table={table} failing={failing} outlined={outlined} />
        ) : current === ISSUES_TAB ? (
          <IssuesList report={report} />
        ) : (
          <>
            {report.tables.length === 0 && <p className="notice">{t.noTables}</p>}
            <FactsList report={report} />
          </>
        )}
      </div>
      {table && <CheckBar report={report} />}
    </section>
  );
}
