import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { StoreApi } from 'zustand';
import type { Cell, CellRef, Check, Edit, Report } from '../core';
import { digestHex, sha256Hex } from '../core';
import { t } from '../i18n';
import type { ParseStop } from '../worker/client';
import type { QueueEntry, ReviewStore } from './reviewStore';
import type { TabId } from './tabs';
import { coordinateTabs, type TabCoordinator, type TabEvents } from './tabLock';

// The workspace in IndexedDB: every settled queue entry, its report and its text, the reviewer's
// work on each report, the queue order, the reports whose display failed, and where the reviewer
// was (the report, its tab and cell), to come back to after a reload. Filters and the undo history
// are not kept.
//
// What changes often and is small (edits, verdicts, comments, review status) is kept apart from
// what is large and written once (a report as parsed, its text): a reviewer's change writes only
// its small `reviews` record, in a transaction of its own, so that a full disk that refuses a new
// file's text still lets every edit to the reports already stored be saved.
//
// The files dropped as PDF, HTML or DOCX (originals, for the source pane's 原文) are kept apart too,
// by the SHA-256 of their bytes, each written in a transaction of its own after everything else:
// an original the disk refuses is marked not stored and never stops the rest being saved.

const DB_NAME = 'nianbao-review';
export const DB_VERSION = 5;

/** An entry as stored: its report without the text, which is kept once in `texts`. */
interface StoredEntry {
  id: string;
  name: string;
  status: 'ready' | 'error';
  error: string | null;
  note: string | null;
  /** With status `error`: the parse was stopped (since v4; before, the error said so only). */
  stopped?: ParseStop;
  report: Omit<Report, 'text'> | null;
  /** The SHA-256 of the report's text: its key in `texts`. */
  textKey: string | null;
}

interface StoredText {
  key: string;
  text: string;
}

/** A dropped file's bytes, by their SHA-256: a browser keeps a Blob on disk, not in memory. */
interface StoredOriginal {
  key: string;
  blob: Blob;
}

/**
 * The reviewer's work on a stored report: the cells and checks (verdicts, comments, the results of
 * edited cells) that differ from the stored report's, by place, and its edits and review.
 */
interface StoredReview {
  id: string;
  cells: { table: string; row: string; column: string; cell: Cell }[];
  checks: { at: number; check: Check }[];
  checkCount: number;
  edits: Edit[];
  review: Report['review'];
}

interface StoredWorkspace {
  key: 'workspace';
  order: string[];
  pasteCount: number;
}

/** The entries whose report made a pane fail: never selected at the start. */
interface StoredFailed {
  key: 'failed';
  ids: string[];
}

/** Who wrote last: a tab writes only over its own last write, never over another tab's. */
interface StoredWriter {
  key: 'writer';
  tab: string;
  count: number;
}

/** Where the reviewer was: the selected report, its tab and cell. */
export interface SavedView {
  reportId: string;
  tab: TabId | null;
  cell: CellRef | null;
}

interface StoredView {
  key: 'view';
  view: SavedView | null;
}

type StoredMeta = StoredWorkspace | StoredFailed | StoredWriter | StoredView;

interface WorkspaceSchema extends DBSchema {
  entries: { key: string; value: StoredEntry };
  texts: { key: string; value: StoredText };
  reviews: { key: string; value: StoredReview };
  meta: { key: string; value: StoredMeta };
  originals: { key: string; value: StoredOriginal };
}

export interface Workspace {
  order: string[];
  entries: QueueEntry[];
  pasteCount: number;
  /** Entries whose display failed: the start selects none of them. */
  failed: string[];
  /** Where the reviewer was when it was last saved. */
  view: SavedView | null;
  /** The stored originals of the entries' reports, by SHA-256. */
  originals: Record<string, Blob>;
}

/** A workspace as read, with what is stored of each entry, so that no text is hashed again. */
interface LoadedWorkspace extends Workspace {
  stored: ReadonlyMap<string, StoredParts>;
}

