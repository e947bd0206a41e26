import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand';
import { applyCellEdit, parseReport, serializeReport, sha256Hex, type Report } from '../core';
import {
  DB_VERSION,
  openWorkspace,
  persistWorkspace,
  type PersistOptions,
  type WorkspaceChange,
  type WorkspaceStorage,
} from './persistence';
import { reviewStore, type ReviewStore } from './reviewStore';
import type { TabEvents } from './tabLock';

const SEED = '001_b7938c474e787140.txt';
const seedBytes = readFileSync(new URL(`../core/fixtures/seeds/${SEED}`, import.meta.url));
/** The seed under another name, with other bytes: the queue takes the same bytes only once. */
const seedFile = (name: string) => new File([seedBytes, `\n${name}\n`], name);
const natural = { table: 'requests', row: 'newReceived', column: 'naturalPerson' };

let dbCount = 0;
const freshName = () => `test-workspace-${++dbCount}`;

function newStore() {
  return createStore<ReviewStore>()(
    reviewStore({
      parse: async (file, name) => parseReport(new Uint8Array(await file.arrayBuffer()), name),
      fetchSample: async () => new File([seedBytes], SEED),
      now: () => '2024-05-01T00:00:00.000Z',
      batchMs: 0,
    }),
  );
}

type Store = ReturnType<typeof newStore>;

// Polls until the condition holds; the ceiling (about 10 s) only stops a hang: a shared machine
// under load can take over a second to parse and write, which a shorter ceiling turned into failures.
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 5000 && !condition(); i++) await new Promise((r) => setTimeout(r, 2));
  expect(condition()).toBe(true);
}

const saved = (store: Store) => until(() => store.getState().save.state === 'saved');

/** This tab edits: the lock is its at once. */
const alone: PersistOptions['coordinate'] = (events) => {
  void events.becameEditor();
  return { requestHandover: () => {}, close: () => {} };
};

async function persistWorkspaceOf(name: string, options: PersistOptions = {}) {
  const store = newStore();
  await persistWorkspace(store, {
    open: (events) => openWorkspace(name, events),
    coordinate: alone,
    ...options,
  });
  return store;
}

/** The workspace as a new tab would read it. */
async function loaded(name: string) {
  const storage = await openWorkspace(name);
  const workspace = await storage.load();
  storage.close();
  return workspace;
}

/** A store with its workspace in the named database, loaded. */
async function started(name: string, open?: () => Promise<WorkspaceStorage>) {
  const store = newStore();
  await persistWorkspace(store, {
    open: open ?? ((events) => openWorkspace(name, events)),
    coordinate: alone,
  });
  expect(store.getState().workspace).toBe('ready');
  return store;
}

const exported = (store: Store) =>
  store
    .getState()
    .order.map((id) => {
      const entry = store.getState().entries[id];
      return entry?.report ? serializeReport(entry.report) : `${entry?.name}:${entry?.error}`;
    })
    .join('\n');

/** The object stores of the current layout (DB v5), sorted. */
const CURRENT_STORES = ['entries', 'meta', 'originals', 'reviews', 'texts'];

