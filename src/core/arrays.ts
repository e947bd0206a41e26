// Loops over input-sized arrays. Spreading one into a call's arguments (`Math.max(...values)`,
// `push(...items)`) overflows the stack past about 100 000 elements (SPEC R14.9).

/** The least of the values; Infinity for none, like Math.min(). */
export function least(values: Iterable<number>): number {
  let result = Infinity;
  for (const value of values) if (value < result) result = value;
  return result;
}

/** The greatest of the values; -Infinity for none, like Math.max(). */
export function greatest(values: Iterable<number>): number {
  let result = -Infinity;
  for (const value of values) if (value > result) result = value;
  return result;
}

/** Appends the items to the target in place. */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