/** An entry's text key and its report as stored, before the reviewer's work was put on it. */
interface StoredParts {
  textKey: string | null;
  base: Report | null;
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
const UPGRADES: Record<number, (db: UpgradeDb, tx: UpgradeTx) => Promise<void>> = {
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
    const workspace: StoredWorkspace = {
      key: 'workspace',
      order: order?.ids ?? old.map((e) => e.id),
      pasteCount: 0,
    };
    writes.push(meta.delete('order'), meta.put(workspace));
    await Promise.all(writes);
    db.deleteObjectStore('reports');
  },
  // The reviewer's work apart from the reports. A v2 report carries its edits already: it is the
  // stored report as it is, with no review record yet.
  3: async (db) => {
    db.createObjectStore('reviews', { keyPath: 'id' });
  },
  // A stopped parse is kept as stopped. Before, only its message said so: an entry with the
  // messages the parse pool gives a stop is taken as stopped.
  4: async (_db, tx) => {
    const entries = tx.objectStore('entries');
    const stored = (await entries.getAll()) as StoredEntry[];
    const stop = (entry: StoredEntry): ParseStop | null => {
      if (entry.status !== 'error' || entry.report !== null || entry.stopped) return null;
      if (entry.error === CANCELLED_MESSAGE) return 'cancelled';
      return entry.error !== null && TIMEOUT_MESSAGE.test(entry.error) ? 'timeout' : null;
    };
    await Promise.all(
      stored.flatMap((entry) => {
        const stopped = stop(entry);
        return stopped ? [entries.put({ ...entry, stopped })] : [];
      }),
    );
  },

  // The dropped files themselves, for the page view; what was stored before has none.
  5: async (db) => {
    db.createObjectStore('originals', { keyPath: 'key' });
  },
};

/** The words of the worker pool for a stopped parse (worker/jobs.ts, deadline.ts), as v3 stored them. */
const CANCELLED_MESSAGE = '已取消';
const TIMEOUT_MESSAGE = /^解析超时（超过 [\d.]+ 秒）$/;

// ── the database ─────────────────────────────────────────────────────────────────────────────────

/** One transaction's worth of writes. */
export interface WorkspaceChange {
  /** Everything goes first (the workspace was cleared, or nothing is left in it). */
  clear?: boolean;
  entries?: StoredEntry[];
  texts?: StoredText[];
  reviews?: StoredReview[];
  originals?: StoredOriginal[];
  removeOriginals?: string[];
  removeEntries?: string[];
  removeTexts?: string[];
  removeReviews?: string[];
  /** The queue order: it names only entries written by now, never one still to come. */
  workspace?: { order: string[]; pasteCount: number };
  failed?: string[];
  view?: SavedView | null;
}

/** Another tab wrote the workspace since this one read it: writing now would overwrite that. */
class StaleWorkspaceError extends Error {
  override name = 'StaleWorkspaceError';
}

export interface WorkspaceStorage {
  /** With `tidy`, what a change cut short left behind is deleted (only a tab that edits does). */
  load(options?: { tidy: boolean }): Promise<LoadedWorkspace>;
  /**
   * Resolves once the transaction has committed: only then is the change saved. Rejects with a
   * StaleWorkspaceError, writing nothing, when another tab wrote since this one's last load or save.
   */
  save(change: WorkspaceChange): Promise<void>;
  close(): void;
}

export interface StorageEvents {
  /** An older version is open in another tab, so this one cannot upgrade yet. */
  blocked(): void;
  /** The connection is gone (another tab upgraded, or the browser closed it). */
  closed(reason: string): void;
}

