/**
 * Bulk helpers without argument spreading: `target.push(...items)` and `Math.min(...values)` pass
 * every element as an argument on the stack, and some 120,000 of them (the findings of one large
 * zone) end in `RangeError: Maximum call stack size exceeded`.
 */

/** Appends every item of `items` to `target`. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
}

/** The smallest `value(item)`; `Infinity` for none, as `Math.min()`. */
export function smallestOf<T>(items: readonly T[], value: (item: T) => number): number {
  let min = Infinity;
  for (let i = 0; i < items.length; i++) min = Math.min(min, value(items[i]!));
  return min;
}

/** The largest `value(item)`; `-Infinity` for none, as `Math.max()`. */
export function largestOf<T>(items: readonly T[], value: (item: T) => number): number {
  let max = -Infinity;
  for (let i = 0; i < items.length; i++) max = Math.max(max, value(items[i]!));
  return max;
}