describe('workspace persistence', () => {
  it('gives back after a reload what was shown as saved: reports, edits, verdicts, status, order', async () => {
    const name = freshName();
    const first = await started(name);
    await first.getState().addFiles([seedFile('b.txt'), new File([''], 'empty.txt')]);
    await first.getState().addFiles([seedFile('a.txt')]);
    await first.getState().addText('二〇二二年');
    first.getState().selectReport(first.getState().order[0] ?? '');
    first.getState().selectCell(natural);
    first.getState().editCell(natural, '4');
    first
      .getState()
      .judgeCheck('C3:requests:newReceived', { verdict: 'parse-error', comment: '应为 3' });
    first.getState().setReviewStatus('reviewed');
    await saved(first);

    const second = await started(name);
    const { order, entries, pasteCount, selectedId } = second.getState();
    expect(order.map((id) => [entries[id]?.name, entries[id]?.status])).toEqual([
      ['b.txt', 'ready'],
      ['empty.txt', 'error'],
      ['a.txt', 'ready'],
      // No report data in it: an error row, with the report kept to look at.
      ['粘贴文本-1.txt', 'error'],
    ]);
    expect(exported(second) === exported(first)).toBe(true);
    expect(entries[order[0] ?? '']?.report?.review.status).toBe('reviewed');
    expect(pasteCount).toBe(1);
    // The report the reviewer was in, at the cell; no history.
    expect(selectedId).toBe(order[0]);
    expect(second.getState().selectedCell).toEqual(natural);
    expect(second.getState().history.undo).toEqual([]);
    // The next paste is not named like one already there.
    await second.getState().addText('二〇二三年');
    expect(second.getState().entries[second.getState().order[4] ?? '']?.name).toBe(
      '粘贴文本-2.txt',
    );
  });

  it('stores a text once however many entries have it, and an edit does not write it again', async () => {
    const name = freshName();
    const store = await started(name);
    await store
      .getState()
      // Other bytes (a BOM), the same text.
      .addFiles([new File([seedBytes], 'a.txt'), new File(['\uFEFF', seedBytes], 'b.txt')]);
    await saved(store);
    const db = await openDB(name, DB_VERSION);
    expect(await db.count('texts')).toBe(1);
    const textBefore = await db.get('texts', (await db.getAllKeys('texts'))[0] ?? '');
    const entry = await db.get('entries', store.getState().order[0] ?? '');
    expect(entry.report.text).toBeUndefined();

    store.getState().selectCell(natural);
    store.getState().editCell(natural, '4');
    await saved(store);
    expect(await db.count('texts')).toBe(1);
    expect(await db.get('texts', textBefore.key)).toEqual(textBefore);
    db.close();
  });

  it('clears the database with the workspace, and what is added afterwards is all there is', async () => {
    const name = freshName();
    const store = await started(name);
    await store.getState().addFiles([seedFile('a.txt')]);
    await saved(store);
    store.getState().clearWorkspace();
    await saved(store);
    const db = await openDB(name, DB_VERSION);
    expect([await db.count('entries'), await db.count('texts')]).toEqual([0, 0]);
    db.close();
    await store.getState().addFiles([seedFile('c.txt')]);
    await saved(store);
    const again = await started(name);
    expect(again.getState().order.map((id) => again.getState().entries[id]?.name)).toEqual([
      'c.txt',
    ]);
  });

  it('shows a failed write, keeps working in memory, and writes it all with the next change', async () => {
    const name = freshName();
    let full = true;
    const open = async () => {
      const storage = await openWorkspace(name);
      return {
        ...storage,
        save: (change: WorkspaceChange) =>
          full
            ? Promise.reject(new DOMException('quota', 'QuotaExceededError'))
            : storage.save(change),
      };
    };
    const store = await started(name, open);
    await store.getState().addFiles([seedFile('a.txt')]);
    await until(() => store.getState().save.state === 'error');
    expect(store.getState().save).toEqual({
      state: 'error',
      error: '存储空间不足',
      unsaved: ['a.txt'],
    });
    // The app goes on: the edit is made and shown.
    store.getState().selectCell(natural);
    store.getState().editCell(natural, '4');
    expect(store.getState().entries[store.getState().order[0] ?? '']?.report?.edits).toHaveLength(
      1,
    );

    full = false;
    store.getState().setReviewStatus('reviewed');
    await saved(store);
    const again = await started(name);
    expect(exported(again) === exported(store)).toBe(true);
  });

  it('writes a large change in parts, each saved as it is written, and a crash between them keeps the parts before', async () => {
    const name = freshName();
    let saves = 0;
    const open = async () => {
      const storage = await openWorkspace(name);
      return {
        ...storage,
        save: (change: WorkspaceChange) =>
          ++saves === 2 ? Promise.reject(new Error('crash')) : storage.save(change),
      };
    };
    const store = await started(name, open);
    const files = Array.from({ length: 45 }, (_, i) => seedFile(`${i}.txt`));
    await store.getState().addFiles(files);
    await until(() => store.getState().save.state === 'error');
    expect(saves).toBe(2);

    // The first part was written with an order that names it; the rest was not, and shows so.
    expect(store.getState().save.unsaved).toHaveLength(25);
    const again = await started(name);
    const names = (s: Store) => s.getState().order.map((id) => s.getState().entries[id]?.name);
    expect(names(again)).toEqual(files.slice(0, 20).map((file) => file.name));
    const db = await openDB(name, DB_VERSION);
    expect([await db.count('entries'), await db.count('texts')]).toEqual([20, 20]);
    db.close();

    await again.getState().addFiles(files.slice(20));
    await saved(again);
    expect(names(await started(name))).toEqual(files.map((file) => file.name));
  });

  it('says so when the database cannot be opened, and never writes over what it could not read', async () => {
    const store = await started('unused', () =>
      Promise.reject(new DOMException('denied', 'SecurityError')),
    );
    expect(store.getState().save).toEqual({
      state: 'error',
      error: '浏览器不允许本地存储（隐私模式？）',
    });
    await store.getState().addFiles([seedFile('a.txt')]);
    expect(store.getState().save.state).toBe('error');
    expect(store.getState().order).toHaveLength(1);
  });

  it('keeps files dropped while the workspace was loading, after the stored ones', async () => {
    const name = freshName();
    const first = await started(name);
    await first.getState().addFiles([seedFile('stored.txt')]);
    await saved(first);

    const store = newStore();
    const loading = persistWorkspace(store, { open: (events) => openWorkspace(name, events) });
    expect(store.getState().workspace).toBe('loading');
    const dropped = store.getState().addFiles([seedFile('dropped.txt')]);
    await loading;
    await dropped;
    await saved(store);
    const names = (s: Store) => s.getState().order.map((id) => s.getState().entries[id]?.name);
    expect(names(store)).toEqual(['stored.txt', 'dropped.txt']);
    expect(names(await started(name))).toEqual(['stored.txt', 'dropped.txt']);
  });
});

