import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from './report';

const bytes = (text: string) => new TextEncoder().encode(text);
const seed = (name: string) =>
  readFileSync(new URL(`./fixtures/seeds/${name}`, import.meta.url), 'utf8');

describe('parseReport', () => {
  it.each([
    ['empty-file', new Uint8Array()],
    ['binary-file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48])],
  ])('R0.1 a file that is no document gives %s, never a throw', async (code, input) => {
    expect(await parseReport(input, 'x')).toMatchObject({ ok: false, error: { code } });
  });

  it.each(['report.docx', 'report.doc', 'report'])(
    'R1.1 an OLE compound file named %j (an encrypted Office file, a legacy .doc) is encrypted-docx',
    async (name) => {
      const ole = new Uint8Array(2048);
      ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      expect(await parseReport(ole, name)).toMatchObject({
        ok: false,
        error: { code: 'encrypted-docx' },
      });
    },
  );

  it('R0.2 text with no report in it is a report with no-report-data and no tables', async () => {
    const result = await parseReport(bytes('hello world\n这是一段普通的文字。'), 'x.txt');
    expect(result.ok && result.report.issues.map((issue) => issue.code)).toEqual([
      'no-report-data',
    ]);
    expect(result.ok && result.report.tables).toEqual([]);
  });

  it('R0.2 the blank template (labels, no numbers) is not a table of zeros', async () => {
    const blank = seed('001_b7938c474e787140.txt').replace(/^\d+ \|$/gm, '|');
    const result = await parseReport(bytes(blank), 'blank.txt');
    expect(result.ok && result.report.tables).toEqual([]);
    expect(result.ok && result.report.issues.some((issue) => issue.code === 'no-report-data')).toBe(
      true,
    );
  });

  it('R0.4 the template is the matched form with table numbers, narrative with prose facts only', async () => {
    const template = async (text: string) => {
      const result = await parseReport(bytes(text), 'x.txt');
      return result.ok ? result.report.meta.template : null;
    };
    expect(await template(seed('001_b7938c474e787140.txt'))).toBe('2021');
    expect(await template(seed('003_aaaddea679991605.txt'))).toBe('2019');
    expect(await template('2020年，本机关共收到政府信息公开申请3件，均已办结。')).toBe('narrative');
    expect(await template('hello world')).toBe('unknown');
  });

  it('R3.9 a section whose table was published as an image gives table-missing', async () => {
    const text = seed('001_b7938c474e787140.txt');
    const start = text.indexOf('第二十条第(一)项');
    const withoutActive =
      text.slice(0, start) + text.slice(text.indexOf('三、收到和处理政府信息公开申请情况'));
    const result = await parseReport(bytes(withoutActive), 'x.txt');
    const missing = result.ok
      ? result.report.issues.filter((issue) => issue.code === 'table-missing')
      : [];
    expect(missing).toHaveLength(1);
    expect(result.ok && withoutActive.slice(...(missing[0]?.span ?? [0, 0]))).toBe(
      '二、主动公开政府信息情况',
    );
  });

  it('R3.9 an older prose report with similar headings has no table-missing', async () => {
    const result = await parseReport(bytes(seed('004_c64e2b0abbe2f0bd.txt')), 'x.txt');
    expect(result.ok && result.report.issues.map((issue) => issue.code)).not.toContain(
      'table-missing',
    );
  });
});
