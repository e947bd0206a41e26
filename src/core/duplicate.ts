import type { Span } from './types';

/**
 * Finds a second copy of the report inside the text (SPEC R1.5): the lines from some line on repeat
 * the document's opening lines. Returns the span of the repeat, or null. Only whole copies count:
 * at least MIN_LINES lines and MIN_SHARE of the remaining lines must match the opening.
 */
export function findRepeat(text: string): Span | null {
  const lines: { text: string; start: number }[] = [];
  const pattern = /[^\n]*/g;
  for (const match of text.matchAll(pattern)) {
    const trimmed = match[0].trim();
    if (trimmed !== '') lines.push({ text: trimmed, start: match.index ?? 0 });
  }
  const first = lines[0];
  if (!first || lines.length < MIN_LINES * 2) return null;
  for (let at = MIN_LINES; at <= lines.length - MIN_LINES; at++) {
    if (lines[at]?.text !== first.text) continue;
    const length = lines.length - at;
    let same = 0;
    for (let i = 0; i < length; i++) if (lines[i]?.text === lines[at + i]?.text) same += 1;
    if (same >= MIN_SHARE * length) return [(lines[at] as { start: number }).start, text.length];
  }
  return null;
}

const MIN_LINES = 10;
const MIN_SHARE = 0.9;