const ALL_STORES = ['entries', 'texts', 'reviews', 'meta', 'originals'] as const;

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

  const tab = Math.random().toString(36).slice(2, 10);
  /** The writer record as this tab last read or wrote it. */
  let seen: StoredWriter | null = null;

  return {
    async load(options = { tidy: false }) {
      const tx = db.transaction(ALL_STORES, 'readonly');
      const meta = tx.objectStore('meta');
      const [workspace, failed, writer, view, stored, reviews, texts, originals] =
        await Promise.all([
          meta.get('workspace') as Promise<StoredWorkspace | undefined>,
          meta.get('failed') as Promise<StoredFailed | undefined>,
          meta.get('writer') as Promise<StoredWriter | undefined>,
          meta.get('view') as Promise<StoredView | undefined>,
          tx.objectStore('entries').getAll(),
          tx.objectStore('reviews').getAll(),
          tx.objectStore('texts').getAll(),
          tx.objectStore('originals').getAll(),
        ]);
      seen = writer ?? null;
      const byId = new Map(stored.map((entry) => [entry.id, entry]));
      const reviewById = new Map(reviews.map((review) => [review.id, review]));
      const textByKey = new Map(texts.map((text) => [text.key, text.text]));
      const order = (workspace?.order ?? stored.map((entry) => entry.id)).filter((id) =>
        byId.has(id),
      );
      const parts = new Map<string, StoredParts>();
      const entries = order.flatMap((id) => {
        const entry = byId.get(id);
        if (!entry) return [];
        const { restored, base } = restore(entry, textByKey, reviewById.get(id));
        parts.set(id, { textKey: entry.textKey, base });
        return [restored];
      });
      await tx.done;
      if (options.tidy) {
        // Left by a change cut short (a crash between its parts): never shown as saved. Only the
        // tab that edits tidies, so nothing is written between the reading and this.
        const listed = new Set(order);
        const used = new Set(order.flatMap((id) => byId.get(id)?.textKey ?? []));
        const sources = new Set(order.flatMap((id) => byId.get(id)?.report?.source.sha256 ?? []));
        const tidy = db.transaction(['entries', 'reviews', 'texts', 'originals'], 'readwrite');
        await Promise.all([
          ...stored
            .filter((e) => !listed.has(e.id))
            .map((e) => tidy.objectStore('entries').delete(e.id)),
          ...reviews
            .filter((r) => !listed.has(r.id))
            .map((r) => tidy.objectStore('reviews').delete(r.id)),
          ...texts
            .filter((x) => !used.has(x.key))
            .map((x) => tidy.objectStore('texts').delete(x.key)),
          ...originals
            .filter((o) => !sources.has(o.key))
            .map((o) => tidy.objectStore('originals').delete(o.key)),
          tidy.done,
        ]);
      }
      return {
        order,
        stored: parts,
        entries,
        pasteCount: workspace?.pasteCount ?? 0,
        failed: (failed?.ids ?? []).filter((id) => byId.has(id)),
        view: view?.view ?? null,
        originals: Object.fromEntries(originals.map((o) => [o.key, o.blob])),
      };
    },

    async save(change) {
      const tx = db.transaction(ALL_STORES, 'readwrite');
      const meta = tx.objectStore('meta');
      // Transactions over the same stores run one at a time: nothing can come between this read
      // and the writes below.
      const writer = (await meta.get('writer')) as StoredWriter | undefined;
      if (!sameWriter(writer ?? null, seen)) {
        tx.abort();
        await tx.done.catch(() => {});
        throw new StaleWorkspaceError(t.save.stale);
      }
      const next: StoredWriter = { key: 'writer', tab, count: (writer?.count ?? 0) + 1 };
      const entries = tx.objectStore('entries');
      const texts = tx.objectStore('texts');
      const reviews = tx.objectStore('reviews');
      const originals = tx.objectStore('originals');
      const writes: Promise<unknown>[] = [];
      try {
        if (change.clear) {
          writes.push(
            entries.clear(),
            texts.clear(),
            reviews.clear(),
            meta.clear(),
            originals.clear(),
          );
        }
        for (const key of change.removeOriginals ?? []) writes.push(originals.delete(key));
        for (const original of change.originals ?? []) writes.push(originals.put(original));
        for (const id of change.removeEntries ?? []) writes.push(entries.delete(id));
        for (const id of change.removeReviews ?? []) writes.push(reviews.delete(id));
        for (const key of change.removeTexts ?? []) writes.push(texts.delete(key));
        for (const text of change.texts ?? []) writes.push(texts.put(text));
        for (const entry of change.entries ?? []) writes.push(entries.put(entry));
        for (const review of change.reviews ?? []) writes.push(reviews.put(review));
        if (change.workspace) writes.push(meta.put({ key: 'workspace', ...change.workspace }));
        if (change.failed) writes.push(meta.put({ key: 'failed', ids: change.failed }));
        if (change.view !== undefined) writes.push(meta.put({ key: 'view', view: change.view }));
        writes.push(meta.put(next));
      } catch (error) {
        // A write refused at once (a full disk, a value that cannot be cloned): none of the
        // change is kept, as when the transaction fails at commit.
        tx.abort();
        await Promise.allSettled([...writes, tx.done]);
        throw error;
      }
      // tx.done rejects with the transaction's error (a full disk shows here, at commit).
      await Promise.all([...writes, tx.done]);
      seen = next;
    },

    close: () => db.close(),
  };
}

function sameWriter(a: StoredWriter | null, b: StoredWriter | null): boolean {
  return a === null || b === null ? a === b : a.tab === b.tab && a.count === b.count;
}

