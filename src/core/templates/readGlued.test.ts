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
    expect(result.issues.map((issue) => issue.code)).toEqual(['ambiguous-layout']);
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
});
