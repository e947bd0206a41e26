import type { ParsedIssue } from './types';

export interface Decoded {
  text: string;
  encoding: string;
  issues: ParsedIssue[];
}

const GB_FAMILY = /^(?:gb2312|gbk|gb18030|x-gbk|csgb2312|gb_2312-80|chinese|iso-ir-58)$/;

/**
 * Bytes → text (SPEC R1.2, R1.3, R1.7, R1.8, R13.7). A BOM decides; otherwise UTF-16 when its zero
 * bytes say so; otherwise strict UTF-8, or UTF-8 with a stray invalid byte replaced; otherwise the
 * encoding an HTML page declares, when it decodes cleanly; otherwise Big5 when the bytes are Big5's;
 * otherwise GB18030 (which also reads GBK and GB2312). A page's declaration is evidence, not proof:
 * bytes that are valid UTF-8 stay UTF-8 whatever it says. The `gbk` label is never used, because
 * Node and browsers decode it differently.
 */
export function decodeBytes(bytes: Uint8Array, declared: string | null = null): Decoded {
  const bom = bomOf(bytes);
  if (bom) return lossy(bom.encoding, bytes.subarray(bom.mark.length));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== null) return lossy(utf16, bytes);
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', issues: [] };
  const nearlyUtf8 = mostlyUtf8(bytes);
  if (nearlyUtf8 !== null) return nearlyUtf8;
  if (declared !== null && GB_FAMILY.test(declared)) {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', issues: [] };
  }
  const other = declared !== null && declared !== 'utf-8' ? tryDecode(declared, bytes) : null;
  if (declared !== null && other !== null) return { text: other, encoding: declared, issues: [] };
  const big5 = looksBig5(bytes) ? tryDecode('big5', bytes) : null;
  if (big5 !== null) {
    return {
      text: big5,
      encoding: 'big5',
      issues: [
        {
          code: 'decode-fallback',
          severity: 'info',
          message: '文件不是有效的 UTF-8，按其字节判断为繁体中文的 Big5 编码，已按 Big5 解码',
          span: null,
        },
      ],
    };
  }
  return {
    text: new TextDecoder('gb18030').decode(bytes),
    encoding: 'gb18030',
    issues: [
      {
        code: 'decode-fallback',
        severity: 'info',
        message: declared
          ? `文件声明的编码 ${declared} 与内容不符，已按 GB18030（兼容 GBK/GB2312）解码`
          : '文件不是有效的 UTF-8，已按 GB18030（兼容 GBK/GB2312）解码',
        span: null,
      },
    ],
  };
}

// A stray invalid byte in UTF-8 (a file cut mid-character, a byte flipped in transit) is at most one
// in a thousand bytes, amid at least twenty valid multibyte characters for each: GBK or Big5 read as
// UTF-8 has invalid sequences every few characters (SPEC R1.8).
const MAX_INVALID_PER_BYTE = 1 / 1000;
const MIN_MULTIBYTE_PER_INVALID = 20;

/** UTF-8 with its few invalid sequences replaced by U+FFFD and counted, or null when there are more. */
function mostlyUtf8(bytes: Uint8Array): Decoded | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  const replaced = replacementCount(text) - countUtf8Replacements(bytes);
  if (replaced > Math.max(1, bytes.length * MAX_INVALID_PER_BYTE)) return null;
  let multibyte = 0;
  for (const char of text) if ((char.codePointAt(0) ?? 0) >= 0x80) multibyte += 1;
  if (multibyte - replaced < MIN_MULTIBYTE_PER_INVALID * replaced) return null;
  return { text, encoding: 'utf-8', issues: replacedIssues(text, replaced) };
}

/** A decoding that never fails, its replaced sequences counted (SPEC R1.2, R1.8). */
function lossy(encoding: string, bytes: Uint8Array): Decoded {
  const text = new TextDecoder(encoding).decode(bytes);
  const genuine =
    encoding === 'utf-8' ? countUtf8Replacements(bytes) : countUtf16Replacements(bytes, encoding);
  return { text, encoding, issues: replacedIssues(text, replacementCount(text) - genuine) };
}

function replacedIssues(text: string, replaced: number): ParsedIssue[] {
  if (replaced <= 0) return [];
  // The decoded text is not the display text of every format (HTML's is rebuilt), so the first
  // replacement is located by the words before it, which the reviewer can search for.
  const first = text.indexOf(REPLACEMENT);
  const before = text
    .slice(Math.max(0, first - 12), first)
    .replace(/\s+/g, ' ')
    .trim();
  return [
    {
      code: 'decode-replaced',
      severity: 'warning',
      message:
        `文件中有 ${replaced} 处无效字节，已替换为 ${REPLACEMENT}` +
        (before ? `（第一处在“${before}”之后）` : '') +
        '：请对照原件核对附近的内容',
      span: null,
    },
  ];
}

const REPLACEMENT = '\ufffd';

function replacementCount(text: string): number {
  let count = 0;
  for (let at = text.indexOf(REPLACEMENT); at >= 0; at = text.indexOf(REPLACEMENT, at + 1))
    count += 1;
  return count;
}

// U+FFFD printed in the file itself (EF BF BD: EF is never a continuation byte, so it always starts
// a sequence) is text, not a replacement.
function countUtf8Replacements(bytes: Uint8Array): number {
  let count = 0;
  for (
    let at = bytes.indexOf(0xef);
    at >= 0 && at + 2 < bytes.length;
    at = bytes.indexOf(0xef, at + 1)
  )
    if (bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd) count += 1;
  return count;
}