function restore(
  entry: StoredEntry,
  texts: ReadonlyMap<string, string>,
  review: StoredReview | undefined,
): { restored: QueueEntry; base: Report | null } {
  const shell = {
    id: entry.id,
    name: entry.name,
    note: entry.note,
    ...(entry.stopped ? { stopped: entry.stopped } : {}),
  };
  if (!entry.report) {
    return {
      restored: { ...shell, status: entry.status, error: entry.error, report: null },
      base: null,
    };
  }
  const text = entry.textKey === null ? undefined : texts.get(entry.textKey);
  if (text === undefined) {
    return {
      restored: { ...shell, status: 'error', error: t.save.textMissing, report: null },
      base: null,
    };
  }
  const base: Report = { ...entry.report, text };
  const report = review ? reviewed(base, review) : base;
  return { restored: { ...shell, status: entry.status, error: entry.error, report }, base };
}

/** Why a write failed, in words for the top bar. */
function failureReason(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (isQuotaError(error)) return t.save.quota;
  if (name === 'InvalidStateError' || name === 'SecurityError') return t.save.unavailable;
  if (name === 'VersionError') return t.save.newerVersion;
  if (error instanceof Error && error.message) return error.message;
  return t.save.unknown;
}

/** A full disk: refused at the write, or as the reason a transaction aborted at commit. */
function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error || error instanceof DOMException)) return false;
  return (
    error.name === 'QuotaExceededError' ||
    (error.name === 'AbortError' && /quota/i.test(error.message))
  );
}

// ── reports and the reviewer's work on them ──────────────────────────────────────────────────────

function withoutText(report: Report): Omit<Report, 'text'> {
  const rest: Partial<Report> = { ...report };
  delete rest.text;
  return rest as Omit<Report, 'text'>;
}

/** The stored report with the reviewer's work put back on it; unchanged parts stay the base's. */
function reviewed(base: Report, review: StoredReview): Report {
  const byRow = new Map<string, Map<string, Cell>>();
  for (const { table, row, column, cell } of review.cells) {
    const key = JSON.stringify([table, row]);
    const columns = byRow.get(key) ?? new Map<string, Cell>();
    byRow.set(key, columns.set(column, cell));
  }
  const tables = base.tables.map((table) => {
    if (!review.cells.some((c) => c.table === table.id)) return table;
    return {
      ...table,
      rows: table.rows.map((row) => {
        const changed = byRow.get(JSON.stringify([table.id, row.key]));
        return changed ? { ...row, cells: { ...row.cells, ...Object.fromEntries(changed) } } : row;
      }),
    };
  });
  const changed = new Map(review.checks.map(({ at, check }) => [at, check]));
  const checks = Array.from(
    { length: review.checkCount },
    (_, at) => changed.get(at) ?? (base.checks[at] as Check),
  );
  return { ...base, tables, checks, edits: review.edits, review: review.review };
}

/** Fields a reviewer's action may change; any other change makes the report a new one to store. */
const REVIEWED_FIELDS = new Set<string>(['tables', 'checks', 'edits', 'review']);

/**
 * The reviewer's work on `base` that makes `report`, or null when `report` is not `base` reviewed
 * (another report took the entry's place): that one is stored whole.
 */
function reviewOf(id: string, base: Report, report: Report): StoredReview | null {
  const keys = Object.keys(report) as (keyof Report)[];
  if (keys.length !== Object.keys(base).length) return null;
  if (keys.some((key) => !REVIEWED_FIELDS.has(key) && report[key] !== base[key])) return null;
  if (report.tables.length !== base.tables.length) return null;
  const cells: StoredReview['cells'] = [];
  for (const [t, table] of report.tables.entries()) {
    const before = base.tables[t];
    if (!before || before.id !== table.id || before.rows.length !== table.rows.length) return null;
    for (const [r, row] of table.rows.entries()) {
      const old = before.rows[r];
      if (!old || old.key !== row.key) return null;
      if (old.cells === row.cells) continue;
      const columns = Object.keys(row.cells);
      if (columns.length !== Object.keys(old.cells).length) return null;
      for (const column of columns) {
        const cell = row.cells[column];
        if (!cell || !Object.hasOwn(old.cells, column)) return null;
        if (cell !== old.cells[column]) cells.push({ table: table.id, row: row.key, column, cell });
      }
    }
  }
  // Checks are run again on every edit: most come out as they were, only new objects.
  const checks = report.checks.flatMap((check, at) => {
    const before = base.checks[at];
    return check === before || (before && JSON.stringify(check) === JSON.stringify(before))
      ? []
      : [{ at, check }];
  });
  return {
    id,
    cells,
    checks,
    checkCount: report.checks.length,
    edits: report.edits,
    review: report.review,
  };
}

