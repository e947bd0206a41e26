import { describe, expect, it } from 'vitest';
import { parseCellText } from './cells';
import { runChecks } from './checks';
import { suggestFixes } from './suggestions';
import { APPEAL_COLUMNS, REQUEST_COLUMNS } from './templates/national';
import type { Cell, Column, Table } from './types';

const cell = (raw: string): Cell => ({ ...parseCellText(raw), span: null, confidence: 'high' });
const table = (id: string, columns: readonly Column[], rows: [string, string][]): Table => ({
  id,
  title: id,
  columns: [...columns],
  rows: rows.map(([key, raws]) => ({
    key,
    label: key,
    cells: Object.fromEntries(
      columns.map((column, i) => [column.key, cell(raws.split(' ')[i] ?? '')]),
    ),
  })),
});
const suggest = (tables: Table[]) => suggestFixes(tables, [], runChecks(tables, []));

describe('suggestFixes', () => {
  it('R6.9 offers to re-cut a row whose digit boundaries slipped (1 20 → 12 0)', () => {
    const requests = table('requests', REQUEST_COLUMNS, [['newReceived', '1 20 0 0 0 3 15']]);
    const [suggestion, ...rest] = suggest([requests]);
    expect(rest).toEqual([]);
    expect(suggestion?.check).toBe('C3:requests:newReceived');
    expect(suggestion?.cells.map((change) => [change.column, change.from, change.to])).toEqual([
      ['naturalPerson', '1', '12'],
      ['commercial', '20', '0'],
    ]);
    expect(suggestion?.fixes).toEqual(['C3:requests:newReceived']);
  });

  it('R6.9 offers nothing when several re-cuts would fix it equally, or none would', () => {
    expect(
      suggest([table('requests', REQUEST_COLUMNS, [['newReceived', '3 3 0 0 0 0 9']])]),
    ).toEqual([]);
    expect(
      suggest([table('requests', REQUEST_COLUMNS, [['newReceived', '5 0 0 0 0 0 1']])]),
    ).toEqual([]);
  });

  it('R6.9 never offers a re-cut that breaks a check that passes', () => {
    // 1 20 → 12 0 fixes C3 but would break C1, which holds as printed.
    const requests = table('requests', REQUEST_COLUMNS, [
      ['newReceived', '1 20 0 0 0 3 15'],
      ['carriedOver', '0 0 0 0 0 0 0'],
      ['totalProcessed', '1 20 0 0 0 3 24'],
      ['carriedForward', '0 0 0 0 0 0 0'],
    ]);
    expect(suggest([requests]).filter((s) => s.check === 'C3:requests:newReceived')).toEqual([]);
  });

  it('R6.9 re-cuts 表四’s printed row of 15 across its groups, offered once', () => {
    const appeals = table('appeals', APPEAL_COLUMNS, [
      ['review', '1 0 2 0 31'],
      ['litigationDirect', '2 0 0 0 12'],
      ['litigationAfterReview', '0 0 0 0 0'],
    ]);
    const suggestions = suggest([appeals]);
    expect(suggestions).toHaveLength(1);
    expect(
      suggestions[0]?.cells.map((change) => `${change.row}/${change.column}:${change.to}`),
    ).toEqual(['review/total:3', 'litigationDirect/maintained:12']);
    expect(suggestions[0]?.fixes).toEqual(['C4:appeals:review', 'C4:appeals:litigationDirect']);
  });
});
