import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { StoreApi } from 'zustand';
import type { Report } from '../core';
import { digestHex, sha256Hex } from '../core/sha256';
import { t } from '../i18n';
import type { QueueEntry, ReviewStore } from './reviewStore';

// The workspace in IndexedDB: every settled queue entry, its report and its text, the queue order.
// Selection, tabs, filters and the undo history are not data and are not kept.

export const DB_NAME = 'nianbao-review';
export const DB_VERSION = 2;

/** An entry as stored: its report without the text, which is kept once in `texts`. */
export interface StoredEntry {
  id: string;
  name: string;
  status: 'ready' | 'error';
  error: string | null;
  note: string | null;
  report: Omit<Report, 'text'> | null;
  /** The SHA-256 of the report's text: its key in `texts`. */
  textKey: string | null;
}

interface StoredText {
  key: string;
  text: string;
}

interface StoredMeta {
  key: 'workspace';
  order: string[];
  pasteCount: number;
}

interface WorkspaceSchema extends DBSchema {
  entries: { key: string; value: StoredEntry };
  texts: { key: string; value: StoredText };
  meta: { key: string; value: StoredMeta };
}

type StoreName = 'entries' | 'texts' | 'meta';

export interface Workspace {
  order: string[];
  entries: QueueEntry[];
  pasteCount: number;
}

/** A workspace as read, with the key of each entry's text, so that no text is hashed again. */
export interface LoadedWorkspace extends Workspace {
  textKeys: ReadonlyMap<string, string>;
}

// ── versions ─────────────────────────────────────────────────────────────────────────────────────

type UpgradeDb = IDBPDatabase<unknown>;
type UpgradeTx = IDBPTransaction<unknown, ArrayLike<string>, 'versionchange'>;

/** The v1 layout: each entry whole, its report's text inside it; the order under `meta/order`. */
interface V1Entry {
  id: string;
  name: string;
  status: 'ready' | 'error';
  error: string | null;
  report: Report | null;
}

const encoder = new TextEncoder();

/**
 * One function per version, bringing the database from the version before it. A new database runs
 * them all, so the migrations are exercised by every first start, not only by old workspaces.
 */
