import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { parseCellText } from './cells';
import { decodeBytes } from './decode';
import { displaySpan, matchingText } from './matchingText';
import { parseReport } from './report';
import type { Report } from './types';

const fold = async (text: string) => (await matchingText(text)).text;
const seed = (name: string) =>
  readFileSync(new URL(`./fixtures/seeds/${name}`, import.meta.url), 'utf8');

async function parse(text: string): Promise<Report> {
  const result = await parseReport(new TextEncoder().encode(text), 'x.txt');
  if (!result.ok) throw new Error(result.error.message);
  return result.report;
}

function cellValues(report: Report): Record<string, number | null> {
  return Object.fromEntries(
    report.tables.flatMap((table) =>
      table.rows.flatMap((row) =>
        Object.entries(row.cells).map(([column, cell]) => [
          `${table.id}/${row.key}/${column}`,
          cell.value,
        ]),
      ),
    ),
  );
}

// A mirror's converter: readings after some characters, as the mirrors print them.
const READINGS: Record<string, string> = {
  區: 'qū',
  數: 'shù',
  結: 'jié',
  轉: 'zhuǎn',
  發: 'fā',
  請: 'qǐng',
  業: 'yè',
  務: 'wu',
};
const annotate = (text: string) =>
  [...text].map((char) => (READINGS[char] ? `${char}(${READINGS[char]})` : char)).join('');

describe('matchingText', () => {
  it('R13.1 Kangxi radicals, radical-supplement and compatibility forms read as ideographs', async () => {
    expect(await fold('⼀、总体情况')).toBe('一、总体情况');
    expect(await fold('沭阳县发展和改⾰局，⾏政许可')).toBe('沭阳县发展和改革局，行政许可');
    expect(await fold('政⺠互动 ⾸⻚ ⻓期 ⻅⾯')).toBe('政民互动 首页 长期 见面');
    expect(await fold('\uf900 \u2ed1')).toBe('岂 长');
  });

  it('R13.2 traditional characters read as simplified, Hong Kong and Taiwan forms too', async () => {
    expect(await fold('區科技工業商務信息化局')).toBe('区科技工业商务信息化局');
    expect(await fold('裡裏里 爲為 綫線 衞衛')).toBe('里里里 为为 线线 卫卫');
    expect(await fold('二、上年結轉政府信息公開申請數量')).toBe('二、上年结转政府信息公开申请数量');
  });

  it('R13.2 a word that converts otherwise than its characters reads as the word', async () => {
    expect(await fold('4.無正當理由大量反覆申請；答覆')).toBe('4.无正当理由大量反复申请；答复');
  });

  it('R13.2 in mixed text each traditional-only character is folded where it stands', async () => {
    expect(await fold('本年新收政府信息公開申請數量 | 3 | 自然人')).toBe(
      '本年新收政府信息公开申请数量 | 3 | 自然人',
    );
  });

  it('R13.2 characters simplified text uses too fold only in a traditional text', async () => {
    // 乾县 is a county, 於 a surname: a simplified report keeps them.
    expect(await fold('乾县人民政府办公室 於某某 區')).toBe('乾县人民政府办公室 於某某 区');
    expect(await fold('關於印發乾縣人民政府辦公室的通知')).toBe('关于印发乾县人民政府办公室的通知');
  });

  it('R13.3 a pinyin reading after an ideograph is removed, half- or full-width', async () => {
    expect(await fold('區(qū)科技工業(yè)商務(wù)信息化局')).toBe('区科技工业商务信息化局');
    expect(await fold('本年制發(fā)件數（shù）')).toBe('本年制发件数');
    expect(await fold('綠(lǜ)色 金額(é)')).toBe('绿色 金额');
  });

  it('R13.3 one toned syllable per character of the word before it is a reading', async () => {
    expect(await fold('政府(zhèng fǔ)信息')).toBe('政府信息');
    expect(await fold('府(zhèng fǔ)')).toBe('府(zhèng fǔ)');
  });

  it('R13.3 tone numbers and toneless syllables are readings only among toned ones', async () => {
    expect(await fold('區(qu1)科(ke1)技(ji4)任務(wu)')).toBe('区科技任务');
    expect(await fold('知識(shi)')).toBe('知识(shi)');
    expect(await fold('附件(a1)')).toBe('附件(a1)');
    expect(await fold('區(qū)數(shù)結(jié) 知識(shi) 任務(wu)')).toBe('区数结 知识 任务');
  });

  it('R13.3 brackets that are no reading stay', async () => {
    const kept = [
      '年报(PDF)',
      '附件(a)',
      '附件(e)',
      '报告(2021)',
      '(一)予以公开',
      '网站（www.pingtan.gov.cn）',
      '政府信息公开(open government)',
      '北京(Beijing)',
      '应用(app)',
      '数量 1(yī)',
    ];
    // Among toned readings too: a converter writes readings after ideographs only.
    const annotated = `區(qū)數(shù)結(jié) ${kept.join(' ')}`;
    expect(await fold(annotated)).toBe(`区数结 ${kept.join(' ')}`);
    expect(parseCellText('1(yī)')).toMatchObject({ kind: 'number', value: 1, raw: '1(yī)' });
  });

  it('R13.4 a text with nothing to fold is its own matching text', async () => {
    const text = seed('001_b7938c474e787140.txt');
    const matching = await matchingText(text);
    expect(matching.text).toBe(text);
    expect(matching.offsets).toBeNull();
  });

  it('R13.5 a span maps to the characters as printed, readings inside it included', async () => {
    const display = '局區(qū)科技 2';
    const matching = await matchingText(display);
    expect(matching.text).toBe('局区科技 2');
    expect(display.slice(...displaySpan(matching, [1, 4]))).toBe('區(qū)科技');
    expect(display.slice(...displaySpan(matching, [1, 2]))).toBe('區');
    expect(display.slice(...displaySpan(matching, [5, 6]))).toBe('2');
    expect(displaySpan(matching, [6, 6])).toEqual([display.length, display.length]);
  });
});

