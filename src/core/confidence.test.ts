import { describe, expect, it } from 'vitest';
import { confirmGuessedCells } from './confidence';
import { emptyReport, numberCell, requestsTable } from './fixtures/reports';
import type { Check, Report } from './types';

const check = (id: string, status: Check['status'], rows: string[]): Check => ({
  id,
  rule: id.slice(0, 2),
  status,
  expected: null,
  actual: null,
  cells: rows.map((row) => ({ table: 'requests', row, column: 'total' })),
  left: [],
  right: [],
});

function report(): Report {
  const row = (key: string, at: number) => ({
    key,
    label: key,
    cells: {
      naturalPerson: numberCell('1', [at, at + 1]),
      total: numberCell('1', [at + 2, at + 3]),
    },
  });
  return {
    ...emptyReport(),
    tables: [requestsTable([row('newReceived', 10), row('carriedOver', 20), row('granted', 30)])],
    checks: [check('C1', 'pass', ['newReceived']), check('C2', 'fail', ['carriedOver'])],
  };
}

const confidence = (result: Report) =>
  result.tables[0]?.rows.map((row) => [
    row.cells.naturalPerson?.confidence,
    row.cells.total?.confidence,
  ]);

describe('confirmGuessedCells', () => {
  it('R12.22 in a table read by guesswork, only cells every check of which passed stay high', () => {
    expect(confidence(confirmGuessedCells(report(), [[0, 100]]))).toEqual([
      ['low', 'high'],
      ['low', 'low'],
      ['low', 'low'],
    ]);
  });

  it('R12.22 a table with no cell in a guessed region keeps its confidence', () => {
    const before = report();
    expect(confirmGuessedCells(before, [[200, 300]])).toEqual(before);
    expect(confirmGuessedCells(before, [])).toBe(before);
    expect(confidence(confirmGuessedCells(before, [[200, 300]]))).toEqual([
      ['high', 'high'],
      ['high', 'high'],
      ['high', 'high'],
    ]);
  });
});
