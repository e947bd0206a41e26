import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand';
import {
  LIMITS,
  parseReport,
  runChecks,
  serializeReport,
  type ParseResult,
  type Report,
} from '../core';
import { emptyReport, NEW_RECEIVED, numberCell, requestsTable } from '../core/fixtures/reports';
import { HISTORY_LIMIT } from './history';
import { visibleOrder } from './queue';
import { reviewStore, type ReviewDeps, type ReviewStore } from './reviewStore';
import { suggestionsOf } from './suggestions';

// A report as the parser would give it, cut down to what the store looks at.
function report(name: string, overrides: Partial<Report> = {}): Report {
  const base = emptyReport(name);
  return {
    ...base,
    source: { ...base.source, sha256: '' },
    meta: {
      ...base.meta,
      agency: { value: '某某局', span: null },
      year: { value: 2022, span: null },
      template: '2021',
    },
    tables: [
      requestsTable([
        {
          key: 'newReceived',
          label: NEW_RECEIVED,
          cells: { naturalPerson: numberCell('3', [10, 11]), total: numberCell('3', [14, 15]) },
        },
      ]),
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

/** Files are hashed before their rows come: waits for that, and whatever else is asked. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 2));
  expect(condition()).toBe(true);
}
const total = { table: 'requests', row: 'newReceived', column: 'total' };

describe('review store', () => {
  it('queues files in order, parses them, and selects the first', async () => {
    let release = () => {};
    const parsed = new Promise<void>((resolve) => (release = resolve));
    const { store } = setup(
      {},
      {
        parse: async (_file, name) => {
          await parsed;
          return name === 'b.txt' ? notAReport : { ok: true, report: report(name) };
        },
      },
    );
    const done = store.getState().addFiles(files('a.txt', 'b.txt'));
    await until(() => store.getState().order.length === 2);
    const { order, entries, progress, selectedId } = store.getState();
    expect(order.map((id) => entries[id]?.name)).toEqual(['a.txt', 'b.txt']);
    expect(order.map((id) => entries[id]?.status)).toEqual(['parsing', 'parsing']);
    expect(progress).toEqual({ done: 0, total: 2 });
    expect(selectedId).toBe(order[0]);
    release();
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

// ── review workflow ──────────────────────────────────────────────────────────────────────────────

const SEED = '001_b7938c474e787140.txt';
const seedBytes = readFileSync(new URL(`../core/fixtures/seeds/${SEED}`, import.meta.url));
const natural = { table: 'requests', row: 'newReceived', column: 'naturalPerson' };

/** A store that parses with the real core, so that its reports are what the app would have. */
function realSetup() {
  let clock = 0;
  return setup(
    {},
    {
      parse: async (file, name) => parseReport(new Uint8Array(await file.arrayBuffer()), name),
      // A second apart, so that each action's time shows in the export.
      now: () => new Date(Date.UTC(2024, 4, 1, 0, 0, clock++)).toISOString(),
    },
  ).store;
}

/** The seed; under another name with other bytes, since the queue takes the same bytes once. */
function seedFile(name = SEED): File {
  const bytes = name === SEED ? [seedBytes] : [seedBytes, `\n${name}\n`];
  return new File(bytes, name, { type: 'text/plain' });
}

type Store = ReturnType<typeof realSetup>;

function selected(store: Store): Report {
  const { selectedId, entries } = store.getState();
  const report = entries[selectedId ?? '']?.report;
  if (!report) throw new Error('no report selected');
  return report;
}

const reportsOf = (store: Store) =>
  store.getState().order.flatMap((id) => store.getState().entries[id]?.report ?? []);

const jsonl = (store: Store) =>
  reportsOf(store)
    .map((r) => `${serializeReport(r)}\n`)
    .join('');

const checkOf = (report: Report, id: string) => report.checks.find((c) => c.id === id);

describe('verdicts and review status', () => {
  it('puts a verdict and comment on the check, kept through re-run checks', async () => {
    const store = realSetup();
    await store.getState().addFiles([seedFile()]);
    store.getState().selectCell(natural);
    store.getState().editCell(natural, '4');
    expect(checkOf(selected(store), 'C3:requests:newReceived')?.status).toBe('fail');
    store
      .getState()
      .judgeCheck('C3:requests:newReceived', { verdict: 'source-error', comment: '原表如此' });
    expect(checkOf(selected(store), 'C3:requests:newReceived')).toMatchObject({
      status: 'fail',
      verdict: 'source-error',
      comment: '原表如此',
    });
    store.getState().editCell(natural, '3');
    expect(checkOf(selected(store), 'C3:requests:newReceived')).toMatchObject({
      status: 'pass',
      verdict: 'source-error',
      comment: '原表如此',
    });
  });

  it('starts the review with the first action; 已复核 and back, with the time of each', async () => {
    const store = realSetup();
    await store.getState().addFiles([seedFile()]);
    expect(selected(store).review).toEqual({ status: 'unreviewed', updatedAt: null });
    store.getState().judgeCheck('C3:requests:newReceived', { verdict: 'dismissed', comment: null });
    expect(selected(store).review).toEqual({
      status: 'in-progress',
      updatedAt: '2024-05-01T00:00:00.000Z',
    });
    store.getState().setReviewStatus('reviewed');
    expect(selected(store).review).toEqual({
      status: 'reviewed',
      updatedAt: '2024-05-01T00:00:01.000Z',
    });
    store.getState().setReviewStatus('in-progress');
    expect(selected(store).review.status).toBe('in-progress');
  });
});

describe('undo and redo', () => {
  it('undoes an edit so that the export is byte for byte the one before it, and redoes it', async () => {
    const store = realSetup();
    await store.getState().addFiles([seedFile()]);
    const before = serializeReport(selected(store));
    store.getState().selectCell(natural);
    store.getState().startEdit('4');
    store.getState().commitEdit('4');
    const after = serializeReport(selected(store));
    expect(after).not.toBe(before);
    expect(selected(store).edits).toHaveLength(1);

    store.getState().undo();
    expect(serializeReport(selected(store))).toBe(before);
    expect(selected(store).edits).toEqual([]);
    store.getState().redo();
    expect(serializeReport(selected(store))).toBe(after);
    // Nothing left to redo; a second redo changes nothing.
    store.getState().redo();
    expect(serializeReport(selected(store))).toBe(after);
  });

  it('undoes verdicts and status changes one step each, in reverse order', async () => {
    const store = realSetup();
    await store.getState().addFiles([seedFile()]);
    const v0 = serializeReport(selected(store));
    store.getState().judgeCheck('C3:requests:newReceived', { verdict: 'dismissed', comment: null });
    const v1 = serializeReport(selected(store));
    store
      .getState()
      .judgeCheck('C3:requests:newReceived', { verdict: 'dismissed', comment: '备注' });
    const v2 = serializeReport(selected(store));
    store.getState().setReviewStatus('reviewed');
    store.getState().undo();
    expect(serializeReport(selected(store))).toBe(v2);
    store.getState().undo();
    expect(serializeReport(selected(store))).toBe(v1);
    store.getState().undo();
    expect(serializeReport(selected(store))).toBe(v0);
    expect(store.getState().history).toMatchObject({ undo: [], redo: { length: 3 } });
  });

  it('undoes across reports: selects the report and the cell of the step', async () => {
    const store = realSetup();
    await store.getState().addFiles([seedFile('a.txt'), seedFile('b.txt')]);
    const [a, b] = store.getState().order;
    store.getState().selectCell(natural);
    store.getState().editCell(natural, '4');
    store.getState().selectReport(b ?? '');
    store.getState().setTab('issues');
    store.getState().undo();
    expect(store.getState()).toMatchObject({
      selectedId: a,
      selectedCell: natural,
      activeTab: 'requests',
    });
    expect(selected(store).edits).toEqual([]);
  });

  it('edits a pasted block of cells in one step, and undoes it in one', async () => {
    const store = realSetup();
    await store.getState().addFiles([seedFile()]);
    const before = selected(store);
    store.getState().editCells([
      { ref: natural, raw: '4' },
      { ref: total, raw: ' 9 ' },
      { ref: { ...natural, column: 'toString' }, raw: '1' },
    ]);
    expect(store.getState().history.undo).toHaveLength(1);
    expect(selected(store).edits.map((edit) => [edit.column, edit.to.raw])).toEqual([
      ['naturalPerson', '4'],
      ['total', '9'],
    ]);
    store.getState().undo();
    expect(selected(store)).toBe(before);
  });

  it('forgets what could be redone once a new action is taken, and keeps the last 500 steps', async () => {
    const store = realSetup();
    await store.getState().addFiles([seedFile()]);
    store.getState().editCell(natural, '4');
    store.getState().undo();
    store.getState().editCell(natural, '5');
    expect(store.getState().history.redo).toEqual([]);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) store.getState().editCell(natural, String(10 + i));
    expect(store.getState().history.undo).toHaveLength(HISTORY_LIMIT);
  });
});

describe('suggestions', () => {
  // 表三 row 一 printed 1 | 20 | 0 | 0 | 0 | 3 | 15: the 2 of 自然人 12 slipped into 商业企业.
  const SLIPPED = [
    '某区人民政府2022年政府信息公开工作年度报告',
    '三、收到和处理政府信息公开申请情况',
    '本年制发件数 |',
    '一、本年新收政府信息公开申请数量 | 1 | 20 | 0 | 0 | 0 | 3 | 15 | ||',
  ].join('\n');
  const C3 = 'C3:requests:newReceived';
  const commercial = { table: 'requests', row: 'newReceived', column: 'commercial' };

  async function slipped() {
    const store = realSetup();
    await store.getState().addText(SLIPPED);
    const [suggestion, ...rest] = suggestionsOf(selected(store));
    if (!suggestion) throw new Error('no suggestion for the slipped row');
    expect(rest).toEqual([]);
    expect(suggestion.check).toBe(C3);
    return { store, suggestion, reportId: store.getState().selectedId ?? '' };
  }

  const cellOf = (report: Report, ref: typeof natural) =>
    report.tables.find((x) => x.id === ref.table)?.rows.find((r) => r.key === ref.row)?.cells[
      ref.column
    ];
  const rawOf = (report: Report, ref: typeof natural) => cellOf(report, ref)?.raw;

  it('are computed once per version of a report', async () => {
    const { store, suggestion, reportId } = await slipped();
    const report = selected(store);
    expect(suggestionsOf(report)).toBe(suggestionsOf(report));
    store.getState().rejectSuggestion(reportId, suggestion.id);
    expect(suggestionsOf(selected(store))).toEqual([]);
    expect(suggestionsOf(report)).toEqual([suggestion]);
  });

  it('accepts a suggestion as edits of its cells, undone in one step to the report before', async () => {
    const { store, suggestion, reportId } = await slipped();
    const before = serializeReport(selected(store));
    store.getState().acceptSuggestion(reportId, suggestion.id);
    const accepted = selected(store);
    expect([rawOf(accepted, natural), rawOf(accepted, commercial)]).toEqual(['12', '0']);
    expect(accepted.edits.map((edit) => [edit.column, edit.from.raw, edit.to.raw])).toEqual([
      ['naturalPerson', '1', '12'],
      ['commercial', '20', '0'],
    ]);
    expect(checkOf(accepted, C3)?.status).toBe('pass');
    expect(accepted.review.status).toBe('in-progress');
    expect(suggestionsOf(accepted)).toEqual([]);
    expect(store.getState().history.undo).toHaveLength(1);

    store.getState().undo();
    expect(serializeReport(selected(store)) === before).toBe(true);
    expect(suggestionsOf(selected(store))).toEqual([suggestion]);
    expect(store.getState().selectedCheck).toBe(C3);
    store.getState().redo();
    expect(rawOf(selected(store), natural)).toBe('12');
  });

  it('rejects a suggestion: gone, kept in the export, back on undo', async () => {
    const { store, suggestion, reportId } = await slipped();
    const before = serializeReport(selected(store));
    store.getState().rejectSuggestion(reportId, suggestion.id);
    expect(suggestionsOf(selected(store))).toEqual([]);
    const exported = JSON.parse(serializeReport(selected(store))) as Report;
    expect(exported.review).toMatchObject({
      status: 'in-progress',
      rejectedSuggestions: [suggestion.id],
    });
    expect(exported.tables).toEqual(JSON.parse(before).tables);
    // Once turned down, it cannot be taken or turned down again.
    store.getState().acceptSuggestion(reportId, suggestion.id);
    store.getState().rejectSuggestion(reportId, suggestion.id);
    expect(store.getState().history.undo).toHaveLength(1);

    store.getState().undo();
    expect(serializeReport(selected(store)) === before).toBe(true);
    expect(suggestionsOf(selected(store))).toEqual([suggestion]);
  });

  it('keeps a suggestion turned down through later edits and status changes', async () => {
    const { store, suggestion, reportId } = await slipped();
    store.getState().rejectSuggestion(reportId, suggestion.id);
    store.getState().editCell(total, '16');
    store.getState().setReviewStatus('reviewed');
    expect(selected(store).review.rejectedSuggestions).toEqual([suggestion.id]);
  });

  it('selects the cells a suggestion would change, under its check, until it is taken', async () => {
    const { store, suggestion, reportId } = await slipped();
    store.getState().setTab('issues');
    store.getState().selectSuggestion(suggestion.id);
    expect(store.getState()).toMatchObject({
      selectedCheck: C3,
      selectedSuggestion: suggestion.id,
      selectedCell: natural,
      activeTab: 'requests',
    });
    expect(store.getState().selectedSpan).toEqual(cellOf(selected(store), natural)?.span);
    store.getState().acceptSuggestion(reportId, suggestion.id);
    expect(store.getState()).toMatchObject({ selectedCheck: C3, selectedSuggestion: null });
    store.getState().selectCheck(C3);
    expect(store.getState().selectedSuggestion).toBeNull();
  });
});

describe('import', () => {
  it('restores an exported report exactly: export, clear, import, export is byte-identical', async () => {
    const store = realSetup();
    await store.getState().addFiles([seedFile('a.txt'), seedFile('b.txt')]);
    // b is made different, so that the import cannot get away with one for the other.
    store.getState().selectCell(natural);
    store.getState().editCell(natural, '4');
    store
      .getState()
      .judgeCheck('C3:requests:newReceived', { verdict: 'parse-error', comment: '4？' });
    store.getState().selectReport(store.getState().order[1] ?? '');
    store.getState().setReviewStatus('reviewed');
    const exported = jsonl(store);

    store.getState().clearWorkspace();
    expect(store.getState()).toMatchObject({ order: [], entries: {}, selectedId: null });
    await store.getState().addFiles([new File([exported], 'reports.jsonl')]);
    // Compared as a boolean: a failing diff of two whole reports says nothing a reader can use.
    expect(jsonl(store) === exported).toBe(true);
    const rows = store.getState().order.map((id) => store.getState().entries[id]);
    expect(rows.map((e) => [e?.name, e?.status, e?.note])).toEqual([
      ['a.txt', 'ready', '导入自 reports.jsonl'],
      ['b.txt', 'ready', '导入自 reports.jsonl'],
    ]);
    expect(store.getState().selectedId).toBe(store.getState().order[0]);
  });

  it('replaces a report of the same source, says so, and drops its undo steps', async () => {
    const store = realSetup();
    await store.getState().addFiles([seedFile()]);
    const exported = serializeReport(selected(store));
    store.getState().editCell(natural, '4');
    const [old] = store.getState().order;
    await store.getState().addFiles([new File([exported], '001.report.json')]);
    const { order, entries, selectedId, history } = store.getState();
    expect(order).toHaveLength(1);
    expect(order[0]).not.toBe(old);
    expect(selectedId).toBe(order[0]);
    expect(entries[order[0] ?? '']?.note).toBe('已替换队列中的同一报告（导入自 001.report.json）');
    expect(serializeReport(selected(store)) === exported).toBe(true);
    expect(history.undo).toEqual([]);
  });

  it("gives a file that is not report@1 an error row with the validator's message", async () => {
    const store = realSetup();
    await store
      .getState()
      .addFiles([
        new File(['{"schema":"nianbao/report@1"}'], 'bad.report.json'),
        new File(['not json'], 'broken.json'),
        new File([`${serializeReport(report('x.txt'))}\n{}\n`], 'mixed.jsonl'),
      ]);
    const rows = store.getState().order.map((id) => store.getState().entries[id]);
    expect(rows.map((e) => [e?.name, e?.status])).toEqual([
      ['bad.report.json', 'error'],
      ['broken.json', 'error'],
      ['mixed.jsonl 第 1 行', 'error'],
      ['mixed.jsonl 第 2 行', 'error'],
    ]);
    expect(rows[0]?.error).toMatch(/^不符合 nianbao\/report@1：/);
    expect(rows[1]?.error).toMatch(/^不是有效的 JSON/);
  });
});

describe('many reports', () => {
  async function three(store: Store) {
    await store.getState().addFiles([seedFile('b.txt'), seedFile('a.txt'), seedFile('c.txt')]);
    const [b, a, c] = store.getState().order as [string, string, string];
    return { a, b, c };
  }

  it('filters and sorts the queue, needs-review first', async () => {
    const store = realSetup();
    const { a, b, c } = await three(store);
    await store.getState().addFiles([new File([''], 'empty.txt')]);
    const empty = store.getState().order[3];
    store.getState().selectReport(c);
    store.getState().editCell(natural, '4');
    store.getState().selectReport(a);
    store.getState().setReviewStatus('reviewed');
    const shown = () => visibleOrder(store.getState());
    expect(shown()).toEqual([c, b, a, empty]);
    store.getState().setQueueFilter('todo');
    expect(shown()).toEqual([c, b]);
    store.getState().setQueueFilter('reviewed');
    expect(shown()).toEqual([a]);
    store.getState().setQueueFilter('error');
    expect(shown()).toEqual([empty]);
    store.getState().setQueueFilter('all');
    store.getState().setQueueSort('name');
    expect(shown()).toEqual([a, b, c, empty]);
  });

  it('sorts 需复核优先: failing checks first, then checks that could not run or a table cut short, a file with no report last', async () => {
    const [passing] = report('x').checks as [Report['checks'][number]];
    const issue = (code: string, severity: 'warning' | 'error' = 'warning') => ({
      code,
      severity,
      message: '',
      span: null,
    });
    const results: Record<string, ParseResult> = {
      'clean.txt': { ok: true, report: report('clean.txt') },
      'unsure.txt': {
        ok: true,
        report: report('unsure.txt', { checks: [{ ...passing, status: 'uncertain' }] }),
      },
      'cut.txt': { ok: true, report: report('cut.txt', { issues: [issue('table-incomplete')] }) },
      'readme.txt': {
        ok: true,
        report: report('readme.txt', { checks: [], issues: [issue('no-report-data', 'error')] }),
      },
      'failing.txt': {
        ok: true,
        report: report('failing.txt', { checks: [{ ...passing, status: 'fail' }] }),
      },
    };
    const { store } = setup(results);
    await store.getState().addFiles(files(...Object.keys(results)));
    // Rows stay where they came in while files parse; asked for, the sort takes them in.
    store.getState().setQueueSort('attention');
    const { entries } = store.getState();
    expect(visibleOrder(store.getState()).map((id) => entries[id]?.name)).toEqual([
      'failing.txt',
      'unsure.txt',
      'cut.txt',
      'clean.txt',
      'readme.txt',
    ]);
  });

  it('keeps a report in its place while it is worked on, and sorts it again on moving on', async () => {
    const store = realSetup();
    const { a, b, c } = await three(store);
    expect(visibleOrder(store.getState())).toEqual([b, a, c]);
    store.getState().selectReport(c);
    store.getState().editCell(natural, '4');
    // c now has problems, but stays where the reviewer found it.
    expect(visibleOrder(store.getState())).toEqual([b, a, c]);
    store.getState().selectAdjacentReport(-1);
    expect(store.getState().selectedId).toBe(a);
    expect(visibleOrder(store.getState())).toEqual([c, b, a]);
  });

  it('goes to the next and previous report as the queue shows them', async () => {
    const store = realSetup();
    const { a, b, c } = await three(store);
    store.getState().setQueueSort('name');
    store.getState().selectReport(a);
    store.getState().selectAdjacentReport(1);
    expect(store.getState().selectedId).toBe(b);
    store.getState().selectAdjacentReport(1);
    store.getState().selectAdjacentReport(1);
    expect(store.getState().selectedId).toBe(c);
    store.getState().selectAdjacentReport(-1);
    expect(store.getState().selectedId).toBe(b);
  });

  it('goes to the next problem across reports, skipping judged checks, and round again', async () => {
    const store = realSetup();
    const { a, b, c } = await three(store);
    store.getState().setQueueSort('name');
    // b: one problem (C3 of 一, and C1 of 自然人); c: the same; a: none.
    for (const id of [b, c]) {
      store.getState().selectReport(id);
      store.getState().editCell(natural, '4');
    }
    const problems = selected(store)
      .checks.filter((x) => x.status === 'fail')
      .map((x) => x.id);
    expect(problems.length).toBeGreaterThan(0);
    store.getState().selectReport(a);
    const visits: [string | null, string | null][] = [];
    for (let i = 0; i < problems.length * 2 + 1; i++) {
      store.getState().selectAdjacentProblem(1);
      visits.push([store.getState().selectedId, store.getState().selectedCheck]);
    }
    expect(visits).toEqual([
      ...problems.map((id): [string, string] => [b, id]),
      ...problems.map((id): [string, string] => [c, id]),
      [b, problems[0] ?? null],
    ]);
    expect(store.getState().activeTab).toBe('requests');

    // A judged check is no problem; back from a, the first report, goes round to the last of c.
    store.getState().selectReport(b);
    store.getState().judgeCheck(problems[0] ?? '', { verdict: 'dismissed', comment: null });
    store.getState().selectReport(b);
    store.getState().selectAdjacentProblem(1);
    expect(store.getState().selectedCheck).toBe(problems[1] ?? problems[0]);
    store.getState().selectReport(a);
    store.getState().selectAdjacentProblem(-1);
    expect([store.getState().selectedId, store.getState().selectedCheck]).toEqual([
      c,
      problems[problems.length - 1],
    ]);
  });

  it('says so when there is no problem left', async () => {
    const store = realSetup();
    await store.getState().addFiles([seedFile()]);
    store.getState().selectAdjacentProblem(1);
    expect(store.getState().notice).toBe('没有尚未判定的未通过校验');
  });
});

describe('cancel, time limit and removal', () => {
  const cancelled: ParseResult = { ok: false, error: { code: 'cancelled', message: '已取消' } };

  /** Parses every file at once but `slow.txt`, which answers only when its parse is cancelled. */
  function setupSlow() {
    const signals: AbortSignal[] = [];
    return {
      signals,
      ...setup(
        {},
        {
          parse: (_file, name, signal) => {
            if (name !== 'slow.txt') return Promise.resolve({ ok: true, report: report(name) });
            signals.push(signal);
            return new Promise((resolve) =>
              signal.addEventListener('abort', () => resolve(cancelled)),
            );
          },
        },
      ),
    };
  }

  type Store = ReturnType<typeof setup>['store'];
  const idOf = (store: Store, name: string) =>
    store.getState().order.find((id) => store.getState().entries[id]?.name === name) ?? '';
  /** The id of the file's row, once it has one. */
  async function rowOf(store: Store, name: string): Promise<string> {
    await until(() => idOf(store, name) !== '');
    return idOf(store, name);
  }

  it('cancels a file still parsing: its row says 已取消, and it counts as an error', async () => {
    const { store } = setupSlow();
    const done = store.getState().addFiles(files('a.txt', 'slow.txt'));
    const slow = await rowOf(store, 'slow.txt');
    store.getState().cancelParse(slow);
    await done;
    expect(store.getState().entries[slow]).toMatchObject({
      status: 'error',
      stopped: 'cancelled',
      error: '已取消',
    });
    expect(store.getState().progress).toEqual({ done: 0, total: 0 });
    store.getState().setQueueFilter('error');
    expect(visibleOrder(store.getState())).toEqual([slow]);
  });

  it('marks a file stopped at the time limit apart from one that failed', async () => {
    const { store } = setup({
      'slow.txt': { ok: false, error: { code: 'timeout', message: '解析超时（超过 60 秒）' } },
      'b.txt': notAReport,
    });
    await store.getState().addFiles(files('slow.txt', 'b.txt'));
    const [slow, b] = store.getState().order.map((id) => store.getState().entries[id]);
    expect(slow).toMatchObject({
      status: 'error',
      stopped: 'timeout',
      error: '解析超时（超过 60 秒）',
    });
    expect(b?.status).toBe('error');
    expect(b?.stopped).toBeUndefined();
    store.getState().setQueueFilter('error');
    expect(visibleOrder(store.getState())).toHaveLength(2);
  });

  it('removes a report as one step: the one after it on screen is selected, or before; undo puts it back with its edits, in its place', async () => {
    const { store } = setup({});
    await store.getState().addFiles(files('a.txt', 'b.txt', 'c.txt'));
    const [a, b, c] = store.getState().order as [string, string, string];
    for (const id of [a, b]) {
      store.getState().selectReport(id);
      store.getState().editCell(total, '5');
    }
    const edited = store.getState().entries[b];
    store.getState().removeReport(b);
    let state = store.getState();
    expect(state.order).toEqual([a, c]);
    expect(Object.keys(state.entries)).toEqual([a, c]);
    expect(state.selectedId).toBe(c);
    expect(visibleOrder(state)).toEqual([a, c]);
    expect(state.notice).toBe('已移除 b.txt（Ctrl+Z 撤销）');

    store.getState().undo();
    state = store.getState();
    expect(state.order).toEqual([a, b, c]);
    expect(state.entries[b]).toBe(edited);
    expect(state.selectedId).toBe(b);
    expect(visibleOrder(state)).toEqual([a, b, c]);
    // Its own edit is still there to undo, after the removal.
    store.getState().undo();
    expect(store.getState().entries[b]?.report?.edits).toEqual([]);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().order).toEqual([a, c]);

    store.getState().removeReport(c);
    expect(store.getState().selectedId).toBe(a);
    store.getState().removeReport(a);
    state = store.getState();
    expect(state).toMatchObject({ order: [], entries: {}, selectedId: null, activeTab: null });
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().order).toEqual([a, b, c]);
  });

  it('keeps the selection when another report is removed', async () => {
    const { store } = setup({});
    await store.getState().addFiles(files('a.txt', 'b.txt'));
    const [a, b] = store.getState().order;
    store.getState().selectReport(b ?? '');
    store.getState().selectCell(total);
    store.getState().removeReport(a ?? '');
    expect(store.getState()).toMatchObject({ order: [b], selectedId: b, selectedCell: total });
  });

  it('stops the parse of a file removed while it is parsing', async () => {
    const { store, signals } = setupSlow();
    const done = store.getState().addFiles(files('slow.txt', 'a.txt'));
    store.getState().removeReport(await rowOf(store, 'slow.txt'));
    expect(signals.map((signal) => signal.aborted)).toEqual([true]);
    await done;
    const { order, entries, progress } = store.getState();
    expect(order.map((id) => entries[id]?.name)).toEqual(['a.txt']);
    expect(Object.keys(entries)).toEqual(order);
    expect(progress).toEqual({ done: 0, total: 0 });
  });
});

