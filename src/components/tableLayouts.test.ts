import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReport, type Report, type Table } from '../core';
import { moveInGrid } from './gridNav';
import {
  activeBlocks,
  appealsHeader,
  gridMap,
  leavesOf,
  requestsHeader,
  printedRow,
  requestsRowHeaders,
  rowName,
  SHOWN_COLUMNS,
  SHOWN_ROWS,
  shownPart,
  type HeaderNode,
} from './tableLayouts';

async function seed(file: string): Promise<Report> {
  const bytes = readFileSync(new URL(`../core/fixtures/seeds/${file}`, import.meta.url));
  const result = await parseReport(new Uint8Array(bytes), file);
  if (!result.ok) throw new Error(result.error.message);
  return result.report;
}

function table(report: Report, id: string): Table {
  const found = report.tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
}

function shape(nodes: HeaderNode[]): unknown[] {
  return nodes.map((n) => (n.kind === 'leaf' ? n.leaf.id : { [n.label]: shape(n.children) }));
}

let y2021: Report;
let y2019: Report;

beforeAll(async () => {
  y2021 = await seed('001_b7938c474e787140.txt');
  y2019 = await seed('003_aaaddea679991605.txt');
});

describe('表二 blocks', () => {
  it('groups the 2021 rows under their items of 第二十条, each with its own columns', () => {
    const blocks = activeBlocks(table(y2021, 'active'));
    expect(
      blocks.map((b) => [b.caption, b.rows.map((r) => r.key), b.columns.map((c) => c.key)]),
    ).toEqual([
      ['第二十条第（一）项', ['regulations', 'normativeDocuments'], ['made', 'repealed', 'valid']],
      ['第二十条第（五）项', ['licensing'], ['decisions']],
      ['第二十条第（六）项', ['punishment', 'coercion'], ['decisions']],
      ['第二十条第（八）项', ['fees'], ['amount']],
    ]);
  });

  it('adds the 2019 procurement block and the columns of 2019', () => {
    const blocks = activeBlocks(table(y2019, 'active'));
    expect(blocks.map((b) => b.columns.map((c) => c.key))).toEqual([
      ['newlyMade', 'newlyPublished', 'totalPublished'],
      ['previousCount', 'change', 'decisions'],
      ['previousCount', 'change', 'decisions'],
      ['previousCount', 'change'],
      ['items', 'amount'],
    ]);
  });

  it('keeps a row the form does not know, in a block of its own', () => {
    const base = table(y2021, 'active');
    const made = base.rows[0]?.cells['made'];
    if (!made) throw new Error('seed 001 has 规章 本年制发件数');
    const extra = { key: 'x.extra', label: '其他事项', cells: { made } };
    const blocks = activeBlocks({ ...base, rows: [...base.rows, extra] });
    expect(blocks.at(-1)).toMatchObject({ caption: '其他事项', rows: [extra] });
  });
});

describe('a table too big to lay out', () => {
  it('is cut to its first rows and columns; a table within bounds is kept as it is', () => {
    const base = table(y2021, 'active');
    expect(shownPart(base)).toBe(base);
    const row = base.rows[0];
    if (!row) throw new Error('seed 001 has 表二 rows');
    const rows = Array.from({ length: 150_000 }, (_, i) => ({ ...row, key: `x.${i}` }));
    const columns = Array.from({ length: 1000 }, (_, i) => ({ key: `c${i}`, label: `${i}` }));
    const cut = shownPart({ ...base, rows, columns });
    expect(cut.rows.map((r) => r.key)).toEqual(rows.slice(0, SHOWN_ROWS).map((r) => r.key));
    expect(cut.columns).toHaveLength(SHOWN_COLUMNS);
  });

  it('lays out 150,000 rows without spreading them into one call (the stack overflowed)', () => {
    const base = table(y2021, 'active');
    const row = base.rows[0];
    if (!row) throw new Error('seed 001 has 表二 rows');
    const rows = Array.from({ length: 150_000 }, (_, i) => ({ ...row, key: `x.${i}` }));
    expect(requestsRowHeaders(rows)).toHaveLength(150_000);
  });

  it('gives a column named toString no cell, in a block, a grid and a printed row', () => {
    const base = table(y2021, 'active');
    const columns = [...base.columns, { key: 'toString', label: 'toString' }];
    const blocks = activeBlocks({ ...base, columns });
    expect(blocks.flatMap((b) => b.columns.map((c) => c.key))).not.toContain('toString');
    const first = base.rows[0]?.key ?? '';
    const leaf = { id: 'toString', label: '', row: null, column: 'toString' };
    const byKey = new Map(base.rows.map((r) => [r.key, r]));
    expect(gridMap('active', base.rows, [leaf], byKey).flat()).toEqual(base.rows.map(() => null));
    expect(printedRow([{ ...leaf, id: `${first}/toString`, row: first }], byKey).cells).toEqual({});
  });
});

