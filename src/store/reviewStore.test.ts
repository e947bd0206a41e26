import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand';
import { runChecks, type Cell, type ParseResult, type Report } from '../core';
import { reviewStore, type ReviewDeps, type ReviewStore } from './reviewStore';

function cell(raw: string, start: number): Cell {
  return {
    value: Number(raw),
    raw,
    kind: 'number',
    span: [start, start + raw.length],
    confidence: 'high',
  };
}

// A report as the parser would give it, cut down to what the store looks at.
function report(name: string, overrides: Partial<Report> = {}): Report {
  return {
    schema: 'nianbao/report@1',
    parser: { name: 'test', version: '0' },
    source: { name, sha256: '', bytes: 0, format: 'text', encoding: 'utf-8' },
    meta: {
      agency: { value: '某某局', span: null },
      year: { value: 2022, span: null },
      template: '2021',
      published: { value: null, span: null },
    },
    tables: [
      {
        id: 'requests',
        title: '收到和处理政府信息公开申请情况',
        columns: [
          { key: 'naturalPerson', label: '自然人' },
          { key: 'total', label: '总计' },
        ],
        rows: [
          {
            key: 'newReceived',
            label: '一、本年新收政府信息公开申请数量',
            cells: { naturalPerson: cell('3', 10), total: cell('3', 14) },
          },
        ],
      },
    ],
    facts: [
      {
        key: 'requestsReceived',
        value: 3,
        unit: '件',
        approximate: false,
        cumulative: false,
        span: [30, 32],
        sentence: [25, 40],
      },
    ],
    checks: [
      {
        id: 'C3:requests:newReceived',
        rule: 'C3',
        status: 'pass',
        expected: 3,
        actual: 3,
        cells: [
          { table: 'requests', row: 'newReceived', column: 'naturalPerson' },
          { table: 'requests', row: 'newReceived', column: 'total' },
        ],
        left: [{ table: 'requests', row: 'newReceived', column: 'naturalPerson' }],
        right: [{ table: 'requests', row: 'newReceived', column: 'total' }],
      },
    ],
    issues: [],
    edits: [],
    review: { status: 'unreviewed', updatedAt: null },
    text: 'x'.repeat(50),
    ...overrides,
  };
}

const notAReport: ParseResult = {
  ok: false,
  error: { code: 'empty-file', message: '文件是空的' },
};

function setup(results: Record<string, ParseResult>, deps: Partial<ReviewDeps> = {}) {
  const parsed: string[] = [];
  const store = createStore<ReviewStore>()(
    reviewStore({
      parse: async (_file, name) => {
        parsed.push(name);
        return results[name] ?? { ok: true, report: report(name) };
      },
      fetchSample: async () => new File(['sample'], 'sample.txt'),
      now: () => '2024-05-01T00:00:00.000Z',
      batchMs: 0,
      ...deps,
    }),
  );
  return { store, parsed };
}

const files = (...names: string[]) => names.map((name) => new File([name], name));
const total = { table: 'requests', row: 'newReceived', column: 'total' };

