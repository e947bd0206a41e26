import { describe, expect, it } from 'vitest';
import { patternRegExp } from './inputs';

const matches = (pattern: string, paths: string[]): string[] =>
  paths.filter((path) => patternRegExp(pattern).test(path));

describe('patternRegExp', () => {
  const paths = ['a.pdf', 'a.txt', 'b/a.pdf', 'b/c/a.pdf', 'ab.pdf', 'a.pdfx', 'apdf'];

  it('* stays within a directory and ? is one character', () => {
    expect(matches('*.pdf', paths)).toEqual(['a.pdf', 'ab.pdf']);
    expect(matches('?.pdf', paths)).toEqual(['a.pdf']);
    expect(matches('b/*.pdf', paths)).toEqual(['b/a.pdf']);
  });

  it('**/ is any number of directories, none included', () => {
    expect(matches('**/a.pdf', paths)).toEqual(['a.pdf', 'b/a.pdf', 'b/c/a.pdf']);
    expect(matches('b/**/a.pdf', paths)).toEqual(['b/a.pdf', 'b/c/a.pdf']);
    expect(matches('b/**', paths)).toEqual(['b/a.pdf', 'b/c/a.pdf']);
  });

  it('takes every other character literally, a dot or a bracket too', () => {
    expect(matches('a.pdf', paths)).toEqual(['a.pdf']);
    expect(patternRegExp('[1](x)+.txt').test('[1](x)+.txt')).toBe(true);
    expect(patternRegExp('[1](x)+.txt').test('1x.txt')).toBe(false);
  });
});
