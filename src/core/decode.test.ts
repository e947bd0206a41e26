import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes, looksBinary } from './decode';
import { findRepeat } from './duplicate';
import { parseReport, sniffFormat } from './report';
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

const SEED = readFileSync(new URL('./fixtures/seeds/000_5cc7f11a5c206d15.txt', import.meta.url));
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le').swap16());
// Random bytes from a fixed seed, so that a failure can be replayed.
function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}
const codes = (issues: readonly { code: string }[]) => issues.map((issue) => issue.code);

describe('UTF-16 and stray bytes', () => {
  it('R1.7 a report in UTF-16 with a BOM, either byte order, reads as the UTF-8 one does', async () => {
    const expected = await parseReport(SEED, 'seed.txt');
    if (!expected.ok) throw new Error('the seed parses');
    const text = SEED.toString('utf8');
    for (const [bytes, encoding] of [
      [new Uint8Array([0xff, 0xfe, ...utf16le(text)]), 'utf-16le'],
      [new Uint8Array([0xfe, 0xff, ...utf16be(text)]), 'utf-16be'],
    ] as const) {
      const result = await parseReport(bytes, 'seed.txt');
      if (!result.ok) throw new Error(`${encoding}: ${result.error.code}`);
      expect(result.report.source.encoding).toBe(encoding);
      expect(result.report.tables).toEqual(expected.report.tables);
      expect(result.report.issues).toEqual(expected.report.issues);
    }
  });

  it('R1.7 UTF-16 without a BOM is read when its zero bytes leave no doubt', () => {
    const text = '一、总体情况\n规章 | 0 | 1 |\n张·三 一二三 一 2021年\n'.repeat(4);
    expect(decodeBytes(utf16le(text))).toEqual({ text, encoding: 'utf-16le', issues: [] });
    expect(decodeBytes(utf16be(text))).toEqual({ text, encoding: 'utf-16be', issues: [] });
    expect(looksBinary(utf16le(text), text)).toBe(false);
    // A few characters leave no pattern to go by: not guessed.
    expect(decodeBytes(utf16le('政府信息公开 2021')).encoding).not.toMatch(/utf-16/);
  });

  it('R1.7 binaries stay binary: zeros on both sides of the pairs, NUL code units, noise after a BOM', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const zeroed = noise(4096, 7).map((byte, i) => (i % 5 === 0 ? 0 : byte));
    const halfZero = noise(4096, 11).map((byte, i) => (i % 2 === 1 && i % 6 !== 1 ? 0 : byte));
    const afterBom = new Uint8Array([0xff, 0xfe, ...noise(4096, 3)]);
    const controls = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from({ length: 400 }, (_, i) => [i % 20, 0]).flat(),
    ]);
    for (const bytes of [png, zeroed, halfZero, afterBom, controls]) {
      expect(looksBinary(bytes, decodeBytes(bytes).text)).toBe(true);
    }
  });

  it('R1.8 a few invalid bytes in UTF-8 are replaced and reported, not read as GB18030', async () => {
    const bytes = new Uint8Array(SEED);
    const at = SEED.indexOf('主动公开');
    bytes[at] = 0xff;
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('utf-8');
    // One byte of 主 gone: its lead and two continuation bytes are each a replacement.
    const around = [SEED.subarray(0, at), SEED.subarray(at + 3)].map((part) => part.toString());
    expect(decoded.text).toBe(around.join('\ufffd\ufffd\ufffd'));
    expect(decoded.issues).toEqual([
      expect.objectContaining({ code: 'decode-replaced', severity: 'warning', span: null }),
    ]);
    expect(decoded.issues[0]?.message).toContain('3 处无效字节');
    const result = await parseReport(bytes, 'seed.txt');
    expect(result.ok && codes(result.report.issues)).toContain('decode-replaced');
    // A U+FFFD printed in the file is text: nothing was replaced.
    expect(decodeBytes(utf8('政府\ufffd信息'))).toMatchObject({ encoding: 'utf-8', issues: [] });
  });

  it('R1.8 more invalid bytes than one in a thousand, or too few valid characters around them, is another encoding', () => {
    // GB18030 text has invalid UTF-8 every few characters.
    const gb = new Uint8Array(Array.from({ length: 100 }, () => [...GB]).flat());
    expect(decodeBytes(gb)).toMatchObject({ encoding: 'gb18030' });
    // One GBK character in ASCII: no UTF-8 around it to vouch for the file.
    const ascii = new Uint8Array([...utf8('Annual report 2021 '.repeat(20)), 0xd5, 0xfe]);
    expect(decodeBytes(ascii)).toMatchObject({ encoding: 'gb18030' });
    const damaged = new Uint8Array(SEED);
    for (let at = 100; at < damaged.length; at += 500) damaged[at] = 0xff;
    expect(decodeBytes(damaged).encoding).toBe('gb18030');
  });

  it('R1.8 replaced characters after a BOM are reported too', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...utf16le('规章'), 0x00, 0xd8, ...utf16le('件')]);
    const decoded = decodeBytes(bytes);
    expect(decoded.text).toBe('规章\ufffd件');
    expect(codes(decoded.issues)).toEqual(['decode-replaced']);
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
