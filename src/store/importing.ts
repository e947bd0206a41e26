import type { Report } from '../core';
import { t } from '../i18n';

/** An exported report (`*.report.json`) or several (`*.jsonl`): read back, not parsed as a document. */
export function isReportFile(name: string): boolean {
  return /\.jsonl?$/i.test(name);
}

const SLICE_MS = 40;

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
  let text: string;
  try {
    text = await file.text();
  } catch {
    return [{ ok: false, name, error: t.errors.readFailed }];
  }
  // Loaded on the first import: the page needs the validator for nothing else.
  const { parseReportJson } = await import('../core/export/validate');
  text = text.replace(/^\uFEFF/, '');
  const pieces = /\.jsonl$/i.test(name)
    ? text.split(/\r?\n/).map((line, index) => ({ line, name: t.importLine(name, index + 1) }))
    : [{ line: text, name }];
  const items: ImportItem[] = [];
  let slice = performance.now();
  for (const piece of pieces) {
    if (piece.line.trim() === '') continue;
    const result = parseReportJson(piece.line);
    items.push(result.ok ? result : { ok: false, name: piece.name, error: result.error });
    // A thousand exported reports take a second or more to read: the page goes on meanwhile.
    if (performance.now() - slice > SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      slice = performance.now();
    }
  }
  return items.length > 0 ? items : [{ ok: false, name, error: t.errors.emptyImport }];
}
