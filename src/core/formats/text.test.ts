import { describe, expect, it } from 'vitest';
import { tokenizeText, type Token } from './text';

const shape = (tokens: Token[]) =>
  tokens.map((token) => (token.kind === 'text' ? token.text : `|${token.count}`));

describe('tokenizeText', () => {
  it('R2.1 a `|` ends the cell before it (layout b, one cell per line)', () => {
    expect(shape(tokenizeText('规章 |\n0 |\n12 |\n'))).toEqual(['规章', '0', '12']);
  });

  it('R2.2 pipes that end no cell form a run: covered slots or blanks (layouts a, b)', () => {
    expect(shape(tokenizeText('行政许可 |\n0 |\n||\n|\n'))).toEqual(['行政许可', '0', '|2', '|1']);
    expect(shape(tokenizeText('一、本年新收 | 0 | 3 | ||'))).toEqual([
      '一、本年新收',
      '0',
      '3',
      '|2',
    ]);
    expect(shape(tokenizeText('规章 | 0 | | 4 |'))).toEqual(['规章', '0', '|1', '4']);
  });

  it('R2.3 leading pipes separate cells instead of ending them', () => {
    expect(shape(tokenizeText('| 规章 | 0 | 0 | 5\n| 行政规范性文件 | 1 | | 2'))).toEqual([
      '规章',
      '0',
      '0',
      '5',
      '行政规范性文件',
      '1',
      '|1',
      '2',
    ]);
  });

  it('R2.4 a `|` alone on the line after its cell ends that cell (layout b′)', () => {
    expect(shape(tokenizeText('规章\n|\n0\n|\n|\n7\n|'))).toEqual(['规章', '0', '|1', '7']);
  });

  it('R2.5 lines without pipes are one cell each (layout c), padding and NBSP trimmed', () => {
    expect(shape(tokenizeText('自 然 人\n  0\u00a0\n\n本年新\n'))).toEqual([
      '自 然 人',
      '0',
      '本年新',
    ]);
  });

  it('R2.6 numbers separated by spaces after a label are cells of their own (layout e)', () => {
    expect(shape(tokenizeText('四、结转下年度继续办理 0 0 12 -'))).toEqual([
      '四、结转下年度继续办理',
      '0',
      '0',
      '12',
      '-',
    ]);
  });

  it('R2.7 every token carries the span of its characters', () => {
    const text = '规章 |\n  42 |\n||';
    for (const token of tokenizeText(text)) {
      const slice = text.slice(...token.span);
      if (token.kind === 'text') expect(slice).toBe(token.text);
      else expect(slice).toBe('|'.repeat(token.count));
    }
  });

  it('R2.8 stops at the given end (a repeated copy is not read twice)', () => {
    const text = '规章 |\n0 |\n规章 |\n9 |\n';
    expect(shape(tokenizeText(text, text.indexOf('规章', 2)))).toEqual(['规章', '0']);
  });

  it('R2.9 in a tab-separated text, tabs separate cells and a tab after a tab is a blank cell', () => {
    const copy = '规章\t0\t\t5\n行政规范性文件\t1\t2\t3\n行政许可\t\t\t4';
    expect(shape(tokenizeText(copy))).toEqual([
      '规章',
      '0',
      '|1',
      '5',
      '行政规范性文件',
      '1',
      '2',
      '3',
      '行政许可',
      '|1',
      '|1',
      '4',
    ]);
  });

  it('R2.9 a tab alone on its line separates cells whose paragraphs stand on lines of their own', () => {
    // A browser's copy of Word-pasted cells: `<td><p>26</p></td>` puts the value on its own line.
    const copy = '一、本年新收\n\n\t\n\n26\n\n\t\n\n\t\n\n\t\n\n3\n\n\t\n\n0\n';
    expect(shape(tokenizeText(copy))).toEqual(['一、本年新收', '26', '|1', '|1', '3', '0']);
  });

  it('R2.9 a few tabs in prose leave it as it is', () => {
    const prose = '\t一、总体情况\n联系电话：\t0591-1234567\n\t我区严格落实…\n规章\t\t5';
    expect(shape(tokenizeText(prose))).toEqual([
      '一、总体情况',
      '联系电话：\t0591-1234567',
      '我区严格落实…',
      '规章',
      '5',
    ]);
  });

  it('R2.9 a blank cell of a tab-separated text spans its tab', () => {
    const copy = '规章\t0\t\t5\n规章\t0\t\t5\n规章\t0\t\t5';
    const run = tokenizeText(copy).find((token) => token.kind === 'run');
    expect(run && copy.slice(...run.span)).toBe('\t');
  });

  it.each(['|---|---|---|', '| --- | :---: | ---: |', '---|---', '|:----|-----|\r'])(
    'R2.10 the Markdown delimiter row %j is no cells',
    (delimiter) => {
      const table = `类别 | 数量 | 总计 |\n${delimiter}\n规章 | 0 | 5 |`;
      expect(shape(tokenizeText(table))).toEqual(['类别', '数量', '总计', '规章', '0', '5']);
      expect(shape(tokenizeText(`| 类别 | 总计 |\n${delimiter}\n| 规章 | 5 |`))).toEqual(
        shape(tokenizeText('| 类别 | 总计 |\n\n| 规章 | 5 |')),
      );
    },
  );

  it('R2.10 a row of `-` cells (not applicable) is still cells', () => {
    expect(shape(tokenizeText('规章 | - | -- |'))).toEqual(['规章', '-', '--']);
  });
});
