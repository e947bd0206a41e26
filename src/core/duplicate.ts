import type { Span } from './types';

/**
 * Finds a second copy of the report inside the text (SPEC R1.5): the lines from some line on repeat
 * the document's opening lines. Returns the span of the repeat, or null. Only whole copies count:
 * at least MIN_LINES lines and MIN_SHARE of the remaining lines must match the opening.
 * Linear in the lines (SPEC R14.8): a candidate is compared line by line only when the lines after
 * it could match the opening as a multiset, and the comparisons have a budget per line of text.
 */
export function findRepeat(text: string): Span | null {
  const { ids, starts, distinct } = lineIds(text);
  const n = ids.length;
  const first = ids[0];
  if (first === undefined || n < MIN_LINES * 2) return null;
  // difference[v]: how often line v occurs in the rest (from `at`) minus in the opening of the same
  // length; `distance` is the sum of their absolute values. At most length − distance / 2 lines of the
  // rest can equal the opening's line for line, so a candidate further off than that is no copy.
  const difference = new Int32Array(distinct);
  let distance = 0;
  const add = (id: number, delta: number): void => {
    const before = difference[id] ?? 0;
    difference[id] = before + delta;
    distance += Math.abs(before + delta) - Math.abs(before);
  };
  for (let i = MIN_LINES; i < n; i++) add(ids[i] ?? 0, 1);
  for (let i = 0; i < n - MIN_LINES; i++) add(ids[i] ?? 0, -1);
  let budget = COMPARISONS_PER_LINE * n;
  for (let at = MIN_LINES; at <= n - MIN_LINES; at++) {
    const length = n - at;
    if (at > MIN_LINES) {
      add(ids[at - 1] ?? 0, -1);
      add(ids[length] ?? 0, 1);
    }
    if (ids[at] !== first || length - distance / 2 < MIN_SHARE * length) continue;
    // Give up on a candidate as soon as too many lines differ for it to reach MIN_SHARE.
    const allowed = length - MIN_SHARE * length;
    let differing = 0;
    let i = 0;
    for (; i < length && differing <= allowed; i++) if (ids[i] !== ids[at + i]) differing += 1;
    if (differing <= allowed) return [starts[at] ?? 0, text.length];
    budget -= i;
    if (budget < 0) return null;
  }
  return null;
}

/** The text's non-blank lines, trimmed, each as a small number (equal lines, equal numbers). */
function lineIds(text: string): { ids: number[]; starts: number[]; distinct: number } {
  const ids: number[] = [];
  const starts: number[] = [];
  const known = new Map<string, number>();
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    const trimmed = line.trim();
    if (trimmed !== '') {
      let id = known.get(trimmed);
      if (id === undefined) {
        id = known.size;
        known.set(trimmed, id);
      }
      ids.push(id);
      starts.push(start);
    }
    start = end + 1;
  }
  return { ids, starts, distinct: known.size };
}

const MIN_LINES = 10;
const MIN_SHARE = 0.9;
// Enough for any real file (the multiset test leaves few candidates), and a bound on a hostile one.
const COMPARISONS_PER_LINE = 16;
