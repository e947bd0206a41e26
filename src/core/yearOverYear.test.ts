import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyCellEdit } from './edits';
import { parseReport } from './index';
import type { Report } from './types';
import { sameAgency, yearOverYear, type YearCheck } from './yearOverYear';

const AT = '2024-05-01T00:00:00.000Z';

async function parsed(path: string): Promise<Report> {
  const bytes = readFileSync(new URL(`fixtures/${path}`, import.meta.url));
  const result = await parseReport(new Uint8Array(bytes), path.split('/').pop() ?? path);
  if (!result.ok) throw new Error(result.error.message);
  return result.report;
}

// The 2021-form seed (益阳, 2022), moved to another agency and year.
async function seed(agency: string, year: number): Promise<Report> {
  const report = await parsed('seeds/001_b7938c474e787140.txt');
  return {
    ...report,
    meta: {
      ...report.meta,
      agency: { value: agency, span: null },
      year: { value: year, span: null },
    },
  };
}

function edit(report: Report, table: string, row: string, column: string, raw: string): Report {
  return applyCellEdit(report, { table, row, column }, raw, AT);
}

const byId = (checks: YearCheck[], id: string) => checks.find((c) => c.id === id);

describe('yearOverYear', () => {
  it('R15.1 pairs one agency for consecutive years only, by folded name and places above it', async () => {
    const checks = yearOverYear([
      { id: 'a', report: await seed('洪泽区人民政府', 2023) },
      { id: 'b', report: await seed('淮安市洪泽区 人民政府', 2024) },
      { id: 'c', report: await seed('洪泽区人民政府', 2026) },
      { id: 'd', report: await seed('泗洪县人民政府', 2024) },
    ]);
    const pairs = new Set(checks.map((c) => `${c.earlier.report}→${c.later.report}`));
    expect([...pairs]).toEqual(['a→b']);
  });

  it('R15.1 agency names: the same after folding, or with the places above in front', () => {
    expect(sameAgency('洪泽区人民政府', '洪泽区人民政府')).toBe(true);
    expect(sameAgency('洪泽区人民政府', '淮安市洪泽区人民政府')).toBe(true);
    expect(sameAgency('江苏省淮安市洪泽区人民政府', '洪泽区人民政府')).toBe(true);
    expect(sameAgency('洪泽区 人民政府', '洪泽区人民政府')).toBe(true);
    // Another place, or a name that is no place of its own, is another agency.
    expect(sameAgency('洪泽区人民政府', '泗洪县人民政府')).toBe(false);
    expect(sameAgency('益阳市市场监督管理局', '市场监督管理局')).toBe(false);
    expect(sameAgency('洪泽区人民政府', '人民政府')).toBe(false);
    expect(sameAgency('淮安市农业局洪泽区人民政府', '洪泽区人民政府')).toBe(false);
    expect(sameAgency('', '')).toBe(false);
  });

  it('R15.1 a report without an agency or a year pairs with none', async () => {
    const named = await seed('洪泽区人民政府', 2023);
    const noYear = { ...named, meta: { ...named.meta, year: { value: null, span: null } } };
    const noAgency = { ...named, meta: { ...named.meta, agency: { value: null, span: null } } };
    const later = await seed('洪泽区人民政府', 2024);
    expect(
      yearOverYear([
        { id: 'a', report: noYear },
        { id: 'b', report: later },
      ]),
    ).toEqual([]);
    expect(
      yearOverYear([
        { id: 'a', report: noAgency },
        { id: 'b', report: later },
      ]),
    ).toEqual([]);
  });

  it('R15.2 上年结转 of year N is 结转下年度继续办理 of year N−1, per column, both cells named', async () => {
    const before = edit(
      await seed('洪泽区人民政府', 2023),
      'requests',
      'carriedForward',
      'naturalPerson',
      '2',
    );
    const now = edit(await seed('洪泽区人民政府', 2024), 'requests', 'carriedOver', 'total', '5');
    const checks = yearOverYear([
      { id: 'later', report: now },
      { id: 'earlier', report: before },
    ]).filter((c) => c.rule === 'Y1');
    expect(checks.map((c) => c.id)).toEqual([
      'Y1:requests:naturalPerson',
      'Y1:requests:commercial',
      'Y1:requests:research',
      'Y1:requests:social',
      'Y1:requests:legal',
      'Y1:requests:otherOrg',
      'Y1:requests:total',
    ]);
    expect(byId(checks, 'Y1:requests:naturalPerson')).toEqual({
      id: 'Y1:requests:naturalPerson',
      rule: 'Y1',
      status: 'fail',
      expected: 2,
      actual: 0,
      earlier: {
        report: 'earlier',
        year: 2023,
        cells: [{ table: 'requests', row: 'carriedForward', column: 'naturalPerson' }],
      },
      later: {
        report: 'later',
        year: 2024,
        cells: [{ table: 'requests', row: 'carriedOver', column: 'naturalPerson' }],
      },
    });
    expect(byId(checks, 'Y1:requests:total')).toMatchObject({
      status: 'fail',
      expected: 0,
      actual: 5,
    });
    expect(byId(checks, 'Y1:requests:commercial')).toMatchObject({
      status: 'pass',
      expected: 0,
      actual: 0,
    });
  });

  it("R15.3 现行有效件数: last year's, plus 本年制发, less 本年废止, for 规章 and 行政规范性文件", async () => {
    let before = await seed('洪泽区人民政府', 2023);
    before = edit(before, 'active', 'normativeDocuments', 'valid', '5');
    let now = await seed('洪泽区人民政府', 2024);
    now = edit(now, 'active', 'normativeDocuments', 'made', '3');
    now = edit(now, 'active', 'normativeDocuments', 'repealed', '1');
    now = edit(now, 'active', 'normativeDocuments', 'valid', '7');
    const checks = yearOverYear([
      { id: 'earlier', report: before },
      { id: 'later', report: now },
    ]).filter((c) => c.rule === 'Y2');
    expect(checks.map((c) => c.id)).toEqual([
      'Y2:active:regulations',
      'Y2:active:normativeDocuments',
    ]);
    expect(byId(checks, 'Y2:active:normativeDocuments')).toMatchObject({
      status: 'pass',
      expected: 7,
      actual: 7,
      earlier: { cells: [{ table: 'active', row: 'normativeDocuments', column: 'valid' }] },
      later: {
        cells: [
          { table: 'active', row: 'normativeDocuments', column: 'made' },
          { table: 'active', row: 'normativeDocuments', column: 'repealed' },
          { table: 'active', row: 'normativeDocuments', column: 'valid' },
        ],
      },
    });
    const wrong = edit(now, 'active', 'normativeDocuments', 'valid', '8');
    const failing = yearOverYear([
      { id: 'earlier', report: before },
      { id: 'later', report: wrong },
    ]);
    expect(byId(failing, 'Y2:active:normativeDocuments')).toMatchObject({
      status: 'fail',
      expected: 7,
      actual: 8,
    });
  });

  it('R15.4 a blank, na or text operand makes the check uncertain, never a pass', async () => {
    const before = await seed('洪泽区人民政府', 2023);
    const now = await seed('洪泽区人民政府', 2024);
    for (const raw of ['', '/', '不详']) {
      const blanked = edit(before, 'requests', 'carriedForward', 'total', raw);
      const noValid = edit(before, 'active', 'regulations', 'valid', raw);
      const checks = yearOverYear([
        { id: 'a', report: blanked },
        { id: 'b', report: edit(now, 'active', 'regulations', 'made', raw) },
        { id: 'c', report: noValid },
      ]);
      const total = checks.filter((c) => c.id === 'Y1:requests:total');
      expect(total.map((c) => [c.earlier.report, c.status, c.expected])).toEqual([
        ['a', 'uncertain', null],
        ['c', 'pass', 0],
      ]);
      const regulations = checks.filter((c) => c.id === 'Y2:active:regulations');
      expect(regulations.map((c) => [c.status, c.expected, c.actual])).toEqual([
        ['uncertain', null, 0],
        ['uncertain', null, 0],
      ]);
    }
  });

  it('R15.4 a later report on the 2019 form has no 现行有效件数: no Y2; a missing row is uncertain', async () => {
    const before = await seed('洪泽区人民政府', 2023);
    const now = await seed('洪泽区人民政府', 2024);
    const old = { ...now, meta: { ...now.meta, template: '2019' as const } };
    const checks = yearOverYear([
      { id: 'a', report: before },
      { id: 'b', report: old },
    ]);
    expect(checks.filter((c) => c.rule === 'Y2')).toEqual([]);
    const cut: Report = {
      ...now,
      tables: now.tables.map((t) =>
        t.id === 'requests' ? { ...t, rows: t.rows.filter((r) => r.key !== 'carriedOver') } : t,
      ),
    };
    const uncertain = yearOverYear([
      { id: 'a', report: before },
      { id: 'b', report: cut },
    ]).filter((c) => c.rule === 'Y1');
    expect(uncertain.map((c) => c.status)).toEqual(Array(7).fill('uncertain'));
  });

  it('R15.5 the corpus: 洪泽区 2023 and 淮安市洪泽区 2024 pair, and every check passes', async () => {
    const checks = yearOverYear([
      { id: '2024', report: await parsed('corpus/002_hongze_qu_2024.pdf') },
      { id: '2023', report: await parsed('corpus/001_hongze_qu_2023.pdf') },
    ]);
    expect(checks).toHaveLength(9);
    expect(checks.every((c) => c.earlier.report === '2023' && c.later.report === '2024')).toBe(
      true,
    );
    expect(checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(byId(checks, 'Y2:active:normativeDocuments')).toMatchObject({ expected: 8, actual: 8 });
  });
});
