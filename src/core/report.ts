import type { Report } from './types';

export type ParseResult =
  | { ok: true; report: Report }
  | { ok: false; error: { code: string; message: string } };

// Filled in by the parser work in progress.
export async function parseReport(_bytes: Uint8Array, _name: string): Promise<ParseResult> {
  return { ok: false, error: { code: 'not-implemented', message: '解析器尚未完成' } };
}
