/**
 * The value stored under `key` itself, never one inherited: keys come from imported data, and a
 * column named `toString` or `constructor` must find nothing rather than a function.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
