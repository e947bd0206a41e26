import type { Confidence, Span } from './types';

/** What follows a row label in the token stream: its cells, and runs of `|` (SPEC R2). */
export type RowItem =
  { kind: 'cell'; text: string; span: Span } | { kind: 'run'; count: number; span: Span };

type PrintedCell = Extract<RowItem, { kind: 'cell' }>;

export interface Slot {
  text: string;
  span: Span | null;
  confidence: Confidence;
}

/**
 * A row whose cells have known positions, or one printed with fewer cells than the template has and
 * no sign of where the blanks are (layout b2: one folded run; layout c: nothing at all).
 */
export type Placement =
  { kind: 'fixed'; slots: Slot[] } | { kind: 'open'; printed: PrintedCell[]; fits: number[][] };

/** A row equation over the row's values (blank read as 0); used only to place values, never to fill them. */
export type RowEquation = (values: readonly number[]) => boolean;

/**
 * Places a row's printed cells into its `width` template columns (SPEC R5.1–R5.3). A run between cells
 * is that many blank cells; trailing runs are covered slots, except that single-`|` runs standing before
 * the covered run are trailing blanks (layout b). Otherwise the row stays open: every order-keeping
 * placement that satisfies the row's equation (all of them if none does) is a fit.
 */
export function placeRow(
  items: readonly RowItem[],
  width: number,
  readNumber: (text: string) => number | null,
  equation?: RowEquation,
): Placement {
  let lastCell = -1;
  items.forEach((item, index) => {
    if (item.kind === 'cell') lastCell = index;
  });
  const slots: Slot[] = [];
  for (const item of items.slice(0, lastCell + 1)) {
    if (slots.length >= width) break;
    if (item.kind === 'cell') slots.push({ text: item.text, span: item.span, confidence: 'high' });
    else
      for (let n = 0; n < item.count && slots.length < width; n++)
        slots.push(blankAt(item.span, n));
  }
  let missing = width - slots.length;
  for (const item of items.slice(lastCell + 1)) {
    if (missing === 0 || item.kind !== 'run' || item.count !== 1) break;
    slots.push(blankAt(item.span, 0));
    missing -= 1;
  }
  if (missing <= 0) return { kind: 'fixed', slots: slots.slice(0, width) };

  const printed = items.flatMap((item) => (item.kind === 'cell' ? [item] : []));
  const values = printed.map((cell) => readNumber(cell.text) ?? 0);
  const all = [...increasingPositions(printed.length, width)];
  const fitting = equation
    ? all.filter((positions) => equation(spread(values, positions, width)))
    : [];
  return { kind: 'open', printed, fits: fitting.length > 0 ? fitting : all };
}

/**
 * Settles the open rows of one table together (SPEC R5.4–R5.5): each takes the fit that satisfies the
 * most of the table's equations given the other rows, leftmost first on a tie, until nothing changes.
 * A cell is high confidence only where the fixed rows alone leave its row exactly one best fit.
 */
export function settleRows(
  placements: readonly Placement[],
  width: number,
  readNumber: (text: string) => number | null,
  score: (grid: readonly (readonly number[])[]) => number,
): { slots: Slot[][]; ambiguous: number[] } {
  const grid = placements.map((placement) =>
    placement.kind === 'fixed'
      ? placement.slots.map((slot) => readNumber(slot.text) ?? 0)
      : Array.from({ length: width }, () => 0),
  );
  const choice = placements.map(() => 0);
  const apply = (index: number) => {
    const placement = placements[index];
    if (placement?.kind !== 'open') return;
    const values = placement.printed.map((cell) => readNumber(cell.text) ?? 0);
    grid[index] = spread(values, placement.fits[choice[index] ?? 0] ?? [], width);
  };
  const bestFits = (index: number): number[] => {
    const placement = placements[index];
    if (placement?.kind !== 'open') return [];
    let best = -1;
    let winners: number[] = [];
    placement.fits.forEach((_, fit) => {
      choice[index] = fit;
      apply(index);
      const points = score(grid);
      if (points > best) [best, winners] = [points, [fit]];
      else if (points === best) winners.push(fit);
    });
    return winners;
  };
  placements.forEach((_, index) => apply(index));
  for (let pass = 0, changed = true; changed && pass < MAX_PASSES; pass++) {
    changed = false;
    placements.forEach((placement, index) => {
      if (placement.kind !== 'open') return;
      const before = choice[index] ?? 0;
      const winners = bestFits(index);
      choice[index] = winners.includes(before) ? before : (winners[0] ?? before);
      apply(index);
      if (choice[index] !== before) changed = true;
    });
  }
  // Only fixed rows are evidence: an open row's guess cannot confirm another open row's guess.
  placements.forEach((placement, index) => {
    if (placement.kind === 'open') grid[index] = Array.from({ length: width }, () => NaN);
  });
  const ambiguous: number[] = [];
  const slots = placements.map((placement, index) => {
    if (placement.kind === 'fixed') return placement.slots;
    const chosen = choice[index] ?? 0;
    const sure = placement.fits.length === 1 || bestFits(index).length === 1;
    grid[index] = Array.from({ length: width }, () => NaN);
    if (!sure) ambiguous.push(index);
    const confidence: Confidence = sure ? 'high' : 'low';
    const row: Slot[] = Array.from({ length: width }, () => ({ text: '', span: null, confidence }));
    (placement.fits[chosen] ?? []).forEach((position, i) => {
      const cell = placement.printed[i];
      if (cell) row[position] = { text: cell.text, span: cell.span, confidence };
    });
    return row;
  });
  return { slots, ambiguous };
}

const MAX_PASSES = 4;

function spread(values: readonly number[], positions: readonly number[], width: number): number[] {
  const row = Array.from({ length: width }, () => 0);
  positions.forEach((position, i) => (row[position] = values[i] ?? 0));
  return row;
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
