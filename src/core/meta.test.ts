import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractMeta } from './meta';
import type { Field } from './types';

const fixtures = new URL('./fixtures/', import.meta.url);

function seed(prefix: string): string {
  const name = readdirSync(new URL('seeds/', fixtures)).find((f) => f.startsWith(`${prefix}_`));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(new URL(`seeds/${name}`, fixtures), 'utf8');
}

/** The value and the text its span points at: a span must cover exactly what the value came from. */
function read<T>(text: string, field: Field<T>): { value: T | null; at: string | null } {
  return { value: field.value, at: field.span ? text.slice(...field.span) : null };
}

describe('extractMeta on the seeds', () => {
  it('R7.1 takes the agency from the 发布机构 page field (seed 000)', () => {
    const text = seed('000');
    const meta = extractMeta(text);
    expect(read(text, meta.agency)).toEqual({
      value: '青云谱区行政审批局',
      at: '青云谱区行政审批局',
    });
    expect(meta.agency.span?.[0]).toBe(text.indexOf('青云谱区行政审批局'));
  });

  it('R7.2 takes the agency and the year from the title line (seeds 001, 002)', () => {
    const t1 = seed('001');
    const m1 = extractMeta(t1);
    expect(read(t1, m1.agency)).toEqual({
      value: '益阳市行政审批服务局',
      at: '益阳市行政审批服务局',
    });
    expect(m1.agency.span?.[0]).toBe(0);
    expect(read(t1, m1.year)).toEqual({ value: 2022, at: '2022' });

    const t2 = seed('002');
    const m2 = extractMeta(t2);
    expect(read(t2, m2.agency)).toEqual({ value: '衢州市行政服务中心', at: '衢州市行政服务中心' });
    expect(read(t2, m2.year)).toEqual({ value: 2014, at: '2014' });
    // The title line, not 组配分类: 2014年度 above it.
    expect(m2.year.span?.[0]).toBe(t2.indexOf('衢州市行政服务中心2014') + 9);
  });

  it('R7.2 reads a title split over two lines, agency above the year (seed 003)', () => {
    const text = seed('003');
    const meta = extractMeta(text);
    expect(read(text, meta.agency)).toEqual({
      value: '江源区大石人镇人民政府',
      at: '江源区大石人镇人民政府',
    });
    expect(meta.agency.span?.[0]).toBe(0);
    expect(read(text, meta.year)).toEqual({ value: 2020, at: '2020' });
  });

  it('R7.4 falls back on a 年度报告 phrase in the prose (seed 004)', () => {
    const text = seed('004');
    const meta = extractMeta(text);
    expect(read(text, meta.agency)).toEqual({ value: '青云谱区', at: '青云谱区' });
    expect(meta.agency.span?.[0]).toBe(text.indexOf('2017年度青云谱区') + 6);
    expect(read(text, meta.year)).toEqual({ value: 2017, at: '2017' });
  });

  it('R7.6 takes the year from the 统计期限 sentence when there is no title (seed 000)', () => {
    const text = seed('000');
    const meta = extractMeta(text);
    expect(read(text, meta.year)).toEqual({ value: 2020, at: '2020' });
    expect(meta.year.span?.[0]).toBe(text.indexOf('统计期限自2020') + 5);
  });

  it('R7.7 reports the typo 2029年 in a 2020 report as year-conflict and keeps 2020 (seed 000)', () => {
    const text = seed('000');
    const meta = extractMeta(text);
    expect(meta.year.value).toBe(2020);
    expect(meta.issues).toHaveLength(1);
    const [issue] = meta.issues;
    expect(issue).toMatchObject({ code: 'year-conflict', severity: 'warning' });
    expect(issue?.message).toContain('2029年');
    expect(issue?.span && text.slice(...issue.span)).toBe('2029年');
  });

  it('R7.7 raises no year-conflict on the other seeds', () => {
    for (const prefix of ['001', '002', '003', '004']) {
      expect(extractMeta(seed(prefix)).issues, prefix).toEqual([]);
    }
  });

  it('R7.8 reads the published date from the page metadata (seeds 000, 002)', () => {
    const t0 = seed('000');
    expect(read(t0, extractMeta(t0).published)).toEqual({ value: '2021-01-29', at: '2021-01-29' });

    // 发布日期 is preferred to 成文日期, which comes first in the file.
    const t2 = seed('002');
    const published = extractMeta(t2).published;
    expect(read(t2, published)).toEqual({ value: '2015-03-30', at: '2015-03-30' });
    expect(published.span?.[0]).toBe(t2.indexOf('发布日期:') + 5);
  });

  it('R7.9 reads the closing date line, at the end or under the signature (seeds 003, 004)', () => {
    const t4 = seed('004');
    const p4 = extractMeta(t4).published;
    expect(read(t4, p4)).toEqual({ value: '2018-02-09', at: '2018年2月9日' });
    expect(p4.span?.[0]).toBe(t4.lastIndexOf('2018年2月9日'));

    const t3 = seed('003');
    const p3 = extractMeta(t3).published;
    expect(read(t3, p3)).toEqual({ value: '2020-12-31', at: '2020年12月31日' });
    expect(t3.slice(0, p3.span?.[0]).trimEnd().endsWith('白山市江源区大石人镇人民政府')).toBe(true);
  });

  it('R7.11 leaves published null when the report states no date (seed 001)', () => {
    expect(extractMeta(seed('001')).published).toEqual({ value: null, span: null });
  });

  it('R7.11 reads a report repeated twice in one file like a single copy (seed 003)', () => {
    const text = seed('003');
    const half = text.indexOf('\n江源区大石人镇人民政府\n2020年政府信息') + 1;
    expect(half).toBeGreaterThan(1);
    const whole = extractMeta(text);
    const first = extractMeta(text.slice(0, half));
    expect(whole.agency).toEqual(first.agency);
    expect(whole.year).toEqual(first.year);
    expect(whole.published).toEqual(first.published);
  });
});