describe('parseReport on a matching text', () => {
  const simplified = seed('001_b7938c474e787140.txt');

  it.each([
    ['Taiwan', { from: 'cn', to: 'tw' }],
    ['Hong Kong', { from: 'cn', to: 'hk' }],
  ] as const)('R13.2 a copy in %s forms reads the same cells', async (_, options) => {
    const traditional = OpenCC.Converter(options)(simplified);
    expect(traditional).not.toBe(simplified);
    const [expected, report] = await Promise.all([parse(simplified), parse(traditional)]);
    expect(cellValues(report)).toEqual(cellValues(expected));
    expect(report.meta.template).toBe(expected.meta.template);
    expect(report.meta.agency.value).toBe(expected.meta.agency.value);
  });

  it('R13.2 a 2019 table with 本年新 headers in traditional characters is the 2019 template', async () => {
    const text = seed('003_aaaddea679991605.txt');
    const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(text);
    const [expected, report] = await Promise.all([parse(text), parse(traditional)]);
    expect(expected.meta.template).toBe('2019');
    expect(report.meta.template).toBe('2019');
    expect(cellValues(report)).toEqual(cellValues(expected));
  });

  it('R13.5 the report points into the text as printed; a cell raw is what is printed', async () => {
    const traditional = annotate(OpenCC.Converter({ from: 'cn', to: 'tw' })(simplified));
    const report = await parse(traditional);
    expect(report.text).toBe(traditional);
    expect(Object.keys(cellValues(report)).length).toBeGreaterThan(100);
    for (const table of report.tables)
      for (const row of table.rows)
        for (const cell of Object.values(row.cells))
          if (cell.kind !== 'blank')
            expect(traditional.slice(...(cell.span ?? [0, 0]))).toBe(cell.raw);
    for (const fact of report.facts) expect(fact.sentence[0]).toBeLessThan(fact.span[1]);
    const year = report.meta.year.span ?? [0, 0];
    expect(traditional.slice(...year)).toBe('2022');
  });

  it('R13.5 a na cell printed in traditional characters keeps its raw as printed', async () => {
    const text = simplified.replace('规章 |\n0 |', '规章 |\n无 |');
    const report = await parse(OpenCC.Converter({ from: 'cn', to: 'tw' })(text));
    const cell = report.tables[0]?.rows[0]?.cells.made;
    expect(cell).toMatchObject({ kind: 'na', raw: '無', value: null });
  });

  it('R13.6 the agency is given simplified and without readings, its span on the print', async () => {
    const title = '區(qū)科技工業(yè)商務(wù)信息化局2023年政府信息公開工作年度報(bào)告';
    const report = await parse(`${title}\n一、總體情況\n本年度共收到政府信息公開申請5件。\n`);
    expect(report.meta.agency.value).toBe('区科技工业商务信息化局');
    expect(title.slice(...(report.meta.agency.span ?? [0, 0]))).toBe(
      '區(qū)科技工業(yè)商務(wù)信息化局',
    );
    expect(report.meta.year.value).toBe(2023);
    expect(report.facts).toMatchObject([{ key: 'requestsReceived', value: 5 }]);
  });

  it('R13.6 row labels are given as matched: simplified, without readings', async () => {
    const traditional = annotate(OpenCC.Converter({ from: 'cn', to: 'hk' })(simplified));
    const labels = (report: Report) => report.tables.flatMap((t) => t.rows.map((row) => row.label));
    const [expected, report] = await Promise.all([parse(simplified), parse(traditional)]);
    expect(labels(report)).toEqual(labels(expected));
  });

  it('R13.6 a Chromium print with Kangxi radicals gives the agency of its title', async () => {
    const title = '平潭综合实验区2021年度政府信息公开⼯作年度报告';
    const report = await parse(`${title}\n⼀、总体情况\n`);
    expect(report.meta.agency.value).toBe('平潭综合实验区');
    expect(report.text).toBe(`${title}\n⼀、总体情况\n`);
  });
});