describe('storage versions', () => {
  it(`migrates a v1 workspace (texts inside the entries) to v${DB_VERSION}`, async () => {
    const name = freshName();
    const parsed = await parseReport(new Uint8Array(seedBytes), SEED);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const report: Report = {
      ...parsed.report,
      review: { status: 'reviewed', updatedAt: '2024-04-01T08:00:00.000Z' },
    };
    // The v1 layout written by hand, as plain objects: what a first version of the app left.
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('reports', { keyPath: 'id' });
        db.createObjectStore('meta', { keyPath: 'key' });
      },
    });
    await v1.put('reports', { id: 'r1', name: SEED, status: 'ready', error: null, report });
    await v1.put('reports', {
      id: 'r2',
      name: 'empty.txt',
      status: 'error',
      error: '文件是空的',
      report: null,
    });
    await v1.put('meta', { key: 'order', ids: ['r2', 'r1'] });
    v1.close();

    const storage = await openWorkspace(name);
    const workspace = await storage.load();
    storage.close();
    expect(workspace.order).toEqual(['r2', 'r1']);
    expect(workspace.entries.map((e) => [e.id, e.name, e.status, e.error, e.note])).toEqual([
      ['r2', 'empty.txt', 'error', '文件是空的', null],
      ['r1', SEED, 'ready', null, null],
    ]);
    expect(
      serializeReport(workspace.entries[1]?.report as Report) === serializeReport(report),
    ).toBe(true);

    const db = await openDB(name, DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(CURRENT_STORES);
    const key = sha256Hex(new TextEncoder().encode(report.text));
    expect((await db.get('texts', key))?.text).toBe(report.text);
    expect(await db.get('meta', 'workspace')).toEqual({
      key: 'workspace',
      order: ['r2', 'r1'],
      pasteCount: 0,
    });
    db.close();
  });

  it('creates the current layout for a new workspace by running every step', async () => {
    const name = freshName();
    const storage = await openWorkspace(name);
    expect(await storage.load()).toMatchObject({ order: [], entries: [], pasteCount: 0 });
    storage.close();
    const db = await openDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(CURRENT_STORES);
    db.close();
  });
});

/** A disk that refuses, while `full` is set, every value holding a text longer than `limit`. */
function fillDisk(limit: number) {
  const disk = { full: false, refused: 0 };
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key) {
    const text = (value as { text?: unknown } | null)?.text;
    if (disk.full && typeof text === 'string' && text.length > limit) {
      disk.refused++;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return put.call(this, value, key);
  };
  return { disk, restore: () => (IDBObjectStore.prototype.put = put) };
}