describe('the queue as a desk', () => {
  /** Parses each file when the test says so, in any order. */
  function setupGated() {
    const gates = new Map<string, () => void>();
    const { store } = setup(
      {},
      {
        parse: (_file, name) =>
          new Promise((resolve) =>
            gates.set(name, () => resolve({ ok: true, report: report(name) })),
          ),
      },
    );
    const finish = async (name: string) => {
      await until(() => gates.has(name));
      gates.get(name)?.();
      await until(() => store.getState().entries[idOf(name)]?.status !== 'parsing');
    };
    const idOf = (name: string) =>
      store.getState().order.find((id) => store.getState().entries[id]?.name === name) ?? '';
    return { store, finish, idOf };
  }

  it('opens the first report of a batch once it is ready, whatever finishes first', async () => {
    const { store, finish, idOf } = setupGated();
    const first = store.getState().addFiles(files('a.txt'));
    await finish('a.txt');
    await first;
    const batch = store.getState().addFiles(files('b.txt', 'c.txt'));
    await until(() => store.getState().order.length === 3);
    await finish('c.txt');
    expect(store.getState().selectedId).toBe(idOf('a.txt'));
    await finish('b.txt');
    await batch;
    expect(store.getState()).toMatchObject({ selectedId: idOf('b.txt'), activeTab: 'requests' });
  });

  it('never takes the reviewer away from a cell being edited, a change made, or a report chosen since', async () => {
    const { store, finish, idOf } = setupGated();
    const first = store.getState().addFiles(files('a.txt', 'b.txt'));
    await finish('a.txt');
    await finish('b.txt');
    await first;
    const a = idOf('a.txt');

    // Editing a cell.
    store.getState().selectCell(total);
    store.getState().startEdit('7');
    void store.getState().addFiles(files('c.txt'));
    await finish('c.txt');
    expect(store.getState()).toMatchObject({ selectedId: a, editing: { ref: total } });
    store.getState().commitEdit('7');

    // A change made after the drop.
    void store.getState().addFiles(files('d.txt'));
    await until(() => idOf('d.txt') !== '');
    store.getState().judgeCheck('C3:requests:newReceived', { verdict: 'dismissed' });
    await finish('d.txt');
    expect(store.getState().selectedId).toBe(a);

    // Another report chosen after the drop.
    void store.getState().addFiles(files('e.txt'));
    await until(() => idOf('e.txt') !== '');
    store.getState().selectReport(idOf('b.txt'));
    await finish('e.txt');
    expect(store.getState().selectedId).toBe(idOf('b.txt'));
  });

  it('keeps the rows where they are while a batch parses, and J/K go by them', async () => {
    const failing = report('x', {
      checks: [{ ...(report('x').checks[0] as Report['checks'][number]), status: 'fail' }],
    });
    const gates = new Map<string, () => void>();
    const { store } = setup(
      {},
      {
        parse: (_file, name) =>
          new Promise((resolve) =>
            gates.set(name, () =>
              resolve({
                ok: true,
                report: name.startsWith('bad')
                  ? { ...failing, source: { ...failing.source, name } }
                  : report(name),
              }),
            ),
          ),
      },
    );
    const names = ['a.txt', 'b.txt', 'bad1.txt', 'c.txt', 'bad2.txt'];
    const batch = store.getState().addFiles(files(...names));
    await until(() => gates.size === 5);
    const shown = () =>
      visibleOrder(store.getState()).map((id) => store.getState().entries[id]?.name);
    for (const name of ['bad2.txt', 'a.txt', 'bad1.txt']) {
      gates.get(name)?.();
      await until(() => store.getState().progress.done > 0 || store.getState().progress.total < 5);
      expect(shown()).toEqual(names);
      expect(store.getState().entries[store.getState().selectedId ?? '']?.name).toBe('a.txt');
    }
    // J and K while files still parse: the next row on screen, and the rows stay.
    store.getState().selectAdjacentReport(1);
    expect(store.getState().entries[store.getState().selectedId ?? '']?.name).toBe('b.txt');
    expect(shown()).toEqual(names);
    store.getState().selectAdjacentReport(-1);
    for (const name of ['b.txt', 'c.txt']) gates.get(name)?.();
    await batch;
    expect(shown()).toEqual(names);
    // Moving on once all are parsed takes in the sort: the failing ones first.
    store.getState().selectAdjacentReport(1);
    expect(shown()).toEqual(['bad1.txt', 'bad2.txt', 'a.txt', 'b.txt', 'c.txt']);
  });

  it('reads no file larger than the parser takes to look for its twin: it goes to the parser, which refuses it', async () => {
    const { store, parsed } = setup({});
    const sized = (name: string, size: number) => {
      const file = new File(['x'], name);
      Object.defineProperty(file, 'size', { value: size });
      return { file, read: vi.spyOn(file, 'arrayBuffer') };
    };
    const text = sized('big.txt', LIMITS.textBytes + 1);
    const pdf = sized('big.pdf', LIMITS.documentBytes + 1);
    await store.getState().addFiles([text.file, pdf.file]);
    expect(text.read).not.toHaveBeenCalled();
    expect(pdf.read).not.toHaveBeenCalled();
    expect(parsed).toEqual(['big.txt', 'big.pdf']);
  });

  it('takes the same bytes once, and says so; another file of the same name is added', async () => {
    const store = realSetup();
    await store.getState().addFiles([new File(['one'], 'r.txt')]);
    await store.getState().addFiles([new File(['one'], 'copy.txt'), new File(['one'], 'r2.txt')]);
    expect(store.getState().order).toHaveLength(1);
    expect(store.getState().notice).toBe('已在队列中：copy.txt、r2.txt');
    // The same bytes twice in one drop: the first is taken.
    await store.getState().addFiles([new File(['two'], 'r.txt'), new File(['two'], 'x.txt')]);
    expect(store.getState().order.map((id) => store.getState().entries[id]?.name)).toEqual([
      'r.txt',
      'r.txt',
    ]);
    expect(store.getState().notice).toBe('已在队列中：x.txt');
  });

  it('knows a parsed report by the sha256 of its source, and the sample twice is one row', async () => {
    const store = realSetup();
    await store.getState().loadSample();
    await store.getState().loadSample();
    expect(store.getState().order).toHaveLength(1);
    expect(store.getState().notice).toBe('已在队列中：sample.txt');
  });

  it('searches the queue by agency, year or file name, case and full width folded', async () => {
    const { store } = setup({
      'Yiyang.TXT': {
        ok: true,
        report: report('Yiyang.TXT', {
          meta: { ...report('x').meta, agency: { value: '益阳市行政审批服务局', span: null } },
        }),
      },
    });
    await store.getState().addFiles(files('Yiyang.TXT', 'other.html'));
    const [yiyang, other] = store.getState().order;
    const search = (words: string) => {
      store.getState().setQueueSearch(words);
      return visibleOrder(store.getState());
    };
    expect(search('益阳')).toEqual([yiyang]);
    expect(search('ＹＩＹＡＮＧ')).toEqual([yiyang]);
    expect(search('２０２２ html')).toEqual([other]);
    expect(search('2022')).toEqual([yiyang, other]);
    expect(search('2021')).toEqual([]);
    expect(search('  ')).toEqual([yiyang, other]);
    // J/K go through what the search shows.
    search('html');
    store.getState().selectReport(yiyang ?? '');
    store.getState().selectAdjacentReport(1);
    expect(store.getState().selectedId).toBe(other);
  });

  it('keeps the keys of one comment as one step to undo', async () => {
    const { store } = setup({});
    await store.getState().addFiles(files('a.txt'));
    const check = 'C3:requests:newReceived';
    store.getState().judgeCheck(check, { verdict: 'source-error' });
    for (const comment of ['原', '原表', '原表如此'])
      store.getState().judgeCheck(check, { comment });
    const checkOf = () =>
      store.getState().entries[store.getState().order[0] ?? '']?.report?.checks[0];
    expect(checkOf()).toMatchObject({ verdict: 'source-error', comment: '原表如此' });
    expect(store.getState().history.undo).toHaveLength(2);
    store.getState().undo();
    expect(checkOf()?.comment).toBeUndefined();
    expect(checkOf()?.verdict).toBe('source-error');
  });

  it('stops the parses still running when the workspace is cleared', async () => {
    const signals: AbortSignal[] = [];
    const { store } = setup(
      {},
      {
        parse: (_file, _name, signal) => {
          signals.push(signal);
          return new Promise((resolve) =>
            signal.addEventListener('abort', () =>
              resolve({ ok: false, error: { code: 'cancelled', message: '已取消' } }),
            ),
          );
        },
      },
    );
    const done = store.getState().addFiles(files('a.txt', 'b.txt'));
    await until(() => signals.length === 2);
    store.getState().clearWorkspace();
    expect(signals.map((signal) => signal.aborted)).toEqual([true, true]);
    await done;
    expect(store.getState()).toMatchObject({
      order: [],
      entries: {},
      progress: { done: 0, total: 0 },
    });
  });
});