function storedEntry(entry: QueueEntry, textKey: string | null): StoredEntry {
  return {
    id: entry.id,
    name: entry.name,
    status: entry.status === 'error' ? 'error' : 'ready',
    error: entry.error,
    note: entry.note,
    ...(entry.stopped ? { stopped: entry.stopped } : {}),
    report: entry.report && withoutText(entry.report),
    textKey,
  };
}

// ── keeping the store and the database in step ───────────────────────────────────────────────────

export interface PersistOptions {
  /** Opens the database; the default is the app's own. */
  open?: (events: StorageEvents) => Promise<WorkspaceStorage>;
  /** Starts the coordination with other tabs; the default uses Web Locks and BroadcastChannel. */
  coordinate?: (events: TabEvents) => TabCoordinator | null;
  /** How long changes gather before they are written together. */
  delayMs?: number;
  /** How long after a write refused for a full disk it is tried again. */
  retryMs?: number;
}

/** What this tab last wrote (or read) of an entry. */
interface Written {
  entry: QueueEntry;
  textKey: string | null;
  /** The report in `entries`, which the review record applies to. */
  base: Report | null;
}

/**
 * Loads the workspace into the store, then writes every change of its data: the store's save state
 * says `saving` from the change on and `saved` only once everything is committed. A failure is
 * shown there and the app goes on in memory; the next change, or a retry a little later, tries
 * again with everything not yet written. If the database cannot be opened at all, nothing is
 * written this session, so that a workspace that could not be read is never overwritten.
 *
 * Only the tab that holds the editor lock (tabLock.ts) writes; another one loads the workspace,
 * is read-only, and reloads it when the lock comes to it.
 */
