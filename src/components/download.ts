import { loadCsv, serializeReport, type Report } from '../core';
import { useReviewStore } from '../store/reviewStore';

/**
 * `021_x.html` → `021_x.html.report.json`: the whole source name, extension kept, so that the
 * exports of two formats of one report never overwrite each other.
 */
export function exportFileName(sourceName: string): string {
  return `${sourceName}.report.json`;
}

function downloadText(name: string, text: string, type: string): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // After the click has handed the blob to the download; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadReport(report: Report): void {
  downloadText(exportFileName(report.source.name), serializeReport(report), 'application/json');
}

/** Every report in the queue, in the order the files came in (not as filtered or sorted). */
function queuedReports(): Report[] {
  const { order, entries } = useReviewStore.getState();
  return order.flatMap((id) => entries[id]?.report ?? []);
}

/** `reports.jsonl`: one report@1 per line, each line ended by a newline. */
export function downloadAllJsonl(): void {
  const lines = queuedReports().map((report) => `${serializeReport(report)}\n`);
  downloadText('reports.jsonl', lines.join(''), 'application/x-ndjson');
}

export async function downloadCsv(): Promise<void> {
  // Loaded on first use: papaparse is not needed for anything else.
  const { reportsToCsv } = await loadCsv();
  downloadText('reports.csv', reportsToCsv(queuedReports()), 'text/csv;charset=utf-8');
}