describe('表三 layout', () => {
  it('prints 申请人情况 over 自然人 · 法人或其他组织 (five kinds) · 总计', () => {
    expect(shape(requestsHeader(table(y2021, 'requests').columns))).toEqual([
      {
        申请人情况: [
          'naturalPerson',
          { 法人或其他组织: ['commercial', 'research', 'social', 'legal', 'otherOrg'] },
          'total',
        ],
      },
    ]);
  });

  it('spans the group labels over their rows, as printed (2021)', () => {
    const rows = table(y2021, 'requests').rows;
    const headers = requestsRowHeaders(rows);
    const at = (key: string) => headers[rows.findIndex((r) => r.key === key)];
    expect(at('newReceived')).toEqual([
      { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', rowSpan: 1, colSpan: 3 },
    ]);
    expect(at('granted')).toEqual([
      { key: 'results', label: '三、本年度办理结果', rowSpan: 22, colSpan: 1 },
      { key: 'granted', label: '(一)予以公开', rowSpan: 1, colSpan: 2 },
    ]);
    expect(at('denied.stateSecret')).toEqual([
      { key: 'denied', label: '（三）不予公开', rowSpan: 8, colSpan: 1 },
      { key: 'denied.stateSecret', label: '1.属于国家秘密', rowSpan: 1, colSpan: 1 },
    ]);
    expect(at('denied.lawForbidden')).toEqual([
      { key: 'denied.lawForbidden', label: '2.其他法律行政法规禁止公开', rowSpan: 1, colSpan: 1 },
    ]);
    expect(at('other.overdueCorrection')?.[0]).toMatchObject({ key: 'other', rowSpan: 3 });
    expect(at('totalProcessed')).toEqual([
      { key: 'totalProcessed', label: '(七)总计', rowSpan: 1, colSpan: 2 },
    ]);
    expect(at('carriedForward')?.[0]).toMatchObject({ colSpan: 3 });
  });

  it('prints the 2019 （六）其他处理 as one row under 三', () => {
    const rows = table(y2019, 'requests').rows;
    const headers = requestsRowHeaders(rows);
    expect(headers[rows.findIndex((r) => r.key === 'other')]).toEqual([
      { key: 'other', label: '(六)其他处理', rowSpan: 1, colSpan: 2 },
    ]);
  });

  it('strips the group prefix the schema labels repeat', () => {
    const row = { key: 'denied.stateSecret', label: '三（三）1.属于国家秘密', cells: {} };
    expect(requestsRowHeaders([row])[0]?.at(-1)?.label).toBe('1.属于国家秘密');
  });

  it('names rows the way the form’s notes do', () => {
    const rows = table(y2021, 'requests').rows;
    const name = (key: string) => {
      const row = rows.find((r) => r.key === key);
      return row ? rowName('requests', row) : `no row ${key}`;
    };
    expect(['newReceived', 'carriedOver', 'totalProcessed', 'carriedForward'].map(name)).toEqual([
      '一',
      '二',
      '(七)',
      '四',
    ]);
    expect(name('denied.stateSecret')).toBe('（三）1');
    expect(name('unable.unclear')).toBe('（四）3');
  });
});

describe('表四 layout', () => {
  it('prints the three rows side by side under 行政复议 | 行政诉讼', () => {
    const header = appealsHeader(table(y2021, 'appeals'));
    const five = (row: string) =>
      ['maintained', 'corrected', 'other', 'pending', 'total'].map((c) => `${row}/${c}`);
    expect(shape(header)).toEqual([
      { 行政复议: five('review') },
      {
        行政诉讼: [
          { 未经复议直接起诉: five('litigationDirect') },
          { 复议后起诉: five('litigationAfterReview') },
        ],
      },
    ]);
  });
});

describe('grid navigation', () => {
  it('moves over the printed grid, and Tab runs on into the next row', () => {
    const t = table(y2021, 'active');
    const byKey = new Map(t.rows.map((r) => [r.key, r]));
    const map = activeBlocks(t).flatMap((b) =>
      gridMap(
        'active',
        b.rows,
        leavesOf(
          b.columns.map((c) => ({
            kind: 'leaf',
            leaf: { id: c.key, label: c.label, row: null, column: c.key },
          })),
        ),
        byKey,
      ),
    );
    const at = (row: string, column: string) => ({ table: 'active', row, column });
    expect(moveInGrid(map, null, 'down')).toEqual(at('regulations', 'made'));
    expect(moveInGrid(map, at('regulations', 'made'), 'right')).toEqual(
      at('regulations', 'repealed'),
    );
    expect(moveInGrid(map, at('regulations', 'valid'), 'right')).toBeNull();
    expect(moveInGrid(map, at('regulations', 'valid'), 'next')).toEqual(
      at('normativeDocuments', 'made'),
    );
    expect(moveInGrid(map, at('normativeDocuments', 'made'), 'previous')).toEqual(
      at('regulations', 'valid'),
    );
    // From the third column of the first block down into the one-column block below.
    expect(moveInGrid(map, at('normativeDocuments', 'valid'), 'down')).toEqual(
      at('licensing', 'decisions'),
    );
    expect(moveInGrid(map, at('regulations', 'made'), 'up')).toBeNull();
    expect(moveInGrid(map, at('fees', 'amount'), 'next')).toBeNull();
  });

  it('moves along the one printed row of 表四', () => {
    const t = table(y2021, 'appeals');
    const byKey = new Map(t.rows.map((r) => [r.key, r]));
    const leaves = leavesOf(appealsHeader(t));
    const map = gridMap('appeals', [printedRow(leaves, byKey)], leaves, byKey);
    expect(map[0]).toHaveLength(15);
    expect(moveInGrid(map, { table: 'appeals', row: 'review', column: 'total' }, 'right')).toEqual({
      table: 'appeals',
      row: 'litigationDirect',
      column: 'maintained',
    });
  });
});