const big = () =>
  new File([`${seedBytes.toString('utf8')}\n${'附注。\n'.repeat(20_000)}`], 'big.txt');

describe('a full disk', () => {
  it('saves edits to stored reports while a new report’s text does not fit, says what is not saved, and saves it once there is room', async () => {
    const name = freshName();
    const { disk, restore } = fillDisk(50_000);
    try {
      const store = await persistWorkspaceOf(name, { retryMs: 20 });
      await store.getState().addFiles([seedFile('a.txt')]);
      await saved(store);

      disk.full = true;
      await store.getState().addFiles([big()]);
      await until(() => store.getState().save.state === 'error');
      expect(store.getState().save).toEqual({
        state: 'error',
        error: '存储空间不足',
        unsaved: ['big.txt'],
      });
      const [a] = store.getState().order;
      store.getState().selectReport(a ?? '');
      store.getState().selectCell(natural);
      store.getState().editCell(natural, '4');
      store.getState().setReviewStatus('reviewed');
      // The edits are written (the big text is still refused): only big.txt is not saved.
      // The retry (every 20 ms) goes on: between two refusals the state is briefly 保存中.
      await until(() => disk.refused >= 2 && store.getState().save.state === 'error');
      expect(store.getState().save.unsaved).toEqual(['big.txt']);
      const meanwhile = await loaded(name);
      expect(meanwhile.entries.map((e) => e.name)).toEqual(['a.txt']);
      expect(meanwhile.entries[0]?.report?.edits).toHaveLength(1);
      expect(meanwhile.entries[0]?.report?.review.status).toBe('reviewed');

      // Room again: the retry writes what was refused, with nothing else changing.
      disk.full = false;
      await saved(store);
      const again = await started(name);
      expect(exported(again) === exported(store)).toBe(true);
    } finally {
      restore();
    }
  });

  it('removing a report frees its space before the refused ones are tried again', async () => {
    const name = freshName();
    const { disk, restore } = fillDisk(50_000);
    try {
      const store = await persistWorkspaceOf(name, { retryMs: 60_000 });
      await store.getState().addFiles([seedFile('a.txt')]);
      await saved(store);
      disk.full = true;
      await store.getState().addFiles([big(), seedFile('b.txt')]);
      await until(
        () =>
          store.getState().save.state === 'error' &&
          store.getState().order.every((id) => store.getState().entries[id]?.status === 'ready'),
      );
      // The big one is refused; the small one is too when it was written in a part of its own (the
      // two files' parses end in either order), so only the big one is certain here.
      expect(store.getState().save.unsaved).toContain('big.txt');
      disk.full = false;
      store.getState().removeReport(store.getState().order[0] ?? '');
      await saved(store);
      expect((await loaded(name)).entries.map((e) => e.name)).toEqual(['big.txt', 'b.txt']);
    } finally {
      restore();
    }
  });
});

describe('a full disk at commit', () => {
  it('takes a transaction aborted for quota as a full disk, and still saves the edits', async () => {
    const name = freshName();
    let full = false;
    const open = async () => {
      const storage = await openWorkspace(name);
      return {
        ...storage,
        save: (change: WorkspaceChange) =>
          full && (change.texts?.length ?? 0) > 0
            ? Promise.reject(new DOMException('Transaction aborted: quota exceeded', 'AbortError'))
            : storage.save(change),
      };
    };
    const store = await started(name, open);
    await store.getState().addFiles([seedFile('a.txt')]);
    await saved(store);
    full = true;
    await store.getState().addFiles([new File(['另一份文本'], 'b.txt')]);
    await until(() => store.getState().save.state === 'error');
    expect(store.getState().save).toMatchObject({ error: '存储空间不足', unsaved: ['b.txt'] });
    store.getState().selectReport(store.getState().order[0] ?? '');
    store.getState().setReviewStatus('reviewed');
    await until(() => store.getState().save.state === 'saving');
    await until(() => store.getState().save.state === 'error');
    expect((await loaded(name)).entries.map((e) => [e.name, e.report?.review.status])).toEqual([
      ['a.txt', 'reviewed'],
    ]);
  });
});

