import type { Report } from '../core';
import { serializeReport } from '../core/export/json';

/** `report.txt` → `report.report.json`: the source name without its extension. */
export function exportFileName(sourceName: string): string {
  const base = sourceName.replace(/\.[^./\\]*$/, '');
  return `${base === '' ? sourceName : base}.report.json`;
}

export function downloadReport(report: Report): void {
  const blob = new Blob([serializeReport(report)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(report.source.name);
  link.click();
  // After the click has handed the blob to the download; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
