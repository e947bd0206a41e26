import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from './report';
import type { Report } from './types';

async function parse(text: string): Promise<Report> {
  const result = await parseReport(new TextEncoder().encode(text), 'x.txt');
  if (!result.ok) throw new Error(result.error.code);
  return result.report;
}

const codes = (report: Report) => report.issues.map((issue) => issue.code);
const row = (label: string, values: string) => `${label} | ${values.split(' ').join(' | ')} |`;
const NEW_RECEIVED = row('一、本年新收政府信息公开申请数量', '70 2 0 0 1 1 74');
const CARRIED_OVER = row('二、上年结转政府信息公开申请数量', '3 0 0 0 0 0 3');
const GRANTED = row('三、本年度办理结果 | （一）予以公开', '40 1 0 0 1 0 42');

function expectNoReport(report: Report) {
  expect(report.meta.template).toBe('unknown');
  expect(report.tables).toEqual([]);
  expect(report.checks).toEqual([]);
  expect(codes(report)).toEqual(['no-report-data']);
}

describe('a table quoted in a text that is no report (R0.5)', () => {
  it('R0.5 the corpus README, quoting one glued 表三 row in backticks, is no report', async () => {
    const readme = readFileSync(new URL('./fixtures/corpus/README.md', import.meta.url), 'utf8');
    const report = await parse(readme);
    expectNoReport(report);
    const span = report.issues[0]?.span ?? [0, 0];
    expect(readme.slice(...span)).toBe('本年新收政府信息公开申请数量640020470');
    expect(report.issues[0]?.message).toContain('1 行');
  });

  it('R0.5 a notice quoting a row or two of the form as an example is no report', async () => {
    const notice = [
      '关于做好2023年度政府信息公开工作年度报告编制发布工作的通知',
      '各单位：请于1月31日前报送年度报告。表格填写示例：',
      NEW_RECEIVED,
      '请注意第一项加第二项之和应等于第三项加第四项之和。',
    ];
    expectNoReport(await parse(notice.join('\n')));
    expectNoReport(await parse([...notice.slice(0, 3), CARRIED_OVER, notice[3]].join('\n')));
  });

  it('R0.5 an explanation of the format with a pipe-separated example row is no report', async () => {
    const explanation = [
      '# 文本格式说明',
      '转换工具把每个单元格写成 `文字 |`，例如：',
      '',
      NEW_RECEIVED,
      '',
      '行尾的一串 `|` 是被合并单元格占去的格数。',
    ];
    expectNoReport(await parse(explanation.join('\n')));
  });

  it('R0.5 a page cut after 表三 row 6 is a report: its table is read and marked incomplete', async () => {
    const partial = [
      '某县人民政府2023年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '申请人情况 | |',
      '自然人 | 法人或其他组织 | 总计 |',
      '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |',
      NEW_RECEIVED,
      CARRIED_OVER,
      GRANTED,
      row('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '5 0 0 0 0 0 5'),
      row('（三）不予公开 | 1.属于国家秘密', '0 0 0 0 0 0 0'),
      row('2.其他法律行政法规禁止公开', '1 0 0 0 0 0 1'),
    ];
    const report = await parse(partial.join('\n'));
    expect(report.meta.template).toBe('2021');
    expect(report.tables[0]?.rows).toHaveLength(6);
    expect(codes(report)).toContain('table-incomplete');
    expect(codes(report)).not.toContain('no-report-data');
  });

  it('R0.5 three rows without a header, or one row under its header, are a table', async () => {
    const threeRows = await parse([NEW_RECEIVED, CARRIED_OVER, GRANTED].join('\n'));
    expect(threeRows.tables[0]?.rows).toHaveLength(3);
    expect(codes(threeRows)).not.toContain('no-report-data');

    // A report whose other rows the reader could not make out still has its table, marked cut short.
    const headed = await parse(
      ['申请人情况 | |', '自然人 | 法人或其他组织 | 总计 |', NEW_RECEIVED].join('\n'),
    );
    expect(headed.meta.template).toBe('2021');
    expect(codes(headed)).toEqual(['table-incomplete']);
  });

  it('R0.5 a 统计表 and a 表四 are found by their headers, so even a row or two of them is a table', async () => {
    const stats = [
      '附件：政府信息公开情况统计表',
      '统计指标 | 单位 | 统计数 |',
      '一、主动公开情况 | — | — |',
      '（一）主动公开政府信息数 | 条 | 120 |',
      '（一）收到申请数 | 件 | 5 |',
    ];
    expect((await parse(stats.join('\n'))).meta.template).toBe('stats');

    // 表四 printed with slashes but for 行政复议, beside one 表三 row: two rows with numbers.
    const appeals = [
      NEW_RECEIVED,
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议 | 行政诉讼 |',
      '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
      `1 | 0 | 0 | 0 | 1 | ${Array.from({ length: 10 }, () => '/').join(' | ')} |`,
    ];
    const report = await parse(appeals.join('\n'));
    expect(report.tables.map((table) => table.id)).toEqual(['requests', 'appeals']);
  });
});
