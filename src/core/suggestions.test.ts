import { describe, expect, it } from 'vitest';
import { parseCellText } from './cells';
import { runChecks } from './checks';
import { parseReport } from './report';
import { acceptSuggestion, openSuggestions, rejectSuggestion, suggestFixes } from './suggestions';
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
const suggest = (tables: Table[]) => suggestFixes(tables, runChecks(tables, []));

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

  it('R6.10 accepting applies the cells as reviewer edits; rejecting records the id and hides it', async () => {
    const slipped = [
      '某区人民政府2022年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '本年制发件数 |',
      '一、本年新收政府信息公开申请数量 | 1 | 20 | 0 | 0 | 0 | 3 | 15 | ||',
    ].join('\n');
    const parsed = await parseReport(new TextEncoder().encode(slipped), 'slipped.txt');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const [suggestion] = openSuggestions(parsed.report);
    expect(suggestion?.cells.map((cell) => [cell.column, cell.from, cell.to])).toEqual([
      ['naturalPerson', '1', '12'],
      ['commercial', '20', '0'],
    ]);
    if (!suggestion) return;
    const accepted = acceptSuggestion(parsed.report, suggestion, '2026-12-01T00:00:00.000Z');
    expect(accepted.edits).toHaveLength(2);
    expect(accepted.checks.find((check) => check.id === suggestion.check)?.status).toBe('pass');
    expect(openSuggestions(accepted)).toEqual([]);
    const rejected = rejectSuggestion(parsed.report, suggestion.id, '2026-12-01T00:00:00.000Z');
    expect(rejected.review.rejectedSuggestions).toEqual([suggestion.id]);
    expect(openSuggestions(rejected)).toEqual([]);
    expect(rejected.tables).toBe(parsed.report.tables);
  });
});
