import type { Confidence, Span } from './types';

/** What follows a row label in the token stream: its cells, and runs of `|` (SPEC R2). */
export type RowItem =
  { kind: 'cell'; text: string; span: Span } | { kind: 'run'; count: number; span: Span };

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
  | { kind: 'fixed'; slots: Slot[] }
  | {
      kind: 'open';
      candidates: Slot[][];
      /** Readings outside the candidates are possible too (a blank cell a digit run leaves no trace of). */
      undecided?: true;
    };

/** A row equation over the row's values (blank read as 0); used only to place values, never to fill them. */
export type RowEquation = (values: readonly number[]) => boolean;

/**
 * Places a row's printed cells into its `width` template columns (SPEC R5.1–R5.3). A run between cells
 * is that many blank cells; trailing runs are covered slots, except that single-`|` runs standing before
 * the covered run are trailing blanks (layout b). Otherwise the row stays open: every order-keeping
 * placement that satisfies the row's equation (all of them if none does) is a candidate.
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
  if (missing <= 0) {
    // More cells than columns: which one does not belong is a guess, so none is sure (SPEC R5.9).
    const extra = items.filter((item) => item.kind === 'cell').length > width;
    const kept = slots.slice(0, width);
    return {
      kind: 'fixed',
      slots: extra ? kept.map((slot) => ({ ...slot, confidence: 'low' })) : kept,
    };
  }

  const printed = items.flatMap((item) => (item.kind === 'cell' ? [item] : []));
  const candidates = [...increasingPositions(printed.length, width)].map((positions) => {
    const row: Slot[] = Array.from({ length: width }, () => ({
      text: '',
      span: null,
      confidence: 'low',
    }));
    positions.forEach((position, i) => {
      const cell = printed[i];
      if (cell) row[position] = { text: cell.text, span: cell.span, confidence: 'low' };
    });
    return row;
  });
  return openRow(candidates, readNumber, equation);
}

/** An open row of the given candidates, narrowed to those its equation holds for, if any. */
export function openRow(
  candidates: Slot[][],
  readNumber: (text: string) => number | null,
  equation?: RowEquation,
): Placement {
  const fitting = equation
    ? candidates.filter((slots) => equation(slots.map((slot) => readNumber(slot.text) ?? 0)))
    : [];
  return { kind: 'open', candidates: fitting.length > 0 ? fitting : candidates };
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
    const slots = placement.candidates[choice[index] ?? 0] ?? [];
    grid[index] = slots.map((slot) => readNumber(slot.text) ?? 0);
  };
  const bestCandidates = (index: number): number[] => {
    const placement = placements[index];
    if (placement?.kind !== 'open') return [];
    let best = -1;
    let winners: number[] = [];
    placement.candidates.forEach((_, candidate) => {
      choice[index] = candidate;
      apply(index);
      const points = score(grid);
      if (points > best) [best, winners] = [points, [candidate]];
      else if (points === best) winners.push(candidate);
    });
    return winners;
  };
  placements.forEach((_, index) => apply(index));
  for (let pass = 0, changed = true; changed && pass < MAX_PASSES; pass++) {
    changed = false;
    placements.forEach((placement, index) => {
      if (placement.kind !== 'open') return;
      const before = choice[index] ?? 0;
      const winners = bestCandidates(index);
      choice[index] = winners.includes(before) ? before : (winners[0] ?? before);
      apply(index);
      if (choice[index] !== before) changed = true;
    });
  }
  // Only fixed rows are evidence: an open row's guess cannot confirm another open row's guess.
  const unknown = () => Array.from({ length: width }, () => NaN);
  placements.forEach((placement, index) => {
    if (placement.kind === 'open') grid[index] = unknown();
  });
  const ambiguous: number[] = [];
  const slots = placements.map((placement, index) => {
    if (placement.kind === 'fixed') return placement.slots;
    const chosen = choice[index] ?? 0;
    const sure =
      !placement.undecided &&
      (placement.candidates.length === 1 || bestCandidates(index).length === 1);
    grid[index] = unknown();
    if (!sure) ambiguous.push(index);
    const confidence: Confidence = sure ? 'high' : 'low';
    return (placement.candidates[chosen] ?? []).map((slot) => ({ ...slot, confidence }));
  });
  return { slots, ambiguous };
}

/**
 * The placement as it is when its row is known; else every cell of it low confidence: the numbers of
 * a row whose label the template does not know are kept for the reviewer, never vouched for (R3.10).
 */
export function trustedAs(placement: Placement, known: boolean): Placement {
  if (known) return placement;
  if (placement.kind === 'open') return { ...placement, undecided: true };
  return { kind: 'fixed', slots: placement.slots.map((slot) => ({ ...slot, confidence: 'low' })) };
}

const MAX_PASSES = 4;

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
