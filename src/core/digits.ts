// A number as printed in reports' tables: no leading zero, at most one decimal point inside; in a
// column that can be negative (本年增/减), a sign before it.
const NUMBER = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;
const SIGNED_NUMBER = /^[+-]?(?:0|[1-9]\d*)(?:\.\d+)?$/;
// No cell of a report's tables holds a longer number (采购总金额 `75394432.52` is 11): the cap keeps
// every cut of a long run linear in its length.
const MAX_NUMBER = 16;

/**
 * Every way to cut a run of digits into `parts` valid numbers, as the start of each part, at most
 * `limit` ways (SPEC R5.8): `640020470` into 7 → [0, 2, 3, 4, 5, 6, 7] (64 0 0 2 0 4 70) among others.
 * A sign in the run starts a number, and only in a part that `signed` allows (SPEC R5.10): `35-15`
 * into two parts, the second signed, is 35 | -15 and nothing else.
 */
export function splitDigits(
  run: string,
  parts: number,
  limit: number,
  signed: readonly boolean[] = [],
): number[][] {
  const splits: number[][] = [];
  const cuts: number[] = [];
  const walk = (position: number) => {
    if (splits.length >= limit) return;
    if (cuts.length === parts) {
      if (position === run.length) splits.push([...cuts]);
      return;
    }
    const left = parts - cuts.length - 1;
    const pattern = signed[cuts.length] ? SIGNED_NUMBER : NUMBER;
    const last = Math.min(run.length - left, position + MAX_NUMBER);
    for (let end = position + 1; end <= last; end++) {
      if (!pattern.test(run.slice(position, end))) continue;
      cuts.push(position);
      walk(end);
      cuts.pop();
    }
  };
  walk(0);
  return splits;
}

/**
 * The fewest valid numbers the run can be cut into (Infinity when none): fewer than a row's columns
 * means a blank cell, which a run leaves no trace of, could explain the digits as well (SPEC R5.8).
 */
export function fewestNumbers(run: string, signed = false): number {
  const pattern = signed ? SIGNED_NUMBER : NUMBER;
  const fewest: number[] = Array.from({ length: run.length + 1 }, () => Infinity);
  fewest[run.length] = 0;
  for (let start = run.length - 1; start >= 0; start--)
    for (let end = start + 1; end <= Math.min(run.length, start + MAX_NUMBER); end++)
      if (pattern.test(run.slice(start, end)))
        fewest[start] = Math.min(fewest[start] ?? Infinity, 1 + (fewest[end] ?? Infinity));
  return fewest[0] ?? Infinity;
}
