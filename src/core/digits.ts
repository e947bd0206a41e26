// A number as printed in reports' tables: no leading zero, at most one decimal point inside.
const NUMBER = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * Every way to cut a run of digits into `parts` valid numbers, as the start of each part, at most
 * `limit` ways (SPEC R5.8): `640020470` into 7 → [0, 2, 3, 4, 5, 6, 7] (64 0 0 2 0 4 70) among others.
 */
export function splitDigits(run: string, parts: number, limit: number): number[][] {
  const splits: number[][] = [];
  const cuts: number[] = [];
  const walk = (position: number) => {
    if (splits.length >= limit) return;
    if (cuts.length === parts) {
      if (position === run.length) splits.push([...cuts]);
      return;
    }
    const left = parts - cuts.length - 1;
    for (let end = position + 1; end <= run.length - left; end++) {
      if (!NUMBER.test(run.slice(position, end))) continue;
      cuts.push(position);
      walk(end);
      cuts.pop();
    }
  };
  walk(0);
  return splits;
}
