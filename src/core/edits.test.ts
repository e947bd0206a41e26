import { describe, expect, it, vi } from 'vitest';
import {
  applyCellEdit,
  applyVerdict,
  changedCells,
  setReviewStatus,
  typedNotNumber,
} from './edits';
import { serializeReport } from './export/json';
import { parseReportJson } from './export/validate';
import { emptyReport, NEW_RECEIVED, numberCell, requestsTable } from './fixtures/reports';
import type { Check, Report, Table } from './types';

// The real checks are tested on their own; here they are a stand-in whose output depends on the
// edited value, so that a stale re-run would show.
vi.mock('./checks', () => ({
  runChecks: (tables: Table[]): Check[] => {
    const cell = tables[0]?.rows[0]?.cells['total'];
    const ok = cell?.value === 3;
    return [
      {
        id: 'C3:requests:newReceived',
        rule: 'C3',
        status: ok ? 'pass' : 'fail',
        expected: 3,
        actual: cell?.value ?? null,
        cells: [{ table: 'requests', row: 'newReceived', column: 'total' }],
        left: [],
        right: [{ table: 'requests', row: 'newReceived', column: 'total' }],
      },
    ];
  },
}));

function report(): Report {
  return {
    ...emptyReport(),
    meta: { ...emptyReport().meta, template: '2021' },
    tables: [
      requestsTable(
        [
          {
            key: 'newReceived',
            label: NEW_RECEIVED,
            cells: { naturalPerson: numberCell('3', [10, 11]), total: numberCell('8', [12, 13]) },
          },
          {
            key: 'carriedOver',
            label: '二、上年结转政府信息公开申请数量',
            cells: { naturalPerson: numberCell('0'), total: numberCell('0') },
          },
        ],
        '表三',
      ),
      { id: 'appeals', title: '表四', columns: [], rows: [] },
    ],
  };
}

const total = { table: 'requests', row: 'newReceived', column: 'total' };

