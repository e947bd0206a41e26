import { describe, expect, it } from 'vitest';
import { foldWithOffsets } from '../fold';
import type { Table } from '../types';
import { matchGluedTemplate, readGluedTables } from './readGlued';

const row = (table: Table | undefined, key: string) =>
  Object.values(table?.rows.find((candidate) => candidate.key === key)?.cells ?? {}).map(
    (cell) => cell.value,
  );

function read(text: string) {
  const folded = foldWithOffsets(text);
  const template = matchGluedTemplate(folded, null);
  if (!template) throw new Error('no template');
  return { template: template.id, ...readGluedTables(folded, template) };
}

const REQUESTS =
  '三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他' +
  '一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000' +
  '三、本年度办理结果（一）予以公开640020470（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000' +
  '（七）总计640020470四、结转下年度继续办理0000000 四、政府信息公开行政复议、行政诉讼情况';

describe('readGluedTables', () => {
  it('R5.8 splits a row of digits run together with the checks’ equations', () => {
    const result = read(`本年制发件数${REQUESTS}`);
    const requests = result.tables.find((table) => table.id === 'requests');
    expect(row(requests, 'newReceived')).toEqual([64, 0, 0, 2, 0, 4, 70]);
    expect(row(requests, 'granted')).toEqual([64, 0, 0, 2, 0, 4, 70]);
    expect(row(requests, 'carriedForward')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('R5.8 the numbering of the next label is not part of the row', () => {
    const requests = read(`本年制发件数${REQUESTS}`).tables.find(
      (table) => table.id === 'requests',
    );
    expect(row(requests, 'denied.stateSecret')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(requests, 'denied.lawForbidden')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('R5.8 spans point through stray spaces at the source characters', () => {
    const text = `本年制发件数一、本年新收政府信息公开申请数量230 000023二、上年结转政府信息公开申请数量0000000`;
    const requests = read(text).tables.find((table) => table.id === 'requests');
    const cells = Object.values(requests?.rows[0]?.cells ?? {});
    expect(cells.map((cell) => cell.value)).toEqual([23, 0, 0, 0, 0, 0, 23]);
    for (const cell of cells) expect(text.slice(...(cell.span ?? [0, 0]))).toBe(cell.raw);
  });

  it('R5.8 where nothing decides, the split is low confidence and reported', () => {
    const text =
      '第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件693665第二十条第（五）项';
    const result = read(text);
    const active = result.tables.find((table) => table.id === 'active');
    expect(row(active, 'regulations')).toEqual([0, 0, 0]);
    const documents = active?.rows.find((candidate) => candidate.key === 'normativeDocuments');
    expect(Object.values(documents?.cells ?? {}).every((cell) => cell.confidence === 'low')).toBe(
      true,
    );
    expect(result.issues.map((issue) => issue.code)).toContain('ambiguous-layout');
  });

  it('R5.8 表四’s fifteen numbers are split with C4', () => {
    const text =
      '本年制发件数行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉' +
      '结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计10203120001200000五、存在的主要问题';
    const appeals = read(text).tables.find((table) => table.id === 'appeals');
    expect(row(appeals, 'review')).toEqual([1, 0, 2, 0, 3]);
    expect(row(appeals, 'litigationDirect')).toEqual([12, 0, 0, 0, 12]);
    expect(row(appeals, 'litigationAfterReview')).toEqual([0, 0, 0, 0, 0]);
  });

  const ACTIVE_2019 =
    '第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件000' +
    '第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可1200+361236其他对外管理服务事项000' +
    '第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚2648-18538行政强制000' +
    '第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费35-15' +
    '第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购10三、收到和处理政府信息公开申请情况';
  const cellsOf = (key: string) => {
    const active = read(ACTIVE_2019).tables.find((table) => table.id === 'active');
    return Object.values(active?.rows.find((candidate) => candidate.key === key)?.cells ?? {});
  };

  it('R5.10 a sign inside a run starts a number in a column that can be negative', () => {
    expect(cellsOf('fees').map((cell) => [cell.raw, cell.value, cell.confidence])).toEqual([
      ['35', 35, 'high'],
      ['-15', -15, 'high'],
    ]);
    const punishment = cellsOf('punishment');
    expect(punishment[0]?.value).toBe(2648);
    expect(punishment[1]?.raw.startsWith('-')).toBe(true);
    expect(cellsOf('licensing')[1]?.raw.startsWith('+')).toBe(true);
    const fullWidth = read(ACTIVE_2019.replace('35-15', '35－15')).tables[0]?.rows.find(
      (candidate) => candidate.key === 'fees',
    );
    expect(fullWidth?.cells.change).toMatchObject({ raw: '－15', value: -15 });
  });

  it('R5.10 a split of a signed run that nothing decides is low confidence', () => {
    for (const key of ['punishment', 'licensing'])
      expect(cellsOf(key).every((cell) => cell.confidence === 'low')).toBe(true);
  });

  it('R5.8 the only split is low confidence where a blank cell could explain the digits too', () => {
    // `10` is 1 | 0, or 10 beside a blank: a run leaves no trace of a blank cell.
    expect(cellsOf('procurement').map((cell) => [cell.value, cell.confidence])).toEqual([
      [1, 'low'],
      [0, 'low'],
    ]);
    expect(cellsOf('regulations').every((cell) => cell.confidence === 'high')).toBe(true);
  });
});
