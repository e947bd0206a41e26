import { parseCellText } from '../cells';
import type { PdfRuling } from './pdfRulings';

// What a PDF page gives the layout (text runs, ruling pieces), and the text rules that the stream
// and the lattice readings share (SPEC R12).

/** One positioned run of text on a page: origin top-left, y down, `y` the baseline (R12.1). */
export interface PdfTextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  /** Written top to bottom (a rowspan cell's label set vertically). */
  vertical: boolean;
}

export interface PdfPageText {
  width: number;
  height: number;
  runs: PdfTextRun[];
  /** The page's drawn lines (R12.13); absent where they were not read. */
  rulings?: readonly PdfRuling[];
}

/** A rectangle on a page, in viewport space at scale 1 (top-left origin, y down). */
export interface PdfBox {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Where a stretch of a line of the display text (`from`–`to` in that line) is printed (R12.40). */
export interface TextPlace {
  from: number;
  to: number;
  box: PdfBox;
}

/** Text placed on a line: a run or a part of one, its left and right, its centre and font size. */
export interface Piece {
  text: string;
  x0: number;
  x1: number;
  cy: number;
  fs: number;
}

export const CJK =
  /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u2014\u2018-\u201f\u2026]/;
export const LATIN = /[A-Za-z0-9]/;
/**
 * A row number opening a label: `三、`, `（二）`, `1.`; Chromium prints 一, 二, 八 and 十 as their Kangxi
 * radicals (⼀ ⼆ ⼋ ⼗, R13.1).
 */
export const MARKER =
  /^(?:[一二三四五六七八九十⼀⼆⼋⼗]+[、.．]|[（(][一二三四五六七八九十⼀⼆⼋⼗\d]+[)）]|\d+[.．、](?!\d))/;

/** The vertical centre of a horizontal run's glyphs. */
export const centreOf = (run: PdfTextRun): number => run.y - 0.35 * run.fontSize;

/** Whitespace between CJK characters is justification, not a space (R12.2). */
export function cleanText(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000]+/g, (space, at: number, whole: string) => {
      const before = whole[at - 1] ?? '';
      const after = whole[at + space.length] ?? '';
      return CJK.test(before) && CJK.test(after) ? '' : ' ';
    })
    .trim();
}

/** Two parts of one text: a space only between Latin letters or digits. */
export function joinText(first: string, second: string): string {
  const a = first.slice(-1);
  const b = second[0] ?? '';
  return LATIN.test(a) && LATIN.test(b) ? `${first} ${second}` : first + second;
}

/** A number or a dash: what a table cell holds, as the text pipeline reads it. */
export function isValue(text: string): boolean {
  const kind = parseCellText(text).kind;
  return kind === 'number' || kind === 'na';
}

/** Full-width characters take one em, the others about half: where a character of a run sits. */
export function ems(text: string): number {
  let n = 0;
  for (const char of text) n += CJK.test(char) ? 1 : 0.5;
  return n;
}
