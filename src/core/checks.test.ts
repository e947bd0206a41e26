import { describe, expect, it } from 'vitest';
import { parseCellText } from './cells';
import { allChecksPassed, runChecks, tallyChecks } from './checks';
import { readdirSync, readFileSync } from 'node:fs';
import { EQUATIONS, ROW_RULES } from './templates/equations';
import { APPEAL_COLUMNS, REQUEST_COLUMNS, TEMPLATES } from './templates/national';
import { rowEquation } from './templates/tableParts';
import type { Cell, Fact, Table } from './types';

const cell = (raw: string): Cell => ({ ...parseCellText(raw), span: null, confidence: 'high' });
const requestRow = (key: string, raws: string) => {
  const values = raws.split(' ');
  return {
    key,
    label: key,
    cells: Object.fromEntries(
      REQUEST_COLUMNS.map((column, i) => [column.key, cell(values[i] ?? '')]),
    ),
  };
};
const requests = (rows: [string, string][]): Table => ({
  id: 'requests',
  title: '',
  columns: [...REQUEST_COLUMNS],
  rows: rows.map(([key, raws]) => requestRow(key, raws)),
});
const byId = (table: Table, id: string) => runChecks([table], []).find((check) => check.id === id);

const consistent: [string, string][] = [
  ['newReceived', '3 0 0 0 0 0 3'],
  ['carriedOver', '1 0 0 0 0 0 1'],
  ['granted', '2 0 0 0 0 0 2'],
  ['unable.noInfo', '1 0 0 0 0 0 1'],
  ['totalProcessed', '3 0 0 0 0 0 3'],
  ['carriedForward', '1 0 0 0 0 0 1'],
];

describe('runChecks', () => {
  it('R6.1 C1: 一 + 二 = （七） + 四 for each column, with stable ids and both sides', () => {
    const check = byId(requests(consistent), 'C1:requests:naturalPerson');
    expect(check).toMatchObject({ rule: 'C1', status: 'pass', expected: 4, actual: 4 });
    expect(check?.left.map((ref) => ref.row)).toEqual(['newReceived', 'carriedOver']);
    expect(check?.right.map((ref) => ref.row)).toEqual(['totalProcessed', 'carriedForward']);
  });

  it('R6.2 C2: （七）总计 is the sum of the outcome rows, never of group labels', () => {
    const rows = consistent.map(([key, raws]): [string, string] =>
      key === 'granted' ? [key, '1 0 0 0 0 0 1'] : [key, raws],
    );
    const check = byId(requests(rows), 'C2:requests:naturalPerson');
    expect(check).toMatchObject({ status: 'fail', expected: 2, actual: 3 });
    expect(check?.left.map((ref) => ref.row)).toEqual(['granted', 'unable.noInfo']);
  });

  it('R6.3 C3: 总计 is the sum of the six applicant columns, per row', () => {
    const check = byId(requests([['newReceived', '3 1 0 0 0 0 3']]), 'C3:requests:newReceived');
    expect(check).toMatchObject({ status: 'fail', expected: 4, actual: 3 });
  });

  it('R6.4 C4: each 表四 group total is the sum of its four results', () => {
    const row = (key: string, raws: string) => {
      const [maintained, corrected, other, pending, total] = raws.split(' ').map(cell);
      return {
        key,
        label: key,
        cells: { maintained, corrected, other, pending, total },
      } as Table['rows'][number];
    };
    const appeals: Table = {
      id: 'appeals',
      title: '',
      columns: [],
      rows: [row('review', '10 1 0 0 0'), row('litigationDirect', '0 0 0 0 0')],
    };
    const checks = runChecks([appeals], []);
    expect(checks.map((check) => [check.id, check.status])).toEqual([
      ['C4:appeals:review', 'fail'],
      ['C4:appeals:litigationDirect', 'pass'],
    ]);
  });

  it('R6.5 a blank, na or text operand makes a check uncertain, not failed', () => {
    for (const raw of ['', '/', '见附件']) {
      const check = byId(
        requests([['newReceived', `3 ${raw} 0 0 0 0 3`]]),
        'C3:requests:newReceived',
      );
      expect(check).toMatchObject({ status: 'uncertain', expected: null, actual: 3 });
    }
  });

  it('R6.6 decimals compare with tolerance 0 up to floating-point rounding', () => {
    const check = byId(
      requests([['newReceived', '0.1 0.2 0 0 0 0 0.3']]),
      'C3:requests:newReceived',
    );
    expect(check?.status).toBe('pass');
  });

  it('R6.7 a check never changes a cell', () => {
    const table = requests([['newReceived', '3 1 0 0 0 0 3']]);
    const before = JSON.stringify(table);
    runChecks([table], []);
    expect(JSON.stringify(table)).toBe(before);
  });

  it('R6.8 T1 compares a figure stated in prose with the table total it names', () => {
    const fact = (key: string, value: number, extra: Partial<Fact> = {}): Fact => ({
      key,
      value,
      unit: '件',
      approximate: false,
      cumulative: false,
      span: [10, 12],
      sentence: [0, 20],
      ...extra,
    });
    const table = requests([['newReceived', '3 0 0 0 0 0 3']]);
    const [pass] = runChecks([table], [fact('requestsReceived', 3)]).filter((c) => c.rule === 'T1');
    expect(pass).toMatchObject({
      id: 'T1:requestsReceived',
      status: 'pass',
      expected: 3,
      actual: 3,
    });
    expect(pass?.fact).toEqual({ key: 'requestsReceived', value: 3, span: [10, 12] });
    const [fail] = runChecks([table], [fact('requestsReceived', 5)]).filter((c) => c.rule === 'T1');
    expect(fail?.status).toBe('fail');
    const cumulative = [fact('requestsReceived', 9, { cumulative: true })];
    expect(runChecks([table], cumulative).some((c) => c.rule === 'T1')).toBe(false);
    expect(runChecks([], [fact('requestsReceived', 3)]).some((c) => c.rule === 'T1')).toBe(false);
  });

  it('R6.11 the tally counts checks that could not run apart, never as passed', () => {
    const table = requests([
      ['newReceived', '3 0 0 0 0 0 3'],
      ['carriedOver', '1 0 0 0 0 0 2'],
      ['totalProcessed', '3 0  0 0 0 3'],
    ]);
    const checks = runChecks([table], []);
    const tally = tallyChecks({ checks, issues: [] });
    expect(tally).toMatchObject({
      total: checks.length,
      failing: 1,
      openFailing: 1,
      incomplete: false,
      noData: false,
    });
    // C1 lacks its 四 row in every column; C3 of （七） has a blank operand.
    expect(tally.uncertain).toBe(checks.filter((c) => c.status === 'uncertain').length);
    expect(tally.uncertain).toBeGreaterThan(7);
    expect(allChecksPassed(tally)).toBe(false);
    const judged = checks.map((check) => ({ ...check, verdict: 'dismissed' as const }));
    expect(tallyChecks({ checks: judged, issues: [] })).toMatchObject({
      openFailing: 0,
      openUncertain: 0,
    });
  });

  it('R6.11 all passed needs at least one check, all passing, and no table cut short', () => {
    const checks = runChecks([requests(consistent)], []);
    expect(checks.every((check) => check.status === 'pass')).toBe(true);
    expect(allChecksPassed(tallyChecks({ checks, issues: [] }))).toBe(true);
    const cut = { code: 'table-incomplete', severity: 'warning' as const, message: '', span: null };
    expect(allChecksPassed(tallyChecks({ checks, issues: [cut] }))).toBe(false);
    expect(allChecksPassed(tallyChecks({ checks: [], issues: [] }))).toBe(false);
  });
});