export const UPGRADES: Record<number, (db: UpgradeDb, tx: UpgradeTx) => Promise<void>> = {
  1: async (db) => {
    db.createObjectStore('reports', { keyPath: 'id' });
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  // Texts apart, once per distinct text: an edit rewrites the report, never its text, and two
  // entries of one file share it.
  2: async (db, tx) => {
    const entries = db.createObjectStore('entries', { keyPath: 'id' });
    const texts = db.createObjectStore('texts', { keyPath: 'key' });
    const meta = tx.objectStore('meta');
    const old = (await tx.objectStore('reports').getAll()) as V1Entry[];
    const order = (await meta.get('order')) as { ids: string[] } | undefined;
    const writes: Promise<unknown>[] = [];
    for (const { id, name, status, error, report } of old) {
      let stored: StoredEntry['report'] = null;
      let textKey: string | null = null;
      if (report) {
        stored = withoutText(report);
        // Synchronous: awaiting anything but IndexedDB here would end the upgrade transaction.
        textKey = sha256Hex(encoder.encode(report.text));
        writes.push(texts.put({ key: textKey, text: report.text }));
      }
      const entry: StoredEntry = { id, name, status, error, note: null, report: stored, textKey };
      writes.push(entries.put(entry));
    }
    const workspace: StoredMeta = {
      key: 'workspace',
      order: order?.ids ?? old.map((e) => e.id),
      pasteCount: 0,
    };
    writes.push(meta.delete('order'), meta.put(workspace));
    await Promise.all(writes);
    db.deleteObjectStore('reports');
  },
};

// ── the database ─────────────────────────────────────────────────────────────────────────────────

/** What changed since the last write, as one transaction. */
export interface WorkspaceChange {
  /** Everything goes first (the workspace was cleared, or nothing is left in it). */
  clear: boolean;
  entries: StoredEntry[];
  texts: StoredText[];
  removeEntries: string[];
  removeTexts: string[];
  /** The queue order, written with the last part of a change; null in the parts before it. */
  meta: { order: string[]; pasteCount: number } | null;
}

export interface WorkspaceStorage {
  load(): Promise<LoadedWorkspace>;
  /** Resolves once the transaction has committed: only then is the change saved. */
  save(change: WorkspaceChange): Promise<void>;
  close(): void;
}

export interface StorageEvents {
  /** An older version is open in another tab, so this one cannot upgrade yet. */
  blocked(): void;
  /** The connection is gone (another tab upgraded, or the browser closed it). */
  closed(reason: string): void;
}

export async function openWorkspace(
  name: string = DB_NAME,
  events: StorageEvents = { blocked: () => {}, closed: () => {} },
): Promise<WorkspaceStorage> {
  const db = (await openDB(name, DB_VERSION, {
    upgrade(database, oldVersion, newVersion, tx) {
      const target = newVersion ?? DB_VERSION;
      // Each step starts once the one before has finished, while the transaction is still alive;
      // a step that fails aborts it, and the database stays at the version it was.
      const run = async (version: number): Promise<void> => {
        if (version > target) return;
        const step = UPGRADES[version];
        if (!step) throw new Error(`no upgrade to version ${version}`);
        await step(database, tx);
        await run(version + 1);
      };
      run(oldVersion + 1).catch(() => tx.abort());
    },
    blocked: () => events.blocked(),
    blocking: () => {
      db.close();
      events.closed(t.save.upgradedElsewhere);
    },
    terminated: () => events.closed(t.save.terminated),
  })) as unknown as IDBPDatabase<WorkspaceSchema>;

  return {
    async load() {
      const tx = db.transaction(['entries', 'texts', 'meta'], 'readwrite');
      const [meta, stored, texts] = await Promise.all([
        tx.objectStore('meta').get('workspace'),
        tx.objectStore('entries').getAll(),
        tx.objectStore('texts').getAll(),
      ]);
      const byId = new Map(stored.map((entry) => [entry.id, entry]));
      const textByKey = new Map(texts.map((text) => [text.key, text.text]));
      const order = (meta?.order ?? stored.map((entry) => entry.id)).filter((id) => byId.has(id));
      const textKeys = new Map<string, string>();
      for (const id of order) {
        const key = byId.get(id)?.textKey;
        if (key) textKeys.set(id, key);
      }
      // Left by a change cut short (a crash between its parts): never shown as saved.
      const listed = new Set(order);
      const used = new Set(textKeys.values());
      const orphans = [
        ...stored
          .filter((e) => !listed.has(e.id))
          .map((e) => tx.objectStore('entries').delete(e.id)),
        ...texts.filter((x) => !used.has(x.key)).map((x) => tx.objectStore('texts').delete(x.key)),
      ];
      await Promise.all([...orphans, tx.done]);
      return {
        order,
        textKeys,
        entries: order.flatMap((id) => {
          const entry = byId.get(id);
          return entry ? [restored(entry, textByKey)] : [];
        }),
        pasteCount: meta?.pasteCount ?? 0,
      };
    },

    async save(change) {
      const names: StoreName[] = ['entries', 'texts', 'meta'];
      const tx = db.transaction(names, 'readwrite');
      const entries = tx.objectStore('entries');
      const texts = tx.objectStore('texts');
      const meta = tx.objectStore('meta');
      const writes: Promise<unknown>[] = [];
      if (change.clear) writes.push(entries.clear(), texts.clear(), meta.clear());
      for (const text of change.texts) writes.push(texts.put(text));
      for (const entry of change.entries) writes.push(entries.put(entry));
      for (const id of change.removeEntries) writes.push(entries.delete(id));
      for (const key of change.removeTexts) writes.push(texts.delete(key));
      if (change.meta) writes.push(meta.put({ key: 'workspace', ...change.meta }));
      // tx.done rejects with the transaction's error (a full disk shows here, at commit).
      await Promise.all([...writes, tx.done]);
    },

    close: () => db.close(),
  };
}

function restored(entry: StoredEntry, texts: ReadonlyMap<string, string>): QueueEntry {
  const base = { id: entry.id, name: entry.name, note: entry.note };
  if (!entry.report) return { ...base, status: entry.status, error: entry.error, report: null };
  const text = entry.textKey === null ? undefined : texts.get(entry.textKey);
  if (text === undefined) {
    return { ...base, status: 'error', error: t.save.textMissing, report: null };
  }
  return { ...base, status: entry.status, error: entry.error, report: { ...entry.report, text } };
}

/** Why a write failed, in words for the top bar. */
export function failureReason(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return t.save.quota;
  if (name === 'InvalidStateError' || name === 'SecurityError') return t.save.unavailable;
  if (name === 'VersionError') return t.save.newerVersion;
  if (error instanceof Error && error.message) return error.message;
  return t.save.unknown;
}

// ── keeping the store and the database in step ───────────────────────────────────────────────────

function withoutText(report: Report): Omit<Report, 'text'> {
  const rest: Partial<Report> = { ...report };
  delete rest.text;
  return rest as Omit<Report, 'text'>;
}

function storedEntry(entry: QueueEntry, textKey: string | null): StoredEntry {
  return {
    id: entry.id,
    name: entry.name,
    status: entry.status === 'error' ? 'error' : 'ready',
    error: entry.error,
    note: entry.note,
    report: entry.report && withoutText(entry.report),
    textKey,
  };
}

export interface PersistOptions {
  /** Opens the database; the default is the app's own. */
  open?: (events: StorageEvents) => Promise<WorkspaceStorage>;
  /** How long changes gather before they are written together. */
  delayMs?: number;
}

/**
 * Loads the workspace into the store, then writes every change of its data: the store's save state
 * says `saving` from the change on and `saved` only once the transaction has committed. A failure is
 * shown there and the app goes on in memory; the next change tries again with everything not yet
 * written. If the database cannot be opened at all, nothing is written this session, so that a
 * workspace that could not be read is never overwritten.
 */
export async function persistWorkspace(
  store: StoreApi<ReviewStore>,
  options: PersistOptions = {},
): Promise<void> {
  const open = options.open ?? ((events) => openWorkspace(DB_NAME, events));
  const fail = (error: unknown) =>
    store.getState().setSaveState({ state: 'error', error: failureReason(error) });

  let storage: WorkspaceStorage | null = null;
  let workspace: LoadedWorkspace = { order: [], entries: [], pasteCount: 0, textKeys: new Map() };
  try {
    storage = await open({
      blocked: () => fail(new Error(t.save.blocked)),
      closed: (reason) => {
        storage = null;
        fail(new Error(reason));
      },
    });
    workspace = await storage.load();
  } catch (error) {
    storage?.close();
    storage = null;
    fail(error);
  }

  // As last written: entry objects by id (the store replaces an entry to change it), and text keys.
  let saved = new Map(workspace.entries.map((entry) => [entry.id, entry]));
  let savedOrder: readonly string[] = workspace.order;
  let savedPasteCount = workspace.pasteCount;
  const textKeys = new Map<string, { text: string; key: string }>();
  for (const entry of workspace.entries) {
    const key = workspace.textKeys.get(entry.id);
    if (entry.report && key) textKeys.set(entry.id, { text: entry.report.text, key });
  }
  let storedTexts = new Set([...textKeys.values()].map((v) => v.key));

  let writing = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function keyOf(entry: QueueEntry): Promise<string | null> {
    if (!entry.report) return null;
    const known = textKeys.get(entry.id);
    if (known?.text === entry.report.text) return known.key;
    const key = await sha256Of(entry.report.text);
    textKeys.set(entry.id, { text: entry.report.text, key });
    return key;
  }

  async function flush(): Promise<void> {
    timer = null;
    if (writing || !storage) return;
    const state = store.getState();
    const entries = state.order.flatMap((id) => {
      const entry = state.entries[id];
      // A file still parsing is not data yet: it has no report to keep.
      return entry && entry.status !== 'parsing' ? [entry] : [];
    });
    const order = entries.map((entry) => entry.id);
    const changed = entries.filter((entry) => saved.get(entry.id) !== entry);
    const kept = new Set(order);
    const removed = [...saved.keys()].filter((id) => !kept.has(id));
    const sameOrder =
      order.length === savedOrder.length && order.every((id, i) => id === savedOrder[i]);
    if (
      changed.length === 0 &&
      removed.length === 0 &&
      sameOrder &&
      state.pasteCount === savedPasteCount
    ) {
      state.setSaveState({ state: 'saved', error: null });
      return;
    }

    writing = true;
    try {
      const stored = await Promise.all(
        changed.map(async (entry) => storedEntry(entry, await keyOf(entry))),
      );
      for (const id of removed) textKeys.delete(id);
      const referenced = new Set(order.flatMap((id) => textKeys.get(id)?.key ?? []));
      const texts = stored.flatMap((entry) => {
        const text = textKeys.get(entry.id);
        return entry.textKey !== null && text && !storedTexts.has(entry.textKey)
          ? [{ key: entry.textKey, text: text.text }]
          : [];
      });
      const clear = entries.length === 0;
      const unwritten = new Map(texts.map((text) => [text.key, text]));
      const chunks = chunked(stored, CHUNK_ENTRIES);
      for (const [index, chunk] of chunks.entries()) {
        // The last part carries the order and the removals: the order never names an entry that
        // is not written yet, and what a crash leaves between parts is dropped by the next load.
        const final = index === chunks.length - 1;
        const chunkTexts = chunk.flatMap((entry) => {
          const text = entry.textKey === null ? undefined : unwritten.get(entry.textKey);
          if (text) unwritten.delete(text.key);
          return text ? [text] : [];
        });
        await storage.save({
          clear: final && clear,
          entries: chunk,
          texts: chunkTexts,
          removeEntries: final && !clear ? removed : [],
          removeTexts:
            final && !clear ? [...storedTexts].filter((key) => !referenced.has(key)) : [],
          meta: final ? { order, pasteCount: state.pasteCount } : null,
        });
      }
      saved = new Map(entries.map((entry) => [entry.id, entry]));
      savedOrder = order;
      savedPasteCount = state.pasteCount;
      storedTexts = referenced;
    } catch (error) {
      writing = false;
      fail(error);
      return;
    }
    writing = false;
    // Whatever changed while this was being written goes next; only then is it all saved.
    await flush();
  }

  function schedule(): void {
    if (!storage) return;
    const { save, setSaveState } = store.getState();
    if (save.state !== 'saving') setSaveState({ state: 'saving', error: null });
    timer ??= setTimeout(() => void flush(), options.delayMs ?? 0);
  }

  store.subscribe((state, previous) => {
    if (
      state.entries !== previous.entries ||
      state.order !== previous.order ||
      state.pasteCount !== previous.pasteCount
    ) {
      schedule();
    }
  });
  store.getState().restore(workspace);
}

/**
 * Entries per transaction. Writing clones every report on the page's thread, some milliseconds
 * each: a thousand at once would freeze the page for seconds, so they go in parts, with the page
 * free to run between them.
 */
const CHUNK_ENTRIES = 20;

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks.length > 0 ? chunks : [[]];
}

function sha256Of(text: string): Promise<string> {
  return digestHex(encoder.encode(text));
}