export async function persistWorkspace(
  store: StoreApi<ReviewStore>,
  options: PersistOptions = {},
): Promise<void> {
  const open = options.open ?? ((events) => openWorkspace(DB_NAME, events));
  const retryMs = options.retryMs ?? RETRY_MS;
  const fail = (error: unknown, unsaved: string[] = []) =>
    store.getState().setSaveState({
      state: 'error',
      error: failureReason(error),
      ...(unsaved.length > 0 ? { unsaved } : {}),
    });

  let storage: WorkspaceStorage | null = null;
  try {
    storage = await open({
      blocked: () => fail(new Error(t.save.blocked)),
      closed: (reason) => {
        storage = null;
        fail(new Error(reason));
      },
    });
  } catch (error) {
    fail(error);
  }

  let editing = false;
  let written = new Map<string, Written>();
  let writtenOrder: readonly string[] = [];
  let writtenPasteCount = 0;
  let writtenFailed: readonly string[] = [];
  let writtenView: SavedView | null = null;
  let storedTexts = new Set<string>();
  let storedOriginals = new Set<string>();
  /** Originals the disk refused this session: not tried again, and not waited for. */
  const refusedOriginals = new Set<string>();
  /** Every id read from the database this session: an entry not among them was added here. */
  const known = new Set<string>();
  const hashes = new Map<string, { text: string; key: string }>();

  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;

  /** Reads the workspace, and takes what it read as what is written. */
  async function load(tidy: boolean): Promise<Workspace> {
    const empty = {
      order: [],
      entries: [],
      pasteCount: 0,
      failed: [],
      view: null,
      originals: {},
      stored: new Map(),
    };
    let workspace: LoadedWorkspace = empty;
    try {
      if (storage) workspace = await storage.load({ tidy });
    } catch (error) {
      storage?.close();
      storage = null;
      fail(error);
    }
    written = new Map(
      workspace.entries.map((entry) => {
        const parts = workspace.stored.get(entry.id);
        return [entry.id, { entry, textKey: parts?.textKey ?? null, base: parts?.base ?? null }];
      }),
    );
    for (const id of workspace.order) known.add(id);
    writtenOrder = workspace.order;
    writtenPasteCount = workspace.pasteCount;
    writtenFailed = workspace.failed;
    writtenView = workspace.view;
    storedTexts = new Set([...written.values()].flatMap((w) => w.textKey ?? []));
    storedOriginals = new Set(Object.keys(workspace.originals));
    return workspace;
  }

  async function keyOf(entry: QueueEntry): Promise<string | null> {
    if (!entry.report) return null;
    const stored = written.get(entry.id);
    if (stored?.base?.text === entry.report.text) return stored.textKey;
    const known = hashes.get(entry.id);
    if (known?.text === entry.report.text) return known.key;
    const key = await sha256Of(entry.report.text);
    hashes.set(entry.id, { text: entry.report.text, key });
    return key;
  }

  /** One transaction; the order it writes is then the written one. */
  async function save(db: WorkspaceStorage, change: WorkspaceChange): Promise<void> {
    await db.save(change);
    if (change.workspace) {
      writtenOrder = change.workspace.order;
      writtenPasteCount = change.workspace.pasteCount;
    }
    if (change.failed) writtenFailed = change.failed;
    if (change.view !== undefined) writtenView = change.view;
  }

  /**
   * Writes everything not yet written. What a full disk refuses is left for the next try, after
   * everything else has been tried; the refusal is then thrown.
   */
  async function write(db: WorkspaceStorage): Promise<void> {
    const state = store.getState();
    const entries = settledEntries(state);
    const order = entries.map((entry) => entry.id);
    const kept = new Set(order);
    const failed = failedOf(state, order);
    const workspaceNow = () => ({
      order: order.filter((id) => written.has(id)),
      pasteCount: state.pasteCount,
    });
    let quota: unknown = null;

    // Removals first: they free the space that what follows may need.
    const removed = [...written.keys()].filter((id) => !kept.has(id));
    for (const id of hashes.keys()) if (!kept.has(id)) hashes.delete(id);
    if (entries.length === 0 && (written.size > 0 || writtenOrder.length > 0)) {
      await save(db, { clear: true, workspace: { order: [], pasteCount: state.pasteCount } });
      written.clear();
      storedTexts.clear();
      storedOriginals.clear();
      writtenFailed = [];
      writtenView = null;
    } else if (removed.length > 0) {
      for (const id of removed) written.delete(id);
      const used = new Set([...written.values()].flatMap((w) => w.textKey ?? []));
      const unused = [...storedTexts].filter((key) => !used.has(key));
      const sources = writtenSources();
      const gone = [...storedOriginals].filter((key) => !sources.has(key));
      await save(db, {
        removeEntries: removed,
        removeReviews: removed,
        removeTexts: unused,
        removeOriginals: gone,
        workspace: {
          order: writtenOrder.filter((id) => written.has(id)),
          pasteCount: writtenPasteCount,
        },
      });
      for (const key of unused) storedTexts.delete(key);
      for (const key of gone) storedOriginals.delete(key);
    }

    // The reviewer's work on stored reports: small, in transactions of their own.
    const whole: QueueEntry[] = [];
    const reviews: { entry: QueueEntry; review: StoredReview }[] = [];
    for (const entry of entries) {
      const before = written.get(entry.id);
      if (before?.entry === entry) continue;
      const review =
        before?.base && entry.report && sameShell(before.entry, entry)
          ? reviewOf(entry.id, before.base, entry.report)
          : null;
      if (review) reviews.push({ entry, review });
      else whole.push(entry);
    }
    const parts = chunked(reviews, CHUNK_REVIEWS);
    if (parts.length === 0 && !sameIds(failed, writtenFailed)) parts.push([]);
    for (const [index, part] of parts.entries()) {
      const withFailed = index === 0 && !sameIds(failed, writtenFailed);
      try {
        await save(db, { reviews: part.map((r) => r.review), ...(withFailed ? { failed } : {}) });
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        quota = error;
        continue;
      }
      for (const { entry } of part) {
        const before = written.get(entry.id);
        if (before) written.set(entry.id, { ...before, entry });
      }
    }

    // New reports with their texts: large, in parts, each saved as soon as it is written.
    const wholeEntries = await Promise.all(
      whole.map(async (entry) => ({ entry, stored: storedEntry(entry, await keyOf(entry)) })),
    );
    const writeWhole = async (part: typeof wholeEntries): Promise<void> => {
      const before = part.map(({ entry }) => [entry.id, written.get(entry.id)] as const);
      // Written first, so that the order saved with them names them.
      for (const { entry, stored } of part) {
        written.set(entry.id, { entry, textKey: stored.textKey, base: entry.report });
      }
      const texts = new Map<string, StoredText>();
      for (const { entry, stored } of part) {
        if (stored.textKey && entry.report && !storedTexts.has(stored.textKey)) {
          texts.set(stored.textKey, { key: stored.textKey, text: entry.report.text });
        }
      }
      try {
        await save(db, {
          entries: part.map((p) => p.stored),
          texts: [...texts.values()],
          removeReviews: part.map((p) => p.entry.id),
          workspace: workspaceNow(),
        });
      } catch (error) {
        for (const [id, was] of before) {
          if (was) written.set(id, was);
          else written.delete(id);
        }
        if (!isQuotaError(error)) throw error;
        // One large text must not keep the others of its part from being saved.
        if (part.length > 1) {
          for (const one of part) await writeWhole([one]);
        } else {
          quota = error;
        }
        return;
      }
      for (const key of texts.keys()) storedTexts.add(key);
    };
    for (const part of chunked(wholeEntries, CHUNK_ENTRIES)) await writeWhole(part);

    const now = workspaceNow();
    const view = viewOf(state);
    const viewChanged = !sameView(view, writtenView);
    if (!sameIds(now.order, writtenOrder) || now.pasteCount !== writtenPasteCount || viewChanged) {
      try {
        await save(db, { workspace: now, ...(viewChanged ? { view } : {}) });
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        quota = error;
      }
    }
    // Originals last, one a transaction: the largest writes, and the only ones a full disk may
    // refuse for good without anything of the reviewer's being lost.
    const refused: string[] = [];
    for (const key of pendingOriginals(state)) {
      const blob = state.originals[key] as Blob;
      try {
        await save(db, { originals: [{ key, blob }] });
        storedOriginals.add(key);
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        refusedOriginals.add(key);
        refused.push(key);
      }
    }
    if (refused.length > 0) store.getState().markOriginalsUnstored(refused);
    if (quota !== null) throw quota;
  }

  /** The sources of the reports written: the originals worth keeping. */
  function writtenSources(): Set<string> {
    return new Set([...written.values()].flatMap((w) => w.entry.report?.source.sha256 ?? []));
  }

  /** The originals of written reports that are neither stored nor refused yet. */
  function pendingOriginals(state: ReviewStore): string[] {
    const sources = writtenSources();
    return Object.keys(state.originals).filter(
      (key) => sources.has(key) && !storedOriginals.has(key) && !refusedOriginals.has(key),
    );
  }

  /** Whether everything the store holds is written. */
  function allWritten(): boolean {
    const state = store.getState();
    const entries = settledEntries(state);
    const ids = entries.map((entry) => entry.id);
    return (
      entries.every((entry) => written.get(entry.id)?.entry === entry) &&
      sameIds(ids, writtenOrder) &&
      state.pasteCount === writtenPasteCount &&
      sameIds(failedOf(state, ids), writtenFailed) &&
      sameView(viewOf(state), writtenView) &&
      pendingOriginals(state).length === 0
    );
  }

  let retry: ReturnType<typeof setTimeout> | null = null;

  async function flush(): Promise<void> {
    timer = null;
    for (;;) {
      const db = storage;
      if (!editing || !db) return;
      if (allWritten()) {
        store.getState().setSaveState({ state: 'saved', error: null });
        return;
      }
      const before = store.getState();
      try {
        await write(db);
      } catch (error) {
        const unsaved = unsavedNames(store.getState(), written);
        if (error instanceof StaleWorkspaceError) {
          editing = false;
          store.getState().setAccess({ readOnly: 'stale' });
        } else if (isQuotaError(error)) {
          // A full disk may have room later: space freed elsewhere, or a report removed here.
          retry ??= setTimeout(() => {
            retry = null;
            schedule();
          }, retryMs);
        }
        fail(error, unsaved);
        return;
      }
      // Whatever changed while this was being written goes next; only then is it all saved.
      if (store.getState() === before && !allWritten()) {
        fail(new Error(t.save.unknown), unsavedNames(before, written));
        return;
      }
    }
  }

  function schedule(): void {
    if (!editing) {
      // Files dropped while this tab was finding out that it is read-only: never written.
      const unsaved = unsavedNames(store.getState(), written);
      if (unsaved.length > 0) fail(new Error(t.save.readOnly), unsaved);
      return;
    }
    if (!storage) return;
    const { save, setSaveState } = store.getState();
    if (save.state !== 'saving') setSaveState({ state: 'saving', error: null });
    timer ??= setTimeout(() => void run(), options.delayMs ?? 0);
  }

  /** One flush at a time; a change made during one is picked up by its loop. */
  function run(): Promise<void> {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    running ??= flush().finally(() => {
      running = null;
    });
    return running;
  }

  /** Writes what is pending now; resolves true once it is all written, false if it failed. */
  async function drain(): Promise<boolean> {
    while (timer !== null || running !== null) await run();
    return allWritten();
  }
  let restored: () => void = () => {};
  const loaded = new Promise<void>((resolve) => (restored = resolve));
  let decide: () => void = () => {};
  const decided = new Promise<void>((resolve) => (decide = resolve));

  const coordinate = options.coordinate ?? ((events: TabEvents) => coordinateTabs(events));
  const coordinator = coordinate({
    async becameEditor() {
      editing = true;
      decide();
      if (store.getState().access.readOnly === null) return;
      // Another tab edited until now: what it saved is read again before anything is written.
      await loaded;
      const local = store.getState().order.filter((id) => !known.has(id));
      const workspace = await load(true);
      store.getState().replaceWorkspace(workspace, local);
      store.getState().setAccess({ readOnly: null, handover: 'idle' });
      schedule();
    },
    becameReader() {
      editing = false;
      store.getState().setAccess({ readOnly: 'other-tab', handover: 'idle' });
      decide();
    },
    async handOver() {
      // A tab that another one wrote over cannot save what it shows: it keeps it on screen.
      if (!editing) return false;
      // No more edits from here on; if something cannot be saved, the tab takes them back.
      store.getState().setAccess({ readOnly: 'other-tab', handover: 'idle' });
      if (await drain()) {
        editing = false;
        return true;
      }
      store.getState().setAccess({ readOnly: null });
      return false;
    },
    refused() {
      store.getState().setAccess({ handover: 'refused' });
    },
  });
  if (coordinator) {
    await decided;
  } else {
    editing = true;
    store.getState().setAccess({ coordinated: false });
  }

  const workspace = await load(editing);
  store.subscribe((state, previous) => {
    if (state.access.handover === 'asking' && previous.access.handover !== 'asking') {
      coordinator?.requestHandover();
    }
    if (
      state.entries !== previous.entries ||
      state.order !== previous.order ||
      state.pasteCount !== previous.pasteCount ||
      state.failedIds !== previous.failedIds ||
      state.originals !== previous.originals ||
      state.selectedId !== previous.selectedId ||
      state.activeTab !== previous.activeTab ||
      state.selectedCell !== previous.selectedCell
    ) {
      schedule();
    }
  });
  store.getState().restore(workspace);
  restored();
}

