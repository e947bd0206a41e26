import type { StateCreator } from 'zustand';
import { digestHex, LIMITS, type ParseResult } from '../core';
import { t } from '../i18n';
import { importFiles } from './importReports';
import { isReportFile } from './importing';
import { entryFor, newEntry, type QueueEntry } from './queueSlice';
import type { ReviewStore } from './reviewStore';
import {
  blocked,
  moment,
  SAMPLE_FILE,
  stillWhere,
  type GetStore,
  type Session,
  type SetStore,
} from './shared';
import { defaultTab } from './tabs';

/** Files in: dropped, picked, pasted or the sample, parsed and settled on their rows. */
export interface ParsingSlice {
  /** The files of the batches under way; both back to 0 when the last one is parsed. */
  progress: { done: number; total: number };
  pasteCount: number;
  /** Resolves once every file given is parsed (or failed). */
  addFiles(files: readonly File[]): Promise<void>;
  addText(text: string): Promise<void>;
  loadSample(): Promise<void>;
  /** Stops the parse of a file still parsing: its row then says 已取消. */
  cancelParse(id: string): void;
}

/** The formats whose file is more than its text: the source pane shows them as printed. */
const PRINTED_FORMATS = new Set(['pdf', 'html', 'docx']);

export function parsingSlice(session: Session): StateCreator<ReviewStore, [], [], ParsingSlice> {
  return (set, get) => {
    const { deps, parsing } = session;
    const settle = settler(session, set, get);

    async function addNamed(files: { file: Blob; name: string }[]): Promise<void> {
      if (files.length === 0) return;
      const from = moment(get);
      const fresh = await withoutTwins(session, set, get, files);
      if (fresh.length === 0) return;
      const added = fresh.map(({ file, name, sha }) => ({
        file,
        sha,
        entry: newEntry(session, name, 'parsing'),
      }));
      for (const { entry, sha } of added) {
        parsing.set(entry.id, { stop: new AbortController(), sha });
      }
      const entries = added.map((a) => a.entry);
      append(set, entries);
      set((state) => ({
        progress: { done: state.progress.done, total: state.progress.total + added.length },
      }));
      const first = added[0];
      if (first && get().selectedId === null) get().selectReport(first.entry.id);
      session.opening = {
        ids: entries.map((entry) => entry.id),
        from: first && from.selectedId === null ? moment(get) : from,
      };

      await Promise.all(
        added.map(async ({ file, entry }) => {
          const signal = parsing.get(entry.id)?.stop.signal ?? AbortSignal.abort();
          const result = await deps.parse(file, entry.name, signal);
          parsing.delete(entry.id);
          return settle(entry.id, result, file);
        }),
      );
    }

    return {
      progress: { done: 0, total: 0 },
      pasteCount: 0,

      addFiles: async (files) => {
        if (blocked(set, get)) return;
        await Promise.all([
          addNamed(
            files
              .filter((file) => !isReportFile(file.name))
              .map((file) => ({ file, name: file.name })),
          ),
          importFiles(
            session,
            set,
            get,
            files.filter((file) => isReportFile(file.name)),
          ),
        ]);
      },

      addText: async (text) => {
        if (blocked(set, get)) return;
        const pasteCount = get().pasteCount + 1;
        set({ pasteCount });
        const file = new Blob([text], { type: 'text/plain;charset=utf-8' });
        return addNamed([{ file, name: t.pasteName(pasteCount) }]);
      },

      loadSample: async () => {
        if (blocked(set, get)) return;
        let file: File;
        try {
          file = await deps.fetchSample();
        } catch {
          append(set, [newEntry(session, SAMPLE_FILE, 'error', t.errors.sampleFailed)]);
          return;
        }
        await get().addFiles([file]);
      },

      cancelParse: (id) => parsing.get(id)?.stop.abort(),
    };
  };
}

function append(set: SetStore, entries: QueueEntry[]): void {
  const added = Object.fromEntries(entries.map((e) => [e.id, e]));
  set((state) => ({
    order: [...state.order, ...entries.map((e) => e.id)],
    entries: { ...state.entries, ...added },
    // Sorted as they come (parsing), so that their rows stay put when they are parsed.
    queueSnapshot: { ...state.queueSnapshot, ...added },
  }));
}