describe('applyCellEdit', () => {
  it.each(['toString', 'constructor', '__proto__'])(
    'R9.10 a column named %s that the row lacks is no cell',
    (column) => {
      expect(() => applyCellEdit(report(), { ...total, column }, '1', 'x')).toThrow(RangeError);
    },
  );

  it('sets value, raw and kind from the typed text and keeps the span', () => {
    const after = applyCellEdit(report(), total, '3', '2024-01-01T00:00:00.000Z');
    const edited = after.tables[0]?.rows[0]?.cells['total'];
    expect(edited).toMatchObject({ value: 3, raw: '3', kind: 'number', span: [12, 13] });
    expect(
      applyCellEdit(report(), total, '/', 'x').tables[0]?.rows[0]?.cells['total'],
    ).toMatchObject({ value: null, raw: '/', kind: 'na' });
    expect(
      applyCellEdit(report(), total, '', 'x').tables[0]?.rows[0]?.cells['total'],
    ).toMatchObject({ value: null, raw: '', kind: 'blank' });
  });

  it("records the parser's reading once, and every change in the audit trail", () => {
    const once = applyCellEdit(report(), total, '3', 't1');
    const twice = applyCellEdit(once, total, '5', 't2');
    expect(twice.tables[0]?.rows[0]?.cells['total']?.original).toEqual({ value: 8, raw: '8' });
    expect(twice.edits).toEqual([
      { at: 't1', ...total, from: { value: 8, raw: '8' }, to: { value: 3, raw: '3' } },
      { at: 't2', ...total, from: { value: 3, raw: '3' }, to: { value: 5, raw: '5' } },
    ]);
  });

  it('R16.1 typed text is read as a printed cell: full-width digits are a number, words are flagged', () => {
    const wide = applyCellEdit(report(), total, '１２', 't1').tables[0]?.rows[0]?.cells['total'];
    expect(wide).toMatchObject({ value: 12, raw: '１２', kind: 'number' });
    expect(wide && typedNotNumber(wide)).toBe(false);

    const words = applyCellEdit(report(), total, 'abc', 't1').tables[0]?.rows[0]?.cells['total'];
    expect(words).toMatchObject({ value: null, raw: 'abc', kind: 'text' });
    expect(words && typedNotNumber(words)).toBe(true);
    // Words the parser read are its own issue (R4.7); words typed over them are no new slip.
    const parsedWords = { ...numberCell('0'), value: null, raw: '件', kind: 'text' as const };
    expect(typedNotNumber(parsedWords)).toBe(false);
    expect(
      typedNotNumber({ ...parsedWords, raw: '条', original: { value: null, raw: '件' } }),
    ).toBe(false);
    expect(typedNotNumber(numberCell('3'))).toBe(false);
  });

  it("R16.2 text typed back to the parser's reading restores it and drops the original mark", () => {
    const changed = applyCellEdit(applyCellEdit(report(), total, '3', 't1'), total, '5', 't2');
    const back = applyCellEdit(changed, total, '8', 't3');
    const cell = back.tables[0]?.rows[0]?.cells['total'];
    expect(cell).toEqual(report().tables[0]?.rows[0]?.cells['total']);
    expect(cell && 'original' in cell).toBe(false);
    expect(back.edits.map((e) => [e.from.raw, e.to.raw])).toEqual([
      ['8', '3'],
      ['3', '5'],
      ['5', '8'],
    ]);
    // A cell printed with padding comes back with it: its raw is still the text under its span.
    const padded = report();
    const row = padded.tables[0]?.rows[0];
    if (row) row.cells['total'] = numberCell(' 8 ', [12, 15]);
    const restored = applyCellEdit(applyCellEdit(padded, total, '9', 't1'), total, '8', 't2');
    expect(restored.tables[0]?.rows[0]?.cells['total']).toEqual(numberCell(' 8 ', [12, 15]));
    expect(applyCellEdit(padded, total, '8', 't1')).toBe(padded);
  });

  it('R16.3 the cells changed are those that differ from the reading, not the edits made', () => {
    expect(changedCells(report())).toBe(0);
    const twice = applyCellEdit(applyCellEdit(report(), total, '3', 't1'), total, '5', 't2');
    expect(changedCells(twice)).toBe(1);
    const natural = { ...total, column: 'naturalPerson' };
    const two = applyCellEdit(twice, natural, '4', 't3');
    expect(changedCells(two)).toBe(2);
    expect(changedCells(applyCellEdit(two, total, '8', 't4'))).toBe(1);
  });

  it('R16.4 a cell edited back exports without its mark and reads back byte for byte', () => {
    const at = '2026-12-04T21:00:00.000Z';
    const back = applyCellEdit(applyCellEdit(report(), total, '9', at), total, '8', at);
    const exported = serializeReport(back);
    expect(exported).not.toContain('"original"');
    const imported = parseReportJson(exported);
    if (!imported.ok) throw new Error(imported.error);
    expect(serializeReport(imported.report)).toBe(exported);
    expect(imported.report.edits).toHaveLength(2);
  });

  it('re-runs the checks on the edited tables and keeps verdicts by check id', () => {
    const parsed = report();
    const failing = applyCellEdit(parsed, total, '9', 't1');
    expect(failing.checks[0]?.status).toBe('fail');
    const judged: Report = {
      ...failing,
      checks: failing.checks.map((c) => ({ ...c, verdict: 'source-error', comment: '原表有误' })),
    };
    const fixed = applyCellEdit(judged, total, '3', 't2');
    expect(fixed.checks[0]).toMatchObject({
      status: 'pass',
      verdict: 'source-error',
      comment: '原表有误',
    });
  });

  it('marks the review as started', () => {
    const after = applyCellEdit(report(), total, '3', 't1');
    expect(after.review).toEqual({ status: 'in-progress', updatedAt: 't1' });
    const reviewed = { ...after, review: { status: 'reviewed' as const, updatedAt: 't1' } };
    expect(applyCellEdit(reviewed, total, '4', 't2').review).toEqual({
      status: 'reviewed',
      updatedAt: 't2',
    });
  });

  it('leaves the input untouched and shares what did not change', () => {
    const before = report();
    const snapshot = structuredClone(before);
    const after = applyCellEdit(before, total, '3', 't1');
    expect(before).toEqual(snapshot);
    expect(after.tables[1]).toBe(before.tables[1]);
    expect(after.tables[0]?.rows[1]).toBe(before.tables[0]?.rows[1]);
    expect(after.tables[0]?.rows[0]?.cells['naturalPerson']).toBe(
      before.tables[0]?.rows[0]?.cells['naturalPerson'],
    );
  });

  it('is not an edit when the text is the same', () => {
    const before = report();
    expect(applyCellEdit(before, total, '8', 't1')).toBe(before);
  });

  it('refuses a cell the report does not have', () => {
    expect(() =>
      applyCellEdit(report(), { table: 'requests', row: 'nope', column: 'total' }, '1', 't'),
    ).toThrow(RangeError);
  });
});

