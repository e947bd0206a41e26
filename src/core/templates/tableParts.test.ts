import { describe, expect, it } from 'vitest';
import { foldWithOffsets } from '../fold';
import { tokenizeText } from '../formats/text';
import { matchTemplate, readTables } from './matchTemplate';
import { matchGluedTemplate, readGluedTables } from './readGlued';

function read(lines: string[], year = 2023) {
  const text = lines.join('\n');
  const tokens = tokenizeText(text);
  const template = matchTemplate(tokens, year);
  const reading = template ? readTables(tokens, template) : null;
  const cut = reading?.issues.filter((issue) => issue.code === 'table-incomplete') ?? [];
  return { text, reading, cut };
}

const row = (label: string, values: string) => `${label} | ${values.split(' ').join(' | ')} |`;

const ACTIVE_2021 = [
  '二、主动公开政府信息情况',
  '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
  row('规章', '0 0 0'),
  row('行政规范性文件', '3 1 12'),
  '信息内容 | 本年处理决定数量 |',
  row('行政许可', '120'),
  row('行政处罚', '35'),
  row('行政强制', '2'),
  '信息内容 | 本年收费金额（单位：万元） |',
  row('行政事业性收费', '0'),
];

const HEADER = [
  '三、收到和处理政府信息公开申请情况',
  '申请人情况 | |',
  '自然人 | 法人或其他组织 | 总计 |',
  '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |',
];

// 表三 down to its sixth row, 2.其他法律行政法规禁止公开.
const FIRST_SIX = [
  row('一、本年新收政府信息公开申请数量', '70 2 0 0 1 1 74'),
  row('二、上年结转政府信息公开申请数量', '3 0 0 0 0 0 3'),
  row('三、本年度办理结果 | （一）予以公开', '40 1 0 0 1 0 42'),
  row('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '5 0 0 0 0 0 5'),
  row('（三）不予公开 | 1.属于国家秘密', '0 0 0 0 0 0 0'),
  row('2.其他法律行政法规禁止公开', '1 0 0 0 0 0 1'),
];

const REST_2021 = [
  ...[
    '3.危及“三安全一稳定”',
    '4.保护第三方合法权益',
    '5.属于三类内部事务信息',
    '6.属于四类过程性信息',
    '7.属于行政执法案卷',
    '8.属于行政查询事项',
    '（四）无法提供 | 1.本机关不掌握相关政府信息',
    '2.没有现成信息需要另行制作',
    '3.补正后申请内容仍不明确',
    '（五）不予处理 | 1.信访举报投诉类申请',
    '2.重复申请',
    '3.要求提供公开出版物',
    '4.无正当理由大量反复申请',
    '5.要求行政机关确认或重新出具已获取信息',
  ].map((label) => row(label, '0 0 0 0 0 0 0')),
  '（六）其他处理 |',
  ...[
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '3.其他',
  ].map((label) => row(label, '0 0 0 0 0 0 0')),
  row('（七）总计', '46 1 0 0 1 0 48'),
  row('四、结转下年度继续办理', '27 1 0 0 0 1 29'),
];

const APPEALS = [
  '四、政府信息公开行政复议、行政诉讼情况',
  '行政复议 | 行政诉讼 |',
  '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |',
];

describe('table-incomplete', () => {
  it('R3.13 a 表三 that stops after its sixth row is cut short: the rows after it are counted, the span is on the last row read', () => {
    const { text, reading, cut } = read([...ACTIVE_2021, ...HEADER, ...FIRST_SIX]);
    expect(reading?.tables.find((table) => table.id === 'requests')?.rows).toHaveLength(6);
    expect(cut).toHaveLength(1);
    expect(cut[0]?.severity).toBe('warning');
    // 3.–8. of （三）, three of （四）, five of （五）, the three 2021 sub-rows of （六）, （七）总计, 四、结转.
    expect(cut[0]?.message).toContain('“2.其他法律行政法规禁止公开”之后的 19 行');
    expect(cut[0]?.message).toContain('四、结转下年度继续办理');
    expect(text.slice(...(cut[0]?.span ?? [0, 0]))).toBe('1 | 0 | 0 | 0 | 0 | 0 | 1');
  });

  it('R3.13 in the 2019 form, and where a 2021 report prints （六）其他处理 as one row, （六） counts as one row', () => {
    const active2019 = ['信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |'];
    const cut2019 = read([...active2019, row('规章', '0 0 0'), ...HEADER, ...FIRST_SIX], 2020).cut;
    expect(cut2019[0]?.message).toContain('之后的 17 行');

    const upToOther = REST_2021.slice(0, 14);
    const oneRow = read([
      ...HEADER,
      ...FIRST_SIX,
      ...upToOther,
      row('（六）其他处理', '0 0 0 0 0 0 0'),
    ]).cut;
    expect(oneRow[0]?.message).toContain('“（六）其他处理”之后的 2 行');
  });

  it('R3.13 a whole 表三, and one with rows skipped between rows read, is not cut short', () => {
    expect(read([...HEADER, ...FIRST_SIX, ...REST_2021]).cut).toEqual([]);
    const skipped = read([...HEADER, ...FIRST_SIX.slice(0, 2), ...REST_2021.slice(-2)]);
    expect(skipped.cut).toEqual([]);
    expect(skipped.reading?.issues.map((issue) => issue.code)).toEqual(['row-missing']);
  });

  it('R3.13 a 表二 without its last blocks is cut short only when no table follows it', () => {
    const withoutFees = ACTIVE_2021.slice(0, -2);
    expect(read([...withoutFees, ...HEADER, ...FIRST_SIX, ...REST_2021]).cut).toEqual([]);
    const alone = read(withoutFees).cut;
    expect(alone).toHaveLength(1);
    expect(alone[0]?.message).toContain('“行政强制”之后的 1 行（直至“行政事业性收费”）');
  });

  it('R3.13 a 表四 with fewer than its 15 numbers is cut short, or printed without its blanks', () => {
    const numbers = '0 0 0 0 0 1 0 0 0 1 0 0 0 0 0'.split(' ');
    const whole = read([...HEADER, ...FIRST_SIX, ...REST_2021, ...APPEALS, numbers.join(' | ')]);
    expect(whole.cut).toEqual([]);
    const short = read([
      ...HEADER,
      ...FIRST_SIX,
      ...REST_2021,
      ...APPEALS,
      numbers.slice(0, 9).join(' | '),
    ]).cut;
    expect(short).toHaveLength(1);
    expect(short[0]?.message).toContain('只读到 9 格（应有 15 格）');
  });

  it('R3.13 a table whose digits run together is cut short the same way', () => {
    const glued = [
      '三、收到和处理政府信息公开申请情况',
      '申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他',
      '一、本年新收政府信息公开申请数量7020011 74',
      '二、上年结转政府信息公开申请数量3000003',
      '三、本年度办理结果(一)予以公开4010010 42',
    ].join('');
    const folded = foldWithOffsets(glued);
    const template = matchGluedTemplate(folded, 2023);
    const reading = template ? readGluedTables(folded, template) : null;
    const cut = reading?.issues.filter((issue) => issue.code === 'table-incomplete') ?? [];
    expect(cut).toHaveLength(1);
    expect(cut[0]?.message).toContain('之后的 22 行');
  });
});
