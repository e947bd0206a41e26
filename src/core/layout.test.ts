import { describe, expect, it } from 'vitest';
import { parseCellText } from './cells';
import { placeRow, settleRows, type RowItem } from './layout';

let at = 0;
const cell = (text: string): RowItem => ({ kind: 'cell', text, span: [at, (at += text.length)] });
const run = (count: number): RowItem => ({ kind: 'run', count, span: [at, (at += count)] });
const read = (text: string) => parseCellText(text).value;
const c3 = (values: readonly (number | null)[]) =>
  values.slice(0, -1).reduce<number>((sum, value) => sum + (value ?? 0), 0) ===
  (values.at(-1) ?? 0);
const texts = (items: RowItem[], width: number, equation?: typeof c3) => {
  const placed = placeRow(items, width, read, equation);
  const settled = settleRows([placed], width, read, () => 0);
  return {
    cells: (settled.slots[0] ?? []).map((slot) => slot.text || '_'),
    ambiguous: settled.ambiguous.length > 0,
  };
};

describe('placeRow', () => {
  it('R5.1 a full row keeps its cells in order; the trailing run is covered slots', () => {
    expect(texts([cell('3'), cell('0'), cell('3'), run(2)], 3)).toEqual({
      cells: ['3', '0', '3'],
      ambiguous: false,
    });
  });

  it('R5.2 a run between cells is that many blank cells, each with the span of its `|`', () => {
    const placed = placeRow([cell('1'), run(1), cell('1'), run(2)], 3, read);
    expect(placed.kind).toBe('fixed');
    if (placed.kind !== 'fixed') return;
    expect(placed.slots.map((slot) => slot.text)).toEqual(['1', '', '1']);
    expect(placed.slots[1]?.span).not.toBeNull();
  });

  it('R5.3 single-`|` runs before the covered run are trailing blanks (layout b)', () => {
    expect(texts([cell('5'), run(1), run(1), run(2)], 3)).toEqual({
      cells: ['5', '_', '_'],
      ambiguous: false,
    });
  });

  it('R5.4 a folded run (layout b2) leaves the row open, with the candidates of its own equation', () => {
    const placed = placeRow([cell('3'), cell('4'), run(7)], 7, read, c3);
    expect(placed.kind).toBe('open');
    // 3 + blanks ≠ 4 in every placement, so none satisfies C3 and every placement stays possible.
    if (placed.kind === 'open') expect(placed.candidates).toHaveLength(21);
    const sums = placeRow([cell('3'), cell('3'), run(7)], 7, read, c3);
    if (sums.kind === 'open')
      expect(sums.candidates.every((slots) => slots[6]?.text === '3')).toBe(true);
  });
});

describe('settleRows', () => {
  it('R5.5 when no equation decides, the leftmost fit is kept and marked low confidence', () => {
    const placed = placeRow([cell('3'), cell('3'), run(7)], 7, read, c3);
    const settled = settleRows([placed], 7, read, () => 0);
    expect(settled.slots[0]?.map((slot) => slot.text || '_')).toEqual([
      '3',
      '_',
      '_',
      '_',
      '_',
      '_',
      '3',
    ]);
    expect(settled.ambiguous).toEqual([0]);
    expect(settled.slots[0]?.every((slot) => slot.confidence === 'low')).toBe(true);
  });

  it('R5.6 the equations across rows place an open row when one fit satisfies most of them', () => {
    const full = placeRow([cell('2'), cell('0'), cell('1'), run(1)], 3, read);
    const open = placeRow([cell('1'), run(3)], 3, read);
    // Column sums must match the full row: the 1 belongs in the last column.
    const score = (grid: readonly (readonly number[])[]) =>
      [0, 1, 2].filter((column) => grid[1]?.[column] === (column === 2 ? 1 : 0)).length;
    const settled = settleRows([full, open], 3, read, score);
    expect(settled.slots[1]?.map((slot) => slot.text || '_')).toEqual(['_', '_', '1']);
    expect(settled.ambiguous).toEqual([]);
  });

  it('R5.7 missing positions are blank, never zero', () => {
    const settled = settleRows([placeRow([cell('8')], 3, read)], 3, read, () => 0);
    expect(settled.slots[0]?.map((slot) => slot.text)).toEqual(['8', '', '']);
  });
});
