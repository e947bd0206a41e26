import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFacts } from './facts';
import type { Fact, Span } from './types';

const fixtures = new URL('./fixtures/', import.meta.url);

function seed(prefix: string): string {
  const name = readdirSync(new URL('seeds/', fixtures)).find((f) => f.startsWith(`${prefix}_`));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(new URL(`seeds/${name}`, fixtures), 'utf8');
}

interface Seen {
  key: string;
  value: number | null;
  unit: string | null;
  approximate: boolean;
  cumulative: boolean;
  at: string;
}

/** Each fact with the text its span points at, so expectations read like the report. */
function seen(text: string, facts: Fact[]): Seen[] {
  return facts.map((f) => ({
    key: f.key,
    value: f.value,
    unit: f.unit,
    approximate: f.approximate,
    cumulative: f.cumulative,
    at: text.slice(...f.span),
  }));
}

const zero = (key: string, at: string): Seen => ({
  key,
  value: 0,
  unit: null,
  approximate: false,
  cumulative: false,
  at,
});

function sentenceOf(text: string, fact: Fact | undefined): string {
  if (!fact) throw new Error('no fact');
  return text.slice(...fact.sentence);
}

// Table regions as the table reader reports them: here, every line of `cell |` form.
function tableLines(text: string): Span[] {
  const spans: Span[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trimEnd().endsWith('|')) spans.push([at, at + line.length]);
    at += line.length + 1;
  }
  return spans;
}

describe('extractFacts on the seeds', () => {
  it('R8.1 R8.6 R8.7 seed 000: 41 cumulative, and four statements of none', () => {
    const text = seed('000');
    const facts = extractFacts(text, []);
    expect(seen(text, facts)).toEqual([
      {
        key: 'activeDisclosed',
        value: 41,
        unit: '条',
        approximate: false,
        cumulative: true,
        at: '41条',
      },
      zero('requestsReceived', '未收到'),
      zero('feesCollected', '没有收取'),
      zero('reviewCases', '没有出现'),
      zero('litigationCases', '没有出现'),
    ]);
    expect(sentenceOf(text, facts[1])).toBe(
      '自2020年1月1日起至2020年12月31日止,我局未收到政府信息公开的申请。',
    );
    expect(sentenceOf(text, facts[0])).toBe(
      '按照《中华人民共和国政府信息公开条例》的要求,我局政府信息公开工作实行全面公开,截至12月31日,2029年累计主动公开政府信息41条。',
    );
  });

  it('R8.7 one sentence denies both review and litigation, sharing the span (seed 000)', () => {
    const text = seed('000');
    const facts = extractFacts(text, []);
    const review = facts.find((f) => f.key === 'reviewCases');
    const litigation = facts.find((f) => f.key === 'litigationCases');
    expect(review?.span).toEqual(litigation?.span);
    expect(sentenceOf(text, review)).toBe(
      '2020年1月1日起至2020年12月31日止,我局没有出现因政府信息公开而申请行政复议、提起行政诉讼。',
    );
  });

  it('R8.12 seed 001 has no prose facts: 建议提案, 网站浏览次数 and the tables are not facts', () => {
    const text = seed('001');
    expect(extractFacts(text, tableLines(text))).toEqual([]);
    expect(extractFacts(text, [])).toEqual([]);
  });

  it('R8.6 R8.9 seed 002: running totals, and 无。 under the 收费 heading', () => {
    const text = seed('002');
    const facts = extractFacts(text, []);
    expect(seen(text, facts)).toEqual([
      {
        key: 'activeDisclosed',
        value: 54,
        unit: '条',
        approximate: false,
        cumulative: true,
        at: '54条',
      },
      {
        key: 'activeDisclosed',
        value: 406,
        unit: '条',
        approximate: false,
        cumulative: true,
        at: '406条',
      },
      zero('requestsReceived', '未收到'),
      zero('feesCollected', '无'),
      zero('reviewCases', '没有发生'),
      zero('litigationCases', '没有发生'),
    ]);
    const fees = facts.find((f) => f.key === 'feesCollected');
    expect(fees?.span[0]).toBe(text.indexOf('减免情况\n\n无。') + 6);
    expect(sentenceOf(text, fees)).toBe('无。');
  });

  it('R8.12 seed 003: facts of both copies are kept, none from its tables', () => {
    const text = seed('003');
    const facts = extractFacts(text, tableLines(text));
    const once = [
      {
        key: 'activeDisclosed',
        value: 62,
        unit: '条',
        approximate: false,
        cumulative: false,
        at: '62条',
      },
      zero('requestsReceived', '没有接到'),
    ];
    expect(seen(text, facts)).toEqual([...once, ...once]);
    expect(facts[2]?.span[0]).toBeGreaterThan(text.length / 2);
    expect(sentenceOf(text, facts[1])).toBe(
      '本年度没有接到公众、法人或其他组织要求公开政府信息的申请。',
    );
  });

  it('R8.5 R8.6 seed 004: 37500余条 is approximate and this year’s despite 截至', () => {
    const text = seed('004');
    expect(seen(text, extractFacts(text, []))).toEqual([
      {
        key: 'activeDisclosed',
        value: 37500,
        unit: '条',
        approximate: true,
        cumulative: false,
        at: '37500余条',
      },
      zero('feesCollected', '免收'),
      {
        key: 'requestsReceived',
        value: 18,
        unit: '件',
        approximate: false,
        cumulative: false,
        at: '18件',
      },
      zero('reviewCases', '无'),
      zero('litigationCases', '无'),
      zero('feesCollected', '没有收取'),
    ]);
  });
});

