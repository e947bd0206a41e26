import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand';
import { parseReport, type Report } from '../core';
import { serializeReport } from '../core/export/json';
import { sha256Hex } from '../core/sha256';
import {
  DB_VERSION,
  openWorkspace,
  persistWorkspace,
  type WorkspaceChange,
  type WorkspaceStorage,
} from './persistence';
import { reviewStore, type ReviewStore } from './reviewStore';

const SEED = '001_b7938c474e787140.txt';
const seedBytes = readFileSync(new URL(`../core/fixtures/seeds/${SEED}`, import.meta.url));
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

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 2));
  expect(condition()).toBe(true);
}

const saved = (store: Store) => until(() => store.getState().save.state === 'saved');

/** A store with its workspace in the named database, loaded. */
async function started(name: string, open?: () => Promise<WorkspaceStorage>) {
  const store = newStore();
  await persistWorkspace(store, { open: open ?? ((events) => openWorkspace(name, events)) });
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

describe('workspace persistence', () => {
  it('gives back after a reload what was shown as saved: reports, edits, verdicts, status, order', async () => {
    const name = freshName();
    const first = await started(name);
    await first.getState().addFiles([new File([seedBytes], 'b.txt'), new File([''], 'empty.txt')]);
    await first.getState().addFiles([new File([seedBytes], 'a.txt')]);
    await first.getState().addText('二〇二二年');
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
    // Only data comes back: no selection but the first report, no history.
    expect(selectedId).toBe(order[0]);
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
      .addFiles([new File([seedBytes], 'a.txt'), new File([seedBytes], 'b.txt')]);
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
    await store.getState().addFiles([new File([seedBytes], 'a.txt')]);
    await saved(store);
    store.getState().clearWorkspace();
    await saved(store);
    const db = await openDB(name, DB_VERSION);
    expect([await db.count('entries'), await db.count('texts')]).toEqual([0, 0]);
    db.close();
    await store.getState().addFiles([new File([seedBytes], 'c.txt')]);
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
    await store.getState().addFiles([new File([seedBytes], 'a.txt')]);
    await until(() => store.getState().save.state === 'error');
    expect(store.getState().save).toEqual({ state: 'error', error: '存储空间不足' });
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

  it('writes a large change in parts, and a crash between them leaves the workspace as it was', async () => {
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
    const files = Array.from({ length: 45 }, (_, i) => new File([seedBytes], `${i}.txt`));
    await store.getState().addFiles(files);
    await until(() => store.getState().save.state === 'error');
    expect(saves).toBe(2);

    // The first part was written, but no order names it: the next start drops it.
    const again = await started(name);
    expect(again.getState().order).toEqual([]);
    const db = await openDB(name, DB_VERSION);
    expect([await db.count('entries'), await db.count('texts')]).toEqual([0, 0]);
    db.close();

    await again.getState().addFiles(files);
    await saved(again);
    expect((await started(name)).getState().order).toHaveLength(45);
  });

  it('says so when the database cannot be opened, and never writes over what it could not read', async () => {
    const store = await started('unused', () =>
      Promise.reject(new DOMException('denied', 'SecurityError')),
    );
    expect(store.getState().save).toEqual({
      state: 'error',
      error: '浏览器不允许本地存储（隐私模式？）',
    });
    await store.getState().addFiles([new File([seedBytes], 'a.txt')]);
    expect(store.getState().save.state).toBe('error');
    expect(store.getState().order).toHaveLength(1);
  });

  it('keeps files dropped while the workspace was loading, after the stored ones', async () => {
    const name = freshName();
    const first = await started(name);
    await first.getState().addFiles([new File([seedBytes], 'stored.txt')]);
    await saved(first);

    const store = newStore();
    const loading = persistWorkspace(store, { open: (events) => openWorkspace(name, events) });
    expect(store.getState().workspace).toBe('loading');
    const dropped = store.getState().addFiles([new File([seedBytes], 'dropped.txt')]);
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
    expect([...db.objectStoreNames].sort()).toEqual(['entries', 'meta', 'texts']);
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
    expect([...db.objectStoreNames].sort()).toEqual(['entries', 'meta', 'texts']);
    db.close();
  });
});
