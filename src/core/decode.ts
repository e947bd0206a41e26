import type { Issue } from './types';

export interface Decoded {
  text: string;
  encoding: string;
  issues: Issue[];
}

const GB_FAMILY = /^(?:gb2312|gbk|gb18030|x-gbk|csgb2312|gb_2312-80|chinese|iso-ir-58)$/;

/**
 * Bytes → text (SPEC R1.2, R1.3, R13.7). A BOM decides; otherwise strict UTF-8; otherwise the encoding
 * an HTML page declares, when it decodes cleanly; otherwise Big5 when the bytes are Big5's; otherwise
 * GB18030 (which also reads GBK and GB2312). A page's declaration is evidence, not proof: bytes that
 * are valid UTF-8 stay UTF-8 whatever it says. The `gbk` label is never used, because Node and
 * browsers decode it differently.
 */
export function decodeBytes(bytes: Uint8Array, declared: string | null = null): Decoded {
  const bom = BOMS.find(({ mark }) => mark.every((byte, i) => bytes[i] === byte));
  if (bom) {
    return {
      text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.mark.length)),
      encoding: bom.encoding,
      issues: [],
    };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', issues: [] };
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

/** The text, or null when the bytes are not valid in that encoding or the label is unknown. */
function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Text that is mostly control characters or replacement characters is not a document (SPEC R1.4). */
export function looksBinary(bytes: Uint8Array, text: string): boolean {
  const sample = bytes.subarray(0, 4096);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros += 1;
  if (zeros > 0) return true;
  let bad = 0;
  const head = text.slice(0, 4096);
  for (const char of head) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d))
      bad += 1;
  }
  return bad > head.length * 0.05;
}
