import { describe, expect, it } from 'vitest';
import { tokenizeText } from '../formats/text';
import type { Issue, Table } from '../types';
import { foldLabel } from '../fold';
import { matchTemplate, readTables } from './matchTemplate';
import { matchStatsTemplate } from './stats';

const values = (table: Table | undefined, row: string) =>
  Object.values(table?.rows.find((candidate) => candidate.key === row)?.cells ?? {}).map((cell) =>
    cell.kind === 'blank' ? '_' : cell.raw,
  );

// The hand-made tables below print only the rows a test needs: the rest are missing on purpose.
const CUT_ON_PURPOSE = ['row-missing', 'table-incomplete'];
const codes = (issues: readonly Issue[] | undefined, expected: string[] = []) =>
  (issues ?? [])
    .map((issue) => issue.code)
    .filter((code) => expected.includes(code) || !CUT_ON_PURPOSE.includes(code));

function read(text: string, year: number | null = null) {
  const tokens = tokenizeText(text);
  const template = matchTemplate(tokens, year);
  return { template: template?.id ?? null, ...(template ? readTables(tokens, template) : null) };
}

const REQUESTS_2021 = [
  '三、收到和处理政府信息公开申请情况',
  '申请人情况 | ||||||||',
  '自然人 | 法人或其他组织 | 总计 | |||||||',
  '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||',
];

describe('matchTemplate', () => {
  it('R3.1 one fingerprint decides the template; the tables decide, not the year', () => {
    expect(read('信息内容 |\n本年新制作数量 |\n', 2023).template).toBe('2019');
    expect(read('信息内容 |\n本年制发件数 |\n', 2019).template).toBe('2021');
  });

  it('R3.1 with no fingerprint but 表三, the year breaks the tie', () => {
    const text = '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||';
    expect(read(text, 2020).template).toBe('2019');
    expect(read(text, 2024).template).toBe('2021');
  });

  it('R3.1 text with no table fingerprints has no template', () => {
    expect(read('本年度没有接到公众、法人或其他组织要求公开政府信息的申请。').template).toBeNull();
  });
});

