import { t } from '../i18n';
import { forget } from './history';
import { readReportFile, type ImportItem } from './importing';
import { entryFor, newEntry, type QueueEntry } from './queueSlice';
import {
  moment,
  stillWhere,
  type GetStore,
  type Moment,
  type Session,
  type SetStore,
} from './shared';

/** Exported reports (`.report.json`, `.jsonl`) dropped or picked: read back into the queue. */
export async function importFiles(
  session: Session,
  set: SetStore,
  get: GetStore,
  files: readonly File[],
): Promise<void> {
  if (files.length === 0) return;
  const from = moment(get);
  const batches = await Promise.all(
    files.map(async (file) => ({
      file: file.name,
      items: await readReportFile(file, file.name),
    })),
  );
  addImported(session, set, get, batches, from);
}

/**
 * Exported reports back into the queue, in the order read. One whose source (sha256) was in the
 * queue already takes that entry's place, and its row says so; the undo steps of the report it
 * replaced are dropped, since they describe a report that is gone.
 */
function addImported(
  session: Session,
  set: SetStore,
  get: GetStore,
  batches: { file: string; items: ImportItem[] }[],
  from: Moment,
): void {
  const state = get();
  const order = [...state.order];
  const entries = { ...state.entries };
  const bySource = new Map<string, string>();
  for (const id of order) {
    const sha = entries[id]?.report?.source.sha256;
    if (sha && !bySource.has(sha)) bySource.set(sha, id);
  }
  const replaced = new Map<string, string>();
  for (const { file, items } of batches) {
    for (const item of items) {
      if (!item.ok) {
        const entry = newEntry(session, item.name, 'error', item.error);
        entries[entry.id] = entry;
        order.push(entry.id);
        continue;
      }
      const { report } = item;
      const twin = bySource.get(report.source.sha256);
      const entry: QueueEntry = {
        ...entryFor(newEntry(session, report.source.name, 'parsing'), { ok: true, report }),
        note: twin ? t.importReplaced(file) : t.imported(file),
      };
      entries[entry.id] = entry;
      // Only what was in the queue before is replaced: two reports of one source in an
      // export (the same file reviewed twice) both come back.
      bySource.delete(report.source.sha256);
      if (twin) {
        order[order.indexOf(twin)] = entry.id;
        replaced.set(twin, entry.id);
      } else {
        order.push(entry.id);
      }
    }
  }
  set({
    order,
    entries: Object.fromEntries(Object.entries(entries).filter(([id]) => !replaced.has(id))),
    history: forget(state.history, new Set(replaced.keys())),
  });
  const selected = state.selectedId;
  const first = order.slice(state.order.length).find((id) => entries[id]?.report);
  const next =
    first !== undefined && (selected === null || stillWhere(get, from))
      ? first
      : selected === null
        ? order[state.order.length]
        : replaced.get(selected);
  if (next !== undefined) get().selectReport(next);
}
