import { foldLabel } from './fold';
import type { CellKind, CellReading } from './types';

export interface CellText extends CellReading {
  kind: CellKind;
}

// "Not applicable" marks (SPEC R4.3). Compared after NFKC folding, so full-width forms are covered.
const NOT_APPLICABLE = new Set(['/', '-', '—', '–', '－', '―', '--', '——', '无', '不适用', '\\']);

// A number, optionally signed, with thousands separators and decimals, then an optional unit and an
// optional note in brackets: `22（其中修订16件）`, `251000元`, `+1036`, `1,234.5万元`.
const NUMBER =
  /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:元|万元|件|条|个|项|次|人|人次|篇)?(?:\(.*\))?$/;

// A report repeats the same few cell texts (`0`, `1`, `/`) hundreds of times: read each once.
const readings = new Map<string, CellText>();
const MAX_READINGS = 4096;

/** Reads one table cell's text (SPEC R4). Blank is never zero; zero is never blank; no number is lossy. */
export function parseCellText(raw: string): CellText {
  const known = readings.get(raw);
  if (known) return { ...known };
  const reading = readCellText(raw);
  if (readings.size >= MAX_READINGS) readings.clear();
  readings.set(raw, reading);
  return { ...reading };
}

function readCellText(raw: string): CellText {
  const folded = foldLabel(raw);
  if (folded === '') return { value: null, raw, kind: 'blank' };
  if (NOT_APPLICABLE.has(folded)) return { value: null, raw, kind: 'na' };
  const match = NUMBER.exec(folded);
  if (!match) return { value: null, raw, kind: 'text' };
  const [, sign = '', whole = '', fraction = ''] = match;
  const value = exactNumber(`${sign === '-' ? '-' : ''}${whole.replace(/,/g, '')}${fraction}`);
  if (value === null) return { value: null, raw, kind: 'text' };
  return { value, raw, kind: 'number' };
}

/** Whether a cell's text writes a number, exact or not: `99999999999999999999` does, `12三` does not. */
export function isNumeral(raw: string): boolean {
  return NUMBER.test(foldLabel(raw));
}

// A double holds any decimal of 15 significant digits exactly (DBL_DIG), and integers up to 2^53 − 1.
const MAX_DECIMAL_DIGITS = 15;

/**
 * The number a decimal numeral (`-12`, `3.50`) writes, or null when a double cannot hold it exactly:
 * an integer beyond Number.isSafeInteger, a decimal of more than 15 significant digits. A lossy
 * number (`99999999999999999999` as 1e20, 400 digits as Infinity) is never a reading (SPEC R4.6).
 */
export function exactNumber(numeral: string): number | null {
  const value = Number(numeral);
  if (!Number.isFinite(value)) return null;
  const [whole = '', fraction = ''] = numeral.replace(/^[+-]/, '').split('.');
  if (fraction.replace(/0+$/, '') === '') {
    if (!Number.isSafeInteger(value)) return null;
  } else if (
    `${whole}${fraction}`.replace(/^0+/, '').replace(/0+$/, '').length > MAX_DECIMAL_DIGITS
  ) {
    return null;
  }
  return Object.is(value, -0) ? 0 : value;
}