describe('extractFacts rules on small texts', () => {
  it('R8.13 结转下年度继续办理N件 is the requests carried forward', () => {
    const text = '本年度共收到政府信息公开申请12件，办结10件，结转下年度继续办理2件。';
    const [carried] = extractFacts(text, []).filter((f) => f.key === 'requestsCarriedForward');
    expect(carried).toMatchObject({ value: 2, unit: '件', cumulative: false });
    expect(text.slice(...(carried?.span ?? [0, 0]))).toBe('2件');
  });

  const one = (text: string): Seen[] => seen(text, extractFacts(text, []));

  it('R8.1 reads the total, not 应主动公开 categories or parts stated with 各', () => {
    const text =
      '2016年全区主动公开政府信息3460条。其中，区直各部门主动公开政府信息1822条，各乡镇主动公开政府信息1638条。其他应主动公开的信息1796条。';
    expect(one(text).map((f) => f.value)).toEqual([3460]);
  });

  it('R8.1 does not read other things disclosed (政府采购项目信息) as activeDisclosed', () => {
    expect(one('2016年，我区在采购网上主动公开政府采购项目信息189条。')).toEqual([]);
  });

  it('R8.2 counts requests only where the request is for disclosure', () => {
    const text =
      '共受理网上复工申请512件。今年共收到建议、提案9件。全年收到政府信息公开申请 34 件，上年结转政府信息公开申请 2 件。本年度全区共收到70件申请。';
    expect(one(text).map((f) => [f.key, f.value, f.at])).toEqual([
      ['requestsReceived', 34, '34 件'],
      ['requestsReceived', 70, '70件'],
    ]);
  });

  it('R8.3 reads review and litigation counts with their counting words', () => {
    const text = '全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。';
    expect(one(text).map((f) => [f.key, f.value, f.unit])).toEqual([
      ['reviewCases', 36, '起'],
      ['litigationCases', 9, '起'],
    ]);
  });

  it('R8.4 reads fees collected with their unit, not 行政事业性收费 or 收费标准', () => {
    const text =
      '本年度收取信息处理费共计380元。行政事业性收费350元。召开收费标准听证会2次。政府信息公开费用1万元。';
    expect(one(text).map((f) => [f.key, f.value, f.unit, f.at])).toEqual([
      ['feesCollected', 380, '元', '380元'],
    ]);
  });

  it('R8.5 marks approximate figures: 约, 近, 余, 多, 左右', () => {
    const text =
      '主动公开政府信息约1200条。收到政府信息公开申请近百件。行政复议30多件。主动公开政府信息500条左右。';
    expect(one(text).map((f) => [f.value, f.approximate, f.at])).toEqual([
      [1200, true, '约1200条'],
      [100, true, '近百件'],
      [30, true, '30多件'],
      [500, true, '500条左右'],
    ]);
  });

  it('R8.6 marks 截至…共 as cumulative unless the clause says it is this year’s', () => {
    const text =
      '截至2019年底，共主动公开政府信息5000条。截至12月31日，本年主动公开政府信息共300条。';
    expect(one(text).map((f) => [f.value, f.cumulative])).toEqual([
      [5000, true],
      [300, false],
    ]);
  });

  it('R8.7 reads statements of none about requests and fees', () => {
    const text = [
      '2016年全区未收到有关政府信息公开申请。',
      '因未发生政府信息公开申请，故不存在答复情况。',
      '依申请提供政府信息暂不收费。',
      '2021年，无收取信息处理费情况。',
    ].join('\n');
    expect(one(text).map((f) => [f.key, f.value, f.at])).toEqual([
      ['requestsReceived', 0, '未收到'],
      ['requestsReceived', 0, '未发生'],
      ['feesCollected', 0, '暂不收费'],
      ['feesCollected', 0, '无收取'],
    ]);
  });

  it('R8.7 ignores negations about other things', () => {
    const text = [
      '2020年共接受评价377条，无差评，好评度100%。',
      '截至目前，尚未接到任何投诉举报。',
      '印制服务指南，并向办事群众免费公开发放。',
      '我局没有从事政府信息公开工作的全职人员。',
      '4.无正当理由大量反复申请0000000',
      '2.没有现成信息需要另行制作0000000 3.补正后申请内容仍不明确',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    ].join('\n');
    expect(one(text)).toEqual([]);
  });

  it('R8.7 tells a denied review from a denied request in one sentence', () => {
    const text = '2011年全县未收到有关政府信息公开的申请，未收到有关政府信息公开行政复议申请。';
    expect(one(text).map((f) => [f.key, f.at])).toEqual([
      ['requestsReceived', '未收到'],
      ['reviewCases', '未收到'],
    ]);
  });

  it('R8.8 a denied outcome (纠错, 败诉) is not zero cases', () => {
    expect(one('全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。')).toEqual([]);
  });

  it('R8.9 a heading over a bare 无 gives 0 for the heading’s subject', () => {
    const text =
      '四、政府信息公开的收费及减免情况\n无。\n五、因政府信息公开申请行政复议、提起行政诉讼的情况\n\n无\n七、其他需要报告的事项\n无。';
    expect(one(text).map((f) => [f.key, f.value, f.at])).toEqual([
      ['feesCollected', 0, '无'],
      ['reviewCases', 0, '无'],
      ['litigationCases', 0, '无'],
    ]);
  });

  it('R8.10 reads full-width digits, thousands separators and Chinese numerals', () => {
    const text = '主动公开政府信息１２条。主动公开政府信息1,234条。收到政府信息公开申请两件。';
    expect(one(text).map((f) => [f.value, f.at])).toEqual([
      [12, '１２条'],
      [1234, '1,234条'],
      [2, '两件'],
    ]);
  });

  it('R8.11 a sentence wrapped by a PDF converter stays one sentence', () => {
    const text =
      '四、政府信息公开申请情况\n全年收到政府信息公开申请 34 件，上年结转政府信息公开\n申请 2 件，所有申请均已按要求办理完成。\n五、政府信息管理';
    const [fact] = extractFacts(text, []);
    expect(sentenceOf(text, fact)).toBe(
      '全年收到政府信息公开申请 34 件，上年结转政府信息公开\n申请 2 件，所有申请均已按要求办理完成。',
    );
  });

  it('R8.12 drops facts inside excluded spans and keeps the others', () => {
    const text = '主动公开政府信息41条。收到政府信息公开申请3件。';
    const inTable: Span = [text.indexOf('收到'), text.length];
    expect(extractFacts(text, [inTable]).map((f) => f.key)).toEqual(['activeDisclosed']);
  });

  it('R8.12 is deterministic, in document order, with no span repeated for a key', () => {
    const text = seed('004') + '\n' + seed('000');
    const facts = extractFacts(text, []);
    expect(extractFacts(text, [])).toEqual(facts);
    const starts = facts.map((f) => f.span[0]);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const ids = facts.map((f) => `${f.key}:${f.span.join(':')}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of facts) {
      expect(f.sentence[0]).toBeLessThanOrEqual(f.span[0]);
      expect(f.sentence[1]).toBeGreaterThanOrEqual(f.span[1]);
    }
  });
});

interface Truth {
  file: string;
  facts: Record<string, number>;
}

const truthDir = new URL('corpus/truth/', fixtures);
const goldens = readdirSync(truthDir)
  .map((f) => JSON.parse(readFileSync(new URL(f, truthDir), 'utf8')) as Truth)
  .filter((t) => /\.(txt|md)$/.test(t.file));

describe('extractFacts on the hand-checked corpus', () => {
  it.each(goldens.map((t) => [t.file, t] as const))('R8.1–R8.9 golden %s', (file, truth) => {
    const text = readFileSync(new URL(`corpus/${file}`, fixtures), 'utf8');
    const facts = extractFacts(text, []);
    for (const [key, value] of Object.entries(truth.facts)) {
      expect(
        facts.some((f) => f.key === key && f.value === value),
        `${key} = ${value}`,
      ).toBe(true);
    }
    for (const f of facts) expect(text.slice(...f.span).length).toBeGreaterThan(0);
  });
});