describe('applyVerdict', () => {
  const failing = () => applyCellEdit(report(), total, '9', 't1');
  const id = 'C3:requests:newReceived';

  it('puts the verdict and comment on the check and starts the review', () => {
    const parsed = { ...failing(), review: { status: 'unreviewed' as const, updatedAt: null } };
    const judged = applyVerdict(parsed, id, { verdict: 'parse-error', comment: '9 应为 8' }, 't2');
    expect(judged.checks[0]).toMatchObject({ verdict: 'parse-error', comment: '9 应为 8' });
    expect(judged.review).toEqual({ status: 'in-progress', updatedAt: 't2' });
    expect(parsed.checks[0]?.verdict).toBeUndefined();
  });

  it('removes the keys of a cleared verdict or an empty comment', () => {
    const judged = applyVerdict(failing(), id, { verdict: 'dismissed', comment: '备注' }, 't2');
    const cleared = applyVerdict(judged, id, { verdict: null, comment: '' }, 't3');
    expect(Object.keys(cleared.checks[0] ?? {})).not.toContain('verdict');
    expect(Object.keys(cleared.checks[0] ?? {})).not.toContain('comment');
    const commentOnly = applyVerdict(judged, id, { verdict: null, comment: '备注' }, 't3');
    expect(commentOnly.checks[0]).toMatchObject({ comment: '备注' });
    expect(commentOnly.checks[0]?.verdict).toBeUndefined();
  });

  it('is no change when the check already carries that judgement', () => {
    const judged = applyVerdict(failing(), id, { verdict: 'source-error', comment: null }, 't2');
    expect(applyVerdict(judged, id, { verdict: 'source-error', comment: '' }, 't3')).toBe(judged);
    const plain = failing();
    expect(applyVerdict(plain, id, { verdict: null, comment: null }, 't3')).toBe(plain);
  });

  it('keeps the verdict through later edits, as every verdict is kept by check id', () => {
    const judged = applyVerdict(failing(), id, { verdict: 'source-error', comment: '原表' }, 't2');
    const edited = applyCellEdit(judged, total, '3', 't3');
    expect(edited.checks[0]).toMatchObject({ status: 'pass', verdict: 'source-error' });
  });

  it('refuses a check the report does not have', () => {
    expect(() =>
      applyVerdict(report(), 'C9:x', { verdict: 'dismissed', comment: null }, 't'),
    ).toThrow(RangeError);
  });
});

describe('setReviewStatus', () => {
  it('sets the status with the time, and is no change when it is the same', () => {
    const reviewed = setReviewStatus(report(), 'reviewed', 't1');
    expect(reviewed.review).toEqual({ status: 'reviewed', updatedAt: 't1' });
    expect(setReviewStatus(reviewed, 'reviewed', 't2')).toBe(reviewed);
    expect(setReviewStatus(reviewed, 'in-progress', 't2').review).toEqual({
      status: 'in-progress',
      updatedAt: 't2',
    });
  });
});