function settledEntries(state: ReviewStore): QueueEntry[] {
  return state.order.flatMap((id) => {
    const entry = state.entries[id];
    // A file still parsing is not data yet: it has no report to keep.
    return entry && entry.status !== 'parsing' ? [entry] : [];
  });
}

/** The failed entries that are data (not still parsing), in the store's order of marking. */
function failedOf(state: ReviewStore, ids: readonly string[]): string[] {
  const kept = new Set(ids);
  return state.failedIds.filter((id) => kept.has(id));
}

/** The names of the reports whose latest state is not in the database. */
function unsavedNames(state: ReviewStore, written: ReadonlyMap<string, Written>): string[] {
  return settledEntries(state).flatMap((entry) =>
    written.get(entry.id)?.entry === entry ? [] : [entry.name],
  );
}

/** Name, status, error, note and a stop: what an entry is apart from its report. */
function sameShell(a: QueueEntry, b: QueueEntry): boolean {
  return (
    a.name === b.name &&
    a.status === b.status &&
    a.error === b.error &&
    a.note === b.note &&
    a.stopped === b.stopped
  );
}

/** Where the reviewer is, when it is in a report that is stored (not one still parsing). */
function viewOf(state: ReviewStore): SavedView | null {
  const { selectedId, activeTab, selectedCell } = state;
  const entry = selectedId === null ? undefined : state.entries[selectedId];
  if (!entry || entry.status === 'parsing') return null;
  return { reportId: entry.id, tab: activeTab, cell: selectedCell };
}

function sameView(a: SavedView | null, b: SavedView | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * Entries per transaction. Writing clones every report on the page's thread, some milliseconds
 * each: a thousand at once would freeze the page for seconds, so they go in parts, with the page
 * free to run between them.
 */
const CHUNK_ENTRIES = 20;

/** Review records per transaction: each is a few kilobytes, cloned on the page's thread too. */
const CHUNK_REVIEWS = 100;

/** A write refused for a full disk is tried again after this long, if nothing else tries first. */
const RETRY_MS = 15_000;

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function sha256Of(text: string): Promise<string> {
  return digestHex(encoder.encode(text));
}