// A legacy double-byte encoder for tests: the platform decodes every lead and trail byte pair once.
function encoder(label: string, trails: (trail: number) => boolean): (text: string) => Uint8Array {
  const codes = new Map<string, number[]>();
  const decoder = new TextDecoder(label, { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (!trails(trail)) continue;
      try {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (!codes.has(char)) codes.set(char, [lead, trail]);
      } catch {
        // No character at these bytes.
      }
    }
  return (text) =>
    new Uint8Array(
      [...text].flatMap((char) =>
        char < '\u0080' ? [char.charCodeAt(0)] : (codes.get(char) ?? [0x3f]),
      ),
    );
}
const big5 = encoder('big5', (trail) => trail <= 0x7e || trail >= 0xa1);
const gbk = encoder('gb18030', (trail) => trail !== 0x7f);
const SEEDS = ['000_5cc7f11a5c206d15.txt', '001_b7938c474e787140.txt', '003_aaaddea679991605.txt'];

describe('Big5', () => {
  const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });

  it.each(SEEDS)('R13.7 a traditional copy of %s in Big5 is decoded as Big5', async (name) => {
    const text = toTaiwan(seed(name));
    const decoded = decodeBytes(big5(text));
    expect(decoded.encoding).toBe('big5');
    expect(decoded.issues.map((issue) => issue.code)).toEqual(['decode-fallback']);
    const result = await parseReport(big5(text), name);
    const expected = await parse(seed(name));
    expect(result.ok && cellValues(result.report)).toEqual(cellValues(expected));
    expect(result.ok && result.report.meta.agency.value).toBe(expected.meta.agency.value);
  });

  it.each(SEEDS)('R13.7 %s in GBK, simplified or traditional, is never taken for Big5', (name) => {
    for (const text of [seed(name), toTaiwan(seed(name))]) {
      expect(decodeBytes(gbk(text))).toMatchObject({ encoding: 'gb18030' });
    }
  });
});
