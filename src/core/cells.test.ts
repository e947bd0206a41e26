import { describe, expect, it } from 'vitest';
import { parseCellText } from './cells';

describe('parseCellText', () => {
  it.each([
    ['0', 0],
    ['  12 ', 12],
    ['１２３', 123],
    ['1,234', 1234],
    ['+1036', 1036],
    ['-8', -8],
    ['24252.311082', 24252.311082],
    ['251000元', 251000],
    ['3.5万元', 3.5],
    ['22（其中修订16件）', 22],
  ])('R4.2 reads the number in %j as %d', (raw, value) => {
    expect(parseCellText(raw)).toEqual({ value, raw, kind: 'number' });
  });

  it('R4.1 a blank cell is blank, never zero', () => {
    expect(parseCellText('')).toEqual({ value: null, raw: '', kind: 'blank' });
    expect(parseCellText(' \u00a0')).toMatchObject({ value: null, kind: 'blank' });
  });

  it.each(['/', '-', '—', '无', '不适用', '／'])('R4.3 %j is not applicable', (raw) => {
    expect(parseCellText(raw)).toEqual({ value: null, raw, kind: 'na' });
  });

  it.each(['见附件', '1.2.3', '12a'])('R4.4 %j is text, not a number', (raw) => {
    expect(parseCellText(raw)).toEqual({ value: null, raw, kind: 'text' });
  });

  it('R4.5 the raw text is kept exactly as printed', () => {
    expect(parseCellText(' 22（其中修订16件）').raw).toBe(' 22（其中修订16件）');
  });
});
