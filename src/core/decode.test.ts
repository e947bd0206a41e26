import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes, looksBinary } from './decode';
import { findRepeat } from './duplicate';
import { sniffFormat } from './report';
import { digestHex, sha256Hex } from './sha256';

const utf8 = (text: string) => new TextEncoder().encode(text);
// 政府信息公开 in GB18030.
const GB = new Uint8Array([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa]);

describe('decodeBytes', () => {
  it('R1.2 a BOM decides the encoding and is not part of the text', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('规章')]))).toMatchObject({
      text: '规章',
      encoding: 'utf-8',
    });
    const utf16 = new Uint8Array([0xff, 0xfe, 0xc4, 0x89, 0xe0, 0x7a]);
    expect(decodeBytes(utf16)).toMatchObject({ text: '规章', encoding: 'utf-16le' });
  });

  it('R1.3 valid UTF-8 is UTF-8; anything else is GB18030, with a decode-fallback issue', () => {
    expect(decodeBytes(utf8('政府信息公开'))).toEqual({
      text: '政府信息公开',
      encoding: 'utf-8',
      issues: [],
    });
    const fallback = decodeBytes(GB);
    expect(fallback).toMatchObject({ text: '政府信息公开', encoding: 'gb18030' });
    expect(fallback.issues.map((issue) => issue.code)).toEqual(['decode-fallback']);
  });

  it('R1.3 a page’s declared charset is evidence, not proof', () => {
    expect(decodeBytes(utf8('政府信息公开'), 'gb2312')).toMatchObject({
      encoding: 'utf-8',
      issues: [],
    });
    expect(decodeBytes(GB, 'gbk')).toMatchObject({
      text: '政府信息公开',
      encoding: 'gb18030',
      issues: [],
    });
    const big5 = new Uint8Array([0xac, 0x46, 0xa9, 0xb2]); // 政府 in Big5
    expect(decodeBytes(big5, 'big5')).toMatchObject({ text: '政府', encoding: 'big5', issues: [] });
    const wrong = decodeBytes(GB, 'shift_jis');
    expect(wrong.encoding).toBe('gb18030');
    expect(wrong.issues.map((issue) => issue.code)).toEqual(['decode-fallback']);
  });

  it('R1.4 bytes with NULs or mostly control characters are binary, Chinese text is not', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(looksBinary(png, decodeBytes(png).text)).toBe(true);
    const text = utf8('二、主动公开政府信息情况\n规章 |\n0 |\n');
    expect(looksBinary(text, decodeBytes(text).text)).toBe(false);
  });
});

describe('sniffFormat', () => {
  it('R1.1 content decides the format before the file name does', () => {
    expect(sniffFormat(utf8('%PDF-1.7'), 'a.txt')).toBe('pdf');
    expect(sniffFormat(new Uint8Array([0x50, 0x4b, 3, 4, 0]), 'a.txt')).toBe('docx');
    expect(sniffFormat(utf8('  <!DOCTYPE html><html>'), 'a.txt')).toBe('html');
    expect(sniffFormat(utf8('规章 |'), 'page.html')).toBe('html');
    expect(sniffFormat(utf8('规章 |'), 'a.md')).toBe('text');
  });
});

describe('findRepeat', () => {
  const report = Array.from({ length: 30 }, (_, i) => `第${i}行`).join('\n');

  it('R1.5 a second whole copy of the report is found, from its first line to the end', () => {
    const text = `${report}\n${report}\n`;
    expect(findRepeat(text)).toEqual([report.length + 1, text.length]);
  });

  it('R1.5 a repeated heading or paragraph is not a second copy', () => {
    expect(findRepeat(`${report}\n第0行\n其他内容\n`)).toBeNull();
  });

  it('R1.5 seed 003 holds its report twice', () => {
    const text = readFileSync(
      new URL('./fixtures/seeds/003_aaaddea679991605.txt', import.meta.url),
      'utf8',
    );
    const repeat = findRepeat(text);
    expect(repeat).not.toBeNull();
    expect(text.slice(repeat?.[0], (repeat?.[0] ?? 0) + 11)).toBe('江源区大石人镇人民政府');
  });
});

describe('sha256Hex', () => {
  it('R1.6 matches a reference SHA-256 on empty, short and multi-block input, native or not', async () => {
    for (const bytes of [new Uint8Array(), utf8('abc'), utf8('年报'.repeat(100))]) {
      const reference = createHash('sha256').update(bytes).digest('hex');
      expect(sha256Hex(bytes)).toBe(reference);
      expect(await digestHex(bytes)).toBe(reference);
    }
  });
});
