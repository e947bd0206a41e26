import { formatBytes, LIMITS, loadValidator, type Report } from '../core';
import { t } from '../i18n';

/** An exported report (`*.report.json`) or several (`*.jsonl`): read back, not parsed as a document. */
export function isReportFile(name: string): boolean {
  return /\.jsonl?$/i.test(name);
}

const SLICE_MS = 40;

/**
 * An exported file read whole into the page: one report's export holds its text and its tables,
 * each within LIMITS, which comes to 100 MB at the very most; a JSON Lines file of a thousand
 * real reports is about as big. Past this, reading the file would take the tab's memory, not give a queue.
 */
export const IMPORT_BYTES = 200 * 1024 * 1024;

/** Lines as the source pane numbers them: a final line break ends the last line. */
function lineCount(text: string): number {
  let lines = 1;
  for (
    let at = text.indexOf('\n');
    at >= 0 && at < text.length - 1;
    at = text.indexOf('\n', at + 1)
  ) {
    lines += 1;
  }
  return lines;
}

/**
 * Why a report read back is refused, or null: the same bounds as a parsed file's (LIMITS), since
 * a report beyond them would freeze the page that shows it, and stay in the workspace after a reload.
 */
export function beyondLimits(report: Report): string | null {
  let rows = 0;
  let cells = 0;
  for (const table of report.tables) {
    rows += table.rows.length;
    for (const row of table.rows) cells += Object.keys(row.cells).length;
  }
  if (rows > LIMITS.tableRows) return t.errors.importRows(rows, LIMITS.tableRows);
  if (cells > LIMITS.cells) return t.errors.importCells(cells, LIMITS.cells);
  if (report.text.length > LIMITS.textBytes) {
    return t.errors.importText(report.text.length, LIMITS.textBytes);
  }
  const lines = lineCount(report.text);
  if (lines > LIMITS.lines) return t.errors.importLines(lines, LIMITS.lines);
  return null;
}

export type ImportItem =
  | { ok: true; report: Report }
  | {
      ok: false;
      /** The file, and the line for JSON Lines, so that the row says which one failed. */
      name: string;
      error: string;
    };

/**
 * The reports in an exported file, each accepted only as report@1 describes it: one per line for
 * JSON Lines (blank lines skipped), else the whole file as one. A line that fails is an item of its
 * own, so that one bad line does not lose the others.
 */
export async function readReportFile(file: Blob, name: string): Promise<ImportItem[]> {
  if (file.size > IMPORT_BYTES) {
    return [
      {
        ok: false,
        name,
        error: t.errors.importBytes(formatBytes(file.size), formatBytes(IMPORT_BYTES)),
      },
    ];
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return [{ ok: false, name, error: t.errors.readFailed }];
  }
  // Loaded on the first import: the page needs the validator for nothing else.
  const { parseReportJson } = await loadValidator();
  text = text.replace(/^\uFEFF/, '');
  const pieces = /\.jsonl$/i.test(name)
    ? text.split(/\r?\n/).map((line, index) => ({ line, name: t.importLine(name, index + 1) }))
    : [{ line: text, name }];
  const items: ImportItem[] = [];
  let slice = performance.now();
  for (const piece of pieces) {
    if (piece.line.trim() === '') continue;
    const result = parseReportJson(piece.line);
    if (!result.ok) {
      items.push({ ok: false, name: piece.name, error: result.error });
    } else {
      const refused = beyondLimits(result.report);
      items.push(refused === null ? result : { ok: false, name: piece.name, error: refused });
    }
    // A thousand exported reports take a second or more to read: the page goes on meanwhile.
    if (performance.now() - slice > SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      slice = performance.now();
    }
  }
  return items.length > 0 ? items : [{ ok: false, name, error: t.errors.emptyImport }];
}