// A file larger than the parser reads for its kind is refused by it anyway: it is not read here
// either, so that it costs no memory or hashing on the page (and needs no twin check).
function parsedSize(name: string): number {
  return /\.(?:pdf|docx?)$/i.test(name) ? LIMITS.documentBytes : LIMITS.textBytes;
}

async function shaOf(file: Blob, name: string): Promise<string | null> {
  if (file.size > parsedSize(name)) return null;
  try {
    return await digestHex(new Uint8Array(await file.arrayBuffer()));
  } catch {
    // Unreadable (gone from the disk): the parse will say so on its row.
    return null;
  }
}

/** The files whose bytes are not in the queue yet; the others are named in a notice. */
async function withoutTwins<T extends { file: Blob; name: string }>(
  session: Session,
  set: SetStore,
  get: GetStore,
  files: readonly T[],
): Promise<(T & { sha: string | null })[]> {
  // One file at a time: a batch of large files is never in memory at once.
  const hashed: (T & { sha: string | null })[] = [];
  for (const file of files) hashed.push({ ...file, sha: await shaOf(file.file, file.name) });
  const known = new Set<string>();
  for (const entry of Object.values(get().entries)) {
    if (entry.report) known.add(entry.report.source.sha256);
  }
  for (const { sha } of session.parsing.values()) if (sha !== null) known.add(sha);
  const twins: string[] = [];
  const fresh = hashed.filter(({ sha, name }) => {
    if (sha === null) return true;
    if (known.has(sha)) {
      twins.push(name);
      return false;
    }
    known.add(sha);
    return true;
  });
  if (twins.length > 0) set({ notice: t.queueDesk.alreadyQueued(twins) });
  return fresh;
}

/**
 * Applies parse results to their rows in batches: with a thousand files, one store update (and one
 * render of the queue) per file would cost more than the parsing. The promise of a result resolves
 * once it is applied.
 */
function settler(session: Session, set: SetStore, get: GetStore) {
  const settled: { id: string; result: ParseResult; file: Blob }[] = [];
  const waiting: (() => void)[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;

  function flush(): void {
    flushTimer = null;
    const batch = settled.splice(0);
    const resolved = waiting.splice(0);
    set((state) => {
      const entries = { ...state.entries };
      const next: Partial<ReviewStore> = { entries };
      let originals = state.originals;
      for (const { id, result, file } of batch) {
        const current = entries[id];
        if (!current) continue;
        entries[id] = entryFor(current, result);
        const source = result.ok ? result.report.source : null;
        if (source && PRINTED_FORMATS.has(source.format) && !(source.sha256 in originals)) {
          originals = { ...originals, [source.sha256]: file };
          next.originals = originals;
        }
        // The report arrived after it was selected: open it on its first tab.
        if (state.selectedId === id && result.ok && state.activeTab === null) {
          next.activeTab = defaultTab(result.report);
        }
      }
      const done = state.progress.done + batch.length;
      next.progress =
        done >= state.progress.total
          ? { done: 0, total: 0 }
          : { done, total: state.progress.total };
      return next;
    });
    openAdded(session, get);
    for (const resolve of resolved) resolve();
  }

  return (id: string, result: ParseResult, file: Blob): Promise<void> => {
    settled.push({ id, result, file });
    flushTimer ??= setTimeout(flush, session.deps.batchMs);
    return new Promise((resolve) => waiting.push(resolve));
  };
}

/**
 * Opens the batch's first report that came out ready, once the ones before it are settled; when
 * none did, the first file, so that the reviewer sees why.
 */
function openAdded(session: Session, get: GetStore): void {
  if (!session.opening) return;
  const { entries } = get();
  const { ids, from } = session.opening;
  const ready = ids.find((id) => entries[id]?.status !== 'error');
  if (ready !== undefined && entries[ready]?.status === 'parsing') return;
  session.opening = null;
  const target = ready ?? ids.find((id) => id in entries);
  if (target !== undefined && target !== get().selectedId && stillWhere(get, from)) {
    get().selectReport(target);
  }
}