describe('one list of equations', () => {
  const withAppeals: Table = {
    id: 'appeals',
    title: '',
    columns: [...APPEAL_COLUMNS],
    rows: [
      {
        key: 'review',
        label: '行政复议',
        cells: Object.fromEntries(APPEAL_COLUMNS.map((column) => [column.key, cell('0')])),
      },
    ],
  };

  it('R6.0 every check of the tables comes from an entry of EQUATIONS, and every entry gives checks', () => {
    const rules = new Set(runChecks([requests(consistent), withAppeals], []).map((c) => c.rule));
    expect([...rules].sort()).toEqual([...new Set(EQUATIONS.map((e) => e.rule))].sort());
  });

  it('R6.0 placement and split-digit suggestions use the same entries', () => {
    const [table2021] = TEMPLATES;
    const def = (id: string) => table2021?.tables.find((table) => table.id === id);
    const requestsDef = def('requests');
    if (!requestsDef) throw new Error('no 表三');
    const c3 = rowEquation(requestsDef);
    expect(c3?.([1, 2, 0, 0, 0, 0, 3])).toBe(true);
    expect(c3?.([1, 2, 0, 0, 0, 0, 4])).toBe(false);
    expect(rowEquation(def('active') ?? requestsDef)).toBeUndefined();
    expect([...ROW_RULES].sort()).toEqual(
      EQUATIONS.filter((e) => e.within === 'row')
        .map((e) => e.rule)
        .sort(),
    );
  });

  it('R6.0 no table behaviour is chosen by testing a table id', () => {
    const dir = new URL('./', import.meta.url);
    const files = ['checks.ts', 'suggestions.ts', 'report.ts', 'confidence.ts'].concat(
      readdirSync(new URL('templates/', dir))
        .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
        .map((name) => `templates/${name}`),
    );
    const idTests = files.flatMap((file) =>
      readFileSync(new URL(file, dir), 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /\bid\s*[!=]==\s*'(active|requests|appeals|stats)'/.test(line)
            ? [`${file}:${i + 1}`]
            : [],
        ),
    );
    expect(idTests).toEqual([]);
  });
});
