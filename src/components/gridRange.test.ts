import { describe, expect, it } from 'vitest';
import type { CellRef } from '../core';
import { moveInGrid } from './gridNav';
import { pasteAt, rangeBetween, slotsIn } from './gridRange';
import { fromTsv, toTsv } from './tsv';
import type { GridMap } from './tableLayouts';

const at = (row: string, column: string): CellRef => ({ table: 't', row, column });

// Two rows of three, the second without its middle cell (a row the form prints narrower).
const map: GridMap = [
  [at('a', 'x'), at('a', 'y'), at('a', 'z')],
  [at('b', 'x'), null, at('b', 'z')],
];

describe('grid keys', () => {
  it('Home/End go along the row, Ctrl+Home/Ctrl+End to the corners', () => {
    expect(moveInGrid(map, at('b', 'z'), 'rowStart')).toEqual(at('b', 'x'));
    expect(moveInGrid(map, at('a', 'x'), 'rowEnd')).toEqual(at('a', 'z'));
    expect(moveInGrid(map, at('b', 'x'), 'tableStart')).toEqual(at('a', 'x'));
    expect(moveInGrid(map, at('a', 'x'), 'tableEnd')).toEqual(at('b', 'z'));
  });

  it('a range is the rectangle between two cells, with the slots no cell fills', () => {
    const range = rangeBetween(map, at('b', 'z'), at('a', 'y'));
    expect(range).toEqual({ top: 0, left: 1, bottom: 1, right: 2 });
    expect(range && slotsIn(map, range)).toEqual([
      [at('a', 'y'), at('a', 'z')],
      [null, at('b', 'z')],
    ]);
    expect(rangeBetween(map, at('a', 'x'), at('c', 'x'))).toBeNull();
  });

  it('a paste is clipped to the grid and skips slots with no cell', () => {
    const { changes, end } = pasteAt(map, at('a', 'y'), [
      ['1', '2', '3'],
      ['4', '5', '6'],
      ['7', '8', '9'],
    ]);
    expect(changes).toEqual([
      { ref: at('a', 'y'), raw: '1' },
      { ref: at('a', 'z'), raw: '2' },
      { ref: at('b', 'z'), raw: '5' },
    ]);
    expect(end).toEqual(at('b', 'z'));
  });

  it('TSV as Excel writes it: quoted fields with tabs and line breaks, a last line break', () => {
    expect(fromTsv('1\t"a\tb"\r\n"c\r\nd"\t2\r\n')).toEqual([
      ['1', 'a\tb'],
      ['c\r\nd', '2'],
    ]);
    expect(fromTsv('1\t2\n3\t4')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(
      toTsv([
        ['1', 'a\tb'],
        ['', '"q"'],
      ]),
    ).toBe('1\t"a\tb"\r\n\t"""q"""');
    expect(
      fromTsv(
        toTsv([
          ['1', 'a\tb'],
          ['', '"q"'],
        ]),
      ),
    ).toEqual([
      ['1', 'a\tb'],
      ['', '"q"'],
    ]);
  });

  it('R9.7 a copied formula is inert for Excel, and pasted back into the grid as it was', () => {
    const rows = [['=HYPERLINK(A1)', '-', '-2', '12', '@SUM(A1)']];
    expect(toTsv(rows)).toBe("'=HYPERLINK(A1)\t'-\t-2\t12\t'@SUM(A1)");
    expect(fromTsv(toTsv(rows))).toEqual(rows);
    // Text that starts with an apostrophe of its own is left alone.
    expect(fromTsv("'x\t'")).toEqual([["'x", "'"]]);
  });
});
