import { cellAddress, type CellRef, type Report, type YearCheck, type YearSide } from '../core';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';

interface Props {
  check: YearCheck;
  selectedId: string;
}

// `2023 年 四、结转下年度继续办理 · 自然人`: a cell named by its report's own labels.
function cellName(report: Report | null, year: number, ref: CellRef): string {
  const table = report?.tables.find((x) => x.id === ref.table);
  const row = table?.rows.find((r) => r.key === ref.row)?.label ?? ref.row;
  const column = table?.columns.find((c) => c.key === ref.column)?.label ?? ref.column;
  return t.yearChecks.cell(year, row, column);
}

// A cell of either report: opens that report (if it is not the one shown) and selects the cell.
function goTo(reportId: string, ref: CellRef): void {
  const { selectedId, selectReport, selectCell } = useReviewStore.getState();
  if (reportId !== selectedId) selectReport(reportId);
  selectCell(ref);
}

/** 不一致 Y1 上年结转 = 上年结转下年度 · 应为 2，实为 0 · 对照 002_….pdf（2024 年）, then its cells. */
export function YearCheckItem({ check, selectedId }: Props) {
  const entries = useReviewStore((s) => s.entries);
  const other = check.earlier.report === selectedId ? check.later : check.earlier;
  const otherName = entries[other.report]?.name ?? other.report;
  const sides: YearSide[] = [check.earlier, check.later];

  return (
    <li
      className="check-item year-check"
      data-year-check={check.id}
      data-status={check.status}
      data-other={otherName}
    >
      <div className={`check status-${check.status}`}>
        <span className={`badge status-${check.status}`}>{t.yearChecks.status[check.status]}</span>
        <span className="check-rule">{check.rule}</span>
        <span className="check-place">{t.yearChecks.rule[check.rule]}</span>
        <span className="check-equation">{t.yearChecks.values(check.expected, check.actual)}</span>
        <span className="year-check-other">{t.yearChecks.other(otherName, other.year)}</span>
      </div>
      <div className="year-check-cells">
        {sides.flatMap((side) =>
          side.cells.map((ref) => (
            <button
              key={`${side.report}/${cellAddress(ref)}`}
              type="button"
              className="link-button year-check-cell"
              data-report={entries[side.report]?.name ?? side.report}
              onClick={() => goTo(side.report, ref)}
            >
              {cellName(entries[side.report]?.report ?? null, side.year, ref)}
            </button>
          )),
        )}
      </div>
    </li>
  );
}