describe('extractMeta rules on small texts', () => {
  it('R7.1 ignores an empty 发布机构 field and uses the title', () => {
    const text = '标题: 某某县人民政府2011年政府信息公开工作年度报告\n发布机构: \n栏目: 年报\n';
    expect(read(text, extractMeta(text).agency)).toEqual({
      value: '某某县人民政府',
      at: '某某县人民政府',
    });
  });

  it('R7.2 takes the year from the title, not the first year-like number', () => {
    const text =
      '索引号: 2021-00012\n某某县人民政府2020年政府信息公开工作年度报告\n根据2019年修订的《条例》编制。';
    expect(read(text, extractMeta(text).year)).toEqual({ value: 2020, at: '2020' });
  });

  it('R7.2 reads a year-first title wrapped over two lines by a PDF converter', () => {
    const text = '正文\n2024 年上海市某委政府信息公开工作\n年度报告\n根据《条例》编制。';
    const meta = extractMeta(text);
    expect(read(text, meta.agency)).toEqual({ value: '上海市某委', at: '上海市某委' });
    expect(meta.year.value).toBe(2024);
  });

  it('R7.2 reads a title a PDF wrapped inside a word of the report name', () => {
    for (const wrapped of [
      '信息公\n开工作年度报告',
      '信息公开工作年\n度报告',
      '信息公开工作年度报\n告',
    ]) {
      const text = `某某镇人民政府2020年政府${wrapped}\n根据《条例》编制。`;
      const meta = extractMeta(text);
      expect(read(text, meta.agency)).toEqual({ value: '某某镇人民政府', at: '某某镇人民政府' });
      expect(meta.year.value).toBe(2020);
    }
  });

  it('R7.2 does not take a sentence that merely names the report as the title', () => {
    const text = '现将大石人镇2020年度政府信息公开工作报告如下:\n一、总体情况';
    expect(extractMeta(text).agency.value).toBeNull();
  });

  it('R7.3 prefers the title when 发布机构 is the general office of the titled body', () => {
    const text =
      '标题: 平潭综合实验区2023年度政府信息公开工作年度报告\n发布机构: 平潭综合实验区管委会办公室\n';
    expect(read(text, extractMeta(text).agency)).toEqual({
      value: '平潭综合实验区',
      at: '平潭综合实验区',
    });
  });

  it('R7.3 prefers 发布机构 when it names a department, not the general office', () => {
    const text =
      '发布机构: | 某某区行政审批局 | 生成日期: | 2021-01-29 |\n某某区2020年政府信息公开工作年度报告\n';
    expect(extractMeta(text).agency.value).toBe('某某区行政审批局');
  });

  it('R7.5 strips 关于 and trailing 的, and keeps 政府 of 人民政府', () => {
    const a = '关于某某市财政局2019年度的政府信息公开工作年度报告\n';
    expect(read(a, extractMeta(a).agency)).toEqual({ value: '某某市财政局', at: '某某市财政局' });
    const b = '2018年度某某区人民政府信息公开年度报告\n';
    expect(read(b, extractMeta(b).agency)).toEqual({
      value: '某某区人民政府',
      at: '某某区人民政府',
    });
  });

  it('R7.6 falls back on the most frequent year when nothing names the reported year', () => {
    const text = '2016年，我局做好公开工作。2016年共公开信息12条。2015年的问题已整改。';
    expect(read(text, extractMeta(text).year)).toEqual({ value: 2016, at: '2016' });
  });

  it('R7.7 does not flag plans, ranges and document titles that name later years', () => {
    const text = [
      '某某县2020年政府信息公开工作年度报告',
      '发布日期: 2021-02-01',
      '到2025年基本建成服务型政府，2023年底前完成改造。',
      '印发《某某规划（2021－2035年）》和《2030年远景目标纲要》。',
      '上年结转2019年申请1件。',
    ].join('\n');
    expect(extractMeta(text).issues).toEqual([]);
  });

  it('R7.7 flags a later year stated as this year’s figure', () => {
    const text =
      '某某县2020年政府信息公开工作年度报告\n发布日期: 2021-02-01\n2028年全年共主动公开信息12条。';
    const issues = extractMeta(text).issues;
    expect(issues.map((i) => i.span && text.slice(...i.span))).toEqual(['2028年']);
  });

  it('R7.10 reads dates whose 年 and 月 the converter dropped, and rejects impossible ones', () => {
    const a = '某某县2017年政府信息公开工作年度报告\n……\n某某县人民政府\n20171231日\n';
    expect(read(a, extractMeta(a).published)).toEqual({ value: '2017-12-31', at: '20171231日' });
    const b = '某某县2017年政府信息公开工作年度报告\n发布时间: 2018-02-30 10:00\n';
    expect(extractMeta(b).published).toEqual({ value: null, span: null });
  });

  it('R7.11 returns nulls and no issues for a text without metadata', () => {
    expect(extractMeta('')).toEqual({
      agency: { value: null, span: null },
      year: { value: null, span: null },
      published: { value: null, span: null },
      issues: [],
    });
  });
});

interface Truth {
  file: string;
  meta: { agency: string; year: number };
  facts: Record<string, number>;
}

const truthDir = new URL('corpus/truth/', fixtures);
const goldens = readdirSync(truthDir)
  .map((f) => JSON.parse(readFileSync(new URL(f, truthDir), 'utf8')) as Truth)
  .filter((t) => /\.(txt|md)$/.test(t.file));

describe('extractMeta on the hand-checked corpus', () => {
  it('R7.1–R7.6 have text truth files to check against', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(11);
  });

  it.each(goldens.map((t) => [t.file, t] as const))('R7.1–R7.6 golden %s', (file, truth) => {
    const text = readFileSync(new URL(`corpus/${file}`, fixtures), 'utf8');
    const meta = extractMeta(text);
    expect(meta.agency.value).toBe(truth.meta.agency);
    expect(meta.year.value).toBe(truth.meta.year);
    expect(meta.agency.span && text.slice(...meta.agency.span)).toBe(truth.meta.agency);
    expect(meta.year.span && text.slice(...meta.year.span)).toBe(String(truth.meta.year));
    expect(meta.issues).toEqual([]);
  });
});
