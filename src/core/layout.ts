import type { Confidence, Span } from './types';

/** What follows a row label in the token stream: its cells, and runs of `|` (SPEC R2). */
export type RowItem =
  { kind: 'cell'; text: string; span: Span } | { kind: 'run'; count: number; span: Span };

export interface Slot {
  text: string;
  span: Span | null;
  confidence: Confidence;
}

export interface SlotReading {
  slots: Slot[];
  /** True when the positions of the printed values had to be guessed (layout b2, c). */
  ambiguous: boolean;
}

/** A row equation over the row's values, blank read as 0; used only to place values, never to fill them. */
export type RowEquation = (values: readonly (number | null)[]) => boolean;

/**
 * Places a row's printed cells into its `width` template columns (SPEC R5). A run between cells is that
 * many blank cells; trailing runs are covered slots, except that single-`|` runs standing before the
 * covered run are trailing blanks (layout b). When fewer cells were printed than the template has and
 * the runs do not say where the blanks are (layout b2: one folded run; layout c: no runs), every
 * order-keeping placement is tried against the row's equation; a unique fit is kept as high confidence,
 * otherwise the leftmost fit is kept as low confidence.
 */
export function placeRow(
  items: readonly RowItem[],
  width: number,
  readNumber: (text: string) => number | null,
  equation?: RowEquation,
): SlotReading {
  const lastCell = findLastIndex(items, (item) => item.kind === 'cell');
  const slots: Slot[] = [];
  for (const [index, item] of items.entries()) {
    if (index > lastCell || slots.length >= width) break;
    if (item.kind === 'cell') slots.push({ text: item.text, span: item.span, confidence: 'high' });
    else
      for (let n = 0; n < item.count && slots.length < width; n++)
        slots.push(blankAt(item.span, n));
  }
  const trailing = items.slice(lastCell + 1);
  let missing = width - slots.length;
  for (const item of trailing) {
    if (missing === 0 || item.kind !== 'run' || item.count !== 1) break;
    slots.push(blankAt(item.span, 0));
    missing -= 1;
  }
  if (missing <= 0) return { slots: slots.slice(0, width), ambiguous: false };

  const printed = items.flatMap((item) => (item.kind === 'cell' ? [item] : []));
  return placeByEquation(printed, width, readNumber, equation);
}

function placeByEquation(
  printed: readonly Extract<RowItem, { kind: 'cell' }>[],
  width: number,
  readNumber: (text: string) => number | null,
  equation?: RowEquation,
): SlotReading {
  const values = printed.map((cell) => readNumber(cell.text));
  const fits: number[][] = [];
  for (const positions of increasingPositions(printed.length, width)) {
    if (!equation) {
      fits.push(positions);
      break;
    }
    const row: (number | null)[] = Array.from({ length: width }, () => 0);
    positions.forEach((position, i) => (row[position] = values[i] ?? null));
    if (equation(row)) fits.push(positions);
    if (fits.length > 1) break;
  }
  const unique = fits.length === 1 && equation !== undefined;
  const chosen = fits[0] ?? [...printed.keys()];
  const slots: Slot[] = Array.from({ length: width }, () => ({
    text: '',
    span: null,
    confidence: unique ? 'high' : 'low',
  }));
  chosen.forEach((position, i) => {
    const cell = printed[i];
    if (cell)
      slots[position] = { text: cell.text, span: cell.span, confidence: unique ? 'high' : 'low' };
  });
  return { slots, ambiguous: !unique };
}

function blankAt(span: Span, offset: number): Slot {
  const at = span[0] + offset;
  return { text: '', span: [at, at + 1], confidence: 'high' };
}

function* increasingPositions(count: number, width: number): Generator<number[]> {
  if (count > width) return;
  const positions = Array.from({ length: count }, (_, i) => i);
  while (true) {
    yield [...positions];
    let i = count - 1;
    while (i >= 0 && positions[i] === width - count + i) i -= 1;
    if (i < 0) return;
    positions[i] = (positions[i] ?? 0) + 1;
    for (let j = i + 1; j < count; j++) positions[j] = (positions[j - 1] ?? 0) + 1;
  }
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}
