import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import type { Report, PrintedTable as Table } from '../core';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { outlineOf } from './cellKeys';
import { linkPrintedCells } from './printedCells';
import { PrintedTable } from './PrintedTable';
import { revealCell } from './revealCell';
import { outlineSpanKeys, parseSpanKey } from './sourceLines';
import { usePrintedTables } from './usePrintedTables';

interface Props {
  report: Report;
  blob: Blob;
  format: 'html' | 'docx';
}

/**
 * Cells drawn at most. A report's tables have a few hundred cells (022: 280), which the page draws
 * whole in a few milliseconds, so they are not windowed; a hostile page with tens of thousands
 * would hang it, so the tables past this many are left out (with a note) rather than drawn.
 */
const MAX_CELLS = 5000;

function withinBudget(tables: readonly Table[]): { shown: Table[]; cut: number } {
  const shown: Table[] = [];
  let cells = 0;
  for (const table of tables) {
    for (const row of table.rows) cells += row.length;
    if (cells > MAX_CELLS) break;
    shown.push(table);
  }
  return { shown, cut: tables.length - shown.length };
}

/**
 * An HTML page's or a DOCX's tables as printed, spans kept: the selected cell's printed cell
 * outlined and brought into view, the cells of a selected check outlined more lightly; a click on a
 * value selects its cell. Loaded lazily (SourceView), with its reading done by a worker.
 */
export function PrintedTables({ report, blob, format }: Props) {
  const tables = usePrintedTables(report.source.sha256, blob, format);
  const selectedSpan = useReviewStore((s) => s.selectedSpan);
  const selectedCheck = useReviewStore((s) => s.selectedCheck);
  const selectedSuggestion = useReviewStore((s) => s.selectedSuggestion);
  const selectSourceSpan = useReviewStore((s) => s.selectSourceSpan);
  const frame = useRef<HTMLDivElement>(null);

  const links = useMemo(() => linkPrintedCells(report, tables ?? []), [report, tables]);
  const outlined = useMemo(
    () => outlineSpanKeys(report, outlineOf(report, selectedCheck, selectedSuggestion)),
    [report, selectedCheck, selectedSuggestion],
  );
  const { shown, cut } = useMemo(() => withinBudget(tables ?? []), [tables]);

  useEffect(() => {
    const cell = frame.current?.querySelector<HTMLTableCellElement>('.printed-cell.is-selected');
    if (cell) revealCell(cell);
  }, [selectedSpan, shown]);

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const cell = (event.target as Element).closest('[data-span]');
    const span = parseSpanKey(cell?.getAttribute('data-span') ?? '');
    if (span) selectSourceSpan(span);
  }

  if (tables === undefined)
    return <p className="muted original-note">{t.originalView.tablesLoading}</p>;
  if (tables === null) return <p className="muted original-note">{t.originalView.tablesFailed}</p>;
  if (tables.length === 0) return <p className="muted original-note">{t.originalView.noTables}</p>;
  return (
    <div className="printed-tables" ref={frame} onClick={onClick}>
      {shown.map((table, index) => (
        <PrintedTable
          key={table.rows[0]?.[0]?.span[0] ?? index}
          table={table}
          index={index}
          links={links}
          selected={selectedSpan}
          outlined={outlined}
        />
      ))}
      {cut > 0 && <p className="muted original-note">{t.originalView.tablesCut(cut)}</p>}
    </div>
  );
}