function countUtf16Replacements(bytes: Uint8Array, encoding: string): number {
  const [high, low] = encoding === 'utf-16be' ? [0, 1] : [1, 0];
  let count = 0;
  for (let at = 0; at + 1 < bytes.length; at += 2)
    if (bytes[at + high] === 0xff && bytes[at + low] === 0xfd) count += 1;
  return count;
}

// UTF-16 without a BOM shows itself by its ASCII and Latin-1 characters (digits, `|`, `·`), whose
// high byte is zero: in Chinese text with digits, at least one code unit in ten. A CJK character
// whose low byte is zero (一, U+4E00) puts zeros on the other side of the pairs, in a real report
// never half as many. A few dozen such characters at least: in a handful of bytes a pattern is
// chance (SPEC R1.7).
const UTF16_SAMPLE = 4096;
const MIN_LATIN = 32;
const MIN_LATIN_SHARE = 0.1;
const MIN_SIDE_RATIO = 2;

/** `utf-16le` or `utf-16be` when BOM-less bytes are unmistakably UTF-16, else null. */
function utf16WithoutBom(bytes: Uint8Array): string | null {
  if (bytes.length % 2 !== 0 || bytes.length < 4) return null;
  const sample = bytes.subarray(0, UTF16_SAMPLE);
  const units = sample.length / 2;
  for (const [encoding, high] of [
    ['utf-16le', 1],
    ['utf-16be', 0],
  ] as const) {
    let latin = 0;
    let otherSide = 0;
    for (let at = 0; at + 1 < sample.length; at += 2) {
      const highByte = sample[at + high] ?? 0;
      const lowByte = sample[at + 1 - high] ?? 0;
      if (highByte !== 0) {
        if (lowByte === 0) otherSide += 1;
        continue;
      }
      // A control character (C0 or C1) other than a tab, a line or page break, or a NUL: no text.
      if ((lowByte < 0x20 && !TEXT_CONTROLS.has(lowByte)) || (lowByte >= 0x7f && lowByte < 0xa0)) {
        latin = 0;
        break;
      }
      latin += 1;
    }
    if (
      latin >= Math.max(MIN_LATIN, units * MIN_LATIN_SHARE) &&
      latin >= MIN_SIDE_RATIO * otherSide
    )
      return encoding;
  }
  return null;
}

const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);

/** UTF-16, by its BOM or its zero bytes: the encoding whose text decides whether it is binary. */
function isUtf16(bytes: Uint8Array): boolean {
  const bom = bomOf(bytes);
  return bom ? bom.encoding !== 'utf-8' : utf16WithoutBom(bytes) !== null;
}

/**
 * Big5 bytes decode as GB18030 without an error, into mojibake, and GBK bytes often decode as Big5.
 * Each encoding puts its frequent characters in one block: GB 2312's first level (B0A1–D7FE) and
 * Big5's 常用字 (A440–C67E). A text in either encoding has most of its two-byte characters in its own
 * block and far fewer in the other's, traditional text in GBK included (SPEC R13.7).
 */
function looksBig5(bytes: Uint8Array): boolean {
  let gb = 0;
  let big5 = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x81) continue;
    const trail = bytes[i + 1] ?? 0;
    // A GB18030 four-byte sequence (its second byte a digit) is neither.
    if (trail >= 0x30 && trail <= 0x39) {
      i += 3;
      continue;
    }
    if (lead >= 0xb0 && lead <= 0xd7 && trail >= 0xa1) gb += 1;
    if (lead >= 0xa4 && lead <= 0xc6 && (trail <= 0x7e || trail >= 0xa1)) big5 += 1;
    i += 1;
  }
  return big5 > 2 * gb;
}

const BOMS: readonly { mark: readonly number[]; encoding: string }[] = [
  { mark: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { mark: [0xff, 0xfe], encoding: 'utf-16le' },
  { mark: [0xfe, 0xff], encoding: 'utf-16be' },
];

function bomOf(bytes: Uint8Array): { mark: readonly number[]; encoding: string } | undefined {
  return BOMS.find(({ mark }) => mark.every((byte, i) => bytes[i] === byte));
}

/** The text, or null when the bytes are not valid in that encoding or the label is unknown. */
function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Text that is mostly control characters or replacement characters is not a document; nor are bytes
 * with NULs, unless they are UTF-16, whose text is judged instead, with every character no document
 * prints (private use, unassigned blocks: what random bytes read as UTF-16 mostly give) counted as
 * bad (SPEC R1.4, R1.7).
 */
export function looksBinary(bytes: Uint8Array, text: string): boolean {
  const utf16 = isUtf16(bytes);
  if (!utf16 && bytes.subarray(0, 4096).includes(0)) return true;
  let bad = 0;
  let length = 0;
  for (const char of text.slice(0, 4096)) {
    const code = char.codePointAt(0) ?? 0;
    length += 1;
    if (
      code === 0xfffd ||
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
      (utf16 && !printable(code))
    )
      bad += 1;
  }
  return bad > length * 0.05;
}

// Blocks a report's text is made of: Latin, Greek and Cyrillic, punctuation and symbols (numbers in
// circles, box drawing), CJK and its punctuation, compatibility and full-width forms, and the CJK
// extensions beyond the BMP.
const PRINTABLE: readonly [number, number][] = [
  [0x09, 0x0d],
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x370, 0x4ff],
  [0x2000, 0x2bff],
  [0x2e80, 0x9fff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef],
  [0x20000, 0x3134f],
];

function printable(code: number): boolean {
  return PRINTABLE.some(([from, to]) => code >= from && code <= to);
}