describe('the reviewer’s work apart from the reports', () => {
  it('writes an edit as a small review record and never the report or its text again', async () => {
    const name = freshName();
    const store = await started(name);
    await store.getState().addFiles([seedFile('a.txt')]);
    await saved(store);
    const db = await openDB(name, DB_VERSION);
    const id = store.getState().order[0] ?? '';
    const entryBefore = await db.get('entries', id);

    store.getState().selectCell(natural);
    store.getState().editCell(natural, '4');
    store.getState().judgeCheck('C3:requests:newReceived', { verdict: 'source-error' });
    await saved(store);
    expect(await db.get('entries', id)).toEqual(entryBefore);
    const review = await db.get('reviews', id);
    expect(review.cells).toEqual([
      expect.objectContaining({ ...natural, cell: expect.objectContaining({ raw: '4' }) }),
    ]);
    expect(JSON.stringify(review).length).toBeLessThan(JSON.stringify(entryBefore).length / 10);
    db.close();

    // Undone, the cell is the stored report's again and the record says so.
    store.getState().undo();
    store.getState().undo();
    await saved(store);
    const again = await started(name);
    expect(exported(again) === exported(store)).toBe(true);
  });

  it('migrates a v2 workspace: its reports, edited already, load as they were and take new edits', async () => {
    const name = freshName();
    const parsed = await parseReport(new Uint8Array(seedBytes), SEED);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const edited = applyCellEdit(parsed.report, natural, '7', '2024-04-01T08:00:00.000Z');
    const { text, ...stored } = edited;
    const key = sha256Hex(new TextEncoder().encode(text));
    // The v2 layout written by hand: entries without texts, texts by hash, the order in meta.
    const v2 = await openDB(name, 2, {
      upgrade(db) {
        db.createObjectStore('entries', { keyPath: 'id' });
        db.createObjectStore('texts', { keyPath: 'key' });
        db.createObjectStore('meta', { keyPath: 'key' });
      },
    });
    await v2.put('entries', {
      id: 'r1',
      name: SEED,
      status: 'ready',
      error: null,
      note: null,
      report: stored,
      textKey: key,
    });
    await v2.put('texts', { key, text });
    await v2.put('meta', { key: 'workspace', order: ['r1'], pasteCount: 3 });
    v2.close();

    const store = await started(name);
    const report = store.getState().entries['r1']?.report;
    expect(report && serializeReport(report) === serializeReport(edited)).toBe(true);
    expect(store.getState().pasteCount).toBe(3);

    store.getState().selectCell(natural);
    store.getState().editCell(natural, '8');
    await saved(store);
    const db = await openDB(name, DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(CURRENT_STORES);
    expect((await db.get('entries', 'r1')).report).toEqual(stored);
    expect((await db.get('reviews', 'r1')).edits).toHaveLength(2);
    db.close();
    const again = await started(name);
    expect(exported(again) === exported(store)).toBe(true);
  });
});

describe('two tabs', () => {
  it('a tab never writes over what another tab wrote since it read the workspace', async () => {
    const name = freshName();
    const first = await started(name);
    await first.getState().addFiles([seedFile('a.txt')]);
    await saved(first);
    const second = await started(name);
    second.getState().setReviewStatus('reviewed');
    await saved(second);

    first.getState().selectCell(natural);
    first.getState().editCell(natural, '4');
    await until(() => first.getState().save.state === 'error');
    expect(first.getState().save).toEqual({
      state: 'error',
      error: '另一个标签页修改了工作区，此页的修改不能再保存',
      unsaved: ['a.txt'],
    });
    expect(first.getState().access.readOnly).toBe('stale');
    const kept = (await loaded(name)).entries[0]?.report;
    expect([kept?.review.status, kept?.edits.length]).toEqual(['reviewed', 0]);
  });

  it('a read-only tab says why instead of changing anything, and writes nothing', async () => {
    const name = freshName();
    const first = await started(name);
    await first.getState().addFiles([seedFile('a.txt')]);
    await saved(first);
    const before = exported(first);

    let events: TabEvents | null = null;
    const reader = newStore();
    await persistWorkspace(reader, {
      open: (e) => openWorkspace(name, e),
      coordinate: (e) => {
        events = e;
        e.becameReader();
        return { requestHandover: () => {}, close: () => {} };
      },
    });
    expect(events).not.toBeNull();
    const state = () => reader.getState();
    expect(state().access.readOnly).toBe('other-tab');
    expect(exported(reader)).toBe(before);
    state().selectCell(natural);
    state().editCell(natural, '4');
    expect(state().notice).toBe('此页只读：工作区正在另一个标签页中编辑');
    await state().addFiles([seedFile('b.txt')]);
    state().clearWorkspace();
    state().removeReport(state().order[0] ?? '');
    expect(exported(reader)).toBe(before);
    expect(exported(await started(name))).toBe(before);
  });

  it('a tab that gets the lock reads again what the other tab saved before it edits', async () => {
    const name = freshName();
    let events: TabEvents | null = null;
    const reader = newStore();
    await persistWorkspace(reader, {
      open: (e) => openWorkspace(name, e),
      coordinate: (e) => {
        events = e;
        e.becameReader();
        return { requestHandover: () => {}, close: () => {} };
      },
    });
    const editor = await started(name);
    await editor.getState().addFiles([seedFile('a.txt')]);
    await saved(editor);
    expect(reader.getState().order).toEqual([]);

    await (events as TabEvents | null)?.becameEditor();
    expect(reader.getState().access.readOnly).toBeNull();
    expect(exported(reader)).toBe(exported(editor));
    reader.getState().selectCell(natural);
    reader.getState().editCell(natural, '4');
    await saved(reader);
    expect(exported(await started(name))).toBe(exported(reader));
  });
});

describe('a report whose display failed', () => {
  it('is not selected by the next start, until the reviewer selects it again', async () => {
    const name = freshName();
    const first = await started(name);
    await first.getState().addFiles([seedFile('a.txt'), seedFile('b.txt')]);
    await saved(first);
    const [a, b] = first.getState().order;
    first.getState().markFailed(a ?? '');
    await saved(first);

    const second = await started(name);
    expect(second.getState().selectedId).toBe(b);
    second.getState().selectReport(a ?? '');
    await saved(second);
    expect((await started(name)).getState().selectedId).toBe(a);
  });
});

describe('where the reviewer was', () => {
  it('comes back after a reload: the report, its tab and cell; a report gone falls back to the first', async () => {
    const name = freshName();
    const first = await started(name);
    await first.getState().addFiles([seedFile('a.txt'), seedFile('b.txt')]);
    const [a, b] = first.getState().order as [string, string];
    first.getState().selectReport(b);
    first.getState().selectCell(natural);
    first.getState().setTab('issues');
    await saved(first);

    const second = await started(name);
    expect(second.getState()).toMatchObject({
      selectedId: b,
      selectedCell: natural,
      activeTab: 'issues',
    });
    second.getState().removeReport(b);
    await saved(second);
    expect((await started(name)).getState()).toMatchObject({
      selectedId: a,
      selectedCell: null,
      activeTab: 'active',
    });
  });

  it('keeps a stopped parse stopped', async () => {
    const name = freshName();
    const store = newStore();
    await persistWorkspace(store, {
      open: (events) => openWorkspace(name, events),
      coordinate: alone,
    });
    store.setState({
      order: ['s'],
      entries: {
        s: {
          id: 's',
          name: 'long.pdf',
          status: 'error',
          error: '已取消',
          report: null,
          note: null,
          stopped: 'cancelled',
        },
      },
    });
    await saved(store);
    const [entry] = (await loaded(name)).entries;
    expect(entry).toMatchObject({ status: 'error', stopped: 'cancelled', error: '已取消' });
  });

  it('migrates a v3 workspace: the stops it kept only as messages are stops', async () => {
    const name = freshName();
    const v3 = await openDB(name, 3, {
      upgrade(db) {
        db.createObjectStore('entries', { keyPath: 'id' });
        db.createObjectStore('texts', { keyPath: 'key' });
        db.createObjectStore('reviews', { keyPath: 'id' });
        db.createObjectStore('meta', { keyPath: 'key' });
      },
    });
    const entry = (id: string, error: string) => ({
      id,
      name: `${id}.pdf`,
      status: 'error',
      error,
      note: null,
      report: null,
      textKey: null,
    });
    await v3.put('entries', entry('c', '已取消'));
    await v3.put('entries', entry('t', '解析超时（超过 60 秒）'));
    await v3.put('entries', entry('e', '文件是空的'));
    await v3.put('meta', { key: 'workspace', order: ['c', 't', 'e'], pasteCount: 0 });
    v3.close();

    const workspace = await loaded(name);
    expect(workspace.entries.map((e) => [e.id, e.status, e.stopped])).toEqual([
      ['c', 'error', 'cancelled'],
      ['t', 'error', 'timeout'],
      ['e', 'error', undefined],
    ]);
    expect(workspace.view).toBeNull();
  });
});

const htmlFile = () =>
  new File(
    [readFileSync(new URL('../core/fixtures/corpus/024_pingtan_qu_2023.html', import.meta.url))],
    '024_pingtan_qu_2023.html',
  );

describe('originals', () => {
  it('keeps a dropped HTML file’s bytes by its source hash and gives them back after a reload; a text file has none', async () => {
    const name = freshName();
    const store = await persistWorkspaceOf(name);
    await store.getState().addFiles([htmlFile(), seedFile('a.txt')]);
    await saved(store);
    const [html, text] = store.getState().order.map((id) => store.getState().entries[id]?.report);
    const sha = html?.source.sha256 ?? '';
    expect(Object.keys(store.getState().originals)).toEqual([sha]);
    expect(text && text.source.sha256 in store.getState().originals).toBe(false);

    const again = await started(name);
    const blob = again.getState().originals[sha];
    expect(blob?.size).toBe(htmlFile().size);
    expect(new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(
      new Uint8Array(await htmlFile().arrayBuffer()),
    );
    // Removed with its report.
    again.getState().removeReport(again.getState().order[0] ?? '');
    await saved(again);
    expect((await loaded(name)).originals).toEqual({});
  });

  it('a full disk that refuses an original keeps the report and the edits, and marks the original not stored', async () => {
    const name = freshName();
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key) {
      if ((value as { blob?: unknown } | null)?.blob !== undefined)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
    try {
      const store = await persistWorkspaceOf(name);
      await store.getState().addFiles([htmlFile()]);
      const [id] = store.getState().order;
      const sha = store.getState().entries[id ?? '']?.report?.source.sha256 ?? '';
      await until(() => store.getState().unstoredOriginals.includes(sha));
      await saved(store);
      // Still in memory for this session; the text and the tables are stored.
      expect(store.getState().originals[sha]).toBeDefined();
      store.getState().selectReport(id ?? '');
      store.getState().setReviewStatus('reviewed');
      await saved(store);
      const workspace = await loaded(name);
      expect(workspace.entries[0]?.report?.review.status).toBe('reviewed');
      expect(workspace.originals).toEqual({});
    } finally {
      IDBObjectStore.prototype.put = put;
    }
  });

  it('migrates a v4 workspace to v5: its entries load as they were, with no originals', async () => {
    const name = freshName();
    const v4 = await openDB(name, 4, {
      upgrade(db) {
        for (const store of ['entries', 'texts', 'reviews']) {
          db.createObjectStore(store, { keyPath: store === 'texts' ? 'key' : 'id' });
        }
        db.createObjectStore('meta', { keyPath: 'key' });
      },
    });
    await v4.put('entries', {
      id: 'e',
      name: 'e.pdf',
      status: 'error',
      error: '文件是空的',
      note: null,
      report: null,
      textKey: null,
    });
    await v4.put('meta', { key: 'workspace', order: ['e'], pasteCount: 0 });
    v4.close();

    const workspace = await loaded(name);
    expect(workspace.entries.map((e) => [e.id, e.error])).toEqual([['e', '文件是空的']]);
    expect(workspace.originals).toEqual({});
    const db = await openDB(name);
    expect(db.version).toBe(5);
    expect(db.objectStoreNames.contains('originals')).toBe(true);
    db.close();
  });
});
