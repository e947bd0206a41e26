import type { Issue } from './types';

export interface Decoded {
  text: string;
  encoding: string;
  issues: Issue[];
}

/**
 * Bytes → text (SPEC R1). A BOM decides; otherwise strict UTF-8, then GB18030 (which also reads
 * GBK and GB2312). The `gbk` label decodes differently in Node and browsers, so it is never used.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: new TextDecoder('utf-8').decode(bytes.subarray(3)),
      encoding: 'utf-8',
      issues: [],
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      issues: [],
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      issues: [],
    };
  }
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      issues: [],
    };
  } catch {
    return {
      text: new TextDecoder('gb18030').decode(bytes),
      encoding: 'gb18030',
      issues: [
        {
          code: 'decode-fallback',
          severity: 'info',
          message: '文件不是有效的 UTF-8，已按 GB18030（兼容 GBK/GB2312）解码',
          span: null,
        },
      ],
    };
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