describe('readTables', () => {
  it('R3.2 labels match after NFKC folding and space removal, with any numbering', () => {
    const text = [
      ...REQUESTS_2021,
      '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||',
      '三、本年度办理结果 | （一）予 以 公 开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | |',
      '（七）总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||',
      '四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||',
    ].join('\n');
    const requests = read(text, 2022).tables?.find((table) => table.id === 'requests');
    expect(requests?.rows.map((row) => row.key)).toEqual([
      'newReceived',
      'granted',
      'totalProcessed',
      'carriedForward',
    ]);
  });

  it('R3.3 header cells named like later rows (其他, 总计) do not start the table', () => {
    const text = [
      ...REQUESTS_2021,
      '一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
    ].join('\n');
    const requests = read(text, 2022).tables?.find((table) => table.id === 'requests');
    expect(requests?.rows[0]?.key).toBe('newReceived');
    expect(values(requests, 'newReceived')).toEqual(['2', '0', '0', '0', '0', '0', '2']);
  });

  it('R3.4 （六）其他处理 printed without numbers is a group label over its three sub-rows', () => {
    const text = [
      ...REQUESTS_2021,
      '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||',
      '（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||',
      '3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||',
    ].join('\n');
    const keys = read(text, 2022).tables?.[0]?.rows.map((row) => row.key);
    expect(keys).toEqual([
      'newReceived',
      'other.overdueCorrection',
      'other.overdueFee',
      'other.otherReasons',
    ]);
  });

  it('R3.4 （六）其他处理 printed with numbers is the one-row form', () => {
    const text = [
      ...REQUESTS_2021,
      '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||',
      '（六）其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||',
      '（七）总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||',
    ].join('\n');
    expect(read(text, 2022).tables?.[0]?.rows.map((row) => row.key)).toEqual([
      'newReceived',
      'other',
      'totalProcessed',
    ]);
  });

  it('R3.6 表四 is read by position: 15 numbers after its header, as three rows of five', () => {
    const text = [
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议 | 行政诉讼 | |||||||||||||',
      '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 | ||||||||',
      '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | |||||',
      '1 | 2 | 0 | 0 | 3 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0 |',
      '五、存在的主要问题及改进情况',
    ].join('\n');
    const appeals = read('本年制发件数 |\n' + text).tables?.find((table) => table.id === 'appeals');
    expect(appeals?.rows.map((row) => [row.key, values(appeals, row.key).join(' ')])).toEqual([
      ['review', '1 2 0 0 3'],
      ['litigationDirect', '0 0 0 1 1'],
      ['litigationAfterReview', '0 0 0 0 0'],
    ]);
  });

  it('R3.7 a group label cut to a fragment (三、本) does not end the table', () => {
    const text = [
      ...REQUESTS_2021,
      '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||',
      '三、本',
      '（一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||',
    ].join('\n');
    expect(read(text, 2022).tables?.[0]?.rows.map((row) => row.key)).toEqual([
      'newReceived',
      'granted',
    ]);
  });

  it('R3.5 between 表二 rows, block captions and headers are skipped; a short text lacking cells is a cell', () => {
    const text = [
      '第二十条第（一）项 |',
      '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '规章 | 0 | 0 | 0 |',
      '行政规范性文件 | 3 | 见附件 | 12 |',
      '第二十条第（五）项 |',
      '信息内容 | 本年处理决定数量 |',
      '行政许可 | 5 |',
    ].join('\n');
    const active = read(text).tables?.find((table) => table.id === 'active');
    expect(active?.rows.map((row) => row.key)).toEqual([
      'regulations',
      'normativeDocuments',
      'licensing',
    ]);
    expect(values(active, 'normativeDocuments')).toEqual(['3', '见附件', '12']);
    expect(values(active, 'licensing')).toEqual(['5']);
  });

  it('R3.7 a table ends at the next section heading', () => {
    const text = [
      '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '规章 | 0 | 0 | 0 |',
      '三、收到和处理政府信息公开申请情况',
      '行政许可 | 5 |',
    ].join('\n');
    const active = read(text).tables?.find((table) => table.id === 'active');
    expect(active?.rows.map((row) => row.key)).toEqual(['regulations']);
  });

  it('R3.7 a heading-like fragment of a group label, with rows after it, does not end the table', () => {
    const text = [
      '一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1',
      '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
      '三、本年度办',
      '（一）予以公开 1 0 0 0 0 0 1',
      '理结果',
      '四、政府信息公开行政复议、行政诉讼情况',
      '（二）部分公开 0 0 0 0 0 0 0',
    ].join('\n');
    const requests = read(text, 2022).tables?.find((table) => table.id === 'requests');
    expect(requests?.rows.map((row) => row.key)).toEqual(['newReceived', 'carriedOver', 'granted']);
  });

  it('R5.6 表三 printed with blanks folded into the run (b2) is placed by C1–C3 where they decide', () => {
    const text = [
      ...REQUESTS_2021,
      '一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 1 | 0 | 0 | 3 | ||',
      '三、本年度办理结果 | （一）予以公开 | 2 | 1 | 3 | |||||',
      '（七）总计 | 2 | 0 | 0 | 1 | 0 | 0 | 3 | ||',
      '四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||',
    ].join('\n');
    const result = read(text, 2022);
    const requests = result.tables?.find((table) => table.id === 'requests');
    expect(values(requests, 'granted')).toEqual(['2', '_', '_', '1', '_', '_', '3']);
    const confidence = Object.values(requests?.rows[1]?.cells ?? {}).map((cell) => cell.confidence);
    expect(new Set(confidence)).toEqual(new Set(['high']));
    expect(result.issues?.filter((issue) => issue.code !== 'row-missing')).toEqual([]);
  });

  it('R5.5 where the equations do not decide, cells are low confidence with an ambiguous-layout issue', () => {
    const text = [
      ...REQUESTS_2021,
      '一、本年新收政府信息公开申请数量 | 3 | 3 | |||||||',
      '二、上年结转政府信息公开申请数量 | 0 | 0 | |||||||',
      '三、本年度办理结果 | （一）予以公开 | 3 | 3 | ||||||',
      '（七）总计 | 3 | 3 | |||||||',
      '四、结转下年度继续办理 | 0 | 0 | |||||||',
    ].join('\n');
    const result = read(text, 2022);
    const requests = result.tables?.find((table) => table.id === 'requests');
    expect(values(requests, 'newReceived')).toEqual(['3', '_', '_', '_', '_', '_', '3']);
    expect(requests?.rows[0]?.cells.naturalPerson?.confidence).toBe('low');
    expect(codes(result.issues)).toEqual(['ambiguous-layout']);
  });

  it('R3.8 a 统计表 is read as the stats table, rows in any order, section rows skipped', () => {
    const text = [
      '附件：政府信息公开情况统计表',
      '统计指标 | 单位 | 统计数 |',
      '一、主动公开情况 | — | — |',
      '（一）主动公开政府信息数 | 条 | 120 |',
      '其中：主动公开规范性文件数 | 条 | 3 |',
      '三、依申请公开情况 | — | — |',
      '（一）收到申请数 | 件 | 5 |',
      '1．当面申请数 | 件 | 2 |',
      '（四）行政复议数量 | 件 | 0 |',
    ].join('\n');
    const stats = matchStatsTemplate(foldLabel(text));
    expect(stats?.id).toBe('stats');
    const table = stats ? readTables(tokenizeText(text), stats).tables[0] : undefined;
    expect(table?.columns.map((column) => column.key)).toEqual(['unit', 'value']);
    expect(table?.rows.map((row) => [row.key, row.cells.value?.value])).toEqual([
      ['activeDisclosed', 120],
      ['activeNormativeDocuments', 3],
      ['requests.received', 5],
      ['requests.inPerson', 2],
      ['review.total', 0],
    ]);
    expect(table?.rows[0]?.cells.unit).toMatchObject({ raw: '条', kind: 'text' });
  });

  it('R3.8 without 统计表 header words there is no 统计表', () => {
    expect(
      matchStatsTemplate(foldLabel('本报告由概述、政府信息公开情况统计表共五个部分组成。')),
    ).toBeNull();
  });

  it('R5.9 a row printed with more numbers than columns keeps the first, low confidence, and says so', () => {
    const text = [
      ...REQUESTS_2021,
      '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | ||',
      '二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||',
    ].join('\n');
    const result = read(text, 2022);
    const row = result.tables?.[0]?.rows[0];
    expect(Object.values(row?.cells ?? {}).map((cell) => cell.raw)).toEqual([
      '1',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
    ]);
    expect(new Set(Object.values(row?.cells ?? {}).map((cell) => cell.confidence))).toEqual(
      new Set(['low']),
    );
    expect(codes(result.issues)).toEqual(['extra-cells']);
  });

  it('R3.10 an unknown label with numbers is kept as an extra row; a skipped 表三 row is reported', () => {
    const text = [
      ...REQUESTS_2021,
      '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||',
      '二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||',
      '三、本年度办理结果 | （一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | |',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||',
      '（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |',
      '2.属于本机关的内部说明 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | ||',
      '3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||',
    ].join('\n');
    const result = read(text, 2022);
    const requests = result.tables?.[0];
    const extra = requests?.rows.find((row) => row.key === 'extra.1');
    expect(extra?.label).toBe('2.属于本机关的内部说明');
    expect(extra?.cells.total?.value).toBe(2);
    // Its numbers are kept for the reviewer, never vouched for: the row is not the template's.
    expect(Object.values(extra?.cells ?? {}).every((cell) => cell.confidence === 'low')).toBe(true);
    expect(codes(result.issues, ['row-missing'])).toEqual(['unknown-row', 'row-missing']);
    expect(result.issues?.[1]?.message).toContain('其他法律行政法规禁止公开');
  });

  it('R3.11 a label that lost characters is read as the next template row it is part of', () => {
    const text = [
      ...REQUESTS_2021,
      '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||',
      '（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |',
      '2.其他法律行政止公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | ||',
      '3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||',
    ].join('\n');
    const result = read(text, 2022);
    const row = result.tables?.[0]?.rows.find(
      (candidate) => candidate.key === 'denied.lawForbidden',
    );
    expect(row?.cells.total?.value).toBe(2);
    expect(codes(result.issues)).toEqual(['label-garbled']);
  });

  it('R3.11 a label cut short, its other lines after the numbers, is the one next row it begins', () => {
    const text = [
      '一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1',
      '（六）其他处理',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0',
      '2.申请人逾期未 2 0 0 0 0 0 2',
      '按收费通知要求',
      '缴纳费用、行政',
      '3.其他 0 0 0 0 0 0 0',
    ].join('\n');
    const result = read(text, 2022);
    const requests = result.tables?.find((table) => table.id === 'requests');
    expect(values(requests, 'other.overdueFee')).toEqual(['2', '0', '0', '0', '0', '0', '2']);
    expect(requests?.rows.some((row) => row.key.startsWith('extra.'))).toBe(false);
    expect(codes(result.issues)).toContain('label-garbled');
    // Too short to be sure which row it begins (申请人 begins both rows of （六）): a row of its own.
    const unsure = read(text.replace('2.申请人逾期未', '2.申请人'), 2022);
    const rows = unsure.tables?.find((table) => table.id === 'requests')?.rows;
    expect(rows?.some((row) => row.key === 'other.overdueFee')).toBe(false);
  });

  it('R3.12 a row label wrapped onto a line of its own continues the label, it is not a cell', () => {
    const text = [
      ...REQUESTS_2021,
      '一、本年新收政府信息公开申请数量 | 8 | 0 | 0 | 0 | 0 | 0 | 8 | ||',
      '（六）其他处理 |',
      '1.申请人无正当理由逾期不补正、行',
      '政机关不再处理其政府信息公开申请',
      '8',
      '0',
      '0',
      '0',
      '0',
      '0',
      '8',
    ].join('\n');
    const table = read(text, 2022).tables?.[0];
    expect(values(table, 'other.overdueCorrection')).toEqual(['8', '0', '0', '0', '0', '0', '8']);
  });

  it('R3.12 text that is not part of the label is still a cell', () => {
    const text = [
      ...REQUESTS_2021,
      '一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||',
      '（一）予以公开',
      '见附件',
      ...['0', '0', '0', '0', '0', '0'],
    ].join('\n');
    expect(values(read(text, 2022).tables?.[0], 'granted')[0]).toBe('见附件');
  });
});