describe('review store', () => {
  it('queues files in order, parses them, and selects the first', async () => {
    const { store } = setup({ 'b.txt': notAReport });
    const done = store.getState().addFiles(files('a.txt', 'b.txt'));
    const { order, entries, progress, selectedId } = store.getState();
    expect(order.map((id) => entries[id]?.name)).toEqual(['a.txt', 'b.txt']);
    expect(order.map((id) => entries[id]?.status)).toEqual(['parsing', 'parsing']);
    expect(progress).toEqual({ done: 0, total: 2 });
    expect(selectedId).toBe(order[0]);
    await done;
    const after = store.getState();
    expect(after.order.map((id) => after.entries[id]?.status)).toEqual(['ready', 'error']);
    expect(after.entries[after.order[1] ?? '']?.error).toBe('文件是空的');
    expect(after.progress).toEqual({ done: 0, total: 0 });
    expect(after.activeTab).toBe('requests');
  });

  it('shows an error-severity issue on the row, and keeps the report to look at', async () => {
    const blank = report('blank.txt', {
      tables: [],
      issues: [{ code: 'no-report-data', severity: 'error', message: '没有报告数据', span: null }],
    });
    const { store } = setup({ 'blank.txt': { ok: true, report: blank } });
    await store.getState().addFiles(files('blank.txt'));
    const entry = Object.values(store.getState().entries)[0];
    expect(entry).toMatchObject({ status: 'error', error: '没有报告数据', report: blank });
    expect(store.getState().activeTab).toBe('facts');
  });

  it('names pasted texts in turn', async () => {
    const { store, parsed } = setup({});
    await store.getState().addText('一');
    await store.getState().addText('二');
    expect(parsed).toEqual(['粘贴文本-1.txt', '粘贴文本-2.txt']);
  });

  it('says so on a row when the sample cannot be loaded', async () => {
    const { store } = setup(
      {},
      {
        fetchSample: () => Promise.reject(new Error('offline')),
      },
    );
    await store.getState().loadSample();
    const [entry] = Object.values(store.getState().entries);
    expect(entry).toMatchObject({ status: 'error', error: '无法加载示例文件' });
  });

  it('selects a cell with its span and tab, and a cell from its span', async () => {
    const { store } = setup({});
    await store.getState().addFiles(files('a.txt'));
    store.getState().setTab('issues');
    store.getState().selectCell(total);
    expect(store.getState()).toMatchObject({
      selectedCell: total,
      selectedSpan: [14, 15],
      activeTab: 'requests',
    });
    store.getState().setTab('facts');
    store.getState().selectSourceSpan([10, 11]);
    expect(store.getState()).toMatchObject({
      selectedCell: { table: 'requests', row: 'newReceived', column: 'naturalPerson' },
      activeTab: 'requests',
    });
  });

  it("takes a fact's span to the facts tab, and any other span only to the source", async () => {
    const { store } = setup({});
    await store.getState().addFiles(files('a.txt'));
    store.getState().selectSourceSpan([30, 32]);
    expect(store.getState()).toMatchObject({ selectedCell: null, activeTab: 'facts' });
    store.getState().setTab('requests');
    store.getState().selectSourceSpan([1, 2]);
    expect(store.getState()).toMatchObject({ selectedSpan: [1, 2], activeTab: 'requests' });
  });

  it('edits the selected cell through applyCellEdit, trimmed, and re-runs the checks', async () => {
    const { store } = setup({});
    await store.getState().addFiles(files('a.txt'));
    store.getState().selectCell(total);
    store.getState().startEdit('7');
    expect(store.getState().editing).toEqual({ ref: total, seed: '7' });
    store.getState().commitEdit(' 7 ');
    const state = store.getState();
    const edited = state.entries[state.selectedId ?? '']?.report;
    expect(state.editing).toBeNull();
    expect(edited?.tables[0]?.rows[0]?.cells['total']).toMatchObject({
      value: 7,
      raw: '7',
      original: { value: 3, raw: '3' },
    });
    expect(edited?.edits).toEqual([
      {
        at: '2024-05-01T00:00:00.000Z',
        ...total,
        from: { value: 3, raw: '3' },
        to: { value: 7, raw: '7' },
      },
    ]);
    // The parser's checks, run again on the edited table: not the ones the report came with.
    expect(edited?.checks).toEqual(runChecks(edited?.tables ?? [], edited?.facts ?? []));
    expect(edited?.checks).not.toEqual(report('a.txt').checks);
  });

  it('leaves the report alone when an edit is cancelled or changes nothing', async () => {
    const { store } = setup({});
    await store.getState().addFiles(files('a.txt'));
    const before = store.getState().entries[store.getState().selectedId ?? '']?.report;
    store.getState().selectCell(total);
    store.getState().startEdit();
    store.getState().cancelEdit();
    store.getState().startEdit();
    store.getState().commitEdit('3');
    expect(store.getState().entries[store.getState().selectedId ?? '']?.report).toBe(before);
  });

  it('selects a check: its printed total, outlined with the rest of its cells', async () => {
    const { store } = setup({});
    await store.getState().addFiles(files('a.txt'));
    store.getState().setTab('issues');
    store.getState().selectCheck('C3:requests:newReceived');
    expect(store.getState()).toMatchObject({
      selectedCheck: 'C3:requests:newReceived',
      selectedCell: total,
      activeTab: 'requests',
    });
  });

  it('starts another report clean', async () => {
    const { store } = setup({});
    await store.getState().addFiles(files('a.txt', 'b.txt'));
    store.getState().selectCell(total);
    const second = store.getState().order[1] ?? '';
    store.getState().selectReport(second);
    expect(store.getState()).toMatchObject({
      selectedId: second,
      selectedCell: null,
      selectedSpan: null,
      activeTab: 'requests',
    });
  });
});
